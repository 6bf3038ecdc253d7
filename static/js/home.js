// The home page's resume drop zone: a file dropped on it (or chosen) is sent straight to
// the checker's report. Without JavaScript the zone is a plain file input and a button.
// upload.js (loaded before this file) has already refused a file over the size limit by
// the time the change handler below runs, so only a file that fits is sent.
(function () {
  "use strict";

  var zone = document.querySelector("[data-dropzone]");
  if (!zone) { return; }
  var input = zone.querySelector("input[type=file]");
  var status = zone.querySelector(".dropzone-status");
  if (!input || !input.form) { return; }
  var form = input.form;

  zone.classList.add("is-enhanced");

  function hasFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return types && Array.prototype.indexOf.call(types, "Files") >= 0;
  }

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      if (!hasFiles(event)) { return; }
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      zone.classList.add("is-over");
    });
  });
  zone.addEventListener("dragleave", function (event) {
    if (!zone.contains(event.relatedTarget)) { zone.classList.remove("is-over"); }
  });
  zone.addEventListener("drop", function (event) {
    zone.classList.remove("is-over");
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!files || !files.length) { return; }
    event.preventDefault();
    input.files = files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });

  input.addEventListener("change", function () {
    if (!input.files || !input.files.length) { return; }
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  });

  // Say what is happening once the form is really on its way (upload.js may stop it).
  form.addEventListener("submit", function (event) {
    var file = input.files && input.files[0];
    if (!event.defaultPrevented && file && status) {
      status.textContent = "Reading \u201c" + file.name + "\u201d\u2026";
    }
  });
})();
