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
- `shoulder`: flexion of the upper arm from the line of the trunk; `elbow`: flexion;
- `neck`: flexion of the head from the line of the trunk (the chin towards the chest).

The feet view (a lift lying on the back whose knees open: a frog pump) is posed and checked by the
side model; only the drawing opens the thighs by `hip_abduction` and looks up the body from beyond
the feet (drawing.py).

A bar carried on the back (a back squat) or across the hips (a hip thrust) is held in both hands,
out to the side of the shoulders: in the side view each arm reaches from its shoulder to the bar
(see `grip_carried_bar`), and the pose's shoulder and elbow angles do not apply to it.

The front view shows the frontal plane from behind (so the glutes show): `trunk` tilts the trunk sideways, `pelvis`
tilts the pelvis (and the legs that hang from it) sideways against the trunk, as in a hip hike, `hip_abduction` and
`shoulder_abduction` open the limbs sideways, and `hip` and `knee` flexion only foreshorten the thigh and shank.

Forward kinematics runs from the pelvis. The key poses come in KEY_ORDER; each rests on the
figure's `rests_on`, or on its own list when a foot lifts or steps. The first contact places
the first key pose on its surface; every later frame is placed by a contact it shares with the
key pose before it (the stance foot of a step), so a figure can travel but never jump. The same
data always gives the same numbers: nothing here depends on anything but the pose.
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
# Winter's table (after Dempster): each segment's mass as a fraction of body mass, and its centre
# of mass as a fraction of its length from the proximal end; head and neck together, centred at
# the ear, the trunk from the hip joints to the shoulders. The fractions add up to 1.
SEGMENT_MASS = {
    "hand": (0.006, 0.506), "forearm": (0.016, 0.430), "upper_arm": (0.028, 0.436),
    "foot": (0.0145, 0.50), "shank": (0.0465, 0.433), "thigh": (0.100, 0.433),
    "head": (0.081, 1.0), "trunk": (0.497, 0.50),
}
# The load as a share of body mass, for the balance check (the atlas's own working loads: a
# barbell of 0.8 body mass, a pair of dumbbells or a kettlebell of 0.2; a cable or band pulls
# but is not carried, a pad or sled is part of its machine)
LOAD_MASS = {"barbell": 0.8, "trap-bar": 0.8, "dumbbell": 0.2, "kettlebell": 0.2}
HEEL_SHARE = 0.22  # the share of the foot's length behind the ankle (the model's own choice)
# half thickness of each part (cm), for what touches a surface; the drawing uses the same widths
RADIUS = {"trunk": 12.0, "thigh": 7.5, "shank": 5.5, "upper_arm": 4.5, "forearm": 3.8, "hand": 3.0, "foot": 3.0,
          "neck": 4.5, "head": 10.5}
SIDES = ("left", "right")
JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow", "hip_abduction", "shoulder_abduction")
# normal ranges of motion (AAOS values as given by Norkin & White), in the model's signs
NORMAL_RANGE = {
    "hip": (-30, 120), "knee": (0, 135), "ankle": (-50, 20), "shoulder": (-60, 180), "elbow": (0, 150),
    "hip_abduction": (-30, 45), "shoulder_abduction": (0, 180), "neck": (-45, 45),
    "pelvis": (-20, 20),  # the atlas's own bound on a sideways pelvic tilt against the trunk (a hip hike or drop)
}
# the atlas's own allowance beyond them: the model's hip angle includes the lumbar spine and
# pelvis, and a loaded ankle bends further than the unloaded goniometer reading
ALLOWANCE = 15
FRAMES = 13  # drawn frames from start to end, the key poses included: 12 steps share out among 1 to 4 spans
KEY_ORDER = ("start", "lift", "step", "middle", "end")
# from this hip flexion on, a thigh in the front view points at the viewer (sitting): it is drawn
# by its true projection, so knees that open are seen opening, not foreshortened away
SEATED_HIP = 80
SIDE_MODEL = ("side", "feet")  # views posed and checked in the sagittal plane


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


