/*
 * urut.js: make the comparison tables sortable (progressive enhancement).
 *
 * Without JavaScript a table reads in the order it was printed. With it, every header marked data-urut
 * gets a button; pressing it sorts the rows by that column (numbers by the exact value in data-nilai,
 * text alphabetically in Indonesian), ascending then descending, and aria-sort tells screen readers.
 * Rows without a value (shown as "–") always go last. The focus stays on the button, whose header a screen reader
 * does not read again, so a status beside the table says the new order (pressing it was heard as nothing).
 */
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.children[index];
    if (!cell) return null;
    if (numeric) {
      var raw = cell.getAttribute("data-nilai");
      return raw === null || raw === "" ? null : parseFloat(raw);
    }
    return cell.textContent.trim();
  }

  // "Diurutkan menurut instansi, A ke Z." / "… serapan anggaran, urutan turun."
  function sayOrder(table, header, numeric, ascending) {
    var status = table.parentNode.querySelector(".urut-status");
    if (!status) return;
    var order = numeric ? (ascending ? "urutan naik" : "urutan turun") : (ascending ? "A ke Z" : "Z ke A");
    status.textContent = "Diurutkan menurut " + header.textContent.trim().toLowerCase() + ", " + order + ".";
  }

  function sortBy(table, header, index) {
    var numeric = header.getAttribute("data-urut") === "angka";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric);
      var y = cellValue(b, index, numeric);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      var order = numeric ? x - y : x.localeCompare(y, "id");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    sayOrder(table, header, numeric, ascending);
  }

  function enhance(table) {
    var headers = table.querySelectorAll("thead th");
    // the live region is in the page before it speaks: one added as it is filled is not announced
    var status = document.createElement("p");
    status.className = "urut-status sr";
    status.setAttribute("role", "status");
    table.parentNode.insertBefore(status, table.nextSibling);
    Array.prototype.forEach.call(headers, function (header, index) {
      if (!header.hasAttribute("data-urut")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "urut-tombol";
      button.textContent = header.textContent;
      button.setAttribute("title", "Urutkan menurut " + header.textContent.toLowerCase());
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, header, index); });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table.urut"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
