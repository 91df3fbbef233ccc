"""The real project, built with `mkdocs build --strict`: every page, every link, every citation."""
from __future__ import annotations

import gzip
import html
import json
import re
import sys
from urllib.parse import urljoin, urlsplit

import htmlscan
import pytest
from atlas.kinds import BY_NAME, PAGE_KINDS
from conftest import BIN, ROOT, project_atlas, run
from linkcheck import broken_links
from mkdocs.config import load_config

ATLAS = project_atlas()
ENTITIES = [(kind.name, entity_id) for kind in PAGE_KINDS for entity_id in ATLAS.entities[kind.name]]


def page(site, kind, entity_id):
    p = htmlscan.read(site / BY_NAME[kind].url / entity_id / "index.html")
    p.url = f"/{BY_NAME[kind].url}/{entity_id}/"
    return p


def links_to(p, folder, entity_id):
    """Whether page `p` links to /folder/entity_id/ (hrefs resolved against the page's URL)."""
    target = f"/{folder}/{entity_id}/"
    return any(urljoin(p.url, href).split("#")[0] == target for href in p.hrefs())


def test_the_data_is_clean(project_build):
    assert project_build.ok, project_build.problems.report()


def test_the_vertical_slice_is_big_enough():
    counts = {kind: len(ATLAS.entities[kind]) for kind in ATLAS.entities}
    assert counts["muscle"] >= 3 and counts["action"] >= 2 and counts["exercise"] >= 3 and counts["program"] >= 1
    assert any(p.src_uri.startswith("guides/") and p.cited for p in ATLAS.content)


@pytest.mark.parametrize("kind,entity_id", ENTITIES)
def test_every_entity_has_a_page_with_an_edit_link_to_its_yaml(real_site, kind, entity_id):
    p = page(real_site, kind, entity_id)
    edits = [e.attrs["href"] for e in p.elements if e.tag == "a" and "edit" in e.attrs.get("title", "").lower()]
    assert edits and edits[0].endswith(f"/edit/main/{ATLAS.sources[(kind, entity_id)]}")


def test_hand_written_pages_edit_their_markdown(real_site):
    p = htmlscan.read(real_site / "guides" / "loading" / "index.html")
    edits = [e.attrs["href"] for e in p.elements if e.tag == "a" and "edit" in e.attrs.get("title", "").lower()]
    assert edits and edits[0].endswith("/edit/main/content/guides/loading.md")


def test_index_pages_list_every_entity(real_site):
    for kind in PAGE_KINDS:
        folder = kind.url
        index = htmlscan.read(real_site / folder / "index.html")
        for entity_id in ATLAS.entities[kind.name]:
            assert any(h.rstrip("/").endswith(entity_id) for h in index.hrefs()), (folder, entity_id)


@pytest.mark.parametrize("eid", list(ATLAS.entities["exercise"]))
def test_exercise_and_muscle_link_each_other(real_site, eid):
    exercise = ATLAS.get("exercise", eid)
    ep = page(real_site, "exercise", eid)
    for use in exercise["muscles"]:
        assert links_to(ep, "muscles", use["muscle"])
        assert links_to(page(real_site, "muscle", use["muscle"]), "exercises", eid)
    for aid in exercise["actions"]:
        assert links_to(ep, "actions", aid)
        assert links_to(page(real_site, "action", aid), "exercises", eid)


@pytest.mark.parametrize("eid", list(ATLAS.entities["exercise"]))
def test_exercise_pages_have_every_fixed_anchor(real_site, eid):
    ids = page(real_site, "exercise", eid).ids
    for anchor in ("muscles", "technique", "cues", "mistakes", "programming", "variations", "evidence", "references"):
        assert anchor in ids


def test_variations_are_shown_both_ways(real_site):
    declared = [(eid, rel) for eid, e in ATLAS.entities["exercise"].items() for rel in e.get("variations", [])]
    assert declared
    for eid, rel in declared:
        assert links_to(page(real_site, "exercise", eid), "exercises", rel["exercise"])
        assert links_to(page(real_site, "exercise", rel["exercise"]), "exercises", eid)
    bridge = page(real_site, "exercise", "glute-bridge").text
    thrust = page(real_site, "exercise", "barbell-hip-thrust").text
    assert "Progressions (harder): Barbell hip thrust" in bridge
    assert "Regressions (easier): Glute bridge" in thrust


