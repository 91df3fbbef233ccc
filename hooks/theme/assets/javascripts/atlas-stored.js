// The offline page's list of what is stored on this device: the saved atlas (when a complete
// set is stored) and the pages opened before, each by its own title. Loaded only by the offline
// page, which the service worker stores at install with the files it uses. The worker sends a
// reader here with the address they asked for (?from=); that page is offered as soon as it can
// be opened: stored meanwhile, or the network back.
(function () {
  "use strict";
  var holder = document.querySelector("[data-atlas-stored]");
  if (!holder || !window.caches || !document.currentScript) return;
  var base = new URL("../../", document.currentScript.src);  // this file is assets/javascripts/
  var list = holder.querySelector("ul"), note = holder.querySelector("[role=status]");

  function abs(url) { return new URL(url, base).href; }

  // The page asked for (?from=, an address on this site only, shown as text), offered as soon
  // as a request for it succeeds: through the worker, a stored copy answers offline, the
  // network answers once it is back. Tried again every few seconds and when the device is online.
  var asked = document.querySelector("[data-atlas-wanted]"), wanted = null, tries = 0, timer = 0;
  var from = new URLSearchParams(location.search).get("from");
  try { wanted = from && new URL(from, location.origin); } catch (e) { wanted = null; }
  function label(u) {
    var rest = decodeURIComponent(u.pathname.slice(base.pathname.length)).replace(/\/$/, "");
    return rest ? rest.split("/").map(function (part) { return part.replace(/-/g, " "); }).join(" › ") : "Home";
  }
  function check() {
    clearTimeout(timer);
    fetch(wanted.href, { cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error();
      var link = document.createElement("a");
      link.href = wanted.pathname + wanted.search;
      link.textContent = "Open “" + label(wanted) + "”";
      asked.textContent = "It can be opened now: ";
      asked.appendChild(link);
    }).catch(function () { timer = setTimeout(check, ++tries < 20 ? 3000 : 15000); });
  }
  if (asked && wanted && wanted.origin === location.origin && wanted.pathname.indexOf(base.pathname) === 0) {
    asked.textContent = "You asked for “" + label(wanted) + "”. It opens here as soon as it is stored or the network is back.";
    window.addEventListener("online", check);
    check();
  }

  // a saved set counts once it is complete (its last entry written)
  function saved() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("atlas-saved-") === 0; }).map(function (name) {
        return caches.open(name).then(function (c) { return c.match(abs("__atlas-saved-complete__")); });
      }));
    }).then(function (marks) { return marks.some(Boolean); });
  }
  // A stored page's own title ("Romanian deadlift"), read from the stored copy, replaces the
  // label made from its address; parsed inertly and used as text only.
  function named(link, url) {
    caches.match(url, { ignoreSearch: true }).then(function (response) {
      return response ? response.text() : "";
    }).then(function (html) {
      var title = html && new DOMParser().parseFromString(html, "text/html").title;
      if (title) link.textContent = title.replace(/ - [^-]*$/, "");
    }).catch(function () {});
  }

  Promise.all([saved(), caches.open("atlas-pages").then(function (c) { return c.keys(); })]).then(function (found) {
    var pages = found[1].map(function (r) { return new URL(r.url); }).filter(function (u) {
      return u.pathname.slice(-1) === "/" && u.pathname.indexOf(base.pathname) === 0 && u.pathname.slice(base.pathname.length) !== "offline/";
    });
    note.textContent = found[0] ? "The whole atlas is saved on this device: every page opens." :
      pages.length ? "Pages opened before:" : "No pages are stored yet.";
    if (found[0]) {
      pages = [new URL(abs("")), new URL(abs("exercises/"))].concat(pages);
    }
    var seen = {};
    pages.forEach(function (u) {
      if (seen[u.pathname]) return;
      seen[u.pathname] = true;
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = u.pathname;
      link.textContent = label(u);
      item.appendChild(link);
      list.appendChild(item);
      named(link, u.href);
    });
  }).catch(function () { note.textContent = "The stored pages cannot be read."; });
})();
