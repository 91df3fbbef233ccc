// The light/dark switch in the header, in place of Material's palette component. Material's
// flags <body> as "switching", adds a color-scheme meta after the first styling and unflags
// <body> again, and each of those restyles every element on every page load: on a phone that
// was most of the page's blocking time. This runs before the page below the header is parsed,
// so choosing the scheme costs nothing; only a click on the switch restyles the page.
(function () {
  var form = document.querySelector("[data-atlas-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var keys = ["media", "scheme", "primary", "accent"];
  var meta = document.createElement("meta");  // the browser's own parts (scrollbars) follow the scheme
  meta.name = "color-scheme";
  document.head.appendChild(meta);

  function saved() {
    var palette = __md_get("__palette");  // the same key and shape as Material's, so choices carry over
    return palette && inputs[palette.index] ? palette.index : -1;
  }
  function chosen() {
    var index = saved();
    if (index >= 0) return index;
    index = inputs.findIndex(function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches; });
    return Math.max(0, index);
  }
  function apply(index) {
    var input = inputs[index];
    keys.forEach(function (key) { document.body.setAttribute("data-md-color-" + key, input.getAttribute("data-md-color-" + key)); });
    input.checked = true;
    inputs.forEach(function (other, i) {
      var label = other.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    meta.content = getComputedStyle(document.body).colorScheme || "normal";
  }

  apply(chosen());
  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index < 0) return;
    document.body.setAttribute("data-md-color-switching", "");  // no colour transitions mid-switch
    apply(index);
    var color = {};
    keys.forEach(function (key) { color[key] = inputs[index].getAttribute("data-md-color-" + key); });
    __md_set("__palette", { index: index, color: color });
    requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
  });
  form.addEventListener("keydown", function (event) {  // Enter on the focused switch moves to the next scheme
    if (event.key !== "Enter") return;
    event.preventDefault();
    var next = inputs[inputs.findIndex(function (input) { return input.checked; }) + 1] || inputs[0];
    next.click();
    next.focus();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
    if (saved() < 0) apply(chosen());  // until a reader picks a scheme, follow the system's
  });
})();
