"""Unit tests of the core's steps on the small base fixture: no site build, no browser.

They run in a few seconds (`make test-fast`); the slow tests prove the same things on
the real project through a real strict build.
"""
from __future__ import annotations

import json
import shutil
from importlib import resources

import pytest
from atlas import exports, fmt, ledger, model
from atlas.citations import Citer
from atlas.glossary import glossify
from atlas.kinds import KINDS, PAGE_KINDS
from atlas.problems import CODES, Problems
from atlas.schema import SchemaChecker
from atlas.yamlsource import Document
from conftest import FIXTURES, ROOT

TEMPLATES = resources.files("atlas").joinpath("templates")


@pytest.fixture
def base(tmp_path):
    project = tmp_path / "base"
    shutil.copytree(FIXTURES / "base", project)
    return project


def loaded(project):
    data, problems = model.load(project)
    assert not problems, problems.report()
    return data


# --- the registry of kinds --------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_has_every_part(kind):
    assert resources.files("atlas").joinpath(f"schemas/{kind.schema}.json").is_file(), \
        f"kind '{kind.name}' has no schema: add hooks/atlas/schemas/{kind.schema}.json"
    assert bool(kind.folder) != bool(kind.file), f"kind '{kind.name}' needs exactly one of `folder` and `file`"
    if kind.has_pages:
        # a kind whose index is the bibliography (studies) has no index template of its own
        for template in (kind.page_template,) + (() if kind.bibliography_index else (kind.index_template,)):
            assert TEMPLATES.joinpath(template).is_file(), f"kind '{kind.name}' has pages but no template {template}"
        assert kind.index_title and kind.index_description, f"kind '{kind.name}' has pages but no index title"
    if kind.folder:
        assert TEMPLATES.joinpath(kind.skeleton).is_file(), f"kind '{kind.name}' has no `atlas new` skeleton {kind.skeleton}"
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())["yaml.schemas"]
    mapped = settings.get(f"./hooks/atlas/schemas/{kind.schema}.json", [])
    assert kind.editor_glob in ([mapped] if isinstance(mapped, str) else mapped), \
        f"kind '{kind.name}' is not mapped to its schema in .vscode/settings.json"


def test_nav_lists_every_index_page():
    nav = (ROOT / "mkdocs.yml").read_text()
    for kind in PAGE_KINDS:
        assert f"{kind.url}/index.md" in nav, f"kind '{kind.name}' has pages but no index in the nav of mkdocs.yml"


# --- validate: claims and consistency --------------------------------------------------

def check_cue(cue):
    doc = Document(path=ROOT / "x.yaml", data={"text": "x", **cue})
    problems = Problems(ROOT)
    SchemaChecker({"reference": {"a"}}).check_against(doc, {"$ref": "common.json#/$defs/advice"}, problems)
    return [p.code for p in problems]


@pytest.mark.parametrize("cue,codes", [
    ({"refs": ["a"]}, []), ({"own": True}, []), ({}, ["A403"]), ({"refs": ["a"], "own": True}, ["A406"]),
    ({"refs": ["b"]}, ["A402"]),
])
def test_a_cue_cites_or_is_the_atlas_s_own_never_both(cue, codes):
    assert check_cue(cue) == codes


def test_every_message_matches_its_code_s_one_shape():
    for code, spec in CODES.items():
        values = {name: f"<{name}>" for name in spec.fields()}
        assert spec.pattern().match(spec.template.format(**values)), code


# --- link: relations are declared once and shown both ways -----------------------------

def test_each_direction_of_a_relation_shows_the_note_written_for_the_exercise_it_names(base):
    path = base / "data" / "exercises" / "hip-thrust.yaml"
    path.write_text(path.read_text().replace(
        "relation: regression\n", "relation: regression\n    note: no bench or bar\n    reverse_note: a bench and a bar\n"))
    links = loaded(base).links
    [forward] = links.related["hip-thrust"]
    [backward] = links.related["glute-bridge"]
    assert (forward.exercise, forward.relation, forward.note) == ("glute-bridge", "regression", "no bench or bar")
    assert (backward.exercise, backward.relation, backward.note) == ("hip-thrust", "progression", "a bench and a bar")


def test_a_reverse_relation_without_its_own_note_shows_none(base):
    path = base / "data" / "exercises" / "hip-thrust.yaml"
    path.write_text(path.read_text().replace("relation: regression\n", "relation: regression\n    note: no bench or bar\n"))
    [backward] = loaded(base).links.related["glute-bridge"]
    assert backward.note is None


