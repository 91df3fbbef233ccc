"""Links that never break: redirects for aliases and former ids, and the ledger of published URLs.

`data/published-urls.txt` lists every URL the site has published (pages, and the section
anchors of exercise pages). `atlas check` fails, naming the URL, when one of them no
longer resolves to a page or a redirect; `atlas ledger` appends the URLs a change adds.
"""
from __future__ import annotations

import html
from pathlib import Path

from .kinds import PAGE_KINDS, kind_of_url
from .urls import (
    BUILDER_URI,
    CONTRIBUTING_URI,
    DATA_REFERENCE_URI,
    EXERCISE_ANCHORS,
    GLOSSARY_URI,
    REFERENCES_URI,
    index_uri,
    page_url,
    relative_url,
    slug,
    src_uri,
)

LEDGER = Path("data") / "published-urls.txt"


def _redirect_names(atlas):
    """(kind, entity id, URL name, what it is) for every former id, and every exercise alias."""
    for kind in (k.name for k in PAGE_KINDS):
        for entity_id, data in atlas.entities[kind].items():
            for name in data.get("former_ids", []):
                yield kind, entity_id, name, "former id"
            if kind == "exercise":
                for alias in data.get("aliases", []):
                    yield kind, entity_id, slug(alias), f"alias '{alias}'"


def redirects(atlas) -> dict:
    """Old or alternative page -> canonical page (both as docs-tree sources).

    Every exercise alias gets /exercises/<alias-slug>/; every former id of any kind gets
    its old URL back. Collisions are reported by check_redirects.
    """
    found = {}
    for kind, entity_id, name, _ in _redirect_names(atlas):
        if name and name != entity_id:
            found.setdefault(src_uri(kind, name), src_uri(kind, entity_id))
    return found


def check_redirects(atlas, problems) -> None:
    """An alias or former id may not take the URL of another page or of another entry's alias."""
    claimed = {}
    for kind, entity_id, name, what in _redirect_names(atlas):
        if not name or name == entity_id:
            continue
        doc, at = atlas.positions[(kind, entity_id)]
        where = doc.pos(at + ("id",))
        if name in atlas.entities[kind]:
            problems.add(doc.path, *where, "A304", what=what, id=entity_id, kind=kind, other=name)
        elif claimed.get((kind, name), entity_id) != entity_id:
            problems.add(doc.path, *where, "A305", what=what, id=entity_id, other=claimed[(kind, name)])
        claimed.setdefault((kind, name), entity_id)


def site_pages(atlas) -> list[str]:
    """Every page the build produces, as docs-tree sources."""
    pages = [c.src_uri for c in atlas.content]
    for kind in PAGE_KINDS:
        pages.append(index_uri(kind.name))
        pages += [src_uri(kind.name, entity_id) for entity_id in atlas.entities[kind.name]]
    pages += [REFERENCES_URI, GLOSSARY_URI, DATA_REFERENCE_URI, BUILDER_URI]
    if (atlas.root / "CONTRIBUTING.md").exists():
        pages.append(CONTRIBUTING_URI)
    return pages


def resolvable_urls(atlas) -> set[str]:
    """Every URL that resolves now: pages, redirects, and the section anchors of exercise pages,
    also through a redirect, which keeps the section ('/' is home)."""
    urls = {"/" + page_url(src) for src in site_pages(atlas)}
    exercise_pages = [src_uri("exercise", entity_id) for entity_id in atlas.entities.get("exercise", {})]
    for source, target in redirects(atlas).items():
        urls.add("/" + page_url(source))
        if target in exercise_pages:
            exercise_pages.append(source)
    for src in exercise_pages:
        urls |= {f"/{page_url(src)}#{anchor}" for anchor in EXERCISE_ANCHORS}
    return urls


def read(root: Path) -> list[tuple[int, str]]:
    path = root / LEDGER
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def check(atlas, problems) -> None:
    now = resolvable_urls(atlas)
    for line, url in read(atlas.root):
        if url not in now:
            problems.add(atlas.root / LEDGER, line, 1, "A601", url=url)


def append_new(atlas) -> list[str]:
    """Add every resolvable URL the ledger does not have yet; return them."""
    recorded = {url for _, url in read(atlas.root)}
    new = sorted(resolvable_urls(atlas) - recorded)
    path = atlas.root / LEDGER
    if new:
        header = "" if path.exists() else (
            "# Every URL the site has published. Never remove a line: a URL that stops resolving fails\n"
            "# `make check`. `atlas ledger` appends the URLs a change adds.\n")
        with path.open("a", encoding="utf-8") as ledger:
            ledger.write(header + "".join(url + "\n" for url in new))
    return new


REDIRECT_SCRIPT = "assets/javascripts/atlas-redirect.js"


def redirect_page(from_src: str, to_src: str, title: str, site_url: str) -> bytes:
    """A tiny HTML page that sends the reader (and search engines) to the canonical page.

    With JavaScript, a small script file carries the `#section` of the old link over to the
    new page; without it, the meta refresh still lands on the page itself.
    """
    target = relative_url(from_src, to_src)
    canonical = (site_url + page_url(to_src)) if site_url else target
    script = relative_url(from_src, "index.md") + REDIRECT_SCRIPT
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'">
<title>{html.escape(title)} - Glute &amp; Hamstring Atlas</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{html.escape(canonical)}">
<meta http-equiv="refresh" content="0; url={html.escape(target)}">
</head>
<body>
<p>This page has moved: <a id="moved" href="{html.escape(target)}">{html.escape(title)}</a>.</p>
<script src="{html.escape(script)}"></script>
</body>
</html>
""".encode()


def redirect_files(atlas) -> dict:
    """{path in the site: bytes} for every redirect."""
    files = {}
    for source, target in redirects(atlas).items():
        kind = kind_of_url(target.split("/", 1)[0])
        title = atlas.title(kind.name, target.rsplit("/", 1)[1][:-3])
        files[page_url(source) + "index.html"] = redirect_page(source, target, title, atlas.site_url)
    return files
