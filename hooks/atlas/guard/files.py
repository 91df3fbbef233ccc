"""Which files a pull request may add, and reading them without following links.

A symbolic link could publish any file the build machine can read, so links are refused
before anything is read, and nothing here follows one. File names become URLs, precache
entries and search addresses: outside a small safe set (`#`, `?`, spaces, non-ASCII ...)
they break those, so they are refused too. In content/, only file types a page may show
are allowed: a script, HTML or SVG file there would run under the site's own address.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..problems import Problems

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# what content/ may hold: pages, the atlas's style sheets, plain text and images that cannot run code
CONTENT_TYPES = {".md", ".css", ".txt", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".pdf"}


def walk(folder: Path, problems: Problems, root: Path | None = None) -> list[Path]:
    """Every regular file under `folder` (sorted), after refusing links and unsafe names.

    Hidden files (.DS_Store, .gitkeep) are skipped, as MkDocs skips them. Nothing is read."""
    found = []
    if folder.is_symlink():
        problems.add(folder, 1, 1, "A114", name=_shown(folder, root))
        return found
    if not folder.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        for name in sorted(dirnames):
            path = here / name
            if name.startswith("."):
                dirnames.remove(name)
            elif path.is_symlink():
                problems.add(path, 1, 1, "A114", name=_shown(path, root))
                dirnames.remove(name)
            elif not SAFE_NAME.match(name):
                problems.add(path, 1, 1, "A115", name=name)
                dirnames.remove(name)
        for name in sorted(filenames):
            path = here / name
            if name.startswith("."):
                continue
            if path.is_symlink():
                problems.add(path, 1, 1, "A114", name=_shown(path, root))
            elif not SAFE_NAME.match(name):
                problems.add(path, 1, 1, "A115", name=name)
            elif path.is_file():
                found.append(path)
        dirnames.sort()
    return sorted(found)


def refuse_link(path: Path, problems: Problems, root: Path | None = None) -> bool:
    """True (after adding a problem) when `path` is a symbolic link."""
    if path.is_symlink():
        problems.add(path, 1, 1, "A114", name=_shown(path, root))
        return True
    return False


def read_limited(path: Path, limit: int, problems: Problems) -> bytes | None:
    """The file's bytes, or None after A107 when it is larger than `limit` (never follows a link)."""
    size = path.lstat().st_size
    if size > limit:
        problems.add(path, 1, 1, "A107", size=size, limit=limit)
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as file:
        return file.read(limit + 1)[:limit]


def decode(path: Path, raw: bytes, problems: Problems) -> str | None:
    """UTF-8 text (a leading byte-order mark dropped), or None after A101 naming the byte's line."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(path, line, col, "A101", byte=f"{raw[error.start]:02x}")
        return None


def _shown(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name
