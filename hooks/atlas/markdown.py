"""Hand-written pages: `[@key]` citations and `[text](kind:id)` entity links.

A guide cites with `[@key]` or `[@a; @b]`, with a pandoc locator as the pinpoint where the
statement stands in the source: `[@key, Results, Table 2]`, `[@a, Abstract; @b]`. It links to an exercise, muscle, joint
action or program with `[text](exercise:romanian-deadlift)` (empty text takes the
entity's name; `#anchor` may follow the id). Code spans and fenced blocks are left
alone so the syntax can be shown in examples.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .kinds import PAGE_KINDS
from .problems import Problems, did_you_mean

CITATION = re.compile(r"\[(@[^\[\]\n]*)\]")
CITED_KEY = re.compile(r"@([^\s;,\]]+)")
_CITED_WITH_LOCATOR = re.compile(r"\s*@([^\s;,\]]+)\s*(?:,\s*(.*?))?\s*$", re.DOTALL)
ENTITY_LINK = re.compile(r"\[([^\[\]\n]*)\]\((" + "|".join(kind.name for kind in PAGE_KINDS) + r"):([^)#\s]*)(#[^)\s]*)?\)")
CODE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
BODYMAP_MARKER = "<!-- atlas:bodymap -->"  # a hand-written page asks for the linked body map
GRADE_RULES_MARKER = "<!-- atlas:grade-rules -->"  # ... for the rules of the grades (evidence/grades.py)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TITLE = re.compile(r"^title:\s*(.+)$|^#\s+(.+)$", re.MULTILINE)


@dataclass
class ContentPage:
    path: Path
    src_uri: str
    text: str
    title: str
    cited: list = field(default_factory=list)  # keys in order of first citation
    citations: list = field(default_factory=list)  # Citation, every one, in order

    @classmethod
    def read(cls, path: Path, content_dir: Path) -> ContentPage:
        text = path.read_text(encoding="utf-8", errors="replace")
        found = _TITLE.search(text)
        title = (found.group(1) or found.group(2)).strip().strip("'\"") if found else path.stem
        return cls(path, path.relative_to(content_dir).as_posix(), text, title)


@dataclass(frozen=True)
class Citation:
    key: str
    at: str | None  # the pandoc locator: the pinpoint
    line: int
    col: int


def citation_items(inside: str):
    """The items of one citation's brackets, '@a, Results, Table 2; @b', as (key, locator or None,
    offset of the key in `inside`)."""
    offset = 0
    for part in inside.split(";"):
        whole = _CITED_WITH_LOCATOR.match(part)
        if whole:
            yield whole.group(1), (whole.group(2) or "").strip() or None, offset + whole.start(1) - 1
        else:  # text around the key ('see @a'): the key, without a locator
            for key in CITED_KEY.finditer(part):
                yield key.group(1), None, offset + key.start()
        offset += len(part) + 1


def cited_refs(inside: str) -> list:
    """The items of one citation as `refs` items: a key, or {key, at} with the locator."""
    return [{"key": key, "at": at} if at else key for key, at, _ in citation_items(inside)]


def _outside_code(text: str, pattern: re.Pattern):
    code = [m.span() for m in CODE.finditer(text)]
    for match in pattern.finditer(text):
        if not any(start <= match.start() < end for start, end in code):
            yield match


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def scan_content(page: ContentPage, known: dict, problems: Problems) -> list[str]:
    """Report unknown citation keys and entity ids; return the keys the page cites."""
    cited = []
    page.citations = []
    for match in _outside_code(page.text, CITATION):
        for key, at, offset in citation_items(match.group(1)):
            where = _position(page.text, match.start(1) + offset)
            if key in known["reference"]:
                cited.append(key)
                page.citations.append(Citation(key, at, *where))
            else:
                problems.add(page.path, *where, "A404", key=key, suggestion=did_you_mean(key, known["reference"]))
    for match in _outside_code(page.text, ENTITY_LINK):
        kind, entity_id = match.group(2), match.group(3)
        if known[kind] is not None and entity_id not in known[kind]:
            problems.add(page.path, *_position(page.text, match.start(3)), "A405", kind=kind, id=entity_id,
                         suggestion=did_you_mean(entity_id, known[kind]))
    return cited
