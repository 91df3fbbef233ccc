"""The body model: one figure for every exercise, posed by joint angles, placed by its contacts.

Segment lengths are fractions of body height from Winter's anthropometric table
(Biomechanics and Motor Control of Human Movement, segment lengths as fractions of height H),
for H = 175 cm: every figure has the same proportions, and every distance is in centimetres.

Angles are in degrees. In the side view the figure faces +x (the viewer sees its left side);
y points up and the floor is y = 0. A segment's direction is an angle from straight up,
positive towards the way the figure faces: (sin a, cos a).

- `trunk`: the trunk's direction (0 upright, 90 tipped forward level, -90 lying on the back);
- `hip`: flexion of the thigh from the line of the trunk (negative: extension);
- `knee`: flexion; `ankle`: dorsiflexion (negative: plantarflexion);
- `shoulder`: flexion of the upper arm from the line of the trunk; `elbow`: flexion.

The front view shows the frontal plane from behind (so the glutes show): `trunk` tilts the trunk sideways, `hip_abduction` and `shoulder_abduction`
open the limbs sideways, and `hip` and `knee` flexion only foreshorten the thigh and shank.

Forward kinematics runs from the pelvis; the first contact in `rests_on` then places the
figure on its surface, and must hold there in every frame. The same data always gives the
same numbers: nothing here depends on anything but the pose.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

HEIGHT = 175.0  # cm
# Winter: segment lengths as fractions of height
WINTER = {
    "thigh": 0.530 - 0.285, "shank": 0.285 - 0.039, "ankle_height": 0.039, "foot": 0.152,
    "trunk": 0.818 - 0.530, "neck": 0.870 - 0.818, "head": 1.000 - 0.870,
    "upper_arm": 0.186, "forearm": 0.146, "hand": 0.108, "shoulder_width": 0.259, "hip_width": 0.191,
}
L = {name: fraction * HEIGHT for name, fraction in WINTER.items()}
HEEL_SHARE = 0.22  # the share of the foot's length behind the ankle (the model's own choice)
# half thickness of each part (cm), for what touches a surface; the drawing uses the same widths
RADIUS = {"trunk": 12.0, "thigh": 7.5, "shank": 5.5, "upper_arm": 4.5, "forearm": 3.8, "hand": 3.0, "foot": 3.0}
SIDES = ("left", "right")
JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow", "hip_abduction", "shoulder_abduction")
# normal ranges of motion (AAOS values as given by Norkin & White), in the model's signs
NORMAL_RANGE = {
    "hip": (-30, 120), "knee": (0, 135), "ankle": (-50, 20), "shoulder": (-60, 180), "elbow": (0, 150),
    "hip_abduction": (-30, 45), "shoulder_abduction": (0, 180),
}
# the atlas's own allowance beyond them: the model's hip angle includes the lumbar spine and
# pelvis, and a loaded ankle bends further than the unloaded goniometer reading
ALLOWANCE = 15
FRAMES = 7  # drawn frames from start to end, the key poses included
KEY_ORDER = ("start", "middle", "end")


@dataclass
class Frame:
    """One drawn instant: named points (x, y) in cm, and where it comes from."""
    label: str
    angles: dict
    points: dict = field(default_factory=dict)


def limb_angles(pose: dict, side: str) -> dict:
    """The joint angles of one side: `both`, then that side's own values over them."""
    angles = {joint: 0.0 for joint in JOINTS}
    angles.update(pose.get("both", {}))
    angles.update(pose.get(side, {}))
    return angles


def _step(origin, angle, length):
    a = math.radians(angle)
    return (origin[0] + length * math.sin(a), origin[1] + length * math.cos(a))


def _side_leg(points, side, trunk, a):
    thigh = trunk + 180 - a["hip"]
    shank = thigh + a["knee"]
    foot = shank - 90 - a["ankle"]
    points[f"{side}-knee"] = _step(points["pelvis"], thigh, L["thigh"])
    points[f"{side}-midthigh"] = _step(points["pelvis"], thigh, L["thigh"] * 0.5)
    ankle = points[f"{side}-ankle"] = _step(points[f"{side}-knee"], shank, L["shank"])
    sole = _step(ankle, foot + 90, L["ankle_height"])  # below the ankle, square to the foot
    points[f"{side}-heel"] = _step(sole, foot, -HEEL_SHARE * L["foot"])
    points[f"{side}-toe"] = _step(sole, foot, (1 - HEEL_SHARE) * L["foot"])


