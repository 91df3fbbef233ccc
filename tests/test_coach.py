"""For coaches, in Chromium: one-page handouts, copy-a-section-link."""
from __future__ import annotations

import re

import pytest
from conftest import project_atlas

EXERCISES = list(project_atlas().entities["exercise"])
PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


@pytest.mark.parametrize("eid", EXERCISES)
def test_every_exercise_page_prints_on_exactly_one_page(page, site_url, eid):
    page.goto(site_url + f"exercises/{eid}/")
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper, print_background=True)
        assert len(PAGE.findall(pdf)) == 1, paper


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
    page.get_by_label("Sheet title").press("End")  # input events
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
    page.get_by_label("Sheet title").fill("Lower A")
    shared = page.url
    assert "?sheet=" in shared

    def sheet(p):
        return [[r.get_attribute("data-id")] + [f.input_value() for f in r.locator("[data-field]").all()]
                for r in p.locator(".builder__table tr[data-id]").all()]

    expected = sheet(page)
    assert [row[0] for row in expected] == ["romanian-deadlift", "nordic-curl"]
    assert expected[0][1:] == ["3", "8", "rpe", "8", "90 s", ""]
    other = context.new_page()
    other.goto(shared)  # opening the shared link restores the sheet exactly
    assert sheet(other) == expected and other.get_by_label("Sheet title").input_value() == "Lower A"
    drawings = other.locator(".builder__table tr[data-id] img.builder__figure")  # each row shows its exercise drawn
    drawings.first.scroll_into_view_if_needed()
    other.wait_for_function("[...document.querySelectorAll('img.builder__figure')].every(i => i.complete && i.naturalWidth > 0)")
    assert [src.split("/")[-1] for src in drawings.evaluate_all("els => els.map(e => e.getAttribute('src'))")] == [
        "romanian-deadlift.svg", "nordic-curl.svg"]
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
    assert page.locator(".builder__table tr[data-id]").count() == 0 and dialogs == []


def test_hostile_text_in_a_sheet_stays_text(page, site_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = '<img src=x onerror=alert(1)>'
    page.goto(site_url + 'builder/?sheet={"t":"<b>x</b>","r":[["glute-bridge","","","","","","' + payload + '"]]}')
    assert page.get_by_label("Note for Glute bridge").input_value() == payload
    # the only image is the row's own drawing, from the atlas's figures; the payload made none
    assert page.locator("#builder img:not(.builder__figure), #builder b").count() == 0 and dialogs == []
    figures = page.locator("#builder img.builder__figure").evaluate_all("els => els.map(e => e.getAttribute('src'))")
    assert figures == ["../api/figures/glute-bridge.svg"]


def test_the_builder_prints_without_its_controls(page, site_url):
    page.goto(site_url + 'builder/?sheet={"t":"A","r":[["glute-bridge","2","15","","","",""]]}')
    page.emulate_media(media="print")
    assert page.locator(".builder__table").is_visible()
    assert not page.get_by_role("button", name="Add exercise").is_visible()
    assert not page.locator(".md-header").is_visible()


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


def test_the_calculator_estimates_a_1rm_names_its_method_and_remembers_the_unit(page, site_url):
    page.goto(site_url + "guides/loading/")  # the widget on the loading guide
    page.get_by_label("Unit").select_option("lb")
    page.get_by_label("or: load lifted").fill("100")
    page.get_by_label("for reps").fill("5")
    assert "Estimated 1RM (Brzycki): 112.5 lb." in page.locator(".calculator__estimate").inner_text()
    page.get_by_label("for reps").fill("12")
    assert "10 reps or fewer" in page.locator(".calculator__estimate").inner_text()
    page.goto(site_url + "tools/load-calculator/")
    assert page.get_by_label("Unit").input_value() == "lb"
