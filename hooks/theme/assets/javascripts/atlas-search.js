// Header search: shows the box on every page; the search itself (atlas-search-engine.js, and
// the index shards it fetches) loads only when the box is first used.
(function () {
  "use strict";
  var form = document.querySelector("[data-atlas-search]");
  if (!form || !document.currentScript) return;
  var engine = new URL("atlas-search-engine.js", document.currentScript.src).href;
  var input = form.querySelector("input"), loading = false;
  function load() {
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = engine;
    script.onerror = function () {
      loading = false;
      var status = document.getElementById("atlas-search-status");
      status.textContent = "Search is not available right now (offline, and the search files are not stored).";
      status.parentNode.hidden = false;
    };
    document.head.appendChild(script);
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", load);
  form.hidden = false;
})();
