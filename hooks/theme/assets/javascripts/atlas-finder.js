// Exercise finder: filters the table on /exercises/ and keeps the filters in the URL.
// Without JavaScript the page is a complete table of links; CSS hides the form (html.no-js).
(function () {
  "use strict";
  var form = document.getElementById("finder");
  var table = document.getElementById("finder-table");
  if (!form || !table) return;
  var status = document.getElementById("finder-status");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selects = ["muscle", "role", "pattern", "equipment", "category", "level"];

  function words(value) { return (value || "").split(" ").filter(Boolean); }

  // Only values the form offers are accepted from the URL; anything else is ignored.
  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name);
      var known = value !== null && Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
    form.elements.q.value = (params.get("q") || "").slice(0, 100);
  }

  function writeUrl() {
    var params = new URLSearchParams();
    selects.concat(["q"]).forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function matches(row) {
    var d = row.dataset;
    var muscle = form.elements.muscle.value, role = form.elements.role.value;
    if (muscle) {
      var pool = role ? words(d[role]) : words(d.target).concat(words(d.synergist), words(d.stabilizer));
      if (muscle.indexOf("group-") === 0) {
        var group = muscle.slice(6);
        var inGroup = words(d.groups).indexOf(group) !== -1;
        if (!inGroup) return false;
        if (role && !pool.some(function (m) { return groupOf[m] === group; })) return false;
      } else if (pool.indexOf(muscle) === -1) {
        return false;
      }
    } else if (role && !words(d[role]).length) {
      return false;
    }
    if (form.elements.pattern.value && d.pattern !== form.elements.pattern.value) return false;
    if (form.elements.equipment.value && words(d.equipment).indexOf(form.elements.equipment.value) === -1) return false;
    if (form.elements.category.value && d.category !== form.elements.category.value) return false;
    if (form.elements.level.value && d.level !== form.elements.level.value) return false;
    var terms = words(form.elements.q.value.toLowerCase());
    return terms.every(function (term) { return d.search.indexOf(term) !== -1; });
  }

  // muscle id -> group id, read from the muscle menu's option groups
  var groupOf = {};
  Array.prototype.forEach.call(form.elements.muscle.querySelectorAll("optgroup"), function (optgroup) {
    var group = optgroup.querySelector("option").value.slice(6);
    Array.prototype.forEach.call(optgroup.querySelectorAll("option"), function (o) { groupOf[o.value] = group; });
  });

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = matches(row);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    status.textContent = shown === rows.length
      ? "Showing all " + rows.length + " exercises."
      : "Showing " + shown + " of " + rows.length + " exercises.";
  }

  // On a phone the filters fold behind one "Filters (n)" button; on wider screens they show.
  // The form and its button are in the page from the start (hidden by CSS without JavaScript),
  // so nothing moves when this script runs.
  var toggle = form.querySelector(".finder__toggle");
  function fold(folded) {
    form.classList.toggle("is-folded", folded);
    toggle.setAttribute("aria-expanded", String(!folded));
  }
  function count() {
    var n = selects.filter(function (name) { return form.elements[name].value; }).length;
    toggle.textContent = "Filters (" + n + ")";
  }
  toggle.addEventListener("click", function () { fold(!form.classList.contains("is-folded")); });
  fold(true);

  readUrl();
  apply();
  count();
  form.addEventListener("input", function () { writeUrl(); apply(); count(); });
  form.addEventListener("change", function () { writeUrl(); apply(); count(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { writeUrl(); apply(); count(); }, 0); });
})();
