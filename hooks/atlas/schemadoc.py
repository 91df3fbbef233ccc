"""The data reference page, generated from the JSON Schemas: every field, its type,
whether it is required, the values it allows and an example. The schemas stay the one
place that defines the data; this page can never disagree with them.
"""
from __future__ import annotations

from html import escape
from typing import NamedTuple

from markupsafe import Markup

from .kinds import KINDS
from .schema import deref, schema
from .text import md_text


def _code(value) -> Markup:
    text = "[" + ", ".join(map(str, value)) + "]" if isinstance(value, list) else str(value)  # YAML's flow style
    return Markup(f"<code>{escape(text)}</code>")

class Row(NamedTuple):
    key: Markup
    type: str
    required: str
    rules: Markup
    description: str
    example: Markup


_TYPE = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true/false",
         "array": "list", "object": "mapping"}
_XREF = {"reference": "a key of references.bib", **{kind.name: f"an id of data/{kind.folder or kind.file}"
                                                      for kind in KINDS}}


def _type(node: dict) -> str:
    if "enum" in node:
        return "one of a set"
    if "x-ref" in node:
        return "id"
    kinds = node.get("type", "")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return " or ".join(_TYPE.get(k, k) for k in kinds if k) or "any"


def _rules(node: dict) -> Markup:
    rules = []
    if "enum" in node:
        rules.append(Markup(", ").join(_code("empty" if v is None else v) for v in node["enum"]))
    if "x-ref" in node:
        rules.append(md_text(_XREF.get(node["x-ref"], node["x-ref"])))
    if "x-hint" in node:
        rules.append(md_text(node["x-hint"]))
    if "x-range" in node:
        rules.append(md_text(f"from {node['x-range']['minimum']} to {node['x-range']['maximum']}, ranges low to high"))
    if "minItems" in node:
        rules.append(md_text(f"at least {node['minItems']} item(s)"))
    if "maxItems" in node:
        rules.append(md_text(f"at most {node['maxItems']} items"))
    if "minLength" in node and node["minLength"] > 1:
        rules.append(md_text(f"{node['minLength']} to {node.get('maxLength', '…')} characters"))
    return Markup("; ").join(rules)


def _rows(node: dict, base: str, prefix: str, required: set, rows: list, depth: int = 0) -> None:
    for key, sub in node.get("properties", {}).items():
        sub, sub_base = deref(sub, base)
        path = f"{prefix}{key}"
        items = None
        if sub.get("type") == "array" and isinstance(sub.get("items"), dict):
            items, items_base = deref(sub["items"], sub_base)
        kind = _type(sub) + (f" of {_type(items)}" if items and _type(items) not in ("mapping",) else "")
        if items and items.get("type") == "object":
            kind = "list of mappings"
        rules = Markup("; ").join(r for r in (_rules(sub), _rules(items) if items else "") if r)
        example = (sub.get("examples") or (items or {}).get("examples") or [""])[0]
        rows.append(Row(_code(path), kind, "yes" if key in required else "", rules, sub.get("description", ""),
                        _code(example) if example != "" else ""))
        if depth < 3:
            if sub.get("type") == "object" or "properties" in sub:
                _rows(sub, sub_base, path + ".", set(sub.get("required", [])), rows, depth + 1)
            if items and (items.get("type") == "object" or "properties" in items):
                merged = items
                _rows(merged, items_base, path + "[].", set(items.get("required", [])), rows, depth + 1)


def reference_tables() -> list[dict]:
    """[{title, file, description, rows: [Row]}] for every kind of data file."""
    tables = []
    for kind in KINDS:
        name, title, file = kind.schema, kind.label, kind.data_path
        root, base = deref(schema(name), f"{name}.json")
        if root.get("type") == "array":
            root, base = deref(root["items"], base)
        rows = []
        _rows(root, base, "", set(root.get("required", [])), rows)
        tables.append({"title": title, "file": file, "description": schema(name).get("description", ""), "rows": rows})
    return tables
