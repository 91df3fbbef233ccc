// Material's inline anchor helper, moved to a file so the CSP can forbid inline scripts; loaded
// right after the article (partials/javascripts/content.html), so the page's sections below are
// in place when it runs, and their controls appear with the page (one request, not two).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"));

// Sections of a long page. The phone's "On this page" menu (a <details> in the page, see
// main.html) closes once a section is chosen, and on Escape. "Copy link" beside each section
// heading of an exercise page, so a coach can send a client straight to the cues or the
// programming: a small icon button that does not crowd the heading, named for screen readers
// and reachable by touch and keys. Without JavaScript the heading's permalink gives the same address.
(function () {
  "use strict";
  var menu = document.querySelector(".atlas-toc");
  if (menu) {
    menu.addEventListener("click", function (event) { if (event.target.closest("a")) menu.open = false; });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) { menu.open = false; menu.querySelector("summary").focus(); }
    });
  }
  var ICON = "M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0 0 10h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 0-10";
  var headings = document.querySelectorAll(".md-typeset h2.copyable[id]");
  Array.prototype.forEach.call(headings, function (heading) {
    var button = document.createElement("button");
    var label = heading.firstChild ? heading.firstChild.textContent.trim() : heading.id;
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    var said = document.createElement("span");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    path.setAttribute("d", ICON);
    svg.appendChild(path);
    said.className = "copy-link__said";
    said.setAttribute("aria-live", "polite");
    button.type = "button";
    button.className = "copy-link";
    button.title = "Copy link to this section";
    button.setAttribute("aria-label", "Copy link to the " + label + " section");
    button.appendChild(svg);
    button.appendChild(said);
    button.addEventListener("click", function () {
      var url = window.location.origin + window.location.pathname + "#" + heading.id;
      var done = function () {
        said.textContent = "Copied";
        setTimeout(function () { said.textContent = ""; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, function () { window.prompt("Copy this link:", url); });
      } else {
        window.prompt("Copy this link:", url);
      }
    });
    heading.appendChild(button);
  });
})();
