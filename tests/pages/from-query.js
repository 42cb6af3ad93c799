// Turns the query string into a <self-check> element: every parameter becomes an attribute, and
// `page-lang` sets the page's own lang. On a page whose tag for this file has `data-load-widget`,
// it also adds the widget's script: selfcheck.js, or selfcheck-plus.js with `script=plus` (the
// build with AUDIT-C, the drug question and the pre-checks), so one page serves both builds.
(function () {
  var params = new URLSearchParams(location.search);
  var own = document.currentScript;
  if (own && own.hasAttribute("data-load-widget")) {
    var script = document.createElement("script");
    script.src = params.get("script") === "plus" ? "/dist/selfcheck-plus.js" : "/dist/selfcheck.js";
    document.head.appendChild(script);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var element = document.createElement("self-check");
    params.forEach(function (value, name) {
      if (name === "page-lang") document.documentElement.lang = value;
      else if (name !== "script") element.setAttribute(name, value);
    });
    document.getElementById("slot").appendChild(element);
  });
})();
