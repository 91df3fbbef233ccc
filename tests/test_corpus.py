"""The hostile corpus (hostile_corpus.py), run: every input gets exactly its error, or is accepted.

The check runs in this process (no subprocess per case), so the whole table takes seconds.
A case the check must accept is also built for real: the unsafe ones once, in fixtures/hostile/
(see test_hostile.py and the Chromium test below).
"""
from __future__ import annotations

import time

import pytest
from conftest import make_project
from hostile_corpus import CASES, OK

from atlas.site import build


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.family}:{c.name}")
def test_case_gets_exactly_its_error(case, tmp_path):
    project = make_project(tmp_path / "project")
    case.apply(project)
    started = time.monotonic()
    result = build(project)  # must not raise, whatever the input
    elapsed = time.monotonic() - started
    errors = result.problems.errors
    assert {p.code for p in errors} == set(case.expect), result.problems.report()
    if case.expect != OK:
        assert len(errors) == 1, f"the first cause only:\n{result.problems.report()}"
        message = str(errors[0])
        assert len(message) < 600, message  # values are cut to a readable length
    assert elapsed < 10, f"{case.name} took {elapsed:.1f} s"


def test_the_corpus_is_large_and_distinct():
    assert len({case.name for case in CASES}) == len(CASES) >= 120
    assert len({case.edits for case in CASES}) == len(CASES)


def test_a_renamed_id_suggests_its_new_id(tmp_path):
    case = next(c for c in CASES if c.name == "renamed-muscle-suggests-new-id")
    project = make_project(tmp_path / "project")
    case.apply(project)
    report = build(project).problems.report()
    assert "(did you mean 'gluteus-maximus'? it was renamed)" in report


def test_errors_point_at_their_line(tmp_path):
    case = next(c for c in CASES if c.name == "guide-not-utf8")
    project = make_project(tmp_path / "project")
    case.apply(project)
    assert "content/guide.md:5:4: A101 byte 0xe9" in build(project).problems.report()
