// qawl quote browser: plain JavaScript, no libraries, nothing fetched.
// The data are one JSON object: coded fields (an index into values[field]) and one array per quote.
(function () {
  "use strict";
  var PAGE = 50;
  var data = JSON.parse(document.getElementById("quote-data").textContent);
  var F = {};
  data.fields.forEach(function (name, i) { F[name] = i; });
  var V = data.values;
  var rows = data.rows;
  var n = rows.length;
  var $ = function (id) { return document.getElementById(id); };

  // computed once: lower-cased text to search, and lower-cased speaker names
  var lowerSpeaker = V.speaker.map(function (s) { return s.toLowerCase(); });
  var haystack = new Array(n);
  for (var i = 0; i < n; i++) {
    var r = rows[i];
    haystack[i] = (r[F.content] + " \u0001 " + r[F.cue] + " \u0001 " + r[F.sentence] + " \u0001 " +
                   V.title[r[F.title]] + " \u0001 " + V.speaker[r[F.speaker]]).toLowerCase();
  }

  var state = { shown: [], page: 0 };

  function fillSelect(select, values, counts) {
    var order = values.map(function (v, k) { return k; }).filter(function (k) { return values[k] !== ""; });
    order.sort(function (a, b) { return counts[b] - counts[a] || (values[a] < values[b] ? -1 : 1); });
    order.forEach(function (k) {
      var option = document.createElement("option");
      option.value = values[k];
      option.textContent = values[k] + " (" + counts[k] + ")";
      select.appendChild(option);
    });
  }

  function countsOf(field) {
    var counts = new Array(V[field].length).fill(0);
    for (var i = 0; i < n; i++) counts[rows[i][F[field]]]++;
    return counts;
  }

  function setUp() {
    fillSelect($("f-outlet"), V.outlet, countsOf("outlet"));
    fillSelect($("f-role"), V.role, countsOf("role"));
    fillSelect($("f-type"), V.type, countsOf("type"));
    var speakerCounts = countsOf("speaker");
    var order = V.speaker.map(function (v, k) { return k; });
    order.sort(function (a, b) { return speakerCounts[b] - speakerCounts[a]; });
    var list = $("speakers");
    order.slice(0, 2000).forEach(function (k) {
      var option = document.createElement("option");
      option.value = V.speaker[k];
      list.appendChild(option);
    });
  }

  function readFilters() {
    return {
      speaker: $("f-speaker").value.trim().toLowerCase(),
      outlet: $("f-outlet").value, role: $("f-role").value, type: $("f-type").value,
      from: $("f-from").value, to: $("f-to").value,
      confidence: parseFloat($("f-confidence").value) || 0,
      text: $("f-text").value.trim().toLowerCase(),
      sort: $("f-sort").value
    };
  }

  function codeOf(field, value) { return value === "" ? -1 : V[field].indexOf(value); }

  // the quotes that pass the filters, as row numbers (sorted when asked)
  function filter(f) {
    var speakerOk = null;
    if (f.speaker) {
      speakerOk = new Uint8Array(V.speaker.length);
      for (var k = 0; k < V.speaker.length; k++) speakerOk[k] = lowerSpeaker[k].indexOf(f.speaker) >= 0 ? 1 : 0;
    }
    var outlet = codeOf("outlet", f.outlet), role = codeOf("role", f.role), type = codeOf("type", f.type);
    var words = f.text ? f.text.split(/\s+/) : [];
    var out = [];
    for (var i = 0; i < n; i++) {
      var r = rows[i];
      if (speakerOk && !speakerOk[r[F.speaker]]) continue;
      if (f.outlet && r[F.outlet] !== outlet) continue;
      if (f.role && r[F.role] !== role) continue;
      if (f.type && r[F.type] !== type) continue;
      if (f.confidence && r[F.confidence] < f.confidence) continue;
      if (f.from || f.to) {
        var d = V.date[r[F.date]];
        if (!d || (f.from && d < f.from) || (f.to && d > f.to)) continue;
      }
      var ok = true;
      for (var w = 0; w < words.length && ok; w++) ok = haystack[i].indexOf(words[w]) >= 0;
      if (!ok) continue;
      out.push(i);
    }
    if (f.sort) {
      var desc = f.sort.charAt(0) === "-", key = desc ? f.sort.slice(1) : f.sort;
      var value = key === "confidence" ? function (i) { return rows[i][F.confidence]; }
                                       : function (i) { return V[key][rows[i][F[key]]]; };
      out.sort(function (a, b) {
        var x = value(a), y = value(b);
        return (x < y ? -1 : x > y ? 1 : a - b) * (desc ? -1 : 1);
      });
    }
    return out;
  }

  function text(node, value) { node.appendChild(document.createTextNode(value)); return node; }

  function highlighted(sentence, spans) {
    // spans: speaker, cue, content (start, end pairs; -1 when absent): marks may nest, never cross
    var marks = [["speaker", spans[0], spans[1]], ["cue", spans[2], spans[3]], ["content", spans[4], spans[5]]]
      .filter(function (m) { return m[1] >= 0 && m[2] > m[1]; });
    var cuts = [0, sentence.length];
    marks.forEach(function (m) { cuts.push(m[1], m[2]); });
    cuts = cuts.filter(function (v, k, a) { return a.indexOf(v) === k; }).sort(function (a, b) { return a - b; });
    var div = document.createElement("div");
    div.className = "sentence";
    div.dir = "rtl";
    for (var c = 0; c + 1 < cuts.length; c++) {
      var a = cuts[c], b = cuts[c + 1], piece = sentence.slice(a, b);
      var classes = marks.filter(function (m) { return m[1] <= a && b <= m[2]; }).map(function (m) { return m[0]; });
      if (!classes.length) { text(div, piece); continue; }
      var mark = document.createElement("mark");
      mark.className = classes.join(" ");
      mark.title = classes.join(" + ");
      div.appendChild(text(mark, piece));
    }
    return div;
  }

  function cell(tr, value, className) {
    var td = document.createElement("td");
    if (className) td.className = className;
    if (value instanceof Node) td.appendChild(value); else text(td, value);
    tr.appendChild(td);
    return td;
  }

  function render() {
    var body = document.querySelector("#quotes tbody");
    var fresh = document.createElement("tbody");
    var first = state.page * PAGE, shown = state.shown.slice(first, first + PAGE);
    shown.forEach(function (i) {
      var r = rows[i], tr = document.createElement("tr");
      tr.dataset.row = i;
      cell(tr, V.speaker[r[F.speaker]], "speaker").dir = "auto";
      cell(tr, V.role[r[F.role]]);
      cell(tr, V.type[r[F.type]]);
      var quote = highlighted(r[F.sentence], r[F.spans]);
      quote.addEventListener("click", function () { this.classList.toggle("open"); });
      cell(tr, quote, "quote");
      cell(tr, V.outlet[r[F.outlet]]);
      cell(tr, V.date[r[F.date]], "date");
      var article = document.createElement("span");
      var title = V.title[r[F.title]] || V.doc[r[F.doc]];
      var url = V.url[r[F.url]];
      if (/^https?:\/\//i.test(url)) {
        var a = document.createElement("a");
        a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
        article.appendChild(text(a, title));
      } else {
        text(article, title);
      }
      article.dir = "auto";
      var section = V.section[r[F.section]];
      if (section) text(article, " · " + section);
      cell(tr, article, "article").title = V.doc[r[F.doc]];
      cell(tr, r[F.confidence].toFixed(2), "num");
      fresh.appendChild(tr);
    });
    body.parentNode.replaceChild(fresh, body);
    var pages = Math.max(1, Math.ceil(state.shown.length / PAGE));
    $("page").textContent = "page " + (state.page + 1) + " of " + pages;
    $("prev").disabled = state.page === 0;
    $("next").disabled = state.page + 1 >= pages;
  }

  function writeHash(f) {
    var parts = [];
    ["speaker", "outlet", "role", "type", "from", "to", "text", "sort"].forEach(function (k) {
      var v = { speaker: $("f-speaker").value.trim(), text: $("f-text").value.trim() }[k];
      if (v === undefined) v = f[k];
      if (v) parts.push(k + "=" + encodeURIComponent(v));
    });
    if (f.confidence) parts.push("confidence=" + f.confidence);
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== location.hash && history.replaceState) history.replaceState(null, "", hash || location.pathname);
  }

  function update(keepPage) {
    var f = readFilters();
    var started = performance.now();
    state.shown = filter(f);
    var ms = performance.now() - started;
    if (!keepPage) state.page = 0;
    render();
    document.body.dataset.filterMs = ms.toFixed(1);
    document.body.dataset.shown = state.shown.length;
    $("status").textContent = state.shown.length.toLocaleString("en") + " of " + n.toLocaleString("en") +
      " quotes (filtered in " + ms.toFixed(0) + " ms)";
    writeHash(f);
  }

  function readHash() {
    var ids = { speaker: "f-speaker", outlet: "f-outlet", role: "f-role", type: "f-type", from: "f-from",
                to: "f-to", confidence: "f-confidence", text: "f-text", sort: "f-sort" };
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("="), key = pair.slice(0, at), value = decodeURIComponent(pair.slice(at + 1));
      if (at > 0 && ids[key]) $(ids[key]).value = value;
    });
  }

  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(function () { update(false); }, 120); }

  setUp();
  readHash();
  ["f-outlet", "f-role", "f-type", "f-from", "f-to", "f-confidence", "f-sort"].forEach(function (id) {
    $(id).addEventListener("change", function () { update(false); });
  });
  ["f-speaker", "f-text"].forEach(function (id) { $(id).addEventListener("input", later); });
  $("f-reset").addEventListener("click", function () { $("filters").reset(); update(false); });
  $("prev").addEventListener("click", function () { state.page--; render(); window.scrollTo(0, 0); });
  $("next").addEventListener("click", function () { state.page++; render(); window.scrollTo(0, 0); });
  window.addEventListener("hashchange", function () { readHash(); update(false); });
  update(false);
  // for scripts and tests: filter with an object of filters, get the number shown and the time taken
  window.qawlBrowser = {
    filter: function (f) {
      Object.keys(f).forEach(function (k) { $("f-" + k).value = f[k]; });
      update(false);
      return { shown: state.shown.length, ms: parseFloat(document.body.dataset.filterMs) };
    },
    total: n
  };
})();
