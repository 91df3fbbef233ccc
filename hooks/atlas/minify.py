"""Fewer bytes on the wire: indentation out of the built HTML, comments out of the atlas's own
CSS and JavaScript, and Material's rules for components the site never uses.

Every first visit downloads a page, the atlas's style sheet and scripts, and the offline page;
Material's templates indent deeply, and the atlas's files explain themselves in comments. All
stay readable in the source; the built copies lose only what a browser ignores. Material's
style sheet styles every component it has (tabs, code copying, annotations, its own search,
twelve admonition icons as inline SVG): a third of the first visit's CSS matched nothing here.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

# Text whose whitespace is content: left exactly as it is.
_VERBATIM = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S | re.I)
CSS_FILES = ("assets/atlas.css", "assets/atlas-tools.css", "assets/atlas-search.css")
JS_FILES = "assets/javascripts/atlas-*.js"  # the atlas's own scripts; Material's are minified already
MATERIAL_CSS = "assets/stylesheets/*.min.css"  # its styles and its colour palettes


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


# --- Material's style sheet, without what nothing in the site can match ---------------------------

_ATTRIBUTE = re.compile(r"""\s([\w:-]+)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
_NAME = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
_EQUALS = re.compile(r"""\[[\w-]+=(["']?)([\w-]+)\1\]""")  # [data-md-color-primary=pink]
_VAR_DECL = re.compile(r"(?<=[{;])(--[\w-]+):(?:[^;{}\"']|\"[^\"]*\"|'[^']*')*(?:;|(?=\}))")


def _blocks(text: str) -> list[tuple[str, str | None]]:
    """The top-level statements of CSS: (prelude, body) for a block, (statement, None) otherwise."""
    out, depth, start, i, prelude, body_at = [], 0, 0, 0, "", 0
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = text.index(c, i + 1)
        elif c == "{":
            if depth == 0:
                prelude, body_at = text[start:i], i + 1
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                out.append((prelude, text[body_at:i]))
                start = i + 1
        elif c == ";" and depth == 0:
            out.append((text[start:i], None))
            start = i + 1
        i += 1
    return out


def _selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for c in prelude:
        depth += (c in "([") - (c in ")]")
        if c == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += c
    return [*parts, current]


class Seen(NamedTuple):
    """What the built site can put in front of a style sheet."""
    names: set[str]  # classes and ids of the pages, and every word of the scripts
    values: set[str]  # the words of every attribute value of the pages, and every word of the scripts
    prefixes: tuple[str, ...]  # what the scripts build names from: `md-source__fact--${kind}`


def _can_match(selector: str, seen: Seen) -> bool:
    """False only when a class, an id or an attribute's exact value the selector requires is in
    no page and no script. What is inside parentheses (:not(.x), :is(.x, .y)) rules nothing out."""
    while True:  # innermost parentheses first, so nested ones go too
        bare = re.sub(r"\([^()]*\)", "", selector)
        if bare == selector:
            break
        selector = bare
    if any(value not in seen.values for _, value in _EQUALS.findall(selector)):
        return False
    selector = re.sub(r"\[[^\]]*\]", "", selector)
    return all(name in seen.names or name.startswith(seen.prefixes) for name in _NAME.findall(selector))


def _purge(text: str, seen: Seen) -> str:
    out = []
    for prelude, body in _blocks(text):
        head = prelude.strip()
        if body is None:
            out.append(prelude + ";")
        elif head.startswith(("@media", "@supports", "@layer", "@container")):
            inner = _purge(body, seen)
            if inner:
                out.append(prelude + "{" + inner + "}")
        elif head.startswith("@"):  # @keyframes, @font-face, @page: kept whole
            out.append(prelude + "{" + body + "}")
        else:
            kept = [s for s in _selectors(prelude) if _can_match(s, seen)]
            if kept:
                out.append(",".join(kept) + "{" + body + "}")
    return "".join(out)


def material_css(site: Path) -> None:
    """Material's rules whose selectors need a class, an id or an attribute value (a colour palette
    the site does not use) that no built page and no script in the site has, and then the custom
    properties nothing uses any more (most of them icons as inline SVG), out of its style sheets.
    Scripts count whole: a class they build from a prefix (`md-tag--` + a name) keeps every class
    with that prefix. Pages and scripts are read in full, so whatever the site can show keeps its styles."""
    sheets = sorted(site.glob(MATERIAL_CSS))
    if not sheets:
        return
    names: set[str] = set()
    values: set[str] = set()
    prefixes: set[str] = set()
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".js") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".js":  # `md-source__fact--${kind}`, "md-tag--" + name
            words = set(re.findall(r"[\w-]+", text))
            names |= words
            values |= words
            prefixes.update(p for p in re.findall(r"([\w-]+)(?:\$\{|[\"'`]\s*\+)", text) if len(p) > 3)
            continue
        every, named = [], []  # attribute values, then one word scan per page (not one per attribute)
        for attribute, *value in _ATTRIBUTE.findall(text):
            every.append("".join(value))
            if attribute.lower() in ("class", "id"):
                named.append(every[-1])
        values.update(re.findall(r"[\w-]+", " ".join(every)))
        names.update(re.findall(r"[\w-]+", " ".join(named)))
    seen = Seen(names, values, tuple(sorted(prefixes)))
    kept = {path: _purge(path.read_text(encoding="utf-8"), seen) for path in sheets}
    others = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css") if p not in kept)
    used = set(re.findall(r"var\((--[\w-]+)", "".join(kept.values()) + others)) | {w for w in names | values if w.startswith("--")}
    for path, text in kept.items():
        path.write_text(_VAR_DECL.sub(lambda m: m.group(0) if m.group(1) in used else "", text), encoding="utf-8")


def site_assets(site: Path) -> None:
    """Shrink the atlas's own CSS and scripts and Material's style sheet in the built site, in place."""
    for path in [site / name for name in CSS_FILES] + sorted(site.glob(JS_FILES)):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(css(text) if path.suffix == ".css" else js(text), encoding="utf-8")
    material_css(site)
