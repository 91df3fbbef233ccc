"""The render step: every page kind from its Jinja template into a Markdown string.

Safety is the default: the environment's `finalize` passes each `{{ ... }}` value
through `md_text`, which turns every character Markdown or HTML would read as
syntax into a character reference. A contributor's string is therefore always
text. Only `Markup` made by the helpers in context.py (links, citations) passes as is.
"""
from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .bibliography import URL_RE
from .citations import read_status
from .context import FILTERS, PageContext, json_script
from .evidence.checks import host_of
from .evidence.citing import statements
from .evidence.grades import rules_markdown
from .figures.bodymap import render_bodymap
from .kinds import PAGE_KINDS
from .markdown import BODYMAP_MARKER, CITATION, CODE, ENTITY_LINK, GRADE_RULES_MARKER, cited_refs
from .schemadoc import reference_tables
from .sources import GUIDES
from .text import md_text, plain_title
from .urls import (
    BUILDER_URI,
    CONTRIBUTING_URI,
    DATA_REFERENCE_URI,
    GLOSSARY_URI,
    REFERENCES_URI,
    index_uri,
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
_env.filters.update(FILTERS)


# Pages about the atlas itself rank below its training pages for the same words (their titles
# and text name the glutes and hamstrings too): the search index reads this from each page.
ABOUT_THE_ATLAS = 0.3


def _render(atlas, template: str, page_src: str, edit_path, title: str, description: str, boost=None, hide=None,
            **values) -> Page:
    ctx = PageContext(atlas, page_src)
    fields = {"title": plain_title(title), "description": html.escape(" ".join(description.split()))}
    if boost:
        fields["search"] = {"boost": boost}
    if hide:  # Material's sidebars a page does without (a wide tool needs the room)
        fields["hide"] = hide
    meta = front_matter(fields)
    body = _env.get_template(template).render(atlas=atlas, links=atlas.links, page=ctx, meta=meta, **values)
    return Page(page_src, body, title, edit_path, list(ctx.citer.order))


def render_pages(atlas) -> list[Page]:
    pages = []
    citing = statements(atlas)
    for kind in PAGE_KINDS:
        pages += _study_pages(atlas, kind, citing) if kind.bibliography_index else _kind_pages(atlas, kind)
    pages += _tool_pages(atlas)
    pages.append(_references_page(atlas, pages))
    return pages


def _kind_pages(atlas, kind) -> list[Page]:
    """A page per item of a kind, and the kind's index page."""
    pages = []
    for item_id, item in atlas.entities[kind.name].items():
        description = item.get("summary") or item.get("description") or f"{item['name']} in the atlas."
        pages.append(_render(atlas, kind.page_template, src_uri(kind.name, item_id), atlas.sources[(kind.name, item_id)],
                             item["name"], description, boost=kind.boost, item=item, id=item_id))
    if not kind.bibliography_index:  # else the references page, rendered last, is its index
        pages.append(_render(atlas, kind.index_template, index_uri(kind.name), None, kind.index_title,
                             kind.index_description, items=atlas.entities[kind.name]))
    return pages


def _study_pages(atlas, kind, citing) -> list[Page]:
    """A page per study the atlas read: its summary, what was read and where, and every statement citing it."""
    pages = []
    bib, hosts = atlas.bib, atlas.entities["copy-host"]
    for key, item in atlas.entities[kind.name].items():
        src = src_uri(kind.name, key)
        url = bib.readurl(key)
        host = host_of(url, hosts) if URL_RE.match(url) else None
        # the address as the link's text too: a printed page still says where the copy is
        copy = Markup(f'<a class="study__copy" href="{html.escape(url, quote=True)}">{md_text(url)}</a>') if host else None
        cited = [{"link": Markup(f"[{md_text(s.title)}]({relative_md(src, s.src)}{'#' + s.anchor if s.anchor else ''})"),
                  "text": s.text, "at": s.at} for s in citing.get(key, [])]
        # titled as a scientist cites it, "Maeo et al. (2021)"; the study's own title is the subtitle
        pages.append(_render(atlas, kind.page_template, src, atlas.sources[(kind.name, key)], bib.cited_as(key),
                             item["question"], boost=kind.boost, item=item, id=key, cited_as=bib.cited_as(key),
                             study_title=bib.title(key),
                             reference=Markup(bib.html(key)), design=bib.design(key), read=read_status(bib, key),
                             copy=copy, host=host["name"] if host else "", cited=cited))
    return pages


def _tool_pages(atlas) -> list[Page]:
    pages = [
        _render(atlas, "builder.md.j2", BUILDER_URI, None, "Session sheet builder",
                "Build a session sheet from the atlas's exercises with sets, reps, effort, rest and notes; "
                "the link is the sheet.", hide=["toc"], data=_builder_data(atlas)),
        _render(atlas, "data-reference.md.j2", DATA_REFERENCE_URI, None, "Data reference",
                "Every field of the atlas's YAML data files, with its type, allowed values and an example, "
                "generated from the JSON Schemas.", boost=ABOUT_THE_ATLAS, tables=reference_tables()),
        _render(atlas, "glossary.md.j2", GLOSSARY_URI, "data/glossary.yaml", "Glossary",
                "Plain-language definitions of the terms and abbreviations used across the atlas: 1RM, RPE, RIR, EMG "
                "and more.", terms=atlas.entities["glossary"]),
    ]
    guide = atlas.root / "CONTRIBUTING.md"
    if guide.exists():  # the repository's guide, published unchanged as a page of the site
        meta = front_matter({"title": "Contributing", "description": "How to add or fix an exercise, muscle or "
                             "reference: a worked example, every error code with its fix, sources and style.",
                             "search": {"boost": ABOUT_THE_ATLAS}})
        pages.append(Page(CONTRIBUTING_URI, meta + "\n" + guide.read_text(encoding="utf-8"), "Contributing",
                          "CONTRIBUTING.md"))
    return pages


def _references_page(atlas, pages: list[Page]) -> Page:
    citing = defaultdict(list)  # key -> [(page src, title)]
    for page in pages:
        for key in page.cited:
            citing[key].append((page.src_uri, page.title))
    for content in atlas.content:
        for key in dict.fromkeys(content.cited):
            citing[key].append((content.src_uri, content.title))
    keys = sorted(atlas.bib.keys(), key=atlas.bib.sort_key)
    studies = atlas.entities["study"]
    entries = [
        {"key": Markup(key), "html": Markup(atlas.bib.html(key)), "kind": atlas.bib.design(key),
         "read": read_status(atlas.bib, key),
         "study": Markup(relative_url(REFERENCES_URI, src_uri("study", key))) if key in studies else None,
         "citing": Markup(", ".join(f'<a href="{relative_url(REFERENCES_URI, src)}">{md_text(title)}</a>'
                                    for src, title in sorted(citing[key], key=lambda c: c[1].lower())))}
        for key in keys  # keys match bibliography.KEY_RE, so they are safe in an id attribute
    ]
    return _render(atlas, "references.md.j2", REFERENCES_URI, "references.bib", "References",
                   "Every source the Glute & Hamstring Atlas cites, with its kind of evidence and the pages that cite it.",
                   boost=ABOUT_THE_ATLAS, entries=entries)


def _builder_data(atlas) -> Markup:
    """The exercises the builder offers, as a JSON data block (escaped so no string can end it)."""
    figures = relative_url(BUILDER_URI, "index.md") + "api/figures/"  # the open-data drawings, one per exercise
    items = [{"id": eid, "name": e["name"], "aliases": e.get("aliases", []),
              "url": relative_url(BUILDER_URI, src_uri("exercise", eid)), "figure": f"{figures}{eid}.svg"}
             for eid, e in atlas.entities["exercise"].items()]
    return Markup(json_script(items, 'type="application/json" id="builder-exercises"'))


BODYMAP_SLOT = '<div class="atlas-bodymap-slot"></div>'  # survives Markdown and the sanitiser


def bodymap_html(atlas, page_src: str) -> str:
    return str(render_bodymap(atlas, page_src, {}, "Body map: choose a muscle to open its page", links=True))


def render_content(markdown: str, page_src: str, atlas, sanitised: bool = False) -> str:
    """A hand-written page with its citations numbered, entity links resolved and references appended.

    `sanitised`: the page's HTML will go through the sanitiser (the MkDocs adapter), so the body
    map, the atlas's own drawing, is left as a slot to fill in after it."""
    ctx = PageContext(atlas, page_src)
    citer = ctx.citer

    def entity_link(match):
        text, kind, entity_id, anchor = match.groups()
        label = text or md_text(atlas.title(kind, entity_id))
        return f"[{label}]({relative_md(page_src, src_uri(kind, entity_id))}{anchor or ''})"

    def citation(match):
        return str(citer.cite(cited_refs(match.group(1))))

    if GRADE_RULES_MARKER in markdown:
        markdown = markdown.replace(GRADE_RULES_MARKER, rules_markdown())
    if BODYMAP_MARKER in markdown:
        markdown = markdown.replace(BODYMAP_MARKER, BODYMAP_SLOT if sanitised else bodymap_html(atlas, page_src))
    pieces, last = [], 0
    code = [m.span() for m in CODE.finditer(markdown)]
    for start, end in code + [(len(markdown), len(markdown))]:
        prose = CITATION.sub(citation, ENTITY_LINK.sub(entity_link, markdown[last:start]))
        pieces.append(prose + markdown[start:end])
        last = end
    questions = _guide_questions(atlas, page_src, ctx)  # after the text: numbered after its citations
    references = str(citer.references())  # str: adding Markup to the body would escape the body
    return "".join(pieces).rstrip("\n") + questions + ("\n\n" + references if references else "\n")


def _guide_questions(atlas, page_src: str, ctx) -> str:
    """'What the research says': the questions that name this guide, before its references."""
    slug = page_src[len(GUIDES):-3] if page_src.startswith(GUIDES) else None
    questions = atlas.links.guide_questions.get(slug, []) if slug else []
    if not questions:
        return ""
    body = _env.get_template("questions.md.j2").render(atlas=atlas, page=ctx, questions=questions, level=3)
    return "\n\n## What the research says {#research}\n\n" + body.rstrip("\n")
