"""Physics of the pose data, checked like citations: every problem is a file:line:col error.

- A801 a joint angle is outside the normal range of motion (AAOS values, via Norkin & White,
  plus the atlas's own allowance: see figure.ALLOWANCE);
- A802 a contact is not held: a planted foot lifts or sinks, the back leaves the bench;
- A803 a contact slides along its surface (a ball may roll);
- A804 a part of the body or of the equipment is below the floor;
- A805 in a barbell hinge or squat the bar is not over the middle of the foot;
- A806 a pose gives the limbs of one side only;
- A807 a surface the figure rests on would have an impossible height;
- A808 a hand lets go of what both hands hold (a bar, a kettlebell, a cable handle).
Frames between the key poses are checked too, against the key pose that follows them.
"""
from __future__ import annotations

from . import figure
from .figure import ALLOWANCE, NORMAL_RANGE, SIDES, SURFACES

CONTACT_TOLERANCE = 3.0  # cm a contact may drift (the angles are whole or half degrees)
SLIDE_TOLERANCE = 4.0  # cm
FLOOR_TOLERANCE = 2.0  # cm
MIDFOOT_TOLERANCE = 5.0  # cm either side of the middle of the foot
GRIP_TOLERANCE = 6.0  # cm from a hand to what both hands hold (in the side view)
HELD_IN_BOTH_HANDS = {"barbell", "trap-bar", "kettlebell", "cable"}
LIMB_RADIUS = {"knee": "shank", "ankle": "shank", "elbow": "forearm", "wrist": "forearm", "hand": "hand"}


def check(exercise: dict, pattern: dict, doc, problems) -> None:
    pose = exercise["pose"]
    at = _Locator(doc, problems)
    if not _check_sides(pose, at) or not _check_ranges(pose, at):
        return  # the figure cannot be posed; its contacts would only repeat the mistake
    frames = figure.frames(pose)
    tops = _check_surfaces(pose, frames[0], at)
    for i, frame in enumerate(frames):
        key = _key_of(pose, i)
        _check_contacts(pose, frame, frames[0], tops, key, at)
        _check_floor(pose, frame, key, at)
        _check_bar(pose, frame, pattern.get("bar_over_midfoot", []), key, at)
        _check_grip(pose, frame, key, at)


class _Locator:
    """Adds a problem once per code and pose, at the pose's place in the file."""

    def __init__(self, doc, problems):
        self.doc, self.problems, self.seen = doc, problems, set()

    def add(self, path: tuple, code: str, **fields) -> None:
        if (code, path[:3]) in self.seen:
            return
        self.seen.add((code, path[:3]))
        self.problems.add(self.doc.path, *self.doc.pos(("pose",) + path), code, **fields)


def _key_of(pose: dict, i: int) -> str:
    """The key pose a frame belongs to: itself, or the next key pose after it."""
    names = [n for n in figure.KEY_ORDER if n in pose["poses"]]
    t = i * (len(names) - 1) / (figure.FRAMES - 1)
    return names[min(int(-(-t // 1)), len(names) - 1)]


def _check_sides(pose: dict, at) -> bool:
    ok = True
    for name, angles in pose["poses"].items():
        given = [s for s in SIDES if s in angles]
        if len(given) == 1 and "both" not in angles:
            missing = SIDES[1 - SIDES.index(given[0])]
            at.add(("poses", name, given[0]), "A806", pose=name, given=given[0], missing=missing)
            ok = False
    return ok


def _check_ranges(pose: dict, at) -> bool:
    ok = True
    for name, angles in pose["poses"].items():
        for limb in ("both", *SIDES):
            for joint, value in angles.get(limb, {}).items():
                low, high = NORMAL_RANGE[joint]
                if not low - ALLOWANCE <= value <= high + ALLOWANCE:
                    side = "" if limb == "both" else f"{limb} "
                    at.add(("poses", name, limb, joint), "A801", pose=name, joint=f"{side}{joint.replace('_', ' ')}",
                           angle=_num(value), low=_num(low - ALLOWANCE), high=_num(high + ALLOWANCE))
                    ok = False
    return ok


def _check_surfaces(pose: dict, start, at) -> dict:
    """The height of each surface, where the start frame puts what rests on it."""
    tops = {}
    for i, contact in enumerate(pose["rests_on"]):
        touching = figure.contact_points(contact["part"])
        top = min(start.points[name][1] - r for name, r in touching)
        tops[i] = top
        _, low, high = SURFACES[contact["surface"]]
        if contact["surface"] != "floor" and not low <= top <= high:
            at.add(("rests_on", i, "surface"), "A807", surface=contact["surface"], part=_part(contact["part"]),
                   height=_num(top), low=low, high=high)
    return tops


def _check_contacts(pose: dict, frame, start, tops: dict, key: str, at) -> None:
    for i, contact in enumerate(pose["rests_on"]):
        surface = contact["surface"]
        for name, r in figure.contact_points(contact["part"]):
            gap = frame.points[name][1] - r - tops[i]
            if abs(gap) > CONTACT_TOLERANCE:
                at.add(("poses", key), "A802", pose=key, part=_part(name), surface=surface, distance=_num(abs(gap)),
                       verb="leaves" if gap > 0 else "sinks into")
            slide = abs(frame.points[name][0] - start.points[name][0])
            if surface not in figure.ROLLS and slide > SLIDE_TOLERANCE:
                at.add(("poses", key), "A803", pose=key, part=_part(name), surface=surface, distance=_num(slide))


def _check_floor(pose: dict, frame, key: str, at) -> None:
    for name, (_, y) in frame.points.items():
        radius = figure.RADIUS.get(LIMB_RADIUS.get(name.partition("-")[2], ""), 0.0)
        if y - radius < -FLOOR_TOLERANCE:
            at.add(("poses", key), "A804", pose=key, part=_part(name), distance=_num(radius - y))
    for item in pose.get("equipment", []):
        if item["item"] in figure.BARS:
            y = figure.equipment_at(frame.points, item["at"], pose["view"])[1]
            if y - figure.PLATE_RADIUS < -FLOOR_TOLERANCE:
                at.add(("poses", key), "A804", pose=key, part="plates", distance=_num(figure.PLATE_RADIUS - y))


def _check_bar(pose: dict, frame, where: list, key: str, at) -> None:
    feet = [s for s in SIDES if any(c["part"] == f"{s}-foot" for c in pose["rests_on"])]
    for item in pose.get("equipment", []):
        if item["item"] in figure.BARS and item["at"] in where and feet and pose["view"] == "side":
            off = figure.equipment_at(frame.points, item["at"])[0] - figure.midfoot(frame.points, feet)
            if abs(off) > MIDFOOT_TOLERANCE:
                at.add(("poses", key), "A805", pose=key, distance=_num(abs(off)),
                       direction="in front" if off > 0 else "behind", tolerance=_num(MIDFOOT_TOLERANCE))


def _check_grip(pose: dict, frame, key: str, at) -> None:
    for item in pose.get("equipment", []):
        if item["item"] in HELD_IN_BOTH_HANDS and item["at"] == "hands" and pose["view"] == "side":
            held = figure.equipment_at(frame.points, "hands")
            for side in SIDES:
                gap = figure.distance(frame.points[f"{side}-hand"], held)
                if gap > GRIP_TOLERANCE:
                    at.add(("poses", key), "A808", pose=key, side=side, distance=_num(gap), item=item["item"])


def _part(name: str) -> str:
    return name.replace("-", " ")


def _num(value: float) -> str:
    return f"{round(value):d}" if abs(value - round(value)) < 0.05 or abs(value) >= 10 else f"{value:.1f}"

