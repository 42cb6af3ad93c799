// Mounts and unmounts the widget with a configuration object built in JavaScript.
var handle = null;
document.getElementById("mount").addEventListener("click", function () {
  if (handle) return;
  handle = window.SelfCheck.mount(document.getElementById("target"), {
    instruments: ["gad7"],
    lang: "en",
    clinicName: "Script Clinic",
    bookingUrl: "https://script.example/book",
    resume: "off",
    emit: "level"
  });
});
document.getElementById("unmount").addEventListener("click", function () {
  if (handle) handle.unmount();
  handle = null;
});
