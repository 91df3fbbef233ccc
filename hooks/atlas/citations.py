"""Numbered citations for one page: inline markers with a tooltip, and the list at the end.

Every page that cites numbers its sources in order of first use. A marker is a link
to the entry in the page's own list; hovering or focusing it shows the full
reference (pure CSS, so it works without JavaScript and from the keyboard), with the
pinpoint (where in the source the statement stands) and, for a study, what the atlas
read of it. The list gives each source's pinpoints on the page and the copy read.
"""
from __future__ import annotations

import html

from markupsafe import Markup

from .bibliography import READ, URL_RE, Bibliography
from .claims import ref_at, ref_key
from .text import md_text
from .urls import REFERENCES_URI, relative_url, src_uri


def read_status(bib: Bibliography, key: str) -> str:
    """'full text', 'abstract only', 'not recorded' for a study; '' for any other source."""
    if not bib.is_study(key):
        return ""
    return READ.get(bib.read(key), "not recorded")


class Citer:
    def __init__(self, bib: Bibliography, page_src: str, studies=()):
        self.bib = bib
        self.page_src = page_src
        self.studies = studies  # keys that have a study page
        self.order: list[str] = []
        self.pinpoints: dict[str, list[str]] = {}  # key -> its pinpoints on this page, in order
        self.markers = 0

    def number(self, key: str) -> int:
        if key not in self.order:
            self.order.append(key)
        return self.order.index(key) + 1

    def cite(self, refs) -> Markup:
        """Inline markers for one or more `refs` items (keys, or {key, at}), e.g. [1, 3]."""
        parts = []
        for ref in refs:
            key, at = ref_key(ref), ref_at(ref)
            self.markers += 1
            tip_id = f"cite-{self.markers}"
            number = self.number(key)
            if at and at not in self.pinpoints.setdefault(key, []):
                self.pinpoints[key].append(at)
            kind, read = self.bib.design(key), read_status(self.bib, key)
            parts.append(
                f'<a class="cite__ref" href="#ref-{key}" aria-describedby="{tip_id}">{number}</a>'
                f'<span class="cite__tip" id="{tip_id}" role="tooltip">{md_text(self.bib.text(key))}'
                + (f' <span class="cite__kind">{md_text(kind)}</span>' if kind else "")
                + (f' <span class="cite__at">Pinpoint: {md_text(at)}</span>' if at else "")
                + (f' <span class="cite__read">Read: {md_text(read)}</span>' if read else "")
                + "</span>"
            )
        return Markup('<sup class="cite">[' + ", ".join(parts) + "]</sup>")

    def references(self, always: bool = False) -> Markup:
        """The page's closing 'References' section: empty when the page cites nothing, unless
        `always` (exercise pages keep every fixed section anchor, whatever their data)."""
        if not self.order:
            return Markup("## References {#references}\n\nThis page cites no source yet.\n" if always else "")
        everywhere = relative_url(self.page_src, REFERENCES_URI)
        items = [self._item(key, everywhere) for key in self.order]
        return Markup('## References {#references}\n\n<ol class="references">\n' + "\n".join(items) + "\n</ol>\n")

    def _item(self, key: str, everywhere: str) -> str:
        kind, read = self.bib.design(key), read_status(self.bib, key)
        item = f'<li id="ref-{key}"><span class="ref__text">{self.bib.html(key)}</span>'
        if kind:
            item += f' <span class="ref__kind">{md_text(kind)}</span>'
        if self.pinpoints.get(key):
            item += f' <span class="ref__at">Pinpoints here: {md_text("; ".join(self.pinpoints[key]))}</span>'
        if read:
            url = self.bib.readurl(key)
            copy = f' (<a href="{html.escape(url, quote=True)}">the copy read</a>)' if URL_RE.match(url) else ""
            item += f' <span class="ref__read">Read: {md_text(read)}{copy}</span>'
        if key in self.studies:
            item += f' <a class="ref__study" href="{relative_url(self.page_src, src_uri("study", key))}">the study, summarised</a>'
        return item + f' <a class="ref__all" href="{everywhere}#{key}">all pages citing this</a></li>'
