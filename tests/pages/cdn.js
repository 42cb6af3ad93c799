// 127.0.0.1 and localhost are different origins on the same server.
var other = location.hostname === "localhost" ? "127.0.0.1" : "localhost";
var script = document.createElement("script");
script.src = "http://" + other + ":" + location.port + "/dist/selfcheck.js";
script.crossOrigin = "anonymous";
document.head.appendChild(script);
