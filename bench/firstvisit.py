"""Bytes of a first visit, measured at the server: a benchmark, not a test.

Builds the real atlas (40 exercises) and a synthetic one (2,000, as bench/scale.py makes
it), serves each from loopback gzipped as a static host would (bench/lighthouse.py's
handler), and counts every byte the server sends (headers and bodies, service-worker
requests included) for:

- a first visit to an exercise page in a fresh browser profile, until the network is idle;
- the first search on that page ("RDL"), until its first result is shown.

Results go to bench/results/firstvisit.{json,md} (or the file named by --label, so the
figures before a change can be kept beside those after it).

    .venv/bin/python bench/firstvisit.py [--label before] [--sizes 40,2000]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
PAGE = "exercises/romanian-deadlift/"
QUERY = "RDL"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lighthouse = _load("lighthouse")
scale = _load("scale")


class CountingHandler(lighthouse.GzipHandler):
    """The gzip handler, counting what it writes: a per-server tally of bytes and requests."""

    tally: dict

    def setup(self):
        super().setup()
        tally, raw, handler = self.tally, self.wfile, self

        class Counter:
            def write(self, data):
                with tally["lock"]:
                    tally["bytes"] += len(data)
                    path = getattr(handler, "counted_path", "?")
                    tally["by_path"][path] = tally["by_path"].get(path, 0) + len(data)
                return raw.write(data)

            def __getattr__(self, name):
                return getattr(raw, name)

        self.wfile = Counter()

    def send_head(self):
        with self.tally["lock"]:
            self.tally["requests"].append(self.path)
            self.counted_path = self.path
        return super().send_head()


def build(exercises: int, dest: Path) -> Path:
    project = dest / "project"
    scale.make_project(project, max(exercises, 0) if exercises > 40 else 0)
    site = dest / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                   check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"})
    return site


def search(page) -> None:
    """Type the query into whichever search box the site has, and wait for the first result."""
    if page.locator("#atlas-search-input").count():
        page.locator("#atlas-search-input").press_sequentially(QUERY, delay=30)
        page.locator("#atlas-search-results a").first.wait_for(timeout=30000)
    else:  # Material's built-in search
        page.locator("label.md-header__button[for='__search']").first.click()
        page.locator("input.md-search__input").press_sequentially(QUERY, delay=30)
        page.locator(".md-search-result__item a").first.wait_for(timeout=180000)


def measure(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    tally = {"bytes": 0, "requests": [], "by_path": {}, "lock": threading.Lock()}
    handler = type("Handler", (CountingHandler,), {"tally": tally})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            page.goto(base + PAGE, wait_until="networkidle")
            page.wait_for_timeout(1500)  # a service worker installs after load; let it finish
            page.wait_for_load_state("networkidle")
            first_visit, first_requests = tally["bytes"], dict(tally["by_path"])
            tally["bytes"], tally["requests"], tally["by_path"] = 0, [], {}
            started = time.perf_counter()
            search(page)
            page.wait_for_load_state("networkidle")
            search_ms = (time.perf_counter() - started) * 1000
            first_search, search_requests = tally["bytes"], dict(tally["by_path"])
            browser.close()
    finally:
        server.shutdown()
    return {"first_visit_bytes": first_visit, "first_visit_requests": len(first_requests),
            "first_search_bytes": first_search, "first_search_requests": len(search_requests),
            "first_search_ms": round(search_ms), "largest_file_bytes": max(p.stat().st_size for p in site.rglob("*") if p.is_file()),
            "requests": {"first_visit": first_requests, "first_search": search_requests}}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default="firstvisit")
    parser.add_argument("--sizes", default="40,2000")
    args = parser.parse_args()
    rows = {}
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            rows[size] = measure(build(size, Path(tmp)))
        print(size, {k: v for k, v in rows[size].items() if k != "requests"}, flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.label}.json").write_text(json.dumps(rows, indent=2) + "\n")
    lines = [
        f"First visit to /{PAGE} in a fresh profile, then the first search ({QUERY!r}); bytes the server sent, gzip.",
        "",
        "| exercises | first visit (KiB) | requests | first search (KiB) | requests | search (ms) |",
        "| --- | --- | --- | --- | --- | --- |",
        *(f"| {size} | {r['first_visit_bytes'] / 1024:.1f} | {r['first_visit_requests']} | {r['first_search_bytes'] / 1024:.1f} "
          f"| {r['first_search_requests']} | {r['first_search_ms']} |" for size, r in rows.items()),
    ]
    (RESULTS / f"{args.label}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
