"""`atlas fmt`: one style for every data file, comments kept.

Keys follow the order of the schema's `properties` (at every depth the schema
describes), sequences are indented under their key, and long strings stay on one
line. ruamel.yaml round-trips the file, so comments and quoting survive.
"""
from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .kinds import FILE_KINDS, FOLDER_KINDS
from .schema import deref, schema


def _yaml() -> YAML:
    yaml = YAML()  # round-trip mode: comments, order and quotes are kept
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def _order(value, node: dict, base: str) -> None:
    if not isinstance(value, (CommentedMap, CommentedSeq)):
        return  # scalars have no order
    node, base = deref(node, base)
    if isinstance(value, CommentedMap):
        # a property's own refs start from the file it was found in (the merged node keeps `base`)
        properties = {key: (sub, base) for key, sub in node.get("properties", {}).items()}
        wanted = list(properties)
        current = list(value.keys())
        ordered = sorted(current, key=lambda k: (wanted.index(k) if k in wanted else len(wanted), current.index(k)))
        if ordered != current:
            comments = {k: value.ca.items.get(k) for k in current}
            items = [(k, value[k]) for k in ordered]
            for key in current:
                del value[key]
            for key, item in items:
                value[key] = item
                if comments.get(key):
                    value.ca.items[key] = comments[key]
        for key in value:
            if key in properties:
                _order(value[key], *properties[key])
    elif isinstance(node.get("items"), dict):
        for item in value:
            _order(item, node["items"], base)


def schema_for(path: Path, data_dir: Path) -> str | None:
    relative = path.relative_to(data_dir)
    if len(relative.parts) == 2:
        return next((kind.schema for kind in FOLDER_KINDS if kind.folder == relative.parts[0]), None)
    return next((kind.schema for kind in FILE_KINDS if kind.file == relative.name), None)


def format_text(text: str, schema_name: str) -> str:
    yaml = _yaml()
    data = yaml.load(text)
    _order(data, schema(schema_name), f"{schema_name}.json")
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def format_files(paths, data_dir: Path, check: bool = False) -> list[Path]:
    """Format each file in place (or, with check, only report); return those that changed."""
    changed = []
    for path in paths:
        name = schema_for(path.resolve(), data_dir.resolve())
        if name is None:
            continue
        text = path.read_text(encoding="utf-8")
        formatted = format_text(text, name)
        if formatted != text:
            changed.append(path)
            if not check:
                path.write_text(formatted, encoding="utf-8")
    return changed
