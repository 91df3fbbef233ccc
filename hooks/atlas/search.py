"""Full-text search with Pagefind, indexed after the build from the pages as built.

Pagefind splits the index into small chunks, so a page view downloads nothing of it and a
query downloads only the chunks its words fall in: the bytes of a search do not grow with
the catalogue the way one `search_index.json` does.

What is indexed is each page's article (not the navigation, header or footer), minus what a
reader never sees as content (print-only handouts, tooltips, permalinks). Redirect stubs
and the offline page are left out. Templates give ranking hints with `data-pagefind-weight`
(an exercise's aliases weigh like its title, so "RDL" finds the Romanian deadlift first).
"""
from __future__ import annotations

import asyncio
from pathlib import Path

ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE = [".print-only", ".cite__tip", ".gloss__tip", ".headerlink", ".copy-link", ".md-source-file",
           ".md-content__button", ".atlas-offline", "script", "svg"]
SKIP = {"404.html", "offline/index.html"}


def pages_to_index(site: Path) -> list[tuple[str, Path]]:
    """(URL relative to the site root, file) for every content page; redirect stubs skipped."""
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in SKIP or rel.startswith(("pagefind/", "api/", "schemas/")):
            continue
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        if 'http-equiv="refresh"' in head:
            continue
        url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        found.append((url, path))
    return found


async def _index(site: Path, pages: list[tuple[str, Path]]) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=EXCLUDE, force_language="en",
                         output_path=str(site / "pagefind"))
    async with PagefindIndex(config=config) as index:  # writes the bundle on a clean exit
        for start in range(0, len(pages), 64):
            batch = pages[start:start + 64]
            await asyncio.gather(*(index.add_html_file(content=path.read_text(encoding="utf-8"), url=url)
                                   for url, path in batch))
    return len(pages)


def index_site(site: Path) -> int:
    """Write the Pagefind bundle to site/pagefind/; returns the number of pages indexed."""
    return asyncio.run(_index(site, pages_to_index(site)))
