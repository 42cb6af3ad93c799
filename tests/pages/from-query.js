// Turns the query string into a <self-check> element: every parameter becomes an attribute, and
// `page-lang` sets the page's own lang.
document.addEventListener("DOMContentLoaded", function () {
  var params = new URLSearchParams(location.search);
  var element = document.createElement("self-check");
  params.forEach(function (value, name) {
    if (name === "page-lang") document.documentElement.lang = value;
    else element.setAttribute(name, value);
  });
  document.getElementById("slot").appendChild(element);
});
