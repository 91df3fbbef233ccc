"""One build of the atlas: everything a site engine needs, computed once."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import model
from .exports import exports
from .glossary import glossify
from .guard import frontmatter, sanitize
from .ledger import redirect_files
from .problems import Problems
from .render import BODYMAP_SLOT, Page, bodymap_html, render_content, render_pages
from .urls import CONTRIBUTING_URI, GLOSSARY_URI, relative_url, src_uri


@dataclass
class Build:
    atlas: model.Atlas
    problems: Problems
    pages: list[Page] = field(default_factory=list)  # generated pages; empty when there are problems

    @property
    def ok(self) -> bool:
        return not self.problems

    def hand_written(self, src_uri: str) -> bool:
        """A page a contributor writes as Markdown (content/, and CONTRIBUTING.md), not from data."""
        return src_uri == CONTRIBUTING_URI or any(page.src_uri == src_uri for page in self.atlas.content)

    def page_meta(self, meta: dict, src_uri: str) -> dict:
        """A hand-written page's front matter as the theme may print it: known keys, text escaped."""
        page = next((p for p in self.atlas.content if p.src_uri == src_uri), None)
        return frontmatter.page_meta(page.meta, page.title) if page else meta

    def page_html(self, page_html: str, src_uri: str) -> str:
        """A page's HTML as published: a hand-written page's sanitised (its body map, the atlas's own
        drawing, goes in after), then abbreviations explained on hover and focus."""
        if self.hand_written(src_uri):
            page_html = sanitize.clean(page_html)
            if BODYMAP_SLOT in page_html:
                page_html = page_html.replace(BODYMAP_SLOT, bodymap_html(self.atlas, src_uri))
        return self.explain_terms(page_html, src_uri)

    def explain_terms(self, page_html: str, src_uri: str) -> str:
        """A finished page with its abbreviations explained on hover and focus."""
        if src_uri == GLOSSARY_URI:
            return page_html
        href = relative_url(src_uri, GLOSSARY_URI)
        return glossify(page_html, self.atlas.entities.get("glossary", {}), href)

    def exports(self, site_url: str) -> dict:
        """Files that are not pages: open data and redirects, {path in the site: bytes}."""
        return {**exports(self.atlas, site_url), **redirect_files(self.atlas)}

    def content_page(self, markdown: str, src_uri: str, sanitised: bool = False) -> str:
        """A hand-written page with its citations numbered and entity links resolved (see render_content)."""
        return render_content(markdown, src_uri, self.atlas, sanitised)


def build(root: Path, site_url: str = "") -> Build:
    """`site_url` (the public address) makes absolute links possible: JSON-LD, QR codes."""
    atlas, problems = model.load(Path(root))
    atlas.site_url = site_url
    result = Build(atlas, problems)
    if result.ok:
        result.pages = render_pages(atlas)
        _check_section_links(atlas, result.pages, problems)
    return result


def _check_section_links(atlas, pages, problems) -> None:
    """A hand-written page's `#section` links name sections the rendered pages have."""
    from .markdown import anchors, check_anchors

    by_src = {page.src_uri: page for page in pages}
    targets = _Anchors(lambda kind, eid: anchors(by_src[src_uri(kind, eid)].markdown)
                       if eid in atlas.entities[kind] else None)
    for page in atlas.content:
        check_anchors(page, targets, problems)


class _Anchors(dict):
    """(kind, id) -> that page's anchors, worked out only for the pages a link names."""

    def __init__(self, work_out):
        super().__init__()
        self.work_out = work_out

    def __missing__(self, key):
        self[key] = self.work_out(*key)
        return self[key]
