"""Check every link in a built site: internal targets and #anchors must exist."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import htmlscan

EXTERNAL_OK = ("https:", "mailto:")


def _target_file(site: Path, page: Path, path: str, base_path: str) -> Path | None:
    if path.startswith("/"):  # absolute links (the 404 page) start with the site's base path
        if not path.startswith(base_path):
            return None
        target = (site / unquote(path[len(base_path):])).resolve()
    else:
        target = (page.parent / unquote(path)).resolve() if path else page.resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.exists():
        return None
    try:
        target.relative_to(site.resolve())
    except ValueError:
        return None
    return target


def broken_links(site: Path, base_path: str = "/") -> list[str]:
    """Every broken internal link, anchor or asset, and every external link that is not https/mailto."""

    @cache
    def ids_of(path: Path) -> frozenset:
        return frozenset(htmlscan.read(path).ids)

    problems = []
    for page_path in sorted(site.rglob("*.html")):
        page = htmlscan.read(page_path)
        where = page_path.relative_to(site)
        for element in page.elements:
            for attr in ("href", "src"):
                url = element.attrs.get(attr)
                if url is None or (element.tag == "link" and element.attrs.get("rel") in ("canonical",)):
                    continue
                parts = urlsplit(url)
                if parts.scheme or url.startswith("//"):
                    if not url.startswith(EXTERNAL_OK):
                        problems.append(f"{where}: external link not https: {url}")
                    continue
                target = _target_file(site, page_path, parts.path, base_path)
                if target is None:
                    problems.append(f"{where}: broken link {url}")
                    continue
                if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target):
                    problems.append(f"{where}: missing anchor {url}")
    return problems
