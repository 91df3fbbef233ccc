// The atlas offline, on every page: registers the service worker (sw.js at the site root),
// keeps the page being read for offline use and shows "Save for offline" in the header, its
// button labelled with the size of the whole atlas (written in by hooks/atlas/offline.py at
// build time, so no page view downloads the list of files to learn it). The saving code
// (atlas-offline-save.js) loads only when it is needed: a save button pressed, or a saved
// atlas to bring up to date. The offline page lists what is stored with atlas-stored.js.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches || !document.currentScript) return;
  var base = new URL("../../", document.currentScript.src);  // this file is assets/javascripts/
  var code = new URL("atlas-offline-save.js", document.currentScript.src).href;
  var box = document.querySelector("[data-atlas-offline]");
  var SIZE = "__ATLAS_SAVED_SIZE__";  // "7.6 MB", written in at build time
  var loading = null;

  function saving() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = code;
        script.onload = function () { resolve(window.atlasOffline); };
        script.onerror = function () { loading = null; reject(new Error("the saving code is not available")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // check for a new build on every page view (one small request), so a stale build never stays
  navigator.serviceWorker.register(new URL("sw.js", base).href, { scope: base.pathname, updateViaCache: "none" }).then(function (registration) {
    if (navigator.serviceWorker.controller) return registration.update();  // a first visit just installed it
  }).catch(function () {});
  // a saved atlas is brought up to date when a new worker (a new build) takes over
  function ifSaved(then) {
    return caches.keys().then(function (names) {
      var saved = names.some(function (name) { return name.indexOf("atlas-saved-") === 0; });
      if (saved) return saving().then(then);
    }).catch(function () {});
  }
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    ifSaved(function (offline) { return offline.refresh(); });
  });
  // the first visit comes before the worker: keep this page too, so it opens offline next time
  navigator.serviceWorker.ready.then(function () {
    var here = location.origin + location.pathname;
    return caches.open("atlas-pages").then(function (cache) {
      return cache.match(here).then(function (hit) { return hit || (navigator.onLine && cache.add(here)); });
    });
  }).catch(function () {});
  ifSaved(function (offline) { return offline.refresh(); });

  if (!box) return;
  var toggle = box.querySelector(".atlas-offline__toggle"), panel = box.querySelector(".atlas-offline__panel");
  var status = box.querySelector("[role=status]");
  function open(show) {
    panel.hidden = !show;
    toggle.setAttribute("aria-expanded", String(show));
  }
  toggle.addEventListener("click", function () { open(panel.hidden); });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { open(false); toggle.focus(); }
  });
  document.addEventListener("click", function (event) { if (!box.contains(event.target)) open(false); });
  var atlas = box.querySelector("[data-atlas-save=atlas]");
  if (!/^__/.test(SIZE)) atlas.textContent = "Save for offline (" + SIZE + ")";
  box.hidden = false;
  box.querySelectorAll("[data-atlas-save]").forEach(function (button) {
    button.addEventListener("click", function () {
      saving().then(function (offline) { offline.save(button.dataset.atlasSave, button); }).catch(function () {
        status.textContent = "Saving is not available right now: are you offline?";
      });
    });
  });
})();
