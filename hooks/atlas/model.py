"""The atlas's data, and the pipeline that makes it: load -> validate -> link -> cite.

`load(root)` runs the steps in that order and returns the Atlas with every problem found;
rendering (render.py) is the fifth step, and needs an Atlas without errors.

- load (sources.py): read references.bib, every data file and every hand-written page.
- validate (validate.py): schemas, ids, claims, consistency, links that must not break.
- link (relations.py): derive every relation that is declared only once.
- cite (here): citations and entity links in hand-written pages; sources never cited.
- evidence (evidence/checks.py): pinpoints, what was read, study files, coverage (A9xx).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import bibliography, relations, sources, validate
from .claims import refs_in
from .evidence import checks as evidence
from .markdown import scan_content
from .problems import Problems


@dataclass
class Atlas:
    root: Path
    bib: bibliography.Bibliography
    entities: dict = field(default_factory=dict)  # kind -> {id: data}; page kinds sorted by name
    sources: dict = field(default_factory=dict)  # (kind, id) -> data file path relative to root
    positions: dict = field(default_factory=dict)  # (kind, id) -> the item's Document and its path in it
    content: list = field(default_factory=list)  # ContentPage
    site_url: str = ""  # the public address, when known (absolute links, QR codes)
    links: relations.Relations = field(default_factory=relations.Relations)  # derived by the link step
    thumbnails: dict = field(default_factory=dict)  # exercise id -> its small drawing, drawn once per build

    def get(self, kind, entity_id):
        return self.entities[kind][entity_id]

    def title(self, kind, entity_id) -> str:
        return self.entities[kind][entity_id]["name"]

    def name(self, kind, entity_id) -> str:
        """The name of an item of any kind (a glossary entry's is its term)."""
        item = self.entities[kind][entity_id]
        return item.get("name") or item.get("term", entity_id)


def load(root: Path) -> tuple[Atlas, Problems]:
    root = Path(root)
    problems = Problems(root)
    found = sources.read(root, problems)
    atlas = Atlas(root=root, bib=found.bib, content=found.content)
    validate.validate(atlas, found, problems)
    valid = not problems
    if valid:
        atlas.links = relations.link(atlas)
    cite(atlas, found, problems)
    if valid:
        evidence.check(atlas, found, problems)
    return atlas, problems


def cite(atlas: Atlas, found: sources.Sources, problems: Problems) -> None:
    """Check the citations and entity links of hand-written pages; every source must be cited."""
    cited = set()
    for doc in [*found.docs.values(), *found.lists.values()]:
        cited.update(refs_in(doc.data))
    for page in atlas.content:
        page.cited = scan_content(page, found.known, problems)
        cited.update(page.cited)
    for key in atlas.bib.keys():
        if key not in cited:
            problems.add(atlas.bib.path, *atlas.bib.positions.get(key, (1, 1)), "A509", key=key)
