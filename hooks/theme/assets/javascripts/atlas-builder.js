// Session sheet builder. The sheet lives in the URL (?sheet=...), so the link is the sheet.
// Everything read from the URL is validated and shown as text; nothing is ever executed.
(function () {
  "use strict";
  var root = document.getElementById("builder");
  var source = document.getElementById("builder-exercises");
  if (!root || !source) return;
  var EXERCISES = JSON.parse(source.textContent);
  var BY_ID = {}, BY_NAME = {};
  EXERCISES.forEach(function (e) {
    BY_ID[e.id] = e;
    [e.name].concat(e.aliases).forEach(function (n) { BY_NAME[n.toLowerCase()] = e; });
  });
  var EFFORTS = { "": "—", rpe: "RPE", pct: "% 1RM", kg: "kg", lb: "lb" };
  var MAX_ROWS = 40, MAX_TEXT = 120, MAX_QUERY = 6000;
  var rows = [], title = "";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function clean(value) { return typeof value === "string" ? value.slice(0, MAX_TEXT) : ""; }

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
  function toUrl() {
    var sheet = { t: title, r: rows.map(function (r) { return [r.id, r.sets, r.reps, r.effort, r.value, r.rest, r.note]; }) };
    var query = rows.length || title ? "?sheet=" + encodeURIComponent(JSON.stringify(sheet)) : "";
    window.history.replaceState(null, "", window.location.pathname + query);
  }

  // --- the page ---------------------------------------------------------------------------
  var message = el("p", { class: "builder__message", role: "alert" });
  var titleInput = el("input", { id: "builder-title", type: "text", maxlength: String(MAX_TEXT), placeholder: "e.g. Lower body, week 1" });
  var addInput = el("input", { id: "builder-add", type: "text", list: "builder-options", placeholder: "Name or abbreviation, e.g. RDL" });
  var options = el("datalist", { id: "builder-options" });
  Object.keys(BY_NAME).sort().forEach(function (n) { options.appendChild(el("option", { value: BY_NAME[n].name === n ? BY_NAME[n].name : n })); });
  var addButton = el("button", { type: "submit" }, "Add exercise");
  var addForm = el("form", { class: "builder__add" });
  var titleLabel = el("label", { for: "builder-title" }, "Sheet title");
  var addLabel = el("label", { for: "builder-add" }, "Exercise");
  [titleLabel, titleInput, addLabel, addInput, options, addButton].forEach(function (n) { addForm.appendChild(n); });
  var table = el("table", { class: "builder__table" });
  var status = el("p", { class: "builder__status", "aria-live": "polite" });
  var actions = el("p", { class: "builder__actions" });
  var printButton = el("button", { type: "button" }, "Print the sheet");
  actions.appendChild(printButton);
  root.textContent = "";
  [message, addForm, status, table, actions].forEach(function (n) { root.appendChild(n); });

  function input(row, key, label, width) {
    var field = el("input", { type: "text", maxlength: String(MAX_TEXT), "aria-label": label, "data-field": key });
    if (width) field.className = width;
    field.value = row[key];
    field.addEventListener("input", function () { row[key] = clean(field.value); toUrl(); });
    return field;
  }
  function render() {
    table.textContent = "";
    if (!rows.length) { status.textContent = "The sheet is empty: add an exercise above."; return; }
    status.textContent = rows.length + " exercise(s) on the sheet.";
    var head = el("tr");
    ["#", "Exercise", "Sets", "Reps", "Effort", "Value", "Rest", "Note", "Order"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    table.appendChild(head);
    rows.forEach(function (row, i) {
      var ex = BY_ID[row.id], tr = el("tr", { "data-id": row.id }), name = ex.name;
      tr.appendChild(el("td", {}, String(i + 1)));
      var cell = el("td");
      cell.appendChild(el("img", { src: ex.figure, alt: "", class: "builder__figure", loading: "lazy" }));
      cell.appendChild(el("a", { href: ex.url }, name)); tr.appendChild(cell);
      var effort = el("select", { "aria-label": "Effort measure for " + name, "data-field": "effort" });
      Object.keys(EFFORTS).forEach(function (k) { effort.appendChild(el("option", { value: k }, EFFORTS[k])); });
      effort.value = row.effort;
      effort.addEventListener("change", function () { row.effort = effort.value; toUrl(); });
      [input(row, "sets", "Sets for " + name), input(row, "reps", "Reps for " + name), effort,
       input(row, "value", "Effort value for " + name), input(row, "rest", "Rest for " + name),
       input(row, "note", "Note for " + name, "builder__note")].forEach(function (n) {
        var td = el("td"); td.appendChild(n); tr.appendChild(td);
      });
      var buttons = el("td");
      [["↑", "Move " + name + " up", -1], ["↓", "Move " + name + " down", 1], ["✕", "Remove " + name, 0]].forEach(function (b) {
        var button = el("button", { type: "button", "aria-label": b[1] }, b[0]);
        button.addEventListener("click", function () {
          if (b[2] === 0) rows.splice(i, 1);
          else if (rows[i + b[2]]) { var moved = rows.splice(i, 1)[0]; rows.splice(i + b[2], 0, moved); }
          toUrl(); render();
        });
        buttons.appendChild(button);
      });
      tr.appendChild(buttons);
      table.appendChild(tr);
    });
  }

  addForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var found = BY_NAME[addInput.value.trim().toLowerCase()];
    if (!found) { message.textContent = "No exercise is called \u201c" + addInput.value.slice(0, 60) + "\u201d; pick one from the list."; return; }
    if (rows.length >= MAX_ROWS) { message.textContent = "A sheet holds at most " + MAX_ROWS + " exercises."; return; }
    message.textContent = "";
    rows.push({ id: found.id, sets: "", reps: "", effort: "", value: "", rest: "", note: "" });
    addInput.value = "";
    toUrl(); render();
  });
  titleInput.addEventListener("input", function () { title = clean(titleInput.value); document.title = (title || "Session sheet") + " - Glute & Hamstring Atlas"; toUrl(); });
  printButton.addEventListener("click", function () { window.print(); });

  var problem = fromUrl();
  if (problem) { message.textContent = problem; }
  titleInput.value = title;
  render();
})();
