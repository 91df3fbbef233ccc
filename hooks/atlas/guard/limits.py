"""Every limit on untrusted input, in one place; CONTRIBUTING.md states each with its reason.

The figures are many times what the real atlas needs (its largest data file is under
40 KiB, its deepest nesting 8 levels, its longest string under 1,000 characters), and
small enough that no single file can make the check or the build slow.
"""
from __future__ import annotations

DATA_FILE_BYTES = 256 * 1024  # A107: a data file; the largest real one is under 40 KiB
PAGE_FILE_BYTES = 512 * 1024  # A107: a hand-written page (CONTRIBUTING.md is about 40 KiB)
NESTING = 32  # A111: levels of lists and mappings; checked while parsing, before any tree is built
STRING_CHARS = 20_000  # A116: one string in a data file, key or value
BIB_BYTES = 1024 * 1024  # A512: references.bib; the real one is about 25 KiB for 50 entries
BIB_FIELD_CHARS = 10_000  # A513: one field of one entry (an abstract is about 2,000)
LIST_ITEMS = 50  # A119: aliases, former ids or related exercises of one entry (each alias is a page)
