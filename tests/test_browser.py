"""What a person sees, tested where a person sees it: Chromium, against the built site on loopback."""
from __future__ import annotations

import re

import pytest
from conftest import AXE, serve, tab_to_citation
from playwright.sync_api import expect

# One page of every kind.
PAGE_KINDS = {
    "home": "", "exercise index": "exercises/", "exercise": "exercises/romanian-deadlift/",
    "muscle index": "muscles/", "muscle": "muscles/gluteus-maximus/", "action index": "actions/",
    "action": "actions/hip-extension/", "program index": "programs/", "program": "programs/posterior-chain-plan/",
    "guide": "guides/loading/", "glossary": "glossary/", "references": "references/", "about": "about/",
    "builder": 'builder/?sheet={"t":"A","r":[["glute-bridge","2","15","rpe","7","60 s","note"]]}',
    "calculator": "tools/load-calculator/", "contributing": "contributing/", "data reference": "data-reference/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_axe_finds_no_violations(browser, site_url, kind, scheme):
    # bypass_csp only lets the test inject axe; the site's own CSP is tested below
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + PAGE_KINDS[kind])
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        "axe.run(document).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))")
    context.close()
    assert violations == []


def test_lifter_journey_home_to_finder_filter_exercise_muscle_and_back(page, site_url):
    page.goto(site_url)
    page.get_by_role("link", name="Exercises", exact=True).first.click()
    page.wait_for_url(re.compile(r"/exercises/$"))
    page.get_by_label("Muscle").select_option("semimembranosus")
    page.get_by_label("Role").select_option("target")
    page.get_by_label("Pattern").select_option("hinge")
    page.wait_for_url(re.compile(r"\?muscle=semimembranosus&role=target&pattern=hinge$"))
    visible = page.locator("#finder-table tbody tr:visible td:first-child").all_inner_texts()
    assert "Romanian deadlift" in visible and "Barbell hip thrust" not in visible
    total = page.locator("#finder-table tbody tr").count()
    assert page.locator("#finder-status").inner_text() == f"Showing {len(visible)} of {total} exercises."
    page.get_by_role("link", name="Romanian deadlift", exact=True).click()
    page.wait_for_url(re.compile(r"/exercises/romanian-deadlift/$"))
    assert page.locator("h1").inner_text().rstrip("¶") == "Romanian deadlift"
    page.locator("#muscles ~ ul a", has_text="Gluteus maximus").first.click()
    page.wait_for_url(re.compile(r"/muscles/gluteus-maximus/$"))
    assert page.locator("h1").inner_text().rstrip("¶") == "Gluteus maximus"
    assert page.get_by_role("link", name="Romanian deadlift", exact=True).count() >= 1  # and the way back
    page.go_back()
    page.wait_for_url(re.compile(r"/exercises/romanian-deadlift/$"))


def search_for(page, query):
    """Type into the header search box (its index shards load as words are typed) and return the first result."""
    box = page.locator("#atlas-search-input")
    box.click()
    box.press_sequentially(query, delay=30)
    # a slow machine may answer an earlier keystroke first: wait for the answer to the whole query
    page.wait_for_function("q => document.getElementById('atlas-search-results').dataset.query === q", arg=query.strip()[:100], timeout=20000)
    return page.locator("#atlas-search-results a").first


@pytest.mark.parametrize("query,landing", [("RDL", "exercises/romanian-deadlift/"), ("SLDL", "exercises/stiff-leg-deadlift/"),
                                           ("hex bar", "exercises/trap-bar-deadlift/"), ("semimembranosus", "muscles/semimembranosus/")])
def test_search_for_an_alias_lands_on_the_exercise(page, site_url, query, landing):
    page.goto(site_url)
    first = search_for(page, query)
    expect(first).to_have_attribute("href", re.compile(re.escape(landing) + "$"), timeout=20000)
    first.click()
    page.wait_for_url(re.compile(re.escape(landing) + r"(#.*)?$"))


def test_every_alias_finds_its_exercise_and_every_muscle_its_page(page, site_url):
    from conftest import project_atlas

    atlas = project_atlas()
    queries = [(alias, f"exercises/{eid}/") for eid, e in atlas.entities["exercise"].items() for alias in e.get("aliases", [])]
    queries += [(atlas.title("muscle", mid), f"muscles/{mid}/") for mid in atlas.entities["muscle"]]
    page.goto(site_url)
    box = page.locator("#atlas-search-input")
    missing = []
    for query, landing in queries:
        box.fill(query)
        first = page.locator("#atlas-search-results a").first
        try:
            expect(first).to_have_attribute("href", re.compile(re.escape(landing) + "$"), timeout=5000)
        except AssertionError:
            missing.append(f"{query} -> {first.get_attribute('href') if first.count() else 'nothing'}")
    assert len(queries) > 30 and missing == []


