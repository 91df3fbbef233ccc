"""Physics of the pose data, checked like citations: every problem is a file:line:col error.

- A801 a joint angle is outside the normal range of motion (AAOS values, via Norkin & White,
  plus the atlas's own allowance: see figure.ALLOWANCE);
- A802 a contact is not held: a planted foot lifts or sinks, the back leaves the bench;
- A803 a contact slides along its surface (a ball may roll; a contact declared `slides: true`,
  on a slider or towel, may slide);
- A804 a part of the body (any of its capsules: head, trunk, limbs, hands, feet) or of the
  equipment is below the floor;
- A805 in a barbell hinge or squat the bar is not over the middle of the foot;
- A806 a pose gives the limbs of one side only;
- A807 a surface the figure rests on would have an impossible height;
- A808 a hand lets go of what both hands hold (a bar, a kettlebell, a cable handle);
- A809 a part of the body is inside a bench, box, seat, pad, ball or wall it does not rest on
  (each is a box of its own size: a pad declared `edge: hips` ends at the hips, so legs may hang past it);
- A810 the centre of mass of body and load is not over the base of support, and nothing holds
  the figure (a machine's pad or sled, a wall);
- A811 a part said to rest on a surface does not touch it;
- A812 the load (a bar on the back or hips, a barbell in the hands) passes through the body;
- A813 two key poses in a row share no contact: the figure would jump;
- A814 a contact gives a surface `height` that cannot apply (only the contact that places the figure sets it);
- A815 (a warning) a pose gives shoulder or elbow angles to arms that hold a bar on the back or
  hips: the side view draws those arms to the bar (figure.grip_carried_bar), so the angles do nothing.
Frames between the key poses are checked too, against the key pose that follows them.
"""
from __future__ import annotations

from . import figure
from .figure import ALLOWANCE, NORMAL_RANGE, SIDES, SURFACES

CONTACT_TOLERANCE = 3.0  # cm a contact may drift (the angles are whole or half degrees)
SLIDE_TOLERANCE = 4.0  # cm
FLOOR_TOLERANCE = 2.0  # cm a part may press into the floor or a surface (skin and padding give)
MIDFOOT_TOLERANCE = 5.0  # cm either side of the middle of the foot
GRIP_TOLERANCE = 6.0  # cm from a hand to what both hands hold (in the side view)
BALANCE_TOLERANCE = 3.0  # cm the centre of mass may lie beyond the base of support
LOAD_TOLERANCE = 2.0  # cm a load may press into the body
HELD_IN_BOTH_HANDS = {"barbell", "trap-bar", "kettlebell", "cable"}


def check(exercise: dict, pattern: dict, doc, problems) -> None:
    pose = exercise["pose"]
    at = _Locator(doc, problems)
    _check_unused_arms(pose, at)
    if not _check_sides(pose, at) or not _check_ranges(pose, at) or not _check_steps(pose, at):
        return  # the figure cannot be posed; its contacts would only repeat the mistake
    frames = figure.frames(pose)
    names = figure.key_names(pose["poses"])
    places = figure.places(pose, frames)
    _check_surfaces(pose, places, at)
    keyed = {}
    for i, frame in enumerate(frames):
        k, u = figure.key_index(pose["poses"], i)
        key = names[0] if i == 0 else names[k + 1]
        if i:
            _check_held(pose, frame, keyed[k], k, key, places, at)
        if i == 0 or abs(u - 1) < 1e-9:  # a key pose: what it rests on touches
            keyed[0 if i == 0 else k + 1] = frame
            _check_touch(pose, frame, 0 if i == 0 else k + 1, places, at)
        resting = _resting(pose, key if i == 0 or abs(u - 1) < 1e-9 else None, k)
        _check_floor(pose, frame, key, resting, at)
        _check_clear(pose, frame, key, resting, places, at)
        _check_balance(pose, frame, key, resting, at)
        _check_load(pose, frame, key, at)
        if i == 0 or abs(u - 1) < 1e-9:  # the bar path between key poses is a blend of angles, not the lift's
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


def _check_sides(pose: dict, at) -> bool:
    ok = True
    for name, angles in pose["poses"].items():
        given = [s for s in SIDES if s in angles]
        if len(given) == 1 and "both" not in angles:
            missing = SIDES[1 - SIDES.index(given[0])]
            at.add(("poses", name, given[0]), "A806", pose=name, given=given[0], missing=missing)
            ok = False
    return ok


