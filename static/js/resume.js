// Edit bullets in place on the resume report, and re-check the whole resume with the edits.
// Progressive enhancement: without this script the report is whole, and editing the pasted
// text and pressing "Check my resume" re-checks it (the form carries the previous check,
// so the report still says what changed). Nothing here stores the resume anywhere.
(function () {
  "use strict";

  var report = document.getElementById("resume-report");
  var form = document.getElementById("resume-form");
  var resumeText = document.getElementById("resume_text");
  if (!report || !form || !resumeText || !window.fetch || !report.getAttribute("data-bullet-api")) {
    return;
  }
  var api = report.getAttribute("data-bullet-api");
  var level = report.getAttribute("data-level") || "";
  var status = document.getElementById("bullet-status");
  var DELAY_MS = 350;
  var LABELS = { strong: "Strong", fair: "Fair", weak: "Weak" };
  var cards = Array.prototype.slice.call(report.querySelectorAll(".bullet-card[data-bullet]"));

  function announce(text) {
    if (!status) { return; }
    // Emptied first so that the same words twice are announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 60);
  }

  function part(card, name) {
    return card.querySelector('[data-field="' + name + '"]');
  }

  function listed(values, none) {
    return values && values.length ? values.join(", ") : none;
  }

  function show(card, bullet) {
    var badge = part(card, "verdict");
    badge.textContent = LABELS[bullet.verdict];
    badge.className = "badge badge-" + bullet.verdict;
    card.classList.remove("verdict-strong", "verdict-fair", "verdict-weak");
    card.classList.add("verdict-" + bullet.verdict);
    part(card, "text").textContent = bullet.text;
    part(card, "action_verb").textContent = bullet.action_verb || "None at the start";
    part(card, "metric").textContent = bullet.metric || "None";
    part(card, "impact").textContent = listed(bullet.impact, "None named");
    part(card, "weak_phrases").textContent = listed(bullet.weak_phrases, "None");
    var rewrite = card.querySelector(".rewrite");
    rewrite.hidden = !bullet.suggestion;
    rewrite.querySelector(".label").textContent = bullet.rewrite ? "Suggested rewrite" : "What to add";
    part(card, "suggestion").textContent = bullet.suggestion || "";
    card.querySelector('[data-action="use-rewrite"]').hidden = !bullet.rewrite;
    card.setAttribute("data-rewrite", bullet.rewrite || "");
  }

  function note(card, text) {
    var el = part(card, "note");
    el.textContent = text;
    el.hidden = !text;
  }

  function check(card) {
    var editor = card.querySelector("textarea");
    var number = card.getAttribute("data-bullet");
    var sent = (Number(card.getAttribute("data-sent")) || 0) + 1;
    card.setAttribute("data-sent", String(sent));
    if (!editor.value.trim()) {
      note(card, "Write the bullet to have it judged.");
      return;
    }
    fetch(api, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ text: editor.value, level: level })
    }).then(function (response) {
      return response.json().then(function (body) {
        return { ok: response.ok, status: response.status, body: body };
      });
    }).then(function (answer) {
      // Only the latest edit's answer counts; an earlier one may arrive after it.
      if (String(sent) !== card.getAttribute("data-sent")) { return; }
      if (!answer.ok) {
        var error = answer.body && answer.body.error;
        var text = answer.status === 429
          ? "Too many checks in a minute: pause a moment and keep typing."
          : (error && error.fields && error.fields.text) || (error && error.message) ||
            "The bullet could not be checked.";
        note(card, text);
        return;
      }
      note(card, "");
      var before = card.getAttribute("data-verdict");
      show(card, answer.body);
      card.setAttribute("data-verdict", answer.body.verdict);
      if (before !== answer.body.verdict) {
        announce("Bullet " + number + " is now " + answer.body.verdict + ".");
      }
    }).catch(function () {
      if (String(sent) === card.getAttribute("data-sent")) {
        note(card, "The bullet could not be checked. Check your connection and try again.");
      }
    });
  }

  function openEditor(card) {
    var editor = card.querySelector(".bullet-editor");
    var button = card.querySelector('[data-action="edit"]');
    editor.hidden = false;
    button.setAttribute("aria-expanded", "true");
    return editor.querySelector("textarea");
  }

  function selectFirstBlank(textarea) {
    var blank = /\[[^\]]*\]/.exec(textarea.value);
    textarea.focus();
    if (blank) {
      textarea.setSelectionRange(blank.index, blank.index + blank[0].length);
    }
  }

  cards.forEach(function (card) {
    var textarea = card.querySelector("textarea");
    var editButton = card.querySelector('[data-action="edit"]');
    var useButton = card.querySelector('[data-action="use-rewrite"]');
    var timer = null;
    card.querySelector(".bullet-actions").hidden = false;
    editButton.setAttribute("aria-expanded", "false");
    editButton.setAttribute("aria-controls", textarea.id);

    editButton.addEventListener("click", function () {
      var editor = card.querySelector(".bullet-editor");
      if (!editor.hidden) {
        editor.hidden = true;
        editButton.setAttribute("aria-expanded", "false");
        return;
      }
      openEditor(card).focus();
    });

    textarea.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { check(card); }, DELAY_MS);
    });

    useButton.addEventListener("click", function () {
      var rewrite = card.getAttribute("data-rewrite");
      if (!rewrite) { return; }
      var editor = openEditor(card);
      editor.value = rewrite;
      selectFirstBlank(editor);
      announce("The rewrite is in the editor of bullet " + card.getAttribute("data-bullet") +
        "; its first blank is selected: type your own figure.");
      check(card);
    });
  });

  // A fix's link opens the folded strong bullets when its bullet is there, and focuses it.
  function reveal(hash) {
    if (!hash || hash.length < 2) { return; }
    var target = document.getElementById(hash.slice(1));
    if (!target || !report.contains(target)) { return; }
    var folded = target.closest("details");
    if (folded && !folded.open) { folded.open = true; }
    if (target.hasAttribute("tabindex")) { target.focus(); }
  }
  report.addEventListener("click", function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (link) { window.setTimeout(function () { reveal(link.getAttribute("href")); }, 0); }
  });
  reveal(window.location.hash === "#resume-report" ? "" : window.location.hash);

  // Re-check: put each edited bullet in place of its old words in the resume text, then
  // send the form (which carries the previous check, for the before and after).
  function escaped(word) {
    return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  var intro = report.querySelector(".edit-intro");
  if (intro && cards.length) { intro.hidden = false; }
  var recheck = document.getElementById("recheck-resume");
  if (recheck) {
    recheck.closest(".recheck").hidden = false;
    recheck.addEventListener("click", function () {
      var text = resumeText.value;
      var from = 0;
      var lost = [];
      cards.slice().sort(function (a, b) {
        return Number(a.getAttribute("data-bullet")) - Number(b.getAttribute("data-bullet"));
      }).forEach(function (card) {
        var editor = card.querySelector("textarea");
        var original = editor.getAttribute("data-original");
        var edited = editor.value.replace(/\s+/g, " ").trim();
        // The old words, however the resume wrapped them across lines.
        var pattern = new RegExp(original.trim().split(/\s+/).map(escaped).join("\\s+"), "g");
        pattern.lastIndex = from;
        var found = pattern.exec(text);
        if (!found) {
          if (edited !== original) { lost.push(card.getAttribute("data-bullet")); }
          return;
        }
        text = text.slice(0, found.index) + edited + text.slice(found.index + found[0].length);
        from = found.index + edited.length;
      });
      var problem = document.getElementById("recheck-problem");
      if (lost.length) {
        problem.textContent = "Bullet " + lost.join(", ") + " could not be found in the " +
          "resume text above. Copy your edit into the text by hand, then check it again.";
        problem.hidden = false;
        problem.focus();
        return;
      }
      resumeText.value = text;
      var submit = document.getElementById("check-resume");
      if (form.requestSubmit) { form.requestSubmit(submit); } else { form.submit(); }
    });
  }
})();