def _front_leg(points, side, trunk, a, whole=False, level=None):
    """`whole`: the thigh by its true projection on the frontal plane (seen from above, a clamshell),
    as it always is from a hip flexion of SEATED_HIP on (sitting, the thigh points at the viewer).
    `trunk` here is the pelvis's line: the legs hang from the pelvis, tilted or not; the feet keep the
    trunk's line (`level`), so a foot stays flat on its step while the pelvis tilts above it."""
    sign = -1 if side == "left" else 1  # seen from behind: the figure's left is on the viewer's left
    hip = _step(points["pelvis"], trunk + 90 * sign, L["hip_width"] * 0.27)
    direction = opened = trunk + 180 - sign * a["hip_abduction"]
    thigh = L["thigh"] * max(math.cos(math.radians(a["hip"])), 0.35)
    shank = L["shank"] * max(abs(math.cos(math.radians(a["hip"] - a["knee"]))), 0.35)
    # a bent knee turns the opened thigh, not the shin: the foot stays near the line (a clamshell)
    shin = opened + sign * a["hip_abduction"] * math.sin(math.radians(a["knee"]))
    if whole or a["hip"] >= SEATED_HIP:  # its opening is seen whole, its drop barely
        out = math.sin(math.radians(a["hip_abduction"]))
        drop = math.cos(math.radians(a["hip"])) * math.cos(math.radians(a["hip_abduction"]))
        drop = max(drop, math.sqrt(max(0.35 ** 2 - out ** 2, 0.0)))
        direction, thigh = trunk + 180 - sign * math.degrees(math.atan2(out, drop)), L["thigh"] * math.hypot(out, drop)
    points[f"{side}-hip"] = hip
    points[f"{side}-knee"] = _step(hip, direction, thigh)
    points[f"{side}-midthigh"] = _step(hip, direction, thigh * 0.5)
    ankle = points[f"{side}-ankle"] = _step(points[f"{side}-knee"], shin, shank)
    if whole and a["hip_abduction"] > 0:  # the foot stays by the other one (the hinge of the clam): where it is with the knees together
        closed = L["thigh"] * max(math.cos(math.radians(a["hip"])), 0.35) + shank
        ankle = points[f"{side}-ankle"] = _step(hip, trunk + 180, closed)
    level = trunk if level is None else level
    sole = _step(ankle, level + 180, L["ankle_height"])
    points[f"{side}-heel"] = _step(sole, level - 90 * sign, 0.03 * HEIGHT)
    points[f"{side}-toe"] = _step(sole, level + 90 * sign, 0.05 * HEIGHT)


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
    points["neck"] = _step(points["shoulder"], trunk, L["neck"])
    points["head"] = _step(points["neck"], trunk + float(pose.get("neck", 0.0)), L["head"] * 0.5)
    points["upper-back"] = _step(points["pelvis"], trunk, L["trunk"] * 0.8)
    leg, arm = (_side_leg, _side_arm) if view in SIDE_MODEL else (_front_leg, _front_arm)
    pelvis = trunk if view in SIDE_MODEL else trunk + float(pose.get("pelvis", 0.0))  # a sideways tilt: seen from behind only
    for side in SIDES:
        angles = limb_angles(pose, side)
        if view == "above":
            leg(points, side, pelvis, angles, whole=True, level=trunk)
        elif view == "front":
            leg(points, side, pelvis, angles, level=trunk)
        else:
            leg(points, side, trunk, angles)
        arm(points, side, trunk, angles)
    return points


def carries_bar(pose_data: dict, item: dict) -> bool:
    """A bar on the back or hips, held in both hands: the side view draws the arms to it (grip_carried_bar)."""
    return pose_data["view"] == "side" and item["item"] in BARS and item["at"] in GRIP_OUT


def posed(pose_data: dict, angles: dict) -> dict:
    """The figure's points for one pose (the pelvis at the origin), the hands on a bar they carry."""
    points = kinematics(pose_data["view"], angles)
    for item in pose_data.get("equipment", []):
        if carries_bar(pose_data, item):
            grip_carried_bar(points, item["at"])
    return points


def key_names(poses: dict) -> list[str]:
    return [name for name in KEY_ORDER if name in poses]


def key_index(poses: dict, i: int) -> tuple[int, float]:
    """Frame i lies between key poses k and k + 1, u of the way (0 < u <= 1; the first frame: 0, 0)."""
    spans = len(key_names(poses)) - 1
    t = i * spans / (FRAMES - 1)
    k = max(math.ceil(t - 1e-9) - 1, 0)
    return k, t - k


