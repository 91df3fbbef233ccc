"""`atlas new KIND ID`: a commented skeleton at the right path.

Every value a contributor must supply is a TODO placeholder; `atlas check` reports each
one (A206) with its line until it is filled in, and checks nothing else in that file.
"""
from __future__ import annotations

from pathlib import Path

from .urls import KINDS

PLACEHOLDER = "TODO"

SKELETONS = {
    "exercise": """\
# yaml-language-server: $schema=../../hooks/atlas/schemas/exercise.json
# A new exercise. Replace every TODO, then run `make check`; CONTRIBUTING.md explains each field.
id: {id}
name: TODO name as lifters say it
aliases: []  # other names and abbreviations people search for, e.g. [RDL]
summary: TODO one or two sentences for the top of the page and for search results
category: TODO  # primary, secondary, tertiary, warm-up or mobility
pattern: TODO  # an id from data/patterns.yaml
equipment: [TODO]  # ids from data/equipment.yaml
level: TODO  # beginner, intermediate or advanced
muscles:
  - muscle: TODO  # a file name in data/muscles/, without .yaml
    role: target  # target, synergist or stabilizer
actions: [TODO]  # file names in data/actions/
technique:
  refs: [TODO]  # keys in references.bib for the source of the steps
  setup:
    - TODO how to set up
  steps:
    - TODO first step, one action, second person
    - TODO second step
    - TODO third step
    - TODO fourth step
cues:
  - text: TODO a short cue
    refs: [TODO]
  - text: TODO another cue
    refs: [TODO]
mistakes:
  - mistake: TODO what goes wrong
    fix: TODO how to fix it
    refs: [TODO]
programming:  # one entry per source that prescribes it
  - sets: TODO  # a number or a range such as 3-4; also reps, rpe, rest_s ...
    refs: [TODO]
evidence:
  - text: TODO what a study or source says about it
    refs: [TODO]
""",
    "muscle": """\
# yaml-language-server: $schema=../../hooks/atlas/schemas/muscle.json
# A new muscle. Replace every TODO, then run `make check`; CONTRIBUTING.md explains each field.
id: {id}
name: TODO
group: TODO  # an id from data/muscle-groups.yaml
summary: TODO one or two sentences for the top of the page
origin:
  text: TODO
  refs: [TODO]  # a standard anatomy reference in references.bib
insertion:
  text: TODO
  refs: [TODO]
innervation:
  text: TODO
  refs: [TODO]
actions:
  - action: TODO  # a file name in data/actions/
    role: prime mover  # prime mover, assistant or stabilizer
    refs: [TODO]
""",
    "action": """\
# yaml-language-server: $schema=../../hooks/atlas/schemas/action.json
# A new joint action. Replace every TODO, then run `make check`.
id: {id}
name: TODO
joint: TODO  # hip, knee, spine, pelvis or ankle
plane: TODO  # sagittal, frontal, transverse or multiplanar
summary: TODO one sentence for the top of the page
description:
  - text: TODO what it does in daily life and sport
    refs: [TODO]
""",
    "program": """\
# yaml-language-server: $schema=../../hooks/atlas/schemas/program.json
# A new program from a source. Replace every TODO, then run `make check`.
id: {id}
name: TODO
summary: TODO one or two sentences for the top of the page
goal: TODO
frequency: TODO
refs: [TODO]  # the source of the program
blocks:
  - name: TODO  # e.g. Warm-up, Main, Cool-down
    items:
      - exercise: TODO  # a file name in data/exercises/
        sets: TODO
        reps: TODO
""",
}


def new(root: Path, kind: str, entity_id: str) -> Path:
    """Write the skeleton; refuse to overwrite an existing file."""
    path = Path(root) / "data" / KINDS[kind] / f"{entity_id}.yaml"
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    path.write_text(SKELETONS[kind].format(id=entity_id), encoding="utf-8")
    return path


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
