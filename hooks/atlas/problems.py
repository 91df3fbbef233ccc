"""Problems found in the data, reported compiler-style: `file:line:col: CODE message`.

Every check in the core appends `Problem`s instead of raising, so one run reports
everything that is wrong at once. `CODES` is the single list of error codes; the
contributor guide and the fixture tests are built from it.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

CODES = {
    # the file itself
    "A101": "file is not valid UTF-8",
    "A102": "file is empty",
    "A103": "YAML syntax error",
    "A104": "tab used for indentation",
    "A105": "duplicate key in a mapping",
    "A106": "YAML anchors, aliases and tags are not allowed",
    "A107": "file is too large or nested too deeply",
    "A108": "unexpected file in data/",
    # shape (JSON Schema)
    "A201": "unknown key",
    "A202": "missing required key",
    "A203": "wrong type",
    "A204": "value not allowed",
    "A205": "invalid value",
    "A206": "placeholder not filled in",
    # identity
    "A301": "id does not match the file name",
    "A302": "duplicate id",
    "A303": "file name is not a valid id",
    # references between things
    "A401": "unknown id",
    "A402": "unknown reference key",
    "A403": "claim without references",
    "A404": "unknown citation in a page",
    "A405": "unknown entity link in a page",
    # the bibliography
    "A501": "BibTeX syntax error",
    "A502": "BibTeX entry is missing a required field",
    "A503": "malformed DOI",
    "A504": "two entries share a DOI",
    "A505": "duplicate BibTeX key",
    "A506": "unknown kind of evidence in `design`",
    "A507": "unsupported BibTeX entry type",
    "A508": "URL is not https",
    "A509": "reference is never cited",
    "A510": "BibTeX key is not a valid key",
    # links that must never break
    "A601": "a published URL no longer resolves",
}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.code} {self.message}"


class Problems(list):
    """A list of Problem with a helper that keeps call sites short."""

    def __init__(self, root: Path | None = None):
        super().__init__()
        self.root = root

    def add(self, file, line: int, col: int, code: str, message: str) -> None:
        assert code in CODES, code
        self.append(Problem(self.display(file), max(line, 1), max(col, 1), code, message))

    def display(self, file) -> str:
        path = Path(file)
        if self.root is not None:
            try:
                return path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def report(self) -> str:
        return "\n".join(str(p) for p in sorted(set(self)))


def did_you_mean(value, candidates) -> str:
    """' (did you mean 'x'?)' for the closest candidate, or '' when none is close."""
    if not isinstance(value, str):
        return ""
    lowered = {c.lower(): c for c in candidates}
    if value.lower() in lowered:
        return f" (did you mean '{lowered[value.lower()]}'?)"
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
