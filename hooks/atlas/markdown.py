"""Hand-written pages: `[@key]` citations and `[text](kind:id)` entity links.

A guide cites with `[@key]` or `[@a; @b]` and links to an exercise, muscle, joint
action or program with `[text](exercise:romanian-deadlift)` (empty text takes the
entity's name; `#anchor` may follow the id). Code spans and fenced blocks are left
alone so the syntax can be shown in examples.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problems, did_you_mean
from .text import md_text
from .urls import KINDS, relative_md, src_uri

CITATION = re.compile(r"\[(@[^\[\]\n]*)\]")
CITED_KEY = re.compile(r"@([^\s;,\]]+)")
ENTITY_LINK = re.compile(r"\[([^\[\]\n]*)\]\((" + "|".join(KINDS) + r"):([^)#\s]*)(#[^)\s]*)?\)")
_CODE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
BODYMAP_MARKER = "<!-- atlas:bodymap -->"  # a hand-written page asks for the linked body map
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TITLE = re.compile(r"^title:\s*(.+)$|^#\s+(.+)$", re.MULTILINE)


@dataclass
class ContentPage:
    path: Path
    src_uri: str
    text: str
    title: str
    cited: list = field(default_factory=list)  # keys in order of first citation

    @classmethod
    def read(cls, path: Path, content_dir: Path) -> ContentPage:
        text = path.read_text(encoding="utf-8", errors="replace")
        found = _TITLE.search(text)
        title = (found.group(1) or found.group(2)).strip().strip("'\"") if found else path.stem
        return cls(path, path.relative_to(content_dir).as_posix(), text, title)


def _outside_code(text: str, pattern: re.Pattern):
    code = [m.span() for m in _CODE.finditer(text)]
    for match in pattern.finditer(text):
        if not any(start <= match.start() < end for start, end in code):
            yield match


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def scan_content(page: ContentPage, known: dict, problems: Problems) -> list[str]:
    """Report unknown citation keys and entity ids; return the keys the page cites."""
    cited = []
    for match in _outside_code(page.text, CITATION):
        for key_match in CITED_KEY.finditer(match.group(1)):
            key = key_match.group(1)
            if key in known["reference"]:
                cited.append(key)
            else:
                problems.add(page.path, *_position(page.text, match.start(1) + key_match.start()), "A404",
                             f"citation '@{key}' is not a key in references.bib" + did_you_mean(key, known["reference"]))
    for match in _outside_code(page.text, ENTITY_LINK):
        kind, entity_id = match.group(2), match.group(3)
        if entity_id not in known[kind]:
            problems.add(page.path, *_position(page.text, match.start(3)), "A405",
                         f"link to unknown {kind} '{entity_id}'" + did_you_mean(entity_id, known[kind]))
    return cited


def render_content(markdown: str, page_src: str, atlas) -> str:
    """Resolve citations and entity links in a checked page, and append its references."""
    from .citations import Citer

    citer = Citer(atlas.bib, page_src)

    def entity_link(match):
        text, kind, entity_id, anchor = match.groups()
        label = text or md_text(atlas.title(kind, entity_id))
        return f"[{label}]({relative_md(page_src, src_uri(kind, entity_id))}{anchor or ''})"

    def citation(match):
        return str(citer.cite(CITED_KEY.findall(match.group(1))))

    if BODYMAP_MARKER in markdown:
        from .render import render_bodymap

        linked = render_bodymap(atlas, page_src, {}, "Body map: choose a muscle to open its page", links=True)
        markdown = markdown.replace(BODYMAP_MARKER, str(linked))

    pieces, last = [], 0
    code = [m.span() for m in _CODE.finditer(markdown)]
    for start, end in code + [(len(markdown), len(markdown))]:
        prose = markdown[last:start]
        prose = ENTITY_LINK.sub(entity_link, prose)
        prose = CITATION.sub(citation, prose)
        pieces.append(prose + markdown[start:end])
        last = end
    body = "".join(pieces)
    references = str(citer.references())  # str: adding Markup to the body would escape the body
    return body.rstrip("\n") + ("\n\n" + references if references else "\n")
