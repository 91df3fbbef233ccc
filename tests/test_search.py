"""The search index keeps, for every word, the pages named by it: a word's page cap
(search.PAGES_PER_WORD) never drops the page whose own name or alias holds the word."""
from __future__ import annotations

import json

import pytest
from atlas import search
from conftest import project_atlas

ATLAS = project_atlas()


def _page(title: str, text: str = "", aliases: str = "", boost: float = 1.0) -> dict:
    return {"title": title, "aliases": aliases, "summary": "", "boost": boost,
            "text": {"title": title, "aliases": f"Also called {aliases}" if aliases else "", "heading": "", "text": text}}


def _urls(shards: dict, word: str) -> list[str]:
    shard = shards.get(word[:2], {"words": {}, "pages": {}})
    return [shard["pages"][str(n)][1] for n, _ in shard["words"].get(word, [])]


def test_a_page_named_by_a_word_is_kept_beyond_the_cap():
    # more pages than the cap that say "hip" often enough to outscore a page with "hip" in its name only
    crowd = [(f"guides/g{i}/", _page(f"Guide {i}", "hip called " * 200)) for i in range(search.PAGES_PER_WORD + 10)]
    named = [("exercises/single-leg-hip-thrust/", _page("Single-leg hip thrust")),
             ("exercises/rdl/", _page("Romanian deadlift", aliases="stiff hip hinge"))]
    shards = search.build_index(crowd + named)
    urls = _urls(shards, "hip")
    assert "exercises/single-leg-hip-thrust/" in urls and "exercises/rdl/" in urls
    assert len(urls) == search.PAGES_PER_WORD + 2  # the cap still holds for pages that only mention it
    assert urls[:search.PAGES_PER_WORD] == [url for url, _ in crowd[:search.PAGES_PER_WORD]]  # best first
    # the words of the aliases' label ("Also called") name nothing: the cap holds for them
    assert "exercises/rdl/" not in _urls(shards, "called")
    # the compound of a hyphenated name is a name word too
    assert "exercises/single-leg-hip-thrust/" in _urls(shards, "singleleg")


def _entities():
    for kind, folder in (("exercise", "exercises"), ("muscle", "muscles")):
        for eid, entity in sorted(ATLAS.entities[kind].items()):
            yield f"{folder}/{eid}/", [entity["name"], *entity.get("aliases", [])]


@pytest.fixture(scope="module")
def shards(real_site):
    return {p.stem: json.loads(p.read_text()) for p in (real_site / "search").glob("*.json")}


def test_every_word_of_a_name_or_alias_finds_its_exercise_or_muscle(shards):
    missing = []
    for url, names in _entities():
        for name in names:
            for word in search.words(name) + search.compounds(name):
                if url not in _urls(shards, word):
                    missing.append((url, name, word))
    assert not missing, missing
