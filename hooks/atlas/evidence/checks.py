"""The rules of evidence (A901-A907), run once the data is valid.

- A study (a research design, see bibliography.TIERS) cited for a finding carries a pinpoint
  (A901); a pinpoint needs a study the atlas read (`read` in references.bib, A902), and
  goes no further than what was read: a study read as an abstract is pinpointed to its
  Abstract (A903). The same holds for the `at` of a study file's results.
- `readurl`, the copy read, is https and on a trusted host of data/copy-hosts.yaml (A904).
- A pinpointed study has a study file (A905); a study file describes a study (A906).
- Every exercise cites a study with a pinpoint (on its page or in a question shown there),
  or records what was searched in `research` (A907).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from ..bibliography import URL_RE
from ..claims import citations_in, ref_at, ref_key
from ..problems import Problems

ABSTRACT = "Abstract"  # the pinpoint of everything read as an abstract: `Abstract`, or `Abstract, <part>`


def within_abstract(at: str) -> bool:
    head = at.strip()
    return head == ABSTRACT or head.startswith(ABSTRACT + ",")


def check(atlas, found, problems: Problems) -> None:
    bib = atlas.bib
    pinpointed = set()  # study keys cited with a pinpoint
    for doc in [*found.docs.values(), *found.lists.values()]:
        _check_citations(atlas, doc, problems, pinpointed)
    for page in atlas.content:
        for c in page.citations:
            if not bib.is_study(c.key):
                continue
            if c.at is None:
                problems.add(page.path, c.line, c.col, "A901",
                             where=f"citation '@{c.key}'", design=bib.design(c.key).lower(), key=c.key)
            else:
                pinpointed.add(c.key)
                _check_pinpoint(bib, c.key, c.at, page.path, (c.line, c.col), f"citation '@{c.key}'", problems)
    for sid, study in atlas.entities["study"].items():
        doc, _ = atlas.positions[("study", sid)]
        if not bib.is_study(sid):
            problems.add(doc.path, *doc.pos(("id",)), "A906", key=sid,
                         design=bib.design(sid).lower() or "source without a design")
            continue
        for i, result in enumerate(study["results"]):
            _check_pinpoint(bib, sid, result["at"], doc.path, doc.pos(("results", i, "at")), f"result {i + 1}", problems)
    for key in sorted(pinpointed - set(atlas.entities["study"])):
        problems.add(bib.path, *bib.positions.get(key, (1, 1)), "A905", key=key)
    _check_copies(atlas, problems)
    _check_coverage(atlas, problems)


def _describe(path) -> str:
    """('evidence', 1) -> 'evidence item 2'; () -> 'the answer'."""
    words = [f"item {p + 1}" if isinstance(p, int) else p for p in path]
    return " ".join(words) if words else "the answer"


def _check_citations(atlas, doc, problems, pinpointed) -> None:
    bib = atlas.bib
    seen = {}  # (path of the list, key) -> first item
    for path, ref in citations_in(doc.data):
        key = ref_key(ref)
        if key not in bib:
            continue  # unknown keys are A402
        statement = path[:-2]
        where = _describe(statement) + (" (against)" if path[-2] == "against" else "")
        if (path[:-1], key) in seen:
            problems.add(doc.path, *doc.pos(path), "A209", where=f"'{path[-2]}' of {_describe(statement)}")
        seen.setdefault((path[:-1], key), path)
        if not bib.is_study(key):
            continue
        at = ref_at(ref)
        if at is None:
            problems.add(doc.path, *doc.pos(path), "A901", where=where, design=bib.design(key).lower(), key=key)
            continue
        pinpointed.add(key)
        _check_pinpoint(bib, key, at, doc.path, doc.pos(path + ("at",)), where, problems)


def _check_pinpoint(bib, key, at, file, position, where, problems) -> None:
    read = bib.read(key)
    if not read:
        problems.add(file, *position, "A902", where=where, key=key)
    elif read == "abstract" and not within_abstract(at):
        problems.add(file, *position, "A903", where=where, key=key, at=at)


def host_of(url: str, hosts: dict):
    """The copy-host entry whose domain is the longest suffix of the URL's host, or None."""
    name = (urlsplit(url).hostname or "").lower()
    best, best_len = None, -1
    for item in hosts.values():
        for domain in item["domains"]:
            if (name == domain or name.endswith("." + domain)) and len(domain) > best_len:
                best, best_len = item, len(domain)
    return best


def _check_copies(atlas, problems) -> None:
    bib, hosts = atlas.bib, atlas.entities["copy-host"]
    for key in bib.keys():
        url = bib.readurl(key)
        if not url:
            continue
        host = host_of(url, hosts) if URL_RE.match(url) else None
        name = (urlsplit(url).hostname or "") if URL_RE.match(url) else ""
        if not URL_RE.match(url):
            reason = "is not a plain https:// address"
        elif host is None:
            reason = f"is on '{name}', which data/copy-hosts.yaml does not list as a publisher, repository or institution"
        elif host["kind"] == "mirror":
            reason = f"is on {host['name']} ({name}), a third-party mirror"
        else:
            continue
        problems.add(bib.path, *bib.field_pos(key, "readurl"), "A904", key=key, reason=reason)


def _has_pinpointed_study(bib, value) -> bool:
    return any(bib.is_study(ref_key(ref)) and ref_at(ref) for _, ref in citations_in(value))


def _check_coverage(atlas, problems) -> None:
    bib = atlas.bib
    asked = {}  # exercise id -> questions shown on its page
    for question in atlas.entities["question"].values():
        for eid in question.get("exercises", []):
            asked.setdefault(eid, []).append(question)
    for eid, exercise in atlas.entities["exercise"].items():
        if "research" in exercise or _has_pinpointed_study(bib, exercise):
            continue
        if any(_has_pinpointed_study(bib, q) for q in asked.get(eid, [])):
            continue
        doc, _ = atlas.positions[("exercise", eid)]
        problems.add(doc.path, *doc.pos(("id",)), "A907", id=eid)
