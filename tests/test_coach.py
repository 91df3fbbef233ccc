"""For coaches and their clients, in Chromium: one-page handouts, copy-a-section-link, session sheets
(read, edit, share, print), the load calculator; at 360 × 740 by touch and at 1280 px."""
from __future__ import annotations

import re

import pytest
from conftest import project_atlas
from playwright.sync_api import expect

EXERCISES = list(project_atlas().entities["exercise"])
PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


# The printable area of US Letter (the shorter of A4 and Letter) at 96 px per inch, inside the
# handout's page margins of 9 mm by 10 mm.
LETTER = {"width": round((215.9 - 20) / 25.4 * 96), "height": round((279.4 - 18) / 25.4 * 96)}


A4 = {"width": round((210 - 20) / 25.4 * 96), "height": round((297 - 18) / 25.4 * 96)}
PAPERS = {"A4": A4, "Letter": LETTER}


def test_every_exercise_page_prints_on_exactly_one_page_and_uses_most_of_it(page, site_url):
    """Laid out for print at each paper's printable width, every handout's content fits the printable
    height and fills at least 60 % of US Letter's; the tallest handout for each paper is then printed to a real
    PDF of exactly one page (one PDF per exercise and paper took two minutes of the suite)."""
    page.emulate_media(media="print")
    tallest, problems = {}, []
    for eid in EXERCISES:
        for paper, size in PAPERS.items():
            page.set_viewport_size(size)
            page.goto(site_url + f"exercises/{eid}/")
            height = page.evaluate("document.documentElement.scrollHeight")
            used = page.evaluate("document.querySelector('article').getBoundingClientRect().height") / size["height"]
            if height > size["height"]:
                problems.append(f"{eid} on {paper}: {height} px of content for {size['height']} px of page")
            if used < 0.6 and paper == "Letter":  # the shorter page; A4's extra height may stay empty
                problems.append(f"{eid} on {paper}: {used:.0%} of the page")
            if height > tallest.get(paper, ("", 0))[1]:
                tallest[paper] = (eid, height)
    assert problems == []
    for paper, (eid, _) in tallest.items():
        page.goto(site_url + f"exercises/{eid}/")
        assert len(PAGE.findall(page.pdf(format=paper, print_background=True))) == 1, (eid, paper)


@pytest.mark.parametrize("eid", ["romanian-deadlift", "barbell-back-squat", "figure-four-stretch"])
def test_a_handout_prints_no_text_under_9pt(page, site_url, eid):
    page.goto(site_url + f"exercises/{eid}/")
    page.set_viewport_size(LETTER)
    page.emulate_media(media="print")
    small = page.evaluate("""() => [...document.querySelectorAll('article *')]
        .filter(e => !e.closest('svg') && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
        .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        .filter(e => parseFloat(getComputedStyle(e).fontSize) < 12)  /* 9 pt = 12 CSS px */
        .map(e => e.tagName + ' ' + getComputedStyle(e).fontSize + ' ' + e.textContent.trim().slice(0, 30))""")
    assert small == []


def test_a_handouts_sources_are_citations_and_its_legend_explains_its_words(page, site_url):
    page.goto(site_url + "exercises/romanian-deadlift/")
    legend = page.locator(".handout__legend")
    assert legend.is_hidden()  # print only
    pages, text = pdf_text(page.pdf(format="A4", print_background=True))
    assert pages == 1
    # the Source column: author and year where the screen has numbered markers
    programming = text[text.index("Programming"):text.index("Words on this sheet")]
    assert "Barbell Medicine 2024. Load that leaves two or three reps in reserve." in programming
    assert "Posterior Chain Training: Hamstring…" in programming
    # the legend: the category, every muscle role on the page, and the effort scale its table uses
    words = text[text.index("Words on this sheet"):]
    for term in ("Secondary:", "Target:", "Synergist:", "Stabilizer:", "RPE (rating of perceived exertion):"):
        assert term in words, term
    assert "Primary:" not in words and "Prime mover:" not in words  # only the words this sheet uses
    assert text.endswith("Online: https://glute-hamstring-atlas.github.io/atlas/exercises/romanian-deadlift/")


