"""The body map: the atlas's drawing of the body, one region per muscle or head.

The drawing lives in templates/bodymap.svg.j2; each `region("<muscle id>", ...)` call
there draws one muscle. A muscle with no region is simply not drawn (the check warns,
A701), and a region whose muscle is gone is drawn as neutral context.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..urls import relative_url, src_uri

ROLE_LABELS = {"target": "Target", "synergist": "Synergist", "stabilizer": "Stabilizer", "current": "This muscle"}
_REGION = re.compile(r"""\{\{\s*region\(\s*["']([a-z0-9-]+)["']""")

# Templates that produce HTML escape for HTML, Jinja's own way.
_env = Environment(loader=PackageLoader("atlas", "templates"), undefined=StrictUndefined, autoescape=True,
                   trim_blocks=True, lstrip_blocks=True, comment_start_string="{##", comment_end_string="##}")


@cache
def region_ids() -> frozenset[str]:
    """The muscle ids the drawing has a region for."""
    text = resources.files("atlas").joinpath("templates/bodymap.svg.j2").read_text("utf-8")
    return frozenset(_REGION.findall(text))


def render_bodymap(atlas, page_src: str, marks: dict, title: str, description: str = "", links: bool = False) -> Markup:
    """The map as one raw HTML block: regions marked by role, or (links=True) each a link to its muscle."""
    names = {mid: m["name"] for mid, m in atlas.entities["muscle"].items()}
    link_to = {mid: Markup(relative_url(page_src, src_uri("muscle", mid))) for mid in names} if links else None
    svg = _env.get_template("bodymap.svg.j2").render(
        marks=marks, names=names, link_to=link_to, title=title, description=description)
    roles = [role for role in ROLE_LABELS if role in marks.values()]
    legend = "".join(f'<span class="bodymap__key is-{role}">{ROLE_LABELS[role]}</span>' for role in roles)
    caption = f'<figcaption>{legend}</figcaption>' if legend else ""
    # one block of HTML with no blank line, so Markdown leaves it whole
    body = "\n".join(line for line in svg.splitlines() if line.strip())
    return Markup(f'<figure class="bodymap-figure">\n{body}\n{caption}</figure>\n')
