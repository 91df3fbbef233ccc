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

from .guard.chars import hidden_char
from .kinds import SCHEMAS
from .problems import Problems, did_you_mean
from .yamlsource import Document

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
        (f"{name}.json", Resource.from_contents(schema(name))) for name in SCHEMAS
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


def x_range(validator, rule, instance, _schema):
    """A number, or a range `low-high`, of one kind (sets, reps, RPE ...): low to high, within the kind's bounds."""
    if isinstance(instance, bool) or not isinstance(instance, int | float | str):
        return
    try:
        ends = [float(part) for part in instance.split("-")] if isinstance(instance, str) else [instance]
    except ValueError:
        return  # not a number or range: the pattern says so
    if len(ends) == 2 and ends[0] > ends[1]:
        yield ValidationError("high to low", validator_value=rule)
    elif any(not rule["minimum"] <= end <= rule["maximum"] for end in ends):
        yield ValidationError("out of range", validator_value=rule)


def x_text(validator, kind, instance, _schema):
    """Text a person reads: nothing hidden or reordering in it (names: not even a newline), and not blank."""
    if not isinstance(instance, str):
        return
    hidden = hidden_char(instance, allow_newlines=kind == "text")
    if hidden:
        yield ValidationError(hidden[1], validator_value=kind)
    elif instance and not instance.strip():
        yield ValidationError("blank", validator_value=kind)


class SchemaChecker:
    """Validates documents; `known` maps each x-ref kind to the ids that exist."""

    def __init__(self, known: dict[str, set[str]], renamed: dict | None = None):
        self.known = known
        self.renamed = renamed or {}  # kind -> {former id: current id}

        def x_ref(validator, kind, instance, _schema):
            ids = self.known.get(kind, set())
            if isinstance(instance, str) and ids is not None and instance not in ids:
                yield ValidationError("unknown", validator_value=kind)

        def x_claim(validator, _value, instance, _schema):
            """A claim cites its sources or is marked as the atlas's own: exactly one of the two."""
            if isinstance(instance, dict) and ("refs" in instance) == (instance.get("own") is True):
                yield ValidationError("both" if "refs" in instance else "neither")

        self._validator_class = validators.extend(
            Draft202012Validator, {"x-ref": x_ref, "x-claim": x_claim, "x-range": x_range, "x-text": x_text})

    def check(self, doc: Document, schema_name: str, problems: Problems) -> bool:
        return self.check_against(doc, schema(schema_name), problems)

    def check_against(self, doc: Document, node: dict, problems: Problems) -> bool:
        """Validate against any schema node, e.g. {"$ref": "common.json#/$defs/advice"}."""
        validator = self._validator_class(node, registry=_registry())
        before = len(problems)
        for error in validator.iter_errors(doc.data):
            self._report(doc, error, problems)
        return len(problems) == before

    def _report(self, doc, error, problems):
        kind = error.validator
        if kind in ("anyOf", "oneOf", "allOf") and error.context:
            for sub in error.context:
                self._report(doc, sub, problems)
            return
        path = tuple(error.absolute_path)
        where = _describe(path[-1] if path else "the file")
        report = _REPORTERS.get(kind, _report_invalid)
        report(self, doc, path, where, error, problems)

    def suggest(self, kind: str, value) -> str:
        """A did-you-mean; an id renamed with `former_ids` suggests the id it has now."""
        now = self.renamed.get(kind, {}).get(value)
        if now:
            return f" (did you mean '{now}'? it was renamed)"
        return did_you_mean(value, self.known.get(kind) or ())


def _report_unknown_keys(checker, doc, path, where, error, problems):
    allowed = _allowed_keys(error.schema)
    for key in error.instance:
        if key not in allowed:
            problems.add(doc.path, *doc.pos(path + (key,), key=True), "A201", key=key,
                         suggestion=did_you_mean(key, allowed), allowed=", ".join(sorted(allowed)))


def _report_missing(checker, doc, path, where, error, problems):
    missing = error.message.split("'")[1]
    if missing == "refs":
        problems.add(doc.path, *doc.pos(path), "A403", where=where, fix=_CITE)
        return
    problems.add(doc.path, *doc.pos(path), "A202", key=missing, inside=f" in {where}" if path else "")


