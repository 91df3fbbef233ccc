"""What a template can call: `page.<helper>` knows which page it is on; the filters format
numbers. Every helper returns Markup it built itself from escaped parts, or plain text
that the environment escapes.
"""
from __future__ import annotations

import html
import json

import segno
from markupsafe import Markup

from .bibliography import DESIGNS
from .citations import Citer
from .claims import refs_in, support_counts
from .evidence.grades import grade_question, untested_here
from .figures import drawing
from .figures.bodymap import ROLE_LABELS, render_bodymap
from .text import md_text
from .urls import GLOSSARY_URI, page_url, relative_md, relative_url, src_uri

ABOUT_URI = "about.md"


def fmt_range(value) -> str:
    return str(value).replace("-", "–")


def fmt_seconds(value) -> str:
    """'60-90' -> '60–90 s'; '180-240' -> '3–4 min'."""
    numbers = [float(part) for part in str(value).split("-")]
    if all(n >= 120 and n % 60 == 0 for n in numbers):
        return "–".join(f"{n / 60:g}" for n in numbers) + " min"
    return "–".join(f"{n:g}" for n in numbers) + " s"


def fmt_prescription(item: dict) -> dict:
    """Columns of a prescription table row: volume, effort, rest."""
    volume = fmt_range(item["sets"]) + " × " if "sets" in item else ""
    if "reps" in item:
        volume += fmt_range(item["reps"]) + " reps"
    elif "hold_s" in item:
        volume += fmt_seconds(item["hold_s"])
    if item.get("per_side"):
        volume += " per side"
    effort = []
    for key, show in (("rpe", "RPE {}"), ("rir", "{} RIR"), ("percent_1rm", "{} % 1RM")):
        if key in item:
            effort.append(show.format(fmt_range(item[key])))
    if "tempo_s" in item:
        effort.append(fmt_seconds(item["tempo_s"]) + " lowering")
    return {
        "volume": volume or "—",
        "effort": ", ".join(effort) or "—",
        "rest": fmt_seconds(item["rest_s"]) if "rest_s" in item else "—",
    }


FILTERS = {"range": fmt_range, "seconds": fmt_seconds, "prescription": fmt_prescription}


def json_script(value, attributes: str) -> str:
    """A JSON data block; <, > and & are escaped inside the JSON so no string can end the element."""
    data = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<script {attributes}>{data}</script>"


def plural(label: str, count: int) -> str:
    if count == 1 or label.endswith("series"):
        return label
    if label.endswith("sis"):
        return label[:-3] + "ses"
    if label.endswith("y"):
        return label[:-1] + "ies"
    return label + "s"


# The characters of text a handout holds in one column with its drawings beside it (9 pt, A4 or
# Letter); beyond that it takes two columns. Measured on the atlas's exercises: tests/test_coach.py
# prints every one and checks that it fills most of one page and no more.
HANDOUT_ONE_COLUMN = 1300


def handout_length(exercise) -> int:
    """The characters of an exercise's handout text: setup, steps, cues, mistakes, programming."""
    technique = exercise["technique"]
    length = sum(len(line) for line in technique.get("setup", []) + technique["steps"])
    length += sum(len(cue["text"]) for cue in exercise.get("cues", []))
    length += sum(len(m["mistake"]) + len(m["fix"]) for m in exercise.get("mistakes", []))
    return length + sum(60 + len(p.get("note", "")) for p in exercise.get("programming", []))


