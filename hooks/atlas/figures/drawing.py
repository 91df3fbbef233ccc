"""Exercise figures as SVG, drawn from the pose data by the body model in figure.py.

One style for every exercise: rounded limbs (thick strokes with round caps), a head, hands
and feet; the side away from the viewer a shade lighter; the floor, the surfaces the figure
rests on and its equipment; worked muscles tinted in the body map's role colours. Colours
are CSS classes (content/assets/atlas.css on the site, an embedded style sheet in the
standalone files), so the figure follows the colour scheme and prints. The motion is
FRAMES still frames that CSS keyframes show in turn: no script. Every number is formatted
here and every text is escaped, so nothing from the data can become markup.
"""
from __future__ import annotations

import html
import math
from typing import NamedTuple

from . import figure
from .figure import RADIUS, SIDES

PAD = 6.0  # cm of margin around the figure
WIDTH = {"thigh": 15, "shank": 11, "foot": 6, "upper_arm": 9, "forearm": 7.5, "trunk": 24, "neck": 9}
HEAD_RADIUS = 10.5
TINTS = {  # region -> (segment, where along it, offset across it as a share of its width, width)
    "buttock": ("buttock", (0.0, 0.0), 0.0, 0),
    "hip-side": ("hip", (0.0, 0.0), 0.0, 0),
    "thigh-back": ("thigh", (0.2, 0.8), 0.28, 7),
    "thigh-front": ("thigh", (0.2, 0.8), -0.28, 7),
    "thigh-inner": ("thigh", (0.15, 0.6), 0.0, 5),
    "lower-back": ("trunk", (0.12, 0.5), 0.3, 8),
}
ROLE_CLASS = {"target": "fig-t", "synergist": "fig-s"}


def n(value: float) -> str:
    """A coordinate in whole centimetres: a centimetre is under a pixel at the sizes figures are
    shown, and 13 frames of whole numbers weigh what 7 frames with a decimal did."""
    text = f"{value:.0f}"
    return "0" if text in ("-0", "") else text


def _pt(p) -> str:
    return f"{n(p[0])} {n(-p[1])}"  # the model's y is up, SVG's is down


def _line(points, cls: str, width: float) -> str:
    d = "M" + "L".join(_pt(p) for p in points)
    return f'<path class="{cls}" d="{d}" stroke-width="{n(width)}"/>'


def _dot(p, r: float, cls: str) -> str:
    return f'<circle class="{cls}" cx="{n(p[0])}" cy="{n(-p[1])}" r="{n(r)}"/>'


# The body and its tints are filled outlines, not stroked lines, so that every piece of one
# colour joins one <path>: a frame is a handful of elements instead of twenty, and pages with
# many figures style and lay out several times faster. Every outline runs the same way round,
# so overlapping pieces of one path add up (nonzero fill) instead of cutting holes.

class Shape(NamedTuple):
    """One filled piece; consecutive pieces of a fill class share a <path>."""
    fill: str
    d: str


def _capsule(a, b, width: float, fill: str) -> Shape:
    """A limb: the outline of a round-capped stroke of `width` from a to b."""
    (ax, ay), (bx, by) = (a[0], -a[1]), (b[0], -b[1])
    length, r = math.hypot(bx - ax, by - ay), width / 2
    ux, uy = ((bx - ax) / length, (by - ay) / length) if length > 1e-6 else (1.0, 0.0)
    nx, ny = -uy * r, ux * r
    arc = f"a{n(r)} {n(r)} 0 0 0 "  # relative steps: shorter, and they repeat, so they gzip well
    dx, dy = n(bx - ax), n(by - ay)
    back = f"{n(ax - bx)} {n(ay - by)}"
    return Shape(fill, f"M{n(ax + nx)} {n(ay + ny)}l{dx} {dy}{arc}{n(-2 * nx)} {n(-2 * ny)}l{back}{arc}{n(2 * nx)} {n(2 * ny)}z")


def _disc(p, r: float, fill: str) -> Shape:
    arc = f"a{n(r)} {n(r)} 0 1 0 "
    return Shape(fill, f"M{n(p[0] + r)} {n(-p[1])}{arc}{n(-2 * r)} 0{arc}{n(2 * r)} 0z")


def _merge(items) -> str:
    """Markup for shapes and ready markup in paint order; runs of one fill class become one path."""
    out = []
    for item in items:
        if isinstance(item, Shape) and out and isinstance(out[-1], Shape) and out[-1].fill == item.fill:
            out[-1] = Shape(item.fill, out[-1].d + item.d)
        else:
            out.append(item)
    return "".join(f'<path class="{i.fill}" d="{i.d}"/>' if isinstance(i, Shape) else i for i in out)


