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
