// Redirect stubs (an alias or a former id): go to the new page and keep the #section
// of the old link, which the meta refresh alone would drop.
(function () {
  var link = document.getElementById("moved");
  if (link) location.replace(link.href.split("#")[0] + location.hash);
})();
