"""The body map as drawn: the whole body from behind and in front, small enough to inline, usable on a phone."""
from __future__ import annotations

import gzip
import re

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


def test_every_home_map_region_is_a_tap_target_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url)
    found = page.evaluate(TAP_TARGET, 24)  # WCAG 2.5.8's minimum target size
    context.close()
    assert found == {mid: True for mid in MUSCLES}


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