def _along(a, b, t: float, across: float = 0.0):
    """A point t of the way from a to b, moved `across` cm to the right of the direction a -> b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = max(figure.distance(a, b), 1e-6)
    return (a[0] + dx * t + dy / length * across, a[1] + dy * t - dx / length * across)


# --- the body ----------------------------------------------------------------------------------

def _leg(p, side: str, fill: str) -> list[Shape]:
    hip = p.get(f"{side}-hip", p["pelvis"])
    return [_capsule(hip, p[f"{side}-knee"], WIDTH["thigh"], fill),
            _capsule(p[f"{side}-knee"], p[f"{side}-ankle"], WIDTH["shank"], fill),
            _capsule(p[f"{side}-heel"], p[f"{side}-toe"], WIDTH["foot"], fill),
            _capsule(p[f"{side}-ankle"], _along(p[f"{side}-heel"], p[f"{side}-toe"], 0.35), WIDTH["foot"] + 2, fill)]


def _arm(p, side: str, fill: str) -> list[Shape]:
    shoulder = p.get(f"{side}-shoulder", p["shoulder"])
    return [_capsule(shoulder, p[f"{side}-elbow"], WIDTH["upper_arm"], fill),
            _capsule(p[f"{side}-elbow"], p[f"{side}-wrist"], WIDTH["forearm"], fill),
            _disc(p[f"{side}-hand"], RADIUS["hand"] + 1, fill)]


def _trunk(p, view: str) -> list:
    neck_top = _along(p["shoulder"], p["head"], 0.45)
    parts = [_capsule(p["shoulder"], neck_top, WIDTH["neck"], "fig-bf")]
    if view in ("front", "feet"):  # a rounded four-sided torso: stroked as well as filled, on its own
        corners = [p["left-shoulder"], p["right-shoulder"], _along(p["pelvis"], p["right-hip"], 1.6),
                   _along(p["pelvis"], p["left-hip"], 1.6)]
        parts.append(f'<path class="fig-b fig-bf" d="M{"L".join(_pt(c) for c in corners)}Z" stroke-width="12"/>')
    else:
        parts.append(_capsule(p["pelvis"], p["shoulder"], WIDTH["trunk"], "fig-bf"))
    parts.append(_disc(p["head"], HEAD_RADIUS, "fig-bf"))
    return parts


def body(frame, view: str) -> list:
    """The figure's pieces in paint order: the far limbs (a shade lighter), trunk and head, near limbs."""
    p = frame.points
    if view == "feet":  # seen from beyond the feet: the trunk is furthest, the arms lie beside it, the legs are nearest
        return [*_trunk(p, view), *(piece for s in SIDES for piece in _arm(p, s, "fig-bf")),
                *(piece for s in SIDES for piece in _leg(p, s, "fig-bf"))]
    near, far = ("left", "right") if view in ("side", "above") else ("right", "left")
    out = [*_leg(p, far, "fig-rf"), *_arm(p, far, "fig-rf")] if view in ("side", "above") else []
    out += _trunk(p, view)
    if view == "front":
        out += [*_leg(p, far, "fig-bf"), *_arm(p, far, "fig-bf")]
    out += [*_leg(p, near, "fig-bf"), *_arm(p, near, "fig-bf")]
    return out


# --- muscles tinted on the figure --------------------------------------------------------------

def tints(frame, view: str, marks: list[tuple[str, str]]) -> list[Shape]:
    """`marks`: (figure region, role) pairs; a region is drawn once, in its strongest role."""
    out = []
    view = "front" if view == "feet" else view  # both show the frontal plane, the hips side by side
    for region, role in marks:
        out += _tint(frame.points, view, region, ROLE_CLASS[role])
    return out


def _tint(p, view: str, region: str, cls: str) -> list[Shape]:
    segment, (t0, t1), across, width = TINTS[region]
    sides = ("left",) if view == "side" else SIDES
    trunk_back = _along(p["pelvis"], p["shoulder"], 0.0, -9)
    if segment == "buttock":
        if view == "front":
            return [_disc(_along(p["pelvis"], p[f"{s}-hip"], 1.0, 0), 8, cls) for s in SIDES]
        return [_capsule(trunk_back, _along(p["pelvis"], p["left-knee"], 0.22, 5), 12, cls)]
    if segment == "hip":
        if view == "front":
            return [_disc(_along(_along(p["pelvis"], p[f"{s}-hip"], 2.0), p["shoulder"], 0.12), 5.5, cls)
                    for s in SIDES]
        return [_disc(_along(p["pelvis"], p["shoulder"], 0.12, -1), 6, cls)]
    if segment == "trunk":
        sign = 1 if view == "side" else 0
        return [_capsule(_along(p["pelvis"], p["shoulder"], t0, -7 * sign),
                         _along(p["pelvis"], p["shoulder"], t1, -7 * sign), width, cls)]
    out = []
    for side in sides:
        hip = p.get(f"{side}-hip", p["pelvis"])
        shift = across * WIDTH["thigh"] * (1 if view == "side" else 0)
        if region == "thigh-inner" and view == "front":
            shift = 3.5 if side == "left" else -3.5
        out.append(_capsule(_along(hip, p[f"{side}-knee"], t0, shift), _along(hip, p[f"{side}-knee"], t1, shift), width, cls))
    return out


# --- the equipment and what the figure rests on --------------------------------------------------

BEHIND = {"back", "hips"}  # where a load is drawn behind the body
MACHINES = {"sled", "cable", "pendulum"}  # drawn behind the body too


def kit(frame, pose: dict, behind: bool = False) -> str:
    out = []
    for item in pose.get("equipment", []):
        # a bar on the back or hips, and a barbell's plate in the hands seen from the side, go behind
        # the body: the face and the knees' bend stay in view (a stiff-leg and a Romanian deadlift differ there)
        back = (item["item"] in figure.BARS and (item["at"] in BEHIND or pose["view"] == "side" and item["at"] != "shoulders")
                or item["item"] in MACHINES  # a front squat's bar is in front of the body
                or item["item"] == "band" and _kickback_band(frame.points, item["at"]))  # beside the body, not through it
        if item["item"] == "trap-bar" and pose["view"] == "side":  # its plates behind, its frame in front
            out.append(_dot(figure.equipment_at(frame.points, "hands"), figure.PLATE_RADIUS, "fig-k fig-plate")
                       if behind else _trap_bar(frame.points, figure.equipment_at(frame.points, "hands"), "side", "hands"))
            continue
        if back != behind:
            if item["item"] == "sled":  # the sled's shoulder pads rest on top of the shoulders, in front
                out.append(_shoulder_pads(frame.points))
            continue
        at = figure.equipment_at(frame.points, item["at"], pose["view"])
        where = item["at"]
        if item["item"] == "pad" and where == "ankles" and not any(c["surface"] in ("bench", "seat") for c in pose["rests_on"]):
            where = "held"  # a roller that holds the ankles down (a Nordic bench), not a leg-curl lever
        out.append(_KIT[item["item"]](frame.points, at, pose["view"], where))
        if item["item"] == "pad" and where == "ankles" and any(c["surface"] == "seat" for c in pose["rests_on"]):
            p = frame.points  # a seated leg curl also holds the thighs down, just above the knees
            thigh = figure._angle(p["pelvis"], p["left-knee"])
            out.append(_dot(figure._step(_along(p["pelvis"], p["left-knee"], 0.8), thigh - 90, RADIUS["thigh"] + 5), 5,
                            "fig-k fig-plate"))
    if behind:  # a slider (or towel) under each part that slides on purpose, moving with it; the heel on top
        for contact in figure.contacts_of(pose, frame_key(pose, frame)):
            if contact.get("slides"):
                x, top = _rest(frame, contact)
                out.append(_rect(x - 10, top - 1, x + 10, top + 3, "fig-k fig-plate", 1.5))
    if behind:
        for contact in pose["rests_on"]:
            if contact["surface"] in figure.ROLLS:
                x, top = _rest(frame, contact)
                # a ball that rolls: a stripe turns with it
                turn = -x / (top / 2)
                edge = (x + top / 2 * math.sin(turn), top / 2 + top / 2 * math.cos(turn))
                out.append(_dot((x, top / 2), top / 2, "fig-k fig-ball") + _line([(x, top / 2), edge], "fig-k", 2))
    return "".join(out)


