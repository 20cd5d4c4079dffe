/* Sortable, searchable tables for the kit's report pages, offline (no library is fetched).
   Every table of a cell's output gets a search box that hides the rows not containing the
   words typed, and headers that sort the rows when clicked (numbers as numbers; a second
   click reverses). Rows are moved, never rewritten: cell text stays as nbconvert escaped it. */
(function () {
  "use strict";
  function cellValue(row, column) {
    var cell = row.children[column];
    return cell ? cell.textContent.trim() : "";
  }
  function compare(a, b) {
    var x = parseFloat(a.replace(/,/g, "")), y = parseFloat(b.replace(/,/g, ""));
    var numeric = /^[-+−]?[\d.,]+(e[-+]?\d+)?%?$/i;
    if (numeric.test(a) && numeric.test(b) && !isNaN(x) && !isNaN(y)) { return x - y; }
    return a.localeCompare(b);
  }
  function enhance(table, number) {
    var body = table.tBodies[0];
    if (!body || body.rows.length < 2 || !table.tHead) { return; }
    var header = table.tHead.rows[table.tHead.rows.length - 1];
    var box = document.createElement("input");
    box.type = "search";
    box.className = "table-search";
    box.placeholder = "search " + body.rows.length + " rows";
    box.setAttribute("aria-label", "search the rows of table " + number);
    box.addEventListener("input", function () {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(body.rows, function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
    table.parentNode.insertBefore(box, table);
    Array.prototype.forEach.call(header.cells, function (th, column) {
      th.classList.add("sortable");
      th.title = "click to sort";
      th.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(header.cells, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r, s) {
          var order = compare(cellValue(r, column), cellValue(s, column));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function start() {
    var tables = document.querySelectorAll(".jp-OutputArea-output table, .jp-RenderedHTMLCommon table");
    Array.prototype.forEach.call(tables, function (table, number) { enhance(table, number + 1); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
