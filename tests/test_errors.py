"""Every mistake a contributor can make gives a precise error: one failing fixture per code.

Each folder in fixtures/errors/ is an overlay on the clean base project; its
`expected` file lists exactly the `file:line:col: CODE` lines `atlas check` must
print. The folder name starts with the code it demonstrates.
"""
from __future__ import annotations

import re

import pytest
from atlas.problems import CODES
from conftest import BIN, FIXTURES, ROOT, make_project, mkdocs_build, run

ERROR_FIXTURES = sorted((FIXTURES / "errors").iterdir())
LINE = re.compile(r"^(?P<where>[^\s:]+:\d+:\d+): (?P<code>A\d{3}) (?P<message>.+)$")


def check(project):
    return run(str(BIN / "atlas"), "--root", str(project), "check")


def test_base_fixture_is_clean(tmp_path):
    result = check(make_project(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")


@pytest.mark.parametrize("fixture", ERROR_FIXTURES, ids=lambda p: p.name)
def test_fixture_reports_exactly_its_errors(fixture, tmp_path):
    result = check(make_project(tmp_path, fixture))
    code = CODES[fixture.name.split("-")[0]]
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    if code.warning:  # reported, and the data still builds
        assert result.returncode == 0 and result.stdout.startswith("ok:")
    else:
        assert result.returncode == 1
        assert re.match(r"^\d+ problem\(s\) found", lines.pop())
    reported = set()
    for line in lines:
        match = LINE.match(line)
        assert match, f"not in file:line:col: CODE message form: {line!r}"
        reported.add(f"{match['where']}: {match['code']}")
        assert CODES[match["code"]].pattern().match(match["message"]), f"not in {match['code']}'s message shape: {line!r}"
    expected = set((fixture / "expected").read_text().split("\n")) - {""}
    assert reported == expected
    assert fixture.name.split("-")[0] in {e.split(": ")[1] for e in expected}


def test_every_code_has_a_failing_fixture():
    demonstrated = {path.name.split("-")[0] for path in ERROR_FIXTURES}
    assert demonstrated == set(CODES)


def test_unknown_ids_come_with_a_suggestion(tmp_path):
    result = check(make_project(tmp_path, FIXTURES / "errors" / "A401-unknown-id"))
    assert "unknown muscle id 'gluteus-maximum' (did you mean 'gluteus-maximus'?)" in result.stderr


def test_all_problems_of_a_run_are_reported_at_once(tmp_path):
    overlays = [FIXTURES / "errors" / name for name in ("A105-duplicate-key", "A404-unknown-citation", "A506-unknown-design")]
    result = check(make_project(tmp_path, *overlays))
    assert result.returncode == 1
    codes = {LINE.match(line)["code"] for line in result.stderr.splitlines() if LINE.match(line)}
    assert codes == {"A105", "A404", "A506"}


@pytest.mark.parametrize("name", ["A104-tab-indent", "A501-bibtex-syntax"])
def test_strict_build_fails_with_the_same_messages(name, tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "errors" / name)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for expected in (FIXTURES / "errors" / name / "expected").read_text().split():
        if ":" in expected:
            assert expected in result.stderr


def test_alias_bomb_is_refused_quickly(tmp_path):
    # Nine levels of nine-fold aliases would expand to 387 million strings if constructed.
    result = check(make_project(tmp_path, FIXTURES / "errors" / "A106-alias-bomb"))
    assert result.returncode == 1 and "A106" in result.stderr


def test_contributing_lists_every_error_code_with_a_real_example_and_a_fix():
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    rows = re.findall(r"^\| `(A\d{3})` \| (.+?) \| `(.+?)` \| (.+) \|$", guide, re.M)
    assert {code: meaning for code, meaning, _, _ in rows} == {code: c.title for code, c in CODES.items()}
    for code, _, example, fix in rows:
        line = LINE.match(example.replace("\\|", "|"))
        assert line and line["code"] == code and fix
        assert CODES[code].pattern().match(line["message"]), f"{code}'s example is not in its message shape"


def test_strict_build_fails_on_a_broken_anchor(tmp_path):
    # MkDocs' own link and anchor validation is raised to warnings, so --strict stops on it.
    project = make_project(tmp_path / "project")
    page = project / "content" / "index.md"
    page.write_text(page.read_text() + "\nSee the [cues](exercise:glute-bridge#no-such-section).\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-section" in result.stderr