class PageContext:
    """Helpers a template calls; they know which page they are on."""

    def __init__(self, atlas, page_src: str):
        self.atlas = atlas
        self.src = page_src
        self.citer = Citer(atlas.bib, page_src, atlas.entities.get("study", {}))
        self.terms = 0  # tooltips of the atlas's own terms on this page: term-1, term-2, ...

    def link(self, kind: str, entity_id: str, anchor: str = "") -> Markup:
        target = relative_md(self.src, src_uri(kind, entity_id))
        return Markup(f"[{md_text(self.atlas.title(kind, entity_id))}]({target}{anchor})")

    def links(self, kind: str, ids) -> Markup:
        return Markup(", ".join(self.link(kind, i) for i in ids))

    def url(self, kind: str, entity_id: str) -> Markup:
        """An HTML link target to an entity's page, for links inside raw HTML."""
        return Markup(relative_url(self.src, src_uri(kind, entity_id)))

    def url_of(self, target_src: str) -> Markup:
        """An HTML link target to any page of the docs tree."""
        return Markup(relative_url(self.src, target_src))

    def link_page(self, target_src: str, text: str) -> Markup:
        return Markup(f"[{md_text(text)}]({relative_md(self.src, target_src)})")

    def link_guide(self, target_src: str, text: str) -> Markup:
        """A link to a hand-written page, or plain text when the project has no such page."""
        if any(content.src_uri == target_src for content in self.atlas.content):
            return self.link_page(target_src, text)
        return md_text(text)

    def name(self, kind: str, item_id: str) -> str:
        return self.atlas.name(kind, item_id)

    def cite(self, refs) -> Markup:
        return self.citer.cite(refs)

    def source(self, refs) -> Markup:
        """A table's Source cell: the numbered markers on screen, author and year in print (a handout
        leaves out the reference list the numbers point to)."""
        printed = "; ".join(self.atlas.bib.short(key) for key in refs)
        return self.cite(refs) + Markup(f'<span class="cite__print">{html.escape(printed)}.</span>')

    def support(self, statement: dict) -> Markup:
        """A statement's citation markers, or the label of the atlas's own coaching advice."""
        if statement.get("own") is True:
            about = relative_url(self.src, ABOUT_URI)
            return Markup(f'<a class="own-note" href="{about}" title="The atlas&#39;s own advice: no source gives it, '
                          f'so it cites none">coaching note</a>')
        return self.cite(statement["refs"])

    def grade(self, question: dict, exercise: str | None = None) -> Markup:
        """A question's grade (on `exercise`'s page, if it is one): a badge whose tooltip gives the rule,
        linked to the rules on the About page, and what the grade rests on."""
        g = grade_question(self.atlas.bib, question, exercise)
        rules = relative_url(self.src, ABOUT_URI) + "#grades"
        return Markup(f'<a class="grade grade--{g.letter.lower()}" href="{rules}" title="{md_text("Grade " + g.letter + ": " + g.rule)}">'
                      f'Grade {g.letter}</a> <span class="grade__basis">rests on {md_text(g.basis)}</span>')

    def tested_elsewhere(self, question: dict, exercise: str | None) -> str:
        """'Barbell back squat' when this exercise's page shows a question whose studies tested only those; else ''."""
        if not untested_here(question, exercise):
            return ""
        return ", ".join(self.atlas.title("exercise", eid) for eid in question["tested"])

    def questions_summary(self, question_ids, exercise: str | None = None) -> str:
        """'2 questions answered from the research (grades A, B).' or ''."""
        if not question_ids:
            return ""
        grades = sorted(grade_question(self.atlas.bib, self.atlas.entities["question"][q], exercise).letter
                        for q in question_ids)
        n = len(question_ids)
        return f"{n} {plural('question', n)} answered from the research ({plural('grade', n)} {', '.join(grades)})."

    def references(self, always: bool = False) -> Markup:
        return self.citer.references(always)

    def evidence_summary(self, item) -> str:
        """'12 cited statements and 3 coaching notes; 9 sources: 1 systematic review, ...', strongest first."""
        keys = list(dict.fromkeys(refs_in(item)))
        counts = {}
        for key in keys:
            label = self.atlas.bib.design(key) or "Unclassified"
            counts[label] = counts.get(label, 0) + 1
        order = list(DESIGNS.values())
        kinds = sorted(counts, key=lambda label: order.index(label) if label in order else len(order))
        listed = ", ".join(f"{counts[k]} {plural(k.lower(), counts[k])}" for k in kinds)
        cited, own = support_counts(item)
        statements = f"{cited} cited {plural('statement', cited)}"
        if own:
            statements += f" and {own} {plural('coaching note', own)} (the atlas's own advice, citing nothing)"
        return f"{statements}; {len(keys)} {plural('source', len(keys))}: {listed}."

    def absolute_url(self, target_src: str = "") -> str:
        """The public address of a page ('' when the site's address is unknown)."""
        return self.atlas.site_url + page_url(target_src or self.src) if self.atlas.site_url else ""

    def handout(self, exercise=None) -> Markup:
        """Shown only in print: the page's address as text and as a QR code (made at build time). For an
        exercise, `data-columns` says whether its handout is long enough to need two columns."""
        url = self.absolute_url() or "/" + page_url(self.src)
        # a fixed mask: as valid as the best of eight, without scoring eight candidates per page
        qr = segno.make(url, error="m", mask=0).svg_inline(scale=2, omitsize=True) if self.absolute_url() else ""
        # a <figure>, not a <div>: Material's search parser loses an exclusion when an inner element
        # with the same tag closes, and the print-only address must stay out of the search index
        columns = 2 if exercise is not None and handout_length(exercise) > HANDOUT_ONE_COLUMN else 1
        return Markup(f'<figure class="print-only handout" data-columns="{columns}" data-search-exclude><div class="handout__qr">{qr}</div>'
                      f'<figcaption class="handout__url">{html.escape(url)}</figcaption></figure>\n')

    def _glossary_entry(self, value: str):
        """The glossary entry for one of the atlas's own words (a category, a role): its id is the
        word with hyphens for spaces ('prime mover' -> prime-mover). None when the glossary lacks it."""
        return self.atlas.entities.get("glossary", {}).get(str(value).lower().replace(" ", "-"))

    @staticmethod
    def _gist(entry) -> str:
        """A glossary definition's first sentence: what a tooltip and a handout's legend show (the
        glossary, one click away, has the rest)."""
        return entry["definition"].split(". ")[0].rstrip(".") + "."

    def term(self, value: str, text: str = "") -> Markup:
        """One of the atlas's own words (category, muscle role) explained where it appears: a link to its
        glossary entry with the definition shown on hover and focus, as glossary abbreviations are."""
        shown = html.escape(text or str(value).capitalize())
        entry = self._glossary_entry(value)
        if entry is None:
            return Markup(shown)
        self.terms += 1
        href = html.escape(relative_url(self.src, GLOSSARY_URI) + "#" + str(value).lower().replace(" ", "-"))
        return Markup(f'<span class="gloss"><a class="gloss__term" href="{href}" aria-describedby="term-{self.terms}">'
                      f'{shown}</a><span class="gloss__tip" id="term-{self.terms}" role="tooltip">'
                      f'{html.escape(self._gist(entry), quote=False)}</span></span>')

    def legend(self, exercise) -> Markup:
        """Printed under a handout's tables: what the atlas's own words and the effort scales on it mean."""
        words = [exercise["category"]] + [role for role in ("target", "synergist", "stabilizer")
                                          if any(u["role"] == role for u in exercise["muscles"])]
        used = {key for p in exercise.get("programming", []) for key in p}
        words += [abbr for key, abbr in (("percent_1rm", "1rm"), ("rpe", "rpe"), ("rir", "rir")) if key in used]
        rows = []
        for word in words:
            entry = self._glossary_entry(word)
            if entry is not None:
                name = entry["term"] + (f' ({entry["expansion"]})' if "expansion" in entry else "")
                rows.append(f"<dt>{html.escape(name)}</dt><dd>{html.escape(self._gist(entry), quote=False)}</dd>")
        if not rows:
            return Markup("")
        return Markup('<aside class="print-only handout__legend" aria-label="Words on this sheet" data-search-exclude>'
                      '<p class="handout__legend-title">Words on this sheet</p><dl>' + "".join(rows) + "</dl></aside>\n")

    def json_ld(self, item) -> Markup:
        """schema.org HowTo for an exercise, as a data block (JSON escaped so no string can end the element)."""
        how_to = {"@context": "https://schema.org", "@type": "HowTo", "name": item["name"], "description": item["summary"]}
        if self.absolute_url():
            how_to["url"] = self.absolute_url()
        how_to["tool"] = [{"@type": "HowToTool", "name": self.name("equipment", q)} for q in item["equipment"]]
        steps = item["technique"].get("setup", []) + item["technique"]["steps"]
        how_to["step"] = [{"@type": "HowToStep", "position": i, "text": text} for i, text in enumerate(steps, 1)]
        return Markup(json_script(how_to, 'type="application/ld+json"') + "\n")

    def muscles_by_role(self, uses) -> str:
        """'Target: A, B. Synergist: C.' — the text alternative of an exercise's body map."""
        parts = []
        for role in ("target", "synergist", "stabilizer"):
            names = [self.atlas.title("muscle", u["muscle"]) for u in uses if u["role"] == role]
            if names:
                parts.append(f"{ROLE_LABELS[role]}: {', '.join(names)}.")
        return " ".join(parts)

    def exercises_needing_only(self, kit) -> list[str]:
        """Exercises whose every piece of equipment is, in free-exercise-db's terms, one of `kit`
        (e.g. ["body only", "bands"]): what you can do with just that."""
        equipment = self.atlas.entities["equipment"]
        return [eid for eid, e in self.atlas.entities["exercise"].items()
                if all(equipment[q]["free_exercise_db"] in kit for q in e["equipment"])]

    def finder_link(self, field: str, value: str) -> Markup:
        """' (see them in the finder)': the finder filtered to one value, as a raw HTML link."""
        href = html.escape(f"{relative_url(self.src, 'exercises/index.md')}?{field}={value}")
        return Markup(f' (<a href="{href}">see them in the finder</a>)')

    def muscle_groups(self, exercise) -> str:
        """The muscle groups an exercise trains, space-separated (the finder's data attribute)."""
        groups = dict.fromkeys(self.atlas.entities["muscle"][u["muscle"]]["group"] for u in exercise["muscles"])
        return " ".join(groups)

    def search_text(self, exercise) -> str:
        """Name, aliases and muscle names in lower case: what the finder's text filter matches."""
        muscles = [self.atlas.title("muscle", u["muscle"]) for u in exercise["muscles"]]
        return " ".join([exercise["name"], *exercise.get("aliases", []), *muscles]).lower()

    def bodymap(self, marks: dict, title: str, description: str = "", links: bool = False) -> Markup:
        """The body map as a raw HTML block: regions marked by role, or (links=True) each a link."""
        return render_bodymap(self.atlas, self.src, marks, title, description, links)

    def exercise_figure(self, exercise_id: str, exercise: dict) -> Markup:
        """The exercise's figure (start, motion, end) as a raw HTML block, with its text alternative."""
        return Markup(drawing.exercise_figure(self.atlas, exercise_id, exercise) + "\n")

    def thumbnail(self, exercise_id: str) -> Markup:
        """A small drawing of the exercise's end position, for lists (decorative beside its name)."""
        # the same on every page that lists the exercise, so it is drawn once, not once per list
        drawn = self.atlas.thumbnails
        if exercise_id not in drawn:
            drawn[exercise_id] = Markup(drawing.thumbnail(self.atlas, self.atlas.entities["exercise"][exercise_id]))
        return drawn[exercise_id]

    def exercise_links(self, ids) -> Markup:
        """Links to exercises, each with its small drawing."""
        return Markup(", ".join(self.thumbnail(i) + self.link("exercise", i) for i in ids))
