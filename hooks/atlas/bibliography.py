"""references.bib: parse with pybtex, check every entry, format citations.

pybtex decodes LaTeX (accents, \\%, braces) and formats entries in the `unsrt`
style. Its HTML backend escapes text but not link targets, so `_SafeHtml` escapes
those too and links only https URLs.
"""
from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pybtex.errors
from pybtex.backends.html import Backend as HtmlBackend
from pybtex.backends.plaintext import Backend as TextBackend
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
from pybtex.style.template import FieldIsMissing

from .guard import files, limits
from .problems import Problems, did_you_mean
from .text import md_text

# The kinds of evidence a `design` field may name, and how pages label them.
DESIGNS = {
    "meta-analysis": "Meta-analysis",
    "systematic review": "Systematic review",
    "rct": "Randomised controlled trial",
    "controlled trial": "Controlled trial",
    "training study": "Training study",
    "cohort": "Cohort study",
    "cross-sectional": "Cross-sectional study",
    "laboratory": "Laboratory study",
    "case series": "Case series",
    "narrative review": "Narrative review",
    "commentary": "Commentary",
    "position stand": "Position stand",
    "textbook": "Textbook",
    "report": "Agency report",
    "preprint": "Preprint",
    "web article": "Web article",
}

# How strong each kind of evidence is, for the grades of answers (evidence/grades.py): a review
# of studies, a study that measured the outcome over time (training), an acute or observational
# study (one session, EMG, laboratory, cross-sectional), or opinion. A preprint is research not yet
# reviewed, ranked with the acute studies. Every kind but opinion is a study: citing it for a
# finding needs a pinpoint, and the atlas must have read it.
TIERS = {
    "meta-analysis": "review", "systematic review": "review",
    "rct": "training", "controlled trial": "training", "training study": "training", "cohort": "training",
    "cross-sectional": "acute", "laboratory": "acute", "case series": "acute", "preprint": "acute",
    "narrative review": "opinion", "commentary": "opinion", "position stand": "opinion", "textbook": "opinion",
    "report": "opinion", "web article": "opinion",
}
# What a review pools (`pools` in references.bib, required of every review): a review of acute
# studies (EMG, one session) is no surer than they are, so the grades rank it with them.
POOLS = {"training": "training studies", "acute": "acute studies"}
REVIEWS = ("meta-analysis", "systematic review")
# What the atlas read of a study (`read` in references.bib), and how pages say it.
READ = {"full text": "full text", "abstract": "abstract only"}

# Fields each supported entry type needs; a tuple means "one of these".
REQUIRED = {
    "article": ["author", "title", "journal", "year"],
    "book": [("author", "editor"), "title", "publisher", "year"],
    "incollection": ["author", "title", "booktitle", "publisher", "year"],
    "inbook": [("author", "editor"), "title", "chapter", "publisher", "year"],
    "techreport": ["author", "title", "institution", "year"],
    "misc": ["title", ("url", "doi", "howpublished")],  # web pages often carry no date
}
ALWAYS_REQUIRED = ["design"]

KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
DOI_RE = re.compile(r"^10\.\d{4,9}/[^\s\"<>{}]+$")
YEAR_RE = re.compile(r"^[12][0-9]{3}$")
URL_RE = re.compile(r"^https://[^\s\"<>{}\\^`|]+$")
_STRING_MACRO = re.compile(r"^[ \t]*@string[ \t]*[{(]", re.MULTILINE | re.IGNORECASE)
_ENTRY_START = re.compile(r"^[ \t]*@([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s{}()]*)", re.MULTILINE)


_LATEX_ESCAPE = re.compile(r"\\([$&%#_{}~^])")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*")


def _clean(text: str) -> str:
    """Drop what pybtex leaves of LaTeX markup it does not know (\\textit, \\em, \\$)."""
    return _LATEX_COMMAND.sub("", _LATEX_ESCAPE.sub(r"\1", text))


class _PlainText(TextBackend):
    def format_str(self, text):
        return _clean(text)


