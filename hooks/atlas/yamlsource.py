"""Load one YAML data file safely, keeping the line and column of every node.

Data files come from strangers' pull requests, so this loader is deliberately
narrow: plain YAML only (no anchors, aliases or tags, which also rules out alias
bombs), UTF-8 only, no tabs in indentation, no duplicate keys, bounded size and
depth. Scalars keep their YAML meaning (numbers, booleans, null) except dates,
which stay strings. Mapping keys are always the text the contributor wrote.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .guard import files, limits
from .problems import Problems

# libyaml's parser when PyYAML has it (about 16x faster, same marks), else the pure-Python one
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = limits.DATA_FILE_BYTES
MAX_DEPTH = limits.NESTING

Path_ = tuple  # a path into the document: keys (str) and indices (int)

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_TAB_INDENT = re.compile(r"^[ ]*\t")


@dataclass
class Document:
    """A loaded data file: its value and where each part of it stands."""

    path: Path
    data: object
    value_pos: dict = field(default_factory=dict)  # path -> (line, col), 1-based
    key_pos: dict = field(default_factory=dict)  # path of a mapping entry -> its key's (line, col)

    def pos(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        table = self.key_pos if key else self.value_pos
        path = tuple(path)
        if path in table:
            return table[path]
        while path:
            path = path[:-1]
            if path in self.value_pos:
                return self.value_pos[path]
        return (1, 1)


class _Converter:
    def __init__(self, doc: Document, problems: Problems):
        self.doc = doc
        self.problems = problems
        self.constructor = yaml.SafeLoader("")

    def problem(self, mark, code, **fields):
        self.problems.add(self.doc.path, mark.line + 1, mark.column + 1, code, **fields)

    def convert(self, node, path):
        self.doc.value_pos[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _PLAIN_TAGS:
            self.problem(node.start_mark, "A110", tag=node.tag)
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        if len(node.value) > limits.STRING_CHARS:
            self.problem(node.start_mark, "A116", size=len(node.value), limit=limits.STRING_CHARS)
            return None
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            return node.value
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            self.problem(node.start_mark, "A112", value=node.value, detail=error)
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(node.start_mark, "A210", value=node.value)
            return None
        return value

    def mapping(self, node, path):
        result = {}
        first_seen = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node.start_mark, "A113")
                continue
            key = key_node.value
            if len(key) > limits.STRING_CHARS:
                self.problem(key_node.start_mark, "A116", size=len(key), limit=limits.STRING_CHARS)
                continue
            if key in first_seen:
                self.problem(key_node.start_mark, "A105", key=key, first=first_seen[key])
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.doc.key_pos[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, path + (key,))
        return result


def load(path: Path, problems: Problems) -> Document | None:
    """Return the Document, or None after adding problems when the file cannot be read."""
    text = _read_text(path, problems)
    if text is None:
        return None
    return load_text(path, text, problems)


def load_text(path: Path, text: str, problems: Problems) -> Document | None:
    """Like `load`, for text already read (a page's front matter: pad it with newlines so lines match)."""
    node = _compose(path, text, problems)
    if node is None:
        return None
    doc = Document(path=path, data=None)
    before = len(problems)
    doc.data = _Converter(doc, problems).convert(node, ())
    return doc if len(problems) == before else None  # a half-read file would only add noise


def _read_text(path: Path, problems: Problems) -> str | None:
    """The file as text: small enough, UTF-8, indented with spaces."""
    if files.refuse_link(path, problems):
        return None
    raw = files.read_limited(path, MAX_BYTES, problems)
    if raw is None:
        return None
    text = files.decode(path, raw, problems)
    if text is None:
        return None
    lines = text.splitlines()
    tabbed = [n for n, line in enumerate(lines, 1) if _TAB_INDENT.match(line)]
    for n in tabbed:
        problems.add(path, n, lines[n - 1].index("\t") + 1, "A104")
    return None if tabbed else text


def _compose(path: Path, text: str, problems: Problems):
    """The YAML node tree, or None (with a problem) when the YAML is broken, unsafe or empty."""
    try:
        # Parsing is linear in the input and keeps no tree, so aliases are refused before anything
        # expands, and deep nesting before the (recursive) composer could overflow the C stack.
        depth = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                problems.add(path, event.start_mark.line + 1, event.start_mark.column + 1, "A106")
                return None
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.add(path, event.start_mark.line + 1, event.start_mark.column + 1, "A111", limit=MAX_DEPTH)
                    return None
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or "cannot read this"
        if error.context and error.context_mark:
            message = f"{error.context} (started on line {error.context_mark.line + 1}): {message}"
        problems.add(path, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, "A103", detail=message)
        return None
    except yaml.YAMLError as error:
        problems.add(path, 1, 1, "A103", detail=str(error).splitlines()[0])
        return None
    if node is None:
        problems.add(path, 1, 1, "A102")
    return node