def _side_arm(points, side, trunk, a):
    upper = trunk + 180 - a["shoulder"]
    points[f"{side}-elbow"] = _step(points["shoulder"], upper, L["upper_arm"])
    points[f"{side}-wrist"] = _step(points[f"{side}-elbow"], upper - a["elbow"], L["forearm"])
    points[f"{side}-hand"] = _step(points[f"{side}-wrist"], upper - a["elbow"], L["hand"] * 0.5)


def _front_leg(points, side, trunk, a):
    sign = -1 if side == "left" else 1  # seen from behind: the figure's left is on the viewer's left
    hip = _step(points["pelvis"], trunk + 90 * sign, L["hip_width"] * 0.27)
    direction = trunk + 180 - sign * a["hip_abduction"]
    thigh = L["thigh"] * max(math.cos(math.radians(a["hip"])), 0.35)
    shank = L["shank"] * max(abs(math.cos(math.radians(a["hip"] - a["knee"]))), 0.35)
    points[f"{side}-hip"] = hip
    points[f"{side}-knee"] = _step(hip, direction, thigh)
    points[f"{side}-midthigh"] = _step(hip, direction, thigh * 0.5)
    # a bent knee turns the opened thigh, not the shin: the foot stays near the line (a clamshell)
    shin = direction + sign * a["hip_abduction"] * math.sin(math.radians(a["knee"]))
    ankle = points[f"{side}-ankle"] = _step(points[f"{side}-knee"], shin, shank)
    sole = _step(ankle, trunk + 180, L["ankle_height"])
    points[f"{side}-heel"] = _step(sole, trunk - 90 * sign, 0.03 * HEIGHT)
    points[f"{side}-toe"] = _step(sole, trunk + 90 * sign, 0.05 * HEIGHT)


def _front_arm(points, side, trunk, a):
    sign = -1 if side == "left" else 1
    shoulder = points[f"{side}-shoulder"] = _step(points["shoulder"], trunk + 90 * sign, L["shoulder_width"] * 0.4)
    upper = trunk + 180 - sign * a["shoulder_abduction"]
    points[f"{side}-elbow"] = _step(shoulder, upper, L["upper_arm"])
    points[f"{side}-wrist"] = _step(points[f"{side}-elbow"], upper + sign * a["elbow"], L["forearm"])
    points[f"{side}-hand"] = _step(points[f"{side}-wrist"], upper + sign * a["elbow"], L["hand"] * 0.5)


def kinematics(view: str, pose: dict) -> dict:
    """Points of the figure with the pelvis at the origin."""
    trunk = float(pose["trunk"])
    points = {"pelvis": (0.0, 0.0)}
    points["shoulder"] = _step(points["pelvis"], trunk, L["trunk"])
    points["head"] = _step(points["shoulder"], trunk, L["neck"] + L["head"] * 0.5)
    points["upper-back"] = _step(points["pelvis"], trunk, L["trunk"] * 0.8)
    leg, arm = (_side_leg, _side_arm) if view == "side" else (_front_leg, _front_arm)
    for side in SIDES:
        angles = limb_angles(pose, side)
        leg(points, side, trunk, angles)
        arm(points, side, trunk, angles)
    return points


def interpolate(poses: dict) -> list[tuple[str, dict]]:
    """FRAMES poses from start to end through the key poses, angles interpolated linearly."""
    keys = [poses[name] for name in KEY_ORDER if name in poses]
    names = [name for name in KEY_ORDER if name in poses]
    frames = []
    for i in range(FRAMES):
        t = i * (len(keys) - 1) / (FRAMES - 1)
        k = min(int(t), len(keys) - 2)
        u = t - k
        label = names[k] if u == 0 else (names[k + 1] if u == 1 else f"between '{names[k]}' and '{names[k + 1]}'")
        frames.append((label, _blend(keys[k], keys[k + 1], u)))
    return frames


def _blend(a: dict, b: dict, u: float) -> dict:
    blended = {"trunk": a["trunk"] + (b["trunk"] - a["trunk"]) * u}
    for side in SIDES:
        one, two = limb_angles(a, side), limb_angles(b, side)
        blended[side] = {j: one[j] + (two[j] - one[j]) * u for j in JOINTS}
    return blended


