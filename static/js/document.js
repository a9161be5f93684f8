// The document page's "Copy" buttons: copy a paragraph's citation to the clipboard.
// Without JavaScript the buttons stay hidden and the citation text is visible and selectable.
(function () {
  "use strict";

  function announce(button, message) {
    var status = button.parentNode.querySelector(".cite-status");
    if (!status) {
      status = document.createElement("span");
      status.className = "cite-status";
      status.setAttribute("role", "status");
      button.parentNode.appendChild(status);
    }
    status.textContent = message;
    window.setTimeout(function () { status.textContent = ""; }, 3000);
  }

  function selectText(button) {
    var text = button.parentNode.querySelector(".cite-text");
    if (!text || !window.getSelection) { return; }
    var range = document.createRange();
    range.selectNodeContents(text);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(button) {
    var citation = button.getAttribute("data-citation");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(citation).then(
        function () { announce(button, "Copied: " + citation); },
        function () { selectText(button); announce(button, "Selected: press Ctrl+C to copy"); }
      );
    } else {
      selectText(button);
      announce(button, "Selected: press Ctrl+C to copy");
    }
  }

  document.querySelectorAll(".cite-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
})();
