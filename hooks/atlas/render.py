"""Render every page kind from its Jinja template into a Markdown string.

Safety is the default: the environment's `finalize` passes each `{{ ... }}` value
through `md_text`, which turns every character Markdown or HTML would read as
syntax into a character reference. A contributor's string is therefore always
text. Only `Markup` made by the helpers below (links, citations) passes as is.
"""
from __future__ import annotations

import html
import json
from collections import defaultdict
from dataclasses import dataclass, field

import segno
import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .bibliography import DESIGNS
from .citations import Citer
from .model import refs_in
from .schemadoc import reference_tables
from .text import md_text, plain_title
from .urls import (
    BUILDER_URI,
    CONTRIBUTING_URI,
    DATA_REFERENCE_URI,
    GLOSSARY_URI,
    KINDS,
    REFERENCES_URI,
    index_uri,
    page_url,
    relative_md,
    relative_url,
    src_uri,
)


def _finalize(value):
    if isinstance(value, Markup):
        return value
    if value is None:
        raise ValueError("a template printed None; guard optional fields with `if`")
    return md_text(value)


def front_matter(meta: dict) -> Markup:
    return Markup("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n")


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
        volume += fmt_range(item["reps"]) + (" reps")
    elif "hold_s" in item:
        volume += fmt_seconds(item["hold_s"])
    if item.get("per_side"):
        volume += " per side"
    effort = []
    if "rpe" in item:
        effort.append("RPE " + fmt_range(item["rpe"]))
    if "rir" in item:
        effort.append(fmt_range(item["rir"]) + " RIR")
    if "percent_1rm" in item:
        effort.append(fmt_range(item["percent_1rm"]) + " % 1RM")
    if "tempo_s" in item:
        effort.append(fmt_seconds(item["tempo_s"]) + " lowering")
    return {
        "volume": volume or "—",
        "effort": ", ".join(effort) or "—",
        "rest": fmt_seconds(item["rest_s"]) if "rest_s" in item else "—",
    }


@dataclass
class Page:
    src_uri: str
    markdown: str
    title: str
    edit_path: str | None  # the file a contributor edits to change this page
    cited: list = field(default_factory=list)


_env = Environment(
    loader=PackageLoader("atlas", "templates"),
    undefined=StrictUndefined,
    finalize=_finalize,
    autoescape=False,  # output is Markdown; escaping is md_text's job, through finalize
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    # `{#id}` is Markdown's heading-anchor syntax here, so Jinja comments use another delimiter.
    comment_start_string="{##",
    comment_end_string="##}",
)
_env.filters.update(range=fmt_range, seconds=fmt_seconds, prescription=fmt_prescription)


def _muscle_filters(atlas) -> dict:
    """Filters that look up a muscle's group or name (the finder's data attributes)."""
    muscles = atlas.entities["muscle"]
    return {"muscle_group": lambda mid: muscles[mid]["group"], "muscle_name": lambda mid: muscles[mid]["name"]}

# Templates that produce HTML (the body map) escape for HTML, Jinja's own way.
_html_env = Environment(loader=PackageLoader("atlas", "templates"), undefined=StrictUndefined, autoescape=True,
                        trim_blocks=True, lstrip_blocks=True, comment_start_string="{##", comment_end_string="##}")