def interpolate(poses: dict) -> list[tuple[str, dict]]:
    """FRAMES poses from start to end through the key poses, angles interpolated linearly."""
    names = key_names(poses)
    frames = []
    for i in range(FRAMES):
        k, u = key_index(poses, i)
        if i == 0 or abs(u - 1) < 1e-9:
            label = names[k] if i == 0 else names[k + 1]
        else:
            label = f"between '{names[k]}' and '{names[k + 1]}'"
        frames.append((label, _blend(poses[names[k]], poses[names[k + 1]], u)))
    return frames


def _blend(a: dict, b: dict, u: float) -> dict:
    blended = {"trunk": a["trunk"] + (b["trunk"] - a["trunk"]) * u}
    for key in ("neck", "pelvis"):
        blended[key] = a.get(key, 0.0) + (b.get(key, 0.0) - a.get(key, 0.0)) * u
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
        "side": [("pelvis", L["hip_width"] / 2)],  # lying on the side: the hip
        "seat": [("pelvis", 9.0)],
    }[part]


# where a surface's top is when the figure is placed on it, and the heights such a surface has
SURFACES = {"floor": (0, 0, 0), "bench": (43, 35, 55), "box": (45, 15, 65), "seat": (56, 35, 60),
            "pad": (25, 10, 120), "ball": (65, 45, 75), "wall": (0, 0, 0)}
# what holds a figure that its feet alone could not balance: a machine's pad or sled, a wall
HOLDS = {"pad", "wall"}
HOLDING_EQUIPMENT = {"pad", "sled"}
ROLLS = {"ball"}  # a ball rolls: what rests on it keeps its height but may move along


def place(points: dict, contact: dict, anchor=None) -> tuple[dict, tuple]:
    """Move the figure so its first contact sits on its surface at `anchor` (x, top);
    the start frame sets the anchor, later frames keep it."""
    touching = contact_points(contact["part"])
    xs = [points[name][0] for name, _ in touching]
    low = min(points[name][1] - r for name, r in touching)
    if anchor is None:
        # a contact may say how high its surface is (a low step); otherwise the usual height
        anchor = (0.0, float(contact.get("height", SURFACES[contact["surface"]][0])))
    dx, dy = anchor[0] - sum(xs) / len(xs), anchor[1] - low
    return {name: (x + dx, y + dy) for name, (x, y) in points.items()}, anchor


def contacts_of(pose_data: dict, key: str) -> list[dict]:
    """What a key pose rests on: its own list, or the figure's."""
    return pose_data["poses"][key].get("rests_on", pose_data["rests_on"])


def held(pose_data: dict, k: int) -> list[tuple[dict, list]]:
    """The contacts key poses k and k + 1 share, each with the points of it they share (a flat
    foot that rises onto its toes keeps the toe): they hold between the two, and place the
    frames between them."""
    names = key_names(pose_data["poses"])
    after = {(name, c["surface"]) for c in contacts_of(pose_data, names[k + 1]) for name, _ in contact_points(c["part"])}
    shared = []
    for contact in contacts_of(pose_data, names[k]):
        points = [(name, r) for name, r in contact_points(contact["part"]) if (name, contact["surface"]) in after]
        if points:
            shared.append((contact, points))
    return shared


def frames(pose_data: dict) -> list[Frame]:
    """Every drawn frame. The first key pose sits on its first contact; the frames up to the next
    key pose keep the first contact the two share where the earlier one put it."""
    poses = pose_data["poses"]
    names = key_names(poses)
    root = contacts_of(pose_data, names[0])[0]
    keyed = {0: place(posed(pose_data, poses[names[0]]), root)[0]}  # key pose -> placed points
    placed = []
    for i, (label, angles) in enumerate(interpolate(poses)):
        k, u = key_index(poses, i)
        shared = held(pose_data, k)
        points = posed(pose_data, angles)
        # a figure that shares no contact between two key poses jumps (A813); it is drawn from its root
        points = _hold(points, keyed[k], shared[0][1] if shared else contact_points(root["part"]))
        if abs(u - 1) < 1e-9:
            keyed[k + 1] = points
        placed.append(Frame(label, angles, points))
    return placed


def _hold(points: dict, before: dict, held: list) -> dict:
    """Move the figure so the held points sit where they were (their mean x, their lowest skin)."""
    dx = sum(before[name][0] - points[name][0] for name, _ in held) / len(held)
    dy = min(before[name][1] - r for name, r in held) - min(points[name][1] - r for name, r in held)
    return {name: (x + dx, y + dy) for name, (x, y) in points.items()}


