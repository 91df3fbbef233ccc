"""The body map as drawn: the whole body from behind and in front, small enough to inline, usable on a phone."""
from __future__ import annotations

import gzip
import re

import pytest
from conftest import project_atlas

MAP = re.compile(r'<div class="bodymap[ "].*?</div>', re.S)
MUSCLES = sorted(project_atlas().entities["muscle"])
DEEP = {"gluteus-minimus", "deep-hip-rotators", "piriformis", "quadratus-lumborum"}


def test_the_map_draws_the_back_and_the_front_and_stays_small(real_site):
    html = (real_site / "exercises" / "romanian-deadlift" / "index.html").read_text()
    drawing = MAP.search(html).group(0)
    assert drawing.count('<svg class="bodymap__view"') == 2  # back and front views
    assert '<desc id="bodymap-desc">' in drawing and 'role="img"' in drawing
    # inlined on every exercise and muscle page
    assert len(drawing.encode()) <= 12_000 and len(gzip.compress(drawing.encode())) <= 4_000


def test_deep_muscles_are_drawn_as_deep(real_site):
    html = (real_site / "index.html").read_text()
    for mid in MUSCLES:
        tag = re.search(rf'<a id="{mid}" class="([^"]+)"', html).group(1)
        assert ("bodymap__region--deep" in tag) == (mid in DEEP), mid


# A square of `size` CSS px, wholly inside the region, that a finger can hit without touching a neighbour.
TAP_TARGET = """(size) => {
  const found = {};
  for (const a of document.querySelectorAll('a.bodymap__region')) {
    const shape = a.querySelector('path');
    shape.scrollIntoView({block: 'center'});
    const r = shape.getBoundingClientRect(), h = size / 2;
    found[a.id] = false;
    for (let y = r.top + h; y <= r.bottom - h && !found[a.id]; y += 2)
      for (let x = r.left + h; x <= r.right - h && !found[a.id]; x += 2)
        found[a.id] = [[0, 0], [-h, -h], [h, -h], [-h, h], [h, h], [0, -h], [0, h], [-h, 0], [h, 0]].every(
          ([dx, dy]) => document.elementFromPoint(x + dx, y + dy)?.closest('a') === a);
  }
  return found;
}"""


# the front view draws the muscles at the front of the thigh and hip, and the adductor magnus again
FRONT = {"quadriceps", "tensor-fasciae-latae", "short-adductors"}
VIEWS = {"Back view": set(MUSCLES) - FRONT, "Front view": FRONT | {"adductor-magnus"}}


@pytest.mark.parametrize("width", [360, 1280])
def test_the_home_map_is_labelled_fits_one_screen_and_every_muscle_is_selectable_in_each_view(browser, site_url, width):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 740}, has_touch=phone, is_mobile=phone)
    page = context.new_page()
    page.goto(site_url)
    # every muscle is a named link to its page in each view that shows it (the adductors from the front too)
    for view, muscles in VIEWS.items():
        svg = page.get_by_label(view, exact=True)
        shown = set(svg.locator("a.bodymap__region").evaluate_all("els => els.map(a => a.dataset.muscle)"))
        assert shown == muscles, view
    # and a label with its name, big enough for a thumb, beside or below the drawing
    labels = page.locator(".bodymap__labels a")
    assert sorted(labels.evaluate_all("els => els.map(a => a.dataset.muscle)")) == MUSCLES
    for label in labels.all():
        box = label.bounding_box()
        assert box["height"] >= 43.5, label.inner_text()
    # the drawing and its labels on one screen, under the header
    figure = page.locator(".bodymap-figure")
    header = page.locator(".md-header").bounding_box()["height"]
    assert figure.bounding_box()["height"] <= 740 - header
    figure.evaluate("f => window.scrollTo(0, f.getBoundingClientRect().top + scrollY - document.querySelector('.md-header').offsetHeight)")
    assert labels.last.bounding_box()["y"] + 44 <= 740 and page.get_by_label("Front view", exact=True).bounding_box()["y"] >= header - 1
    # nothing sticks over it (the section menu is not on the home page)
    assert page.evaluate("h => !!document.elementFromPoint(innerWidth / 2, h + 4).closest('.bodymap-figure')", header)
    # choosing a muscle in the front view (by touch on a phone) opens its page
    region = page.locator("svg[aria-label='Front view'] a[data-muscle='adductor-magnus'] path").first
    region.tap() if phone else region.click()
    page.wait_for_url(re.compile(r"/muscles/adductor-magnus/$"))
    page.goto(site_url)
    page.get_by_role("link", name="Semitendinosus", exact=True).first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/muscles/semitendinosus/$"))
    context.close()


def test_the_mirrored_half_is_painted_in_both_schemes(browser, site_url):
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(site_url + "muscles/semimembranosus/")
        fills = page.evaluate("[...document.querySelectorAll('.bodymap use')].map(u => getComputedStyle(u).fill)")
        marked = page.evaluate("getComputedStyle(document.querySelector('#semimembranosus path')).fill")
        context.close()
        assert fills and "rgb(0, 0, 0)" not in fills, scheme
        assert marked != fills[-1], scheme  # the muscle stands out from the context
