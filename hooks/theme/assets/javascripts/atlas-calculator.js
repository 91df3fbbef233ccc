// Load calculator: load ranges from a 1RM, or a 1RM estimated from a set (Brzycki),
// rounded to the smallest plate pair. The unit is remembered on this device.
(function () {
  "use strict";
  var ZONES = [["Strength", 0.8, 1.0], ["Hypertrophy", 0.6, 0.8]];
  var SMALLEST_PAIR = { kg: 2.5, lb: 5 };  // two 1.25 kg or two 2.5 lb plates

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  function round(value, step) { return Math.round(value / step) * step; }
  function fmt(value) { return (Math.round(value * 10) / 10).toString(); }
  function savedUnit() {
    try { return localStorage.getItem("atlas.unit") === "lb" ? "lb" : "kg"; } catch (e) { return "kg"; }
  }

  Array.prototype.forEach.call(document.querySelectorAll(".load-calculator"), function (root, index) {
    var id = "calc-" + index;
    root.textContent = "";
    var form = el("form", { class: "calculator", "aria-describedby": id + "-out" });
    var unit = el("select", { name: "unit", id: id + "-unit" });
    ["kg", "lb"].forEach(function (u) { unit.appendChild(el("option", { value: u }, u)); });
    unit.value = savedUnit();
    var oneRm = el("input", { name: "onerm", id: id + "-onerm", type: "number", min: "0", step: "any", inputmode: "decimal" });
    var load = el("input", { name: "load", id: id + "-load", type: "number", min: "0", step: "any", inputmode: "decimal" });
    var reps = el("input", { name: "reps", id: id + "-reps", type: "number", min: "1", max: "30", step: "1", inputmode: "numeric" });
    [[unit, "Unit"], [oneRm, "Your 1RM"], [load, "or: load lifted"], [reps, "for reps"]].forEach(function (pair) {
      var label = el("label", { for: pair[0].id }, pair[1]);
      var wrap = el("div", { class: "calculator__field" });
      wrap.appendChild(label); wrap.appendChild(pair[0]); form.appendChild(wrap);
    });
    var out = el("div", { class: "calculator__out", id: id + "-out", "aria-live": "polite" });
    root.appendChild(form); root.appendChild(out);

    function update() {
      var u = unit.value, step = SMALLEST_PAIR[u];
      try { localStorage.setItem("atlas.unit", u); } catch (e) { /* private mode */ }
      out.textContent = "";
      var max = parseFloat(oneRm.value), note = "";
      var w = parseFloat(load.value), r = parseInt(reps.value, 10);
      if (!(max > 0) && w > 0 && r >= 1) {
        max = w * 36 / (37 - Math.min(r, 36));
        note = "Estimated 1RM (Brzycki): " + fmt(max) + " " + u + ".";
        if (r > 10) note += " The formula is meant for 10 reps or fewer, so treat this as rough.";
      }
      if (!(max > 0)) { out.appendChild(el("p", {}, "Enter a 1RM, or a load and the reps you did with it.")); return; }
      if (note) out.appendChild(el("p", { class: "calculator__estimate" }, note));
      var table = el("table", { class: "calculator__table" });
      var head = el("tr"); ["Goal", "% of 1RM", "Load (" + u + ")"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
      table.appendChild(head);
      ZONES.forEach(function (zone) {
        var row = el("tr", { "data-zone": zone[0].toLowerCase() });
        row.appendChild(el("td", {}, zone[0]));
        row.appendChild(el("td", {}, Math.round(zone[1] * 100) + "–" + Math.round(zone[2] * 100) + " %"));
        row.appendChild(el("td", { class: "calculator__load" }, fmt(round(max * zone[1], step)) + "–" + fmt(round(max * zone[2], step)) + " " + u));
        table.appendChild(row);
      });
      out.appendChild(table);
      out.appendChild(el("p", { class: "calculator__note" }, "Rounded to " + step + " " + u + " (the smallest pair of plates)."));
    }
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  });
})();