def frame_key(pose: dict, frame) -> str:
    """The key pose whose contacts a frame shows: its own, or the one it moves towards."""
    names = figure.key_names(pose["poses"])
    return frame.label if frame.label in names else frame.label.split("'")[3]


def _rest(frame, contact) -> tuple[float, float]:
    """Where a contact touches its surface in a frame: its middle and the surface's top."""
    touching = figure.contact_points(contact["part"])
    x = sum(frame.points[name][0] for name, _ in touching) / len(touching)
    return x, min(frame.points[name][1] - r for name, r in touching)


def _bar(p, at, view, where):
    if view == "front":
        return (_line([(at[0] - 45, at[1]), (at[0] + 45, at[1])], "fig-k", 3) +
                "".join(_line([(at[0] + s * 48, at[1] - 22), (at[0] + s * 48, at[1] + 22)], "fig-k fig-plate", 6)
                        for s in (-1, 1)))
    # a front squat's plate is nearer than the body: see-through, so the face and the racked arms show
    near = " fig-plate--near" if where == "shoulders" else ""
    return _dot(at, figure.PLATE_RADIUS, "fig-k fig-plate" + near) + _dot(at, 2.5, "fig-kf")


def _trap_bar(p, at, view, where):
    """A hexagonal frame around the lifter, seen a little from above, with raised handles."""
    if view == "front":
        return _bar(p, at, view, where)
    x, y = at
    hexagon = [(x - 44, y), (x - 26, y + 10), (x + 26, y + 10), (x + 44, y), (x + 26, y - 10), (x - 26, y - 10)]
    frame = f'<path class="fig-k" d="M{"L".join(_pt(c) for c in hexagon)}Z" stroke-width="3.5"/>'
    return frame + _line([(x - 5, y), (x + 5, y)], "fig-k", 5)  # the handle in the hands


def _sled(p, at, view, where):
    """The hack squat's back pad on its rails, leaning back at the trunk's angle, and the footplate."""
    trunk = figure._angle(p["pelvis"], p["shoulder"])
    pad_a = figure._step(p["pelvis"], trunk - 90, RADIUS["trunk"] + 5)
    pad_b = figure._step(p["shoulder"], trunk - 90, RADIUS["trunk"] + 5)
    rail_top = figure._step(pad_b, trunk, 40)
    rail_low = (pad_a[0] - (pad_a[1]) * math.tan(math.radians(trunk)) if abs(trunk) < 80 else pad_a[0], 0.0)
    foot = min(p["left-heel"][0], p["right-heel"][0]) - 6, max(p["left-toe"][0], p["right-toe"][0]) + 8
    rail_foot = figure._step(rail_low, trunk - 90, 9)
    return (_line([rail_foot, figure._step(rail_top, trunk - 90, 9)], "fig-k", 3)
            + _line([rail_foot, (foot[1], 0.0)], "fig-k", 3)  # the frame from the rails to the footplate
            + _capsule(pad_a, pad_b, 10, "").d.join(('<path class="fig-k fig-surface" d="', '" stroke-width="2"/>'))
            + _line([figure._step(pad_b, trunk, 6), _shoulder_pad_at(p)], "fig-k", 3)  # the carriage
            + _rect(foot[0], -5, foot[1], 0, "fig-k fig-surface", 2))


def _shoulder_pad_at(p):
    trunk = figure._angle(p["pelvis"], p["shoulder"])
    return figure._step(figure._step(p["shoulder"], trunk, 13), trunk + 90, 3)


def _shoulder_pads(p) -> str:
    return _dot(_shoulder_pad_at(p), 5.5, "fig-k fig-plate")


def _dumbbell(p, at, view, where):
    hands = [p[f"{s}-hand"] for s in SIDES] if where == "hands" else [at]
    if view == "front" and figure.distance(*hands[:2]) < 15 if len(hands) > 1 else False:
        # one dumbbell held by its top end in both hands, hanging between the legs
        x, y = _mid(*hands)
        return (_line([(x, y), (x, y - 16)], "fig-k", 4) + _rect(x - 8, y - 3, x + 8, y + 3, "fig-k fig-plate", 2)
                + _rect(x - 8, y - 22, x + 8, y - 15, "fig-k fig-plate", 2))
    if view == "front":
        return "".join(_line([(h[0] - 6, h[1]), (h[0] + 6, h[1])], "fig-k fig-db", 8) for h in hands)
    return "".join(_dot(h, 7, "fig-k fig-plate") for h in hands[:1])


def _kettlebell(p, at, view, where):
    angle = figure._angle(p["left-elbow"], p["left-wrist"]) if where == "hands" else 180
    centre = figure._step(at, angle, 10)
    return _dot(centre, 9, "fig-k fig-plate") + _line([at, centre], "fig-k", 3)


def _kickback_band(p, where) -> bool:
    """A band round the feet of a figure on all fours: it runs from the hands, beside the body, to the foot."""
    return where == "feet" and max(p[f"{s}-hand"][1] for s in SIDES) < 10


def _band(p, at, view, where):
    joint = {"knees": "knee", "ankles": "ankle", "feet": "toe"}.get(where, "knee")
    a, b = p[f"left-{joint}"], p[f"right-{joint}"]
    if _kickback_band(p, where):
        # on all fours (a kickback): round the foot that kicks, its other end held down under the hands
        a, b = max((p["left-toe"], p["right-toe"]), key=lambda t: t[1]), _mid(p["left-hand"], p["right-hand"])
        b = (b[0], 1.5)
    # one style: a loop band, round the limbs where they are together, stretched where they part
    width = 14 if figure.distance(a, b) < 10 else 7
    return f'<path class="fig-band" d="{_capsule(a, b, width, "").d}" stroke-width="3"/>'