class _SafeHtml(HtmlBackend):
    """pybtex's HTML, made safe to place anywhere in a Markdown page."""

    symbols = {**HtmlBackend.symbols, "newblock": " "}

    def format_str(self, text):
        return md_text(_clean(text))  # escapes for Markdown as well as HTML, and stays on one line

    def format_protected(self, text):
        return text  # braces protect case in BibTeX; on a web page they mean nothing

    def format_href(self, url, text, external=False):
        if not URL_RE.match(url):
            return text
        return f'<a href="{html.escape(url, quote=True)}">{text}</a>'


@dataclass
class Bibliography:
    path: Path
    source: str = ""
    entries: dict = field(default_factory=dict)  # key -> pybtex Entry (exact case)
    positions: dict = field(default_factory=dict)  # key -> (line, col) of its @type{
    readable: bool = True  # False when the file could not be read whole: its keys are then not known
    _html: dict = field(default_factory=dict)
    _text: dict = field(default_factory=dict)
    _cited_as: dict = field(default_factory=dict)

    def __contains__(self, key) -> bool:
        return key in self.entries

    def keys(self):
        return self.entries.keys()

    def design(self, key) -> str:
        return DESIGNS.get(self.entries[key].fields.get("design", ""), "")

    def tier(self, key) -> str:
        """review, training, acute or opinion (see TIERS); opinion when the design is unknown."""
        return TIERS.get(self.entries[key].fields.get("design", ""), "opinion")

    def evidence(self, key) -> str:
        """The design as the grades weigh it: a review of acute studies says so ('systematic review of acute studies')."""
        fields = self.entries[key].fields
        design = fields.get("design", "")
        return f"{design} of acute studies" if design in REVIEWS and fields.get("pools") == "acute" else design

    def is_study(self, key) -> bool:
        """Research (a trial, a review, a laboratory study ...), not an article, book or opinion."""
        return key in self.entries and self.tier(key) != "opinion"

    def read(self, key) -> str:
        """What the atlas read of it: 'full text', 'abstract', or '' (nothing recorded)."""
        return self.entries[key].fields.get("read", "")

    def readurl(self, key) -> str:
        """The address of the copy the atlas read ('' when none is recorded)."""
        return self.entries[key].fields.get("readurl", "")

    def doi(self, key) -> str:
        return self.entries[key].fields.get("doi", "")

    def html(self, key) -> str:
        """The formatted reference as HTML (text escaped, only https links)."""
        if key not in self._html:
            self._format_all()
        return self._html[key]

    def text(self, key) -> str:
        """The formatted reference as plain text."""
        if key not in self._text:
            self._format_all()
        return self._text[key]

    def _who(self, key, both: str) -> str:
        """'Maeo', 'Maeo<both>Kanehisa', 'Maeo et al.', or the title's first four words when there is no author."""
        entry = self.entries[key]
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        named = [p for p in people if str(p) != "others"]  # BibTeX's "and others": more authors, unnamed
        names = [self.text_of(" ".join(p.prelast_names + p.last_names)) or self.text_of(str(p)) for p in named]
        if len(named) < len(people) and names:
            names += ["others", "others"]  # at least three: "First et al."
        words = self.text_of(entry.fields.get("title", key)).strip("[]").split()
        title = " ".join(words[:4]) + ("…" if len(words) > 4 else "")
        return (names[0] if len(names) == 1 else f"{names[0]}{both}{names[1]}" if len(names) == 2
                else f"{names[0]} et al." if names else title)

    def short(self, key) -> str:
        """'Maeo et al. 2021', 'Maeo and Kanehisa 2021': a citation a printed handout can carry where its
        numbered markers are left out."""
        return f"{self._who(key, ' and ')} {self.entries[key].fields.get('year', '')}".strip()

    def cited_as(self, key) -> str:
        """'Maeo (2021)', 'Maeo & Kanehisa (2021)', 'Maeo et al. (2021)': a study's name as a scientist
        cites it (its page's title). Sources that would read the same take a letter after the year
        (2017a, 2017b) in the order of their titles, across the whole bibliography."""
        if not self._cited_as:
            same = defaultdict(list)  # (who, year) -> keys
            for k, entry in self.entries.items():
                same[(self._who(k, " & "), entry.fields.get("year", "n.d."))].append(k)
            for (who, year), keys in same.items():
                keys.sort(key=lambda k: (self.title(k).lower(), k))
                for i, k in enumerate(keys):
                    self._cited_as[k] = f"{who} ({year}{_letter(i) if len(keys) > 1 else ''})"
        return self._cited_as[key]

    def title(self, key) -> str:
        return self.text_of(self.entries[key].fields.get("title", key))

    def sort_key(self, key):
        entry = self.entries[key]
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        first = " ".join(people[0].last_names) if people else entry.fields.get("title", "")
        return (self.text_of(first).lower(), entry.fields.get("year", ""), key)

    @staticmethod
    def text_of(latex: str) -> str:
        from pybtex.richtext import Text

        return Text.from_latex(latex).render(_PlainText())

    def field_pos(self, key, name) -> tuple[int, int]:
        """Line and column of `name = ...` inside entry `key` (else the entry's own)."""
        line, col = self.positions.get(key, (1, 1))
        lines = self.source.splitlines()
        pattern = re.compile(rf"\b{re.escape(name)}\s*=", re.IGNORECASE)
        for n in range(line - 1, len(lines)):
            if n > line - 1 and _ENTRY_START.match(lines[n]):
                break
            found = pattern.search(lines[n])
            if found:
                return (n + 1, found.start() + 1)
        return (line, col)

    def _format_all(self):
        style = find_plugin("pybtex.style.formatting", "unsrt")()
        html_backend, text_backend = _SafeHtml(), _PlainText()
        for key, entry in self.entries.items():
            try:
                formatted = style.format_entry(key, entry)
            except FieldIsMissing:  # check() reports these; keep rendering robust anyway
                self._html[key] = self._text[key] = html.escape(key)
                continue
            self._html[key] = formatted.text.render(html_backend)
            self._text[key] = formatted.text.render(text_backend)


