"""`atlas new KIND ID`: a commented skeleton at the right path.

The skeletons are templates/<kind>.skeleton.yaml. Every value a contributor must supply is a TODO placeholder; `atlas check` reports each
one (A206) with its line until it is filled in, and checks nothing else in that file.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from .kinds import BY_NAME

PLACEHOLDER = "TODO"

def new(root: Path, kind: str, entity_id: str) -> Path:
    """Write the skeleton; refuse to overwrite an existing file."""
    path = Path(root) / "data" / BY_NAME[kind].folder / f"{entity_id}.yaml"
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    path.write_text(skeleton(kind).replace("{{ id }}", entity_id), encoding="utf-8")
    return path


def skeleton(kind: str) -> str:
    return resources.files("atlas").joinpath(f"templates/{BY_NAME[kind].skeleton}").read_text("utf-8")


def placeholders(value, path=()):
    """Yield the document path of every TODO placeholder."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from placeholders(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from placeholders(item, path + (i,))
    elif isinstance(value, str) and value.startswith(PLACEHOLDER):
        yield path
