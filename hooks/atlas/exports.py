"""Open data, built with the site: JSON for every kind, CSL-JSON references, the BibTeX
file, the JSON Schemas, and an export in the free-exercise-db format.

`exports(atlas, site_url)` returns {path in the site: bytes}; the MkDocs hook adds them
as files, and `atlas generate` writes them too. Every export states its licence.
"""
from __future__ import annotations

import json
from importlib import resources

from .bibliography import Bibliography
from .figures import drawing
from .kinds import KINDS, SCHEMAS
from .schema import schema
from .urls import page_url, src_uri

LICENSE = {
    "name": "CC BY-SA 4.0",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "attribution": "Glute & Hamstring Atlas contributors",
}
EXPORTED = tuple(kind for kind in KINDS if kind.export)
# free-exercise-db values for the schema's own enumerations (the data's vocabularies carry the rest)
FED_LEVEL = {"beginner": "beginner", "intermediate": "intermediate", "advanced": "expert"}
FED_STRETCHING = "mobility"  # the movement category that free-exercise-db calls "stretching"


def _dump(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _envelope(kind, entities: dict, site_url: str) -> dict:
    """Items exactly as the data schemas define them (so they validate as is), pages beside them."""
    pages = {eid: site_url + page_url(src_uri(kind.name, eid)) for eid in entities} if kind.has_pages else {}
    return {"$schema": f"{site_url}schemas/api-{kind.export_name}.json", "license": LICENSE, "source": site_url,
            "count": len(entities), "items": list(entities.values()), "urls": pages}


def free_exercise_db(atlas, entity_id: str, e: dict) -> dict:
    """One exercise in the free-exercise-db format (fields and enumerations as its schema.json)."""
    equipment = [atlas.entities["equipment"][q]["free_exercise_db"] for q in e["equipment"]]
    muscles = atlas.entities["muscle"]
    primary = list(dict.fromkeys(muscles[m["muscle"]]["free_exercise_db"] for m in e["muscles"] if m["role"] == "target"))
    secondary = [g for g in dict.fromkeys(muscles[m["muscle"]]["free_exercise_db"] for m in e["muscles"]
                                           if m["role"] != "target") if g not in primary]
    pattern = atlas.entities["pattern"][e["pattern"]]["free_exercise_db"]
    return {
        "id": entity_id,
        "name": e["name"],
        "force": pattern["force"],
        "level": FED_LEVEL[e["level"]],
        "mechanic": pattern["mechanic"],
        "equipment": next((q for q in equipment if q != "other"), equipment[0]),
        "primaryMuscles": primary,
        "secondaryMuscles": secondary,
        "instructions": e["technique"].get("setup", []) + e["technique"]["steps"],
        "alternateNames": e.get("aliases", []),
        "category": "stretching" if e["category"] == FED_STRETCHING else pattern["category"],
        "images": [],
    }


CSL_TYPES = {"article": "article-journal", "book": "book", "incollection": "chapter", "inbook": "chapter",
             "techreport": "report", "misc": "webpage"}


def csl_json(bib: Bibliography) -> list:
    """The bibliography as CSL-JSON; the kind of evidence is kept in `genre`, what the atlas read in `custom`."""
    items = []
    for key, entry in bib.entries.items():
        f = {name.lower(): value for name, value in entry.fields.items()}
        item = {"id": key, "type": CSL_TYPES[entry.type], "title": bib.text_of(f.get("title", "")),
                "genre": bib.design(key)}
        people = [
            {"family": bib.text_of(" ".join(p.prelast_names + p.last_names)),
             "given": bib.text_of(" ".join(p.first_names + p.middle_names))}
            if p.last_names else {"literal": bib.text_of(str(p))}
            for p in entry.persons.get("author", [])
        ]
        if people:
            item["author"] = people
        if f.get("year", "").isdigit():
            item["issued"] = {"date-parts": [[int(f["year"])]]}
        for field, csl in (("journal", "container-title"), ("booktitle", "container-title"), ("volume", "volume"),
                           ("number", "issue"), ("pages", "page"), ("publisher", "publisher"), ("doi", "DOI"),
                           ("url", "URL"), ("howpublished", "container-title"), ("note", "note"), ("edition", "edition")):
            if field in f and csl not in item:
                item[csl] = f[field] if field in ("doi", "url") else bib.text_of(f[field])
        if f.get("read"):  # what the atlas read of a study, and where (not CSL variables: kept under `custom`)
            item["custom"] = {"read": f["read"], "readurl": f.get("readurl", "")}
        items.append(item)
    return items


def export_schemas(site_url: str) -> dict:
    """JSON Schemas for the exports: the data schemas themselves, plus one envelope per file."""
    files = {f"schemas/{name}.json": resources.files("atlas").joinpath(f"schemas/{name}.json").read_bytes()
             for name in SCHEMAS}
    for kind in EXPORTED:
        envelope = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"Glute & Hamstring Atlas: {kind.export_name}",
            "type": "object",
            "required": ["license", "source", "count", "items", "urls"],
            "properties": {
                "$schema": {"type": "string"}, "license": {"type": "object"}, "source": {"type": "string"},
                "count": {"type": "integer"},
                "items": {"type": "array", "items": _item_schema(kind.schema)},
                "urls": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        }
        files[f"schemas/api-{kind.export_name}.json"] = _dump(envelope)
    return files


def _item_schema(name: str) -> dict:
    """A reference to the schema of one item: the file's own, or its `items` when the file holds a list."""
    return {"$ref": f"{name}.json#/items"} if schema(name).get("type") == "array" else {"$ref": f"{name}.json"}


def figure_paths(atlas) -> list[str]:
    """Each exercise's figure: the still start/end sheet, and the motion."""
    return [f"api/figures/{eid}{suffix}.svg" for eid in atlas.entities["exercise"] for suffix in ("", "-motion")]


def figure_files(atlas, site_url: str) -> dict:
    files = {}
    for eid, e in atlas.entities["exercise"].items():
        url = site_url + page_url(src_uri("exercise", eid))
        for suffix, motion in (("", False), ("-motion", True)):
            files[f"api/figures/{eid}{suffix}.svg"] = drawing.standalone(atlas, e, motion, url, LICENSE).encode("utf-8")
    return files


def exports(atlas, site_url: str) -> dict:
    files = {}
    for kind in EXPORTED:
        files[f"api/{kind.export_name}.json"] = _dump(_envelope(kind, atlas.entities[kind.name], site_url))
    files["api/references.json"] = _dump(csl_json(atlas.bib))
    files["references.bib"] = atlas.bib.path.read_bytes()
    fed = [free_exercise_db(atlas, eid, e) for eid, e in atlas.entities["exercise"].items()]
    files["api/free-exercise-db/exercises.json"] = _dump(fed)
    files["api/LICENSE.txt"] = (
        f"The data in this folder is licensed under {LICENSE['name']} ({LICENSE['url']}).\n"
        f"Attribution: {LICENSE['attribution']}, {site_url}\n").encode()
    files.update(export_schemas(site_url))
    files.update(figure_files(atlas, site_url))
    # bare-list formats (CSL-JSON, free-exercise-db) cannot hold a licence field: the catalogue states it
    catalogue = [
        *({"path": f"api/{k.export_name}.json", "format": "atlas", "schema": f"schemas/api-{k.export_name}.json"}
          for k in EXPORTED),
        {"path": "api/references.json", "format": "CSL-JSON", "schema": None},
        {"path": "references.bib", "format": "BibTeX", "schema": None},
        {"path": "api/free-exercise-db/exercises.json", "format": "free-exercise-db", "schema": "schemas/free-exercise-db.json"},
        *({"path": path, "format": "SVG", "schema": None} for path in figure_paths(atlas)),
    ]
    files["api/index.json"] = _dump({"license": LICENSE, "source": site_url,
                                     "exports": [{**item, "license": LICENSE["name"]} for item in catalogue]})
    return files
