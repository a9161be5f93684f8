// The vote tables of a document page: a search box narrows the rows to the States (or votes)
// typed. Without JavaScript the box stays hidden and the whole table is shown.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function setUp(box) {
    var input = box.querySelector("input[data-filters]");
    var table = document.getElementById(input.getAttribute("data-filters"));
    var count = box.querySelector(".vote-filter-count");
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    input.addEventListener("input", function () {
      var query = normalise(input.value);
      var shown = 0;
      rows.forEach(function (row) {
        var match = !query || normalise(row.textContent).indexOf(query) !== -1;
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = query ? shown + " of " + rows.length + " States" : "";
    });
    box.hidden = false;
  }

  document.querySelectorAll(".vote-filter").forEach(setUp);
}());