def test_plurals_and_accents_find_the_same_pages(page, site_url):
    page.goto(site_url)
    expect(search_for(page, "Glutes bridges")).to_have_attribute("href", re.compile(r"exercises/glute-bridge/$"), timeout=20000)


def test_search_works_from_the_keyboard_alone(page, site_url):
    page.goto(site_url + "about/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "atlas-search-input":
            break
    else:
        pytest.fail("the search box is not reachable with the Tab key")
    page.keyboard.type("SLDL", delay=30)
    page.wait_for_function("() => document.getElementById('atlas-search-results').dataset.query === 'SLDL'", timeout=20000)
    expect(page.locator("#atlas-search-results a").first).to_have_attribute("href", re.compile("stiff-leg-deadlift/$"), timeout=20000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("stiff-leg-deadlift/")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "atlas-search-input"
    assert page.locator("#atlas-search-results").is_hidden()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/exercises/stiff-leg-deadlift/$"))


@pytest.mark.parametrize("query,landing", [
    ("deadlfit", "exercises/conventional-deadlift/"),  # transposed letters
    ("romanain deadlift", "exercises/romanian-deadlift/"),
    ("hamstirng curl", "exercises/seated-hamstring-curl/"),
    ("glute brige", "exercises/glute-bridge/"),  # a letter missing
    ("nordci", "exercises/nordic-curl/"),
    ("gulte bridge", "exercises/glute-bridge/"),  # a typo in the first two letters: another shard
    ("ormanian deadl", "exercises/romanian-deadlift/"),  # and a half-typed word
])
def test_a_misspelled_search_still_finds_the_page(page, site_url, query, landing):
    page.goto(site_url)
    expect(search_for(page, query)).to_have_attribute("href", re.compile(re.escape(landing) + "$"), timeout=20000)


def test_every_result_is_reachable_and_pages_about_the_atlas_come_last(page, site_url):
    page.goto(site_url)
    # "behind": on Contributing with a higher score than on some exercise pages, which still come first
    search_for(page, "behind").wait_for(timeout=20000)
    status = page.locator("#atlas-search-status")
    expect(status).to_have_text(re.compile(r"^\d+ results\.$"))
    total = int(status.inner_text().split()[0])
    assert total > 8 and page.locator("#atlas-search-results li:visible").count() == 8
    more = page.get_by_role("button", name=f"Show all {total} results")
    more.click()
    assert page.locator("#atlas-search-results li:visible").count() == total
    assert more.is_hidden() and page.evaluate("document.activeElement.closest('li') !== null")  # focus on the first new result
    hrefs = page.locator("#atlas-search-results li a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    about = [i for i, href in enumerate(hrefs) if re.search(r"/(contributing|data-reference|about)/$", href)]
    assert about and min(about) > max(i for i, href in enumerate(hrefs) if re.search(r"/(exercises|muscles)/[^/]+/$", href))


def test_a_search_with_no_result_suggests_a_spelling(page, site_url):
    page.goto(site_url)
    search_for(page, "sqwaat")
    suggestion = page.locator("#atlas-search-status button")
    expect(suggestion).to_have_text("squat", timeout=20000)
    expect(page.locator("#atlas-search-status")).to_have_text("No results for this search. Did you mean squat?")
    suggestion.click()
    expect(page.locator("#atlas-search-input")).to_have_value("squat")
    expect(page.locator("#atlas-search-results a").first).to_have_attribute("href", re.compile(r"exercises/barbell-back-squat/$"))


def test_no_page_view_downloads_a_search_index(page, site_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "exercises/romanian-deadlift/", wait_until="networkidle")
    assert [url for url in requests if "/search/" in url] == []
    search_for(page, "glute bridge").wait_for(timeout=20000)
    shards = sorted(url.rsplit("/", 1)[1] for url in requests if "/search/" in url)
    assert shards == ["br.json", "gl.json"]  # one shard per word typed, fetched once however many keystrokes


def test_a_hostile_search_shows_no_results(page, site_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url)
    box = page.locator("#atlas-search-input")
    box.fill("<img src=x onerror=alert(1)>" * 20)
    box.press("End")
    box.press_sequentially("x")
    expect(page.locator("#atlas-search-status")).to_have_text(re.compile("No results|result"), timeout=20000)
    assert page.locator("#atlas-search-results img, #atlas-search-results script").count() == 0 and dialogs == []


def _tip_visible(page, ref):
    return page.evaluate("id => getComputedStyle(document.getElementById(id)).display !== 'none'",
                         ref.get_attribute("aria-describedby"))


def test_a_citation_shows_its_reference_on_hover(page, site_url):
    page.goto(site_url + "exercises/conventional-deadlift/")
    ref = page.locator(".cite__ref").first
    assert not _tip_visible(page, ref)
    ref.hover()
    assert _tip_visible(page, ref)
    tip = page.locator("#" + ref.get_attribute("aria-describedby"))
    assert "Barbell Medicine" in tip.inner_text() and "Web article" in tip.inner_text()


def test_a_citation_shows_its_reference_on_keyboard_focus(page, site_url):
    page.goto(site_url + "guides/loading/")
    tip_id = tab_to_citation(page)
    assert page.evaluate("id => getComputedStyle(document.getElementById(id)).display", tip_id) == "block"
    assert "Endomondo" in page.locator("#" + tip_id).inner_text()


def test_dark_scheme_follows_the_system_and_the_toggle(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "exercises/romanian-deadlift/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert sum(int(c) for c in re.findall(r"\d+", background)[:3]) < 200, background  # a dark background
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.goto(site_url + "muscles/gluteus-maximus/")  # the reader's choice holds on the next page
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    assert page.locator("label.md-header__button[for^='__palette']:visible").count() == 1
    context.close()


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_nothing_overflows_a_375px_screen(browser, site_url, kind):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + PAGE_KINDS[kind])
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 375


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_pages_load_nothing_from_other_hosts(page, site_url, kind):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + PAGE_KINDS[kind], wait_until="networkidle")
    search_for(page, "glute").wait_for(timeout=20000)  # the search engine loads on demand
    assert requests and [url for url in requests if not url.startswith(site_url) and not url.startswith("data:")] == []


def test_hostile_strings_run_nothing_in_the_browser(browser, hostile_site):
    with serve(hostile_site) as url:
        context = browser.new_context()  # the site's CSP is in force
        page = context.new_page()
        dialogs, csp_reports = [], []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", lambda message: "Content Security Policy" in message.text and csp_reports.append(message.text))
        pages = ["", "exercises/", "exercises/glute-bridge/", "exercises/hip-thrust/", "muscles/gluteus-maximus/",
                 "actions/hip-extension/", "programs/mini/", "glossary/", "references/"]
        for path in pages:
            page.goto(url + path, wait_until="networkidle")
            for ref in page.locator(".cite__ref").all()[:6]:
                ref.hover()
            injected = page.evaluate("""() => {
                const bad = [];
                for (const el of document.querySelectorAll('*')) {
                    for (const attr of el.attributes) {
                        if (attr.name.startsWith('on')) bad.push(el.tagName + ' ' + attr.name);
                        if (/^\\s*javascript:/i.test(attr.value)) bad.push(el.tagName + ' ' + attr.name + '=' + attr.value);
                    }
                    if (el.tagName === 'SCRIPT' && !el.src && !['application/json', 'application/ld+json'].includes(el.type)) bad.push('inline script');
                    if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FORM', 'MARQUEE'].includes(el.tagName)
                        && !el.closest('.md-search, [data-md-component]')) bad.push(el.tagName);
                }
                return bad;
            }""")
            assert injected == [], path
            assert "PWN" in page.locator("body").inner_text().upper() or path in ("", "exercises/")
        context.close()
    assert dialogs == [] and csp_reports == []


def test_every_page_carries_the_content_security_policy(real_site):
    for path in real_site.rglob("*.html"):
        html = path.read_text()
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\';' in html, path
        assert re.search(r"<script>(?!\s*$)", html) is None, f"inline script in {path}"


def test_a_shared_finder_link_restores_the_filters(page, site_url):
    page.goto(site_url + "exercises/?muscle=group-glutes&role=target&equipment=band&q=bridge")
    assert page.get_by_label("Muscle").input_value() == "group-glutes"
    assert page.get_by_label("Name or alias").input_value() == "bridge"
    assert page.locator("#finder-table tbody tr:visible td:first-child").all_inner_texts() == ["Banded glute bridge"]


def test_a_hostile_finder_link_is_ignored_safely(page, site_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + "exercises/?muscle=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&pattern=javascript:alert(1)"
              "&q=" + "%3Cscript%3Ealert(2)%3C%2Fscript%3E" * 50)
    assert page.get_by_label("Muscle").input_value() == "" and page.get_by_label("Pattern").input_value() == ""
    assert len(page.get_by_label("Name or alias").input_value()) <= 100
    assert page.locator("#finder-table img, #finder-table script").count() == 0 and dialogs == []


def test_a_body_map_region_leads_to_its_muscle_page(page, site_url):
    page.goto(site_url)
    page.locator("a.bodymap__region#semitendinosus path").first.click()  # on the muscle shape itself
    page.wait_for_url(re.compile(r"/muscles/semitendinosus/$"))
    page.goto(site_url)
    page.locator("a.bodymap__region#gluteus-medius").focus()  # reachable from the keyboard as a link
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/muscles/gluteus-medius/$"))


def test_glossary_terms_explain_themselves_on_hover_and_focus(page, site_url):
    page.goto(site_url + "guides/effort/")
    term = page.locator(".gloss__term", has_text="RPE").first
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    assert not tip.is_visible()
    term.hover()
    assert tip.is_visible() and "rating of perceived exertion" in tip.inner_text()
    page.mouse.move(0, 0)
    term.focus()
    assert tip.is_visible()


def test_an_exercise_page_ranks_above_guides_for_its_own_name(page, site_url):
    page.goto(site_url)
    expect(search_for(page, "Romanian deadlift")).to_have_attribute(
        "href", re.compile(r"exercises/romanian-deadlift/$"), timeout=20000)


FIGURE_PAGE = "exercises/barbell-hip-thrust/"
VISIBLE_FRAME = "[...document.querySelectorAll('#figure .fig-motion .fig-f')].findIndex(g => getComputedStyle(g).opacity === '1')"


def test_the_exercise_figure_moves_without_script_and_pauses(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + FIGURE_PAGE)
    assert page.locator("#figure .fig-motion").is_visible()
    seen = set()
    for _ in range(16):  # one cycle is 2 x 2.8 s; sample across it
        seen.add(page.evaluate(VISIBLE_FRAME))
        page.wait_for_timeout(350)
    assert len(seen - {-1}) >= 3, seen
    control = page.locator("#figure label.exfig__control")  # the visible button-like control a person taps
    box = control.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44, box
    control.click()
    assert page.get_by_label("Play the motion").is_checked()  # the label now says what a second tap does
    paused = page.evaluate("getComputedStyle(document.querySelector('#figure .fig-f1')).animationPlayState")
    frozen = page.evaluate(VISIBLE_FRAME)
    page.wait_for_timeout(1500)
    assert paused == "paused" and page.evaluate(VISIBLE_FRAME) == frozen
    control.click()
    assert page.evaluate("getComputedStyle(document.querySelector('#figure .fig-f1')).animationPlayState") == "running"
    context.close()


def test_without_script_the_finder_is_a_plain_table_of_links(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "exercises/")
    assert not page.locator("#finder").is_visible()
    assert page.locator("#finder-table a[href$='romanian-deadlift/']").first.is_visible()
    context.close()


def _stills_side_by_side(page) -> bool:
    boxes = [s.bounding_box() for s in page.locator("#figure .exfig__panel:not(.exfig__motion) svg").all()]
    return len(boxes) == 2 and abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[1]["x"] > boxes[0]["x"] + boxes[0]["width"] - 1


def test_reduced_motion_shows_the_start_and_end_side_by_side(browser, site_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + FIGURE_PAGE)
    assert not page.locator("#figure .fig-motion").is_visible()
    assert _stills_side_by_side(page)
    context.close()


def test_print_shows_the_start_and_end_side_by_side(page, site_url):
    page.goto(site_url + FIGURE_PAGE)
    page.emulate_media(media="print")
    assert not page.locator("#figure .fig-motion").is_visible()
    assert _stills_side_by_side(page)


def test_figures_appear_where_people_look_for_exercises(page, site_url):
    for path in ("exercises/", "muscles/gluteus-maximus/", "actions/hip-extension/", "equipment/barbell/",
                 "programs/posterior-chain-plan/"):
        page.goto(site_url + path)
        assert page.locator(".fig-thumb svg").count() >= 1, path