def _hover_and_focus_explain(page, term, says):
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    assert not tip.is_visible()
    phone = page.viewport_size["width"] == 360
    if not phone:  # no hover on a touch screen
        term.hover()
        assert tip.is_visible() and says in tip.inner_text()
        page.mouse.move(0, 0)
    term.focus()
    assert tip.is_visible() and says in tip.inner_text()
    box, width = tip.bounding_box(), page.viewport_size["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # the tip stays on the screen
    anchor = term.get_attribute("href").split("#")[1]
    term.tap() if phone else term.click()  # and it leads to its glossary entry
    page.wait_for_url(re.compile(r"/glossary/#" + re.escape(anchor) + "$"))
    expect(page.locator("dt#" + anchor)).to_be_visible()


@pytest.mark.parametrize("path,term,says", [
    ("exercises/romanian-deadlift/", "Secondary", "movement category"),
    ("exercises/romanian-deadlift/", "Synergists", "helps the targets"),
    ("exercises/romanian-deadlift/", "REP model", "Repeatable, Efficient and Points of performance"),
    ("muscles/gluteus-maximus/", "Prime mover", "main muscles to produce"),
    ("muscles/gluteus-maximus/", "Target", "chosen to train"),
    ("actions/hip-extension/", "assistant", "helps to produce"),
])
def test_the_atlas_own_words_explain_themselves_on_hover_and_focus(screen, site_url, path, term, says):
    screen.goto(site_url + path)
    _hover_and_focus_explain(screen, screen.locator(".gloss__term", has_text=term).first, says)


def test_every_category_and_role_the_data_can_hold_is_in_the_glossary():
    import json

    from conftest import ROOT

    schemas = ROOT / "hooks" / "atlas" / "schemas"
    exercise = json.loads((schemas / "exercise.json").read_text())
    muscle = json.loads((schemas / "muscle.json").read_text())
    words = exercise["properties"]["category"]["enum"] + exercise["properties"]["muscles"]["items"]["properties"]["role"]["enum"]
    words += muscle["properties"]["actions"]["items"]["properties"]["role"]["enum"]
    glossary = project_atlas().entities["glossary"]
    assert [w for w in words if w.replace(" ", "-") not in glossary] == []


def test_a_handout_shows_what_a_client_needs_and_hides_the_rest(page, site_url):
    page.goto(site_url + "exercises/romanian-deadlift/")
    assert not page.locator(".handout").is_visible()  # print only
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "#variations", "#evidence", "#references", "#rep"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("h1", ".bodymap", "#technique", "#cues", "#mistakes", "#programming", ".handout__qr svg"):
        assert page.locator(shown).first.is_visible(), shown
    assert page.locator(".handout__url").inner_text().endswith("/exercises/romanian-deadlift/")


def test_a_coach_can_copy_a_link_to_any_section_with_the_keyboard(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "exercises/romanian-deadlift/")
    buttons = page.locator("h2.copyable .copy-link")
    assert buttons.count() == 7 and buttons.first.is_visible()
    cues = page.locator("h2#cues .copy-link")
    assert cues.get_attribute("aria-label") == "Copy link to the Cues section"
    cues.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('h2#cues .copy-link').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + "exercises/romanian-deadlift/#cues"
    context.close()


def test_the_builder_round_trips_a_sheet_through_its_url(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "builder/")
    page.get_by_label("Sheet title").fill("Lower A")
    for query in ("RDL", "hip thrust", "Nordic curl"):
        page.get_by_label("Exercise", exact=True).fill(query)
        page.get_by_role("button", name="Add exercise").click()
    page.get_by_label("Sets for Romanian deadlift").fill("3")
    page.get_by_label("Reps for Romanian deadlift").fill("8")
    page.get_by_label("Effort measure for Romanian deadlift").select_option("rpe")
    page.get_by_label("Effort value for Romanian deadlift").fill("8")
    page.get_by_label("Rest for Romanian deadlift").fill("90 s")
    page.get_by_label("Note for Barbell hip thrust").fill("pause at the top & squeeze")
    page.get_by_role("button", name="Move Nordic hamstring curl up").click()
    page.get_by_role("button", name="Remove Barbell hip thrust").click()
    shared = page.url
    assert "?sheet=" in shared

    def sheet(p):
        return [[r.get_attribute("data-id")] + [f.input_value() for f in r.locator("[data-field]").all()]
                for r in p.locator(".builder__rows li[data-id]").all()]

    expected = sheet(page)
    assert [row[0] for row in expected] == ["romanian-deadlift", "nordic-curl"]
    assert expected[0][1:] == ["3", "8", "rpe", "8", "90 s", ""]
    other = context.new_page()
    other.goto(shared)  # the shared link opens as the client reads it: the title, then the rows
    assert other.locator("h1").inner_text().rstrip("¶") == "Lower A" and other.title().startswith("Lower A")
    assert other.locator(".builder__editor").is_hidden() and other.locator(".builder__intro").is_hidden()
    rows = other.locator(".sheet__table tbody tr")
    assert rows.nth(0).locator("td").all_inner_texts()[1:] == ["Romanian deadlift", "3 × 8", "RPE 8", "90 s", ""]
    assert rows.nth(1).locator(".sheet__exercise").inner_text() == "Nordic hamstring curl"
    drawings = other.locator(".sheet__table img.builder__figure")  # each row shows its exercise drawn
    drawings.first.scroll_into_view_if_needed()
    other.wait_for_function("[...document.querySelectorAll('.sheet img.builder__figure')].every(i => i.complete && i.naturalWidth > 0)")
    assert [src.split("/")[-1] for src in drawings.evaluate_all("els => els.map(e => e.getAttribute('src'))")] == [
        "romanian-deadlift.svg", "nordic-curl.svg"]
    other.get_by_role("button", name="Edit the sheet").click()  # the coach's form, restored exactly
    assert sheet(other) == expected and other.get_by_label("Sheet title").input_value() == "Lower A"
    context.close()


@pytest.mark.parametrize("query,message", [
    ("<script>alert(1)</script>", "could not be read"),
    ("%7B%22r%22%3A5%7D", "could not be read"),
    ("x" * 7000, "too long"),
    ("%7B%22r%22%3A%5B%5B%22no-such-exercise%22%5D%5D%7D", "could not be read and were left out"),
])
def test_a_malformed_hostile_or_huge_sheet_link_is_ignored_with_a_message(page, site_url, query, message):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + "builder/?sheet=" + query)
    assert message in page.locator(".builder__message").inner_text()
    assert page.locator("[data-id]").count() == 0 and dialogs == []


