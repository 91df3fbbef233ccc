"""Thirty misspelled queries typed into the real search box: a benchmark, not a test.

Serves a built site from loopback, types each query into the header search box in Chromium
(1280 px), waits for the answer and records what a reader sees: the status line, the first
result, and where the page the query was meant to find stands among all results.

    .venv/bin/python bench/typos.py SITE --label before   # bench/results/typos-before.json
    .venv/bin/python bench/typos.py SITE --label after    # then typos.md compares the two

A row counts as found when the intended page is the first result.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
CHROMIUM = "/usr/bin/chromium"

# (query as a hurried lifter types it, a pattern the intended page's address matches)
QUERIES = [
    ("deadlfit", r"exercises/[a-z-]*deadlift/$"),
    ("romanain deadlift", r"exercises/romanian-deadlift/$"),
    ("hamstirng", r"hamstring"),
    ("glute brige", r"exercises/glute-bridge/$"),
    ("nordci", r"exercises/nordic-curl/$"),
    ("hip thurst", r"exercises/barbell-hip-thrust/$"),
    ("kettlebel swing", r"exercises/kettlebell-swing/$"),
    ("romanian dedlift", r"exercises/romanian-deadlift/$"),
    ("gluteus maximis", r"muscles/gluteus-maximus/$"),
    ("semitendinosis", r"muscles/semitendinosus/$"),
    ("hyperextention", r"exercises/hip-extension-45/$"),
    ("erector spinea", r"muscles/erector-spinae/$"),
    ("good mornign", r"exercises/good-morning/$"),
    ("trap bar deadlfit", r"exercises/trap-bar-deadlift/$"),
    ("stiff leg dealift", r"exercises/stiff-leg-deadlift/$"),
    ("split sqaut", r"exercises/split-squat/$"),
    ("clamsehll", r"exercises/clamshell/$"),
    ("kickbakc", r"exercises/banded-kickback/$"),
    ("pigoen stretch", r"exercises/pigeon-stretch/$"),
    ("brid dog", r"exercises/bird-dog/$"),
    ("lateral wlak", r"exercises/banded-lateral-walk/$"),
    ("setp up", r"exercises/step-up/$"),
    ("dumbell hip thrust", r"exercises/dumbbell-hip-thrust/$"),
    ("reverce lunge", r"exercises/reverse-lunge/$"),
    ("cabel pull through", r"exercises/cable-pull-through/$"),
    ("gluteus medus", r"muscles/gluteus-medius/$"),
    ("quadricpes", r"muscles/quadriceps/$"),
    ("biceps femoirs", r"muscles/biceps-femoris-long-head/$"),
    ("gulte bridge", r"exercises/glute-bridge/$"),
    ("ormanian deadlift", r"exercises/romanian-deadlift/$"),
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# Every result's address once the answer has settled: all results, after "show more" if there is one.
ANSWER = """() => {
  const more = document.querySelector('#atlas-search-results [data-atlas-more]');
  if (more && !more.hidden) more.click();
  return {status: document.getElementById('atlas-search-status').textContent,
          results: [...document.querySelectorAll('#atlas-search-results ol a')].map(a => [a.querySelector('.atlas-search__title').textContent, a.getAttribute('href')])};
}"""


def ask(page, query: str) -> dict:
    box = page.locator("#atlas-search-input")
    box.fill("")
    page.wait_for_timeout(150)
    box.fill(query)
    page.wait_for_timeout(400)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    return page.evaluate(ANSWER)


def measure(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/about/")
            page.locator("#atlas-search-input").click()
            for query, wanted in QUERIES:
                answer = ask(page, query)
                hrefs = [href for _, href in answer["results"]]
                rank = next((i + 1 for i, href in enumerate(hrefs) if re.search(wanted, href)), None)
                rows.append({"query": query, "wanted": wanted, "status": answer["status"].strip(),
                             "first": answer["results"][0][0] if answer["results"] else None,
                             "shown": len(hrefs), "rank": rank})
            browser.close()
    finally:
        server.shutdown()
    return rows


def cell(row: dict) -> str:
    if not row["shown"]:
        return "nothing" + (f" ({row['status']})" if "mean" in row["status"] else "")
    where = "first" if row["rank"] == 1 else f"at {row['rank']}" if row["rank"] else "not found"
    return f"{row['first']} ({where} of {row['shown']})"


def compare() -> None:
    before = json.loads((RESULTS / "typos-before.json").read_text())
    after = json.loads((RESULTS / "typos-after.json").read_text())
    found = lambda rows: sum(r["rank"] == 1 for r in rows)  # noqa: E731
    lines = [f"Thirty misspelled queries typed into the search box (bench/typos.py). First result, and where the "
             f"intended page stands (\"of N\": results shown; before, at most 8 were). Intended page first: "
             f"before {found(before)} of 30, after {found(after)} of 30.", "",
             "| query | before | after |", "| --- | --- | --- |"]
    lines += [f"| {b['query']} | {cell(b)} | {cell(a)} |" for b, a in zip(before, after, strict=True)]
    (RESULTS / "typos.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--label", default="after", choices=["before", "after"])
    args = parser.parse_args()
    rows = measure(args.site)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"typos-{args.label}.json").write_text(json.dumps(rows, indent=1) + "\n")
    for row in rows:
        print(f"{row['query']:22} {cell(row)}")
    if (RESULTS / "typos-before.json").exists() and (RESULTS / "typos-after.json").exists():
        compare()
    return 0


if __name__ == "__main__":
    sys.exit(main())
