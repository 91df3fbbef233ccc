"""Property-based fuzzing (Hypothesis) of the data schemas and the BibTeX reader.

Whatever a file holds, the check and the build never raise: they either build, or report
problems whose codes are known and whose positions are real. A few seconds of it run with
the other tests; `make fuzz` runs it long (ATLAS_FUZZ_EXAMPLES inputs per property).
Anything it finds becomes a fixed case in hostile_corpus.py.
"""
from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from atlas.problems import CODES
from atlas.site import build
from conftest import make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.fuzz
EXAMPLES = int(os.environ.get("ATLAS_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 25,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_project = None


def project() -> Path:
    """One project for the whole run: each example rewrites one file and puts it back after."""
    global _project
    if _project is None:
        _project = make_project(Path(tempfile.mkdtemp(prefix="atlas-fuzz-")) / "project")
    return _project


def assert_sane(root: Path, rewritten: Path):
    original = (Path(__file__).parent / "fixtures" / "base" / rewritten.relative_to(root)).read_bytes()
    try:
        result = build(root)  # the check, and when it passes, every page rendered
    finally:
        rewritten.write_bytes(original)
    for problem in result.problems:
        assert problem.code in CODES and problem.line >= 1 and problem.col >= 1, problem
        assert len(problem.message) < 1200, problem
    if result.ok:
        assert result.pages
    return result


# Values a careless or hostile contributor may type, with a bias towards the awkward ones.
_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
_awkward = st.sampled_from(["", " ", "\u202e", "\u200b", "- a", "1. a", "8-12", "12-8", "0", "-0", "1e309",
                            ".nan", "index", "TODO", "<script>", "{{x}}", "a" * 300])
_numbers = st.one_of(st.integers(-10**25, 10**25), st.floats(allow_nan=True, allow_infinity=True))
_scalars = st.one_of(st.none(), st.booleans(), _numbers, _text, _awkward)
_values = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.one_of(_text, _awkward), inner, max_size=4)),
                       max_leaves=12)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, path + (i,))


def _replace(document, path, new):
    if not path:
        return new
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = new
    return document


def _project_file(file):
    """A fresh copy of the fixture project, the path of one of its data files and that file's document."""
    root = project()
    target = root / file
    return root, target, yaml.safe_load(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("file", ["data/exercises/glute-bridge.yaml", "data/muscles/gluteus-maximus.yaml",
                                  "data/programs/mini.yaml", "data/equipment.yaml", "data/glossary.yaml"])
@FUZZ
@given(data=st.data())
def test_any_value_anywhere_in_a_data_file_is_checked_not_raised(file, data):
    root, target, document = _project_file(file)
    paths = list(_paths(document))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        document = _replace(document, path, data.draw(_values))
        paths = list(_paths(document))
    try:
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return
    target.write_text(text, encoding="utf-8")
    assert_sane(root, target)


@pytest.mark.parametrize("file", ["data/exercises/glute-bridge.yaml", "data/programs/mini.yaml"])
@FUZZ
@given(data=st.data())
def test_any_number_in_place_of_a_number_is_checked_not_raised(file, data):
    """Numbers are where the schema is weakest (NaN passes `minimum`): aim at them."""
    root, target, document = _project_file(file)
    numbers = [p for p in _paths(document) if p and isinstance(_get(document, p), int | float)
               and not isinstance(_get(document, p), bool)]
    for path in data.draw(st.lists(st.sampled_from(numbers), min_size=1, max_size=3)):
        document = _replace(document, path, data.draw(_edge_numbers | _numbers))
    target.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert_sane(root, target)


_edge_numbers = st.sampled_from([math.nan, math.inf, -math.inf, 0, -1, 10**20, 1e-300, "8-12", "12-8", "0-0", "1e400"])


def _get(document, path):
    for part in path:
        document = document[part]
    return document


_yaml_bits = st.sampled_from(["[", "]", "{", "}", "- ", ": ", "\n", "  ", "&a ", "*a", "!!str ", "? ", "'", '"', "#",
                              "\t", "---\n", "...\n", ".nan", ".inf", "0x1F", "1e400", "~", "|\n  ", ">-\n  "])


@pytest.mark.parametrize("file", ["data/exercises/glute-bridge.yaml", "content/index.md"])
@FUZZ
@given(pieces=st.lists(st.one_of(_yaml_bits, _text), max_size=40), at=st.integers(0, 2000))
def test_any_text_spliced_into_a_file_is_checked_not_raised(file, pieces, at):
    root = project()
    target = root / file
    original = target.read_text(encoding="utf-8")
    at = min(at, len(original))
    target.write_text(original[:at] + "".join(pieces) + original[at:], encoding="utf-8")
    assert_sane(root, target)


@FUZZ
@given(meta=st.dictionaries(st.sampled_from(["title", "description", "template", "search", "hide", "extra"]), _values,
                            max_size=4))
def test_any_front_matter_is_checked_not_raised(meta):
    root = project()
    target = root / "content" / "index.md"
    try:
        head = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        return
    target.write_text(f"---\n{head}---\n\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    result = assert_sane(root, target)
    if result.ok:  # accepted: then what the theme prints is escaped text
        escaped = result.page_meta({}, "index.md")
        assert "<" not in escaped["title"] and "<" not in escaped.get("description", "")


_bib_bits = st.sampled_from(["@article{", "@misc(", "@string{", "@STRING(", "@comment{", "@preamble{", "key,", "}", "{", ")",
                             " = ", "\"", "#", ",", "\n", "title", "author = {A and B}", "year = {20x}",
                             "doi = {10.1/x}", "url = {javascript:x}", "design = {rct}", "\\", "%", "{\\'e}", "jan"])


@FUZZ
@given(pieces=st.lists(st.one_of(_bib_bits, _text), max_size=60), at=st.integers(0, 400))
def test_the_bibtex_reader_never_raises(pieces, at):
    root = project()
    target = root / "references.bib"
    original = target.read_text(encoding="utf-8")
    at = min(at, len(original))
    target.write_text(original[:at] + "".join(pieces) + original[at:], encoding="utf-8")
    assert_sane(root, target)


@FUZZ
@given(st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10**30, 10**30))
def test_every_angle_is_finite_or_refused(angle):
    root = project()
    target = root / "data/exercises/glute-bridge.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("knee: 121", f"knee: {yaml.safe_dump(angle).split(chr(10))[0]}"),
                      encoding="utf-8")
    codes = {p.code for p in assert_sane(root, target).problems.errors}
    if not math.isfinite(angle):
        assert codes == {"A210"}
    elif not -180 <= angle <= 180:
        assert "A205" in codes
    else:
        assert codes <= {"A801", "A802", "A803", "A804", "A806", "A809", "A810", "A811", "A812", "A813"}  # a real angle: only physics may object
