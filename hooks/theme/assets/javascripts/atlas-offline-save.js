// "Save for offline", loaded by atlas-offline.js when needed. The button already says how big
// the atlas is, so pressing it is the choice: it saves at once. The whole atlas is stored as one set per build
// (atlas-saved-<version>), marked complete only once every file is in, so a new build
// replaces the stored pages together.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches || !document.currentScript) return;
  var base = new URL("../../", document.currentScript.src);  // this file is assets/javascripts/
  var SAVED = "atlas-saved-", COMPLETE = "__atlas-saved-complete__", PAGES = "atlas-pages";
  var saveData = !!(navigator.connection && navigator.connection.saveData);
  var box = document.querySelector("[data-atlas-offline]");
  var status = box && box.querySelector("[role=status]");
  var atlasButton = box && box.querySelector("[data-atlas-save=atlas]");
  var pending = null;  // an update the reader was asked about (Save-Data): the button runs it

  function abs(url) { return new URL(url, base).href; }
  function size(bytes) { return bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1e3)) + " kB"; }
  function say(text) { if (status) status.textContent = text; }
  function manifest() {
    return fetch(abs("precache.json"), { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error("no precache manifest");
      return r.json();
    });
  }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // Complete saved sets: [{name, files: {url: hash}}]
  function savedSets() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf(SAVED) === 0; }).map(function (name) {
        return caches.open(name).then(function (c) { return c.match(abs(COMPLETE)); }).then(function (mark) {
          return mark ? mark.json().then(function (files) { return { name: name, files: files }; }) : null;
        });
      }));
    }).then(function (sets) { return sets.filter(Boolean); });
  }

  // Store every file of one build; unchanged files (same hash) are copied from the set before.
  function saveAtlas(m, progress) {
    var name = SAVED + m.version, done = 0, index = {};
    return Promise.all([caches.open(name), savedSets()]).then(function (opened) {
      var cache = opened[0], before = opened[1].filter(function (s) { return s.name !== name; })[0];
      var queue = m.files.slice();
      function one() {
        var file = queue.shift();
        if (!file) return Promise.resolve();
        var url = abs(file[0]), hash = file[1];
        index[file[0]] = hash;
        var copy = before && before.files[file[0]] === hash
          ? caches.open(before.name).then(function (c) { return c.match(url); }) : Promise.resolve(null);
        return copy.then(function (old) {
          if (old) return cache.put(url, old);
          return fetch(url, { cache: "no-cache", headers: { "X-Atlas-Save": "1" } }).then(function (response) {
            if (!response.ok) throw new Error(url + ": " + response.status);
            return response.clone().arrayBuffer().then(function (body) {
              return crypto.subtle.digest("SHA-256", body);
            }).then(function (digest) {
              if (hex(digest).slice(0, 16) !== hash) throw new Error(url + " changed while saving");
              return cache.put(url, response);
            });
          });
        }).then(function () { done += 1; progress(done, m.files.length); return one(); });
      }
      return Promise.all([one(), one(), one(), one(), one(), one()]).then(function () {
        return cache.put(abs(COMPLETE), new Response(JSON.stringify(index), { headers: { "Content-Type": "application/json" } }));
      });
    }).then(function () {
      // only now is the new set complete: drop every other saved set
      return caches.keys().then(function (names) {
        return Promise.all(names.filter(function (n) { return n.indexOf(SAVED) === 0 && n !== name; }).map(function (n) { return caches.delete(n); }));
      });
    }, function (error) {
      return caches.delete(name).then(function () { throw error; });
    });
  }

  function busy(button, on) { if (button) button.disabled = on; }

  function saveWholeAtlas(button) {
    busy(button, true);
    say("Checking the list of files…");
    return manifest().then(function (m) {
      say("Saving the atlas… 0 of " + m.files.length);
      return saveAtlas(m, function (done, all) { say("Saving the atlas… " + done + " of " + all); }).then(function () {
        say("Saved: the whole atlas (" + size(m.bytes) + ") opens without a network on this device.");
        box.dataset.saved = m.version;
      });
    }).catch(function () { say("Saving failed (are you offline?); nothing changed, and the site works online as before."); })
      .then(function () { busy(button, false); });
  }

  function programExercises() {
    var seen = {}, urls = [location.pathname];
    document.querySelectorAll("article a[href]").forEach(function (a) {
      var url = new URL(a.href, location.href);
      var rest = url.pathname.slice(base.pathname.length);
      if (url.origin === location.origin && /^exercises\/[^/]+\/$/.test(rest) && !seen[rest]) {
        seen[rest] = true;
        urls.push(url.pathname);
      }
    });
    return urls;
  }

  function saveProgram(button) {
    var urls = programExercises(), n = urls.length - 1;
    busy(button, true);
    say("Saving this program and its " + n + " exercises…");
    return manifest().then(function (m) {
      var bytes = 0, want = {};
      urls.forEach(function (u) { want[u.slice(base.pathname.length)] = true; });
      m.files.forEach(function (f) { if (want[f[0]]) bytes += f[2]; });
      return caches.open(PAGES).then(function (cache) { return cache.addAll(urls); }).then(function () {
        say("Saved: this program and its " + n + " exercises (" + size(bytes) + ") open without a network on this device.");
      });
    }).catch(function () { say("Saving failed (are you offline?); nothing changed."); })
      .then(function () { busy(button, false); });
  }

  // A new build: bring the saved atlas up to date (only changed files download), unless the
  // browser asks to save data; then say so and let the reader choose.
  function refreshSaved(version) {
    return savedSets().then(function (sets) {
      if (!sets.length || sets.some(function (s) { return s.name === SAVED + version; })) return;
      return manifest().then(function (m) {
        if (m.version !== version) return;
        var old = sets[0].files, changed = m.files.filter(function (f) { return old[f[0]] !== f[1]; });
        var bytes = changed.reduce(function (sum, f) { return sum + f[2]; }, 0);
        if (saveData) {
          if (!box) return;  // the offline page: asked on the next page with the button
          // the reader chooses: the header's panel opens, its button now offers the update, with its size
          box.hidden = false;
          box.querySelector(".atlas-offline__panel").hidden = false;
          box.querySelector(".atlas-offline__toggle").setAttribute("aria-expanded", "true");
          say("The saved atlas is from an older build; " + changed.length + " files (" + size(bytes) + ") changed. Your browser asks to save data, so nothing downloads unless you choose to.");
          atlasButton.textContent = "Update the saved atlas (" + size(bytes) + ")";
          pending = function () {
            pending = null;
            busy(atlasButton, true);
            return saveAtlas(m, function () {}).then(function () { say("The saved atlas is up to date."); }, function () {
              say("Updating failed; the saved atlas is as before.");
            }).then(function () { busy(atlasButton, false); });
          };
          return;
        }
        return saveAtlas(m, function () {}).then(function () { say("The saved atlas was brought up to date."); });
      });
    });
  }

  function workerVersion() {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage("version", [channel.port2]);
      });
    });
  }

  window.atlasOffline = {
    save: function (kind, button) {
      if (kind === "program") return saveProgram(button);
      return pending ? pending() : saveWholeAtlas(button);
    },
    refresh: function () { return workerVersion().then(refreshSaved).catch(function () {}); }
  };
})();
