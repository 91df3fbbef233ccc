"""Claims, the unit of evidence: a statement that cites its sources (`refs`) or, for
coaching advice no source gives, is marked as the atlas's own (`own: true`).
"""
from __future__ import annotations


def refs_in(value):
    """Every bibliography key under a `refs` key, in document order."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "refs" and isinstance(item, list):
                yield from (k for k in item if isinstance(k, str))
            else:
                yield from refs_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from refs_in(item)


def supported(value):
    """Every statement (a mapping with `refs` or `own: true`), as (path, mapping), in document order."""
    yield from _supported(value, ())


def _supported(value, path):
    if isinstance(value, dict):
        if "refs" in value or value.get("own") is True:
            yield path, value
        for key, item in value.items():
            if key != "refs":
                yield from _supported(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _supported(item, path + (i,))


def support_counts(value) -> tuple[int, int]:
    """(statements that cite a source, statements that are the atlas's own)."""
    statements = [item for _, item in supported(value)]
    own = sum(1 for item in statements if item.get("own") is True)
    return len(statements) - own, own