def _mid(a, b):
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _cable_tower(p, at, view, where) -> tuple[float, tuple[float, float]]:
    """Where a cable stack stands (its far edge) and its low pulley: behind a lifter who faces away (a
    pull-through), or in front of one whose ankle it pulls (a kickback: the hands hold its frame)."""
    if where.endswith("-ankle") and view == "side":
        x = max(p["left-hand"][0], p["right-hand"][0]) + 16
        return x, (x - 14, 12.0)
    pulley = (p["pelvis"][0] - 95, 12.0) if view == "side" else (at[0] + 80, 12.0)
    return pulley[0], pulley


def _cable(p, at, view, where):
    """A cable stack: the tower, its weight stack and the line from the low pulley to the handle."""
    x, pulley = _cable_tower(p, at, view, where)
    tower = f'<path class="fig-k" d="M{_pt((x - 14, 0))}L{_pt((x - 14, 200))}L{_pt((x + 2, 200))}L{_pt((x + 2, 0))}" stroke-width="3"/>'
    stack = "".join(f'<path class="fig-k fig-plate" d="M{_pt((x - 11, y))}h{n(10)}v{n(-5)}h{n(-10)}z" stroke-width="1"/>'
                    for y in (3, 9, 15, 21, 27))
    return tower + stack + _line([at, pulley], "fig-cable", 2) + _dot(pulley, 3.5, "fig-kf") + _dot(at, 3.5, "fig-kf")


def _pad(p, at, view, where):
    """A machine's roller pad: behind the ankles, on the shoulders, or across the hips or knees."""
    if where in ("ankles", "held"):
        shank = figure._angle(p["left-knee"], p["left-ankle"])
        centre = figure._step(p["left-ankle"], shank + 90, RADIUS["shank"] + 6)
        if where == "held":
            return _dot(centre, 6.5, "fig-k fig-plate")
        pivot = figure._step(p["left-knee"], shank + 90, RADIUS["shank"] + 6)
        return (_line([pivot, centre], "fig-k", 3.5) + _dot(pivot, 3.5, "fig-kf")
                + _dot(centre, 6.5, "fig-k fig-plate"))
    else:
        centre = figure._step(at, figure._angle(p["pelvis"], p["shoulder"]) + 90, 6) if where == "back" else at
    return _dot(centre, 6.5, "fig-k fig-plate")


def _pendulum(p, at, view, where):
    """A reverse hyperextension's lever: it hangs from a pivot under the pad's end, its strap round
    the ankles, a plate on its pin (the pivot sits by the hips, which stay on the pad)."""
    ahead = 1 if p["shoulder"][0] >= p["pelvis"][0] else -1
    pivot = (p["pelvis"][0] + ahead * 16, p["pelvis"][1] - 34)
    bracket = (pivot[0], p["pelvis"][1] - RADIUS["trunk"] - 8)
    plate = _along(pivot, at, 0.62)
    return (_line([bracket, pivot], "fig-k", 4) + _line([pivot, _along(pivot, at, 1.08)], "fig-k", 4)
            + _dot(pivot, 3.5, "fig-kf") + _dot(plate, 10, "fig-k fig-plate")
            + f'<path class="fig-band" d="{_capsule(p["left-ankle"], p["right-ankle"], 14, "").d}" stroke-width="3"/>')


_KIT = {"barbell": _bar, "trap-bar": _trap_bar, "sled": _sled, "dumbbell": _dumbbell, "kettlebell": _kettlebell, "band": _band,
        "cable": _cable, "pad": _pad, "pendulum": _pendulum}


def _rect(left, bottom, right, top, cls="fig-k fig-surface", width=3) -> str:
    return (f'<path class="{cls}" d="M{_pt((left, bottom))}L{_pt((left, top))}L{_pt((right, top))}'
            f'L{_pt((right, bottom))}Z" stroke-width="{n(width)}"/>')


def surfaces(pose: dict, frames) -> str:
    """What the figure rests on, where the first key pose that names it puts it: a bench on its
    legs, a box or step, a machine seat with its backrest, a 45° hip-extension pad, a wall."""
    out = []
    start = frames[0]
    if pose["view"] == "feet":  # the floor under a figure lying on its back, seen from its feet: a mat going away
        out.append(_mat(frames))
    for place in figure.places(pose, frames).values():
        left, _, right, top = place.box
        contact = figure.contacts_of(pose, place.key)[place.index]
        if place.surface in ("floor", *figure.ROLLS):
            continue
        if place.surface == "wall":
            out.append(_rect(left + 7, 0, right, top, "fig-k fig-surface", 2))
        elif place.surface == "bench":  # a padded top on two legs
            out.append(_rect(left, top - 7, right, top) + _line([(left + 6, 0), (left + 6, top - 7)], "fig-k", 4)
                       + _line([(right - 6, 0), (right - 6, top - 7)], "fig-k", 4))
        elif place.surface == "seat":  # a machine seat with its backrest behind the trunk
            p = start.points
            trunk = figure._angle(p["pelvis"], p["shoulder"])
            back_low = figure._step(p["pelvis"], trunk - 90, figure.RADIUS["trunk"] + 4)
            back_high = figure._step(back_low, trunk, figure.L["trunk"] * 0.9)
            if pose["view"] == "side":
                out.append(_rect(left, top - 8, right, top) + _line([((left + right) / 2, 0), ((left + right) / 2, top - 8)], "fig-k", 5))
                out.append(f'<path class="fig-k fig-surface" d="M{_pt(back_low)}L{_pt(back_high)}" stroke-width="8"/>')
            else:  # seen face on: a wide cushion on a pedestal and its base, the backrest standing up behind the trunk
                x = p["pelvis"][0]
                out.append(_rect(x - 32, top, x + 32, p["shoulder"][1] + 8) + _rect(x - 36, top - 10, x + 36, top)
                           + _rect(x - 7, 4, x + 7, top - 10) + _rect(x - 32, 0, x + 32, 4))
        elif place.surface == "pad" and contact.get("edge") == "hips":
            out.append(_reverse_hyper(start.points, left, right, top))
        elif place.surface == "pad" and contact["part"].endswith("thigh") and pose["view"] == "side":
            out.append(_incline(start.points, contact["part"].partition("-")[0]))
        else:  # a box or step, a kneeling pad
            out.append(_rect(left, 0, right, top))
    return "".join(out)


