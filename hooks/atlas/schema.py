"""Validate loaded documents against the JSON Schemas in schemas/.

The schemas are the one place that says what a data file may hold, including
where it points at other things: `"x-ref": "muscle"` marks a string that must be
a known muscle id, `"x-ref": "reference"` a key of references.bib. Editors ignore
the `x-` keywords; here they become cross-reference checks with a did-you-mean.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from .problems import Problems, did_you_mean
from .yamlsource import Document

SCHEMA_NAMES = ("common", "exercise", "muscle", "action", "program", "vocabulary", "glossary")
_TYPE_NAMES = {
    "object": "a mapping (key: value)", "array": "a list (- item)", "string": "text",
    "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "empty",
}


@cache
def schema(name: str) -> dict:
    return json.loads(resources.files("atlas").joinpath(f"schemas/{name}.json").read_text("utf-8"))


@cache
def _registry() -> Registry:
    return Registry().with_resources(
        (f"{name}.json", Resource.from_contents(schema(name))) for name in SCHEMA_NAMES
    )


def _type_of(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if value is None:
        return "null"
    return "string"


class SchemaChecker:
    """Validates documents; `known` maps each x-ref kind to the ids that exist."""

    def __init__(self, known: dict[str, set[str]]):
        self.known = known

        def x_ref(validator, kind, instance, _schema):
            if isinstance(instance, str) and instance not in self.known.get(kind, ()):
                what = "reference key" if kind == "reference" else f"{kind} id"
                yield ValidationError(f"unknown {what} '{instance}'" + did_you_mean(instance, self.known.get(kind, ())))

        self._validator_class = validators.extend(Draft202012Validator, {"x-ref": x_ref})

    def check(self, doc: Document, schema_name: str, problems: Problems) -> bool:
        validator = self._validator_class(schema(schema_name), registry=_registry())
        before = len(problems)
        for error in validator.iter_errors(doc.data):
            self._report(doc, validator, error, problems)
        return len(problems) == before

    def _report(self, doc, validator, error, problems):
        path = tuple(error.absolute_path)
        kind = error.validator
        where = path[-1] if path else "the file"
        if kind in ("anyOf", "oneOf", "allOf") and error.context:
            for sub in error.context:
                self._report(doc, validator, sub, problems)
            return
        if kind in ("additionalProperties", "unevaluatedProperties"):
            allowed = _allowed_keys(error.schema)
            for key in error.instance:
                if key not in allowed:
                    problems.add(doc.path, *doc.pos(path + (key,), key=True), "A201",
                                 f"unknown key '{key}'" + did_you_mean(key, allowed)
                                 + f"; allowed here: {', '.join(sorted(allowed))}")
            return
        if kind == "required":
            missing = error.message.split("'")[1]
            code = "A403" if missing == "refs" else "A202"
            inside = f" in {_describe(where)}" if path else ""
            problems.add(doc.path, *doc.pos(path), code, f"missing required key '{missing}'{inside}")
            return
        if kind == "minItems" and path and path[-1] == "refs":
            problems.add(doc.path, *doc.pos(path), "A403", "a claim needs at least one reference key in 'refs'")
            return
        if kind == "x-ref":
            code = "A402" if error.validator_value == "reference" else "A401"
            problems.add(doc.path, *doc.pos(path), code, error.message)
            return
        if kind == "type":
            expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            wanted = " or ".join(_TYPE_NAMES[t] for t in expected)
            problems.add(doc.path, *doc.pos(path), "A203",
                         f"{_describe(where)} should be {wanted}, not {_TYPE_NAMES[_type_of(error.instance)]}")
            return
        if kind in ("enum", "const"):
            options = error.validator_value if kind == "enum" else [error.validator_value]
            problems.add(doc.path, *doc.pos(path), "A204",
                         f"'{error.instance}' is not allowed for {_describe(where)}"
                         + did_you_mean(error.instance, [str(o) for o in options])
                         + f"; choose one of: {', '.join(str(o) for o in options)}")
            return
        hint = error.schema.get("x-hint") if isinstance(error.schema, dict) else None
        if kind == "minItems":
            message = f"{_describe(where)} needs at least {error.validator_value} item(s)"
        elif kind == "minLength" and error.validator_value == 1:
            message = f"{_describe(where)} must not be empty"
        elif kind == "uniqueItems":
            message = f"{_describe(where)} lists the same item twice"
        elif hint:
            message = f"'{error.instance}' is not valid for {_describe(where)}: {hint}"
        else:
            message = f"{_describe(where)}: {error.message}"
        problems.add(doc.path, *doc.pos(path), "A205", message)


def _describe(where) -> str:
    return f"item {where + 1}" if isinstance(where, int) else f"'{where}'"


def deref(node: dict, base: str) -> tuple[dict, str]:
    """A schema node with its $refs followed: the node's own keys win, and `properties` from
    both places are merged (own first). `base` is the file that relative refs start from;
    the second value is the file the result's own refs start from."""
    while isinstance(node, dict) and "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        file = file or base
        target = schema(file.removesuffix(".json"))
        for part in (p for p in pointer.split("/") if p):
            target = target[part]
        own = {k: v for k, v in node.items() if k != "$ref"}
        merged = {**target, **own}
        if "properties" in own and "properties" in target:
            merged["properties"] = {**own["properties"], **target["properties"]}
        node, base = merged, file
    return node, base


def _allowed_keys(subschema) -> set[str]:
    """Keys a mapping may hold under `subschema` (a node of a schema in schemas/)."""
    return set(deref(subschema, "common.json")[0].get("properties", {}))
