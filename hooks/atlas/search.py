"""Search: a small word index written after the build, from the pages as built, in shards.

A page view downloads none of it. A query downloads one shard per word typed: the shard of
the word's first two letters (`search/ro.json` for "romanian"), which lists every indexed
word starting with those letters, the best pages for each word and those pages' titles,
addresses and one-line summaries. So a search costs a few kilobytes, and the cost does not
grow with the catalogue: each word keeps only its best `PAGES_PER_WORD` pages, and beyond them
the pages whose own name or alias holds the word (a common word such as "hip" must still find
every exercise named "... hip ...").

(Pagefind was the first engine here. Its runtime alone, WebAssembly and script, is 85 KiB
gzipped, which left no room under the 100 KiB budget for a first search; this index is a
page of Python, needs no WebAssembly, so the CSP allows no 'wasm-unsafe-eval'.)

What is indexed is each page's article (not the navigation, header or footer), minus what a
reader never sees as content (print-only handouts, tooltips, permalinks, drawings). Redirect
stubs and the offline page are left out. A page's title and its aliases (the element marked
`data-search="aliases"`) weigh most, headings next, then the text; each page's score is then
multiplied by its `search: boost:` (front matter, as a meta tag in the built page): exercises
3, muscles 2, pages about the atlas itself 0.3; the client also lists pages about the atlas
(boost below 1) after its content. Hyphenated words are also indexed written as one ("warmup",
"pullthrough").

Typos: the client forgives them by edit distance against the words of the shard a query word
reaches. A typo in the first two letters reaches the wrong shard, so `search/words.txt` lists
the words of page names and aliases (a few hundred, about 1 KiB gzipped), most important
first: the client reads it only when a query word matches nothing in its own shard, to find
the shard of the word meant and to suggest a spelling ("Did you mean …").

The client (assets/javascripts/atlas-search-engine.js) folds words exactly as `words()` does here.
"""
from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

SKIP = {"404.html", "offline/index.html"}
FOLDER = "search"
PAGES_PER_WORD = 40     # a query shows 8 at first, the rest on "Show all"; pages named by the word are kept beyond it
NAME_WORDS = 3000       # words.txt: the most important words of names and aliases, at most this many
SUMMARY_CHARS = 110
WEIGHT = {"title": 20, "aliases": 20, "heading": 4, "text": 1}
# Classes and tags whose text is not the page's content as a reader sees it.
IGNORED_CLASSES = {"print-only", "cite__tip", "gloss__tip", "headerlink", "copy-link", "md-source-file",
                   "md-content__button", "atlas-offline", "atlas-toc"}