def _mat(frames) -> str:
    """A mat under the whole figure, narrowing as it goes away up the page."""
    xs = [x for frame in frames for x, _ in frame.points.values()]
    far = max(y for frame in frames for _, y in frame.points.values()) + HEAD_RADIUS
    half, middle = (max(xs) - min(xs)) / 2 + 14, (max(xs) + min(xs)) / 2
    corners = [(middle - half, 0.0), (middle - half * 0.8, far), (middle + half * 0.8, far), (middle + half, 0.0)]
    return f'<path class="fig-k fig-surface" d="M{"L".join(_pt(c) for c in corners)}Z" stroke-width="2"/>'


def _reverse_hyper(p, left: float, right: float, top: float) -> str:
    """A reverse hyperextension: a high pad that ends at the hips on a frame, and the handles where
    the hands reach past its far end."""
    ahead = 1 if p["shoulder"][0] >= p["pelvis"][0] else -1
    far = right if ahead > 0 else left
    post = far - ahead * 12
    hands = _mid(p["left-hand"], p["right-hand"])
    grip = (hands[0], 0.0)
    return (_line([(post, 0), (post, top - 8)], "fig-k", 5) + _line([(left - 30, 1.5), (right + 10, 1.5)], "fig-k", 4)
            + _line([grip, hands], "fig-k", 4) + _line([(far, top - 8), (hands[0], top - 8)], "fig-k", 4)
            + _rect(left, top - 9, right, top, "fig-k fig-surface", 2) + _dot(hands, 3, "fig-kf"))


def _incline(p, side: str) -> str:
    """The 45° back-extension bench: a pad along the thighs on a frame, a roller behind the ankles."""
    hip, knee, ankle = p["pelvis"], p[f"{side}-knee"], p[f"{side}-ankle"]
    thigh = figure._angle(hip, knee)
    under = thigh - 90  # lying face down on it: the pad is at the front of the thighs
    pad_a = figure._step(_along(hip, knee, 0.05), under, figure.RADIUS["thigh"] + 4)
    pad_b = figure._step(_along(hip, knee, 0.95), under, figure.RADIUS["thigh"] + 4)
    roller = figure._step(ankle, figure._angle(knee, ankle) + 90, figure.RADIUS["shank"] + 5)
    foot = (min(p[f"{side}-heel"][0], p[f"{side}-toe"][0]) - 6, max(p[f"{side}-heel"][0], p[f"{side}-toe"][0]) + 6)
    frame = _line([pad_b, (pad_b[0], 0.0)], "fig-k", 4) + _line([(foot[0], 2), (foot[1], 2)], "fig-k", 4)
    return (frame + _line([roller, (roller[0], 0.0)], "fig-k", 3)
            + f'<path class="fig-k fig-surface" d="M{_pt(pad_a)}L{_pt(pad_b)}" stroke-width="8"/>'
            + _dot(roller, 5, "fig-k fig-plate"))


# --- whole figures -----------------------------------------------------------------------------

def bounds(pose: dict, frames) -> tuple[float, float, float, float]:
    xs, ys = [], [0.0]
    for frame in frames:
        for x, y in frame.points.values():
            xs.append(x)
            ys.append(y)
        for item in pose.get("equipment", []):
            x, y = figure.equipment_at(frame.points, item["at"], pose["view"])
            reach = figure.PLATE_RADIUS if item["item"] in figure.BARS else 12
            xs += [x - reach, x + reach]
            ys.append(y + reach)
    for place in figure.places(pose, frames).values():
        if place.surface not in ("floor", *figure.ROLLS):
            xs += [place.box[0], place.box[2]]
            ys.append(place.box[3])
    for frame in frames:  # a ball is as wide as it is high
        for contact in (c for c in pose["rests_on"] if c["surface"] in figure.ROLLS):
            x, top = _rest(frame, contact)
            xs += [x - top / 2 - 2, x + top / 2 + 2]
    for item in (i for i in pose.get("equipment", []) if i["item"] == "cable"):
        for frame in frames:
            at = figure.equipment_at(frame.points, item["at"], pose["view"])
            x, _ = _cable_tower(frame.points, at, pose["view"], item["at"])
            xs += [x - 17, x + 5]
        ys.append(200.0)
    left, right = min(xs) - 16, max(xs) + 16
    top = max(ys) + HEAD_RADIUS + PAD
    return left, -top, right - left, top + PAD


