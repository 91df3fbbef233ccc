// Material's inline anchor helper, moved to a file so the CSP can forbid inline scripts.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
