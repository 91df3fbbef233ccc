"""The validate step: every loaded file against its schema (which also checks every
cross-reference and every claim's support), ids against file names, the consistency
of the data with itself, and the links that must never break.
"""
from __future__ import annotations

from . import consistency, ledger
from .guard.chars import name_key
from .kinds import BY_NAME, FILE_KINDS, FOLDER_KINDS, KINDS, PAGE_KINDS
from .problems import Problems
from .scaffold import placeholders
from .schema import SchemaChecker

# Names the site itself uses for pages and folders: an id, former id or alias there would replace one.
RESERVED = frozenset({
    "index", "search", "api", "assets", "schemas", "references", "figures", "icons", "javascripts", "stylesheets",
    "offline", "builder", "glossary", "tools", "guides", "contributing", "data-reference", "about", "404",
    "sitemap", "sw", "manifest", "precache", *(kind.url for kind in PAGE_KINDS),
})


def validate(atlas, found, problems: Problems) -> None:
    checker = SchemaChecker(found.known, _renamed(found))
    for kind in FILE_KINDS:
        atlas.entities[kind.name] = {}
        if kind.name in found.lists:
            _validate_list(atlas, kind.name, found.lists[kind.name], checker, problems)
    for kind in FOLDER_KINDS:
        atlas.entities[kind.name] = {}
    seen_ids = {}
    for (kind, stem), doc in found.docs.items():
        _validate_file(atlas, kind, stem, doc, checker, problems, seen_ids)
    _check_identity(atlas, problems)
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


def _renamed(found) -> dict:
    """kind -> {former id: the id it is now}, read before validation so unknown ids can follow renames."""
    renamed = {}
    for (kind, stem), doc in found.docs.items():
        former = doc.data.get("former_ids") if isinstance(doc.data, dict) else None
        for old in former if isinstance(former, list) else []:
            if isinstance(old, str):
                renamed.setdefault(kind, {})[old] = stem
    return renamed


def _check_identity(atlas, problems: Problems) -> None:
    """Ids, former ids and alias URLs clear of the site's own pages (A306); names unique (A307): no name
    is another entry's name or alias, and no exercise alias another's (each alias is a page)."""
    from .urls import slug

    for kind in KINDS:
        names = {}  # name key -> description of its first holder
        for entity_id, item in atlas.entities[kind.name].items():
            doc, at = atlas.positions[(kind.name, entity_id)]
            if kind.has_pages:
                urls = [("id", entity_id, ("id",))]
                urls += [("former id", old, ("former_ids", i)) for i, old in enumerate(item.get("former_ids", []))]
                if kind.name == "exercise":
                    urls += [(f"alias '{alias}' gives the URL", slug(alias), ("aliases", i))
                             for i, alias in enumerate(item.get("aliases", []))]
                for what, value, path in urls:
                    if value in RESERVED:
                        problems.add(doc.path, *doc.pos(at + path), "A306", what=what, value=value)
            own = item.get("name") or item.get("term")
            labels = [("name", own, ("name",) if "name" in item else ("term",))] if isinstance(own, str) else []
            labels += [("alias", alias, ("aliases", i)) for i, alias in enumerate(item.get("aliases", []))]
            for what, label, path in labels:
                key = name_key(label)
                first = names.get(key)
                # two muscles may share an alias ('medial hamstring'); an exercise's alias is its own page
                shared_alias = first and first[2] == "alias" == what and kind.name != "exercise"
                if first and not shared_alias:
                    other = "its own name" if first[0] == entity_id else f"the {first[2]} of {kind.name} '{first[0]}'"
                    problems.add(doc.path, *doc.pos(at + path), "A307", what=what, name=label, other=other)
                elif not first:
                    names[key] = (entity_id, label, what)
