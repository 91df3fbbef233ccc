"""A hand-written page's front matter: a mapping of known keys, read as safely as data.

MkDocs and the theme print `title` and `description` into `<title>`, the meta description
and the navigation without escaping, so the adapter hands them on escaped (`page_meta`);
here they are only read and checked. `template` must name a template of the theme overrides,
or the build would stop.
"""
from __future__ import annotations

import html
import math
import re
from pathlib import Path

from ..problems import Problems, did_you_mean

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
HIDE = ("navigation", "toc", "footer", "path")
ALLOWED = "title and description (text), template (a theme template), search: {boost: 0 to 10}, hide (a list of " \
          + ", ".join(HIDE) + ")"


def split(text: str) -> tuple[str, str]:
    """(front matter including its --- lines, the rest)."""
    found = FRONT_MATTER.match(text)
    return (found.group(0), text[found.end():]) if found else ("", text)


def read(path: Path, text: str, templates: list[str], problems: Problems) -> dict:
    """The page's front matter as a dict of checked values ({} when it has none or it is broken)."""
    from .. import yamlsource  # yamlsource imports guard.limits; import here to keep the order simple

    head, _ = split(text)
    if not head or not head.strip("-\n \t"):
        return {}
    before = len(problems)
    doc = yamlsource.load_text(path, "\n" + FRONT_MATTER.match(text).group(1), problems)
    if doc is None or len(problems) != before:
        return {}
    if not isinstance(doc.data, dict):
        problems.add(path, 2, 1, "A118", problem="is not a mapping of keys to values", allowed=ALLOWED)
        return {}
    meta = {}
    for key, value in doc.data.items():
        where = doc.pos((key,), key=True)
        wrong = _wrong(key, value)
        if wrong:
            problems.add(path, *where, "A118", problem=wrong, allowed=ALLOWED)
        elif key == "template" and value not in templates:
            problems.add(path, *doc.pos((key,)), "A120", name=value, suggestion=did_you_mean(value, templates),
                         options=", ".join(templates))
        else:
            meta[key] = value
    return meta


def _wrong(key, value) -> str:
    if key in ("title", "description", "template"):
        ok = isinstance(value, str) and value.strip()
        return "" if ok else f"'{key}' must be non-empty text"
    if key == "search":
        boost = value.get("boost") if isinstance(value, dict) else None
        ok = isinstance(value, dict) and set(value) == {"boost"} and isinstance(boost, int | float) \
            and not isinstance(boost, bool) and math.isfinite(boost) and 0 <= boost <= 10
        return "" if ok else "'search' must be {boost: a number from 0 to 10}"
    if key == "hide":
        ok = isinstance(value, list) and all(item in HIDE for item in value)
        return "" if ok else "'hide' must be a list of " + ", ".join(HIDE)
    return f"has an unknown key '{key}'"


def page_meta(meta: dict, title: str) -> dict:
    """What the adapter puts into MkDocs' page.meta: the checked keys, text escaped for HTML."""
    escaped = {**meta, "title": html.escape(title, quote=True)}
    if "description" in meta:
        escaped["description"] = html.escape(" ".join(meta["description"].split()), quote=True)
    return escaped
