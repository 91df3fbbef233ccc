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


def save(page, which="atlas"):
    """Open the header's offline panel and press its one button: it says the size, so it saves at once."""
    page.locator(".atlas-offline__toggle").click()
    button = page.locator(f"[data-atlas-save={which}]")
    expect(button).to_be_visible()
    label = button.inner_text()
    button.click()
    return label


def test_save_the_atlas_then_read_it_with_no_network(tab, online):
    tab.goto(online.url)
    worker_ready(tab)
    # one button, in the header, that says how big the atlas is (no second "Download" step)
    assert re.fullmatch(r"Save for offline \([\d.]+ MB\)", save(tab))
    assert tab.locator(".atlas-offline__panel button").count() == 1
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
    expect(tab.locator(".sheet__table tr[data-id]")).to_have_count(1)  # the client's view of the sheet
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
    save(tab, "program")
    expect(tab.locator(".atlas-offline__status")).to_contain_text(re.compile(r"Saved: this program and its \d+ exercises \(\d"), timeout=30000)
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
        save(tab)
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


def test_with_save_data_on_nothing_downloads_until_the_button_with_the_size_is_pressed(browser, online):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    context.add_init_script("Object.defineProperty(navigator, 'connection', { value: { saveData: true } })")
    tab = context.new_page()
    tab.goto(online.url + "exercises/glute-bridge/")
    worker_ready(tab)
    tab.locator(".atlas-offline__toggle").tap()
    expect(tab.locator("[data-atlas-save=atlas]")).to_have_text(re.compile(r"^Save for offline \([\d.]+ MB\)$"))
    tab.wait_for_timeout(1000)
    assert tab.evaluate("caches.keys().then(names => names.filter(n => n.startsWith('atlas-saved-')))") == []
    tab.keyboard.press("Escape")
    expect(tab.locator(".atlas-offline__panel")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_offline_page_offers_the_page_asked_for_once_the_network_is_back(browser, online, width):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 740}, has_touch=phone, is_mobile=phone)
    tab = context.new_page()
    tab.goto(online.url + "exercises/romanian-deadlift/")
    worker_ready(tab)
    port = online.httpd.server_address[1]
    online.stop()
    tab.goto(online.url + "exercises/glute-bridge/")
    assert tab.locator("h1").inner_text().rstrip("¶").strip() == "You are offline"
    assert "from=" in tab.url
    wanted = tab.locator("[data-atlas-wanted]")
    expect(wanted).to_contain_text("You asked for “exercises › glute bridge”")
    assert wanted.locator("a").count() == 0  # nothing to open yet
    back = ThreadingHTTPServer(("127.0.0.1", port), partial(_Quiet, directory=str(online.site)))
    threading.Thread(target=back.serve_forever, daemon=True).start()
    try:
        link = wanted.get_by_role("link")
        expect(link).to_be_visible(timeout=15000)  # offered as soon as the network answers
        link.tap() if phone else link.click()
        tab.wait_for_url(re.compile(r"/exercises/glute-bridge/$"))
        assert tab.locator("h1").inner_text().rstrip("¶").strip() == "Glute bridge"
    finally:
        back.shutdown()
        back.server_close()
        context.close()
