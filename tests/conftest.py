"""Shared helpers: assemble fixture projects and build them for real."""
from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
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
        shutil.copytree(overlay, dest, symlinks=True, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected", ".delete"))
        # an overlay cannot remove a file, so `.delete` lists the base files it takes away
        deleted = overlay / ".delete"
        for name in deleted.read_text().split() if deleted.exists() else []:
            (dest / name).unlink()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n.*\Z", "", config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    # the MkDocs side of hooks/ (the adapter and the theme); the core is installed in the venv
    shutil.copytree(ROOT / "hooks", dest / "hooks", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("atlas", "__pycache__"))
    (dest / "content" / "assets").mkdir(parents=True, exist_ok=True)
    for sheet in ("atlas.css", "atlas-tools.css", "atlas-search.css"):
        shutil.copy(ROOT / "content" / "assets" / sheet, dest / "content" / "assets" / sheet)
    shutil.copy(ROOT / "content" / "offline.md", dest / "content" / "offline.md")  # the service worker's fallback page
    return dest


def run(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "LC_ALL": "C.UTF-8"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return run(str(BIN / "mkdocs"), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site))


@functools.cache
def project_atlas():
    """The project's data, loaded, validated and linked once per test process; no page is rendered.
    Cheap enough for parametrising at collection time."""
    from atlas import model

    data, problems = model.load(ROOT)
    assert not problems, problems.report()
    return data


@pytest.fixture(scope="session")
def project_build():
    """The project rendered by the core once per test process (the pages, without MkDocs)."""
    import atlas

    return atlas.build(ROOT)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real project, built once with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


# --- real Chromium against the built site, served over HTTP on loopback ---------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _bench_scale():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench_scale = _bench_scale()


def copy_real_project(dest: Path) -> Path:
    """The real project's sources (data, pages, theme, bibliography), as the benchmark copies them."""
    bench_scale.make_project(dest, 0)
    return dest


def tab_to_citation(page, presses: int = 200) -> str:
    """Press Tab until a citation has the focus; the id of the tooltip it is described by."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite__ref')"):
            return page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    pytest.fail("no citation reachable with the Tab key")


@contextmanager
def serve(directory: Path):
    """Serve a built site on 127.0.0.1 (a free port) for as long as the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The hostile fixture (a payload in every free-text field), built with a strict build."""
    root = tmp_path_factory.mktemp("hostile")
    project = make_project(root / "project", FIXTURES / "hostile")
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def site_url(real_site):
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