def test_muscles_and_actions_link_each_other(real_site):
    for mid, muscle in ATLAS.entities["muscle"].items():
        for act in muscle["actions"]:
            assert links_to(page(real_site, "muscle", mid), "actions", act["action"])
            assert links_to(page(real_site, "action", act["action"]), "muscles", mid)


def test_programs_and_exercises_link_each_other(real_site):
    for pid, program in ATLAS.entities["program"].items():
        for block in program["blocks"]:
            for item in block["items"]:
                assert links_to(page(real_site, "program", pid), "exercises", item["exercise"])
                assert links_to(page(real_site, "exercise", item["exercise"]), "programs", pid)


def cited_pages(site):
    for path in sorted(site.rglob("index.html")):
        p = htmlscan.read(path)
        if p.by_class("cite__ref"):
            yield path, p


def test_every_citation_resolves_on_its_page(real_site):
    pages = list(cited_pages(real_site))
    assert len(pages) > 10
    for path, p in pages:
        refs = p.by_class("cite__ref")
        for ref in refs:
            key = ref.attrs["href"].removeprefix("#ref-")
            assert ref.attrs["href"] == f"#ref-{key}" and f"ref-{key}" in p.ids, path
            tip = [e for e in p.elements if e.attrs.get("id") == ref.attrs["aria-describedby"]]
            assert tip and tip[0].attrs.get("role") == "tooltip" and len(tip[0].text) > 20
        numbers = [int(r.text) for r in refs]
        assert sorted(set(numbers)) == list(range(1, max(numbers) + 1)), path  # numbered in order of use
        assert "[@" not in p.text, path


def test_citation_tooltips_name_the_kind_of_evidence(real_site):
    p = page(real_site, "exercise", "conventional-deadlift")
    tips = [e.text for e in p.by_class("cite__tip")]
    assert any("Systematic review" in t and "Electromyographic activity" in t for t in tips)


def test_every_reference_is_cited_and_links_back(real_site):
    refs = htmlscan.read(real_site / "references" / "index.html")
    for key in ATLAS.bib.keys():
        assert key in refs.ids
        entry = next(e for e in refs.elements if e.attrs.get("id") == key)
        assert "Cited on: " in entry.text and entry.text.split("Cited on: ")[1].strip(), key
    # and every page that cites a key links to that key's entry on the references page
    for path, p in cited_pages(real_site):
        for ref in p.by_class("cite__ref"):
            key = ref.attrs["href"].removeprefix("#ref-")
            assert any(h.endswith(f"references/#{key}") for h in p.hrefs()), (path, key)


def test_references_show_doi_links_and_clean_latex(real_site):
    refs = htmlscan.read(real_site / "references" / "index.html")
    entry = next(e for e in refs.elements if e.attrs.get("id") == "martinfuentes2020deadlift")
    assert "I. Martín-Fuentes, J. M. Oliva-Lozano" in entry.text.replace("\xa0", " ")
    assert "Systematic review" in entry.text
    assert "https://doi.org/10.1371/journal.pone.0229507" in refs.hrefs()
    maeo = next(e for e in refs.elements if e.attrs.get("id") == "maeo2021hamstrings")
    assert "Medicine & Science in Sports & Exercise" in maeo.text
    for e in refs.by_class("ref__text"):
        assert not re.search(r"[\\{}]", e.text), e.text


def test_no_broken_links_or_anchors(real_site):
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    assert broken_links(real_site, base_path=urlsplit(site_url).path) == []


def test_meta_descriptions_come_from_the_data(real_site):
    for kind, entity_id in ENTITIES:
        meta = page(real_site, kind, entity_id).find("meta", name="description")
        item = ATLAS.get(kind, entity_id)
        # a study page's description is its question
        text = item.get("summary") or item.get("description") or item.get("question", "")
        assert meta and meta[0].attrs["content"] == " ".join(text.split())


