"""The hostile corpus (hostile_corpus.py), run: every input gets exactly its error, or is accepted.

The check runs in this process (no subprocess per case), so the whole table takes seconds.
A case the check must accept is also built for real: the unsafe ones once, in fixtures/hostile/
(see test_hostile.py and the Chromium test below).
"""
from __future__ import annotations

import time

import pytest
from atlas.site import build
from conftest import make_project
from hostile_corpus import CASES, OK, PUBLISHED


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


# --- the published cases: the unsafe inputs the check accepts, built once (fixtures/hostile/) --------

def _article(path):
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_raw_html_in_a_page_is_sanitised(hostile_site):
    article = _article(hostile_site / "payloads" / "index.html")
    for marker, what in PUBLISHED[:28] + PUBLISHED[32:]:
        assert f"alert('{marker}')" not in article and f'alert("{marker}")' not in article, what
    lowered = article.lower()
    for forbidden in ("<script", "<iframe", "<object", "<embed", "<svg onload", "<form", "<base", "<meta", "<link",
                      "<style", "<input", "<button", "<textarea", "<template", "<math", "javascript:", "vbscript:",
                      "data:text", " onclick", " onerror", " onload", " ontoggle", " onfocus", " onstart", "style=",
                      "data-atlas-save", 'id="atlas-search-input"', "srcdoc"):
        assert forbidden not in lowered, forbidden
    assert "XSS01 external script above" in article and "XSS33." in article  # the text itself stays


def test_front_matter_is_escaped_in_title_description_and_navigation(hostile_site):
    html = (hostile_site / "payloads" / "index.html").read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(&#x27;XSS29&#x27;)&lt;/script&gt; Payloads" in html
    assert 'content="&quot;&gt;&lt;script&gt;alert(&#x27;XSS30&#x27;)' in html
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert('XSS29')" not in home and "&lt;script&gt;alert(&#x27;XSS29&#x27;)" in home  # the nav


def test_data_text_that_begins_like_a_list_item_stays_text(hostile_site):
    html = (hostile_site / "exercises" / "hip-thrust" / "index.html").read_text(encoding="utf-8")
    import htmlscan

    items = [e for e in htmlscan.read(hostile_site / "exercises" / "hip-thrust" / "index.html").elements
             if e.tag == "li" and ("XSS31" in e.text or "XSS32" in e.text)]
    assert {" ".join(e.text.split()) for e in items} >= {"- XSS31 not a list item", "1. XSS32 not a numbered item"}
    assert "<ul>\n<li>XSS31" not in html and "<ol>\n<li>XSS32" not in html


@pytest.mark.browser
@pytest.mark.parametrize("path", ["payloads/", "exercises/hip-thrust/", ""])
def test_in_chromium_no_payload_runs_or_adds_an_element(browser, hostile_site, path):
    from conftest import serve

    with serve(hostile_site) as url:
        context = browser.new_context()
        tab = context.new_page()
        dialogs, requests, errors = [], [], []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.on("request", lambda r: requests.append(r.url))
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(url + path)
        tab.wait_for_load_state("networkidle")
        tab.mouse.move(200, 300)
        clickable = tab.locator("article p, article summary, article div").all() if path == "payloads/" else []
        for element in clickable[:40]:  # handlers would fire on a click; links are left alone (they leave the page)
            if element.is_visible():
                element.click(no_wait_after=True, timeout=2000, force=True)
        found = tab.evaluate("""() => {
            const article = document.querySelector('article');
            const bad = [];
            for (const el of article.querySelectorAll('*')) {
                for (const attr of el.attributes) {
                    if (attr.name.startsWith('on') || /^\\s*(javascript|vbscript|data):/i.test(attr.value)) bad.push(el.outerHTML);
                }
                const own = (el.tagName === 'SCRIPT' && el.type === 'application/ld+json')
                    || (el.tagName === 'BUTTON' && el.closest('[data-atlas-copylink], .atlas-copylink, .headerlink, h2, h3'))
                    || (el.tagName === 'INPUT' && el.classList.contains('exfig__pause'));  // the figure's own control
                if (!own && ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BASE', 'META', 'LINK', 'STYLE', 'INPUT', 'BUTTON',
                     'TEXTAREA', 'TEMPLATE'].includes(el.tagName)) bad.push(el.outerHTML);
            }
            const scripts = [...document.scripts].map(s => s.src).filter(s => s && !s.includes('/assets/javascripts/'));
            return {bad, scripts, ids: document.querySelectorAll('#atlas-search-input').length,
                    title: document.title, url: location.href};
        }""")
        context.close()
    assert dialogs == [] and errors == []
    assert found["bad"] == [] and found["scripts"] == [], found
    assert found["ids"] <= 1 and found["url"].startswith(url)
    assert not [r for r in requests if "evil" in r], requests
    if path == "payloads/":
        assert found["title"].startswith("<script>alert('XSS29')</script> Payloads")
