"""One build of the atlas: everything a site engine needs, computed once."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import model
from .exports import exports
from .glossary import glossify
from .ledger import redirect_files
from .problems import Problems
from .render import Page, render_content, render_pages
from .urls import GLOSSARY_URI, relative_url


@dataclass
class Build:
    atlas: model.Atlas
    problems: Problems
    pages: list[Page] = field(default_factory=list)  # generated pages; empty when there are problems

    @property
    def ok(self) -> bool:
        return not self.problems

    def explain_terms(self, page_html: str, src_uri: str) -> str:
        """A finished page with its abbreviations explained on hover and focus."""
        if src_uri == GLOSSARY_URI:
            return page_html
        href = relative_url(src_uri, GLOSSARY_URI)
        return glossify(page_html, self.atlas.entities.get("glossary", {}), href)

    def exports(self, site_url: str) -> dict:
        """Files that are not pages: open data and redirects, {path in the site: bytes}."""
        return {**exports(self.atlas, site_url), **redirect_files(self.atlas)}

    def content_page(self, markdown: str, src_uri: str) -> str:
        """A hand-written page with its citations numbered and entity links resolved."""
        return render_content(markdown, src_uri, self.atlas)


def build(root: Path, site_url: str = "") -> Build:
    """`site_url` (the public address) makes absolute links possible: JSON-LD, QR codes."""
    atlas, problems = model.load(Path(root))
    atlas.site_url = site_url
    result = Build(atlas, problems)
    if result.ok:
        result.pages = render_pages(atlas)
    return result