def test_generate_writes_the_same_pages_for_other_engines(tmp_path, project_build):
    result = run(str(BIN / "atlas"), "generate", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for generated in project_build.pages:
        assert (tmp_path / generated.src_uri).read_text() == generated.markdown
    guide = (tmp_path / "guides" / "loading.md").read_text()
    assert guide.startswith("---\n") and "[@" not in guide and 'class="cite__ref"' in guide


def test_the_core_never_imports_mkdocs():
    code = "import sys, atlas; atlas.build(sys.argv[1]); assert not [m for m in sys.modules if m.startswith('mkdocs')]"
    result = run(sys.executable, "-c", code, str(ROOT))
    assert result.returncode == 0, result.stderr


def html_pages(site):
    """Real pages: not the redirect stubs that keep old and alias URLs working."""
    return [p for p in sorted(site.rglob("index.html")) if 'http-equiv="refresh"' not in p.read_text()]


def test_every_page_has_a_unique_title_description_and_canonical_url(real_site):
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    titles, descriptions = {}, {}
    for path in html_pages(real_site):
        p = htmlscan.read(path)
        title = [e.text for e in p.elements if e.tag == "title"][:1]  # the head's; an SVG may have its own
        assert title and title[0].strip() and "<title>" in path.read_text().split("</head>")[0], path
        assert title[0] not in titles, f"{path} and {titles[title[0]]} share the title {title[0]!r}"
        titles[title[0]] = path
        description = p.find("meta", name="description")
        assert len(description) == 1 and len(description[0].attrs["content"]) > 40, path
        assert description[0].attrs["content"] not in descriptions, path
        descriptions[description[0].attrs["content"]] = path
        canonical = p.find("link", rel="canonical")
        relative = path.parent.relative_to(real_site).as_posix()
        assert canonical and canonical[0].attrs["href"] == site_url + ("" if relative == "." else relative + "/"), path


def test_sitemap_lists_every_page_and_robots_points_to_it(real_site):
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    sitemap = (real_site / "sitemap.xml").read_text()
    for path in html_pages(real_site):
        relative = path.parent.relative_to(real_site).as_posix()
        assert f"<loc>{site_url}{'' if relative == '.' else relative + '/'}</loc>" in sitemap, path
    assert f"Sitemap: {site_url}sitemap.xml" in (real_site / "robots.txt").read_text()


# --- browsing (issue: body map, finder, search, glossary, evidence) --------------------

REGION = re.compile(r'<g id="([a-z0-9-]+)" class="bodymap__region[^"]*?(?: is-([a-z]+))?" data-muscle')


def test_every_muscle_has_a_region_on_the_body_map_and_every_region_is_a_muscle(real_site):
    html = (real_site / "exercises" / "romanian-deadlift" / "index.html").read_text()
    assert {mid for mid, _ in REGION.findall(html)} == set(ATLAS.entities["muscle"])


@pytest.mark.parametrize("eid", list(ATLAS.entities["exercise"]))
def test_the_map_on_an_exercise_page_marks_exactly_its_muscles(real_site, eid):
    html = (real_site / "exercises" / eid / "index.html").read_text()
    marked = {mid: role for mid, role in REGION.findall(html) if role}
    assert marked == {use["muscle"]: use["role"] for use in ATLAS.get("exercise", eid)["muscles"]}
    assert "Evidence at a glance:" in html


def test_a_muscle_page_marks_its_own_muscle(real_site):
    for mid in ATLAS.entities["muscle"]:
        html = (real_site / "muscles" / mid / "index.html").read_text()
        assert {m: r for m, r in REGION.findall(html) if r} == {mid: "current"}


def test_the_home_map_links_every_region_to_its_muscle_page(real_site):
    home = htmlscan.read(real_site / "index.html")
    regions = [e for e in home.elements if e.tag == "a" and "bodymap__region" in e.attrs.get("class", "")]
    assert {e.attrs["data-muscle"] for e in regions} == set(ATLAS.entities["muscle"])
    # a muscle drawn in both views has one id (the first drawing)
    assert sorted(e.attrs["id"] for e in regions if "id" in e.attrs) == sorted(ATLAS.entities["muscle"])
    for e in regions:
        assert e.attrs["href"] == f"muscles/{e.attrs['data-muscle']}/" and e.attrs["aria-label"]


def test_every_exercise_is_a_row_of_the_finder_with_its_filters(real_site):
    finder = htmlscan.read(real_site / "exercises" / "index.html")
    rows = {e.attrs["data-id"]: e.attrs for e in finder.elements if e.tag == "tr" and "data-id" in e.attrs}
    assert set(rows) == set(ATLAS.entities["exercise"])
    for eid, attrs in rows.items():
        e = ATLAS.get("exercise", eid)
        assert attrs["data-pattern"] == e["pattern"] and attrs["data-category"] == e["category"]
        assert set(attrs["data-equipment"].split()) == set(e["equipment"])
        for alias in e.get("aliases", []):
            assert alias.lower() in attrs["data-search"]
    # the form is complete in the page (so nothing moves when the script runs); CSS hides it without JS
    form = next(e for e in finder.elements if e.attrs.get("id") == "finder")
    assert "hidden" not in form.attrs and "is-folded" in form.attrs["class"]
    assert any(e.tag == "button" and e.attrs.get("aria-controls") == "finder-filters" for e in finder.elements)


def test_the_search_index_is_in_small_shards_and_material_search_is_gone(real_site):
    from atlas import search

    assert not (real_site / "search" / "search_index.json").exists() and not (real_site / "pagefind").exists()
    shards = {p.stem: json.loads(p.read_text()) for p in (real_site / "search").glob("*.json")}
    assert len(shards) > 50  # split by a word's first two letters: a query loads only its words' shards
    assert max(len(gzip.compress(p.read_bytes())) for p in (real_site / "search").glob("*.json")) < 20_000  # as sent
    for key, shard in shards.items():
        assert all(word.startswith(key) for word in shard["words"])
        assert all(str(n) in shard["pages"] for hits in shard["words"].values() for n, _ in hits)  # self-contained
    # every exercise is the best page for the words of its own name
    for eid, e in ATLAS.entities["exercise"].items():
        for word in search.words(e["name"]):
            hits = shards[word[:2]]["words"][word]
            urls = [shards[word[:2]]["pages"][str(n)][1] for n, _ in hits]
            assert f"exercises/{eid}/" in urls, (eid, word)


def test_search_words_are_folded_like_the_client_folds_them():
    from atlas import search

    assert search.words("The Glutes' 45° hip-extension, Romanian DEADLIFTS") == ["glute", "45", "hip", "extension", "romanian", "deadlift"]
    assert search.words("press pass a is") == ["press", "pass"]  # "ss" is no plural; common words are left out
    assert search.compounds("A warm-up, then the cable pull-throughs") == ["warmup", "pullthrough"]


def test_pages_about_the_atlas_rank_below_its_training_pages(real_site):
    shard = json.loads((real_site / "search" / "gl.json").read_text())
    best = [shard["pages"][str(n)][1] for n, _ in shard["words"]["glute"][:8]]
    assert best and all(url.startswith(("exercises/", "muscles/")) for url in best), best
    assert "contributing/" not in best and "about/" not in best


def test_the_word_list_for_typos_is_small_and_pages_about_the_atlas_are_marked(real_site):
    from atlas import search

    # the words of names and aliases: where a query word with a typo in its first two letters is looked up
    listed = (real_site / "search" / "words.txt").read_text().split()
    assert len(gzip.compress(" ".join(listed).encode())) < 2_000 and len(set(listed)) == len(listed)
    for e in ATLAS.entities["exercise"].values():
        assert all(word in listed for word in search.words(e["name"]) if len(word) >= 4), e["name"]
    # the client lists pages about the atlas after its content: their entries carry a trailing 1 (the
    # bibliography too: its boost is low so that the titles it lists do not outrank the pages themselves)
    pages = {}
    for path in (real_site / "search").glob("*.json"):
        pages.update({page[1]: page for page in json.loads(path.read_text())["pages"].values()})
    # (the bibliography too: it names nearly every word, so it goes after the pages that teach)
    assert {url for url, page in pages.items() if page[4:] == [1]} == {"about/", "contributing/", "data-reference/", "references/"}


def test_abbreviations_are_explained_from_the_glossary(real_site):
    effort = htmlscan.read(real_site / "guides" / "effort" / "index.html")
    terms = [e for e in effort.elements if e.tag == "a" and e.attrs.get("class") == "gloss__term"]
    assert {t.text for t in terms} >= {"RPE", "RIR"}
    assert len({t.text for t in terms}) == len(terms)  # a link for the first use only
    for t in terms:
        tip = next(e for e in effort.elements if e.attrs.get("id") == t.attrs["aria-describedby"])
        assert tip.attrs["role"] == "tooltip" and ":" in tip.text
    assert [e for e in effort.elements if e.tag == "abbr" and e.text == "RPE"]  # later uses


def test_contributing_and_the_data_reference_are_pages_of_the_site(real_site):
    guide = htmlscan.read(real_site / "contributing" / "index.html")
    assert "A worked example" in guide.text and "A206" in guide.text
    reference = htmlscan.read(real_site / "data-reference" / "index.html")
    for key in ("technique.steps", "muscles[].role", "programming[].rpe", "blocks[].items[].exercise"):
        assert key in reference.text, key
    for value in ("primary", "prime mover", "sagittal"):  # enumerations come from the schemas
        assert value in reference.text


@pytest.mark.parametrize("eid", list(ATLAS.entities["exercise"]))
def test_exercise_pages_carry_howto_structured_data(real_site, eid):
    p = page(real_site, "exercise", eid)
    blocks = [json.loads(e.text) for e in p.elements if e.tag == "script" and e.attrs.get("type") == "application/ld+json"]
    assert len(blocks) == 1
    how_to, data = blocks[0], ATLAS.get("exercise", eid)
    assert how_to["@type"] == "HowTo" and how_to["name"] == data["name"] and how_to["description"] == data["summary"]
    assert how_to["url"].endswith(f"/exercises/{eid}/")
    steps = data["technique"].get("setup", []) + data["technique"]["steps"]
    assert [s["text"] for s in how_to["step"]] == steps and all(s["@type"] == "HowToStep" for s in how_to["step"])


def test_the_about_page_states_the_grade_rules_the_build_applies(real_site):
    from atlas.evidence.grades import LOWERED, RULES

    assert "grades" in htmlscan.read(real_site / "about" / "index.html").ids
    raw = (real_site / "about" / "index.html").read_text()
    # the text a reader sees, without the glossary's tooltips (EMG is explained where it stands)
    raw = re.sub(r'<span class="gloss__tip"[^>]*>.*?</span>', "", raw, flags=re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())
    for letter, rule in RULES:
        assert f"{letter}: {rule}." in text
    assert f"Disagreement: {LOWERED}." in text
    from atlas.evidence.grades import INDIRECT

    assert f"Indirect evidence: {INDIRECT}." in text
    assert "Training studies Randomised controlled trial, Controlled trial, Training study, Cohort study" in text


def _question_block(site, eid, qid):
    raw = (site / "exercises" / eid / "index.html").read_text()
    block = raw[raw.index(f'id="question-{qid}"'):]
    block = block[:block.index("</p>", block.index('class="question-grade"'))]
    block = re.sub(r'<span class="cite__tip"[^>]*>.*?</span></span>', "", block, flags=re.S)  # the tooltips' references
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", block)).split())


def test_a_question_on_the_page_of_a_variant_no_study_tested_is_graded_lower_and_says_so(real_site):
    # squat depth was tested with the barbell back squat (`tested`); the dumbbell sumo squat page shows the answer too
    tested = _question_block(real_site, "barbell-back-squat", "squat-depth-glutes")
    variant = _question_block(real_site, "dumbbell-sumo-squat", "squat-depth-glutes")
    assert "Grade B rests on one training study or trial" in tested and "Indirect evidence" not in tested
    assert "Grade C rests on one training study or trial; lowered one step: the studies tested a close variant" in variant
    assert "Indirect evidence: the studies behind this answer tested other exercises (Barbell back squat), not this one." in variant


def test_a_review_of_emg_studies_grades_as_acute_evidence(real_site):
    block = _question_block(real_site, "barbell-hip-thrust", "glute-max-emg-ranking")
    assert re.search(r"Grade C rests on acute studies only \((one|two|three) reviews? of them among the sources\)", block), block