def key_frame(pose_data: dict, k: int) -> int:
    """The frame that draws key pose k."""
    return k * (FRAMES - 1) // (len(key_names(pose_data["poses"])) - 1)


@dataclass
class Place:
    """Where a surface is: named by contact `index` of key pose `key`, its `top` (a wall: its face,
    behind the figure) and the box it fills (left, bottom, right, top); a ball's box is its
    bounding square in the first frame (it rolls)."""
    surface: str
    key: str
    index: int
    top: float
    box: tuple


def places(pose_data: dict, drawn: list[Frame]) -> dict[str, Place]:
    """Every surface the figure rests on, placed by the first key pose that names it."""
    found = {}
    for k, key in enumerate(key_names(pose_data["poses"])):
        frame = drawn[key_frame(pose_data, k)]
        for i, contact in enumerate(contacts_of(pose_data, key)):
            surface = contact["surface"]
            if surface in found:
                continue
            touching = contact_points(contact["part"])
            xs = [frame.points[name][0] for name, _ in touching]
            if surface == "wall":  # the wall stands behind what touches it: the buttocks or back
                face = min(frame.points[name][0] - wall_reach(contact["part"], r) for name, r in touching)
                found[surface] = Place(surface, key, i, face, (face - 15, 0.0, face, 170.0))
                continue
            top = 0.0 if surface == "floor" else min(frame.points[name][1] - r for name, r in touching)
            margin = 3 if surface == "box" else 18  # a step's edge is just behind the heel
            left, right = min(xs) - margin, max(xs) + margin
            if contact["part"] == "upper-back":  # a bench under the shoulder blades reaches back under the head
                left, right = min(xs) - 34, min(xs) + 4
            if surface == "ball":
                left, right = sum(xs) / len(xs) - top / 2, sum(xs) / len(xs) + top / 2
            if contact.get("edge") == "hips":  # the pad stops at the hips: a thigh hanging straight down clears it
                pelvis, shoulder = frame.points["pelvis"][0], frame.points["shoulder"][0]
                if shoulder >= pelvis:
                    left = pelvis + RADIUS["thigh"]
                else:
                    right = pelvis - RADIUS["thigh"]
            found[surface] = Place(surface, key, i, top, (left, -50.0 if surface == "floor" else 0.0, right, top))
    return found


def wall_reach(part: str, r: float) -> float:
    """How far behind a contact point the skin that touches a wall is: the trunk's thickness
    for the buttocks or back."""
    return RADIUS["trunk"] if part in ("seat", "back", "upper-back") else r


def ball_centre(place: Place, frame: Frame, pose_data: dict) -> tuple[float, float]:
    """A ball rolls: it stays under what rests on it."""
    contact = contacts_of(pose_data, place.key)[place.index]
    touching = contact_points(contact["part"])
    return sum(frame.points[name][0] for name, _ in touching) / len(touching), place.top / 2


# --- the body as capsules: what must stay out of every surface, and where its mass is ----------

def segments(points: dict, view: str) -> list[tuple[str, tuple, tuple, float]]:
    """(name, one end, other end, half thickness) of every part of the body; the head and hands
    are discs (both ends the same point)."""
    out = [("trunk", points["pelvis"], points["shoulder"], RADIUS["trunk"]),
           ("neck", points["shoulder"], points["neck"], RADIUS["neck"]),
           ("head", points["head"], points["head"], RADIUS["head"])]
    for side in SIDES:
        hip = points.get(f"{side}-hip", points["pelvis"])
        shoulder = points.get(f"{side}-shoulder", points["shoulder"])
        p = {name: points[f"{side}-{name}"] for name in ("knee", "ankle", "heel", "toe", "elbow", "wrist", "hand")}
        out += [(f"{side}-thigh", hip, p["knee"], RADIUS["thigh"]), (f"{side}-shank", p["knee"], p["ankle"], RADIUS["shank"]),
                (f"{side}-foot", p["heel"], p["toe"], 0.0), (f"{side}-upper_arm", shoulder, p["elbow"], RADIUS["upper_arm"]),
                (f"{side}-forearm", p["elbow"], p["wrist"], RADIUS["forearm"]), (f"{side}-hand", p["hand"], p["hand"], RADIUS["hand"])]
    return out


