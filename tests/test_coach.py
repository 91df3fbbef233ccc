"""For coaches, in Chromium: one-page handouts, copy-a-section-link."""
from __future__ import annotations

import re

import atlas
import pytest
from conftest import ROOT

EXERCISES = list(atlas.build(ROOT).atlas.entities["exercise"])
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
