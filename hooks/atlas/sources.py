"""The load step: read references.bib, every data file and every hand-written page.

Nothing is checked here beyond what reading needs (file names, YAML itself); what
exists is recorded so the validate step can tell an unknown id from a broken file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import bibliography, yamlsource
from .guard import files
from .kinds import FILE_KINDS, FOLDER_KINDS, KINDS
from .markdown import ContentPage
from .problems import Problems

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
GUIDES = "guides/"  # content/guides/<slug>.md
# files of data/ the atlas once read: a copy left in a contributor's tree would look as if it
# still did something, so it is an error that says why it went (file name -> why)
RETIRED = {
    "evidence-allowlist.yaml": "the evidence allowlist was retired and every evidence rule (A901-A907) "
                               "applies to every file",
}


@dataclass
class Sources:
    bib: bibliography.Bibliography
    docs: dict = field(default_factory=dict)  # (kind, id) -> Document, one file per item
    lists: dict = field(default_factory=dict)  # kind -> Document holding a list of items
    content: list = field(default_factory=list)  # ContentPage
    # kind -> ids that exist, counted even when a file fails to load, so one broken
    # file does not make every link to it an error as well
    known: dict = field(default_factory=dict)


def read(root: Path, problems: Problems) -> Sources:
    found = Sources(bib=bibliography.load(root / "references.bib", problems))
    found.known = {kind.name: set() for kind in KINDS}
    # links and unsafe names are refused before anything is read; only what is left is read
    data_files = set(files.walk(root / "data", problems, root))
    for kind in FOLDER_KINDS:
        folder = root / "data" / kind.folder
        _read_folder(sorted(p for p in data_files if p.parent == folder), kind.name, found, problems)
    for kind in FILE_KINDS:
        _read_list(root / "data" / kind.file, kind.name, found, problems, data_files)
    for name, why in RETIRED.items():
        if root / "data" / name in data_files:
            problems.add(root / "data" / name, 1, 1, "A121", name=f"data/{name}", why=why)
    # an unreadable references.bib leaves its keys unknown: citing them is then not judged
    found.known["reference"] = set(found.bib.keys()) if found.bib.readable else None
    content_dir = root / "content"
    templates = sorted(p.name for p in (root / "hooks" / "theme").glob("*.html") if p.name != "main.html")
    for path in files.walk(content_dir, problems, root):
        if path.suffix.lower() not in files.CONTENT_TYPES:
            problems.add(path, 1, 1, "A117", name=path.relative_to(content_dir).as_posix(),
                         types=", ".join(sorted(files.CONTENT_TYPES)))
        elif path.suffix == ".md":
            page = ContentPage.load(path, content_dir, templates, problems)
            if page is not None:
                found.content.append(page)
    files.refuse_link(root / "CONTRIBUTING.md", problems, root)  # published as a page too
    # guides are hand-written pages; a question names the guides that show it by their slug
    found.known["guide"] = {page.src_uri[len(GUIDES):-3] for page in found.content
                            if page.src_uri.startswith(GUIDES) and page.src_uri.count("/") == 1}
    return found


def _read_folder(paths: list[Path], kind: str, found: Sources, problems: Problems) -> None:
    for path in paths:
        if path.suffix != ".yaml":
            problems.add(path, 1, 1, "A108", name=path.name)
            continue
        if not ID_RE.match(path.stem):
            problems.add(path, 1, 1, "A303", name=path.name)
            continue
        found.known[kind].add(path.stem)
        doc = yamlsource.load(path, problems)
        if doc is not None:
            found.docs[(kind, path.stem)] = doc


def _read_list(path: Path, kind: str, found: Sources, problems: Problems, data_files: set) -> None:
    if path.is_symlink():  # refused by files.walk
        found.known[kind] = None
        return
    if path not in data_files:
        problems.add(path, 1, 1, "A109", name=f"data/{path.name}")
        found.known[kind] = None
        return
    doc = yamlsource.load(path, problems)
    if doc is None:
        found.known[kind] = None  # unreadable: which ids exist is unknown, so links to them are not judged
        return
    found.lists[kind] = doc
    items = doc.data if isinstance(doc.data, list) else []
    found.known[kind] = {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}