def frame_group(frame, pose: dict, marks, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    behind = kit(frame, pose, behind=True)  # a bar on the back or hips: its far plate, so the face stays in view
    return (f"<g{attr}>{behind}{_merge([*body(frame, pose['view']), *tints(frame, pose['view'], marks)])}"
            f"{kit(frame, pose, behind=False)}</g>")


def _floor(left: float, width: float) -> str:
    return _line([(left, 0), (left + width, 0)], "fig-floor", 2)


KEY_LABELS = {"start": "Start", "lift": "Lift", "step": "Step", "middle": "Middle", "end": "End"}


def key_frames(pose: dict, frames) -> list[tuple[str, object]]:
    """(key pose name, its frame) in order."""
    return [(name, frames[figure.key_frame(pose, k)]) for k, name in enumerate(figure.key_names(pose["poses"]))]


def svg(pose: dict, frames, marks, which: str, label: str) -> str:
    """One still SVG of key pose `which`; without a label it is decorative (hidden from screen readers)."""
    box = bounds(pose, frames)
    inner = frame_group(dict(key_frames(pose, frames))[which], pose, marks)
    view_box = " ".join(n(v) for v in box)
    named = f'role="img" aria-label="{html.escape(label)}"' if label else 'aria-hidden="true" focusable="false"'
    return (f'<svg class="fig" viewBox="{view_box}" {named} '
            f'xmlns="http://www.w3.org/2000/svg">{surfaces(pose, frames)}{_floor(box[0], box[2])}{inner}</svg>')


# --- figures on pages ---------------------------------------------------------------------------

ABOVE = 35  # degrees the camera looks down from, for a side-lying lift seen from above (a clamshell)
FEET = 55  # degrees the camera looks down from, beyond the feet of a lift lying on the back (a frog pump):
# steep enough that the trunk lies long on the mat, low enough that the hips are seen to rise


def drawn(pose: dict):
    """The pose and frames as drawn. A side-lying lift (`view: above`) is posed and checked by the
    frontal model, then seen from in front and above: what comes forward (a bent knee) comes
    down the page, what lifts (the top knee opening) goes up it, so the clam opens."""
    frames = figure.frames(pose)
    if pose["view"] == "feet":
        return pose, _from_feet(frames)
    if pose["view"] != "above":
        return pose, frames
    down, up = math.sin(math.radians(ABOVE)), math.cos(math.radians(ABOVE))
    seen = []
    for frame in frames:
        flat = dict(frame.angles, trunk=-90)  # the same limbs, lying on the back: how far forward each point is
        side = figure.kinematics("side", flat)
        ahead = {name: side[name][1] - side["pelvis"][1] for name in side}
        points = {name: (x, y * up - ahead.get(name, 0.0) * down) for name, (x, y) in frame.points.items()}
        seen.append(figure.Frame(frame.label, frame.angles, points))
    low = min(y for frame in seen for _, y in frame.points.values()) - figure.RADIUS["thigh"]
    for frame in seen:  # the near edge of the mat is the floor line
        frame.points = {name: (x, y - low) for name, (x, y) in frame.points.items()}
    return pose, seen

def _from_feet(frames) -> list:
    """A lift lying on the back, posed and checked by the side model, seen from beyond the feet and
    FEET degrees above: across the body becomes across the page, what is further up the body goes up
    it. Each knee swings out about the line from its hip to its ankle by its hip_abduction (the leg
    opens like a book, the foot stays planted), and the feet close in as the knees open (soles together)."""
    down, up = math.sin(math.radians(FEET)), math.cos(math.radians(FEET))
    hip_half, shoulder_half = figure.L["hip_width"] * 0.27, figure.L["shoulder_width"] * 0.4
    seen = []
    for frame in frames:
        p = frame.points
        solid = {name: (p[name][0], p[name][1], 0.0) for name in ("pelvis", "shoulder", "neck", "head", "upper-back")}
        for side in SIDES:
            sign = 1 if side == "left" else -1  # the figure's left is on the viewer's right
            opened = frame.angles[side]["hip_abduction"]
            hip = solid[f"{side}-hip"] = (*p["pelvis"], sign * hip_half)
            foot = sign * max(hip_half * (1 - opened / 45), 4.0)
            for name in ("ankle", "heel", "toe"):
                solid[f"{side}-{name}"] = (*p[f"{side}-{name}"], foot)
            for name in ("knee", "midthigh"):
                solid[f"{side}-{name}"] = _swing((*p[f"{side}-{name}"], hip[2]), hip, solid[f"{side}-ankle"], sign * opened)
            solid[f"{side}-shoulder"] = (*p["shoulder"], sign * shoulder_half)
            for name, out in (("elbow", 6), ("wrist", 12), ("hand", 14)):  # the arms lie on the floor, a little out from the trunk
                solid[f"{side}-{name}"] = (*p[f"{side}-{name}"], sign * (shoulder_half + out))
        points = {name: (z, y * up - x * down) for name, (x, y, z) in solid.items()}
        seen.append(figure.Frame(frame.label, frame.angles, points))
    low = min(y for frame in seen for _, y in frame.points.values()) - figure.RADIUS["foot"]
    for frame in seen:  # the near edge of the floor, at the feet, is the floor line
        frame.points = {name: (x, y - low) for name, (x, y) in frame.points.items()}
    return seen


def _swing(point, a, b, degrees: float) -> tuple:
    """`point` turned about the line from a to b (3-D) by `degrees`; positive turns its top towards +z."""
    axis = [b[i] - a[i] for i in range(3)]
    length = math.sqrt(sum(c * c for c in axis)) or 1.0
    k = [c / length for c in axis]
    v = [point[i] - a[i] for i in range(3)]
    # Rodrigues: v cos t + (k x v) sin t + k (k . v)(1 - cos t); the sign picks the turn that lifts the top outward
    cross = (k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2], k[0] * v[1] - k[1] * v[0])
    t = math.radians(degrees) * (1 if k[0] >= 0 else -1)
    dot = sum(k[i] * v[i] for i in range(3))
    turned = [v[i] * math.cos(t) + cross[i] * math.sin(t) + k[i] * dot * (1 - math.cos(t)) for i in range(3)]
    return tuple(a[i] + turned[i] for i in range(3))


ROLE_ORDER = ("synergist", "target")  # drawn in this order, so a target's tint is on top


def marks(atlas, exercise: dict) -> list[tuple[str, str]]:
    """(figure region, role) of the worked muscles that have a place on the figure; each region once."""
    if exercise["pose"]["view"] == "feet":
        return []  # lying on the back, seen from the feet: the glutes, hamstrings and back face the floor
    strongest = {}
    for use in exercise["muscles"]:
        region = atlas.entities["muscle"][use["muscle"]].get("figure")
        if region and use["role"] in ROLE_CLASS:
            if strongest.get(region) != "target":
                strongest[region] = use["role"]
    return sorted(strongest.items(), key=lambda item: (ROLE_ORDER.index(item[1]), item[0]))


def _joint_words(angles: dict, joint: str, plural: str, bent: str, other: str) -> str:
    value = round(angles[joint] / 5) * 5
    if value > 5:
        return f"{plural} {bent} {value}°"
    if value < -5 and other:
        return f"{plural} {other} {-value}°"
    return f"{plural} straight" if joint in ("hip", "knee") else ""


