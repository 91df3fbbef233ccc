"""Shared helpers: assemble fixture projects and build them for real."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BIN = Path(sys.executable).parent


def make_project(dest: Path, *overlays: Path) -> Path:
    """A project folder: the base fixture, then each overlay copied on top.

    mkdocs.yml and the hook are the real ones (the fixture has its own pages, so the
    real nav is dropped and MkDocs derives one).
    """
    shutil.copytree(FIXTURES / "base", dest, dirs_exist_ok=True)
    for overlay in overlays:
        shutil.copytree(overlay, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n.*\Z", "", config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    (dest / "hooks").mkdir(exist_ok=True)
    shutil.copy(ROOT / "hooks" / "atlas_hook.py", dest / "hooks" / "atlas_hook.py")
    (dest / "content" / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "content" / "assets" / "atlas.css", dest / "content" / "assets" / "atlas.css")
    return dest


def run(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "LC_ALL": "C.UTF-8"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return run(str(BIN / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real project, built once with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site
