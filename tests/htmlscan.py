"""A small HTML reader for tests: elements with attributes, ids, and visible text."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""


@dataclass
class Page:
    path: Path
    elements: list = field(default_factory=list)
    ids: set = field(default_factory=set)
    text: str = ""

    def find(self, tag, **attrs):
        return [e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())]

    def hrefs(self):
        return [e.attrs["href"] for e in self.elements if e.tag == "a" and "href" in e.attrs]

    def by_class(self, name):
        return [e for e in self.elements if name in (e.attrs.get("class") or "").split()]


class _Reader(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[Element] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs})
        self.page.elements.append(element)
        if "id" in element.attrs:
            self.page.ids.add(element.attrs["id"])
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        self.chunks.append(data)
        for element in self.open:
            element.text += data


def read(path: Path) -> Page:
    page = Page(path)
    reader = _Reader(page)
    reader.feed(path.read_text(encoding="utf-8"))
    page.text = "".join(reader.chunks)
    return page
