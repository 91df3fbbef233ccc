"""Links that never break: the ledger of published URLs, and redirects for aliases and former ids."""
from __future__ import annotations

import re

import atlas
import htmlscan
import pytest
from atlas.ledger import read, redirects, site_pages
from atlas.urls import page_url, slug
from conftest import BIN, ROOT, copy_real_project, project_atlas, run

ATLAS = project_atlas()


def check(project):
    return run(str(BIN / "atlas"), "--root", str(project), "check")


def test_every_ledger_url_resolves_in_the_built_site(real_site):
    ledger = read(ROOT)
    assert len(ledger) > 400
    pages = {}  # each page read once: the ledger holds every section of every page

    def scan(target):
        if target not in pages:
            pages[target] = htmlscan.read(target)
        return pages[target]

    for _, url in ledger:
        path, _, anchor = url.partition("#")
        target = real_site / path.lstrip("/") / "index.html"
        assert target.exists(), url
        moved = scan(target)
        if "moved" in moved.ids:  # a redirect stub: the section must exist on the page it leads to
            href = next(e.attrs["href"] for e in moved.elements if e.attrs.get("id") == "moved")
            target = (target.parent / href / "index.html").resolve()
        if anchor:
            assert anchor in scan(target).ids, url


def test_every_page_of_the_site_is_in_the_ledger(real_site):
    recorded = {url for _, url in read(ROOT)}
    built = {"/" + p.parent.relative_to(real_site).as_posix().removeprefix(".") + "/" for p in real_site.rglob("index.html")}
    built = {u.replace("//", "/") for u in built}
    assert built - recorded == set(), "run `atlas ledger` to record new pages"
    assert {"/" + page_url(src) for src in site_pages(ATLAS)} <= built


@pytest.mark.parametrize("eid", [e for e, data in ATLAS.entities["exercise"].items() if data.get("aliases")])
def test_every_alias_redirects_to_its_exercise(real_site, eid):
    for alias in ATLAS.get("exercise", eid)["aliases"]:
        if slug(alias) == eid:
            continue
        html = (real_site / "exercises" / slug(alias) / "index.html").read_text()
        assert f'<meta http-equiv="refresh" content="0; url=../{eid}/">' in html
        assert re.search(rf'<link rel="canonical" href="[^"]*/exercises/{eid}/">', html)


def test_removing_a_published_exercise_fails_the_check_naming_its_url(tmp_path):
    project = copy_real_project(tmp_path)
    (project / "data" / "exercises" / "kettlebell-swing.yaml").unlink()
    (project / "data" / "questions" / "kettlebell-swing-style.yaml").unlink()  # with the relation below, the entries that name it
    deadlift = project / "data" / "exercises" / "kettlebell-deadlift.yaml"
    text = deadlift.read_text()
    start = text.index("  - exercise: kettlebell-swing\n")
    deadlift.write_text(text[:start] + text[text.index("  - exercise:", start + 1):])
    result = check(project)
    assert result.returncode == 1
    assert "A601 published URL '/exercises/kettlebell-swing/' no longer resolves" in result.stderr
    assert "A601 published URL '/exercises/kb-swing/' no longer resolves" in result.stderr  # its alias too


def test_a_rename_that_keeps_its_former_id_keeps_every_link(tmp_path):
    """CONTRIBUTING's recipe: rename the file and its id, keep the old id in `former_ids`."""
    project = copy_real_project(tmp_path)
    old = project / "data" / "exercises" / "kettlebell-swing.yaml"
    text = old.read_text().replace("id: kettlebell-swing", "id: russian-kettlebell-swing")
    text = text.replace("name: Kettlebell swing\n", "name: Kettlebell swing\nformer_ids: [kettlebell-swing]\n")
    (project / "data" / "exercises" / "russian-kettlebell-swing.yaml").write_text(text)
    old.unlink()
    question = project / "data" / "questions" / "kettlebell-swing-style.yaml"  # data names the current id
    question.write_text(question.read_text().replace("[kettlebell-swing]", "[russian-kettlebell-swing]"))
    deadlift = project / "data" / "exercises" / "kettlebell-deadlift.yaml"
    deadlift.write_text(deadlift.read_text().replace("exercise: kettlebell-swing\n", "exercise: russian-kettlebell-swing\n"))
    result = check(project)
    assert result.returncode == 0, result.stderr  # every section URL of the old page still resolves
    # the stub a former id becomes, with its script, is built and followed in test_kinds (a former id)
    assert redirects(atlas.build(project).atlas)["exercises/kettlebell-swing.md"] == "exercises/russian-kettlebell-swing.md"


def test_ledger_appends_the_urls_a_change_adds(tmp_path):
    project = copy_real_project(tmp_path)
    source = (project / "data" / "exercises" / "kettlebell-swing.yaml").read_text()
    (project / "data" / "exercises" / "kettlebell-swing-2.yaml").write_text(
        source.replace("id: kettlebell-swing", "id: kettlebell-swing-2").replace("name: Kettlebell swing", "name: Kettlebell swing two")
        .replace(re.search(r"aliases: .*\n", source).group(0), ""))
    before = (project / "data" / "published-urls.txt").read_text()
    result = run(str(BIN / "atlas"), "--root", str(project), "ledger")
    assert result.returncode == 0 and result.stdout.startswith("9 new URL(s)")
    added = (project / "data" / "published-urls.txt").read_text()[len(before):].split()
    assert "/exercises/kettlebell-swing-2/" in added and "/exercises/kettlebell-swing-2/#cues" in added
