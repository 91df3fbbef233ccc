"""MkDocs adapter: hands the core's pages to MkDocs. Nothing else lives here.

- on_files: build the atlas (stop with the core's own error list if the data has
  problems), add each generated page and open-data file, and point every page's
  edit link at the file a contributor really edits.
- on_page_markdown: number citations and resolve entity links in hand-written pages, and
  replace their front matter with the checked, escaped one (the theme prints it unescaped).
- on_page_content: sanitise hand-written pages' HTML; explain abbreviations from the glossary.
- on_post_page: take the indentation out of the built HTML.
- on_post_build: shrink the atlas's CSS and scripts, index the built pages for search (hooks/atlas/search.py), then write the offline files
  (manifest, icons, precache manifest, service worker) from the site as built.
"""
from __future__ import annotations

import sys
from pathlib import Path

import atlas
from atlas import minify, offline, search

if "properdocs" in sys.modules:  # ProperDocs, the maintained fork of MkDocs 1.6, runs the same hook
    from properdocs.exceptions import PluginError
    from properdocs.structure.files import File
else:
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

_build: atlas.Build | None = None
_generated: set[str] = set()


def on_files(files, config):
    global _build, _generated
    root = Path(config.config_file_path).parent
    _build = atlas.build(root, config.site_url or "")
    if len(_build.problems):  # errors, or only warnings
        print(_build.problems.report(), file=sys.stderr)
    if not _build.ok:
        raise PluginError(f"{len(set(_build.problems.errors))} problem(s) in the data; run `make check` for the same list")
    for file in files:
        if file.is_documentation_page():
            file.edit_uri = f"content/{file.src_uri}"
    for path, content in _build.exports(config.site_url or "/").items():
        files.append(File.generated(config, path, content=content))
    _generated = set()
    for page in _build.pages:
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = page.edit_path
        files.append(file)
        _generated.add(page.src_uri)
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in _generated:
        return markdown
    page.meta = _build.page_meta(page.meta, page.file.src_uri)
    return _build.content_page(markdown, page.file.src_uri, sanitised=True)


def on_page_content(html, page, config, files):
    return _build.page_html(html, page.file.src_uri)


def on_post_page(output, page, config):
    return minify.html(output)


def on_post_build(config):
    site = Path(config.site_dir)
    minify.site_assets(site)  # before the precache manifest hashes the files
    search.index_site(site)  # first: the precache manifest lists the search shards too
    offline.write_offline(site, config.site_name, config.site_description or "")
