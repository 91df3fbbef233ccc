"""`make lighthouse`: Lighthouse (mobile preset) on five pages, median of three runs each.

A benchmark, not a test: it records figures in bench/results/lighthouse.{json,md}.
The site is served from loopback with gzip, as any static host would serve it.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "bench" / "results"
PAGES = {
    "home": "",
    "finder": "exercises/",
    "exercise": "exercises/romanian-deadlift/",
    "muscle": "muscles/gluteus-maximus/",
    "references": "references/",
}
RUNS = 5  # the machine is shared and noisy: five runs, the median of each figure
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it, like a production host."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def run_lighthouse(url: str) -> dict:
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--quiet", f"--chrome-flags={CHROME_FLAGS}",
         "--only-categories=performance,accessibility,best-practices,seo"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, timeout=300,
    )
    if result.returncode != 0:
        sys.exit(f"lighthouse failed for {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        **{key: round(category["score"] * 100) for key, category in report["categories"].items()},
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "total_kib": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    table = {}
    for name, path in PAGES.items():
        runs = [run_lighthouse(base + path) for _ in range(RUNS)]
        table[name] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        print(name, table[name], flush=True)
    server.shutdown()

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "lighthouse.json").write_text(json.dumps(table, indent=2) + "\n")
    lines = [
        f"Lighthouse 12.8.2, mobile preset, median of {RUNS} runs, served gzipped from loopback.",
        "",
        "| page | performance | accessibility | best practices | SEO | LCP (ms) | TBT (ms) | CLS | total KiB |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, row in table.items():
        lines.append(f"| {name} | {row['performance']:.0f} | {row['accessibility']:.0f} | {row['best-practices']:.0f} "
                     f"| {row['seo']:.0f} | {row['lcp_ms']:.0f} | {row['tbt_ms']:.0f} | {row['cls']:.3f} | {row['total_kib']:.0f} |")
    (RESULTS / "lighthouse.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
