"""The guard's small pieces, without a project: hidden characters, name keys, list marks, the sanitiser."""
from __future__ import annotations

import pytest
from atlas.guard.chars import hidden_char, name_key
from atlas.guard.sanitize import clean
from atlas.text import md_text


@pytest.mark.parametrize("text,found", [
    ("hip thrust", None), ("hip\u202ethrust", 3), ("hip\u200bthrust", 3), ("a\u2066b", 1), ("bell\a", 4),
    ("line\nline", None), ("soft\u00adhyphen", 4),
])
def test_hidden_characters_are_found_where_they_are(text, found):
    hit = hidden_char(text, allow_newlines=True)
    assert (hit[0] if hit else None) == found


def test_names_never_allow_newlines():
    assert hidden_char("two\nlines", allow_newlines=False)[0] == 3


def test_one_name_under_case_and_unicode_form():
    assert name_key("GLUTE  Bridge") == name_key("glute bridge") == name_key("\uff27lute bridge")
    assert name_key("Glute-bridge") != name_key("glute bridge")


@pytest.mark.parametrize("value,shown", [("- a", "&#45; a"), ("1. b", "1&#46; b"), ("x - y", "x - y"), ("-3 kg", "&#45;3 kg")])
def test_text_that_begins_like_a_list_item_is_escaped(value, shown):
    assert md_text(value) == shown


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>', "<iframe src=x></iframe>", "<svg onload=alert(1)>",
    '<p style="position:fixed">x</p>', '<p id="atlas-search-input">x</p>', "<form><input></form>",
])
def test_the_sanitiser_leaves_no_way_to_run_code(payload):
    out = clean(payload).lower()
    for bad in ("<script", "onerror", "onload", "javascript", "<iframe", "<svg", "style=", "atlas-search", "<form", "<input"):
        assert bad not in out, (payload, out)


def test_the_sanitiser_keeps_what_the_pages_need():
    html = ('<h2 id="cues">Cues<a class="headerlink" href="#cues" title="Permanent link">¶</a></h2>'
            '<p><sup class="cite">[<a class="cite__ref" href="#ref-x" aria-describedby="cite-1">1</a>]</sup></p>')
    assert clean(html) == html