def _check_unused_arms(pose: dict, at) -> None:
    carried = [item for item in pose.get("equipment", []) if figure.carries_bar(pose, item)]
    for item in carried[:1]:
        for name, angles in pose["poses"].items():
            for limb in ("both", *SIDES):
                joints = [joint for joint in ("shoulder", "elbow") if joint in angles.get(limb, {})]
                if joints:
                    at.add(("poses", name, limb, joints[0]), "A815", pose=name, item=item["item"].replace("-", " "),
                           at=item["at"], limb=f"'{limb}'", joints=" and ".join(joints))


def _check_ranges(pose: dict, at) -> bool:
    ok = True
    for name, angles in pose["poses"].items():
        for joint in ("neck", "pelvis"):
            low, high = NORMAL_RANGE[joint]
            if not low - ALLOWANCE <= angles.get(joint, 0) <= high + ALLOWANCE:
                at.add(("poses", name, joint), "A801", pose=name, joint=joint, angle=_num(angles[joint]),
                       low=_num(low - ALLOWANCE), high=_num(high + ALLOWANCE))
                ok = False
        for limb in ("both", *SIDES):
            for joint, value in angles.get(limb, {}).items():
                low, high = NORMAL_RANGE[joint]
                if not low - ALLOWANCE <= value <= high + ALLOWANCE:
                    side = "" if limb == "both" else f"{limb} "
                    at.add(("poses", name, limb, joint), "A801", pose=name, joint=f"{side}{joint.replace('_', ' ')}",
                           angle=_num(value), low=_num(low - ALLOWANCE), high=_num(high + ALLOWANCE))
                    ok = False
    return ok


def _check_steps(pose: dict, at) -> bool:
    names = figure.key_names(pose["poses"])
    ok = True
    for k in range(len(names) - 1):
        if not figure.held(pose, k):
            at.add(("poses", names[k + 1]), "A813", before=names[k], after=names[k + 1])
            ok = False
    return ok


def _contact_path(pose: dict, key: str, i: int, field: str = "surface") -> tuple:
    own = "rests_on" in pose["poses"][key]
    return ("poses", key, "rests_on", i, field) if own else ("rests_on", i, field)


def _check_surfaces(pose: dict, places: dict, at) -> None:
    """The height of each surface, where the first key pose that names it puts it; a `height` only
    places the figure from its first contact, so anywhere else it would be silently ignored."""
    first = figure.key_names(pose["poses"])[0]
    lists = [(None, pose["rests_on"])] + [(key, p["rests_on"]) for key, p in pose["poses"].items() if "rests_on" in p]
    for key, contacts in lists:
        for i, contact in enumerate(contacts):
            root = i == 0 and (key == first or (key is None and "rests_on" not in pose["poses"][first]))
            if "height" in contact and not root:
                path = ("poses", key, "rests_on", i, "height") if key else ("rests_on", i, "height")
                at.add(path, "A814", surface=contact["surface"], part=_part(contact["part"]))
    for place in places.values():
        _, low, high = SURFACES[place.surface]
        if place.surface not in ("floor", "wall") and not low <= place.top <= high:
            contact = figure.contacts_of(pose, place.key)[place.index]
            at.add(_contact_path(pose, place.key, place.index),
                   "A807", surface=place.surface, part=_part(contact["part"]), height=_num(place.top), low=low, high=high)


def _gap(point, r: float, place, part: str) -> float:
    """How far a contact point's skin is from its surface (a wall: horizontally)."""
    if place.surface == "wall":
        return point[0] - figure.wall_reach(part, r) - place.top
    return point[1] - r - place.top


def _check_touch(pose: dict, frame, k: int, places: dict, at) -> None:
    """A key pose's contacts that are new (not held from the key pose before) touch their surface."""
    key = figure.key_names(pose["poses"])[k]
    kept = {(c["part"], c["surface"]) for c, _ in figure.held(pose, k - 1)} if k else set()
    for i, contact in enumerate(figure.contacts_of(pose, key)):
        if (contact["part"], contact["surface"]) in kept:
            continue
        place = places[contact["surface"]]
        for name, r in figure.contact_points(contact["part"]):
            gap = _gap(frame.points[name], r, place, contact["part"])
            if abs(gap) > CONTACT_TOLERANCE:
                at.add(_contact_path(pose, key, i, "part"), "A811", pose=key, part=_part(contact["part"]),
                       surface=contact["surface"], distance=_num(abs(gap)), where="off" if gap > 0 else "into")
                break


