"""Numbered citations for one page: inline markers with a tooltip, and the list at the end.

Every page that cites numbers its sources in order of first use. A marker is a link
to the entry in the page's own list; hovering or focusing it shows the full
reference (pure CSS, so it works without JavaScript and from the keyboard).
"""
from __future__ import annotations

from markupsafe import Markup

from .bibliography import Bibliography
from .text import md_text
from .urls import REFERENCES_URI, relative_url


class Citer:
    def __init__(self, bib: Bibliography, page_src: str):
        self.bib = bib
        self.page_src = page_src
        self.order: list[str] = []
        self.markers = 0

    def number(self, key: str) -> int:
        if key not in self.order:
            self.order.append(key)
        return self.order.index(key) + 1

    def cite(self, keys) -> Markup:
        """Inline markers for one or more keys, e.g. [1, 3]."""
        parts = []
        for key in keys:
            self.markers += 1
            tip_id = f"cite-{self.markers}"
            kind = self.bib.design(key)
            parts.append(
                f'<a class="cite__ref" href="#ref-{key}" aria-describedby="{tip_id}">{self.number(key)}</a>'
                f'<span class="cite__tip" id="{tip_id}" role="tooltip">{md_text(self.bib.text(key))}'
                + (f' <span class="cite__kind">{md_text(kind)}</span>' if kind else "")
                + "</span>"
            )
        return Markup('<sup class="cite">[' + ", ".join(parts) + "]</sup>")

    def references(self, always: bool = False) -> Markup:
        """The page's closing 'References' section: empty when the page cites nothing, unless
        `always` (exercise pages keep every fixed section anchor, whatever their data)."""
        if not self.order:
            return Markup("## References {#references}\n\nThis page cites no source yet.\n" if always else "")
        everywhere = relative_url(self.page_src, REFERENCES_URI)
        items = []
        for key in self.order:
            kind = self.bib.design(key)
            items.append(
                f'<li id="ref-{key}"><span class="ref__text">{self.bib.html(key)}</span>'
                + (f' <span class="ref__kind">{md_text(kind)}</span>' if kind else "")
                + f' <a class="ref__all" href="{everywhere}#{key}">all pages citing this</a></li>'
            )
        return Markup('## References {#references}\n\n<ol class="references">\n' + "\n".join(items) + "\n</ol>\n")
