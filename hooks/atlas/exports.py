"""Open data, built with the site: JSON for every kind, CSL-JSON references, the BibTeX
file, the JSON Schemas, and an export in the free-exercise-db format.

`exports(atlas, site_url)` returns {path in the site: bytes}; the MkDocs hook adds them
as files, and `atlas generate` writes them too. Every export states its licence.
"""
from __future__ import annotations

import json
from importlib import resources

from .bibliography import Bibliography
from .urls import KINDS, page_url, src_uri

LICENSE = {
    "name": "CC BY-SA 4.0",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "attribution": "Glute & Hamstring Atlas contributors",
}
SCHEMA_FILES = ("common", "exercise", "muscle", "action", "program", "vocabulary", "glossary")

# free-exercise-db enumerations (its schema.json), and how the atlas's vocabulary maps onto them
FED_MUSCLE = {
    "gluteus-maximus": "glutes", "gluteus-medius": "abductors", "gluteus-minimus": "abductors",
    "deep-hip-rotators": "glutes", "biceps-femoris-long-head": "hamstrings", "biceps-femoris-short-head": "hamstrings",
    "semitendinosus": "hamstrings", "semimembranosus": "hamstrings", "adductor-magnus": "adductors",
    "erector-spinae": "lower back", "quadriceps": "quadriceps",
}
FED_EQUIPMENT = {
    "barbell": "barbell", "trap-bar": "other", "dumbbell": "dumbbell", "kettlebell": "kettlebells", "bench": "other",
    "box": "other", "squat-rack": "other", "cable": "cable", "hack-squat-machine": "machine",
    "leg-curl-machine": "machine", "abduction-machine": "machine", "back-extension-bench": "other",
    "stability-ball": "exercise ball", "band": "bands", "bodyweight": "body only",
}
FED_FORCE = {"hinge": "pull", "squat": "push", "lunge": "push", "bridge": "push", "knee-flexion": "pull",
             "hip-extension": "push", "hip-abduction": "push", "trunk-stability": "static", "locomotion": None,
             "stretch": "static"}
FED_MECHANIC = {"knee-flexion": "isolation", "hip-extension": "isolation", "hip-abduction": "isolation",
                "stretch": None, "locomotion": None}
FED_LEVEL = {"beginner": "beginner", "intermediate": "intermediate", "advanced": "expert"}
FED_CATEGORY = {"mobility": "stretching"}
FED_PATTERN_CATEGORY = {"locomotion": "cardio"}


def _dump(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _envelope(kind: str, entities: dict, site_url: str) -> dict:
    """Items exactly as the data schemas define them (so they validate as is), pages beside them."""
    return {"$schema": f"{site_url}schemas/api-{KINDS[kind]}.json", "license": LICENSE, "source": site_url,
            "count": len(entities), "items": list(entities.values()),
            "urls": {eid: site_url + page_url(src_uri(kind, eid)) for eid in entities}}


def free_exercise_db(entity_id: str, e: dict) -> dict:
    """One exercise in the free-exercise-db format (fields and enumerations as its schema.json)."""
    equipment = [FED_EQUIPMENT[q] for q in e["equipment"]]
    primary = list(dict.fromkeys(FED_MUSCLE[m["muscle"]] for m in e["muscles"] if m["role"] == "target"))
    secondary = [g for g in dict.fromkeys(FED_MUSCLE[m["muscle"]] for m in e["muscles"] if m["role"] != "target")
                 if g not in primary]
    return {
        "id": entity_id,
        "name": e["name"],
        "force": FED_FORCE[e["pattern"]],
        "level": FED_LEVEL[e["level"]],
        "mechanic": FED_MECHANIC.get(e["pattern"], "compound"),
        "equipment": next((q for q in equipment if q != "other"), equipment[0]),
        "primaryMuscles": primary,
        "secondaryMuscles": secondary,
        "instructions": e["technique"].get("setup", []) + e["technique"]["steps"],
        "alternateNames": e.get("aliases", []),
        "category": FED_CATEGORY.get(e["category"]) or FED_PATTERN_CATEGORY.get(e["pattern"], "strength"),
        "images": [],
    }


CSL_TYPES = {"article": "article-journal", "book": "book", "incollection": "chapter", "inbook": "chapter",
             "techreport": "report", "misc": "webpage"}


def csl_json(bib: Bibliography) -> list:
    """The bibliography as CSL-JSON; the kind of evidence is kept in `genre`."""
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
        items.append(item)
    return items


def export_schemas(site_url: str) -> dict:
    """JSON Schemas for the exports: the data schemas themselves, plus one envelope per file."""
    files = {f"schemas/{name}.json": resources.files("atlas").joinpath(f"schemas/{name}.json").read_bytes()
             for name in SCHEMA_FILES}
    for kind in KINDS:
        envelope = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"Glute & Hamstring Atlas: {KINDS[kind]}",
            "type": "object",
            "required": ["license", "source", "count", "items", "urls"],
            "properties": {
                "$schema": {"type": "string"}, "license": {"type": "object"}, "source": {"type": "string"},
                "count": {"type": "integer"},
                "items": {"type": "array", "items": {"$ref": f"{kind}.json"}},
                "urls": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        }
        files[f"schemas/api-{KINDS[kind]}.json"] = _dump(envelope)
    files["schemas/free-exercise-db.json"] = resources.files("atlas").joinpath("schemas/free-exercise-db.json").read_bytes()
    return files


def exports(atlas, site_url: str) -> dict:
    files = {}
    for kind, folder in KINDS.items():
        files[f"api/{folder}.json"] = _dump(_envelope(kind, atlas.entities[kind], site_url))
    files["api/references.json"] = _dump(csl_json(atlas.bib))
    files["references.bib"] = atlas.bib.path.read_bytes()
    fed = [free_exercise_db(eid, e) for eid, e in atlas.entities["exercise"].items()]
    files["api/free-exercise-db/exercises.json"] = _dump(fed)
    files["api/LICENSE.txt"] = (
        f"The data in this folder is licensed under {LICENSE['name']} ({LICENSE['url']}).\n"
        f"Attribution: {LICENSE['attribution']}, {site_url}\n").encode()
    files.update(export_schemas(site_url))
    # bare-list formats (CSL-JSON, free-exercise-db) cannot hold a licence field: the catalogue states it
    catalogue = [
        *({"path": f"api/{folder}.json", "format": "atlas", "schema": f"schemas/api-{folder}.json"} for folder in KINDS.values()),
        {"path": "api/references.json", "format": "CSL-JSON", "schema": None},
        {"path": "references.bib", "format": "BibTeX", "schema": None},
        {"path": "api/free-exercise-db/exercises.json", "format": "free-exercise-db", "schema": "schemas/free-exercise-db.json"},
    ]
    files["api/index.json"] = _dump({"license": LICENSE, "source": site_url,
                                     "exports": [{**item, "license": LICENSE["name"]} for item in catalogue]})
    return files