# the segments that lie on a surface when a part rests on it (a knee: the thigh and shank that meet there)
RESTING = {"foot": ("foot",), "toes": ("foot",), "heel": ("foot", "shank"), "knee": ("thigh", "shank", "foot"), "shin": ("shank", "foot"),
           "hand": ("hand", "forearm"), "forearm": ("forearm", "hand", "upper_arm"), "thigh": ("thigh", "shank"),
           "upper-back": ("trunk", "neck", "upper_arm"), "back": ("trunk", "neck"), "front": ("trunk", "neck"),
           "side": ("trunk", "neck", "left-thigh", "right-thigh", "left-upper_arm", "right-upper_arm"), "seat": ("trunk", "thigh")}


def resting_segments(part: str) -> set[str]:
    side, _, piece = part.partition("-") if part.startswith(SIDES) else ("", "", part)
    names = RESTING[piece or part]
    if side:
        return {f"{side}-{n}" for n in names}
    return {n if n in ("trunk", "neck", "head") or n.startswith(SIDES) else f"{s}-{n}" for n in names for s in SIDES}


def center_of_mass(points: dict, view: str, load: list[tuple[tuple, float]] = ()) -> tuple[float, float]:
    """The centre of mass of the body (Winter's segment masses and centres) and of the load,
    `load` being (where, share of body mass) pairs."""
    total, x, y = 0.0, 0.0, 0.0
    for name, a, b, _ in segments(points, view):
        kind = name.partition("-")[2] or name
        if kind == "neck":
            continue  # Winter weighs head and neck together, centred at the ear: the head's point
        if kind == "foot":  # Winter's foot runs from the ankle to the ball of the foot
            a, b = points[name.replace("foot", "ankle")], points[name.replace("foot", "toe")]
        mass, share = SEGMENT_MASS[kind]
        total += mass
        x += mass * (a[0] + (b[0] - a[0]) * share)
        y += mass * (a[1] + (b[1] - a[1]) * share)
    for (lx, ly), mass in load:
        total, x, y = total + mass, x + mass * lx, y + mass * ly
    return x / total, y / total


def depth_into(box: tuple, centre: tuple, radius: float) -> float:
    """How deep a disc reaches into a box (left, bottom, right, top); negative: the clearance."""
    left, bottom, right, top = box
    cx, cy = centre
    dx, dy = max(left - cx, 0.0, cx - right), max(bottom - cy, 0.0, cy - top)
    if dx == 0 and dy == 0:  # the centre is inside: the way out is through the nearest side
        return radius + min(cx - left, right - cx, cy - bottom, top - cy)
    return radius - math.hypot(dx, dy)


def capsule_depth(a: tuple, b: tuple, radius: float, box: tuple, samples: int = 12) -> float:
    """How deep a capsule (a limb) reaches into a box: its deepest sampled disc."""
    return max(depth_into(box, (a[0] + (b[0] - a[0]) * t / samples, a[1] + (b[1] - a[1]) * t / samples), radius)
               for t in range(samples + 1))


def midfoot(points: dict, sides=SIDES) -> float:
    return sum((points[f"{s}-heel"][0] + points[f"{s}-toe"][0]) / 2 for s in sides) / len(sides)


# --- equipment: where each piece sits in a frame ---------------------------------------------

PLATE_RADIUS = 22.5  # a standard 45 cm plate
BAR_RADIUS = 2.5  # the bar with the lifter's hands or a pad around it
BARS = {"barbell", "trap-bar"}


def equipment_at(points: dict, at: str, view: str = "side") -> tuple[float, float]:
    """The point a piece of equipment sits at, from the figure's points."""
    trunk = _angle(points["pelvis"], points["shoulder"])
    hands = _mid(points["left-hand"], points["right-hand"])
    return {
        "hands": lambda: hands,
        # on the skin, not in it: the bar lies on the upper back, across the hip crease
        "back": lambda: _step(_step(points["pelvis"], trunk, L["trunk"] * 0.95), trunk - 90, RADIUS["trunk"] + BAR_RADIUS)
        if view in SIDE_MODEL else points["shoulder"],
        "hips": lambda: _on_hips(points, trunk) if view in SIDE_MODEL else points["pelvis"],
        "chest": lambda: _step(_step(points["pelvis"], trunk, L["trunk"] * 0.75), trunk + 90, 16.0),
        # a front squat's rack: across the front of the shoulders, the mirror of a bar on the back
        "shoulders": lambda: _step(_step(points["pelvis"], trunk, L["trunk"] * 0.95), trunk + 90, RADIUS["trunk"] + BAR_RADIUS)
        if view in SIDE_MODEL else points["shoulder"],
        "knees": lambda: _mid(points["left-knee"], points["right-knee"]),
        "ankles": lambda: _mid(points["left-ankle"], points["right-ankle"]),
        "left-ankle": lambda: points["left-ankle"],  # one ankle's cuff: a cable kickback
        "right-ankle": lambda: points["right-ankle"],
        "feet": lambda: _mid(points["left-toe"], points["right-toe"]),
    }[at]()


