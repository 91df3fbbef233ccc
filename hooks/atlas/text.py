"""Turning untrusted text into something Markdown and HTML will only ever display.

Every character that Markdown or HTML could read as syntax becomes a numeric
character reference, which both render as the character itself. Whitespace runs
(newlines included) collapse to one space, so a string can never start a block; and a
string that begins like a list item (`- `, `1. `) has that mark escaped too, because a
template may place it at the start of a line.
"""
from __future__ import annotations

import re

from markupsafe import Markup

_SYNTAX = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'`*_{}[]()#+!|~^=:$@\\"})
_TITLE_UNSAFE = re.compile(r"[<>{}\[\]`\"\\|]|&(?=[A-Za-z#])")


_WHITESPACE = re.compile(r"\s+")
_LIST_MARK = re.compile(r"^( ?)(?:-|(\d{1,9})\.)")


def _list_mark(match) -> str:
    return match.group(1) + (f"{match.group(2)}&#46;" if match.group(2) else "&#45;")


def md_text(value) -> Markup:
    """Plain text made inert for Markdown and HTML, on one line (edge spaces kept: ", " stays ", ")."""
    return Markup(_LIST_MARK.sub(_list_mark, _WHITESPACE.sub(" ", str(value)).translate(_SYNTAX), count=1))


def plain_title(name: str) -> str:
    """A page title for front matter. Themes print titles unescaped, so drop what HTML reads."""
    return _TITLE_UNSAFE.sub("", " ".join(name.split()))