def _check_held(pose: dict, frame, before, k: int, key: str, places: dict, at) -> None:
    """Contacts two key poses share stay on their surface, and in place, in the frames between."""
    for contact, points in figure.held(pose, k):
        place = places[contact["surface"]]
        for name, r in points:
            gap = _gap(frame.points[name], r, place, contact["part"])
            if abs(gap) > CONTACT_TOLERANCE:
                at.add(("poses", key), "A802", pose=key, part=_part(name), surface=contact["surface"],
                       distance=_num(abs(gap)), verb="leaves" if gap > 0 else "sinks into")
            along = 1 if place.surface == "wall" else 0
            slide = abs(frame.points[name][along] - before.points[name][along])
            if contact["surface"] not in figure.ROLLS and not contact.get("slides") and slide > SLIDE_TOLERANCE:
                at.add(("poses", key), "A803", pose=key, part=_part(name), surface=contact["surface"], distance=_num(slide))


def _resting(pose: dict, key, k: int) -> list[dict]:
    """The contacts of a frame: a key pose's own, or those the two key poses around it share."""
    if key is not None:
        return figure.contacts_of(pose, key)
    return [contact for contact, _ in figure.held(pose, k)]


def _exempt(resting: list[dict], surface: str) -> set[str]:
    """The body segments allowed to touch a surface: those resting on it."""
    return {name for c in resting if c["surface"] == surface for name in figure.resting_segments(c["part"])}


def _check_floor(pose: dict, frame, key: str, resting: list[dict], at) -> None:
    exempt = _exempt(resting, "floor")
    for name, a, b, r in figure.segments(frame.points, pose["view"]):
        low = min(a[1], b[1]) - r
        if name not in exempt and low < -FLOOR_TOLERANCE:
            at.add(("poses", key), "A804", pose=key, part=_part(name), distance=_num(-low))
    for item in pose.get("equipment", []):
        if item["item"] in figure.BARS:
            y = figure.equipment_at(frame.points, item["at"], pose["view"])[1]
            if y - figure.PLATE_RADIUS < -FLOOR_TOLERANCE:
                at.add(("poses", key), "A804", pose=key, part="plates", distance=_num(figure.PLATE_RADIUS - y))


def _check_clear(pose: dict, frame, key: str, resting: list[dict], places: dict, at) -> None:
    """No part of the body is inside a bench, box, seat, pad, ball or wall, unless it rests on it."""
    if pose["view"] not in figure.SIDE_MODEL:
        return  # seen from behind, a seat or bench is behind the legs, not in their way
    for place in places.values():
        if place.surface == "floor":
            continue
        exempt = _exempt(resting, place.surface)
        for name, a, b, r in figure.segments(frame.points, pose["view"]):
            if name in exempt:
                continue
            if place.surface in figure.ROLLS:
                cx, cy = figure.ball_centre(place, frame, pose)
                depth = r + place.top / 2 - _to_segment((cx, cy), a, b)
            else:
                depth = figure.capsule_depth(a, b, r, place.box)
            if depth > FLOOR_TOLERANCE:
                at.add(("poses", key), "A809", pose=key, part=_part(name), surface=place.surface, distance=_num(depth))


