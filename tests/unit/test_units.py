"""Unit tests for the small pieces the pages stand on."""
from __future__ import annotations

import htmlscan
import markdown as python_markdown
import pytest
from atlas.bibliography import Bibliography
from atlas.context import fmt_prescription, fmt_seconds
from atlas.problems import Problems, did_you_mean
from atlas.text import md_text, plain_title
from atlas.urls import page_url, relative_md, relative_url
from atlas.yamlsource import load
from linkcheck import broken_links


@pytest.mark.parametrize("payload", [
    "<script>x</script>", "[a](javascript:x)", "![i](https://e.x/i.png)", "<https://e.x>", "*em* _em_ **b**",
    "`code`", "Text {: onclick=x }", "a | b | c", "# heading", "&lt;b&gt;", "[@key]", "line\n\n# block",
])
def test_md_text_renders_as_exactly_the_input_text(payload, tmp_path):
    html = python_markdown.markdown(f"x {md_text(payload)}", extensions=["attr_list", "tables", "md_in_html"])
    (tmp_path / "p.html").write_text(html)
    page = htmlscan.read(tmp_path / "p.html")
    assert [e.tag for e in page.elements] == ["p"], html
    assert page.text == "x " + " ".join(payload.split())


def test_plain_title_drops_what_html_would_read():
    assert plain_title("Cable pull-through & hold") == "Cable pull-through & hold"
    assert plain_title("a <b> &lt; {x}") == "a b lt; x"


@pytest.mark.parametrize("value,text", [(90, "90 s"), ("60-90", "60–90 s"), ("180-240", "3–4 min"), (120, "2 min"), (30, "30 s")])
def test_fmt_seconds(value, text):
    assert fmt_seconds(value) == text


def test_fmt_prescription():
    row = fmt_prescription({"sets": "3-4", "reps": "6-10", "rpe": "7-8", "rest_s": 90, "per_side": True})
    assert row == {"volume": "3–4 × 6–10 reps per side", "effort": "RPE 7–8", "rest": "90 s"}
    assert fmt_prescription({"sets": 2, "hold_s": 30})["volume"] == "2 × 30 s"
    assert fmt_prescription({"percent_1rm": "80-100"})["effort"] == "80–100 % 1RM"


def test_urls():
    assert page_url("index.md") == "" and page_url("exercises/index.md") == "exercises/"
    assert page_url("exercises/romanian-deadlift.md") == "exercises/romanian-deadlift/"
    assert relative_url("exercises/romanian-deadlift.md", "references.md") == "../../references/"
    assert relative_url("index.md", "references.md") == "references/"
    assert relative_url("references.md", "index.md") == "../"
    assert relative_url("exercises/a.md", "exercises/b.md") == "../b/"
    assert relative_md("exercises/a.md", "muscles/b.md") == "../muscles/b.md"


@pytest.mark.parametrize("latex,text", [
    (r"100\% \& more", "100% & more"), (r"Mart{\'\i}n-Fuentes", "Martín-Fuentes"), (r"M{\"u}ller", "Müller"),
    (r"{DNA} and {\em emphasis}", "DNA and emphasis"), (r"\textit{Sports}", "Sports"), (r"a--b", "a–b"), (r"\$5", "$5"),
])
def test_latex_becomes_clean_text(latex, text):
    assert Bibliography.text_of(latex) == text


def test_did_you_mean():
    assert did_you_mean("gluteus-maximum", ["gluteus-maximus", "gluteus-medius"]) == " (did you mean 'gluteus-maximus'?)"
    assert did_you_mean("zzz", ["gluteus-maximus"]) == ""
    assert did_you_mean("RDL", ["rdl"]) == " (did you mean 'rdl'?)"


def test_loader_keeps_positions_and_yaml_types(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("id: x\nlist:\n  - a: 1\n    b: yes\n  - when: 2024-02-28\n")
    doc = load(path, Problems())
    assert doc.data == {"id": "x", "list": [{"a": 1, "b": True}, {"when": "2024-02-28"}]}
    assert doc.pos(("list", 0, "b")) == (4, 8)
    assert doc.pos(("list", 1, "when"), key=True) == (5, 5)
    assert doc.pos(("list", 7, "missing")) == (3, 3)  # nearest ancestor that exists


def test_link_checker_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>')
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here"></p><a href="../missing/">x</a><a href="../#nowhere">y</a><a href="http://insecure.example/">z</a>')
    assert broken_links(tmp_path) == [
        "a/index.html: broken link ../missing/",
        "a/index.html: missing anchor ../#nowhere",
        "a/index.html: external link not https: http://insecure.example/",
    ]


def test_md_text_keeps_edge_spaces_so_separators_survive():
    assert md_text(", ") == ", " and md_text("a\n\n b") == "a b"
