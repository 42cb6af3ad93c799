// Records every selfcheck:* event that reaches the document, as a page's analytics would.
window.__events = [];
["ready", "start", "complete", "booking", "error"].forEach(function (name) {
  document.addEventListener("selfcheck:" + name, function (event) {
    window.__events.push({ type: event.type, detail: event.detail, bubbles: event.bubbles, composed: event.composed });
  });
});
// Keep the booking link from leaving the test page.
document.addEventListener("click", function (event) {
  var path = event.composedPath();
  if (path[0] && path[0].tagName === "A" && /clinic\.example/.test(path[0].href)) event.preventDefault();
});