def _letter(n: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa': the letter after the year of the n-th source that reads the same."""
    return (_letter(n // 26 - 1) if n >= 26 else "") + chr(ord("a") + n % 26)


def load(path: Path, problems: Problems) -> Bibliography:
    bib = Bibliography(path=path)
    if not path.exists():
        problems.add(path, 1, 1, "A109", name="references.bib")
        return bib
    bib.readable = False  # until it has been read whole
    if files.refuse_link(path, problems):
        return bib
    size = path.lstat().st_size
    if size > limits.BIB_BYTES:
        problems.add(path, 1, 1, "A512", size=size, limit=limits.BIB_BYTES)
        return bib
    text = files.decode(path, path.read_bytes(), problems)
    if text is None:
        return bib
    bib.source = text
    macro = _STRING_MACRO.search(text)
    if macro:  # a macro can double itself into megabytes before any field could be measured
        problems.add(path, *_position(text, macro.start()), "A514")
        return bib
    _find_entries(bib, problems)
    with pybtex.errors.capture() as errors:
        try:
            data = parse_string(bib.source, "bibtex")
        except Exception as error:  # pybtex raises plain errors for some malformed input
            problems.add(path, getattr(error, "lineno", None) or 1, 1, "A501", detail=str(error))
            return bib
    broken_lines = []
    for error in errors:
        if "repeated bibliography entry" in str(error):
            continue  # reported by _find_entries as A505, with both lines
        line = getattr(error, "lineno", None) or 1
        broken_lines.append(line)
        if len(broken_lines) == 1:  # the first cause only: what follows a syntax error is its echo
            problems.add(path, line, 1, "A501", detail=re.sub(r"^syntax error in line \d+: ", "", str(error)))
    bib.readable = not broken_lines
    if broken_lines:
        return bib  # entries around a syntax error are cut short: checking them would only echo it
    exact_case = {key.lower(): key for key in bib.positions}
    for key, entry in data.entries.items():
        bib.entries[exact_case.get(key.lower(), key)] = entry
    _check_entries(bib, problems)
    return bib


def _find_entries(bib: Bibliography, problems: Problems) -> None:
    """Where each entry starts (pybtex keeps no positions), and keys used twice."""
    first_line = {}
    for match in _ENTRY_START.finditer(bib.source):
        kind, key = match.group(1).lower(), match.group(2)
        if kind in ("comment", "preamble", "string"):
            continue
        line = bib.source.count("\n", 0, match.start()) + 1
        col = match.start(2) - (bib.source.rfind("\n", 0, match.start(2)) + 1) + 1
        if key in first_line:
            problems.add(bib.path, line, col, "A505", key=key, first=first_line[key])
            continue
        first_line[key] = line
        bib.positions[key] = (line, col)


def _position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _check_entries(bib: Bibliography, problems: Problems) -> None:
    seen_doi = {}  # DOI (lower case) -> key of the first entry that has it
    for key, entry in bib.entries.items():
        line, col = bib.positions.get(key, (1, 1))
        if not KEY_RE.match(key):
            problems.add(bib.path, line, col, "A510", key=key)
        if entry.type not in REQUIRED:
            problems.add(bib.path, line, 1, "A507", key=key, type=entry.type,
                         types=", ".join("@" + t for t in REQUIRED), suggestion=did_you_mean(entry.type, REQUIRED))
            continue
        _check_required(bib, key, entry, line, problems)
        _check_fields(bib, key, entry, problems)
        _check_doi(bib, key, entry, seen_doi, problems)


def _check_required(bib, key, entry, line, problems) -> None:
    fields = {name.lower() for name in entry.fields} | {role.lower() for role in entry.persons}
    for need in REQUIRED[entry.type] + ALWAYS_REQUIRED:
        options = need if isinstance(need, tuple) else (need,)
        if not fields.intersection(options):
            problems.add(bib.path, line, 1, "A502", key=key, type=entry.type, fields=" or ".join(options))


def _check_fields(bib, key, entry, problems) -> None:
    for name, value in entry.fields.items():
        if len(value) > limits.BIB_FIELD_CHARS:
            problems.add(bib.path, *bib.field_pos(key, name), "A513", field=name, key=key, size=len(value),
                         limit=limits.BIB_FIELD_CHARS)
    design = entry.fields.get("design")
    if design is not None and design not in DESIGNS:
        problems.add(bib.path, *bib.field_pos(key, "design"), "A506", design=design, key=key,
                     suggestion=did_you_mean(design, DESIGNS))
    year = entry.fields.get("year")
    if year is not None and not YEAR_RE.match(year):
        problems.add(bib.path, *bib.field_pos(key, "year"), "A511", year=year, key=key)
    url = entry.fields.get("url")
    if url is not None and not URL_RE.match(url):
        problems.add(bib.path, *bib.field_pos(key, "url"), "A508", key=key)
    pools = entry.fields.get("pools")
    if design in REVIEWS and pools is None:
        problems.add(bib.path, *bib.field_pos(key, "design"), "A502", key=key, type=entry.type,
                     fields="pools (training or acute: the kind of studies the review pools)")
    elif pools is not None and (design not in REVIEWS or pools not in POOLS):
        problems.add(bib.path, *bib.field_pos(key, "pools"), "A204", value=pools, where=f"pools of '{key}'",
                     suggestion=did_you_mean(pools, POOLS) if design in REVIEWS else " (only a review pools studies: remove the field)",
                     options=", ".join(POOLS))
    # what the atlas read: `read` and `readurl` go together (the host of the copy is checked
    # against data/copy-hosts.yaml once the data is loaded, in evidence/checks.py)
    read = entry.fields.get("read")
    if read is not None and read not in READ:
        problems.add(bib.path, *bib.field_pos(key, "read"), "A204", value=read, where=f"read of '{key}'",
                     suggestion=did_you_mean(read, READ), options=", ".join(READ))
    for have, need in (("read", "readurl"), ("readurl", "read")):
        if have in entry.fields and need not in entry.fields:
            problems.add(bib.path, *bib.field_pos(key, have), "A502", key=key, type=entry.type, fields=need)


def _check_doi(bib, key, entry, seen_doi, problems) -> None:
    doi = entry.fields.get("doi")
    if doi is None:
        return
    if not DOI_RE.match(doi):
        hint = "write it without https://doi.org/" if "doi.org" in doi else "a DOI looks like 10.1234/abc.5678"
        problems.add(bib.path, *bib.field_pos(key, "doi"), "A503", doi=doi, key=key, hint=hint)
    elif doi.lower() in seen_doi:
        problems.add(bib.path, *bib.field_pos(key, "doi"), "A504", key=key, other=seen_doi[doi.lower()])
    else:
        seen_doi[doi.lower()] = key
