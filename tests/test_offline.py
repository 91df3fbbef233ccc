"""The atlas offline, in Chromium: the service worker, "Save for offline", the offline page, updates.

"Offline" here is the real thing: the server is stopped, so every request fails as it does
in a basement gym with no signal.
"""
from __future__ import annotations

import re
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
import yaml
from conftest import FIXTURES, ROOT, make_project, mkdocs_build
from playwright.sync_api import expect


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    """A static server on loopback that can go away (offline) mid-test."""

    def __init__(self, directory):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(directory)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def online(real_site, tmp_path):
    site = shutil.copytree(real_site, tmp_path / "site")
    server = Server(site)
    server.site = site
    yield server
    if server.httpd.socket.fileno() != -1:
        server.stop()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


def worker_ready(page):
    assert page.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")


def until(page, script, tries=80):
    """Poll an async check (wait_for_function would take its promise for a true value)."""
    for _ in range(tries):
        if page.evaluate(script):
            return True
        page.wait_for_timeout(250)
    raise AssertionError(f"never true: {script}")


def stored(page, path):
    return page.evaluate("p => caches.match(new URL(p, location.href).href).then(r => !!r)", path)


def test_save_the_atlas_then_read_it_with_no_network(tab, online):
    tab.goto(online.url)
    worker_ready(tab)
    tab.get_by_role("button", name="Save for offline").click()
    confirm = tab.get_by_role("button", name=re.compile(r"^Download \d"))
    expect(confirm).to_be_visible(timeout=10000)
    assert re.search(r"The whole atlas is \d+ files, [\d.]+ MB", tab.locator(".atlas-offline__status").inner_text())
    confirm.click()
    expect(tab.locator(".atlas-offline__status")).to_contain_text("Saved: the whole atlas", timeout=90000)
    online.stop()
    for slug in ["glute-bridge", "nordic-curl", "trap-bar-deadlift", "good-morning", "stiff-leg-deadlift"]:
        name = yaml.safe_load((ROOT / "data" / "exercises" / f"{slug}.yaml").read_text())["name"]
        tab.goto(online.url + f"exercises/{slug}/")
        assert tab.locator("h1").inner_text().rstrip("¶").strip() == name
    tab.goto(online.url + "exercises/?pattern=hinge")
    shown = tab.locator("#finder-table tbody tr:visible").count()
    assert 0 < shown < tab.locator("#finder-table tbody tr").count()
    tab.goto(online.url + 'builder/?sheet={"t":"A","r":[["glute-bridge","2","15","rpe","7","60 s","note"]]}')
    expect(tab.locator(".builder__table tr[data-id]")).to_have_count(1)
    # search works offline too: the whole index is part of the saved atlas
    tab.goto(online.url + "about/")
    tab.locator(".atlas-search__label").click()  # on a phone the box opens from its magnifier
    tab.keyboard.type("RDL", delay=30)
    expect(tab.locator("#atlas-search-results a").first).to_have_attribute("href", re.compile(r"romanian-deadlift/$"), timeout=20000)


def test_without_saving_a_page_read_before_opens_offline_and_others_show_the_offline_page(tab, online):
    tab.goto(online.url + "exercises/romanian-deadlift/")
    worker_ready(tab)
    until(tab, "caches.match(location.href).then(r => !!r)")
    assert not stored(tab, "../glute-bridge/")  # nothing large was downloaded without asking
    online.stop()
    tab.reload()
    assert tab.locator("h1").inner_text().rstrip("¶").strip() == "Romanian deadlift"
    tab.goto(online.url + "exercises/glute-bridge/")
    assert tab.locator("h1").inner_text().rstrip("¶").strip() == "You are offline"
    # listed by its own title, read from the stored copy
    expect(tab.locator("[data-atlas-stored] a", has_text=re.compile(r"^Romanian deadlift$"))).to_be_visible()


