"""Checks that the data agrees with itself, where the data can say it.

- A relation between two exercises is declared once (A407), never to the exercise itself (A420), with
  one kind per pair (A422); progressions never go in a circle (A421).
- A question's `tested` exercises are among those whose pages show it (A204).
- A pose draws only equipment the exercise uses (A840); drawn parts of machines (a pad) are not equipment.
- A target muscle produces at least one of the exercise's joint actions (A408), and is not
  the prime mover of the opposite of the exercise's main action while driving none of its
  actions (A409): the clamshell turns the thigh outward, so the gluteus minimus, whose main
  job is turning it inward, is no target there. Stretches are exempt: they lengthen their targets.
- A cue, mistake or evidence text that names a muscle names one the exercise lists (A410).
- Every muscle has a region on the body map, or maps show it nowhere (A701, a warning).
- The figure's pose obeys physics (A801-A815, in physics.py).
"""
from __future__ import annotations

import re

from .figures import physics
from .figures.bodymap import region_ids
from .problems import Problems

CHECKED_TEXTS = ("cues", "mistakes", "evidence")
STRETCH_CATEGORY = "mobility"  # the schema's movement category for stretches
PRIME_MOVER = "prime mover"  # the schema's muscle role for the main driver of an action


def check(atlas, problems: Problems) -> None:
    opposed = opposites(atlas)
    names = {mid: re.compile(rf"(?<![\w-]){re.escape(m['name'].lower())}(?![\w-])")
             for mid, m in atlas.entities["muscle"].items()}
    for eid, exercise in atlas.entities["exercise"].items():
        doc, _ = atlas.positions[("exercise", eid)]
        _check_relations(atlas, eid, exercise, doc, problems)
        _check_drawn_equipment(atlas, exercise, doc, problems)
        _check_targets(atlas, exercise, opposed, doc, problems)
        _check_named_muscles(atlas, exercise, names, doc, problems)
        physics.check(exercise, atlas.entities["pattern"][exercise["pattern"]], doc, problems)
    _check_cycles(atlas, problems)
    for qid, question in atlas.entities["question"].items():
        _check_tested(atlas, qid, question, problems)
    drawn = region_ids()
    for mid in atlas.entities["muscle"]:
        if mid not in drawn:
            doc, _ = atlas.positions[("muscle", mid)]
            problems.add(doc.path, *doc.pos(("id",)), "A701", id=mid)


def _check_relations(atlas, eid, exercise, doc, problems) -> None:
    kinds = {}
    for i, rel in enumerate(exercise.get("variations", [])):
        where = doc.pos(("variations", i, "exercise"))
        if rel["exercise"] == eid:
            problems.add(doc.path, *where, "A420", id=eid)
            continue
        if rel["exercise"] in kinds:
            problems.add(doc.path, *where, "A422", other=rel["exercise"],
                         kinds=f"as {kinds[rel['exercise']]} and as {rel['relation']}")
            continue
        kinds[rel["exercise"]] = rel["relation"]
        other = atlas.entities["exercise"][rel["exercise"]]
        if eid < rel["exercise"] and any(r["exercise"] == eid for r in other.get("variations", [])):
            problems.add(doc.path, *doc.pos(("variations", i, "exercise")), "A407", other=rel["exercise"], id=eid)


def _check_tested(atlas, qid, question, problems) -> None:
    """The exercises a question's studies tested are among those whose pages show it (A204)."""
    shown = question.get("exercises", [])
    for i, eid in enumerate(question.get("tested", [])):
        if eid not in shown:
            doc, _ = atlas.positions[("question", qid)]
            problems.add(doc.path, *doc.pos(("tested", i)), "A204", value=eid, where=f"tested of question '{qid}'",
                         suggestion=" (tested lists exercises whose pages show the question)",
                         options=", ".join(shown) or "none: add exercises first")


