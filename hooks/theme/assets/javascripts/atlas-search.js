// Header search with Pagefind. Nothing of the index loads with the page: the engine loads on
// first focus of the box, and each query fetches only the index chunks its words fall in.
// Keyboard: type, Down/Up move through the results, Enter opens, Escape closes.
(function () {
  "use strict";
  var form = document.querySelector("[data-atlas-search]");
  if (!form || !document.currentScript) return;
  var base = new URL("../../", document.currentScript.src);  // this file is assets/javascripts/
  var input = form.querySelector("input");
  var panel = document.getElementById("atlas-search-results");
  var status = document.getElementById("atlas-search-status");
  var list = panel.querySelector("ol");
  var engine = null;

  function load() {
    if (!engine) {
      // no web worker: one file less to download (12 kB), and a query takes milliseconds anyway
      engine = import(new URL("pagefind/pagefind.js", base).href).then(function (pagefind) {
        return Promise.resolve(pagefind.options({ baseUrl: base.pathname, excerptLength: 16, noWorker: true })).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // Excerpts hold text and <mark>; parsed inertly and copied as text, so nothing indexed can run.
  function excerpt(html) {
    var out = document.createElement("span");
    out.className = "atlas-search__excerpt";
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    Array.prototype.forEach.call(doc.body.firstChild.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function show(message, results) {
    panel.hidden = false;
    status.textContent = message;
    list.textContent = "";
    (results || []).forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "atlas-search__result";
      var url = new URL(data.url, location.href);
      if (url.origin !== location.origin) return;
      link.href = url.pathname;
      var title = document.createElement("span");
      title.className = "atlas-search__title";
      title.textContent = (data.meta && data.meta.title) || url.pathname;
      link.appendChild(title);
      link.appendChild(excerpt(data.excerpt || ""));
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  // An exercise whose own name or alias is the query comes first ("RDL", "hex bar deadlift").
  function plain(text) { return (text || "").toLowerCase().replace(/\s+/g, " ").trim(); }
  function rank(query, data) {
    var q = plain(query);
    function exact(d) {
      var names = [d.meta && d.meta.title].concat(((d.meta && d.meta.aliases) || "").replace(/^\s*also called\s*/i, "").split(","));
      return names.some(function (name) { return plain(name) === q; });
    }
    return data.filter(exact).concat(data.filter(function (d) { return !exact(d); }));
  }

  var latest = 0, dismissed = false;
  function run() {
    dismissed = false;
    var query = input.value.trim().slice(0, 100);
    var ticket = ++latest;
    if (!query) { panel.hidden = true; return; }
    load().then(function (pagefind) {
      return pagefind.debouncedSearch(query, {}, 120);
    }).then(function (search) {
      if (!search || ticket !== latest) return null;
      return Promise.all(search.results.slice(0, 8).map(function (r) { return r.data(); })).then(function (data) {
        if (ticket !== latest) return;
        data = rank(query, data).slice(0, 8);
        var n = search.results.length;
        show(n === 0 ? "No results for this search." : n + (n === 1 ? " result" : " results") + (n > 8 ? ", the first 8 shown." : "."), data);
      });
    }).catch(function () {
      if (ticket === latest) show("Search is not available right now (offline, and the search files are not stored).");
    });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  form.hidden = false;
  input.addEventListener("focus", function () { load().catch(function () {}); });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      dismissed = true;
      panel.hidden = true;
      input.focus();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
  form.addEventListener("focusout", function (event) {
    if (!form.contains(event.relatedTarget)) panel.hidden = true;
  });
  input.addEventListener("focus", function () { if (!dismissed && input.value.trim() && list.children.length) panel.hidden = false; });
})();