# --- contacts: what a pose rests on ---------------------------------------------------------

def contact_points(part: str) -> list[tuple[str, float]]:
    """The points of a body part that touch a surface, each with its distance to the skin below."""
    side, _, piece = part.partition("-") if part.startswith(SIDES) else ("", "", part)
    own = {
        "foot": [("heel", 0.0), ("toe", 0.0)], "toes": [("toe", 0.0)], "heel": [("heel", 0.0)],
        "knee": [("knee", RADIUS["shank"])], "shin": [("knee", RADIUS["shank"]), ("ankle", RADIUS["shank"])],
        "hand": [("hand", RADIUS["hand"])], "forearm": [("elbow", RADIUS["forearm"]), ("wrist", RADIUS["forearm"])],
        "thigh": [("midthigh", RADIUS["thigh"])],
    }
    if side:
        return [(f"{side}-{name}", r) for name, r in own[piece]]
    return {
        "upper-back": [("upper-back", RADIUS["trunk"])],
        "back": [("pelvis", RADIUS["trunk"] - 2), ("shoulder", RADIUS["trunk"] - 2)],
        "front": [("pelvis", RADIUS["trunk"]), ("shoulder", RADIUS["trunk"])],
        "side": [("pelvis", L["hip_width"] / 2)],  # lying on the side: the hip; the lower arm props the head
        "seat": [("pelvis", 9.0)],
    }[part]


# where a surface's top is when the figure is placed on it, and the heights such a surface has
SURFACES = {"floor": (0, 0, 0), "bench": (43, 35, 55), "box": (45, 15, 65), "seat": (56, 35, 60),
            "pad": (25, 10, 120), "ball": (65, 45, 75)}
ROLLS = {"ball"}  # a ball rolls: what rests on it keeps its height but may move along


def place(points: dict, contact: dict, anchor=None) -> tuple[dict, tuple]:
    """Move the figure so its first contact sits on its surface at `anchor` (x, top);
    the start frame sets the anchor, later frames keep it."""
    touching = contact_points(contact["part"])
    xs = [points[name][0] for name, _ in touching]
    low = min(points[name][1] - r for name, r in touching)
    if anchor is None:
        anchor = (0.0, float(SURFACES[contact["surface"]][0]))
    dx, dy = anchor[0] - sum(xs) / len(xs), anchor[1] - low
    return {name: (x + dx, y + dy) for name, (x, y) in points.items()}, anchor


def frames(pose_data: dict) -> list[Frame]:
    """Every drawn frame, placed on the first contact; the key poses are frames 0, (3,) and 6."""
    root = pose_data["rests_on"][0]
    placed, anchor = [], None
    for label, angles in interpolate(pose_data["poses"]):
        points, anchor = place(kinematics(pose_data["view"], angles), root, anchor)
        placed.append(Frame(label, angles, points))
    return placed


def midfoot(points: dict, sides=SIDES) -> float:
    return sum((points[f"{s}-heel"][0] + points[f"{s}-toe"][0]) / 2 for s in sides) / len(sides)


# --- equipment: where each piece sits in a frame ---------------------------------------------

PLATE_RADIUS = 22.5  # a standard 45 cm plate
BARS = {"barbell", "trap-bar"}


def equipment_at(points: dict, at: str, view: str = "side") -> tuple[float, float]:
    """The point a piece of equipment sits at, from the figure's points."""
    trunk = _angle(points["pelvis"], points["shoulder"])
    hands = _mid(points["left-hand"], points["right-hand"])
    return {
        "hands": lambda: hands,
        "back": lambda: _step(points["shoulder"], trunk - 90, 5.0) if view == "side" else points["shoulder"],
        "hips": lambda: _step(points["pelvis"], trunk + 90, 12.0) if view == "side" else points["pelvis"],
        "chest": lambda: _step(_step(points["pelvis"], trunk, L["trunk"] * 0.75), trunk + 90, 16.0),
        "knees": lambda: _mid(points["left-knee"], points["right-knee"]),
        "ankles": lambda: _mid(points["left-ankle"], points["right-ankle"]),
        "feet": lambda: _mid(points["left-toe"], points["right-toe"]),
    }[at]()


def _mid(a, b):
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _angle(a, b) -> float:
    """The direction from a to b, as the model measures it (0 up, 90 towards +x)."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def distance(a, b) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])
