"""Characters that hide or reorder text, and the key under which two names are the same.

A right-to-left override makes `hip thrust` of a string whose bytes say otherwise, and a
zero-width space makes two identical-looking names different. Names, ids and aliases
refuse them all; other text refuses them with a reason (a newline or tab in a block of
text is kept: YAML's `|` blocks have them).
"""
from __future__ import annotations

import re
import unicodedata

_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_INVISIBLE = {0x00AD, 0x034F, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF}


# Only these can be hidden or control characters; plain ASCII text is passed over at C speed.
_SUSPECT = re.compile(r"[\x00-\x1f\x7f-\U0010ffff]")


def hidden_char(text: str, allow_newlines: bool) -> tuple[int, str] | None:
    """(index, description) of the first character that hides or reorders text, else None."""
    for match in _SUSPECT.finditer(text):
        i, char = match.start(), match.group()
        point = ord(char)
        if allow_newlines and char in "\n\t":
            continue
        category = unicodedata.category(char)
        if point in _BIDI:
            return i, f"U+{point:04X}, a bidirectional control that reorders what readers see"
        if point in _INVISIBLE or category == "Cf":
            return i, f"U+{point:04X}, an invisible character"
        if category in ("Cc", "Cs", "Co", "Cn") or char in "\u2028\u2029":
            return i, f"U+{point:04X}, a control character"
    return None


def name_key(name: str) -> str:
    """Two names are the same name when this key is: case and Unicode form folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
