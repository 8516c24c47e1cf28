// Search over notices, tasks, units and summaries. The index (search-index.js) maps tokens to
// documents; text is tokenized exactly as gongwen does it: runs of CJK characters become
// overlapping bigrams (a lone character stays itself), runs of letters and digits become
// lower-case words. Results are built with textContent, never innerHTML.
(function () {
  var data = window.GONGWEN_SEARCH;
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!data || !input) return;

  function isCjk(ch) {
    var c = ch.codePointAt(0);
    return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);
  }
  function isWord(ch) { return /[0-9A-Za-z]/.test(ch); }
  function tokens(text) {
    var out = [], run = [], word = "";
    function flushRun() {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    function flushWord() { if (word) out.push(word.toLowerCase()); word = ""; }
    Array.from(text).forEach(function (ch) {
      if (isCjk(ch)) { flushWord(); run.push(ch); }
      else if (isWord(ch)) { flushRun(); word += ch; }
      else { flushRun(); flushWord(); }
    });
    flushRun(); flushWord();
    return out;
  }

  function search(q) {
    var ts = tokens(q);
    if (!ts.length) return [];
    var hits = null;
    ts.forEach(function (t) {
      var posting = data.index[t] || [];
      var set = {};
      posting.forEach(function (d) { set[d] = true; });
      hits = hits === null ? set : Object.keys(hits).reduce(function (acc, d) { if (set[d]) acc[d] = true; return acc; }, {});
    });
    var needle = q.replace(/\s+/g, "");
    return Object.keys(hits).map(Number).map(function (d) {
      var doc = data.docs[d];
      var exact = doc.text.indexOf(needle) >= 0 || doc.title.indexOf(needle) >= 0;
      return { doc: doc, score: (exact ? 10 : 0) + (doc.title.indexOf(needle) >= 0 ? 5 : 0) };
    }).sort(function (a, b) { return b.score - a.score || a.doc.title.localeCompare(b.doc.title); });
  }

  // Appends `text` to `el`, wrapping every occurrence of a query token in <mark>.
  function highlight(el, text, q) {
    var parts = tokens(q).concat([q.replace(/\s+/g, "")]).filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    var i = 0;
    while (i < text.length) {
      var best = -1, len = 0;
      parts.forEach(function (p) {
        var at = text.toLowerCase().indexOf(p.toLowerCase(), i);
        if (at >= 0 && (best < 0 || at < best || (at === best && p.length > len))) { best = at; len = p.length; }
      });
      if (best < 0) { el.appendChild(document.createTextNode(text.slice(i))); break; }
      el.appendChild(document.createTextNode(text.slice(i, best)));
      var m = document.createElement("mark");
      m.textContent = text.slice(best, best + len);
      el.appendChild(m);
      i = best + len;
    }
  }

  function snippet(text, q) {
    var first = tokens(q)[0] || "";
    var at = Math.max(0, text.indexOf(first) - 30);
    return (at > 0 ? "…" : "") + text.slice(at, at + 120) + (at + 120 < text.length ? "…" : "");
  }

  function run(q) {
    list.textContent = "";
    if (!q.trim()) { status.textContent = ""; return; }
    var results = search(q);
    status.textContent = "“" + q + "”：" + results.length + " 条结果";
    results.slice(0, 200).forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.doc.url;
      highlight(a, r.doc.title, q);
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = r.doc.kind;
      li.appendChild(kind);
      var p = document.createElement("div");
      p.className = "snippet";
      highlight(p, snippet(r.doc.text, q), q);
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  run(q);
  function show() {
    run(input.value);
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    } catch (e) { /* file:// in some browsers */ }
  }
  document.getElementById("search-form").addEventListener("submit", function (e) {
    e.preventDefault();
    show();
  });
  // Results as you type, once typing pauses (an IME's composition is not searched half-way).
  var timer = null, composing = false;
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; input.dispatchEvent(new Event("input")); });
  input.addEventListener("input", function () {
    if (composing) return;
    clearTimeout(timer);
    timer = setTimeout(show, 250);
  });
})();
