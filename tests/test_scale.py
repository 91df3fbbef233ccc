"""An exercise page's HTML must not grow with the catalogue (the navigation is pruned).

Structural, not timed: the same page is built with the real catalogue and with 40
synthetic exercises more, and must come out byte for byte the same size. Speed is
measured by `make bench`, which records figures instead of asserting them.
"""
from __future__ import annotations

from conftest import ROOT, bench_scale, mkdocs_build


def test_an_exercise_page_does_not_grow_with_the_catalogue(real_site, tmp_path):
    real_count = len(list((ROOT / "data" / "exercises").glob("*.yaml")))
    project = tmp_path / "project"
    bench_scale.make_project(project, real_count + 40)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = bench_scale.MEASURED_PAGE
    assert (tmp_path / "site" / page).stat().st_size == (real_site / page).stat().st_size
    finder = "exercises/index.html"
    assert (tmp_path / "site" / finder).stat().st_size > (real_site / finder).stat().st_size  # the data did grow
