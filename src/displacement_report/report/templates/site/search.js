/* Full-text search of the web edition, in the browser, from files alone: each index
   is a script (search-index.js) that adds its pages to window.siteSearch, so it loads
   from file:// as from a server. Accents do not matter: 'Jordanie' finds 'Jordanië'. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function snippet(text, words) {
    var folded = fold(text);
    var at = folded.indexOf(words[0]);
    var start = Math.max(0, at - 80);
    var piece = text.slice(start, start + 240);
    return (start > 0 ? "… " : "") + piece + (start + 240 < text.length ? " …" : "");
  }
  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var found = [];
    if (!words.length) return found;
    (window.siteSearch || []).forEach(function (index) {
      index.records.forEach(function (record) {
        var title = fold(record.t);
        var body = record.f || (record.f = fold(record.x));
        var score = 0;
        for (var i = 0; i < words.length; i++) {
          var inTitle = title.indexOf(words[i]) >= 0;
          if (!inTitle && body.indexOf(words[i]) < 0) return;
          score += inTitle ? 10 : 1;
        }
        found.push({ score: score, url: index.base + record.u, record: record });
      });
    });
    return found.sort(function (a, b) { return b.score - a.score; });
  }
  function show(form, list, status) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    form.elements.q.value = query;
    var found = search(query);
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    found.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.url;
      link.textContent = hit.record.t;
      var text = document.createElement("span");
      text.className = "search-snippet";
      text.textContent = snippet(hit.record.x, words);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    if (query) {
      status.textContent = (found.length === 1 ? status.dataset.one : status.dataset.many)
        .replace("{count}", found.length).replace("{query}", query);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("search-form");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (form && list && status) show(form, list, status);
  });
})();
