// Header search over the atlas's own word index (hooks/atlas/search.py), loaded by
// atlas-search.js on first use. Each word of a query fetches one small shard (the words that
// start with its first two letters); a shard once fetched is kept for the next keystroke.
// Keyboard: type, Down/Up move through the results, Enter opens, Escape closes.
(function () {
  "use strict";
  var form = document.querySelector("[data-atlas-search]");
  if (!form || !document.currentScript) return;
  var base = new URL("../../", document.currentScript.src);  // this file is assets/javascripts/
  if (form.dataset.engine) return;  // loaded once
  form.dataset.engine = "ready";
  var input = form.querySelector("input");
  var panel = document.getElementById("atlas-search-results");
  var status = document.getElementById("atlas-search-status");
  var list = panel.querySelector("ol");
  var SHOWN = 8, MAX_WORDS = 6;
  var STOP = "a an and are as at be by for from has in is it its of on or that the this to was were with your you can not no".split(" ");
  var shards = {};  // "ro" -> promise of the shard

  // The same folding as search.py's words(): lower case, no accents, plurals folded, common words out.
  function fold(word) { return word.length > 3 && /s$/.test(word) && !/ss$/.test(word) ? word.slice(0, -1) : word; }
  function words(text) {
    var plain = text.toLowerCase().normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    return (plain.match(/[a-z0-9]+/g) || []).filter(function (w) { return w.length > 1 && STOP.indexOf(w) < 0; }).map(fold);
  }
  function shard(key) {
    if (!/^[a-z0-9]{2}$/.test(key)) return Promise.resolve(null);
    if (!shards[key]) {
      shards[key] = fetch(new URL("search/" + key + ".json", base).href).then(function (response) {
        if (response.status === 404) return null;  // no indexed word starts with these letters
        if (!response.ok) throw new Error("search files unavailable");
        return response.json();
      });
      shards[key].catch(function () { delete shards[key]; });  // offline now: try again next time
    }
    return shards[key];
  }

  // Pages for one query word: every indexed word it begins (the last word may be half typed).
  function lookup(word, data) {
    var found = {};
    if (!data) return found;
    Object.keys(data.words).forEach(function (indexed) {
      if (indexed.indexOf(word) !== 0) return;
      var exact = indexed === word ? 2 : 1;
      data.words[indexed].forEach(function (hit) {
        var score = hit[1] * exact;
        if (!found[hit[0]] || found[hit[0]].score < score) found[hit[0]] = { score: score, page: data.pages[hit[0]] };
      });
    });
    return found;
  }

  // Pages that match every word, best first; an exercise whose own name or alias is the query
  // comes first of all ("RDL", "hex bar deadlift").
  function plain(text) { return words(text || "").join(" "); }
  function combine(query, perWord) {
    var q = plain(query), ids = Object.keys(perWord[0] || {});
    var results = ids.filter(function (id) { return perWord.every(function (found) { return found[id]; }); }).map(function (id) {
      var page = perWord[0][id].page;
      var names = [page[0]].concat((page[3] || "").split(","));
      return {
        title: page[0], url: page[1], summary: page[2],
        named: names.some(function (name) { return plain(name) === q; }),
        score: perWord.reduce(function (sum, found) { return sum + found[id].score; }, 0)
      };
    });
    return results.sort(function (a, b) {
      return (b.named - a.named) || (b.score - a.score) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
    });
  }

  // The summary with the query's words marked; built from text nodes only, so nothing indexed can run.
  function summary(text, query) {
    var out = document.createElement("span");
    out.className = "atlas-search__excerpt";
    var terms = words(query);
    (text || "").split(/(\s+)/).forEach(function (part) {
      var w = words(part)[0];
      if (w && terms.some(function (t) { return w.indexOf(t) === 0; })) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(part));
      }
    });
    return out;
  }

  function show(message, results, query) {
    panel.hidden = false;
    status.textContent = message;
    list.textContent = "";
    (results || []).forEach(function (result) {
      var url = new URL(result.url, base);
      if (url.origin !== location.origin) return;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "atlas-search__result";
      link.href = url.pathname;
      var title = document.createElement("span");
      title.className = "atlas-search__title";
      title.textContent = result.title || url.pathname;
      link.appendChild(title);
      link.appendChild(summary(result.summary, query));
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  var latest = 0, dismissed = false, timer = 0;
  function run() {
    dismissed = false;
    var query = input.value.trim().slice(0, 100);
    var ticket = ++latest;
    if (!query) { panel.hidden = true; return; }
    var terms = words(query).slice(0, MAX_WORDS);
    if (!terms.length) { show("No results for this search."); return; }
    Promise.all(terms.map(function (term) { return shard(term.slice(0, 2)); })).then(function (data) {
      if (ticket !== latest) return;
      var results = combine(query, terms.map(function (term, i) { return lookup(term, data[i]); }));
      var n = results.length;
      show(n === 0 ? "No results for this search." : n + (n === 1 ? " result" : " results") + (n > SHOWN ? ", the first " + SHOWN + " shown." : "."),
           results.slice(0, SHOWN), query);
    }).catch(function () {
      if (ticket === latest) show("Search is not available right now (offline, and the search files are not stored).");
    });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 80); });
  if (input.value.trim()) run();  // typed while this file was loading
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
