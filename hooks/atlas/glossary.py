"""Explain abbreviations where they appear: hover or focus shows the glossary's definition.

Works on a page's finished HTML. The first use of a term on a page becomes a link to
its glossary entry with a tooltip (reachable from the keyboard); later uses become
<abbr title>. Text inside links, code, headings, SVG and citations is left alone.
"""
from __future__ import annotations

import html
import re

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_SKIP = {"a", "abbr", "code", "pre", "script", "style", "svg", "title", "h1", "h2", "h3", "h4", "h5", "h6",
         "sup", "button", "label", "select", "option", "textarea", "dt", "kbd", "samp"}


def glossify(page_html: str, terms: dict, glossary_href: str) -> str:
    """`terms`: glossary id -> item; only items with an expansion (abbreviations) are marked."""
    by_term = {item["term"]: (tid, item) for tid, item in terms.items() if "expansion" in item}
    if not by_term:
        return page_html
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in sorted(by_term, key=len, reverse=True)) + r")(?![\w-])")
    parts = _TAG.split(page_html)
    skipping, seen, count = [], set(), 0
    for i, part in enumerate(parts):
        if part.startswith("<"):
            found = _TAG_NAME.match(part)
            # a tooltip already written by a template (page.term) is left alone like a link
            tip = found and not found.group(1) and 'class="gloss__tip"' in part
            closes_tip = found and found.group(1) and found.group(2).lower() == "span" and "span" in skipping
            if found and (found.group(2).lower() in _SKIP or tip or closes_tip) and not part.endswith("/>"):
                name = found.group(2).lower()
                if found.group(1):
                    if name in skipping:
                        del skipping[len(skipping) - 1 - skipping[::-1].index(name):]
                else:
                    skipping.append(name)
            continue
        if skipping or not pattern.search(html.unescape(part)):
            continue
        text, out, last = html.unescape(part), [], 0
        for match in pattern.finditer(text):
            tid, item = by_term[match.group(1)]
            out.append(html.escape(text[last:match.start()], quote=False))
            term, explanation = html.escape(item["term"]), html.escape(f'{item["expansion"]}: {item["definition"]}')
            if tid in seen:
                out.append(f'<abbr title="{html.escape(item["expansion"])}">{term}</abbr>')
            else:
                seen.add(tid)
                count += 1
                out.append(f'<span class="gloss"><a class="gloss__term" href="{glossary_href}#{tid}" '
                           f'aria-describedby="gloss-{count}">{term}</a><span class="gloss__tip" id="gloss-{count}" '
                           f'role="tooltip">{explanation}</span></span>')
            last = match.end()
        out.append(html.escape(text[last:], quote=False))
        parts[i] = "".join(out)
    return "".join(parts)
