"""Load the data, check it, and derive the relations that are declared only once.

load() reads every file, validates it against its schema (which also checks every
cross-reference), checks ids against file names, scans hand-written pages for
citations and entity links, and returns an Atlas plus every problem found.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import bibliography, ledger, yamlsource
from .markdown import ContentPage, scan_content
from .problems import Problems
from .scaffold import placeholders
from .schema import SchemaChecker
from .urls import KINDS

# vocabulary kind -> (file under data/, schema): small lists of terms, one item per id
VOCABULARIES = {
    "equipment": ("equipment.yaml", "vocabulary"),
    "pattern": ("patterns.yaml", "vocabulary"),
    "muscle-group": ("muscle-groups.yaml", "vocabulary"),
    "glossary": ("glossary.yaml", "glossary"),
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INVERSE_RELATION = {"progression": "regression", "regression": "progression", "variation": "variation"}


@dataclass
class Atlas:
    root: Path
    bib: bibliography.Bibliography
    entities: dict = field(default_factory=dict)  # kind -> {id: data}, sorted by name
    vocab: dict = field(default_factory=dict)  # vocabulary kind -> {id: item}
    sources: dict = field(default_factory=dict)  # (kind, id) -> data file path relative to root
    content: list = field(default_factory=list)  # ContentPage
    site_url: str = ""  # the public address, when known (absolute links, QR codes)
    # derived, reverse relations
    muscle_exercises: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    action_muscles: dict = field(default_factory=lambda: defaultdict(list))
    action_exercises: dict = field(default_factory=lambda: defaultdict(list))
    exercise_programs: dict = field(default_factory=lambda: defaultdict(list))
    related: dict = field(default_factory=lambda: defaultdict(list))

    def get(self, kind, entity_id):
        return self.entities[kind][entity_id]

    def title(self, kind, entity_id) -> str:
        return self.entities[kind][entity_id]["name"]

    def link(self) -> None:
        """Derive every reverse relation from the one place it is declared."""
        for eid, exercise in self.entities["exercise"].items():
            for use in exercise["muscles"]:
                self.muscle_exercises[use["muscle"]][use["role"]].append(eid)
            for aid in exercise["actions"]:
                self.action_exercises[aid].append(eid)
            for rel in exercise.get("variations", []):
                self.related[eid].append((rel["exercise"], rel["relation"], rel.get("note")))
                self.related[rel["exercise"]].append((eid, INVERSE_RELATION[rel["relation"]], rel.get("note")))
        for mid, muscle in self.entities["muscle"].items():
            for act in muscle["actions"]:
                self.action_muscles[act["action"]].append((mid, act["role"]))
        for pid, program in self.entities["program"].items():
            for block in program["blocks"]:
                for item in block["items"]:
                    if pid not in self.exercise_programs[item["exercise"]]:
                        self.exercise_programs[item["exercise"]].append(pid)


def refs_in(value):
    """Every bibliography key under a `refs` key, in document order."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "refs" and isinstance(item, list):
                yield from (k for k in item if isinstance(k, str))
            else:
                yield from refs_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from refs_in(item)


def load(root: Path) -> tuple[Atlas, Problems]:
    root = Path(root)
    problems = Problems(root)
    data_dir = root / "data"
    bib = bibliography.load(root / "references.bib", problems)
    atlas = Atlas(root=root, bib=bib)

    docs = {}  # (kind, stem) -> Document
    # What exists: entity ids are file names, counted even when a file fails to load,
    # so one broken file does not make every link to it an error as well.
    known = {kind: set() for kind in KINDS}
    for kind, folder in KINDS.items():
        for path in sorted((data_dir / folder).glob("*")):
            if path.is_dir() or path.name.startswith("."):
                continue
            if path.suffix != ".yaml":
                problems.add(path, 1, 1, "A108", f"'{path.name}' is not a .yaml file; data files end in .yaml")
                continue
            if not ID_RE.match(path.stem):
                problems.add(path, 1, 1, "A303",
                             f"file name '{path.name}' is not a valid id: use lower-case letters, digits and hyphens")
                continue
            known[kind].add(path.stem)
            doc = yamlsource.load(path, problems)
            if doc is not None:
                docs[(kind, path.stem)] = doc
    vocab_docs = {}
    for kind, (name, _schema) in VOCABULARIES.items():
        path = data_dir / name
        if not path.exists():
            problems.add(path, 1, 1, "A108", f"vocabulary file {name} is missing")
            continue
        doc = yamlsource.load(path, problems)
        if doc is not None:
            vocab_docs[kind] = doc

    for kind, doc in vocab_docs.items():
        items = doc.data if isinstance(doc.data, list) else []
        known[kind] = {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}
    known["reference"] = set(bib.keys())

    checker = SchemaChecker(known)
    for kind, doc in vocab_docs.items():
        if checker.check(doc, VOCABULARIES[kind][1], problems):
            atlas.vocab[kind] = {}
            for i, item in enumerate(doc.data):
                if item["id"] in atlas.vocab[kind]:
                    problems.add(doc.path, *doc.pos((i, "id")), "A302", f"duplicate id '{item['id']}' in {doc.path.name}")
                atlas.vocab[kind][item["id"]] = item

    seen_ids = {}
    for (kind, stem), doc in docs.items():
        todo = list(placeholders(doc.data))
        for path in todo:
            problems.add(doc.path, *doc.pos(path), "A206",
                         f"placeholder at '{'.'.join(str(p) for p in path)}' is not filled in; replace the TODO")
        if todo:
            continue  # a skeleton in progress: its other gaps would only repeat the TODOs
        valid = checker.check(doc, kind, problems)
        data = doc.data if isinstance(doc.data, dict) else {}
        declared = data.get("id")
        if isinstance(declared, str) and declared != stem:
            problems.add(doc.path, *doc.pos(("id",)), "A301",
                         f"id '{declared}' does not match the file name '{stem}.yaml'; the id is the URL, "
                         f"so rename one to match the other")
        if isinstance(declared, str):
            if (kind, declared) in seen_ids:
                problems.add(doc.path, *doc.pos(("id",)), "A302",
                             f"{kind} id '{declared}' is also used by {problems.display(seen_ids[(kind, declared)])}")
            else:
                seen_ids[(kind, declared)] = doc.path
        if valid:
            atlas.entities.setdefault(kind, {})[stem] = data
            atlas.sources[(kind, stem)] = doc.path.relative_to(root).as_posix()
    for kind in KINDS:
        entities = atlas.entities.get(kind, {})
        atlas.entities[kind] = dict(sorted(entities.items(), key=lambda item: item[1]["name"].lower()))

    cited = []
    for doc in docs.values():
        cited.extend(refs_in(doc.data))
    content_dir = root / "content"
    for path in sorted(content_dir.rglob("*.md")):
        page = ContentPage.read(path, content_dir)
        atlas.content.append(page)
        page.cited = scan_content(page, known, problems)
        cited.extend(page.cited)

    for key in bib.keys():
        if key not in cited:
            problems.add(bib.path, *bib.positions.get(key, (1, 1)), "A509",
                         f"'{key}' is never cited; cite it from data or a page, or remove it")

    if not problems:
        ledger.check_redirects(atlas, problems)
        ledger.check(atlas, problems)
    if not problems:
        atlas.link()
    return atlas, problems
