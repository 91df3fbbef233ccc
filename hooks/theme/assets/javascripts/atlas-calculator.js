// Load calculator (content/tools/load-calculator.md states every equation and its source).
// The maths is the pure part at the top; the form below it only reads text and shows results.
// Nothing is ever computed from input that failed a check: a bad field gets a message, not a number.
(function () {
  "use strict";

  // --- the maths -------------------------------------------------------------------------
  var MAX_REPS = 12;                      // the equations are used from 1 to 12 reps only
  var LIMITS = { kg: 600, lb: 1320 };     // heavier than any lift on record: a typing slip
  var DEFAULTS = { kg: { bar: 20, step: 2.5 }, lb: { bar: 45, step: 5 } };
  var ZONES = [["Strength", 0.8, 1.0], ["Hypertrophy", 0.6, 0.8]];  // the routine article's bands

  // Fraction of 1RM a lifter can do `reps` times to failure, by each equation turned around.
  // Epley: 1RM = w × (1 + reps / 30). Brzycki: 1RM = w × 36 / (37 − reps). One rep is the 1RM itself.
  var EQUATIONS = {
    Epley: function (reps) { return reps === 1 ? 1 : 1 / (1 + reps / 30); },
    Brzycki: function (reps) { return reps === 1 ? 1 : (37 - reps) / 36; }
  };
  // Both estimates, and the one used: the lower, so the calculator never errs on the heavy side.
  function estimate(load, reps) {
    var out = { used: Infinity };
    Object.keys(EQUATIONS).forEach(function (name) {
      out[name] = load / EQUATIONS[name](reps);
      out.used = Math.min(out.used, out[name]);
    });
    return out;
  }
  // The fraction of 1RM for a set of `reps` stopped `rir` reps short of failure: a set that could
  // have gone to reps + rir. The lower fraction of the two equations, for the same reason.
  function fraction(reps, rir) {
    var n = reps + rir;
    return Math.min(EQUATIONS.Epley(n), EQUATIONS.Brzycki(n));
  }
  // What a bar and plates can make: the bar plus whole steps. Down for a working weight (never
  // heavier than asked), nearest for the bands.
  function loadable(weight, bar, step, down) {
    var steps = (weight - bar) / step;
    return bar + (down ? Math.floor(steps + 1e-9) : Math.round(steps)) * step;
  }
  function fmt(value) { return String(Math.round(value * 100) / 100); }

  // --- reading what was typed: every check has its own message ------------------------------
  // Returns {value} or {error}. `text` is the field's raw text; a comma works as a decimal point.
  function number(text, name, rule) {
    var t = String(text).trim().replace(",", ".");
    if (t === "") return rule.optional ? { value: null } : { error: "Enter " + name + "." };
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return { error: name[0].toUpperCase() + name.slice(1) + " must be a number, not \u201c" + String(text).trim().slice(0, 20) + "\u201d." };
    var v = Number(t);
    if (!isFinite(v)) return { error: name[0].toUpperCase() + name.slice(1) + " must be a number." };
    if (rule.whole && v !== Math.floor(v)) return { error: name[0].toUpperCase() + name.slice(1) + " must be a whole number." };
    if (v < rule.min || (rule.above !== undefined && v <= rule.above)) {
      return { error: name[0].toUpperCase() + name.slice(1) + " must be " + (rule.above !== undefined ? "more than " + rule.above : "at least " + rule.min) + "." };
    }
    if (v > rule.max) return { error: rule.tooBig || name[0].toUpperCase() + name.slice(1) + " must be at most " + rule.max + ".", brief: rule.brief };
    return { value: v };
  }

  // --- the form ---------------------------------------------------------------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function stored(key, fallback) {
    try { return localStorage.getItem("atlas." + key) || fallback; } catch (e) { return fallback; }
  }
  function store(key, value) {
    try { localStorage.setItem("atlas." + key, value); } catch (e) { /* private mode */ }
  }

  Array.prototype.forEach.call(document.querySelectorAll(".load-calculator"), function (root, index) {
    var id = "calc-" + index, fields = {};
    root.textContent = "";
    var form = el("form", { class: "calculator", novalidate: "" });
    function group(legend, items) {
      var set = el("fieldset", { class: "calculator__group" });
      set.appendChild(el("legend", {}, legend));
      items.forEach(function (item) {
        var name = item[0], label = item[1], control;
        if (item[2]) {
          control = el("select", { id: id + "-" + name, name: name });
          item[2].forEach(function (o) { control.appendChild(el("option", { value: o[0] }, o[1])); });
        } else {
          control = el("input", { id: id + "-" + name, name: name, type: "text", inputmode: item[3] || "decimal",
                                  autocomplete: "off", "aria-describedby": id + "-" + name + "-error" });
          if (item[4]) control.setAttribute("placeholder", item[4]);
        }
        var wrap = el("div", { class: "calculator__field" });
        wrap.appendChild(el("label", { for: control.id }, label));
        wrap.appendChild(control);
        if (!item[2]) wrap.appendChild(el("span", { class: "calculator__error", id: id + "-" + name + "-error" }));
        set.appendChild(wrap);
        fields[name] = control;
      });
      form.appendChild(set);
    }
    group("Your bar and plates", [
      ["unit", "Unit", [["kg", "kg"], ["lb", "lb"]]],
      ["bar", "Bar weight"], ["step", "Smallest step"]]);
    group("Your 1RM, or a set to estimate it", [
      ["onerm", "Your 1RM"], ["load", "or: load lifted"], ["reps", "for reps (1\u201312, to failure)", null, "numeric"]]);
    group("Target", [
      ["sets", "Sets", null, "numeric", "e.g. 3"], ["treps", "Reps per set", null, "numeric", "e.g. 8"],
      ["scale", "Effort as", [["rpe", "RPE"], ["rir", "Reps in reserve"]]],
      ["effort", "Effort", null, "decimal", "e.g. 8"]]);
    var out = el("div", { class: "calculator__out", id: id + "-out", "aria-live": "polite" });
    root.appendChild(form); root.appendChild(out);

    var unit = stored("unit", "kg") === "lb" ? "lb" : "kg";
    fields.unit.value = unit;
    fields.bar.value = stored("bar." + unit, String(DEFAULTS[unit].bar));
    fields.step.value = stored("step." + unit, String(DEFAULTS[unit].step));

    function para(cls, text) { out.appendChild(el("p", { class: cls }, text)); }

    // Reads one field: its message beside it (or none), and the value or null.
    function check(name, label, rule, errors) {
      var result = name === null ? { value: null } : number(fields[name].value, label, rule);
      // beside the field a short message; the whole explanation stands under the form
      document.getElementById(id + "-" + (name || label) + "-error").textContent = result.brief || result.error || "";
      if (result.error) { fields[name || label].setAttribute("aria-invalid", "true"); errors.push(result.error); }
      else fields[name || label].removeAttribute("aria-invalid");
      return result.value;
    }

    function update() {
      var u = fields.unit.value, errors = [], limit = LIMITS[u];
      out.textContent = "";
      function read(name, label, rule) { return check(name, label, rule, errors); }
      var weightRule = function (optional) {
        return { optional: optional, min: 0, above: 0, max: limit, brief: "More than any lift on record.",
                 tooBig: "That is more than any lift on record: check the number." };
      };
      var bar = read("bar", "the bar weight", { min: 0, max: u === "kg" ? 60 : 130, brief: "Too heavy for a bar.", tooBig: "A bar heavier than " + (u === "kg" ? "60 kg" : "130 lb") + " is unlikely: check the number (enter 0 for dumbbells or a machine)." });
      var step = read("step", "the smallest step", { above: 0, min: 0, max: u === "kg" ? 25 : 50 });
      var oneRm = read("onerm", "your 1RM", weightRule(true));
      var load = null, reps = null;
      if (oneRm === null) {
        load = read("load", "the load lifted", weightRule(fields.reps.value.trim() === ""));
        reps = read("reps", "the reps", { optional: fields.load.value.trim() === "", whole: true, min: 1, max: MAX_REPS, brief: "1 to " + MAX_REPS + " reps only: see why below.",
          tooBig: "The estimate works from 1 to " + MAX_REPS + " reps only. The equations were fitted to sets of few repetitions; beyond about 10 they disagree with each other and with measured maxima, and how many reps a lifter manages at a given load depends on their training. Do a heavier set of " + MAX_REPS + " or fewer and enter that." });
      } else {
        check(null, "load", {}, errors); check(null, "reps", {}, errors);  // a known 1RM wins: no complaint about the set
      }
      if (errors.length) { para("calculator__refusal", errors.join(" ")); return; }
      var max = oneRm;
      if (max === null && load !== null && reps !== null) {
        var e = estimate(load, reps);
        max = e.used;
        para("calculator__estimate", reps === 1 ? "A single is your 1RM: " + fmt(load) + " " + u + "." :
             "Estimated 1RM: " + fmt(e.used) + " " + u + " (Epley " + fmt(e.Epley) + ", Brzycki " + fmt(e.Brzycki) + "; the lower is used).");
      }
      if (max === null) { para("calculator__prompt", "Enter your 1RM, or a load and the reps you did with it."); return; }
      store("unit", u); store("bar." + u, fields.bar.value.trim()); store("step." + u, fields.step.value.trim());

      var table = el("table", { class: "calculator__table" });
      var head = el("tr"); ["Goal", "% of 1RM", "Load (" + u + ")"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
      table.appendChild(head);
      ZONES.forEach(function (zone) {
        var row = el("tr", { "data-zone": zone[0].toLowerCase() });
        row.appendChild(el("td", {}, zone[0]));
        row.appendChild(el("td", {}, Math.round(zone[1] * 100) + "–" + Math.round(zone[2] * 100) + " %"));
        row.appendChild(el("td", { class: "calculator__load" }, fmt(loadable(max * zone[1], bar, step)) + "–" + fmt(loadable(max * zone[2], bar, step)) + " " + u));
        table.appendChild(row);
      });
      out.appendChild(table);
      para("calculator__note", "Bands rounded to the nearest load your " + fmt(bar) + " " + u + " bar and " + fmt(step) + " " + u + " steps make.");
      working(max, u, bar, step);
    }

    // The working weight for the target: empty target fields are simply not asked for yet.
    function working(max, u, bar, step) {
      var asked = ["sets", "treps", "effort"].some(function (n) { return fields[n].value.trim() !== ""; });
      var errors = [];
      if (!asked) {
        ["sets", "treps", "effort"].forEach(function (n) { check(null, n, {}, errors); });
        para("calculator__prompt", "Add a target (sets, reps and effort) for its working weight.");
        return;
      }
      function read(name, label, rule) { return check(name, label, rule, errors); }
      var rpe = fields.scale.value === "rpe";
      var sets = read("sets", "the sets", { whole: true, min: 1, max: 20 });
      var reps = read("treps", "the reps per set", { whole: true, min: 1, max: MAX_REPS, brief: "1 to " + MAX_REPS + " reps.",
        tooBig: "Working weights are worked out for sets of 1 to " + MAX_REPS + " reps, the range the equations cover." });
      var effort = rpe ? read("effort", "the RPE", { min: 5, max: 10 }) : read("effort", "the reps in reserve", { whole: true, min: 0, max: 5 });
      if (!errors.length && rpe && effort * 2 !== Math.floor(effort * 2)) errors.push("RPE goes in half steps, e.g. 7.5.");
      if (errors.length) { para("calculator__refusal", errors.join(" ")); return; }
      var rir = rpe ? 10 - effort : effort;
      if (reps + rir > MAX_REPS) {
        para("calculator__refusal", reps + " reps with " + fmt(rir) + " in reserve is a set that could go to " + fmt(reps + rir) + ": beyond the " + MAX_REPS + " reps the equations cover. Choose fewer reps or a harder effort.");
        return;
      }
      var share = fraction(reps, rir), target = max * share, weight = loadable(target, bar, step, true);
      var what = sets + " × " + reps + " at " + (rpe ? "RPE " + fmt(effort) + " (" + fmt(rir) + " in reserve)" : fmt(rir) + " in reserve");
      if (weight < bar || weight <= 0) {
        para("calculator__refusal", what + ": about " + fmt(target) + " " + u + ", lighter than your " + fmt(bar) + " " + u + " bar. Use a lighter bar, dumbbells or a machine (set the bar weight to 0).");
        return;
      }
      var result = el("p", { class: "calculator__working" });
      result.appendChild(el("strong", {}, what + ": " + fmt(weight) + " " + u));
      out.appendChild(result);
      para("calculator__note", "About " + Math.round(share * 1000) / 10 + " % of 1RM (a set that could go to " + fmt(reps + rir) + " reps), " +
           fmt(target) + " " + u + " rounded down to what your bar and plates make. Check it against the first set: if the reps come easier or harder than the target, change the weight.");
    }

    fields.unit.addEventListener("change", function () {
      var u = fields.unit.value, other = u === "kg" ? "lb" : "kg";
      store("unit", u);
      // the other unit's defaults follow the switch; anything the lifter typed stays
      if (fields.bar.value.trim() === String(DEFAULTS[other].bar)) fields.bar.value = stored("bar." + u, String(DEFAULTS[u].bar));
      if (fields.step.value.trim() === String(DEFAULTS[other].step)) fields.step.value = stored("step." + u, String(DEFAULTS[u].step));
    });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  });
})();
