"""Open data: every export validates against its published schema and round-trips the data."""
from __future__ import annotations

import json

import pytest
from atlas.exports import EXPORTED
from conftest import ROOT, project_atlas
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ATLAS = project_atlas()


def validator(site, name):
    schemas = {p.name: json.loads(p.read_text()) for p in (site / "schemas").glob("*.json")}
    registry = Registry().with_resources((n, Resource.from_contents(s)) for n, s in schemas.items())
    return Draft202012Validator(schemas[name], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("kind", [k.name for k in EXPORTED])
def test_each_kind_exports_valid_json_with_every_item(real_site, kind):
    spec = next(k for k in EXPORTED if k.name == kind)
    export = json.loads((real_site / "api" / f"{spec.export_name}.json").read_text())
    errors = [e.message for e in validator(real_site, f"api-{spec.export_name}.json").iter_errors(export)]
    assert errors == []
    assert export["count"] == len(ATLAS.entities[kind])
    assert [item["id"] for item in export["items"]] == list(ATLAS.entities[kind])
    assert export["items"] == list(ATLAS.entities[kind].values())  # round-trip: the data itself
    assert export["license"]["name"] == "CC BY-SA 4.0"
    assert len(export["urls"]) == (len(export["items"]) if spec.has_pages else 0)  # questions have no pages
    for eid, url in export["urls"].items():
        assert url.endswith(f"/{spec.url}/{eid}/") and (real_site / spec.url / eid / "index.html").exists()


def test_free_exercise_db_export_matches_that_schema(real_site):
    export = json.loads((real_site / "api" / "free-exercise-db" / "exercises.json").read_text())
    assert [e.message for e in validator(real_site, "free-exercise-db.json").iter_errors(export)] == []
    assert [item["id"] for item in export] == list(ATLAS.entities["exercise"])
    rdl = next(item for item in export if item["id"] == "romanian-deadlift")
    assert rdl["primaryMuscles"] == ["hamstrings", "glutes"] and rdl["equipment"] == "barbell"
    assert rdl["alternateNames"][0] == "RDL" and rdl["force"] == "pull" and rdl["mechanic"] == "compound"


def test_references_export_as_csl_json_and_bibtex(real_site):
    csl = json.loads((real_site / "api" / "references.json").read_text())
    assert [item["id"] for item in csl] == list(ATLAS.bib.keys())
    by_id = {item["id"]: item for item in csl}
    mf = by_id["martinfuentes2020deadlift"]
    assert mf["type"] == "article-journal" and mf["DOI"] == "10.1371/journal.pone.0229507"
    assert mf["author"][0] == {"family": "Martín-Fuentes", "given": "I."} and mf["genre"] == "Systematic review"
    assert mf["issued"] == {"date-parts": [[2020]]} and mf["container-title"] == "PLoS ONE"
    assert all(item["title"] and "\\" not in item["title"] for item in csl)
    assert (real_site / "references.bib").read_bytes() == (ROOT / "references.bib").read_bytes()


def test_licences_are_stated_in_the_footer_and_every_export(real_site):
    assert "CC BY-SA 4.0" in (real_site / "api" / "LICENSE.txt").read_text()
    assert "content and data CC BY-SA 4.0" in (real_site / "index.html").read_text()
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "CC BY-SA 4.0" in (ROOT / "LICENSE-CONTENT").read_text()


def test_the_catalogue_lists_every_export_with_its_licence(real_site):
    catalogue = json.loads((real_site / "api" / "index.json").read_text())
    paths = {item["path"] for item in catalogue["exports"]}
    published = {p.relative_to(real_site).as_posix() for p in (real_site / "api").rglob("*")
                 if p.suffix in (".json", ".svg")} - {"api/index.json"}
    assert published | {"references.bib"} == paths
    assert all(item["license"] == "CC BY-SA 4.0" for item in catalogue["exports"])
    for item in catalogue["exports"]:
        assert (real_site / item["path"]).exists() and (item["schema"] is None or (real_site / item["schema"]).exists())


def test_every_exercise_figure_is_open_data_with_its_licence_in_the_file(real_site):
    from xml.etree import ElementTree

    exercises = json.loads((real_site / "api" / "exercises.json").read_text())["items"]
    assert all("pose" in item for item in exercises)
    for item in exercises:
        for name in (f"{item['id']}.svg", f"{item['id']}-motion.svg"):
            root = ElementTree.parse(real_site / "api" / "figures" / name).getroot()
            text = ElementTree.tostring(root, encoding="unicode")
            assert "https://creativecommons.org/licenses/by-sa/4.0/" in text and "Glute &amp; Hamstring Atlas contributors" in text
            assert root.find("{http://www.w3.org/2000/svg}desc").text.startswith("Drawn from ")
