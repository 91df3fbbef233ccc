"""Problems found in the data, reported compiler-style: `file:line:col: CODE message`.

Every check in the core appends a `Problem` instead of raising, so one run reports
everything that is wrong at once. `CODES` is the single list of error codes: one code
is one kind of mistake, and its message comes from the code's one template, so each
code has exactly one message shape. The contributor guide and the fixture tests are
checked against this list.
"""
from __future__ import annotations

import difflib
import os
import re
import string
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Code:
    title: str  # the kind of mistake, as CONTRIBUTING.md lists it
    template: str  # the message, with {fields}
    warning: bool = False  # reported, but the data still builds

    def fields(self) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(self.template) if name}

    def pattern(self) -> re.Pattern:
        """A regular expression every message of this code matches."""
        parts = re.split(r"\{[a-z_]+\}", self.template)
        return re.compile("^" + "(.*)".join(re.escape(p) for p in parts) + "$", re.DOTALL)


CODES = {
    # the file itself
    "A101": Code("file is not valid UTF-8", "byte 0x{byte} is not UTF-8; save the file as UTF-8"),
    "A102": Code("file is empty", "file is empty; see CONTRIBUTING.md for what this file should hold"),
    "A103": Code("YAML syntax error", "YAML cannot read this: {detail}"),
    "A104": Code("tab used for indentation", "tab used for indentation; indent with spaces"),
    "A105": Code("duplicate key in a mapping", "duplicate key '{key}' (first defined on line {first}); keep one"),
    "A106": Code("YAML anchors and aliases are not allowed",
                 "anchors and aliases (&name, *name) are not allowed; write the value out"),
    "A107": Code("file is too large", "file is {size} bytes; the limit is {limit}"),
    "A108": Code("unexpected file in data/", "'{name}' is not a .yaml file; data files end in .yaml"),
    "A109": Code("a required file is missing", "{name} is missing; every project has one (see CONTRIBUTING.md)"),
    "A110": Code("YAML tags are not allowed", "tag '{tag}' is not allowed; write a plain value"),
    "A111": Code("nested too deeply", "nested more than {limit} levels deep"),
    "A112": Code("a value YAML cannot read", "cannot read value '{value}': {detail}"),
    "A113": Code("a key that is not plain text", "a key must be plain text, not a list or mapping"),
    "A114": Code("symbolic link", "'{name}' is a symbolic link; commit the file itself (links are never followed)"),
    "A115": Code("file name outside the safe set",
                 "file name '{name}' is not allowed: use letters, digits, '.', '-' and '_', starting with a letter "
                 "or digit"),
    "A116": Code("string too long", "a string of {size} characters is longer than the limit of {limit}"),
    "A117": Code("file type not allowed in content/",
                 "'{name}' cannot be published from content/: allowed are {types}"),
    "A118": Code("unknown or malformed front matter",
                 "front matter {problem}; a page's header may hold {allowed}"),
    "A119": Code("too many items in one list", "{where} has {count} items; the limit is {limit}"),
    "A120": Code("front matter names a template that does not exist",
                 "template '{name}' does not exist{suggestion}; use one of: {options}"),
    "A121": Code("a retired file in data/", "{name} is no longer read: {why}; delete it"),
    # shape (JSON Schema)
    "A201": Code("unknown key", "unknown key '{key}'{suggestion}; allowed here: {allowed}"),
    "A202": Code("missing required key", "missing required key '{key}'{inside}"),
    "A203": Code("wrong type", "{where} should be {wanted}, not {actual}"),
    "A204": Code("value not allowed", "'{value}' is not allowed for {where}{suggestion}; choose one of: {options}"),
    "A205": Code("invalid value", "'{value}' is not valid for {where}: {reason}"),
    "A206": Code("placeholder not filled in", "placeholder at '{path}' is not filled in; replace the TODO"),
    "A207": Code("list too short", "{where} needs at least {count} item(s)"),
    "A208": Code("empty text", "{where} must not be empty"),
    "A209": Code("the same item twice in a list", "{where} lists the same item twice"),
    "A210": Code("a number that is not finite", "'{value}' is not a finite number; write a number"),
    "A211": Code("a number outside its range", "{where} is {value}; {kind} is between {low} and {high}"),
    "A212": Code("a range written high to low", "{where} '{value}' runs high to low; write the range low to high"),
    "A213": Code("a hidden or control character",
                 "{where} contains {char}; remove it (retype the text if you cannot see it)"),
    # identity
    "A301": Code("id does not match the file name",
                 "id '{declared}' does not match the file name '{stem}.yaml'; the id is the URL, "
                 "so rename one to match the other"),
    "A302": Code("duplicate id", "{kind} id '{id}' is used twice (also at {other}); ids must be unique"),
    "A303": Code("file name is not a valid id",
                 "file name '{name}' is not a valid id: use lower-case letters, digits and hyphens"),
    "A304": Code("an alias or former id takes another page's URL",
                 "{what} of '{id}' would take the URL of {kind} '{other}'; drop it or rename it"),
    "A305": Code("two entries redirect the same URL",
                 "{what} of '{id}' gives the same URL as one of '{other}'; keep it on one entry"),
    "A306": Code("a reserved id", "{what} '{value}' would take the URL of a page the site owns; choose another"),
    "A307": Code("a name used twice",
                 "{what} '{name}' is the same name as {other} (ignoring case and Unicode form); names must be "
                 "unique"),
    # claims, references and consistency
    "A401": Code("unknown id", "unknown {kind} id '{value}'{suggestion}"),
    "A402": Code("unknown reference key", "unknown reference key '{value}'{suggestion}"),
    "A403": Code("claim without sources", "{where} cites no source; {fix}"),
    "A404": Code("unknown citation in a page", "citation '@{key}' is not a key in references.bib{suggestion}"),
    "A405": Code("unknown entity link in a page", "link to unknown {kind} '{id}'{suggestion}"),
    "A406": Code("claim both cited and marked as the atlas's own",
                 "{where} has both 'refs' and 'own: true'; keep 'refs' when a source says it, "
                 "'own: true' when it is the atlas's own advice"),
    "A407": Code("relation declared twice",
                 "'{other}' is related to '{id}' in both files; declare it once (it is shown on both pages)"),
    "A408": Code("target muscle does none of the exercise's actions",
                 "target muscle '{muscle}' produces none of this exercise's actions ({actions}); "
                 "add the action to the muscle or the exercise, or make it a synergist"),
    "A409": Code("target muscle opposes the exercise's main action",
                 "target muscle '{muscle}' does {opposite}, the opposite of this exercise's main action "
                 "'{action}'; check the muscle's role"),
    "A410": Code("text names a muscle the exercise does not list",
                 "{where} names the {muscle}, which this exercise does not list under 'muscles'; "
                 "add it with its role, or reword"),
    "A420": Code("an exercise related to itself", "'{id}' lists itself under variations; relate it to another exercise"),
    "A421": Code("progressions that go in a circle",
                 "progressions go in a circle: {cycle}; an exercise cannot be harder than itself"),
    "A422": Code("one pair with two relations",
                 "'{other}' is listed twice under variations ({kinds}); one pair has one relation"),
    "A423": Code("unknown kind of link in a page",
                 "'{kind}:' is not a kind of link{suggestion}; links to the atlas use {kinds}"),
    "A424": Code("unknown section in a page link",
                 "{kind} '{id}' has no section '#{anchor}'{suggestion}"),
    "A425": Code("citation in a heading",
                 "a citation in a heading would go into its anchor and the table of contents; cite in the text "
                 "below it"),
    # the bibliography
    "A501": Code("BibTeX syntax error", "BibTeX cannot read this: {detail}"),
    "A502": Code("BibTeX entry is missing a required field", "entry '{key}' (@{type}) needs a {fields} field"),
    "A503": Code("malformed DOI", "'{doi}' in '{key}' is not a DOI ({hint})"),
    "A504": Code("two entries share a DOI", "'{key}' has the same DOI as '{other}'; merge the two entries"),
    "A505": Code("duplicate BibTeX key", "key '{key}' is used again (first on line {first}); keys must be unique"),
    "A506": Code("unknown kind of evidence in `design`",
                 "design '{design}' of '{key}' is not a known kind of evidence{suggestion}; "
                 "see DESIGNS in hooks/atlas/bibliography.py"),
    "A507": Code("unsupported BibTeX entry type", "entry '{key}' has type @{type}; use one of {types}{suggestion}"),
    "A508": Code("URL is not https", "url of '{key}' must be a plain https:// address"),
    "A509": Code("reference is never cited", "'{key}' is never cited; cite it from data or a page, or remove it"),
    "A510": Code("BibTeX key is not a valid key",
                 "key '{key}' must start with a letter and use only letters, digits, - and _"),
    "A511": Code("year is not a year",
                 "year '{year}' of '{key}' is not a year; write four digits, or leave `year` out of a @misc "
                 "entry that has no date"),
    "A512": Code("references.bib is too large", "references.bib is {size} bytes; the limit is {limit}"),
    "A513": Code("a BibTeX field too long", "{field} of '{key}' is {size} characters; the limit is {limit}"),
    "A514": Code("BibTeX @string macros are not allowed",
                 "@string macros are not allowed; write the value out in each entry"),
    # links that must never break
    "A601": Code("a published URL no longer resolves",
                 "published URL '{url}' no longer resolves; keep the old id in `former_ids` "
                 "(or as an alias) of the entry that replaced it, so the link redirects"),
    # drawings
    "A701": Code("muscle without a region on the body map (warning)",
                 "muscle '{id}' has no region on the body map, so maps show it nowhere; draw one in "
                 "hooks/atlas/templates/bodymap.svg.j2", warning=True),
    # figures: the pose data and its physics
    "A801": Code("joint angle outside the normal range of motion",
                 "pose '{pose}': {joint} {angle}° is outside the normal range of motion ({low}° to {high}°); "
                 "check the angle's size and sign"),
    "A802": Code("a contact is not held",
                 "pose '{pose}': the {part} {verb} the {surface} by {distance} cm; change the angles so it stays on"),
    "A803": Code("a contact slides",
                 "pose '{pose}': the {part} slides {distance} cm along the {surface}; change the angles so it stays put"),
    "A804": Code("below the floor", "pose '{pose}': the {part} is {distance} cm below the floor; raise it"),
    "A805": Code("bar not over the middle of the foot",
                 "pose '{pose}': the bar is {distance} cm {direction} of the middle of the foot; keep it within "
                 "{tolerance} cm, the efficient bar path"),
    "A806": Code("limbs of one side only",
                 "pose '{pose}' gives the {given} limbs only; add '{missing}' too, or give both sides under 'both'"),
    "A808": Code("a hand lets go of the equipment",
                 "pose '{pose}': the {side} hand is {distance} cm from the {item}; give both arms the angles that "
                 "hold it"),
    "A807": Code("a surface of impossible height",
                 "the {surface} under the {part} would be {height} cm high; a {surface} is {low} to {high} cm, "
                 "so change the pose"),
    "A809": Code("a body part inside a surface",
                 "pose '{pose}': the {part} is {distance} cm inside the {surface}; change the angles so it stays out, "
                 "or say that it rests there"),
    "A810": Code("off balance",
                 "pose '{pose}': the centre of mass of body and load is {distance} cm {direction} the base of support, "
                 "so the figure would fall; move the hips or trunk over the feet, or say what holds it (a machine's "
                 "pad or sled, a wall)"),
    "A811": Code("a contact does not touch its surface",
                 "pose '{pose}': the {part} is said to rest on the {surface} but is {distance} cm {where} it; change "
                 "the angles so it touches, or leave it out of rests_on"),
    "A812": Code("the load passes through the body",
                 "pose '{pose}': the {item} at the {at} is {distance} cm inside the {part}; change the angles so it "
                 "rests against the body, not in it"),
    "A813": Code("key poses share no contact",
                 "poses '{before}' and '{after}' share no contact, so the figure would jump between them; keep one "
                 "part on its surface from one to the next (a lifted foot needs the other one down)"),
    "A814": Code("a height given where it cannot apply",
                 "the {surface} under the {part} gets its height from the pose that first places it there, so "
                 "'height' here has no effect; give it on the first contact of the first key pose, or remove it"),
    "A815": Code("arm angles the figure does not use (warning)",
                 "pose '{pose}': the arms hold the {item} on the {at}, and the side view draws them to it, so "
                 "{joints} under {limb} are not used; leave them out", warning=True),
    "A840": Code("a pose holds equipment the exercise does not use",
                 "the pose draws a {item}, which is not in this exercise's equipment ({equipment}); add it to "
                 "'equipment' or draw what the exercise uses"),
    # evidence from the research itself: pinpoints, what was read, study files, coverage
    "A901": Code("a study cited without a pinpoint",
                 "{where} cites the {design} '{key}' without a pinpoint; say where it stands in the study "
                 "(at: Results, Table 2 in data, [@{key}, Results, Table 2] in a page), or cite the article "
                 "that names the study"),
    "A902": Code("a pinpoint to a study nobody read",
                 "{where} pinpoints '{key}', which records nothing read; read the study, then add read "
                 "(full text or abstract) and readurl (the copy you read) to its entry in references.bib"),
    "A903": Code("a pinpoint beyond what was read",
                 "{where} pinpoints '{key}' at '{at}', but the atlas read only its abstract; pinpoint the "
                 "Abstract, or read the full text and record read = full text"),
    "A904": Code("readurl is not a trusted copy",
                 "readurl of '{key}' {reason}; link the copy you read at the publisher, PubMed Central, PubMed "
                 "or the authors' institution (hosts: data/copy-hosts.yaml)"),
    "A905": Code("a pinpointed study without a study file",
                 "'{key}' is cited with a pinpoint but has no study file; summarise it in data/studies/{key}.yaml "
                 "(atlas new study {key})"),
    "A906": Code("a study file for a source that is not a study",
                 "'{key}' is a {design} in references.bib, not a study; study files are for research "
                 "(trials, reviews, laboratory studies): delete the file or correct the design"),
    "A907": Code("an exercise without research",
                 "exercise '{id}' cites no study with a pinpoint; cite a study of it or of a close variant, or "
                 "record what was searched under research (searched, found: none)"),
}

