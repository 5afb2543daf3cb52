// qawl report: every pandas table gets a filter box, sorting by column, and shows its first rows
// until expanded. Plain JavaScript; nothing is fetched.
(function () {
  "use strict";
  var FIRST_ROWS = 5;

  function cellText(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.trim() : "";
  }

  function asNumber(text) {
    var value = parseFloat(text.replace(/,/g, "").replace(/%$/, ""));
    return /^-?[\d,.]+(e[-+]?\d+)?%?$/i.test(text) && !isNaN(value) ? value : null;
  }

  function setUp(table, index) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var expanded = false;
    var tools = document.createElement("div");
    tools.className = "qawl-tools";
    var filter = document.createElement("input");
    filter.type = "search";
    filter.placeholder = "filter these " + rows.length + " rows";
    filter.setAttribute("aria-label", "filter the table");
    var count = document.createElement("span");
    var toggle = document.createElement("button");
    toggle.type = "button";
    tools.appendChild(filter);
    tools.appendChild(count);
    tools.appendChild(toggle);
    table.parentNode.insertBefore(tools, table);
    table.dataset.qawlTable = index;
    Array.prototype.forEach.call(table.querySelectorAll("td, th"), function (cell) {
      if (cell.textContent.length > 40) cell.title = cell.textContent.trim();
    });

    function show() {
      var words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var matching = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var text = row.textContent.toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        var visible = ok && (expanded || words.length > 0 || matching < FIRST_ROWS);
        if (ok) matching++;
        row.classList.toggle("qawl-hidden", !visible);
      });
      var shown = body.querySelectorAll("tr:not(.qawl-hidden)").length;
      count.textContent = shown + " of " + rows.length + " rows";
      toggle.textContent = expanded ? "collapse" : (rows.length > FIRST_ROWS ? "show all " + rows.length : "expand");
      // collapsed: one line per cell (the whole text on hover); expanded: cells wrap
      table.classList.toggle("qawl-compact", !expanded && words.length === 0);
    }

    filter.addEventListener("input", show);
    toggle.addEventListener("click", function () { expanded = !expanded; show(); });

    var head = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1] : null;
    if (head) {
      Array.prototype.forEach.call(head.cells, function (th, column) {
        th.classList.add("qawl-sortable");
        th.title = "sort by this column";
        var ascending = true;
        th.addEventListener("click", function () {
          var all = Array.prototype.slice.call(body.rows);
          var numeric = all.every(function (r) { var t = cellText(r, column); return t === "" || asNumber(t) !== null; });
          all.sort(function (a, b) {
            var x = cellText(a, column), y = cellText(b, column);
            var order = numeric ? (asNumber(x) || 0) - (asNumber(y) || 0) : x.localeCompare(y);
            return ascending ? order : -order;
          });
          ascending = !ascending;
          all.forEach(function (r) { body.appendChild(r); });
          show();
        });
      });
    }
    show();
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.dataframe"), setUp);
  // a figure shown smaller than its image opens at full size on a click
  Array.prototype.forEach.call(document.querySelectorAll(".qawl-figure img"), function (img) {
    img.title = "click to enlarge";
    img.addEventListener("click", function () { img.classList.toggle("qawl-full"); });
  });
})();
