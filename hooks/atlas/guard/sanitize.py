"""Raw HTML in hand-written pages keeps only the tags and attributes named here (nh3, the Python
binding of the maintained Rust sanitiser ammonia), after Markdown has made the page's HTML.

Only what the atlas's own pages need survives: text structure, tables, links, images, and the
classes and ARIA attributes the site's styles and scripts read. No script, style, frame, form,
object, event handler or `javascript:` URL can pass, whatever a contributor writes (raw tags,
`{: onclick=... }` attribute lists, entities that hide a scheme).
"""
from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"id", "class", "title", "role", "lang", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style"},
    "ol": {"start"},
    "div": {"data-atlas-stored"},  # the offline page's list of stored pages, filled by atlas-stored.js
    "p": {"data-atlas-wanted"},  # the offline page's "You asked for ...", filled by atlas-stored.js
}
URL_SCHEMES = {"https", "http", "mailto"}
# Ids the theme and the site's scripts look up: a page may not claim them (DOM clobbering).
SITE_IDS = ("__", "md-", "atlas-", "builder", "finder", "moved")


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id" and value.startswith(SITE_IDS):
        return None
    return value


def clean(html: str) -> str:
    """The page's HTML with every tag and attribute not named here removed (a script's text as well)."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                     attribute_filter=_attribute,
                     clean_content_tags={"script", "style", "template", "textarea", "noscript", "iframe", "object",
                                         "title", "xmp", "noembed", "noframes", "plaintext", "math", "svg"},
                     filter_style_properties={"text-align"})
