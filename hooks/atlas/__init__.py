"""The Glute & Hamstring Atlas core: load -> validate -> link -> cite -> render.

Pure Python: it never imports MkDocs, so the same pages can be written to disk for
any engine (`atlas generate`). The MkDocs hook in hooks/atlas_hook.py is a thin
adapter around `build()`.
"""
from .site import Build, build

__all__ = ["Build", "build"]
