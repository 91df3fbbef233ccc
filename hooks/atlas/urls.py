"""The URL scheme, in one place: ids are file names, and file names are URLs.

Pages live in the docs tree as `<folder>/<id>.md` and are published, with
directory URLs, at `/<folder>/<id>/`. A published URL never changes.
"""
from __future__ import annotations

import posixpath
import re

from .kinds import BY_NAME

REFERENCES_URI = "references/index.md"  # the bibliography is the index of the study pages
GLOSSARY_URI = "glossary.md"
DATA_REFERENCE_URI = "data-reference.md"
CONTRIBUTING_URI = "contributing.md"
BUILDER_URI = "builder.md"


def src_uri(kind: str, entity_id: str) -> str:
    return f"{BY_NAME[kind].url}/{entity_id}.md"


def index_uri(kind: str) -> str:
    return f"{BY_NAME[kind].url}/index.md"


def page_url(src: str) -> str:
    """Site-relative URL of a page: 'exercises/rdl/', and '' for the home page."""
    stem = src[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_md(from_src: str, to_src: str) -> str:
    """A Markdown link target from one page to another (MkDocs validates these)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def relative_url(from_src: str, to_src: str) -> str:
    """An HTML link target between two pages, for links inside raw HTML."""
    here, there = page_url(from_src).rstrip("/"), page_url(to_src).rstrip("/")
    rel = posixpath.relpath(there or ".", here or ".")
    return "./" if rel == "." else rel + "/"


# Section anchors every exercise page has, whatever its data: coaches link to them.
EXERCISE_ANCHORS = ("muscles", "technique", "cues", "mistakes", "programming", "variations", "evidence", "references")


def slug(text: str) -> str:
    """'Barbell RDL' -> 'barbell-rdl': the URL an alias redirects from."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
