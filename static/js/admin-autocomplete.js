// Django's admin autocomplete boxes (select2), named by their field as a select-only combobox:
// select2 named the box by the span showing its choice, so an empty box had no name, and that
// span claimed to be a text box without a name of its own (axe: aria-input-field-name). Loaded
// after Django's autocomplete.js by resolutions/admin.py's NamedAutocompleteSelect.
"use strict";
{
  const $ = django.jQuery;

  const nameBox = (select) => {
    const container = select.nextElementSibling;
    const box = container && container.querySelector(".select2-selection[role=combobox]");
    if (!box) return; // the hidden template row of an inline, not made a select2 box
    const label = document.querySelector(`label[for="${CSS.escape(select.id)}"]`);
    if (label) {
      label.id ||= `${select.id}-label`;
      box.setAttribute("aria-labelledby", label.id);
    } else {
      // A tabular inline's row: its heading is the column's, the select carries the name.
      box.removeAttribute("aria-labelledby");
      box.setAttribute("aria-label", select.getAttribute("aria-label") || "");
    }
    const shown = box.querySelector(".select2-selection__rendered");
    shown.removeAttribute("role");
    shown.removeAttribute("aria-readonly");
  };

  // After Django's own handlers, which make the boxes, as both were added after its.
  $(() => document.querySelectorAll("select.admin-autocomplete").forEach(nameBox));
  document.addEventListener("formset:added", (event) => {
    event.target.querySelectorAll("select.admin-autocomplete").forEach(nameBox);
  });
}
