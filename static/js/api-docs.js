/* Names and focus for what Swagger UI draws without them (templates/ninja/swagger.html): a
   parameter's choice list is named after its parameter, a scrolling code sample can take the
   keyboard's focus (to scroll it), and the icon-only copy button says what it does. Swagger UI
   redraws as operations open, so each addition is made to whatever it draws next. */
(() => {
  const root = document.getElementById("swagger-ui");
  const mend = () => {
    for (const select of root.querySelectorAll("tr[data-param-name] select:not([aria-label])")) {
      select.setAttribute("aria-label", select.closest("tr").dataset.paramName);
    }
    for (const code of root.querySelectorAll(".microlight:not([tabindex])")) {
      code.setAttribute("tabindex", "0");
    }
    for (const button of root.querySelectorAll(".copy-to-clipboard button:not([aria-label])")) {
      button.setAttribute("aria-label", "Copy to clipboard");
    }
  };
  new MutationObserver(mend).observe(root, { childList: true, subtree: true });
})();
