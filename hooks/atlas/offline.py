"""The atlas offline: web app manifest, icons, service worker and precache manifest.

Written into the built site after the build (the MkDocs hook calls `write_offline`), from
the files as built, so every hash is the hash of what is served:

- `manifest.webmanifest` and `icons/` (drawn here: an indigo tile with a white barbell);
- `precache.json`: every file "Save for offline" stores, as [url, content hash, bytes], with
  the build's version (a hash over all of them) and the total size to show first;
- `sw.js` at the site root, so its scope is the whole site: the version and the small shell
  (the offline page and what it loads) are written into it, so a new build is a new worker.

Hand-written rather than Workbox: the build is pure Python (Workbox's generator needs Node
at build time) and the worker needs four things, each a few lines: network first, stored
copies when offline, a versioned shell, and an atomic switch of the saved set.
"""
from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from pathlib import Path

THEME_COLOR = "#3f51b5"  # Material's indigo, the site's primary colour
# What "Save for offline" leaves out: open data for other apps, not for reading in the gym.
NOT_SAVED = ("api/", "schemas/", "sitemap.xml", "sitemap.xml.gz", "references.bib", "precache.json",
             "sw.js", "robots.txt", "exports/")
SHELL_PAGE = "offline/index.html"
SAVE_SCRIPT = "assets/javascripts/atlas-offline.js"  # its "Save for offline" button shows the size
SIZE_MARK = "__ATLAS_SAVED_SIZE__"

# --- icons ---------------------------------------------------------------------------------


def _barbell(size: int) -> list[bytes]:
    """Rows of RGBA pixels: an indigo square with a white barbell inside the maskable safe zone."""
    bg, fg = bytes((0x3F, 0x51, 0xB5, 255)), bytes((255, 255, 255, 255))
    s = size / 100
    rects = [(22, 48, 78, 52),  # the bar
             (26, 33, 32, 67), (34, 37, 39, 63),  # left plates
             (68, 33, 74, 67), (61, 37, 66, 63)]  # right plates
    rows = []
    for y in range(size):
        row = bytearray(bg * size)
        for x0, y0, x1, y1 in rects:
            if y0 * s <= y < y1 * s:
                a, b = round(x0 * s), round(x1 * s)
                row[4 * a:4 * b] = fg * (b - a)
        rows.append(bytes(row))
    return rows


