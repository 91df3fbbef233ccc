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
  var more = panel.querySelector("[data-atlas-more]");
  var SHOWN = 8, MAX_WORDS = 6;
  var STOP = "a an and are as at be by for from has in is it its of on or that the this to was were with your you can not no".split(" ");
  var shards = {};  // "ro" -> promise of the shard
  // the results panel's styles come with the search, not with every page
  var styled = new Promise(function (done) {
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("assets/atlas-search.css", base).href;
    sheet.onload = sheet.onerror = done;
    document.head.appendChild(sheet);
  });

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

  // Optimal string alignment distance (Damerau–Levenshtein: a swap of two neighbouring letters
  // counts once), giving up as soon as it must exceed `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      var row = [i], least = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        row[j] = d;
        if (d < least) least = d;
      }
      if (least > max) return max + 1;
      before = prev;
      prev = row;
    }
    return prev[b.length];
  }
  // How many typos a word may hold: none in 1–3 letters, one in 4–7, two from 8.
  function allowed(word) { return word.length < 4 ? 0 : word.length < 8 ? 1 : 2; }

  // How well an indexed word answers a query word: 2 exact, 1 the start of it (the word may be
  // half typed), less for a typo, 0 not at all.
  function closeness(term, indexed, last) {
    if (indexed === term) return 2;
    if (indexed.indexOf(term) === 0) return 1;
    var max = allowed(term);
    if (!max) return 0;
    var d = distance(term, indexed, max);
    if (d <= max) return d === 1 ? 0.6 : 0.35;
    // the last word, half typed with a typo in it ("hamstirn")
    if (last && term.length >= 5 && distance(term, indexed.slice(0, term.length), 1) <= 1) return 0.3;
    return 0;
  }

  // Pages for one query word, from the shards it reaches: {url: {score, page, word}}. A word
  // the atlas's content uses is taken as typed; any other is also read as a typo of the words
  // within reach (a half-typed word keeps its completions too, "brid" is "bridge" or "bird";
  // "setp", quoted on the Contributing page only, is also "step"). `exact`: taken as typed.
  function lookup(term, last, datas) {
    var found = {}, exact = false, begun = false;
    datas.forEach(function (data) {
      (data && data.words[term] || []).forEach(function (hit) { if (!data.pages[hit[0]][4]) exact = true; });
    });
    datas.forEach(function (data) {
      if (!data) return;
      Object.keys(data.words).forEach(function (indexed) {
        var close = exact ? (indexed === term ? 2 : indexed.indexOf(term) === 0 ? 1 : 0) : closeness(term, indexed, last);
        if (close === 1) begun = true;
        if (!close) return;
        data.words[indexed].forEach(function (hit) {
          var score = hit[1] * close, page = data.pages[hit[0]];
          if (!found[page[1]] || found[page[1]].score < score) found[page[1]] = { score: score, page: page, word: indexed };
        });
      });
    });
    return { pages: found, exact: exact, begun: begun };
  }

  // The words of page names and aliases, most important first (search/words.txt): read only
  // for a word the index does not hold, to find the shards of the words it may be a typo of.
  var names = null;
  function nameWords() {
    if (!names) {
      names = fetch(new URL("search/words.txt", base).href).then(function (r) {
        if (!r.ok) throw new Error("search files unavailable");
        return r.text();
      }).then(function (text) { return text.trim().split(" "); });
      names.catch(function () { names = null; });
    }
    return names;
  }
  // Name words within reach of a query word, closest first (the list's order breaks ties).
  function near(term, max) {
    return nameWords().then(function (list) {
      var found = [];
      list.forEach(function (word, rank) {
        var d = distance(term, word, max);
        if (d <= max) found.push({ word: word, d: d, rank: rank });
      });
      return found.sort(function (a, b) { return a.d - b.d || a.rank - b.rank; }).map(function (f) { return f.word; });
    });
  }

  // One query word's pages: its own shard; for a word that is not indexed, also the shards of
  // the two nearest name words that start with other letters (a typo in the first two), except
  // for the word being typed while it still begins some indexed word ("brid" on its way to
  // "bridge"): one shard per word typed, as long as nothing looks misspelled.
  function pagesFor(term, last) {
    return shard(term.slice(0, 2)).then(function (own) {
      var result = lookup(term, last, [own]);
      if (result.exact || !allowed(term) || (last && result.begun)) return result;
      return near(term, allowed(term)).then(function (words) {
        var keys = [];
        words.forEach(function (w) {
          var key = w.slice(0, 2);
          if (keys.length < 2 && keys.indexOf(key) < 0 && key !== term.slice(0, 2)) keys.push(key);
        });
        return Promise.all(keys.map(shard)).then(function (more) { return lookup(term, last, [own].concat(more)); });
      });
    });
  }

  // Pages that match every word, best first: an exercise whose own name or alias is the query
  // (as the words it matched spell it: "romanain deadlift" is "romanian deadlift") comes first
  // of all; pages about the atlas itself come after its content.
  function plain(text) { return words(text || "").join(" "); }
  function combine(perWord) {
    var ids = Object.keys(perWord[0] || {});
    var results = ids.filter(function (id) { return perWord.every(function (found) { return found[id]; }); }).map(function (id) {
      var page = perWord[0][id].page;
      var names = [page[0]].concat((page[3] || "").split(","));
      var meant = perWord.map(function (found) { return found[id].word; }).join(" ");
      return {
        title: page[0], url: page[1], summary: page[2], about: page[4] ? 1 : 0, meant: meant,
        named: names.some(function (name) { return plain(name) === meant; }),
        score: perWord.reduce(function (sum, found) { return sum + found[id].score; }, 0)
      };
    });
    return results.sort(function (a, b) {
      return (b.named - a.named) || (a.about - b.about) || (b.score - a.score) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
    });
  }

  // Nothing found: the query with each word that is not a name word replaced by the closest one.
  function suggestion(terms) {
    return Promise.all(terms.map(function (term) {
      return near(term, Math.max(1, allowed(term) + 1)).then(function (words) { return words[0] || term; });
    })).then(function (meant) {
      var text = meant.join(" ");
      return text !== terms.join(" ") ? text : "";
    }).catch(function () { return ""; });
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

  function item(result, query) {
    var url = new URL(result.url, base);
    if (url.origin !== location.origin) return null;
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.className = "atlas-search__result";
    link.href = url.pathname;
    var title = document.createElement("span");
    title.className = "atlas-search__title";
    title.textContent = result.title || url.pathname;
    link.appendChild(title);
    link.appendChild(summary(result.summary, query));
    li.appendChild(link);
    return li;
  }

  // The first SHOWN results, then a button for the rest: every result is reachable. A reader
  // already arrowing through the results when a later keystroke's answer arrives keeps focus
  // on the same page's link (or the box), never on a removed element.
  function show(message, results, query) {
    var focused = panel.contains(document.activeElement) ? document.activeElement.getAttribute("href") || "" : null;
    status.textContent = message;
    list.textContent = "";
    more.hidden = true;
    (results || []).forEach(function (result, n) {
      var li = item(result, query);
      if (!li) return;
      if (n >= SHOWN) li.hidden = true;
      list.appendChild(li);
    });
    if (results && results.length > SHOWN) {
      more.textContent = "Show all " + results.length + " results";
      more.hidden = false;
    }
    panel.hidden = dismissed;  // set after the old list is gone: removing a focused link may have closed the panel
    if (focused !== null) {
      var same = links().filter(function (a) { return a.getAttribute("href") === focused; })[0];
      (same || input).focus();
    }
  }

  // "Did you mean …": a button that searches for the suggestion.
  function suggest(text) {
    if (!text) return;
    status.textContent = "No results for this search. Did you mean ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "atlas-search__suggest";
    button.textContent = text;
    button.addEventListener("click", function () { input.value = text; input.focus(); run(); });
    status.appendChild(button);
    status.appendChild(document.createTextNode("?"));
  }

  var latest = 0, dismissed = false, timer = 0;
  function run() {
    dismissed = false;
    var query = input.value.trim().slice(0, 100);
    var ticket = ++latest;
    if (!query) { panel.hidden = true; return; }
    var terms = words(query).slice(0, MAX_WORDS);
    panel.setAttribute("data-query", "");  // the query the results shown answer ("" while searching): tests wait for it
    if (!terms.length) { panel.setAttribute("data-query", query); show("No results for this search."); return; }
    Promise.all(terms.map(function (term, i) { return pagesFor(term, i === terms.length - 1); }).concat(styled)).then(function (found) {
      if (ticket !== latest) return;
      panel.setAttribute("data-query", query);
      found = found.slice(0, terms.length);
      var results = combine(found.map(function (f) { return f.pages; }));
      var n = results.length;
      if (!n) {
        show("No results for this search.");
        return suggestion(terms).then(function (text) { if (ticket === latest) suggest(text); });
      }
      // say what was searched for when it is not what was typed ("romanain" -> "romanian")
      var meant = results[0].meant !== terms.join(" ") && found.some(function (f) { return !f.exact; }) ? " for “" + results[0].meant + "”" : "";
      show(n + (n === 1 ? " result" : " results") + meant + ".", results, query + " " + results[0].meant);
    }).catch(function () {
      if (ticket !== latest) return;
      panel.setAttribute("data-query", query);
      show("Search is not available right now (offline, and the search files are not stored).");
    });
  }

  // the results and buttons the arrow keys move through, in order
  function links() { return Array.prototype.slice.call(panel.querySelectorAll("button:not([hidden]), li:not([hidden]) a")); }
  more.addEventListener("click", function () {
    var first = list.querySelector("li[hidden] a");
    Array.prototype.forEach.call(list.querySelectorAll("li[hidden]"), function (li) { li.hidden = false; });
    if (first) first.focus();  // before the button goes, so focus never leaves the panel (which would close it)
    more.hidden = true;
  });

  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 80); });
  if (input.value.trim()) run();  // typed while this file was loading
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
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