def _harder(atlas) -> dict[str, list[tuple[str, int]]]:
    """exercise -> [(a harder exercise, index of the relation that says so, in whichever file)]."""
    harder = {eid: [] for eid in atlas.entities["exercise"]}
    for eid, exercise in atlas.entities["exercise"].items():
        seen = {eid}  # itself (A420) and a pair's second relation (A422) are reported as such
        for i, rel in enumerate(exercise.get("variations", [])):
            if rel["exercise"] in seen:
                continue
            seen.add(rel["exercise"])
            if rel["relation"] == "progression":
                harder[eid].append((rel["exercise"], eid, i))
            elif rel["relation"] == "regression":
                harder[rel["exercise"]].append((eid, eid, i))
    return harder


def _check_cycles(atlas, problems) -> None:
    """Progressions form no circle: depth-first, without recursion (a long chain is no risk)."""
    harder = _harder(atlas)
    state = {}  # exercise -> 1 while on the current path, 2 when done
    for start in sorted(harder):
        if start in state:
            continue
        path, stack = [start], [iter(harder[start])]
        state[start] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            nxt, declared_in, index = step
            if state.get(nxt) == 1:
                loop = path[path.index(nxt):] + [nxt]
                doc, _ = atlas.positions[("exercise", declared_in)]
                problems.add(doc.path, *doc.pos(("variations", index, "exercise")), "A421",
                             cycle=" is easier than ".join(f"'{e}'" for e in loop))
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(harder[nxt]))


def _check_drawn_equipment(atlas, exercise, doc, problems) -> None:
    for i, drawn in enumerate(exercise["pose"].get("equipment", [])):
        if drawn["item"] in atlas.entities["equipment"] and drawn["item"] not in exercise["equipment"]:
            problems.add(doc.path, *doc.pos(("pose", "equipment", i, "item")), "A840", item=drawn["item"],
                         equipment=", ".join(exercise["equipment"]))


def opposites(atlas) -> dict[str, set[str]]:
    """action -> the actions that oppose it (declared once, with `opposes`, and read both ways)."""
    found = {aid: set() for aid in atlas.entities["action"]}
    for aid, action in atlas.entities["action"].items():
        if "opposes" in action:
            found[aid].add(action["opposes"])
            found[action["opposes"]].add(aid)
    return found


def _check_targets(atlas, exercise, opposites_of, doc, problems) -> None:
    if exercise["category"] == STRETCH_CATEGORY:
        return  # a stretch lengthens its targets: they are the muscles that do the opposite movement
    actions, main = set(exercise["actions"]), exercise["actions"][0]
    opposed = opposites_of[main]
    for i, use in enumerate(exercise["muscles"]):
        if use["role"] != "target":
            continue
        muscle_actions = atlas.entities["muscle"][use["muscle"]]["actions"]
        produces = {act["action"] for act in muscle_actions}
        drives = {act["action"] for act in muscle_actions if act["role"] == PRIME_MOVER}
        where = doc.pos(("muscles", i, "muscle"))
        if not produces & actions:
            problems.add(doc.path, *where, "A408", muscle=use["muscle"], actions=", ".join(exercise["actions"]))
        elif drives & opposed and not drives & actions:
            problems.add(doc.path, *where, "A409", muscle=use["muscle"], opposite=sorted(drives & opposed)[0],
                         action=main)


def _check_named_muscles(atlas, exercise, patterns, doc, problems) -> None:
    listed = {use["muscle"] for use in exercise["muscles"]}
    names = {mid: pattern for mid, pattern in patterns.items() if mid not in listed}
    for section in CHECKED_TEXTS:
        for i, item in enumerate(exercise.get(section, [])):
            for key in ("text", "mistake", "fix"):
                text = item.get(key, "").lower()
                for mid, pattern in names.items():
                    if pattern.search(text):
                        problems.add(doc.path, *doc.pos((section, i, key)), "A410",
                                     where=f"{section} item {i + 1}", muscle=atlas.entities["muscle"][mid]["name"].lower())