class PageContext:
    """Helpers a template calls; they know which page they are on."""

    def __init__(self, atlas, page_src: str):
        self.atlas = atlas
        self.src = page_src
        self.citer = Citer(atlas.bib, page_src)

    def link(self, kind: str, entity_id: str, anchor: str = "") -> Markup:
        target = relative_md(self.src, src_uri(kind, entity_id))
        return Markup(f"[{md_text(self.atlas.title(kind, entity_id))}]({target}{anchor})")

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

    def links(self, kind: str, ids) -> Markup:
        return Markup(", ".join(self.link(kind, i) for i in ids))

    def cite(self, refs) -> Markup:
        return self.citer.cite(refs)

    def vocab(self, kind: str, item_id: str) -> str:
        return self.atlas.vocab[kind][item_id]["name"]

    def references(self) -> Markup:
        return self.citer.references()

    def evidence_summary(self, item) -> str:
        """'9 sources: 1 systematic review, 2 laboratory studies, ...', strongest kind first."""
        keys = list(dict.fromkeys(refs_in(item)))
        counts = {}
        for key in keys:
            label = self.atlas.bib.design(key) or "Unclassified"
            counts[label] = counts.get(label, 0) + 1
        order = list(DESIGNS.values())
        kinds = sorted(counts, key=lambda label: order.index(label) if label in order else len(order))
        listed = ", ".join(f"{counts[k]} {_plural(k.lower(), counts[k])}" for k in kinds)
        return f"{len(keys)} source{'s' if len(keys) != 1 else ''}: {listed}."

    def absolute_url(self, target_src: str = "") -> str:
        """The public address of a page ('' when the site's address is unknown)."""
        return self.atlas.site_url + page_url(target_src or self.src) if self.atlas.site_url else ""

    def handout(self) -> Markup:
        """Shown only in print: the page's address as text and as a QR code (made at build time)."""
        url = self.absolute_url() or "/" + page_url(self.src)
        # a fixed mask: as valid as the best of eight, without scoring eight candidates per page
        qr = segno.make(url, error="m", mask=0).svg_inline(scale=2, omitsize=True) if self.absolute_url() else ""
        # a <figure>, not a <div>: Material's search parser loses an exclusion when an inner element
        # with the same tag closes, and the print-only address must stay out of the search index
        return Markup(f'<figure class="print-only handout" data-search-exclude><div class="handout__qr">{qr}</div>'
                      f'<figcaption class="handout__url">{html.escape(url)}</figcaption></figure>\n')

    def json_ld(self, item) -> Markup:
        """schema.org HowTo for an exercise, as a data block (JSON escaped so no string can end the element)."""
        how_to = {"@context": "https://schema.org", "@type": "HowTo", "name": item["name"], "description": item["summary"]}
        if self.absolute_url():
            how_to["url"] = self.absolute_url()
        how_to["tool"] = [{"@type": "HowToTool", "name": self.vocab("equipment", q)} for q in item["equipment"]]
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

    def bodymap(self, marks: dict, title: str, description: str = "", links: bool = False) -> Markup:
        """The body map as a raw HTML block: regions marked by role, or (links=True) each a link."""
        return render_bodymap(self.atlas, self.src, marks, title, description, links)


def _plural(label: str, count: int) -> str:
    if count == 1 or label.endswith("series"):
        return label
    if label.endswith("sis"):
        return label[:-3] + "ses"
    if label.endswith("y"):
        return label[:-1] + "ies"
    return label + "s"


ROLE_LABELS = {"target": "Target", "synergist": "Synergist", "stabilizer": "Stabilizer", "current": "This muscle"}


def render_bodymap(atlas, page_src: str, marks: dict, title: str, description: str = "", links: bool = False) -> Markup:
    names = {mid: m["name"] for mid, m in atlas.entities["muscle"].items()}
    link_to = {mid: Markup(relative_url(page_src, src_uri("muscle", mid))) for mid in names} if links else None
    svg = _html_env.get_template("bodymap.svg.j2").render(
        marks=marks, names=names, link_to=link_to, title=title, description=description)
    roles = [role for role in ROLE_LABELS if role in marks.values()]
    legend = "".join(f'<span class="bodymap__key is-{role}">{ROLE_LABELS[role]}</span>' for role in roles)
    caption = f'<figcaption>{legend}</figcaption>' if legend else ""
    # one block of HTML with no blank line, so Markdown leaves it whole
    body = "\n".join(line for line in svg.splitlines() if line.strip())
    return Markup(f'<figure class="bodymap-figure">\n{body}\n{caption}</figure>\n')


SEARCH_BOOST = {"exercise": 3, "muscle": 2}  # an exercise page outranks a guide for its own name


def _render(atlas, template: str, page_src: str, edit_path, title: str, description: str, boost=None, **values) -> Page:
    ctx = PageContext(atlas, page_src)
    fields = {"title": plain_title(title), "description": html.escape(" ".join(description.split()))}
    if boost:
        fields["search"] = {"boost": boost}
    meta = front_matter(fields)
    body = _env.get_template(template).render(atlas=atlas, page=ctx, meta=meta, **values)
    return Page(page_src, body, title, edit_path, list(ctx.citer.order))


