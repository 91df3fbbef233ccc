"""Every statement in the atlas that cites a source, with the page and section it stands in:
what a study's page lists under "Cited in the atlas".

A statement in the data is a mapping with `refs` (its text is its `text`, a question's
`answer`, a glossary entry's `definition` ...); a statement in a hand-written page is the
sentence around the citation, under the nearest heading.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..claims import citations_in, ref_at, ref_key
from ..kinds import PAGE_KINDS
from ..urls import GLOSSARY_URI, src_uri

# the section a top-level key of an item is shown in, per page kind (the templates' heading ids)
SECTIONS = {
    "exercise": {"technique": "technique", "rep": "rep", "cues": "cues", "mistakes": "mistakes",
                 "programming": "programming", "evidence": "evidence"},
    "muscle": {"origin": "anatomy", "insertion": "anatomy", "innervation": "anatomy", "actions": "actions",
               "facts": "facts"},
    "action": {"description": "description"},
    "program": {"notes": "notes"},
}
TEXT_KEYS = ("text", "answer", "definition", "mistake", "summary")
QUESTION_ANCHOR = "question-{id}"  # a question's anchor on the pages that show it


@dataclass(frozen=True)
class Statement:
    src: str  # the page it stands on, as a docs-tree source
    title: str  # that page's title
    anchor: str  # the section's id on that page, or ''
    text: str  # the statement, or what it is ('technique')
    at: str | None  # the pinpoint it gives


LABELS = {"technique": "Technique: setup and steps", "rep": "The REP model", "programming": "Sets, reps and effort"}


def _text(atlas, statement: dict, path) -> str:
    """What a statement says, or (for one without text) what it is."""
    for key in TEXT_KEYS:
        if isinstance(statement.get(key), str):
            return statement[key]
    if isinstance(statement.get("action"), str) and statement["action"] in atlas.entities["action"]:
        return f"{str(statement.get('role', '')).capitalize()} in {atlas.name('action', statement['action']).lower()}"
    if path and path[0] in LABELS:
        goal = statement.get("goal")
        return LABELS[path[0]] + (f" ({goal})" if isinstance(goal, str) else "")
    words = [f"item {p + 1}" if isinstance(p, int) else str(p) for p in path]
    return " ".join(words).capitalize() or "The page's sources"


def _get(value, path):
    for part in path:
        value = value[part]
    return value


def statements(atlas) -> dict[str, list[Statement]]:
    """key -> every statement citing it, page by page."""
    found: dict[str, list[Statement]] = {}

    def add(key, statement):
        if statement not in found.setdefault(key, []):
            found[key].append(statement)

    for kind in PAGE_KINDS:
        for eid, item in atlas.entities[kind.name].items():
            if kind.bibliography_index:
                continue  # a study's own results are its page, not a citation of it
            src, title = src_uri(kind.name, eid), atlas.name(kind.name, eid)
            for path, ref in citations_in(item):
                anchor = SECTIONS.get(kind.name, {}).get(path[0], "") if len(path) > 2 else ""
                add(ref_key(ref), Statement(src, title, anchor, _text(atlas, _get(item, path[:-2]), path[:-2]), ref_at(ref)))
    for tid, term in atlas.entities["glossary"].items():
        for _path, ref in citations_in(term):
            add(ref_key(ref), Statement(GLOSSARY_URI, "Glossary", tid, term["definition"], ref_at(ref)))
    guides = {page.src_uri: page.title for page in atlas.content}
    for qid, question in atlas.entities["question"].items():
        shown = [(src_uri("exercise", e), atlas.name("exercise", e)) for e in question.get("exercises", [])]
        shown += [(f"guides/{g}.md", guides.get(f"guides/{g}.md", g)) for g in question.get("guides", [])]
        for _path, ref in citations_in(question):
            for src, title in shown:
                add(ref_key(ref), Statement(src, title, QUESTION_ANCHOR.format(id=qid), question["question"], ref_at(ref)))
    for page in atlas.content:
        lines = page.text.splitlines()
        for c in page.citations:
            add(c.key, Statement(page.src_uri, page.title, _heading_before(lines, c.line),
                                 _sentence(lines[c.line - 1], c.col), c.at))
    return found


_HEADING = re.compile(r"^#{2,6}\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$")
_CITATION = re.compile(r"\s*\[@[^\[\]\n]*\]")


def slugify(text: str) -> str:
    """The id Python-Markdown's toc gives a heading (its default slugify)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _heading_before(lines, line: int) -> str:
    for text in reversed(lines[: line - 1]):
        match = _HEADING.match(text)
        if match:
            return match.group(2) or slugify(match.group(1))
    return ""


def _sentence(line: str, col: int) -> str:
    """The sentence of a hand-written line that a citation at `col` closes, without citations and links."""
    before = line[: col - 1]
    start = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    text = _CITATION.sub("", line[start + 1 if start >= 0 else 0:])
    end = re.search(r"[.?!](\s|$)", text)
    text = text[: end.end()] if end else text
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: their text
    text = re.sub(r"^[\s>*+-]*(\d+\.\s+)?|[*_`]", "", text)  # list markers and emphasis
    return " ".join(text.split())