# How far out to the side of its shoulder joint each hand holds a bar the figure carries (cm, the
# model's own choice): on the back the hands are wide, about 80 cm apart with the shoulder joints 36
# cm apart; across the hips just outside them.
GRIP_OUT = {"back": 22.0, "hips": 12.0}
# where the elbows point: a direction from the trunk's own (degrees: 180 down the trunk, 90 the way
# the chest faces) and out to the side as a share of that; under a bar on the back they point down
# and back, across the hips up from the chest (clear of the bench under the shoulders)
ELBOWS = {"back": (225, 0.4), "hips": (90, 1.5)}


def grip_carried_bar(points: dict, at: str) -> None:
    """Both arms reach from the shoulder to the bar in three dimensions (the hand GRIP_OUT to the side
    of the shoulder), the elbow as far as it goes towards ELBOWS; the side view sees them foreshortened.
    The hands are on the bar in every frame; a bar out of reach leaves the arm straight towards it."""
    shoulder, bar = points["shoulder"], equipment_at(points, at, "side")
    to_bar = (bar[0] - shoulder[0], bar[1] - shoulder[1], GRIP_OUT[at])  # from the shoulder, z out to the side
    upper, lower = L["upper_arm"], L["forearm"] + L["hand"] * 0.5
    n = _unit(to_bar)
    d = min(max(math.sqrt(_dot(to_bar, to_bar)), abs(upper - lower) + 1e-6), upper + lower - 1e-6)
    # the elbow lies on a circle around the line to the bar: its centre, its radius, and the point
    # of it closest to where the elbows point
    centre = _add((0.0, 0.0, 0.0), n, (upper * upper - lower * lower + d * d) / (2 * d))
    radius = math.sqrt(max(upper * upper - _dot(centre, centre), 0.0))
    towards, out = ELBOWS[at]
    a = math.radians(_angle(points["pelvis"], shoulder) + towards)
    wanted = (math.sin(a), math.cos(a), out)
    elbow = _add(centre, _unit(_add(wanted, n, -_dot(wanted, n))), radius)
    hand = _add((0.0, 0.0, 0.0), n, d)  # the hand's middle: on the bar, unless it is out of reach
    wrist = _add(elbow, _unit(_add(hand, elbow, -1.0)), L["forearm"])
    for side in SIDES:  # the side view sees both arms alike
        for name, p in (("elbow", elbow), ("wrist", wrist), ("hand", hand)):
            points[f"{side}-{name}"] = (shoulder[0] + p[0], shoulder[1] + p[1])


def _add(a, b, k: float = 1.0) -> tuple:
    """a + k b, in three dimensions."""
    return tuple(x + k * y for x, y in zip(a, b, strict=True))


def _dot(a, b) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _unit(a) -> tuple:
    return _add((0.0,) * len(a), a, 1 / math.sqrt(_dot(a, a)))


def _on_hips(points: dict, trunk: float) -> tuple[float, float]:
    """Across the hip crease: in front of the trunk, pushed clear of a bent thigh."""
    bar = _step(points["pelvis"], trunk + 90, RADIUS["trunk"] + BAR_RADIUS)
    thigh = _angle(points["pelvis"], points["left-knee"])
    a = math.radians(thigh)
    ux, uy = math.sin(a), math.cos(a)
    along = (bar[0] - points["pelvis"][0]) * ux + (bar[1] - points["pelvis"][1]) * uy
    across = abs((bar[0] - points["pelvis"][0]) * uy - (bar[1] - points["pelvis"][1]) * ux)
    short = RADIUS["thigh"] + BAR_RADIUS - across
    if along > 0 and short > 0:  # over the thigh: lift it off along the thigh's front
        bar = _step(bar, thigh - 90, short)
    return bar


def _mid(a, b):
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _angle(a, b) -> float:
    """The direction from a to b, as the model measures it (0 up, 90 towards +x)."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def distance(a, b) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])
