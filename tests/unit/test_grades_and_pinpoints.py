"""The evidence rules in isolation: grades over designs and agreement, the `refs` item forms,
pandoc locators, what counts as within an abstract, and the hosts of trusted copies."""
from __future__ import annotations

import pytest
from atlas.evidence.checks import host_of, within_abstract
from atlas.evidence.grades import RULES, grade, rules_markdown
from atlas.markdown import citation_items, cited_refs
from atlas.problems import Problems
from atlas.schema import SchemaChecker
from atlas.yamlsource import Document
from conftest import ROOT

# --- grades: every rule, and disagreement lowering a grade ------------------------------

@pytest.mark.parametrize("supporting,letter", [
    (["meta-analysis"], "A"),
    (["systematic review", "web article"], "A"),
    (["rct", "training study"], "A"),  # two training studies that agree
    (["controlled trial", "cohort"], "A"),
    (["rct", "rct", "rct"], "A"),
    (["rct"], "B"),  # one training study or trial
    (["training study", "laboratory", "web article"], "B"),
    (["laboratory"], "C"),  # acute studies only
    (["cross-sectional", "laboratory", "case series"], "C"),
    (["preprint", "textbook"], "C"),
    (["systematic review of acute studies"], "C"),  # a review is no surer than the studies it pools
    (["meta-analysis of acute studies", "laboratory"], "C"),
    (["meta-analysis of acute studies", "rct"], "B"),
    (["web article"], "D"),  # expert opinion only
    (["textbook", "narrative review", "position stand", "commentary", "report"], "D"),
    ([], "D"),
])
def test_grade_from_designs(supporting, letter):
    result = grade(supporting)
    assert result.letter == letter and not result.lowered


@pytest.mark.parametrize("supporting,against,letter", [
    (["meta-analysis"], ["systematic review"], "B"),  # a review against a review
    (["rct", "rct"], ["meta-analysis"], "B"),  # a review outranks two trials
    (["rct", "rct"], ["rct"], "B"),  # a trial ranks with the trials that agree
    (["rct"], ["training study"], "C"),
    (["laboratory"], ["laboratory"], "D"),
    (["laboratory"], ["rct"], "D"),
    (["web article"], ["web article"], "D"),  # D stays D
])
def test_disagreement_at_or_above_the_best_support_lowers_one_step(supporting, against, letter):
    result = grade(supporting, against)
    assert result.letter == letter and result.lowered
    assert "lowered one step" in result.basis


@pytest.mark.parametrize("supporting,against,letter", [
    (["meta-analysis"], ["rct", "rct"], "A"),  # trials rank below a review
    (["rct"], ["laboratory"], "B"),
    (["laboratory"], ["web article"], "C"),
])
def test_weaker_disagreement_does_not_lower(supporting, against, letter):
    result = grade(supporting, against)
    assert result.letter == letter and not result.lowered


@pytest.mark.parametrize("supporting,against,letter", [
    (["meta-analysis"], [], "B"),
    (["rct"], [], "C"),
    (["laboratory"], [], "D"),
    (["web article"], [], "D"),  # D stays D
    (["meta-analysis"], ["systematic review"], "C"),  # both lowerings apply
])
def test_evidence_from_a_close_variant_only_lowers_one_step(supporting, against, letter):
    result = grade(supporting, against, indirect=True)
    assert result.letter == letter and result.lowered
    assert "close variant" in result.basis and grade(supporting, against).letter != letter or letter == "D"


def test_the_rules_the_about_page_prints_are_the_grades_rules():
    text = rules_markdown()
    for letter, rule in RULES:
        assert f"- **{letter}**: " in text and rule.split(":")[0].split(",")[0] in text
    assert "lowers the grade one step" in text
    assert "| Training studies | Randomised controlled trial, Controlled trial, Training study, Cohort study |" in text
    assert "<!-- atlas:grade-rules -->" in (ROOT / "content" / "about.md").read_text()


# --- refs items: a key, or {key, at} -------------------------------------------------------

def check_refs(refs):
    doc = Document(path=ROOT / "x.yaml", data={"text": "x", "refs": refs})
    problems = Problems(ROOT)
    SchemaChecker({"reference": {"a", "b"}}).check_against(doc, {"$ref": "common.json#/$defs/claim"}, problems)
    return sorted(p.code for p in problems)


@pytest.mark.parametrize("refs,codes", [
    (["a"], []),
    ([{"key": "a", "at": "Results, Table 2"}, "b"], []),
    ([{"key": "c", "at": "Abstract"}], ["A402"]),
    ([{"key": "a"}], ["A202"]),
    ([{"key": "a", "at": "Abstract", "page": 3}], ["A201"]),
    ([{"key": "a", "at": "Table <2>"}], ["A205"]),
    ([{"key": "a", "at": ""}], ["A208"]),
    ([["a"]], ["A203"]),
])
def test_refs_items(refs, codes):
    assert check_refs(refs) == codes


# --- pandoc locators in pages ----------------------------------------------------------------

def test_locators():
    assert cited_refs("@a") == ["a"]
    assert cited_refs("@a, Results, Table 2") == [{"key": "a", "at": "Results, Table 2"}]
    assert cited_refs("@a, Abstract; @b") == [{"key": "a", "at": "Abstract"}, "b"]
    assert cited_refs("@a;@b, p. 5") == ["a", {"key": "b", "at": "p. 5"}]
    inside = "@a, Abstract; @b"
    assert [inside[offset] for _, _, offset in citation_items(inside)] == ["@", "@"]


@pytest.mark.parametrize("at,inside", [
    ("Abstract", True), ("Abstract, Results", True), (" Abstract ", True),
    ("Results, Table 2", False), ("Abstracts", False), ("Discussion", False),
])
def test_within_abstract(at, inside):
    assert within_abstract(at) is inside


# --- hosts of trusted copies (data/copy-hosts.yaml) --------------------------------------------

HOSTS = {
    "pmc": {"kind": "repository", "domains": ["pmc.ncbi.nlm.nih.gov"]},
    "universities": {"kind": "institution", "domains": ["edu", "ac.uk"]},
    "academia": {"kind": "mirror", "domains": ["academia.edu"]},
}


@pytest.mark.parametrize("url,host", [
    ("https://pmc.ncbi.nlm.nih.gov/articles/PMC1/", "pmc"),
    ("https://www.ox.ac.uk/paper.pdf", "universities"),
    ("https://people.umass.edu/x.pdf", "universities"),
    ("https://www.academia.edu/123", "academia"),  # the longest matching domain wins: a mirror, not a university
    ("https://notpmc.ncbi.nlm.nih.gov.evil.example/", None),
    ("https://example.org/", None),
])
def test_host_of(url, host):
    found = host_of(url, HOSTS)
    assert (found and next(k for k, v in HOSTS.items() if v is found)) == host or (found is None and host is None)


def test_contributing_states_the_same_rules():
    from atlas.evidence.grades import INDIRECT, LOWERED

    guide = (ROOT / "CONTRIBUTING.md").read_text()
    for letter, rule in RULES:
        assert f"- **{letter}**: {rule}.\n" in guide
    assert f"- **Disagreement**: {LOWERED}.\n" in guide
    assert f"- **Indirect evidence**: {INDIRECT}.\n" in guide
