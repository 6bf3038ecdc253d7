// The little JavaScript the site needs; every page works without it.
(function () {
  "use strict";

  // Copy buttons: <button data-copy-target="id">; the target's text goes to the clipboard.
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (!target || !navigator.clipboard) { return; }
      var text = target.value !== undefined ? target.value : target.textContent;
      navigator.clipboard.writeText(text).then(function () {
        var status = document.getElementById(button.getAttribute("data-copy-status"));
        if (status) { status.textContent = "Copied to the clipboard."; }
      });
    });
  });

  // Move focus to an error summary so keyboard and screen-reader users hear it first.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
