// Records every error the page meets, as window.__trouble, for the Firefox and WebKit tests.
// WebKitWebDriver has no console log to read (Debian's build refuses WebDriver BiDi), so the page
// keeps its own list; it must load before any other script so that nothing slips past it.
window.__trouble = [];
(function () {
  function record(text) {
    window.__trouble.push(text);
  }
  var originalError = console.error;
  console.error = function () {
    record("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return originalError.apply(console, arguments);
  };
  // Capture phase: a script or stylesheet that fails to load reports its error on the element.
  window.addEventListener("error", function (event) {
    var target = event.target;
    record("error: " + (event.message || (target && (target.src || target.href)) || "unknown"));
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    record("unhandled rejection: " + String(event.reason));
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    record("CSP violation: " + event.violatedDirective + " " + event.blockedURI);
  });
})();