_OFFERED = {"allowed", "options", "types", "kinds", "fields", "fix", "actions", "equipment", "cycle", "suggestion"}
SHOWN_CHARS = 80  # a value echoed in a message is cut to this many characters


def cut(value) -> str:
    """A value as a message shows it: one line, and at most SHOWN_CHARS characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS - 1]}… ({len(text)} characters)"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.code} {self.message}"

    @property
    def warning(self) -> bool:
        return CODES[self.code].warning


class Problems(list):
    """Every problem of a run. Warnings are kept too, but only errors make the data fail."""

    def __init__(self, root: Path | None = None):
        super().__init__()
        self.root = root

    def add(self, file, line: int, col: int, code: str, **fields) -> None:
        # a contributor's values are cut to a readable length; lists the atlas itself offers are not
        message = CODES[code].template.format(**{name: value if name in _OFFERED else cut(value)
                                                  for name, value in fields.items()})
        self.append(Problem(self.display(file), max(line, 1), max(col, 1), code, " ".join(message.split())))

    def display(self, file) -> str:
        path = Path(file)
        if self.root is not None:
            try:
                # abspath, not resolve: a symbolic link is named as itself, not as what it points at
                return Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.warning]

    def __bool__(self) -> bool:
        return bool(self.errors)

    def report(self, warnings: bool = True) -> str:
        return "\n".join(str(p) for p in sorted(set(self)) if warnings or not p.warning)


def did_you_mean(value, candidates) -> str:
    """' (did you mean 'x'?)' for the closest candidate, or '' when none is close."""
    if not isinstance(value, str):
        return ""
    lowered = {c.lower(): c for c in candidates}
    if value.lower() in lowered:
        return f" (did you mean '{lowered[value.lower()]}'?)"
    close = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