IGNORED_TAGS = {"script", "style", "svg", "template", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
STOP_WORDS = frozenset("""a an and are as at be by for from has in is it its of on or that the this to was
were with your you can not no""".split())


def fold(word: str) -> str:
    """One form for a word and its plural ("glutes" -> "glute"); the client folds the same way."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


def words(text: str) -> list[str]:
    """Lower-case ASCII words (accents dropped, "45°" -> "45"), plurals folded, common words out."""
    return [fold(w) for w in re.findall(r"[a-z0-9]+", _plain(text)) if len(w) > 1 and w not in STOP_WORDS]


def compounds(text: str) -> list[str]:
    """Hyphenated words written as one as well ("warm-up" -> "warmup"), so either spelling finds them."""
    return [fold(w.replace("-", "")) for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", _plain(text))]


def _boost(value) -> float:
    """A page's ranking factor from its front matter (`search: boost:`); anything odd counts as 1."""
    try:
        boost = float(value)
    except (TypeError, ValueError):
        return 1.0
    return min(max(boost, 0.1), 10.0) if boost == boost else 1.0  # NaN is not equal to itself


class _Article(HTMLParser):
    """Collects the text of `article.md-content__inner` by field: title, aliases, heading, text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, field, ignored)
        self.in_article = 0
        self.parts: dict[str, list[str]] = {field: [] for field in WEIGHT}
        self.summary = ""
        self.boost = 1.0
        self._paragraph: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "atlas:search-boost":
            self.boost = _boost(attrs.get("content"))
        if tag in VOID:
            return
        classes = set((attrs.get("class") or "").split())
        parent_field, parent_ignored = (self.stack[-1][1], self.stack[-1][2]) if self.stack else (None, False)
        if tag == "article" and "md-content__inner" in classes:
            self.in_article += 1
        ignored = parent_ignored or tag in IGNORED_TAGS or bool(classes & IGNORED_CLASSES)
        field = parent_field
        if attrs.get("data-search") == "aliases":
            field = "aliases"
        elif tag == "h1":
            field = "title"
        elif tag in ("h2", "h3", "h4"):
            field = "heading"
        if tag == "p" and self.in_article and not self.summary and field is None and not ignored:
            self._paragraph = []
        self.stack.append((tag, field, ignored))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _, _ = self.stack.pop()
            if open_tag == "article" and self.in_article:
                self.in_article -= 1
            if open_tag == "p" and self._paragraph is not None:
                self.summary = " ".join("".join(self._paragraph).split())
                self._paragraph = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.in_article or not self.stack or self.stack[-1][2]:
            return
        field = self.stack[-1][1] or "text"
        self.parts[field].append(data)
        if self._paragraph is not None:
            self._paragraph.append(data)


def read_page(html: str) -> dict:
    """The searchable parts of one built page."""
    article = _Article()
    article.feed(html)
    text = {field: " ".join(" ".join(chunks).split()) for field, chunks in article.parts.items()}
    summary = article.summary
    if len(summary) > SUMMARY_CHARS:
        summary = summary[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    aliases = re.sub(r"^\s*also called\s*", "", text["aliases"], flags=re.I)
    return {"title": text["title"], "aliases": aliases, "summary": summary, "text": text, "boost": article.boost}


def pages_to_index(site: Path) -> list[tuple[str, dict]]:
    """(URL relative to the site root, searchable parts) of every content page; each file read once,
    redirect stubs skipped."""
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in SKIP or rel.startswith(("api/", "schemas/", f"{FOLDER}/")):
            continue
        html = path.read_text(encoding="utf-8", errors="replace")
        if 'http-equiv="refresh"' in html[:2000]:
            continue
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel  # relative: the site may live in a folder
        found.append((url, read_page(html)))
    return found


def build_index(pages: list[tuple[str, dict]]) -> dict[str, dict]:
    """Shards by the first two letters of a word: {"pages": {n: [title, url, summary, aliases(, 1)]},
    "words": {word: [[n, score], ...]}}, each word's pages best first; the trailing 1 marks a page
    about the atlas itself (boost below 1), listed after the atlas's content."""
    scores: dict[str, dict[int, int]] = {}
    named: dict[str, set[int]] = {}  # word -> pages whose name or alias holds it: kept whatever the cap
    for n, (_, page) in enumerate(pages):
        for word in name_words_of(page):
            named.setdefault(word, set()).add(n)
        for field, weight in WEIGHT.items():
            text = page["text"][field]
            for word in words(text) + compounds(text):
                per_page = scores.setdefault(word, {})
                per_page[n] = per_page.get(n, 0) + weight * page.get("boost", 1.0)
    shards: dict[str, dict] = {}
    for word in sorted(scores):
        ranked = sorted(scores[word].items(), key=lambda item: (-item[1], item[0]))
        best = ranked[:PAGES_PER_WORD] + [item for item in ranked[PAGES_PER_WORD:] if item[0] in named.get(word, ())]
        shard = shards.setdefault(word[:2], {"pages": {}, "words": {}})
        shard["words"][word] = [[n, max(1, min(round(score), 9999))] for n, score in best]
        for n, _ in best:
            url, page = pages[n]
            about_the_atlas = [1] if page.get("boost", 1.0) < 1 else []
            shard["pages"].setdefault(str(n), [page["title"], url, page["summary"], page["aliases"], *about_the_atlas])
    return shards


def name_words_of(page: dict) -> list[str]:
    """The words of one page's name and aliases (without the "Also called" before them)."""
    return [word for text in (page["title"], page["aliases"]) for word in words(text) + compounds(text)]


def name_words(pages: list[tuple[str, dict]]) -> list[str]:
    """The words of page names and aliases (4 letters or more), most important first: what a
    misspelled query word is compared with when its own shard has nothing close."""
    weight: dict[str, float] = {}
    for _, page in pages:
        for word in name_words_of(page):
            if len(word) >= 4:
                weight[word] = weight.get(word, 0) + page.get("boost", 1.0)
    return sorted(weight, key=lambda word: (-weight[word], word))[:NAME_WORDS]


def index_site(site: Path) -> int:
    """Write the shards to site/search/; returns the number of pages indexed."""
    pages = pages_to_index(site)
    folder = site / FOLDER
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    for key, shard in build_index(pages).items():
        (folder / f"{key}.json").write_text(json.dumps(shard, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    # one line of words, most important first (not JSON: shards are the only JSON here)
    (folder / "words.txt").write_text(" ".join(name_words(pages)) + "\n", encoding="utf-8")
    return len(pages)

