"""Fewer bytes on the wire: indentation out of the built HTML, comments out of the atlas's own
CSS and JavaScript.

Every first visit downloads a page, the atlas's style sheet and scripts, and the offline page;
Material's templates indent deeply, and the atlas's files explain themselves in comments. All
stay readable in the source; the built copies lose only what a browser ignores.
"""
from __future__ import annotations

import re
from pathlib import Path

# Text whose whitespace is content: left exactly as it is.
_VERBATIM = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S | re.I)
CSS_FILES = ("assets/atlas.css", "assets/atlas-tools.css", "assets/atlas-search.css")
JS_FILES = "assets/javascripts/atlas-*.js"  # the atlas's own scripts; Material's are minified already


def html(text: str) -> str:
    """Each line's indentation and blank lines removed, outside <pre> and <textarea>."""
    parts = _VERBATIM.split(text)
    for i in range(0, len(parts), 2):  # even parts are outside the verbatim blocks
        parts[i] = re.sub(r"\n[ \t]*(?:\n[ \t]*)*", "\n", parts[i])
    return "".join(parts)


def css(text: str) -> str:
    """Comments and runs of whitespace removed (the atlas's CSS has no strings holding either)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*([{};,>])\s*", r"\1", text).strip() + "\n"


def js(text: str) -> str:
    """Whole-line comments and indentation removed. The atlas's scripts have no template
    literals or multi-line strings, so no line's leading space is part of a value."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def site_assets(site: Path) -> None:
    """Shrink the atlas's own CSS and scripts in the built site, in place."""
    for path in [site / name for name in CSS_FILES] + sorted(site.glob(JS_FILES)):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(css(text) if path.suffix == ".css" else js(text), encoding="utf-8")