def test_a_program_page_saves_just_its_exercises(tab, online):
    tab.goto(online.url + "programs/posterior-chain-plan/")
    worker_ready(tab)
    tab.get_by_role("button", name="Save this program's exercises").click()
    expect(tab.locator(".atlas-offline__status")).to_contain_text(re.compile(r"This program and its \d+ exercises are \d"))
    tab.get_by_role("button", name=re.compile(r"^Download")).click()
    expect(tab.locator(".atlas-offline__status")).to_contain_text("Saved: this program", timeout=30000)
    exercises = tab.evaluate("""() => [...new Set([...document.querySelectorAll('article a[href]')]
        .map(a => new URL(a.href).pathname).filter(p => /\\/exercises\\/[^/]+\\/$/.test(p)))]""")
    assert exercises and all(stored(tab, path) for path in exercises)
    assert not stored(tab, "/muscles/gluteus-maximus/")
    assert tab.evaluate("caches.keys().then(k => k.filter(n => n.startsWith('atlas-saved-')).length)") == 0


def test_a_new_build_replaces_the_stored_pages_once_the_new_worker_takes_over(tab, tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "base")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    server = Server(site)
    try:
        tab.goto(server.url)
        worker_ready(tab)
        tab.get_by_role("button", name="Save for offline").click()
        tab.get_by_role("button", name=re.compile(r"^Download \d")).click()
        expect(tab.locator(".atlas-offline__status")).to_contain_text("Saved: the whole atlas", timeout=60000)
        old = tab.evaluate("caches.keys()")
        home = project / "content" / "index.md"
        home.write_text(home.read_text() + "\n\nNew in this build: a changed page.\n")
        result = mkdocs_build(project, site)
        assert result.returncode == 0, result.stderr
        tab.reload()
        expect(tab.locator("article")).to_contain_text("New in this build")
        # the new worker takes over and the saved set is replaced as a whole
        for _ in range(120):  # the new worker takes over and the saved set is replaced as a whole
            new = tab.evaluate("caches.keys()")
            saved, shell = [n for n in new if n.startswith("atlas-saved-")], [n for n in new if n.startswith("atlas-shell-")]
            if len(saved) == 1 and len(shell) == 1 and saved[0] not in old and shell[0] not in old:
                break
            tab.wait_for_timeout(250)
        new = tab.evaluate("caches.keys()")
        assert {n for n in new if n.startswith("atlas-shell-")} != {n for n in old if n.startswith("atlas-shell-")}
        assert {n for n in new if n.startswith("atlas-saved-")} != {n for n in old if n.startswith("atlas-saved-")}
    finally:
        server.stop()
    tab.goto(server.url + "?offline")  # offline now: the stored page is the new build's
    expect(tab.locator("article")).to_contain_text("New in this build")
    assert "Fixture home" in tab.locator("h1").inner_text()


def test_a_failed_precache_leaves_the_site_working_online(tab, online):
    shutil.rmtree(online.site / "offline")  # the shell cannot be stored: the worker never installs
    tab.goto(online.url + "exercises/romanian-deadlift/")
    tab.wait_for_timeout(1500)
    assert tab.evaluate("navigator.serviceWorker.getRegistration().then(r => !r || !r.active)")
    tab.goto(online.url + "exercises/glute-bridge/")
    assert tab.locator("h1").inner_text().rstrip("¶").strip() == "Glute bridge"


def test_with_save_data_on_the_reader_is_told_and_nothing_downloads_unasked(browser, online):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script("Object.defineProperty(navigator, 'connection', { value: { saveData: true } })")
    tab = context.new_page()
    tab.goto(online.url + "exercises/glute-bridge/")
    worker_ready(tab)
    tab.get_by_role("button", name="Save for offline").click()
    status = tab.locator(".atlas-offline__status")
    expect(status).to_contain_text("Your browser asks to save data; nothing downloads unless you choose to.", timeout=10000)
    assert re.search(r"The whole atlas is \d+ files, [\d.]+ MB", status.inner_text())
    tab.get_by_role("button", name="Cancel").click()
    expect(status).to_have_text("Nothing was downloaded.")
    assert tab.evaluate("caches.keys().then(names => names.filter(n => n.startsWith('atlas-saved-')))") == []
    context.close()