def render_pages(atlas) -> list[Page]:
    _env.filters.update(_muscle_filters(atlas))
    pages = []
    for kind in KINDS:
        for entity_id, data in atlas.entities[kind].items():
            pages.append(_render(atlas, f"{kind}.md.j2", src_uri(kind, entity_id), atlas.sources[(kind, entity_id)],
                                 data["name"], data["summary"], boost=SEARCH_BOOST.get(kind), item=data, id=entity_id))
        pages.append(_render(atlas, f"{kind}-index.md.j2", index_uri(kind), None, INDEX_TITLES[kind][0],
                             INDEX_TITLES[kind][1], items=atlas.entities[kind]))

    citing = defaultdict(list)  # key -> [(page src, title)]
    for page in pages:
        for key in page.cited:
            citing[key].append((page.src_uri, page.title))
    for content in atlas.content:
        for key in dict.fromkeys(content.cited):
            citing[key].append((content.src_uri, content.title))
    keys = sorted(atlas.bib.keys(), key=atlas.bib.sort_key)
    entries = [
        {"key": Markup(key), "html": Markup(atlas.bib.html(key)), "kind": atlas.bib.design(key),
         "citing": Markup(", ".join(f'<a href="{relative_url(REFERENCES_URI, src)}">{md_text(title)}</a>'
                                    for src, title in sorted(citing[key], key=lambda c: c[1].lower())))}
        for key in keys  # keys match bibliography.KEY_RE, so they are safe in an id attribute
    ]
    pages.append(_render(atlas, "builder.md.j2", BUILDER_URI, None, "Session sheet builder",
                         "Build a session sheet from the atlas's exercises with sets, reps, effort, rest and notes; "
                         "the link is the sheet.", data=_builder_data(atlas)))
    guide = atlas.root / "CONTRIBUTING.md"
    if guide.exists():  # the repository's guide, published unchanged as a page of the site
        meta = front_matter({"title": "Contributing", "description": "How to add or fix an exercise, muscle or "
                             "reference: a worked example, every error code with its fix, sources and style."})
        pages.append(Page(CONTRIBUTING_URI, meta + "\n" + guide.read_text(encoding="utf-8"), "Contributing",
                          "CONTRIBUTING.md"))
    pages.append(_render(atlas, "data-reference.md.j2", DATA_REFERENCE_URI, None, "Data reference",
                         "Every field of the atlas's YAML data files, with its type, allowed values and an example, "
                         "generated from the JSON Schemas.", tables=reference_tables()))
    pages.append(_render(atlas, "glossary.md.j2", GLOSSARY_URI, "data/glossary.yaml", "Glossary",
                         "Plain-language definitions of the terms and abbreviations used across the atlas: 1RM, RPE, RIR, EMG and more.",
                         terms=atlas.vocab["glossary"]))
    pages.append(_render(atlas, "references.md.j2", REFERENCES_URI, "references.bib", "References",
                         "Every source the Glute & Hamstring Atlas cites, with its kind of evidence and the pages that cite it.",
                         entries=entries))
    return pages


def json_script(value, attributes: str) -> str:
    """A JSON data block; <, > and & are escaped inside the JSON so no string can end the element."""
    data = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"<script {attributes}>{data}</script>"


def _builder_data(atlas) -> Markup:
    """The exercises the builder offers, as a JSON data block (escaped so no string can end it)."""
    items = [{"id": eid, "name": e["name"], "aliases": e.get("aliases", []),
              "url": relative_url(BUILDER_URI, src_uri("exercise", eid))}
             for eid, e in atlas.entities["exercise"].items()]
    return Markup(json_script(items, 'type="application/json" id="builder-exercises"'))


INDEX_TITLES = {
    "exercise": ("Exercises", "Every exercise in the atlas with its movement category, pattern, equipment, level and target muscles."),
    "muscle": ("Muscles", "The muscles of the glutes, hamstrings and posterior chain: anatomy, actions and the exercises that train them."),
    "action": ("Joint actions", "The joint actions of the posterior chain, the muscles that produce them and the exercises that train them."),
    "program": ("Programs", "Sessions and routines from the sources, each exercise with its sets, reps, effort and rest."),
}
