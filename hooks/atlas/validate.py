"""The validate step: every loaded file against its schema (which also checks every
cross-reference and every claim's support), ids against file names, the consistency
of the data with itself, and the links that must never break.
"""
from __future__ import annotations

from . import consistency, ledger
from .kinds import BY_NAME, FILE_KINDS, FOLDER_KINDS
from .problems import Problems
from .scaffold import placeholders
from .schema import SchemaChecker


def validate(atlas, found, problems: Problems) -> None:
    checker = SchemaChecker(found.known)
    for kind in FILE_KINDS:
        atlas.entities[kind.name] = {}
        if kind.name in found.lists:
            _validate_list(atlas, kind.name, found.lists[kind.name], checker, problems)
    for kind in FOLDER_KINDS:
        atlas.entities[kind.name] = {}
    seen_ids = {}
    for (kind, stem), doc in found.docs.items():
        _validate_file(atlas, kind, stem, doc, checker, problems, seen_ids)
    for kind in FOLDER_KINDS:
        # by name; kinds without a name (studies, questions) by id
        by_name = sorted(atlas.entities[kind.name].items(), key=lambda item: item[1].get("name", item[0]).lower())
        atlas.entities[kind.name] = dict(by_name)
    if not problems:
        consistency.check(atlas, problems)
    if not problems:
        ledger.check_redirects(atlas, problems)
        ledger.check(atlas, problems)


def _validate_list(atlas, kind: str, doc, checker: SchemaChecker, problems: Problems) -> None:
    if not checker.check(doc, BY_NAME[kind].schema, problems):
        return
    items = atlas.entities[kind]
    for i, item in enumerate(doc.data):
        if item["id"] in items:
            first = atlas.positions[(kind, item["id"])]
            problems.add(doc.path, *doc.pos((i, "id")), "A302", kind=kind, id=item["id"],
                         other=f"line {doc.pos(first[1] + ('id',))[0]}")
            continue
        items[item["id"]] = item
        atlas.sources[(kind, item["id"])] = doc.path.relative_to(atlas.root).as_posix()
        atlas.positions[(kind, item["id"])] = (doc, (i,))


def _validate_file(atlas, kind: str, stem: str, doc, checker: SchemaChecker, problems: Problems, seen_ids) -> None:
    todo = list(placeholders(doc.data))
    for path in todo:
        problems.add(doc.path, *doc.pos(path), "A206", path=".".join(str(p) for p in path))
    if todo:
        return  # a skeleton in progress: its other gaps would only repeat the TODOs
    valid = checker.check(doc, BY_NAME[kind].schema, problems)
    data = doc.data if isinstance(doc.data, dict) else {}
    declared = data.get("id")
    if isinstance(declared, str) and declared != stem:
        problems.add(doc.path, *doc.pos(("id",)), "A301", declared=declared, stem=stem)
    if isinstance(declared, str):
        if (kind, declared) in seen_ids:
            problems.add(doc.path, *doc.pos(("id",)), "A302", kind=kind, id=declared,
                         other=problems.display(seen_ids[(kind, declared)]))
        seen_ids.setdefault((kind, declared), doc.path)
    if valid:
        atlas.entities[kind][stem] = data
        atlas.sources[(kind, stem)] = doc.path.relative_to(atlas.root).as_posix()
        atlas.positions[(kind, stem)] = (doc, ())
