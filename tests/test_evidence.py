"""Evidence from the research itself, on a real strict build of the base fixture: study pages,
questions with computed grades on exercise pages and guides, pinpoints and what was read in
citations and reference lists, the open data, and (in Chromium) the tooltip of a pinpointed citation.

The base fixture holds two sample studies (one read in full, one as an abstract), a question shown
on both exercise pages and one shown on a guide.
"""
from __future__ import annotations

import json
import re

import htmlscan
import pytest
from conftest import make_project, mkdocs_build, serve, tab_to_citation


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("evidence")
    result = mkdocs_build(make_project(root / "project"), root / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


def text_of(site, page):
    return " ".join(htmlscan.read(site / page / "index.html").text.split())


def test_a_study_has_its_page_with_what_it_did_and_found(site):
    text = text_of(site, "references/sample2020bridge")
    assert "Is the gluteus maximus more active in the hip thrust than in the bridge?" in text
    for expected in ("Laboratory study", "12", "Women", "24 ± 3 years", "Resistance-trained",
                     "Each participant did both exercises.", "Barbell hip thrust from a bench", "One session (acute)",
                     "Surface EMG of the gluteus maximus", "70 %MVIC in the hip thrust against 45 %MVIC in the bridge.",
                     "(Results, Table 2)", "The limits the atlas sees: its own judgement, not the authors'.",
                     "Twelve trained women; EMG measures activity, not growth."):
        assert expected in text, expected
    assert "Full text, the copy at PubMed Central: https://pmc.ncbi.nlm.nih.gov/articles/PMC0000001/" in text
    raw = (site / "references" / "sample2020bridge" / "index.html").read_text()
    assert 'href="https://pmc.ncbi.nlm.nih.gov/articles/PMC0000001/"' in raw


def test_a_study_page_is_titled_as_a_scientist_cites_it_with_its_title_below(site):
    from atlas import search

    for key, label, title in [
        ("sample2020bridge", "Sample et al. (2020)",
         "Gluteus maximus activity in the bridge and the hip thrust (a sample study of the test fixtures)"),
        ("sample2021thrust", "Trial & Sample (2021)", None),
    ]:
        raw = (site / "references" / key / "index.html").read_text()
        page = htmlscan.read(site / "references" / key / "index.html")
        assert page.find("title")[0].text == f"{label} - Glute & Hamstring Atlas"
        assert page.find("h1")[0].text.rstrip("¶") == label
        subtitle = page.by_class("study__subtitle")
        assert len(subtitle) == 1 and (title is None or subtitle[0].text == title)
        assert raw.index("study__subtitle") < raw.index("study__question") < raw.index('id="participants"')
        # the search lists the page under the same name, its title as the line below
        shard = json.loads((site / "search" / f"{search.words(label)[0][:2]}.json").read_text())
        entry = next(p for p in shard["pages"].values() if p[1] == f"references/{key}/")
        assert entry[0] == label and entry[2].startswith(subtitle[0].text[:60])
    question = htmlscan.read(site / "references" / "sample2020bridge" / "index.html").by_class("study__question")[0]
    assert " ".join(question.text.split()) == "The question: Is the gluteus maximus more active in the hip thrust than in the bridge?"


def test_a_study_page_lists_every_statement_citing_it_with_its_section(site):
    raw = (site / "references" / "sample2020bridge" / "index.html").read_text()
    cited = raw[raw.index('id="cited"'):]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>: ([^<]+)', cited)
    assert ("../../exercises/glute-bridge/#evidence", "Glute bridge",
            "In a sample laboratory study the bridge reached 45 %MVIC of the gluteus maximus. ") in links
    assert ("../../exercises/hip-thrust/#question-bridge-or-thrust", "Hip thrust",
            "Does the hip thrust work the glutes harder than the bridge? ") in links
    assert "(pinpoint: Results, Table 2)" in text_of(site, "references/sample2020bridge")
    # a hand-written page: the sentence, under its heading
    other = (site / "references" / "sample2021thrust" / "index.html").read_text()
    assert re.search(r'<a href="../../guides/programming/#how-long-it-takes">Programming &#40;a sample guide&#41;</a>: '
                     r'Ten weeks of hip thrusts grew the glutes in a sample study\.', other)
    assert "Abstract only" in text_of(site, "references/sample2021thrust")


def test_the_bibliography_keeps_its_anchors_and_links_each_study_page(site):
    page = htmlscan.read(site / "references" / "index.html")
    entry = next(e for e in page.elements if e.attrs.get("id") == "sample2020bridge")
    assert entry.tag == "li"
    raw = (site / "references" / "index.html").read_text()
    item = raw[raw.index('id="sample2020bridge"'):]
    item = item[:item.index("</li>")]
    assert 'href="sample2020bridge/"' in item and "Read: full text" in item
    coach = raw[raw.index('id="coach2024"'):]
    assert "Read:" not in coach[:coach.index("</li>")]  # a web article: nothing to read as a study


def test_an_exercise_page_answers_its_questions_with_a_computed_grade(site):
    page = htmlscan.read(site / "exercises" / "glute-bridge" / "index.html")
    raw = page.path.read_text()
    evidence = raw[raw.index('id="evidence"'):raw.index('id="references"')]
    assert 'id="research"' in evidence and 'id="question-bridge-or-thrust"' in evidence
    grade = re.search(r'<a class="grade grade--c" href="../../about/#grades" title="([^"]+)">Grade C</a>', evidence)
    assert grade and "acute studies only" in grade.group(1)
    text = " ".join(page.text.split())
    assert "Grade C rests on acute studies only" in text
    assert "1 question answered from the research (grade C)." in text  # the summary at the top
    # the fixed anchors stay, in order
    ids = [e.attrs["id"] for e in page.elements if e.tag == "h2" and "id" in e.attrs]
    assert ids == ["muscles", "technique", "cues", "mistakes", "programming", "variations", "evidence", "references"]


def test_an_exercise_with_nothing_found_says_what_was_searched(site):
    text = text_of(site, "exercises/hip-thrust")
    assert "Searched, nothing found. No study of this exercise or a close variant was found. " \
           "Searched: The test fixtures searched nothing; 2026-12-03" in text


def test_a_guide_shows_its_questions_before_its_references(site):
    raw = (site / "guides" / "programming" / "index.html").read_text()
    assert raw.index('id="research"') < raw.index('id="question-thrust-growth"') < raw.index('id="references"')
    section = raw[raw.index('id="question-thrust-growth"'):raw.index('id="references"')]
    assert 'class="grade grade--b"' in section and "rests on one training study or trial" in section
    assert "Sources that disagree" in section  # a laboratory study ranks below the trial: B stays B


def test_citations_show_the_pinpoint_and_what_was_read(site):
    page = htmlscan.read(site / "exercises" / "glute-bridge" / "index.html")
    tips = [" ".join(e.text.split()) for e in page.by_class("cite__tip")]
    study = [t for t in tips if "Gluteus maximus activity" in t]
    assert study and all("Pinpoint: Results, Table 2" in t and "Read: full text" in t for t in study)
    web = [t for t in tips if "Bridges for beginners" in t]
    assert web and not any("Pinpoint" in t or "Read:" in t for t in web)
    listed = " ".join(e.text for e in page.by_class("ref__at") + page.by_class("ref__read"))
    assert "Pinpoints here: Results, Table 2" in listed and "Read: full text" in listed


def test_studies_and_questions_are_open_data(site):
    catalogue = json.loads((site / "api" / "index.json").read_text())
    paths = {item["path"]: item["schema"] for item in catalogue["exports"]}
    assert paths["api/studies.json"] == "schemas/api-studies.json"
    assert paths["api/questions.json"] == "schemas/api-questions.json"
    studies = json.loads((site / "api" / "studies.json").read_text())
    assert [s["id"] for s in studies["items"]] == ["sample2020bridge", "sample2021thrust"]
    assert studies["urls"]["sample2020bridge"].endswith("references/sample2020bridge/")
    questions = json.loads((site / "api" / "questions.json").read_text())
    assert {q["id"] for q in questions["items"]} == {"bridge-or-thrust", "thrust-growth"} and questions["urls"] == {}
    csl = {item["id"]: item for item in json.loads((site / "api" / "references.json").read_text())}
    assert csl["sample2021thrust"]["custom"] == {"read": "abstract", "readurl": "https://pubmed.ncbi.nlm.nih.gov/00000002/"}
    assert "custom" not in csl["coach2024"]
    for name in ("study", "question", "api-studies", "api-questions"):
        assert (site / "schemas" / f"{name}.json").exists()


@pytest.mark.browser
def test_a_pinpointed_citation_shows_pinpoint_and_read_status_on_hover_and_focus(site, browser):
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + "exercises/glute-bridge/")
        ref = page.locator("#evidence ~ ul .cite__ref").first
        tip = page.locator("#" + ref.get_attribute("aria-describedby"))
        assert not tip.is_visible()
        ref.hover()
        assert tip.is_visible()
        assert "Pinpoint: Results, Table 2" in tip.inner_text() and "Read: full text" in tip.inner_text()
        page.mouse.move(0, 0)
        page.goto(url + "guides/programming/")
        tip_id = tab_to_citation(page, 100)
        focused = page.locator("#" + tip_id)
        assert focused.is_visible()
        assert "Pinpoint: Abstract" in focused.inner_text() and "Read: abstract only" in focused.inner_text()
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 360])  # on a phone, a table that scrolls would need a focus stop
@pytest.mark.parametrize("path", ["references/sample2020bridge/", "exercises/glute-bridge/", "guides/programming/"])
def test_axe_finds_no_violations_on_study_pages_and_questions(site, browser, path, scheme, width):
    from conftest import AXE

    with serve(site) as url:
        # bypass_csp only to inject axe
        context = browser.new_context(color_scheme=scheme, bypass_csp=True, viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(url + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "axe.run(document).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))")
        context.close()
    assert violations == []


@pytest.mark.browser
def test_a_study_page_fits_a_phone(site, browser):
    with serve(site) as url:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(url + "references/sample2020bridge/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        context.close()


@pytest.mark.parametrize("path,old,new,message", [
    ("data/questions/thrust-growth.yaml", "guides: [programming]", "guides: [programing]",
     "data/questions/thrust-growth.yaml:8:10: A401 unknown guide id 'programing' (did you mean 'programming'?)"),
    ("data/questions/bridge-or-thrust.yaml", "exercises: [glute-bridge, hip-thrust]", "exercises: [glute-bridge, hip-trust]",
     "data/questions/bridge-or-thrust.yaml:6:27: A401 unknown exercise id 'hip-trust' (did you mean 'hip-thrust'?)"),
    ("data/questions/thrust-growth.yaml", "guides: [programming]\n", "",
     "data/questions/thrust-growth.yaml:1:1: A202 missing required key 'exercises'"),
    ("data/studies/sample2021thrust.yaml", "id: sample2021thrust", "id: sample2021thrusts",
     "data/studies/sample2021thrust.yaml:1:5: A402 unknown reference key 'sample2021thrusts' (did you mean 'sample2021thrust'?)"),
    ("data/exercises/hip-thrust.yaml", "  found: none", "  found: nothing",
     "data/exercises/hip-thrust.yaml:22:10: A204 'nothing' is not allowed for 'found'; choose one of: none"),
])
def test_study_and_question_mistakes_point_at_the_file_line_and_column(tmp_path, path, old, new, message):
    from conftest import BIN, run

    project = make_project(tmp_path)
    file = project / path
    assert old in file.read_text()
    file.write_text(file.read_text().replace(old, new))
    result = run(str(BIN / "atlas"), "--root", str(project), "check")
    assert result.returncode == 1 and message in result.stderr.splitlines(), result.stderr
