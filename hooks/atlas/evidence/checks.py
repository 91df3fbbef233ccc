"""The rules of evidence (A901-A908), run once the data is valid.

- A study (a research design, see bibliography.TIERS) cited for a finding carries a pinpoint
  (A901); a pinpoint needs a study the atlas read (`read` in references.bib, A902), and
  goes no further than what was read: a study read as an abstract is pinpointed to its
  Abstract (A903). The same holds for the `at` of a study file's results.
- `readurl`, the copy read, is https and on a trusted host of data/copy-hosts.yaml (A904).
- A pinpointed study has a study file (A905); a study file describes a study (A906).
- Every exercise cites a study with a pinpoint (on its page or in a question shown there),
  or records what was searched in `research` (A907).
- data/evidence-allowlist.yaml lists A901 and A907 problems known before these rules; they are
  not reported. An entry that no longer matches a problem fails (A908), so the list only shrinks.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .. import yamlsource
from ..bibliography import URL_RE
from ..claims import citations_in, ref_at, ref_key
from ..problems import Problems
from ..schema import SchemaChecker

ALLOWLIST = "data/evidence-allowlist.yaml"
ABSTRACT = "Abstract"  # the pinpoint of everything read as an abstract: `Abstract`, or `Abstract, <part>`


def within_abstract(at: str) -> bool:
    head = at.strip()
    return head == ABSTRACT or head.startswith(ABSTRACT + ",")


@dataclass
class _Tolerable:
    """An A901 or A907 problem, held until the allowlist has been consulted."""

    file: object  # a path
    line: int
    col: int
    code: str
    key: str | None
    fields: dict


def check(atlas, found, problems: Problems) -> None:
    bib = atlas.bib
    tolerable: list[_Tolerable] = []
    pinpointed = set()  # study keys cited with a pinpoint
    for doc in [*found.docs.values(), *found.lists.values()]:
        _check_citations(atlas, doc, problems, tolerable, pinpointed)
    for page in atlas.content:
        for c in page.citations:
            if not bib.is_study(c.key):
                continue
            if c.at is None:
                tolerable.append(_Tolerable(page.path, c.line, c.col, "A901", c.key, dict(
                    where=f"citation '@{c.key}'", design=bib.design(c.key).lower(), key=c.key)))
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
    _check_coverage(atlas, tolerable)
    _report(atlas, found, tolerable, problems)


def _describe(path) -> str:
    """('evidence', 1) -> 'evidence item 2'; () -> 'the answer'."""
    words = [f"item {p + 1}" if isinstance(p, int) else p for p in path]
    return " ".join(words) if words else "the answer"


def _check_citations(atlas, doc, problems, tolerable, pinpointed) -> None:
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
            tolerable.append(_Tolerable(doc.path, *doc.pos(path), "A901", key, dict(
                where=where, design=bib.design(key).lower(), key=key)))
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


def _check_coverage(atlas, tolerable) -> None:
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
        tolerable.append(_Tolerable(doc.path, *doc.pos(("id",)), "A907", None, dict(id=eid)))


def _report(atlas, found, tolerable, problems) -> None:
    """Report what the allowlist does not tolerate, and every allowlist entry that tolerates nothing."""
    entries, doc = _allowlist(atlas, found, problems)
    used = [False] * len(entries)
    for item in tolerable:
        file = problems.display(item.file)
        match = [i for i, e in enumerate(entries)
                 if e["file"] == file and e["code"] == item.code and e.get("key") == item.key]
        for i in match:
            used[i] = True
        if not match:
            problems.add(item.file, item.line, item.col, item.code, **item.fields)
    for i, entry in enumerate(entries):
        if not used[i]:
            what = f"{entry['code']} in {entry['file']}" + (f" for '{entry['key']}'" if "key" in entry else "")
            problems.add(doc.path, *doc.pos((i,)), "A908", what=what)


def _allowlist(atlas, found, problems):
    path = atlas.root / ALLOWLIST
    if not path.exists():
        return [], None
    doc = yamlsource.load(path, problems)
    if doc is None or doc.data is None:
        return [], doc
    if not SchemaChecker(found.known).check(doc, "evidence-allowlist", problems):
        return [], doc
    return doc.data, doc


def allowlist_of_gaps(root) -> str:
    """An allowlist (YAML) holding exactly the A901 and A907 problems of the project at `root` now,
    ignoring its own allowlist. Only for copies of the project made by tests and benchmarks (a renamed
    file, synthetic exercises): the project's own list is never regenerated, it only shrinks."""
    from .. import model
    from ..problems import CODES

    path = root / ALLOWLIST
    kept = path.read_bytes() if path.exists() else None
    path.unlink(missing_ok=True)
    try:
        _, problems = model.load(root)
    finally:
        if kept is not None:
            path.write_bytes(kept)
    entries = []
    for p in problems:
        if p.code in ("A901", "A907"):
            key = CODES["A901"].pattern().match(p.message).group(3) if p.code == "A901" else None
            entry = f"- file: {p.file}\n  code: {p.code}\n" + (f"  key: {key}\n" if key else "")
            if entry not in entries:
                entries.append(entry)
    return "".join(entries) or "[]\n"
