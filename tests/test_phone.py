"""On a phone: 360 × 740, touch. No page scrolls sideways, the finder works by touch and keys, tap targets are big enough."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_browser import PAGE_KINDS

PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_page_scrolls_sideways_at_360px(phone, site_url, kind):
    phone.goto(site_url + PAGE_KINDS[kind])
    if kind == "exercise index":
        phone.get_by_role("button", name=re.compile(r"^Filters")).tap()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_finder_cards_and_filters_work_by_touch(phone, site_url):
    phone.goto(site_url + "exercises/")
    cards = phone.locator("#finder-table tbody tr")
    total = cards.count()
    # a card, not a table row: name, then pattern and equipment, then targets, stacked in one column
    first = cards.first
    name, pattern = first.locator(".finder__name").bounding_box(), first.locator(".finder__pattern").bounding_box()
    assert pattern["y"] >= name["y"] + name["height"] - 1 and first.bounding_box()["width"] <= 360
    assert phone.locator("#finder-table thead").bounding_box()["height"] <= 1  # headers only for screen readers
    toggle = phone.get_by_role("button", name="Filters (0)")
    assert toggle.get_attribute("aria-expanded") == "false" and phone.get_by_label("Pattern").is_hidden()
    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true"
    phone.get_by_label("Pattern").select_option("hinge")
    phone.get_by_label("Level").select_option("beginner")
    expect(phone.get_by_role("button", name="Filters (2)")).to_be_visible()
    phone.wait_for_url(re.compile(r"\?pattern=hinge&level=beginner$"))
    shown = phone.locator("#finder-table tbody tr:visible").count()
    assert 0 < shown < total
    assert phone.locator("#finder-status").inner_text() == f"Showing {shown} of {total} exercises."
    # the count stays in view while the list scrolls
    phone.mouse.wheel(0, 1500)
    phone.wait_for_timeout(200)
    box = phone.locator("#finder-status").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 740
    phone.locator("#finder-table tbody tr:visible .finder__name a").first.tap()
    phone.wait_for_url(re.compile(r"/exercises/[^/]+/$"))


def test_finder_filters_work_from_the_keyboard(phone, site_url):
    phone.goto(site_url + "exercises/?equipment=band")
    toggle = phone.get_by_role("button", name="Filters (1)")
    toggle.focus()
    phone.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.name") == "muscle"
    phone.keyboard.press("Shift+Tab")
    phone.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "false" and phone.get_by_label("Muscle").is_hidden()


TARGETS = ("button:visible, select:visible, input:visible, .md-header__button:visible, .finder__name a:visible, "
           ".atlas-search__result:visible, label.exfig__control:visible")  # a hidden switch's label is what is tapped


@pytest.mark.parametrize("kind", ["home", "exercise index", "exercise", "program", "builder", "calculator"])
def test_tap_targets_are_at_least_44px(phone, site_url, kind):
    phone.goto(site_url + PAGE_KINDS[kind])
    if kind == "exercise index":
        phone.get_by_role("button", name=re.compile(r"^Filters")).tap()
    small = []
    for element in phone.locator(TARGETS).all():
        box = element.bounding_box()
        if element.get_attribute("hidden") is not None:  # Material's back-to-top button, out of view until scrolled
            continue
        if box and box["width"] * box["height"] and (box["width"] < 43.5 or box["height"] < 43.5):
            small.append(f"{element.evaluate('e => e.outerHTML.slice(0, 80)')}: {box['width']:.0f}x{box['height']:.0f}")
    assert small == []


def test_the_exercise_summary_is_a_list_that_fits(phone, site_url):
    phone.goto(site_url + "exercises/romanian-deadlift/")
    summary = phone.locator(".exercise-summary")
    assert summary.locator("dt").all_inner_texts() == ["Category", "Pattern", "Equipment", "Level"]
    for dd in summary.locator("dd").all():
        box = dd.bounding_box()
        assert box["x"] + box["width"] <= 360 and dd.evaluate("e => e.scrollWidth <= e.clientWidth")


# --- a long page on a phone: the section menu, small section links, tables that say they scroll ---------------

@pytest.mark.parametrize("width", [360, 1280])
def test_the_section_menu_stays_reachable_and_leads_to_each_section(browser, site_url, width):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 740}, has_touch=phone, is_mobile=phone)
    page = context.new_page()
    page.goto(site_url + "exercises/romanian-deadlift/")
    menu = page.locator(".atlas-toc summary")
    if not phone:  # the table of contents beside the page does this job on a wide screen
        assert menu.is_hidden() and page.locator(".md-sidebar--secondary").is_visible()
        context.close()
        return
    header = page.locator(".md-header").bounding_box()["height"]
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    box = menu.bounding_box()  # four screens down, still right under the header, a thumb's size
    assert abs(box["y"] - header) <= 1 and box["height"] >= 43.5 and box["width"] >= 300
    menu.tap()
    items = page.locator(".atlas-toc__list a")
    assert items.all_inner_texts()[:4] == ["Muscles", "Technique", "Cues", "Common mistakes"]
    page.get_by_role("link", name="Cues", exact=True).first.tap()
    page.wait_for_url(re.compile(r"#cues$"))
    page.wait_for_timeout(400)
    assert page.locator(".atlas-toc__list").is_hidden()  # closed once a section is chosen
    cues = page.locator("h2#cues").bounding_box()
    assert header + 40 <= cues["y"] <= 300  # in view, not under the header or the menu
    # from the keyboard: Enter opens it, Escape closes it
    menu.focus()
    page.keyboard.press("Enter")
    assert page.locator(".atlas-toc__list").is_visible()
    page.keyboard.press("Escape")
    assert page.locator(".atlas-toc__list").is_hidden()
    context.close()


def test_section_links_are_small_beside_the_heading_yet_a_thumb_can_hit_them(phone, site_url):
    phone.goto(site_url + "exercises/romanian-deadlift/")
    heading = phone.locator("h2#programming")
    button = heading.locator(".copy-link")
    box = button.bounding_box()
    assert box["width"] >= 43.5 and box["height"] >= 43.5  # the target
    assert button.locator("svg").bounding_box()["width"] <= 21  # what is drawn: an icon, not a boxed label
    assert button.inner_text() == "" and button.get_attribute("aria-label") == "Copy link to the Programming section"
    assert heading.bounding_box()["height"] <= 60  # the heading stays on one line


def test_a_wide_table_shows_that_it_scrolls(phone, site_url):
    phone.goto(site_url + "exercises/romanian-deadlift/")
    wrap = phone.locator("h2#programming ~ .md-typeset__scrollwrap").first
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")  # wider than the phone
    assert "radial-gradient" in wrap.evaluate("w => getComputedStyle(w).backgroundImage")  # the edge shadow
    assert wrap.evaluate("w => getComputedStyle(w.querySelector('table')).backgroundColor") == "rgba(0, 0, 0, 0)"  # not covered


def test_a_misspelled_search_by_touch_finds_the_page(phone, site_url):
    phone.goto(site_url + "about/")
    phone.locator(".atlas-search__label").tap()
    phone.keyboard.type("romanain deadlfit", delay=30)
    first = phone.locator("#atlas-search-results a").first
    expect(first).to_have_attribute("href", re.compile(r"exercises/romanian-deadlift/$"), timeout=20000)
    expect(phone.locator("#atlas-search-status")).to_contain_text("for “romanian deadlift”")
    first.tap()
    phone.wait_for_url(re.compile(r"/exercises/romanian-deadlift/$"))