def test_hostile_text_in_a_sheet_stays_text(page, site_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = '<img src=x onerror=alert(1)>'
    page.goto(site_url + 'builder/?sheet={"t":"<b>x</b>","r":[["glute-bridge","","","","","","' + payload + '"]]}')
    assert page.locator(".sheet__table td[data-label=Note]").inner_text() == payload
    assert page.locator("h1").inner_text().rstrip("¶") == "<b>x</b>"
    page.get_by_role("button", name="Edit the sheet").click()
    assert page.get_by_label("Note for Glute bridge").input_value() == payload
    # the only images are the row's own drawings, from the atlas's figures; the payload made none
    assert page.locator("#builder img:not(.builder__figure), #builder b, h1 b").count() == 0 and dialogs == []
    figures = page.locator("#builder img.builder__figure").evaluate_all("els => els.map(e => e.getAttribute('src'))")
    assert set(figures) == {"../api/figures/glute-bridge.svg"}


PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SCREENS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    """A tab at 360 × 740 with touch, and one at 1280 px."""
    context = browser.new_context(**SCREENS[request.param])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("unit,one_rm,strength,hypertrophy", [
    ("kg", "100", "80–100 kg", "60–80 kg"),
    ("lb", "225", "180–225 lb", "135–180 lb"),
    ("kg", "142", "112.5–142.5 kg", "85–112.5 kg"),
])
def test_the_calculator_gives_the_sources_ranges_rounded_to_plates(page, site_url, unit, one_rm, strength, hypertrophy):
    page.goto(site_url + "tools/load-calculator/")
    page.get_by_label("Unit").select_option(unit)
    page.get_by_label("Your 1RM").fill(one_rm)
    assert page.locator("tr[data-zone=strength] .calculator__load").inner_text() == strength
    assert page.locator("tr[data-zone=hypertrophy] .calculator__load").inner_text() == hypertrophy


def test_the_calculator_estimates_a_1rm_names_both_equations_and_remembers_the_unit(page, site_url):
    page.goto(site_url + "guides/loading/")  # the widget on the loading guide
    page.get_by_label("Unit").select_option("lb")
    assert page.get_by_label("Bar weight").input_value() == "45" and page.get_by_label("Smallest step").input_value() == "5"
    page.get_by_label("or: load lifted").fill("100")
    page.get_by_label("for reps").fill("5")
    # Epley 100 × (1 + 5/30) = 116.67; Brzycki 100 × 36/32 = 112.5; the lower is used
    assert page.locator(".calculator__estimate").inner_text() == (
        "Estimated 1RM: 112.5 lb (Epley 116.67, Brzycki 112.5; the lower is used).")
    page.goto(site_url + "tools/load-calculator/")
    assert page.get_by_label("Unit").input_value() == "lb"


def _out(page):
    return page.locator(".calculator__out")


REFUSED = [
    ("80", "30", "works from 1 to 12 reps only"),       # the 411 kg "estimate"
    ("80", "13", "works from 1 to 12 reps only"),
    ("", "5", "Enter the load lifted"),
    ("-80", "5", "must be more than 0"),
    ("0", "5", "must be more than 0"),
    ("8000", "5", "more than any lift on record"),
    ("NaN", "5", "must be a number"),
    ("eighty", "5", "must be a number"),
    ("80", "5.5", "whole number"),
    ("80", "0", "at least 1"),
    ("80", "", "Enter the reps"),
]


def test_the_calculator_refuses_bad_input_with_a_message_and_no_number(screen, site_url):
    screen.goto(site_url + "tools/load-calculator/")  # once: each case types over the last (a page load a case took 40 s)
    for load, reps, says in REFUSED:
        case = f"load {load!r}, reps {reps!r}"
        screen.get_by_label("or: load lifted").fill(load)
        screen.get_by_label("for reps").fill(reps)
        refusal = screen.locator(".calculator__refusal")
        assert says in refusal.inner_text(), case
        assert screen.locator(".calculator__estimate, .calculator__table, .calculator__working").count() == 0, case
        assert not re.search(r"\d+(\.\d+)? ?kg", _out(screen).inner_text()), case  # no load anywhere in the answer
        assert screen.locator("input[aria-invalid=true]").count() == 1, case
        if screen.viewport_size["width"] == 360:
            assert screen.evaluate("document.documentElement.scrollWidth") <= 360, case


@pytest.mark.parametrize("unit,bar,step,target,working", [
    # 100 kg 1RM; 3 × 8 at RPE 8 is a set that could go to 10: 75 % by both equations = 75 kg
    ("kg", "20", "2.5", ("3", "8", "rpe", "8"), "3 × 8 at RPE 8 (2 in reserve): 75 kg"),
    # 5 × 5 with 2 in reserve: 7 reps; Epley 81.08 %, Brzycki 83.33 %: the lower, 81.08 kg, down to 80 kg
    ("kg", "20", "2.5", ("5", "5", "rir", "2"), "5 × 5 at 2 in reserve: 80 kg"),
    # with 5 kg steps on a 15 kg bar: 15 + 13 × 5 = 80 kg; with 1 kg steps: 81 kg
    ("kg", "15", "5", ("5", "5", "rir", "2"), "5 × 5 at 2 in reserve: 80 kg"),
    ("kg", "20", "1", ("5", "5", "rir", "2"), "5 × 5 at 2 in reserve: 81 kg"),
    # pounds: 225 lb 1RM, 3 × 8 at RPE 8 = 168.75 lb, down to what a 45 lb bar and 5 lb steps make
    ("lb", "45", "5", ("3", "8", "rpe", "8"), "3 × 8 at RPE 8 (2 in reserve): 165 lb"),
])
def test_the_calculator_gives_working_weights_for_a_target(screen, site_url, unit, bar, step, target, working):
    screen.goto(site_url + "tools/load-calculator/")
    screen.get_by_label("Unit").select_option(unit)
    screen.get_by_label("Bar weight").fill(bar)
    screen.get_by_label("Smallest step").fill(step)
    screen.get_by_label("Your 1RM").fill("225" if unit == "lb" else "100")
    sets, reps, scale, effort = target
    screen.get_by_label("Sets").fill(sets)
    screen.get_by_label("Reps per set").fill(reps)
    screen.get_by_label("Effort as").select_option(scale)
    screen.get_by_label("Effort", exact=True).fill(effort)
    assert screen.locator(".calculator__working").inner_text() == working
    if screen.viewport_size["width"] == 360:
        assert screen.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("target,says", [
    (("3", "10", "rir", "4"), "could go to 14"),        # beyond 12 reps to failure
    (("3", "8", "rpe", "11"), "at most 10"),
    (("3", "8", "rpe", "7.3"), "half steps"),
    (("0", "8", "rpe", "8"), "at least 1"),
    (("3", "20", "rpe", "8"), "1 to 12 reps"),
])
def test_the_calculator_refuses_a_target_it_cannot_answer(page, site_url, target, says):
    page.goto(site_url + "tools/load-calculator/")
    page.get_by_label("Your 1RM").fill("100")
    sets, reps, scale, effort = target
    page.get_by_label("Sets").fill(sets)
    page.get_by_label("Reps per set").fill(reps)
    page.get_by_label("Effort as").select_option(scale)
    page.get_by_label("Effort", exact=True).fill(effort)
    assert says in page.locator(".calculator__refusal").inner_text()
    assert page.locator(".calculator__working").count() == 0


def test_a_working_weight_lighter_than_the_bar_is_refused(page, site_url):
    page.goto(site_url + "tools/load-calculator/")
    page.get_by_label("Your 1RM").fill("25")
    page.get_by_label("Sets").fill("3")
    page.get_by_label("Reps per set").fill("10")
    page.get_by_label("Effort as").select_option("rir")
    page.get_by_label("Effort", exact=True).fill("2")
    assert "lighter than your 20 kg bar" in page.locator(".calculator__refusal").inner_text()


# --- session sheets, at 360 × 740 by touch and at 1280 px ------------------------------------

LONG_SHEET = ('builder/?sheet={"t":"Lower body A, week 3: the heavy day before the meet","r":['
              '["single-leg-romanian-deadlift","3","10 per leg","rpe","8","2 min","Pause just below the knee and keep '
              'the free hip square to the floor all the way down, then drive the standing heel"],'
              '["nordic-curl","3","5","","","90 s",""],["barbell-hip-thrust","4","10-12","pct","70","90 s","squeeze"],'
              '["hip-extension-45","2","15","rir","2","60 s",""]]}')


def pdf_text(pdf: bytes) -> tuple[int, str]:
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_the_client_sees_the_whole_sheet_without_anything_cut_off(screen, site_url):
    screen.goto(site_url + LONG_SHEET)
    width = screen.viewport_size["width"]
    assert screen.locator("h1").inner_text().rstrip("¶") == "Lower body A, week 3: the heavy day before the meet"
    assert screen.get_by_label("Sets for Nordic hamstring curl").count() == 1  # the form exists, hidden
    assert screen.get_by_label("Sets for Nordic hamstring curl").is_hidden()
    rows = screen.locator(".sheet__table tbody tr")
    assert rows.count() == 4
    # every cell lies inside the screen and shows all of its text
    clipped = screen.evaluate("""w => [...document.querySelectorAll('.sheet__table td, .sheet__table th')]
        .filter(c => c.getClientRects().length)
        .filter(c => { const r = c.getBoundingClientRect(); return r.right > w + 0.5 || r.left < -0.5 || c.scrollWidth > c.clientWidth + 1; })
        .map(c => c.textContent.slice(0, 30))""", width)
    assert clipped == [] and screen.evaluate("document.documentElement.scrollWidth") <= width
    first = rows.first
    if width == 360:  # cards: the exercise on top, then each field under its label
        assert screen.locator(".sheet__table thead").bounding_box()["height"] <= 1
        name, sets = first.locator(".sheet__exercise").bounding_box(), first.locator("td[data-label='Sets × reps']").bounding_box()
        assert sets["y"] >= name["y"] + name["height"] - 1
        assert first.locator("td[data-label='Sets × reps']").evaluate("e => getComputedStyle(e, '::before').content") == '"Sets × reps"'
    else:  # one table row per exercise, every column header in view
        headers = screen.locator(".sheet__table th")
        assert headers.all_inner_texts() == ["#", "Exercise", "Sets × reps", "Effort", "Rest", "Note"]
        assert all(h.is_visible() for h in headers.all())
        boxes = [first.locator("td").nth(i).bounding_box() for i in range(6)]
        assert len({round(b["y"]) for b in boxes}) == 1


@pytest.mark.parametrize("size", list(SCREENS))
def test_the_share_button_copies_the_link_where_there_is_no_share_sheet(browser, site_url, size):
    context = browser.new_context(**SCREENS[size], permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + 'builder/?sheet={"t":"A","r":[["glute-bridge","2","15","","","60 s",""]]}')
    assert page.evaluate("typeof navigator.share") == "undefined"  # desktop Linux Chromium: no share sheet
    button = page.get_by_role("button", name="Share the link")
    button.tap() if size == "phone" else button.click()
    expect(page.locator(".builder__shared")).to_have_text("Link copied: paste it into a message to your client.")
    assert page.locator(".builder__shared").is_visible()
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.url and "?sheet=" in link
    other = context.new_page()
    other.goto(link)  # the copied link is the sheet
    assert other.locator(".sheet__table tbody tr").get_attribute("data-id") == "glute-bridge"
    context.close()


def test_the_share_button_opens_the_system_share_sheet_where_there_is_one(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.add_init_script("window.__shared = []; navigator.share = d => { window.__shared.push(d); return Promise.resolve(); };")
    page.goto(site_url + 'builder/?sheet={"t":"Hinge day","r":[["romanian-deadlift","3","8","","","",""]]}')
    page.get_by_role("button", name="Share the link").tap()
    expect(page.locator(".builder__shared")).to_have_text("Shared.")
    shared = page.evaluate("window.__shared")
    assert shared == [{"title": "Hinge day", "url": page.url}]
    context.close()


def test_the_picker_finds_names_aliases_and_partial_words(screen, site_url):
    screen.goto(site_url + "builder/")
    box = screen.get_by_label("Exercise", exact=True)
    add = screen.get_by_role("button", name="Add exercise")
    press = add.tap if screen.viewport_size["width"] == 360 else add.click
    for query, added in [("nordic", "nordic-curl"), ("RDL", "romanian-deadlift"), ("hex bar", "trap-bar-deadlift"),
                         ("stiff leg", "stiff-leg-deadlift"), ("Nordics", "nordic-curl")]:
        box.fill(query)
        press()
        assert screen.locator(".builder__rows li").last.get_attribute("data-id") == added, query
    # several matches: the coach chooses
    box.fill("hip thr")
    press()
    choices = screen.locator(".builder__choices button")
    assert {"Barbell hip thrust", "Dumbbell hip thrust"} <= set(choices.all_inner_texts())
    choice = screen.locator(".builder__choices button", has_text="Dumbbell hip thrust")
    choice.tap() if screen.viewport_size["width"] == 360 else choice.click()
    assert screen.locator(".builder__rows li").last.get_attribute("data-id") == "dumbbell-hip-thrust"
    assert screen.locator(".builder__choices").is_hidden()
    box.fill("zzzz")
    press()
    assert "No exercise matches" in screen.locator(".builder__message").inner_text()
    assert screen.evaluate("document.documentElement.scrollWidth") <= screen.viewport_size["width"]
    if screen.viewport_size["width"] == 360:  # every control of the coach's form is big enough for a thumb
        small = [c.evaluate("e => e.outerHTML.slice(0, 60)") for c in screen.locator(
            "#builder button:visible, #builder input:visible, #builder select:visible").all()
            if min(c.bounding_box()["width"], c.bounding_box()["height"]) < 43.5]
        assert small == []


def test_the_printed_sheet_has_its_title_and_not_the_tools_instructions(page, site_url):
    page.goto(site_url + LONG_SHEET)
    page.get_by_role("button", name="Edit the sheet").click()  # printing from the coach's form prints the sheet too
    for paper in ("A4", "Letter"):
        pages, text = pdf_text(page.pdf(format=paper, print_background=True))
        assert pages == 1, paper
        assert text.startswith("Lower body A, week 3: the heavy day before the meet"), text[:80]
        for shown in ("Single-leg Romanian deadlift", "3 × 10 per leg", "RPE 8", "70 % of 1RM", "2 in reserve",
                      "45° hip extension", "drive the standing heel"):
            assert shown in text, shown
        for hidden in ("Session sheet builder", "Put together a session", "Add exercise", "Share the link", "Save for offline"):
            assert hidden not in text, hidden


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_coachs_form_the_choices_or_the_calculators_refusals(browser, site_url, scheme):
    from conftest import AXE

    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # bypass only to inject axe
    page = context.new_page()
    found = []
    page.goto(site_url + LONG_SHEET)
    page.get_by_role("button", name="Edit the sheet").click()  # the coach's form with the picker's choices
    page.get_by_label("Exercise", exact=True).fill("hip")
    page.get_by_role("button", name="Add exercise").click()
    expect(page.locator(".builder__choices button").first).to_be_visible()
    for state in ("builder", "calculator"):
        if state == "calculator":
            page.goto(site_url + "tools/load-calculator/")
            page.get_by_label("or: load lifted").fill("eighty")
            page.get_by_label("for reps").fill("30")
        page.add_script_tag(path=str(AXE))
        found += page.evaluate(
            "axe.run(document).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))")
    context.close()
    assert found == []
