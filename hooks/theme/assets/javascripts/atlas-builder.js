// Session sheet builder. The sheet lives in the URL (?sheet=...), so the link is the sheet.
// A link with a sheet opens as the client reads it (cards on a phone, a table on a desktop);
// "Edit the sheet" shows the coach's form. Everything read from the URL is validated and shown
// as text; nothing is ever executed.
(function () {
  "use strict";
  var root = document.getElementById("builder");
  var source = document.getElementById("builder-exercises");
  if (!root || !source) return;
  var EXERCISES = JSON.parse(source.textContent);
  var BY_ID = {};
  EXERCISES.forEach(function (e) { BY_ID[e.id] = e; });
  var EFFORTS = { "": "—", rpe: "RPE", rir: "reps in reserve", pct: "% 1RM", kg: "kg", lb: "lb" };
  var MAX_ROWS = 40, MAX_TEXT = 120, MAX_QUERY = 6000, MAX_CHOICES = 8;
  var rows = [], title = "", editing = true;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function clean(value) { return typeof value === "string" ? value.slice(0, MAX_TEXT) : ""; }

  // --- the picker: names, aliases and the start of any of their words ------------------------
  // "nordic" finds the Nordic hamstring curl, "rdl" the Romanian deadlift, "hip thr" the hip thrusts.
  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim()
      .split(" ").filter(Boolean).map(function (w) { return w.length > 3 ? w.replace(/s$/, "") : w; });
  }
  EXERCISES.forEach(function (e) {
    e.names = [e.name].concat(e.aliases).map(function (n) { return words(n).join(" "); });
    e.words = e.names.join(" ").split(" ");
  });
  function pick(query) {
    var q = words(query), phrase = q.join(" ");
    if (!q.length) return [];
    var exact = EXERCISES.filter(function (e) { return e.names.indexOf(phrase) >= 0; });
    if (exact.length) return exact;
    return EXERCISES.filter(function (e) {
      return q.every(function (w) { return e.words.some(function (x) { return x.indexOf(w) === 0; }); });
    });
  }

  // --- the URL is the sheet -------------------------------------------------------------
  function fromUrl() {
    var raw = new URLSearchParams(window.location.search).get("sheet");
    if (raw === null) return null;
    if (raw.length > MAX_QUERY) return "This sheet link is too long to be a sheet, so an empty sheet was opened.";
    var data;
    try { data = JSON.parse(raw); } catch (e) { data = null; }
    if (!data || typeof data !== "object" || !Array.isArray(data.r)) {
      return "This sheet link could not be read, so an empty sheet was opened.";
    }
    title = clean(data.t);
    var skipped = 0;
    data.r.slice(0, MAX_ROWS).forEach(function (r) {
      if (!Array.isArray(r) || !BY_ID.hasOwnProperty(r[0])) { skipped += 1; return; }
      rows.push({ id: r[0], sets: clean(r[1]), reps: clean(r[2]), effort: EFFORTS.hasOwnProperty(r[3]) ? r[3] : "",
                  value: clean(r[4]), rest: clean(r[5]), note: clean(r[6]) });
    });
    skipped += Math.max(0, data.r.length - MAX_ROWS);
    return skipped ? skipped + " row(s) of this link could not be read and were left out." : null;
  }
  function query() {
    var sheet = { t: title, r: rows.map(function (r) { return [r.id, r.sets, r.reps, r.effort, r.value, r.rest, r.note]; }) };
    return rows.length || title ? "?sheet=" + encodeURIComponent(JSON.stringify(sheet)) : "";
  }
  function toUrl() {
    window.history.replaceState(null, "", window.location.pathname + query());
    document.title = (title || "Session sheet") + " - Glute & Hamstring Atlas";
  }

  // --- the page ---------------------------------------------------------------------------
  var message = el("p", { class: "builder__message", role: "alert" });
  // the client's view
  var sheet = el("section", { class: "sheet", "aria-labelledby": "sheet-title" });
  var sheetTitle = el("h2", { class: "sheet__title", id: "sheet-title" });
  var sheetBody = el("div", { class: "sheet__body" });
  sheet.appendChild(sheetTitle); sheet.appendChild(sheetBody);
  // the coach's form
  var editor = el("div", { class: "builder__editor" });
  var titleInput = el("input", { id: "builder-title", type: "text", maxlength: String(MAX_TEXT), placeholder: "e.g. Lower body, week 1" });
  var addInput = el("input", { id: "builder-add", type: "text", list: "builder-options", autocomplete: "off",
                               placeholder: "Name or part of it, e.g. RDL, nordic" });
  var options = el("datalist", { id: "builder-options" });
  EXERCISES.slice().sort(function (a, b) { return a.name.localeCompare(b.name); })
    .forEach(function (e) { options.appendChild(el("option", { value: e.name })); });
  var addButton = el("button", { type: "submit" }, "Add exercise");
  var addForm = el("form", { class: "builder__add" });
  var titleField = el("div", { class: "builder__field" }), addField = el("div", { class: "builder__field builder__field--wide" });
  titleField.appendChild(el("label", { for: "builder-title" }, "Sheet title")); titleField.appendChild(titleInput);
  addField.appendChild(el("label", { for: "builder-add" }, "Exercise")); addField.appendChild(addInput); addField.appendChild(options);
  [titleField, addField, addButton].forEach(function (n) { addForm.appendChild(n); });
  var choices = el("div", { class: "builder__choices", hidden: "" });
  var status = el("p", { class: "builder__status", "aria-live": "polite" });
  var list = el("ol", { class: "builder__rows" });
  [addForm, choices, status, list].forEach(function (n) { editor.appendChild(n); });
  // what both views share
  var actions = el("div", { class: "builder__actions" });
  var modeButton = el("button", { type: "button", class: "builder__mode" });
  var shareButton = el("button", { type: "button" }, "Share the link");
  var printButton = el("button", { type: "button" }, "Print the sheet");
  [modeButton, shareButton, printButton].forEach(function (n) { actions.appendChild(n); });
  var shared = el("p", { class: "builder__shared", role: "status" });
  var linkBox = el("input", { type: "text", readonly: "", class: "builder__link", "aria-label": "Link to this sheet", hidden: "" });
  root.textContent = "";
  [message, sheet, editor, actions, shared, linkBox].forEach(function (n) { root.appendChild(n); });
  var intro = document.querySelector(".builder__intro");
  var heading = document.querySelector(".md-content h1"), toolName = heading ? heading.firstChild.nodeValue : "";

  function effortText(row) {
    if (!row.value) return row.effort ? "" : "—";
    if (row.effort === "rpe") return "RPE " + row.value;
    if (row.effort === "rir") return row.value + " in reserve";
    if (row.effort === "pct") return row.value + " % of 1RM";
    if (row.effort === "kg" || row.effort === "lb") return row.value + " " + row.effort;
    return row.value;
  }
  function volumeText(row) {
    if (row.sets && row.reps) return row.sets + " × " + row.reps;
    if (row.sets) return row.sets + " sets";
    return row.reps ? row.reps + " reps" : "—";
  }
  function exerciseCell(ex) {
    var cell = el("td", { class: "sheet__exercise" });
    cell.appendChild(el("img", { src: ex.figure, alt: "", class: "builder__figure", loading: "lazy" }));
    cell.appendChild(el("a", { href: ex.url }, ex.name));
    return cell;
  }

  // The client's view: a table that stacks into cards on a phone (labels from data-label).
  function renderSheet() {
    sheetTitle.textContent = title || "Session sheet";
    sheetBody.textContent = "";
    if (!rows.length) { sheetBody.appendChild(el("p", {}, "This sheet has no exercises yet.")); return; }
    var table = el("table", { class: "sheet__table" });
    var head = el("tr");
    ["#", "Exercise", "Sets × reps", "Effort", "Rest", "Note"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (row, i) {
      var tr = el("tr", { "data-id": row.id });
      tr.appendChild(el("td", { class: "sheet__order" }, String(i + 1)));
      tr.appendChild(exerciseCell(BY_ID[row.id]));
      [["Sets × reps", volumeText(row)], ["Effort", effortText(row)], ["Rest", row.rest || "—"], ["Note", row.note]]
        .forEach(function (c) { tr.appendChild(el("td", { "data-label": c[0], class: c[1] ? "" : "sheet__blank" }, c[1])); });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    sheetBody.appendChild(table);
  }

  // A labelled field of a row; its accessible name says which exercise ("Sets for Romanian deadlift").
  function field(row, key, label, name, spoken) {
    var id = "row-" + key + "-" + rows.indexOf(row);
    var wrap = el("div", { class: "builder__field builder__field--" + key });
    wrap.appendChild(el("label", { for: id }, label));
    var input = el("input", { id: id, type: "text", maxlength: String(MAX_TEXT), "aria-label": (spoken || label) + " for " + name, "data-field": key });
    input.value = row[key];
    input.addEventListener("input", function () { row[key] = clean(input.value); toUrl(); });
    wrap.appendChild(input);
    return wrap;
  }
  // The coach's view: one card per exercise, its fields labelled, its order buttons beside the name.
  function renderEditor() {
    list.textContent = "";
    status.textContent = rows.length ? rows.length + " exercise(s) on the sheet." : "The sheet is empty: add an exercise above.";
    rows.forEach(function (row, i) {
      var ex = BY_ID[row.id], name = ex.name, item = el("li", { "data-id": row.id, class: "builder__row" });
      var top = el("div", { class: "builder__row-head" });
      top.appendChild(el("span", { class: "builder__number" }, String(i + 1)));
      top.appendChild(el("img", { src: ex.figure, alt: "", class: "builder__figure", loading: "lazy" }));
      top.appendChild(el("a", { href: ex.url, class: "builder__name" }, name));
      var buttons = el("span", { class: "builder__order" });
      [["↑", "Move " + name + " up", -1], ["↓", "Move " + name + " down", 1], ["✕", "Remove " + name, 0]].forEach(function (b) {
        var button = el("button", { type: "button", "aria-label": b[1] }, b[0]);
        button.addEventListener("click", function () {
          if (b[2] === 0) rows.splice(i, 1);
          else if (rows[i + b[2]]) { var moved = rows.splice(i, 1)[0]; rows.splice(i + b[2], 0, moved); }
          toUrl(); render();
        });
        buttons.appendChild(button);
      });
      top.appendChild(buttons);
      item.appendChild(top);
      var fields = el("div", { class: "builder__fields" });
      fields.appendChild(field(row, "sets", "Sets", name));
      fields.appendChild(field(row, "reps", "Reps", name));
      var effortWrap = el("div", { class: "builder__field builder__field--effort" });
      var effortId = "row-effort-" + i;
      effortWrap.appendChild(el("label", { for: effortId }, "Effort"));
      var effort = el("select", { id: effortId, "aria-label": "Effort measure for " + name, "data-field": "effort" });
      Object.keys(EFFORTS).forEach(function (k) { effort.appendChild(el("option", { value: k }, EFFORTS[k])); });
      effort.value = row.effort;
      effort.addEventListener("change", function () { row.effort = effort.value; toUrl(); });
      effortWrap.appendChild(effort);
      fields.appendChild(effortWrap);
      fields.appendChild(field(row, "value", "Value", name, "Effort value"));
      fields.appendChild(field(row, "rest", "Rest", name));
      fields.appendChild(field(row, "note", "Note", name));
      item.appendChild(fields);
      list.appendChild(item);
    });
  }
  function render() {
    renderSheet();
    renderEditor();
    sheet.hidden = editing;       // on screen one view at a time; print always shows the sheet
    editor.hidden = !editing;
    if (intro) intro.hidden = !editing;
    // the client sees the sheet's title as the page's heading; print always shows it above the table
    if (heading) heading.firstChild.nodeValue = editing ? toolName : title || "Session sheet";
    sheetTitle.classList.toggle("is-print-only", !editing);
    modeButton.textContent = editing ? "Show the client's view" : "Edit the sheet";
    modeButton.hidden = editing && !rows.length;
    shareButton.hidden = printButton.hidden = !rows.length;
  }

  function add(ex) {
    if (rows.length >= MAX_ROWS) { message.textContent = "A sheet holds at most " + MAX_ROWS + " exercises."; return; }
    message.textContent = "";
    choices.hidden = true; choices.textContent = "";
    rows.push({ id: ex.id, sets: "", reps: "", effort: "", value: "", rest: "", note: "" });
    addInput.value = "";
    toUrl(); render();
    status.textContent = ex.name + " added: " + rows.length + " exercise(s) on the sheet.";
  }
  addForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var typed = addInput.value.trim(), found = pick(typed);
    choices.textContent = ""; choices.hidden = true;
    if (found.length === 1) { add(found[0]); return; }
    if (!found.length) {
      message.textContent = typed ? "No exercise matches \u201c" + typed.slice(0, 60) + "\u201d: try part of its name or an abbreviation, e.g. RDL."
                                  : "Type an exercise's name, or part of it.";
      return;
    }
    message.textContent = "";
    choices.appendChild(el("p", { id: "builder-choices-label" }, found.length + " exercises match \u201c" + typed.slice(0, 60) + "\u201d: choose one" +
      (found.length > MAX_CHOICES ? " (the first " + MAX_CHOICES + " are shown; type more of the name for the others)." : ".")));
    var group = el("div", { role: "group", "aria-labelledby": "builder-choices-label" });
    found.slice(0, MAX_CHOICES).forEach(function (ex) {
      var button = el("button", { type: "button" }, ex.name);
      button.addEventListener("click", function () { add(ex); addInput.focus(); });
      group.appendChild(button);
    });
    choices.appendChild(group);
    choices.hidden = false;
    group.firstChild.focus();
  });
  titleInput.addEventListener("input", function () { title = clean(titleInput.value); toUrl(); renderSheet(); });
  modeButton.addEventListener("click", function () { editing = !editing; render(); modeButton.focus(); });
  printButton.addEventListener("click", function () { window.print(); });

  // Share: the system share sheet where there is one, else copy the link; either way it says so.
  shareButton.addEventListener("click", function () {
    var link = window.location.origin + window.location.pathname + query();
    shared.textContent = ""; linkBox.hidden = true;
    function copied() { shared.textContent = "Link copied: paste it into a message to your client."; }
    function manual() {
      linkBox.value = link; linkBox.hidden = false; linkBox.focus(); linkBox.select();
      shared.textContent = "Copy this link to send the sheet:";
    }
    if (navigator.share) {
      navigator.share({ title: title || "Session sheet", url: link })
        .then(function () { shared.textContent = "Shared."; }, function (e) { if (e && e.name !== "AbortError") manual(); });
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(link).then(copied, manual);
    } else {
      manual();
    }
  });

  var problem = fromUrl();
  if (problem) { message.textContent = problem; }
  editing = !rows.length;  // a link with exercises opens as the client reads it
  titleInput.value = title;
  toUrl();
  render();
})();
