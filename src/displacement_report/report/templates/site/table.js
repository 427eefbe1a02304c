/* The country profiles' table, sorted and filtered in the browser. The page is a plain
   table without it: this script adds a sort button to each column heading and shows
   the filter box (hidden until the script runs). A cell's data-value sorts it. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function value(row, column) {
    var cell = row.cells[column];
    var raw = cell.getAttribute("data-value");
    if (raw === null) return fold(cell.textContent.trim());
    return raw === "" ? null : Number(raw);
  }
  function compare(a, b) {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  }
  function sortable(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        var descending = header.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, column), y = value(b, column);
          var order = compare(x, y);
          // a cell without a figure stays last in either order
          return descending && x !== null && y !== null ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function filterable(table, input, status) {
    input.closest("[hidden]") && input.closest("[hidden]").removeAttribute("hidden");
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = fold(row.textContent);
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = status.dataset.template.replace("{count}", shown);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("profiles-table");
    if (!table) return;
    sortable(table);
    var input = document.getElementById("profiles-filter");
    var status = document.getElementById("profiles-filter-status");
    if (input && status) filterable(table, input, status);
  });
})();
