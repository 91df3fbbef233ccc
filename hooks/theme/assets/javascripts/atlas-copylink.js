// "Copy link" beside each section heading of an exercise page, so a coach can send a
// client straight to the cues or the programming. Without JavaScript, the heading's
// permalink (the pilcrow) still gives the same address.
(function () {
  "use strict";
  var headings = document.querySelectorAll(".md-typeset h2.copyable[id]");
  Array.prototype.forEach.call(headings, function (heading) {
    var button = document.createElement("button");
    var label = heading.firstChild ? heading.firstChild.textContent.trim() : heading.id;
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy link to the " + label + " section");
    button.addEventListener("click", function () {
      var url = window.location.origin + window.location.pathname + "#" + heading.id;
      var done = function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy link"; }, 2000);
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
