"""`make bench`: build the site with 100, 500 and 2,000 exercises and record how it scales.

A benchmark, not a test. Synthetic exercises are copies of the real ones under new ids
(so every page kind, citation and relation is exercised); the real Romanian deadlift
page is measured at every size. Results go to bench/results/scale.{json,md}.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
SIZES = (100, 500, 2000)
MEASURED_PAGE = Path("exercises") / "romanian-deadlift" / "index.html"
COPY = ("data", "content", "hooks", "references.bib", "mkdocs.yml", "CONTRIBUTING.md")


def make_project(dest: Path, exercises: int) -> None:
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", "atlas"))
        else:
            shutil.copy(source, dest / name)
    folder = dest / "data" / "exercises"
    real = [yaml.safe_load(path.read_text()) for path in sorted(folder.glob("*.yaml"))]
    for i in range(exercises - len(real)):
        base = dict(real[i % len(real)])
        base["id"] = f"{base['id']}-synthetic-{i}"
        base["name"] = f"{base['name']} synthetic {i}"
        base.pop("aliases", None)
        base.pop("variations", None)
        (folder / f"{base['id']}.yaml").write_text(yaml.safe_dump(base, sort_keys=False, allow_unicode=True))


def measure(exercises: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        make_project(project, exercises)
        sys.path.insert(0, str(ROOT / "hooks"))
        import atlas

        started = time.perf_counter()
        result = atlas.build(project)
        core_s = time.perf_counter() - started
        assert result.ok, result.problems.report()

        site = Path(tmp) / "site"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                        "-d", str(site)], check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"})
        total_s = time.perf_counter() - started
        pages = sum(1 for _ in site.rglob("index.html"))
        return {
            "exercises": exercises,
            "pages": pages,
            "total_s": round(total_s, 2),
            "ms_per_page": round(1000 * total_s / pages, 2),
            "core_s": round(core_s, 2),
            "core_share": round(core_s / total_s, 3),
            "exercise_page_bytes": (site / MEASURED_PAGE).stat().st_size,
            "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6, 1),
        }


def main() -> int:
    rows = []
    for size in SIZES:
        rows.append(measure(size))
        print(rows[-1], flush=True)
    first, last = rows[0], rows[-1]
    summary = {
        "page_size_ratio": round(last["exercise_page_bytes"] / first["exercise_page_bytes"], 3),
        "time_per_page_ratio": round(last["ms_per_page"] / first["ms_per_page"], 3),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps({"runs": rows, **summary}, indent=2) + "\n")
    lines = [
        "| exercises | pages | total (s) | per page (ms) | core (s) | core share | exercise page (bytes) | site (MB) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *(f"| {r['exercises']} | {r['pages']} | {r['total_s']} | {r['ms_per_page']} | {r['core_s']} | "
          f"{r['core_share']:.0%} | {r['exercise_page_bytes']} | {r['site_mb']} |" for r in rows),
        "",
        f"At {last['exercises']} exercises an exercise page is {summary['page_size_ratio']}× its size at "
        f"{first['exercises']}, and the time per page is {summary['time_per_page_ratio']}×.",
    ]
    (RESULTS / "scale.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