# --- ledger and redirects ----------------------------------------------------------------

def test_a_former_id_keeps_every_section_url(base):
    path = base / "data" / "exercises" / "hip-thrust.yaml"
    path.write_text(path.read_text().replace("name: Hip thrust\n", "name: Hip thrust\nformer_ids: [barbell-hip-thrust]\n"))
    urls = ledger.resolvable_urls(loaded(base))
    assert "/exercises/barbell-hip-thrust/" in urls and "/exercises/barbell-hip-thrust/#cues" in urls


def test_a_redirect_stub_carries_the_section_with_a_script_file_and_works_without_it():
    stub = ledger.redirect_page("exercises/rdl.md", "exercises/romanian-deadlift.md", "Romanian deadlift", "").decode()
    assert '<meta http-equiv="refresh" content="0; url=../romanian-deadlift/">' in stub
    assert '<script src="../../assets/javascripts/atlas-redirect.js"></script>' in stub
    assert "script-src 'self'" in stub and "<script>" not in stub


# --- exports -----------------------------------------------------------------------------

def test_free_exercise_db_values_come_from_the_data(base):
    atlas = loaded(base)
    atlas.entities["equipment"]["barbell"]["free_exercise_db"] = "machine"
    item = exports.free_exercise_db(atlas, "hip-thrust", atlas.entities["exercise"]["hip-thrust"])
    assert item["equipment"] == "machine" and item["primaryMuscles"] == ["glutes"] and item["force"] == "push"


# --- citations, glossary, fmt ---------------------------------------------------------------

def test_citations_are_numbered_in_order_of_first_use(base):
    citer = Citer(loaded(base).bib, "exercises/hip-thrust.md")
    citer.cite(["coach2024"])
    citer.cite(["coach2024"])
    assert citer.order == ["coach2024"] and 'id="ref-coach2024"' in citer.references()


def test_the_first_use_of_a_term_is_explained_and_later_ones_abbreviated():
    terms = {"rpe": {"term": "RPE", "expansion": "Rating of perceived exertion", "definition": "How hard."}}
    out = glossify("<p>RPE 8, then RPE 9.</p>", terms, "../glossary/")
    assert out.count('class="gloss__term"') == 1 and out.count("<abbr") == 1


def test_fmt_is_idempotent_and_follows_the_schema_order():
    text = "name: X\nid: x\n"
    once = fmt.format_text(text, "action")
    assert once.index("id:") < once.index("name:") and fmt.format_text(once, "action") == once


def test_a_study_is_named_as_a_scientist_cites_it(tmp_path):
    from atlas import bibliography

    entries = {
        "solo2019": "author = {Solo, Ann}, year = {2019}, title = {One}",
        "pair2020": "author = {Pair, Ann and Duo, Ben}, year = {2020}, title = {Two}",
        "many2021": "author = {Many, Ann and Duo, Ben and Trio, Cy}, year = {2021}, title = {Three}",
        "vander2022": "author = {van der Berg, Ann and Duo, Ben and Trio, Cy}, year = {2022}, title = {Particle}",
        # the same label twice: a letter after the year, in the order of their titles
        "twin2023z": "author = {Twin, Ann and Duo, Ben and Trio, Cy}, year = {2023}, title = {Zebra}",
        "twin2023a": "author = {Twin, Ann and Other, Dee and Trio, Cy}, year = {2023}, title = {Apple}",
        "nodate": "author = {Undated, Ann}, title = {When}",
        "lee2018": "author = {Lee, Ann and others}, year = {2018}, title = {Unnamed co-authors}",  # BibTeX's "and others"
    }
    path = tmp_path / "references.bib"
    path.write_text("".join(f"@article{{{key},\n  {fields},\n}}\n\n" for key, fields in entries.items()))
    bib = bibliography.load(path, Problems(tmp_path))
    assert {key: bib.cited_as(key) for key in entries} == {
        "solo2019": "Solo (2019)", "pair2020": "Pair & Duo (2020)", "many2021": "Many et al. (2021)",
        "vander2022": "van der Berg et al. (2022)", "twin2023z": "Twin et al. (2023b)", "twin2023a": "Twin et al. (2023a)",
        "nodate": "Undated (n.d.)", "lee2018": "Lee et al. (2018)"}
