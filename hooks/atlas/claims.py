"""Claims, the unit of evidence: a statement that cites its sources (`refs`) or, for
coaching advice no source gives, is marked as the atlas's own (`own: true`).

An item of `refs` is a BibTeX key, or `{key, at}`: the key with a pinpoint, the place in
the source where the statement stands (`Results, Table 2`; `Abstract`). A question's
`against` lists the sources that disagree with its answer, in the same form.
"""
from __future__ import annotations

REF_LISTS = ("refs", "against")  # the keys whose lists cite sources


def ref_key(item) -> str | None:
    """The BibTeX key of one `refs` item (a key, or a mapping with `key`)."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and isinstance(item.get("key"), str):
        return item["key"]
    return None


def ref_at(item) -> str | None:
    """The pinpoint of one `refs` item, or None."""
    at = item.get("at") if isinstance(item, dict) else None
    return at if isinstance(at, str) else None


def refs_in(value):
    """Every bibliography key under a `refs` (or `against`) key, in document order."""
    for _path, item in citations_in(value):
        key = ref_key(item)
        if key is not None:
            yield key


def citations_in(value, path=()):
    """Every item of every `refs` and `against` list, as (path of the item, item), in document order."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in REF_LISTS and isinstance(item, list):
                for i, ref in enumerate(item):
                    yield path + (key, i), ref
            else:
                yield from citations_in(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from citations_in(item, path + (i,))


def supported(value):
    """Every statement (a mapping with `refs` or `own: true`), as (path, mapping), in document order."""
    yield from _supported(value, ())


def _supported(value, path):
    if isinstance(value, dict):
        if "refs" in value or value.get("own") is True:
            yield path, value
        for key, item in value.items():
            if key not in REF_LISTS:
                yield from _supported(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _supported(item, path + (i,))


def support_counts(value) -> tuple[int, int]:
    """(statements that cite a source, statements that are the atlas's own)."""
    statements = [item for _, item in supported(value)]
    own = sum(1 for item in statements if item.get("own") is True)
    return len(statements) - own, own