def _to_segment(p, a, b) -> float:
    """The distance from a point to the segment a-b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return figure.distance(p, (a[0] + dx * t, a[1] + dy * t))


def base_of_support(points: dict, resting: list[dict]) -> tuple[float, float]:
    """The span (in x) of what the figure rests on; lying on the back, front or side: pelvis to shoulders."""
    xs = []
    for contact in resting:
        xs += [points[name][0] for name, _ in figure.contact_points(contact["part"])]
        if contact["part"] in ("back", "front", "side", "upper-back"):
            xs += [points["pelvis"][0], points["shoulder"][0]] if contact["part"] != "upper-back" else []
    return min(xs), max(xs)


def load(pose: dict, points: dict) -> list[tuple[tuple, float]]:
    """Where the load is and its share of body mass."""
    return [(figure.equipment_at(points, item["at"], pose["view"]), figure.LOAD_MASS[item["item"]])
            for item in pose.get("equipment", []) if item["item"] in figure.LOAD_MASS]


def held_up(pose: dict, resting: list[dict]) -> bool:
    """Something besides the figure's own balance holds it: a machine's pad or sled, a wall."""
    return (any(c["surface"] in figure.HOLDS for c in resting)
            or any(item["item"] in figure.HOLDING_EQUIPMENT for item in pose.get("equipment", [])))


def _check_balance(pose: dict, frame, key: str, resting: list[dict], at) -> None:
    if held_up(pose, resting) or not resting or pose["view"] not in figure.SIDE_MODEL:
        return  # seen from behind, the model cannot shift the pelvis over the standing foot
    x, _ = figure.center_of_mass(frame.points, pose["view"], load(pose, frame.points))
    left, right = base_of_support(frame.points, resting)
    if x < left - BALANCE_TOLERANCE or x > right + BALANCE_TOLERANCE:
        behind = x < left  # balance is checked in the side model only: behind or in front, never to a side
        at.add(("poses", key), "A810", pose=key, distance=_num(left - x if behind else x - right),
               direction="behind" if behind else "in front of")


# where each load must stay clear of the body: a bar on the back is beside the arms that hold it,
# dumbbells and a trap bar's handles hang beside the legs, so only what they would pass through
LOAD_CLEAR = {"back": ("trunk", "neck", "head"), "hips": ("trunk", "neck", "head", "thigh"),
              "chest": ("neck", "head", "thigh"), "shoulders": ("trunk", "neck", "head")}


def _check_load(pose: dict, frame, key: str, at) -> None:
    if pose["view"] not in figure.SIDE_MODEL:
        return
    for item in pose.get("equipment", []):
        if item["item"] not in figure.LOAD_MASS:
            continue
        parts = LOAD_CLEAR.get(item["at"])
        if item["at"] == "hands" and item["item"] == "barbell":
            parts = ("trunk", "thigh", "shank", "head")  # a barbell is in front of the body
        if not parts:
            continue
        where = figure.equipment_at(frame.points, item["at"], pose["view"])
        for name, a, b, r in figure.segments(frame.points, pose["view"]):
            if (name.partition("-")[2] or name) in parts:
                depth = r - _to_segment(where, a, b)
                if depth > LOAD_TOLERANCE:
                    at.add(("poses", key), "A812", pose=key, item=item["item"].replace("-", " "), at=item["at"],
                           part=_part(name), distance=_num(depth))


def _check_bar(pose: dict, frame, where: list, key: str, at) -> None:
    feet = [s for s in SIDES if any(c["part"] == f"{s}-foot" for c in pose["rests_on"])]
    for item in pose.get("equipment", []):
        if item["item"] in figure.BARS and item["at"] in where and feet and pose["view"] in figure.SIDE_MODEL:
            off = figure.equipment_at(frame.points, item["at"])[0] - figure.midfoot(frame.points, feet)
            if abs(off) > MIDFOOT_TOLERANCE:
                at.add(("poses", key), "A805", pose=key, distance=_num(abs(off)),
                       direction="in front" if off > 0 else "behind", tolerance=_num(MIDFOOT_TOLERANCE))


def _check_grip(pose: dict, frame, key: str, at) -> None:
    for item in pose.get("equipment", []):
        if item["item"] in HELD_IN_BOTH_HANDS and item["at"] == "hands" and pose["view"] in figure.SIDE_MODEL:
            held = figure.equipment_at(frame.points, "hands")
            for side in SIDES:
                gap = figure.distance(frame.points[f"{side}-hand"], held)
                if gap > GRIP_TOLERANCE:
                    at.add(("poses", key), "A808", pose=key, side=side, distance=_num(gap), item=item["item"])


def _part(name: str) -> str:
    return name.replace("-", " ").replace("_", " ")


def _num(value: float) -> str:
    return f"{round(value):d}" if abs(value - round(value)) < 0.05 or abs(value) >= 10 else f"{value:.1f}"