def png(size: int) -> bytes:
    raw = b"".join(b"\x00" + bytes(row) for row in _barbell(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


SVG_ICON = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#3f51b5"/>
<g fill="#fff"><rect x="22" y="48" width="56" height="4"/><rect x="26" y="33" width="6" height="34"/><rect x="34" y="37" width="5" height="26"/>
<rect x="68" y="33" width="6" height="34"/><rect x="61" y="37" width="5" height="26"/></g></svg>
"""


def manifest(site_name: str, description: str) -> dict:
    return {
        "name": site_name, "short_name": "Atlas", "description": description,
        "start_url": "./", "scope": "./", "display": "standalone",
        "background_color": "#ffffff", "theme_color": THEME_COLOR,
        "icons": [
            {"src": "icons/icon.svg", "sizes": "any", "type": "image/svg+xml"},
            {"src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any maskable"},
        ],
    }


# --- precache manifest ---------------------------------------------------------------------


def _url(rel: str) -> str:
    return rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


def precache_entries(site: Path) -> list[list]:
    """[url relative to the site root, sha256 prefix, bytes] for every file the saved atlas holds."""
    entries = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(NOT_SAVED) or rel in NOT_SAVED or rel.endswith((".map", ".gz")):
            continue
        data = path.read_bytes()
        entries.append([_url(rel), hashlib.sha256(data).hexdigest()[:16], len(data)])
    return entries


def shell_urls(site: Path) -> list[str]:
    """The offline page and every file it loads (styles, scripts, icons), relative to the site root."""
    page = site / SHELL_PAGE
    urls = {"manifest.webmanifest"}  # the icons are for installing, which needs a network anyway
    if not page.is_file():  # a project without content/offline.md: no fallback page, the rest still works
        return sorted(urls)
    urls.add("offline/")
    html = page.read_text(encoding="utf-8")
    base = "https://x/offline/"
    from urllib.parse import urljoin, urlsplit
    for ref in re.findall(r'<(?:link|script)\b[^>]*?(?:href|src)="([^"#?]+)', html):
        full = urljoin(base, ref)
        if full.startswith("https://x/"):
            rel = urlsplit(full).path[1:]
            if (site / rel).is_file():
                urls.add(rel)
    return sorted(urls)


# --- service worker ------------------------------------------------------------------------

SW_TEMPLATE = r"""// The atlas's service worker, written by hooks/atlas/offline.py at every build.
// Network first, always: online, every page and file comes fresh from the site, so a stale
// build is never served while there is a network. With no network: the saved atlas (the
// complete set for this build first), pages opened before, the shell, then the offline page.
"use strict";
var VERSION = "__VERSION__";
var SHELL = __SHELL__;
var SHELL_CACHE = "atlas-shell-" + VERSION;
var PAGES_CACHE = "atlas-pages";          // every page and file fetched while browsing
var SAVED_PREFIX = "atlas-saved-";        // atlas-saved-<version>: the whole atlas, by choice
var COMPLETE = "__atlas-saved-complete__"; // written last: a saved set without it is ignored
var scope = self.registration.scope;

function abs(url) { return new URL(url, scope).href; }
function key(request) { var url = new URL(request.url); return url.origin + url.pathname; }

self.addEventListener("install", function (event) {
  // a failed precache fails the install: the old worker (or none) goes on, the site works online
  event.waitUntil(caches.open(SHELL_CACHE)
    .then(function (cache) { return cache.addAll(SHELL.map(abs)); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("atlas-shell-") === 0 && name !== SHELL_CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data === "version" && event.ports[0]) event.ports[0].postMessage(VERSION);
});

// Complete saved sets, this build's first, then older ones (better than nothing offline).
function savedCaches() {
  return caches.keys().then(function (names) {
    var saved = names.filter(function (name) { return name.indexOf(SAVED_PREFIX) === 0; });
    return Promise.all(saved.map(function (name) {
      return caches.open(name).then(function (cache) { return cache.match(abs(COMPLETE)); })
        .then(function (mark) { return mark ? name : null; });
    })).then(function (complete) {
      return complete.filter(Boolean).sort(function (a, b) {
        return (b === SAVED_PREFIX + VERSION) - (a === SAVED_PREFIX + VERSION);
      });
    });
  });
}

function fromCaches(request) {
  var url = key(request);
  return savedCaches().then(function (saved) {
    var order = saved.slice(0, 1).concat([PAGES_CACHE, SHELL_CACHE], saved.slice(1));
    return order.reduce(function (found, name) {
      return found.then(function (response) {
        return response || caches.open(name).then(function (cache) { return cache.match(url, { ignoreSearch: true }); });
      });
    }, Promise.resolve(undefined));
  }).then(function (response) {
    if (response) return response;
    if (request.mode === "navigate") {
      // a redirect, not the page itself: the offline page's relative links must resolve from /offline/;
      // it carries the address asked for, which the offline page offers once it can be opened
      var wanted = new URL(request.url);
      return caches.match(abs("offline/"), { cacheName: SHELL_CACHE }).then(function (page) {
        return page ? Response.redirect(abs("offline/") + "?from=" + encodeURIComponent(wanted.pathname + wanted.search), 302) : Response.error();
      });
    }
    return Response.error();
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(scope) !== 0) return;
  if (new URL(request.url).pathname === new URL("sw.js", scope).pathname) return;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.type === "basic" && !request.headers.get("X-Atlas-Save")) {
      var copy = response.clone();
      event.waitUntil(caches.open(PAGES_CACHE).then(function (cache) { return cache.put(key(request), copy); })
        .catch(function () {}));
    }
    return response;
  }, function () {
    // no network: a stored copy; a broken cache falls back to the network's own error
    return fromCaches(request).catch(function () { return fetch(request); });
  }));
});
"""


def size_label(size: int) -> str:
    """Bytes as the reader reads them, as the saving script words them: "7.6 MB", "312 kB"."""
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"


def _write_size(site: Path, size: int) -> None:
    """Put the saved atlas's size into the script behind "Save for offline" (the script is part of
    what is saved, so this changes the total by a few bytes, well inside the rounding)."""
    script = site / SAVE_SCRIPT
    if script.is_file():
        script.write_text(script.read_text(encoding="utf-8").replace(SIZE_MARK, size_label(size)), encoding="utf-8")


def write_offline(site: Path, site_name: str, description: str) -> dict:
    """Write manifest, icons, precache.json and sw.js into the built site; returns precache.json's content."""
    icons = site / "icons"
    icons.mkdir(exist_ok=True)
    (icons / "icon.svg").write_text(SVG_ICON, encoding="utf-8")
    for size in (192, 512):
        (icons / f"icon-{size}.png").write_bytes(png(size))
    (site / "manifest.webmanifest").write_text(json.dumps(manifest(site_name, description), indent=1) + "\n", encoding="utf-8")
    _write_size(site, sum(e[2] for e in precache_entries(site)))
    entries = precache_entries(site)
    version = hashlib.sha256(json.dumps(entries).encode()).hexdigest()[:16]
    precache = {"version": version, "bytes": sum(e[2] for e in entries), "files": entries}
    (site / "precache.json").write_text(json.dumps(precache, separators=(",", ":")), encoding="utf-8")
    worker = SW_TEMPLATE.replace("__VERSION__", version).replace("__SHELL__", json.dumps(shell_urls(site)))
    # every first visit downloads the worker: its comments stay here, in the source
    worker = "\n".join(line for line in worker.splitlines() if not line.lstrip().startswith("//")) + "\n"
    (site / "sw.js").write_text(worker, encoding="utf-8")
    return precache
