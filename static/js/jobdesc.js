// Job description builder: "Copy as formatted text" puts the posting on the clipboard as
// HTML (headings, paragraphs, bullets) with the plain text beside it, so a job board's
// rich-text editor keeps the formatting and a plain field still gets clean text.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-html]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-html"));
    var plain = document.getElementById(button.getAttribute("data-copy-text"));
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!source || !navigator.clipboard || typeof ClipboardItem === "undefined") { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      // The page's own heading levels (h3, h4) become h1 and h2 in the pasted posting.
      var copy = source.cloneNode(true);
      copy.querySelectorAll("h3, h4").forEach(function (heading) {
        var level = heading.tagName === "H3" ? "h1" : "h2";
        var replacement = document.createElement(level);
        replacement.textContent = heading.textContent;
        heading.replaceWith(replacement);
      });
      copy.querySelectorAll("[class], [id]").forEach(function (el) {
        el.removeAttribute("class");
        el.removeAttribute("id");
      });
      var html = copy.innerHTML;
      var text = plain ? plain.textContent : source.innerText;
      var item = new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" })
      });
      navigator.clipboard.write([item]).then(function () {
        if (status) { status.textContent = "Copied as formatted text."; }
      }, function () {
        if (status) { status.textContent = "The browser did not allow copying; use a download instead."; }
      });
    });
  });
})();
