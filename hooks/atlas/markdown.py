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

from .guard import files, frontmatter, limits
from .kinds import PAGE_KINDS
from .problems import Problems, did_you_mean

CITATION = re.compile(r"\[(@[^\[\]\n]*)\]")
CITED_KEY = re.compile(r"@([^\s;,\]]+)")
_CITED_WITH_LOCATOR = re.compile(r"\s*@([^\s;,\]]+)\s*(?:,\s*(.*?))?\s*$", re.DOTALL)
ENTITY_LINK = re.compile(r"\[([^\[\]\n]*)\]\((" + "|".join(kind.name for kind in PAGE_KINDS) + r"):([^)#\s]*)(#[^)\s]*)?\)")
ANY_LINK = re.compile(r"\]\(\s*<?([A-Za-z][A-Za-z0-9+.-]*):")  # [text](scheme:... ; kinds are lower case
WEB_SCHEMES = ("http", "https", "mailto")
CODE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
BODYMAP_MARKER = "<!-- atlas:bodymap -->"  # a hand-written page asks for the linked body map
GRADE_RULES_MARKER = "<!-- atlas:grade-rules -->"  # ... for the rules of the grades (evidence/grades.py)
_FRONT_MATTER = frontmatter.FRONT_MATTER
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass
class ContentPage:
    path: Path
    src_uri: str
    text: str
    title: str
    cited: list = field(default_factory=list)  # keys in order of first citation
    citations: list = field(default_factory=list)  # Citation, every one, in order
    meta: dict = field(default_factory=dict)  # the checked front matter

    @classmethod
    def load(cls, path: Path, content_dir: Path, templates: list[str], problems: Problems) -> ContentPage | None:
        """The page, or None after adding problems (too large, not UTF-8, broken front matter)."""
        raw = files.read_limited(path, limits.PAGE_FILE_BYTES, problems)
        text = None if raw is None else files.decode(path, raw, problems)
        if text is None:
            return None
        before = len(problems)
        meta = frontmatter.read(path, text, templates, problems)
        if len(problems) != before:
            return None
        found = _HEADING.search(frontmatter.split(text)[1])
        title = meta.get("title") or (found.group(1).strip() if found else path.stem)
        return cls(path, path.relative_to(content_dir).as_posix(), text, " ".join(title.split()), meta=meta)


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
            if known["reference"] is None or key in known["reference"]:
                cited.append(key)
                page.citations.append(Citation(key, at, *where))
            else:
                problems.add(page.path, *where, "A404", key=key, suggestion=did_you_mean(key, known["reference"]))
    for match in _outside_code(page.text, CITATION):
        line_start = page.text.rfind("\n", 0, match.start()) + 1
        if page.text[line_start:match.start()].lstrip().startswith("#"):
            problems.add(page.path, *_position(page.text, match.start()), "A425")
    kinds = [kind.name for kind in PAGE_KINDS]
    for match in _outside_code(page.text, ANY_LINK):
        scheme = match.group(1)
        if scheme not in kinds and scheme.lower() not in WEB_SCHEMES:
            problems.add(page.path, *_position(page.text, match.start(1)), "A423", kind=scheme,
                         suggestion=did_you_mean(scheme.rstrip("s"), kinds),
                         kinds=", ".join(f"{k}:" for k in kinds) + " and https:")
    for match in _outside_code(page.text, ENTITY_LINK):
        kind, entity_id = match.group(2), match.group(3)
        if known[kind] is not None and entity_id not in known[kind]:
            problems.add(page.path, *_position(page.text, match.start(3)), "A405", kind=kind, id=entity_id,
                         suggestion=did_you_mean(entity_id, known[kind]))
    return cited


_HEADING_ANY = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*(?:\{[^}]*#([\w-]+)[^}]*\})?[ \t]*$", re.MULTILINE)
_EXPLICIT_ID = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}|\bid=\"([^\"]+)\"")


def anchors(markdown: str) -> set[str]:
    """The section anchors a page's Markdown gives: explicit ids, and the slugs of its headings."""
    from markdown.extensions.toc import slugify

    found = {a or b for a, b in _EXPLICIT_ID.findall(markdown)}
    for text, explicit in _HEADING_ANY.findall(markdown):
        found.add(explicit or slugify(re.sub(r"<[^>]+>|&#\d+;", "", text), "-"))
    return found


def check_anchors(page: ContentPage, targets: dict, problems: Problems) -> None:
    """Every `[text](kind:id#section)` names a section the target page has (A424).
    `targets`: (kind, id) -> that page's anchors."""
    for match in _outside_code(page.text, ENTITY_LINK):
        kind, entity_id, anchor = match.group(2), match.group(3), (match.group(4) or "#")[1:]
        have = targets[(kind, entity_id)] if anchor else None
        if anchor and have is not None and anchor not in have:
            problems.add(page.path, *_position(page.text, match.start(4) + 1), "A424", kind=kind, id=entity_id,
                         anchor=anchor, suggestion=did_you_mean(anchor, sorted(have)))
