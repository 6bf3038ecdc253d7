// Upload size limits checked in the browser before anything is sent: a file input with
// data-max-bytes (the server's MAX_CONTENT_LENGTH) refuses a file over the limit, says the
// limit beside the field and keeps the rest of the form. The server's 413 stays the
// backstop; without JavaScript the form works as before.
(function () {
  "use strict";

  var MB = 1024 * 1024;

  function megabytes(bytes) {
    var value = bytes / MB;
    return (value >= 10 || value === Math.round(value) ? Math.round(value) : value.toFixed(1)) + " MB";
  }

  // Bytes of everything else the form sends (pasted text and other fields), in UTF-8.
  function otherBytes(form, input) {
    var total = 0;
    var encoder = window.TextEncoder ? new TextEncoder() : null;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el === input || !el.name || el.type === "file" || el.disabled) { return; }
      var value = el.value || "";
      total += encoder ? encoder.encode(value).length : value.length;
    });
    return total;
  }

  function errorFor(input) {
    var id = input.id + "-size-error";
    var error = document.getElementById(id);
    if (!error) {
      error = document.createElement("p");
      error.id = id;
      error.className = "field-error";
      error.setAttribute("role", "alert");
      error.hidden = true;
      input.insertAdjacentElement("afterend", error);
    }
    return error;
  }

  function show(input, message) {
    var error = errorFor(input);
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    error.textContent = message;
    error.hidden = !message;
    if (message) {
      if (described.indexOf(error.id) < 0) { described.push(error.id); }
      input.setAttribute("aria-invalid", "true");
    } else {
      described = described.filter(function (id) { return id !== error.id; });
      input.removeAttribute("aria-invalid");
    }
    if (described.length) {
      input.setAttribute("aria-describedby", described.join(" "));
    } else {
      input.removeAttribute("aria-describedby");
    }
  }

  // The message for the chosen file, or "" when it fits.
  function problem(input) {
    var limit = Number(input.getAttribute("data-max-bytes"));
    var file = input.files && input.files[0];
    if (!file || !limit) { return ""; }
    var advice = " Choose a smaller file, or paste the text instead.";
    if (file.size > limit) {
      return "\u201c" + file.name + "\u201d is " + megabytes(file.size) +
        "; the limit is " + megabytes(limit) + "." + advice;
    }
    if (file.size + otherBytes(input.form, input) > limit) {
      return "\u201c" + file.name + "\u201d and the text in this form come to more than the " +
        megabytes(limit) + " limit." + advice;
    }
    return "";
  }

  // Returns whether the chosen file can be sent; a refused file is cleared from the input.
  function check(input) {
    var message = problem(input);
    show(input, message);
    if (message) { input.value = ""; }
    return !message;
  }

  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    input.addEventListener("change", function () { check(input); });
    if (input.form) {
      input.form.addEventListener("submit", function (event) {
        if (!check(input)) {
          event.preventDefault();
          input.focus();
        }
      });
    }
  });
})();
