"""The link step: every relation is declared once and derived in reverse here.

An exercise names its muscles, actions, equipment and related exercises; a muscle
names its actions; a program names its exercises. The pages of the other side (a
muscle's exercises, an exercise's programs, ...) read the relations made here.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

# how the exercise on the other side of a declared relation sees this one
INVERSE = {"progression": "regression", "regression": "progression", "variation": "variation"}


@dataclass(frozen=True)
class Related:
    """Another exercise, as shown on one exercise's page."""

    exercise: str  # the other exercise's id
    relation: str  # progression (it is harder), regression (easier) or variation
    note: str | None  # written about the other exercise, or None


@dataclass(frozen=True)
class MuscleRole:
    muscle: str
    role: str  # prime mover, assistant or stabilizer


def _by_role():
    return defaultdict(list)


@dataclass
class Relations:
    muscle_exercises: dict = field(default_factory=lambda: defaultdict(_by_role))  # muscle -> role -> [exercise]
    action_muscles: dict = field(default_factory=lambda: defaultdict(list))  # action -> [MuscleRole]
    action_exercises: dict = field(default_factory=lambda: defaultdict(list))  # action -> [exercise]
    equipment_exercises: dict = field(default_factory=lambda: defaultdict(list))  # equipment -> [exercise]
    exercise_programs: dict = field(default_factory=lambda: defaultdict(list))  # exercise -> [program]
    related: dict = field(default_factory=lambda: defaultdict(list))  # exercise -> [Related]
    exercise_questions: dict = field(default_factory=lambda: defaultdict(list))  # exercise -> [question]
    guide_questions: dict = field(default_factory=lambda: defaultdict(list))  # guide slug -> [question]


def link(atlas) -> Relations:
    links = Relations()
    for eid, exercise in atlas.entities["exercise"].items():
        for use in exercise["muscles"]:
            links.muscle_exercises[use["muscle"]][use["role"]].append(eid)
        for aid in exercise["actions"]:
            links.action_exercises[aid].append(eid)
        for qid in exercise["equipment"]:
            links.equipment_exercises[qid].append(eid)
        for rel in exercise.get("variations", []):
            links.related[eid].append(Related(rel["exercise"], rel["relation"], rel.get("note")))
            links.related[rel["exercise"]].append(Related(eid, INVERSE[rel["relation"]], rel.get("reverse_note")))
    for mid, muscle in atlas.entities["muscle"].items():
        for act in muscle["actions"]:
            links.action_muscles[act["action"]].append(MuscleRole(mid, act["role"]))
    for pid, program in atlas.entities["program"].items():
        for block in program["blocks"]:
            for item in block["items"]:
                if pid not in links.exercise_programs[item["exercise"]]:
                    links.exercise_programs[item["exercise"]].append(pid)
    for qid, question in atlas.entities["question"].items():
        for eid in question.get("exercises", []):
            links.exercise_questions[eid].append(qid)
        for slug in question.get("guides", []):
            links.guide_questions[slug].append(qid)
    return links