def _trunk_words(trunk: float, view: str) -> str:
    t = round(trunk / 5) * 5
    if view not in figure.SIDE_MODEL:
        return "lying on the side" if abs(t) >= 60 else ("upright" if abs(t) <= 5 else f"leaning {abs(t)}° to the side")
    if -10 <= t <= 10:
        return "trunk upright"
    if 10 < t < 80:
        return f"trunk leaning {t}° forward"
    if 80 <= t <= 100:
        return "trunk level, facing down"
    if t > 100:
        return f"trunk tipped {t - 90}° below level, head down"
    if -80 < t < -10:
        return f"trunk leaning {-t}° back"
    return "lying on the back" if t >= -100 else f"shoulders down and hips raised, trunk {-t - 90}° from level"


JOINT_WORDS = (("hip", "hip", "bent", "extended"), ("knee", "knee", "bent", ""),
               ("hip_abduction", "thigh", "out to the side", ""), ("shoulder", "arm", "raised", "back"))


def _pelvis_words(pose: dict, view: str) -> str:
    tilt = round(pose.get("pelvis", 0) / 5) * 5
    if view == "side" or not tilt:
        return ""
    return f"pelvis tilted {abs(tilt)}°, {'left' if tilt > 0 else 'right'} hip higher"


def describe_pose(pose: dict, view: str) -> str:
    words = [_trunk_words(pose["trunk"], view), _pelvis_words(pose, view)]
    for joint, noun, bent, other in JOINT_WORDS:
        left, right = figure.limb_angles(pose, "left"), figure.limb_angles(pose, "right")
        same = round(left[joint] / 5) == round(right[joint] / 5)
        if same:
            words.append(_joint_words(left, joint, noun + "s", bent, other))
        else:
            words += [_joint_words(left, joint, "left " + noun, bent, other),
                      _joint_words(right, joint, "right " + noun, bent, other)]
    return ", ".join(w for w in words if w)


def describe(atlas, exercise: dict) -> str:
    """The figure's text alternative, from the data."""
    pose = exercise["pose"]
    seen = {"side": "the side", "front": "the back", "above": "in front and above, lying on the side",
            "feet": "beyond the feet and a little above, lying on the back"}
    parts = [f"Drawn from {seen[pose['view']]}."]
    def resting(contacts):
        return "; ".join(f"{c['part'].replace('-', ' ')} on {'a slider on ' if c.get('slides') else ''}the {c['surface']}"
                         f"{', whose end is at the hips' if c.get('edge') else ''}" for c in contacts)

    for name in figure.KEY_ORDER:
        if name in pose["poses"]:
            own = pose["poses"][name].get("rests_on")
            on = f" (resting on: {resting(own)})" if own else ""
            parts.append(f"{name.capitalize()}: {describe_pose(pose['poses'][name], pose['view'])}{on}.")
    rests = [resting([c]) for c in pose["rests_on"]]
    own = any("rests_on" in key for key in pose["poses"].values())
    parts.append(("Otherwise resting on: " if own else "Resting on: ") + "; ".join(rests) + ".")
    if pose.get("equipment"):
        parts.append("Equipment: " + "; ".join(f"{e['item'].replace('-', ' ')} at the {e['at']}"
                                               + (", held in both hands" if figure.carries_bar(pose, e) else "")
                                               for e in pose["equipment"]) + ".")
    tinted = [f"{role}s" for role in ("target", "synergist") if any(r == role for _, r in marks(atlas, exercise))]
    if tinted:
        parts.append("Worked muscles are tinted in the body map's colours: " + " and ".join(tinted) + ".")
    return " ".join(parts)


TRAVEL = 15.0  # cm the pelvis moves along the floor, at the height it started, for a figure to travel


def travels(frames) -> bool:
    """A figure that goes somewhere (a walking lunge, a lateral walk: it ends as it started, further
    on) loops onward, cutting back to the start: played backwards it would walk backwards. A squat,
    a hinge or a lunge that ends at the bottom goes back up the way it came."""
    (x0, y0), (x1, y1) = frames[0].points["pelvis"], frames[-1].points["pelvis"]
    feet = abs(figure.midfoot(frames[-1].points) - figure.midfoot(frames[0].points))
    return abs(x1 - x0) > TRAVEL and feet > TRAVEL and abs(y1 - y0) < TRAVEL


def motion_stack(pose: dict, frames, marks, label: str) -> str:
    """The motion on a page: the floor and surfaces in one SVG, then one SVG per frame stacked on it.

    Each frame is its own <svg> so the browser animates its opacity on the compositor; one SVG
    whose groups fade in turn made the page restyle itself at every step (Lighthouse counted
    that as blocking time on phones)."""
    box = bounds(pose, frames)
    view_box = " ".join(n(v) for v in box)
    floor = _floor(box[0], box[2])
    layer = '<svg class="fig{cls}" viewBox="{box}" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">{inner}</svg>'
    base = layer.format(cls="", box=view_box, inner=surfaces(pose, frames) + floor)
    stacked = "".join(layer.format(cls=f" fig-f fig-f{i}", box=view_box, inner=frame_group(f, pose, marks))
                      for i, f in enumerate(frames))
    onward = " fig-motion--onward" if travels(frames) else ""
    return f'<div class="fig-motion{onward}" role="img" aria-label="{html.escape(label)}">{base}{stacked}</div>'


PAUSE_ICONS = ('<svg class="exfig__icon exfig__icon--pause" viewBox="0 0 16 16" aria-hidden="true" focusable="false">'
               '<path d="M4 3h3v10H4zM9 3h3v10H9z"/></svg>'
               '<svg class="exfig__icon exfig__icon--play" viewBox="0 0 16 16" aria-hidden="true" focusable="false">'
               '<path d="M4 2.5v11l9-5.5z"/></svg>')