def _report_too_few(checker, doc, path, where, error, problems):
    if path and path[-1] == "refs":
        problems.add(doc.path, *doc.pos(path), "A403", where=_describe(path[-2]) if len(path) > 1 else where, fix=_CITE)
        return
    problems.add(doc.path, *doc.pos(path), "A207", where=where, count=error.validator_value)


def _report_x_ref(checker, doc, path, where, error, problems):
    kind = error.validator_value
    if kind == "reference":
        problems.add(doc.path, *doc.pos(path), "A402", value=error.instance,
                     suggestion=checker.suggest(kind, error.instance))
        return
    problems.add(doc.path, *doc.pos(path), "A401", kind=kind, value=error.instance,
                 suggestion=checker.suggest(kind, error.instance))


def _report_x_claim(checker, doc, path, where, error, problems):
    if error.message == "both":
        problems.add(doc.path, *doc.pos(path + ("own",)), "A406", where=where)
        return
    problems.add(doc.path, *doc.pos(path), "A403", where=where, fix=_CITE_OR_OWN)


def _report_type(checker, doc, path, where, error, problems):
    expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    problems.add(doc.path, *doc.pos(path), "A203", where=where, wanted=" or ".join(_TYPE_NAMES[t] for t in expected),
                 actual=_TYPE_NAMES[_type_of(error.instance)])


def _report_not_allowed(checker, doc, path, where, error, problems):
    options = error.validator_value if error.validator == "enum" else [error.validator_value]
    shown = [_show(o) for o in options]
    problems.add(doc.path, *doc.pos(path), "A204", value=_show(error.instance), where=where,
                 suggestion=did_you_mean(error.instance, shown), options=", ".join(shown))


def _report_empty(checker, doc, path, where, error, problems):
    if error.validator_value == 1:
        problems.add(doc.path, *doc.pos(path), "A208", where=where)
        return
    _report_invalid(checker, doc, path, where, error, problems)


def _report_x_range(checker, doc, path, where, error, problems):
    rule = error.validator_value
    if error.message == "high to low":
        problems.add(doc.path, *doc.pos(path), "A212", where=where, value=error.instance)
        return
    problems.add(doc.path, *doc.pos(path), "A211", where=where, value=error.instance, kind=rule["kind"],
                 low=rule["minimum"], high=rule["maximum"])


def _report_x_text(checker, doc, path, where, error, problems):
    if error.message == "blank":
        problems.add(doc.path, *doc.pos(path), "A208", where=where)
        return
    problems.add(doc.path, *doc.pos(path), "A213", where=where, char=error.message)


def _report_too_many(checker, doc, path, where, error, problems):
    problems.add(doc.path, *doc.pos(path), "A119", where=where, count=len(error.instance), limit=error.validator_value)


def _report_repeated(checker, doc, path, where, error, problems):
    problems.add(doc.path, *doc.pos(path), "A209", where=where)


def _report_invalid(checker, doc, path, where, error, problems):
    """Every other rule (pattern, length, range): the schema's hint, or the rule itself, in words."""
    hint = error.schema.get("x-hint") if isinstance(error.schema, dict) else None
    limit = error.validator_value
    reason = hint or {
        "minLength": f"write at least {limit} characters", "maxLength": f"write at most {limit} characters",
        "minimum": f"the smallest allowed is {limit}", "maximum": f"the largest allowed is {limit}",
        "maxItems": f"list at most {limit} items", "pattern": f"it must match {limit}",
    }.get(error.validator, error.message)
    problems.add(doc.path, *doc.pos(path), "A205", value=_show(error.instance), where=where, reason=reason)


_CITE = "add 'refs' with at least one key of references.bib"
_CITE_OR_OWN = "add 'refs' with a key of references.bib, or 'own: true' when it is the atlas's own advice"
_REPORTERS = {
    "additionalProperties": _report_unknown_keys, "unevaluatedProperties": _report_unknown_keys,
    "required": _report_missing, "minItems": _report_too_few, "x-ref": _report_x_ref, "x-claim": _report_x_claim,
    "type": _report_type, "enum": _report_not_allowed, "const": _report_not_allowed, "minLength": _report_empty,
    "uniqueItems": _report_repeated, "x-range": _report_x_range, "x-text": _report_x_text, "maxItems": _report_too_many,
}


def _show(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


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
