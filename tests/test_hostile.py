"""Hostile strings in YAML and BibTeX come out as text, never as markup.

fixtures/hostile/ puts a payload marked PWNnn into every free-text field of every
data kind and of the bibliography. The fixture is built with a real strict build;
then every element of every page is inspected.
"""
from __future__ import annotations

import json
import re

import htmlscan
import pytest
from conftest import BIN, FIXTURES, make_project, run

MARKER = re.compile(r"PWN\d\d")


def pages(site):
    return [htmlscan.read(p) for p in sorted(site.rglob("*.html"))]


def all_markers():
    text = "".join(p.read_text() for p in (FIXTURES / "hostile").rglob("*") if p.is_file())
    return set(MARKER.findall(text))


def markers_in(text):
    return set(MARKER.findall(text.upper()))


def test_no_payload_becomes_an_element_or_attribute(hostile_site):
    for page in pages(hostile_site):
        for element in page.elements:
            for name, value in element.attrs.items():
                assert not name.startswith("on"), (page.path, element)
                assert "javascript:" not in value.lower(), (page.path, element)
                if MARKER.search(value):  # only as meta description text, or the validated https url
                    description = element.tag == "meta" and element.attrs.get("name") == "description"
                    bib_url = name == "href" and value in ("https://example.org/bridges?a=1&b=PWN40",
                                                           "https://pmc.ncbi.nlm.nih.gov/articles/PMC0000001/?a=1&b=PWN44")
                    assert description or bib_url, (page.path, element)
            if element.tag == "script" and element.attrs.get("type") == "application/ld+json":
                json.loads(element.text)  # data carried as JSON: it parses, so nothing broke out of it
                continue
            if element.tag in ("script", "style", "iframe", "object", "embed", "form", "base", "marquee", "math",
                               "details", "button", "img", "h1", "h2", "h3", "b"):
                assert not MARKER.search(element.text), (page.path, element)
            if element.tag == "meta" and element.attrs.get("http-equiv", "").lower() == "refresh":
                # only the atlas's own redirect stubs refresh, and only to a sibling page
                assert re.fullmatch(r"0; url=\.\./[a-z0-9-]+/", element.attrs["content"]), (page.path, element)
            if element.tag in ("a", "img", "link", "script", "base", "form"):
                for attr in ("href", "src", "action"):
                    assert "evil.example" not in element.attrs.get(attr, ""), (page.path, element)


def test_every_payload_is_shown_as_literal_text(hostile_site):
    text = " ".join(" ".join(p.text.split()) for p in pages(hostile_site))
    for literal in [
        "\"><script>alert('PWN01')</script> <img src=x onerror=alert('PWN02')>",
        "[click PWN03](javascript:alert('PWN03'))",
        "Squeeze {: onclick=\"alert('PWN04')\" }",
        "{{ 7*7 }} PWN05 {% raw %} {# comment #}",
        "line one # heading PWN06 <div onmouseover=\"alert('PWN06')\">",
        "<a href=\"javascript:alert('PWN07')\">PWN07</a>",
        "&lt;b&gt;PWN08&lt;/b&gt;",
        "![PWN09](https://evil.example/PWN09.png)",
        "<https://evil.example/PWN10> and javascript:alert('PWN11')",
        "| PWN12 | broken | table |",
        "[@coach2024] PWN13 *[PWN14]: abbreviation",
        "<svg/onload=alert('PWN15')>",
        "</script><script>alert('PWN16')</script>",
        "<iframe src=\"javascript:alert('PWN17')\"></iframe> ** PWN18 ** `code`",
        "<style>body{display:none}</style> PWN19",
        "<object data=javascript:alert('PWN20')>",
        "<base href=\"https://evil.example/\"> PWN21",
        "<form action=https://evil.example><button>PWN22</button></form>",
        "<details open ontoggle=alert('PWN24')>",
        "<marquee>PWN25</marquee>",
        "<b onclick=alert('PWN28')>goal</b>",
        "{{ config }} PWN29",
        "<img src=x onerror=alert('PWN31')>",
        "<script>alert('PWN32')</script>",
        "<script>alert('PWN33')</script>",
        "Anatomy <script>alert('PWN35')</script> of the Human Body",
        "<b>pwn38</b>",  # unsrt sets article titles in sentence case
        "</dd></dl><script>alert('PWN41')</script><dl><dd>",
        "<img src=x onerror=alert('PWN42')>",  # a reverse note, shown on the other exercise's page
        # a study's page and the questions that cite it
        "<img src=x onerror=alert('PWN45')> by EMG",
        "<b onclick=alert('PWN46')>24</b> years",
        "[click PWN47](javascript:alert('PWN47'))",
        "<script>alert('PWN48')</script>",
        "{{ 7*7 }} PWN49 one session",
        "| PWN50 | broken | table |",
        "</li></ul><script>alert('PWN51')</script>",
        "Results & PWN52 *Table* _2_ #3",
        "<iframe src=\"javascript:alert('PWN53')\"></iframe>",
        "<svg/onload=alert('PWN54')>",
        "<img src=x onerror=alert('PWN56')> [@coach2024] *yes* <script>alert('PWN55')</script>",
        "Discussion &copy PWN57 (x) _y_ #z",
    ]:
        assert literal in text, literal


def test_every_marker_reaches_a_page(hostile_site):
    text = " ".join(p.text for p in pages(hostile_site))
    assert all_markers() - markers_in(text) == set()


def test_jinja_in_data_is_never_evaluated(hostile_site):
    text = " ".join(p.text for p in pages(hostile_site))
    assert "49 PWN05" not in text and "{{ 7*7 }} PWN05" in text


def test_a_pipe_in_data_does_not_break_a_table(hostile_site):
    page = htmlscan.read(hostile_site / "exercises" / "glute-bridge" / "index.html")
    html = page.path.read_text()
    mistakes = html[html.index('id="mistakes"'):html.index('id="programming"')]
    rows = re.findall(r"<tr>(.*?)</tr>", mistakes, re.S)
    assert rows and all(len(re.findall(r"<t[dh][ >]", row)) == 2 for row in rows)


def test_citation_tooltips_escape_bibtex(hostile_site):
    page = htmlscan.read(hostile_site / "exercises" / "glute-bridge" / "index.html")
    tips = " ".join(e.text for e in page.by_class("cite__tip"))
    assert "Bridges & <b>pwn38</b> for beginners" in tips
    assert "[x](javascript:alert('PWN37'))" in tips


def test_urls_are_escaped_in_href(hostile_site):
    raw = (hostile_site / "references" / "index.html").read_text()
    assert 'href="https://example.org/bridges?a=1&amp;b=PWN40"' in raw


@pytest.mark.parametrize("field,value", [
    ("name", "<script>alert(1)</script>"),
    ("name", "Bridge &lt;b&gt;"),
    ("name", "Bridge {: onclick=x }"),
])
def test_names_that_html_could_read_are_refused(tmp_path, field, value):
    project = make_project(tmp_path)
    path = project / "data" / "exercises" / "glute-bridge.yaml"
    text = path.read_text().replace("name: Glute bridge", f"{field}: '{value}'")
    path.write_text(text)
    result = run(str(BIN / "atlas"), "--root", str(project), "check")
    assert result.returncode == 1 and ": A205 " in result.stderr and "glute-bridge.yaml:2:" in result.stderr