def exercise_figure(atlas, eid: str, exercise: dict) -> str:
    """The exercise page's figure: start, the motion with a pause control, end; a text alternative."""
    pose, frames = drawn(exercise["pose"])
    name = exercise["name"]
    tinted = marks(atlas, exercise)
    box = f"exfig-pause-{html.escape(eid)}"
    still = ('<div class="exfig__panel">{svg}<span>{label}</span></div>')
    stills = [still.format(svg=svg(pose, frames, tinted, key, f"{name}: {KEY_LABELS[key].lower()} position"),
                           label=KEY_LABELS[key]) for key, _ in key_frames(pose, frames)]
    way = ", again and again" if travels(frames) else " and back"
    # The checkbox comes first so that `:checked ~` reaches the label and the frames.
    motion = (f'<div class="exfig__panel exfig__motion"><input type="checkbox" id="{box}" class="exfig__pause">'
              f'<label for="{box}" class="exfig__control">{PAUSE_ICONS}<span class="exfig__say-pause">Pause the motion</span>'
              '<span class="exfig__say-play">Play the motion</span></label>'
              f'{motion_stack(pose, frames, tinted, f"{name}: the movement from start to end{way}")}'
              '<span aria-hidden="true">Moving</span></div>')
    # the motion first, then the key poses in order; all panels one width, so one scale and one floor
    panels = motion + "".join(stills)
    return (f'<figure id="figure" class="exfig"><div class="exfig__panels exfig__panels--{len(stills)}">{panels}</div>'
            f'<figcaption>{html.escape(describe(atlas, exercise))}</figcaption></figure>')


def thumbnail(atlas, exercise: dict) -> str:
    """A small still of the end position, beside an exercise's name in lists (decorative there); a
    figure that travels ends as it started, so it shows its lowest key pose (a walking lunge's
    bottom, a side step's wide stance)."""
    pose, frames = drawn(exercise["pose"])
    key = min(key_frames(pose, frames), key=lambda kf: kf[1].points["pelvis"][1])[0] if travels(frames) else "end"
    return f'<span class="fig-thumb">{svg(pose, frames, marks(atlas, exercise), key, "")}</span>'


# --- standalone files for the open data -----------------------------------------------------------

STANDALONE_STYLE = """
.fig path{fill:none;stroke-linecap:round;stroke-linejoin:round}.fig .fig-b{stroke:#455a64}.fig .fig-bf{fill:#455a64}
.fig .fig-rf{fill:#a7b6bd}.fig .fig-t{fill:#c62828}.fig .fig-s{fill:#ef9a9a}
.fig .fig-k{stroke:#263238;stroke-width:2.5}.fig .fig-kf{fill:#263238}.fig .fig-plate,.fig .fig-ball,.fig .fig-surface{fill:#cfd8dc}
.fig .fig-plate--near{fill-opacity:.55}.fig .fig-band{stroke:#2e7d32}.fig .fig-cable{stroke:#263238;}.fig .fig-floor{stroke:#78909c}
text{font:7px sans-serif;fill:#37474f}
@media (prefers-color-scheme:dark){.fig .fig-b{stroke:#cfd8dc}.fig .fig-bf{fill:#cfd8dc}.fig .fig-rf{fill:#6f8791}
.fig .fig-t{fill:#ef5350}.fig .fig-s{fill:#8d4a4a}.fig .fig-k{stroke:#eceff1}.fig .fig-kf{fill:#eceff1}
.fig .fig-plate,.fig .fig-ball,.fig .fig-surface{fill:#546e7a}text{fill:#eceff1}}
.fig-f{opacity:0;animation:2.8s step-end infinite alternate}.fig-f0{opacity:1}.fig-onward .fig-f{animation-direction:normal}
@media (prefers-reduced-motion:reduce){.fig-f{animation:none!important}}
"""
# the same frame timing as atlas.css: start and end held, the frames between shown in turn
SLOTS = (0, 16, 22, 28, 35, 41, 47, 53, 59, 65, 72, 78, 84, 100)


def _keyframes() -> str:
    rules = []
    for i in range(figure.FRAMES):
        on, off = SLOTS[i], SLOTS[i + 1]
        steps = [f"0%{{opacity:{1 if on == 0 else 0}}}", f"{on}%{{opacity:1}}"]
        if off < 100:
            steps.append(f"{off}%,100%{{opacity:0}}")
        else:
            steps.append("100%{opacity:1}")
        rules.append(f".fig-f{i}{{animation-name:fig-f{i}}}@keyframes fig-f{i}{{{''.join(steps)}}}")
    return "".join(rules)


def _metadata(title: str, description: str, page_url: str, licence: dict) -> str:
    e = html.escape
    return (f"<title>{e(title)}</title><desc>{e(description)}</desc><metadata>"
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><cc:Work rdf:about="">'
            f"<dc:title>{e(title)}</dc:title><dc:creator><cc:Agent><dc:title>{e(licence['attribution'])}</dc:title>"
            f"</cc:Agent></dc:creator><dc:rights>{e(licence['name'])}: {e(licence['attribution'])}</dc:rights>"
            f'<dc:source>{e(page_url)}</dc:source><cc:license rdf:resource="{e(licence["url"])}"/></cc:Work>'
            f"</rdf:RDF></metadata>")


def standalone(atlas, exercise: dict, motion: bool, page_url: str, licence: dict) -> str:
    """A self-contained SVG file: the key positions side by side, or the motion; licence in its metadata."""
    (pose, frames), tinted = drawn(exercise["pose"]), marks(atlas, exercise)
    left, top, width, height = bounds(pose, frames)
    title = f"{exercise['name']}: {'the movement' if motion else 'key positions'}"
    floor = _floor(left, width)
    if motion:
        inner = "".join(frame_group(f, pose, tinted, f"fig-f fig-f{i}") for i, f in enumerate(frames))
        groups = f"{surfaces(pose, frames)}{floor}{inner}"
        style, box = STANDALONE_STYLE + _keyframes(), (left, top, width, height)
    else:
        groups = ""
        keyed = key_frames(pose, frames)
        for i, (key, frame) in enumerate(keyed):
            label = KEY_LABELS[key]
            shift = i * (width + 8)
            groups += (f'<g transform="translate({n(shift)} 0)">{surfaces(pose, frames)}{floor}'
                       f'{frame_group(frame, pose, tinted)}<text x="{n(left + 2)}" y="{n(top + 8)}">{label}</text></g>')
        style, box = STANDALONE_STYLE, (left, top, len(keyed) * (width + 8) - 8, height)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" class="fig{" fig-onward" if motion and travels(frames) else ""}" viewBox="{" ".join(n(v) for v in box)}" '
            f'width="{n(box[2] * 2)}" height="{n(box[3] * 2)}" role="img">'
            f"{_metadata(title, describe(atlas, exercise), page_url, licence)}<style>{style}</style>{groups}</svg>\n")
