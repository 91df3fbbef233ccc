"""Load one YAML data file safely, keeping the line and column of every node.

Data files come from strangers' pull requests, so this loader is deliberately
narrow: plain YAML only (no anchors, aliases or tags, which also rules out alias
bombs), UTF-8 only, no tabs in indentation, no duplicate keys, bounded size and
depth. Scalars keep their YAML meaning (numbers, booleans, null) except dates,
which stay strings. Mapping keys are always the text the contributor wrote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problems

# libyaml's parser when PyYAML has it (about 16x faster, same marks), else the pure-Python one
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 256 * 1024
MAX_DEPTH = 32

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

    def convert(self, node, path, depth=0):
        self.doc.value_pos[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if depth > MAX_DEPTH:
            self.problem(node.start_mark, "A111", limit=MAX_DEPTH)
            return None
        if node.tag not in _PLAIN_TAGS:
            self.problem(node.start_mark, "A110", tag=node.tag)
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as error:
            self.problem(node.start_mark, "A112", value=node.value, detail=error)
            return None

    def mapping(self, node, path, depth):
        result = {}
        first_seen = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node.start_mark, "A113")
                continue
            key = key_node.value
            if key in first_seen:
                self.problem(key_node.start_mark, "A105", key=key, first=first_seen[key])
                continue
            first_seen[key] = key_node.start_mark.line + 1
            self.doc.key_pos[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result


def load(path: Path, problems: Problems) -> Document | None:
    """Return the Document, or None after adding problems when the file cannot be read."""
    text = _read_text(path, problems)
    if text is None:
        return None
    node = _compose(path, text, problems)
    if node is None:
        return None
    doc = Document(path=path, data=None)
    before = len(problems)
    doc.data = _Converter(doc, problems).convert(node, ())
    return doc if len(problems) == before else None  # a half-read file would only add noise


def _read_text(path: Path, problems: Problems) -> str | None:
    """The file as text: small enough, UTF-8, indented with spaces."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        problems.add(path, 1, 1, "A107", size=len(raw), limit=MAX_BYTES)
        return None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(path, line, col, "A101", byte=f"{raw[error.start]:02x}")
        return None
    lines = text.splitlines()
    tabbed = [n for n, line in enumerate(lines, 1) if _TAB_INDENT.match(line)]
    for n in tabbed:
        problems.add(path, n, lines[n - 1].index("\t") + 1, "A104")
    return None if tabbed else text


def _compose(path: Path, text: str, problems: Problems):
    """The YAML node tree, or None (with a problem) when the YAML is broken, unsafe or empty."""
    try:
        # Parsing is linear in the input, so aliases are refused before anything expands.
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                problems.add(path, event.start_mark.line + 1, event.start_mark.column + 1, "A106")
                return None
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
    except RecursionError:
        problems.add(path, 1, 1, "A111", limit=MAX_DEPTH)
        return None
    if node is None:
        problems.add(path, 1, 1, "A102")
    return node
