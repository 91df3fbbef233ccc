"""The body model and the drawings: geometry that must hold in every frame of every figure."""
from __future__ import annotations

import copy
import math

import pytest
from atlas.figures import drawing, figure, physics
from atlas.figures.figure import HEIGHT, L
from atlas.problems import Problems
from conftest import project_atlas

EXERCISES = sorted(project_atlas().entities["exercise"])
SEGMENTS = {"side": [("pelvis", "shoulder", "trunk"), ("{s}-knee", "{s}-ankle", "shank"),
                     ("{s}-elbow", "{s}-wrist", "forearm"), ("pelvis", "{s}-knee", "thigh")]}


def _exercise(eid):
    return project_atlas().entities["exercise"][eid]


def _carried_bars(pose):
    """Where the figure carries a bar in both hands away from the hands' own place: on the back or hips."""
    return [item["at"] for item in pose.get("equipment", []) if item["item"] in figure.BARS and item["at"] in ("back", "hips")]


class _Doc:
    path = "data/exercises/x.yaml"

    def pos(self, path):
        return (1, 1)


def test_proportions_come_from_winter_table():
    standing = figure.kinematics("side", {"trunk": 0, "both": {}})
    hip_height = standing["pelvis"][1] - min(standing["left-heel"][1], standing["left-toe"][1])
    assert hip_height == pytest.approx(0.530 * HEIGHT)  # Winter: the hip joint at 0.530 H
    assert standing["shoulder"][1] - standing["pelvis"][1] == pytest.approx((0.818 - 0.530) * HEIGHT)


# the front view foreshortens bent limbs on purpose, so only the views posed by the side model keep their lengths
@pytest.mark.parametrize("eid", [eid for eid in EXERCISES if _exercise(eid)["pose"]["view"] in figure.SIDE_MODEL])
def test_limb_lengths_are_the_same_in_every_frame(eid):
    pose = _exercise(eid)["pose"]
    for frame in figure.frames(pose):
        for side in figure.SIDES:
            for a, b, segment in SEGMENTS["side"]:
                length = figure.distance(frame.points[a.format(s=side)], frame.points[b.format(s=side)])
                if segment == "forearm" and _carried_bars(pose):  # out to the side, to the bar: foreshortened
                    assert 0.3 * L[segment] < length <= L[segment] + 1e-6, (frame.label, side, segment)
                else:
                    assert length == pytest.approx(L[segment], abs=1e-6), (frame.label, side, segment)


@pytest.mark.parametrize("eid", EXERCISES)
def test_every_contact_is_held_in_every_frame(eid):
    """What two key poses share stays put in every frame between them (a foot that steps does not)."""
    pose = _exercise(eid)["pose"]
    frames = figure.frames(pose)
    for i, frame in enumerate(frames[1:], 1):
        k, _ = figure.key_index(pose["poses"], i)
        before = frames[figure.key_frame(pose, k)]
        for contact, points in figure.held(pose, k):
            for name, _ in points:
                assert abs(frame.points[name][1] - before.points[name][1]) <= 2 * physics.CONTACT_TOLERANCE, (contact, name)
                if contact["surface"] not in figure.ROLLS and not contact.get("slides"):  # a ball rolls, a slider slides
                    assert abs(frame.points[name][0] - before.points[name][0]) <= 2 * physics.SLIDE_TOLERANCE, (contact, name)


@pytest.mark.parametrize("eid", EXERCISES)
def test_every_figure_obeys_its_physics(eid):
    exercise = _exercise(eid)
    problems = Problems()
    pattern = project_atlas().entities["pattern"][exercise["pattern"]]
    physics.check(exercise, pattern, _Doc(), problems)
    assert not problems, problems.report()


def test_the_first_contact_places_the_figure_on_the_floor():
    pose = _exercise("romanian-deadlift")["pose"]
    for frame in figure.frames(pose):
        assert min(frame.points["left-heel"][1], frame.points["left-toe"][1]) == pytest.approx(0, abs=1e-9)


def test_a_flat_foot_needs_trunk_equal_to_hip_minus_knee_plus_ankle():
    points = figure.kinematics("side", {"trunk": 30, "both": {"hip": 110, "knee": 100, "ankle": 20}})
    assert points["left-heel"][1] == pytest.approx(points["left-toe"][1])
    tipped = figure.kinematics("side", {"trunk": 36, "both": {"hip": 110, "knee": 100, "ankle": 20}})
    assert tipped["left-heel"][1] > tipped["left-toe"][1] + 2  # the heel rises


def test_interpolation_runs_through_the_key_poses():
    poses = {"start": {"trunk": 0}, "middle": {"trunk": 30}, "end": {"trunk": 90}}
    frames = figure.interpolate(poses)
    assert len(frames) == figure.FRAMES
    assert [f[1]["trunk"] for f in frames][::(figure.FRAMES - 1) // 2] == [0, 30, 90]
    assert frames[0][0] == "start" and frames[(figure.FRAMES - 1) // 2][0] == "middle" and frames[-1][0] == "end"


def test_output_is_deterministic():
    atlas = project_atlas()
    eid = "barbell-hip-thrust"
    first = drawing.exercise_figure(atlas, eid, _exercise(eid))
    assert first == drawing.exercise_figure(atlas, eid, copy.deepcopy(_exercise(eid)))


def test_a_heel_that_lifts_is_reported_with_its_distance():
    exercise = copy.deepcopy(_exercise("romanian-deadlift"))
    exercise["pose"]["poses"]["end"]["trunk"] += 8
    problems = Problems()
    physics.check(exercise, {}, _Doc(), problems)
    assert any(p.code == "A802" and "heel leaves the floor by" in p.message for p in problems), problems.report()


def test_text_from_data_is_escaped_in_the_drawing():
    exercise = copy.deepcopy(_exercise("glute-bridge"))
    exercise["name"] = '<script>alert(1)</script> "quoted"'
    drawn = drawing.exercise_figure(project_atlas(), "glute-bridge", exercise)
    assert "<script>" not in drawn and "&lt;script&gt;" in drawn and '"quoted"' not in drawn


def test_the_figure_is_small():
    import gzip

    atlas = project_atlas()
    for eid in EXERCISES:
        drawn = drawing.exercise_figure(atlas, eid, _exercise(eid)).encode()
        assert len(gzip.compress(drawn)) < 15_000, eid


def test_numbers_are_formatted_plainly():
    assert drawing.n(-0.04) == "0" and drawing.n(12.0) == "12" and drawing.n(math.pi) == "3" and drawing.n(-0.4) == "0"


def test_segment_masses_from_winter_add_up_to_the_whole_body():
    assert sum(2 * m if k not in ("head", "trunk") else m for k, (m, _) in figure.SEGMENT_MASS.items()) == pytest.approx(1.0)


def test_standing_upright_the_centre_of_mass_is_over_the_ankles_at_hip_height():
    points = figure.place(figure.kinematics("side", {"trunk": 0, "both": {}}), {"part": "left-foot", "surface": "floor"})[0]
    x, y = figure.center_of_mass(points, "side")
    assert abs(x - points["left-ankle"][0]) < 3  # over the ankle, inside the foot
    assert 0.53 * HEIGHT < y < 0.60 * HEIGHT  # a little above the hip joints (Winter: about 0.55 H)


def test_a_load_held_in_front_moves_the_centre_of_mass_forward():
    points = figure.kinematics("side", {"trunk": 0, "both": {}})
    bare = figure.center_of_mass(points, "side")[0]
    loaded = figure.center_of_mass(points, "side", [((bare + 40, 100.0), 0.5)])[0]
    assert loaded == pytest.approx(bare + 40 * 0.5 / 1.5)


def test_leaning_too_far_forward_is_off_balance():
    exercise = copy.deepcopy(_exercise("bodyweight-hip-hinge"))
    exercise["pose"]["poses"]["end"] = {"trunk": 90, "both": {"hip": 90, "shoulder": 180}}  # reaching forward, hips not back
    problems = Problems()
    physics.check(exercise, {}, _Doc(), problems)
    assert any(p.code == "A810" and "in front of the base of support" in p.message for p in problems), problems.report()


def test_clearance_of_a_disc_and_a_capsule_from_a_box():
    box = (0.0, 0.0, 10.0, 10.0)
    assert figure.depth_into(box, (15.0, 5.0), 3.0) == pytest.approx(-2.0)  # 2 cm clear of the right side
    assert figure.depth_into(box, (12.0, 5.0), 3.0) == pytest.approx(1.0)  # 1 cm into it
    assert figure.depth_into(box, (5.0, 9.0), 3.0) == pytest.approx(4.0)  # centre inside: out through the top
    assert figure.depth_into(box, (13.0, 14.0), 5.0) == pytest.approx(0.0)  # touching the corner
    assert figure.capsule_depth((-20.0, 12.0), (30.0, 12.0), 3.0, box) == pytest.approx(1.0)  # a limb over the top


def test_a_head_through_the_floor_is_reported():
    exercise = copy.deepcopy(_exercise("glute-bridge"))
    exercise["pose"]["poses"]["end"].pop("neck")
    problems = Problems()
    physics.check(exercise, {}, _Doc(), problems)
    assert any(p.code == "A804" and "the head is" in p.message for p in problems), problems.report()


def test_a_hand_said_to_rest_on_the_floor_must_touch_it():
    exercise = copy.deepcopy(_exercise("glute-bridge"))
    exercise["pose"]["poses"]["start"]["both"]["shoulder"] = 30  # the arms lifted off the floor
    problems = Problems()
    physics.check(exercise, {}, _Doc(), problems)
    assert any(p.code == "A811" and "left hand is said to rest on the floor" in p.message for p in problems)


def test_a_step_moves_the_figure_by_the_foot_it_keeps():
    pose = _exercise("step-up")["pose"]
    frames = figure.frames(pose)
    assert [f.label for f in frames if not f.label.startswith("between")] == ["start", "middle", "end"]
    for frame in frames:  # the foot on the box stays put while the other leaves the floor
        assert frame.points["left-heel"][0] == pytest.approx(frames[0].points["left-heel"][0], abs=physics.SLIDE_TOLERANCE)


def test_every_key_pose_is_a_still_beside_the_motion_and_the_control_says_what_it_does():
    atlas = project_atlas()
    drawn = drawing.exercise_figure(atlas, "forward-lunge", _exercise("forward-lunge"))
    keys = figure.key_names(_exercise("forward-lunge")["pose"]["poses"])
    assert keys == ["start", "lift", "step", "end"]
    assert drawn.count('class="exfig__panel"') == len(keys)  # the stills; the motion panel has its own class too
    assert ">Pause the motion<" in drawn and ">Play the motion<" in drawn


CARRYING = [eid for eid in EXERCISES if _carried_bars(_exercise(eid)["pose"])]


def test_the_figures_that_carry_a_bar_include_the_back_squat():
    assert {"barbell-back-squat", "good-morning", "barbell-hip-thrust"} <= set(CARRYING)


@pytest.mark.parametrize("eid", CARRYING)
def test_the_hands_hold_a_bar_carried_on_the_back_or_hips_in_every_frame(eid):
    """Seen from the side the bar is end on, a point: each hand's middle is on it. Seen from behind
    it is a line (drawing._bar: 45 cm either side): each hand is on that line, between its ends."""
    pose = _exercise(eid)["pose"]
    for frame in figure.frames(pose):
        for at in _carried_bars(pose):
            bar = figure.equipment_at(frame.points, at, pose["view"])
            for side in figure.SIDES:
                hand = frame.points[f"{side}-hand"]
                if pose["view"] == "side":
                    assert figure.distance(hand, bar) <= 2.0, (frame.label, side, figure.distance(hand, bar))
                else:
                    assert abs(hand[1] - bar[1]) <= 2.0 and abs(hand[0] - bar[0]) <= 45, (frame.label, side)


def test_an_arm_on_a_bar_on_the_back_bends_within_the_elbow_s_range_and_points_down_and_back():
    pose = _exercise("barbell-back-squat")["pose"]
    for frame in figure.frames(pose):
        p = frame.points
        shoulder, elbow, hand = p["shoulder"], p["left-elbow"], p["left-hand"]
        # the elbow is behind the trunk and below the bar: the forearm comes up to the bar
        trunk = figure._angle(p["pelvis"], shoulder)
        back = math.radians(trunk - 90)
        behind = (elbow[0] - shoulder[0]) * math.sin(back) + (elbow[1] - shoulder[1]) * math.cos(back)
        up = math.radians(trunk)
        below = (hand[0] - elbow[0]) * math.sin(up) + (hand[1] - elbow[1]) * math.cos(up)
        assert behind > figure.RADIUS["trunk"] / 2 and below > 5, (frame.label, behind, below)
        # in three dimensions (the hand GRIP_OUT to the side), the elbow bends less than its normal range's end
        reach = math.hypot(figure.distance(shoulder, hand), figure.GRIP_OUT["back"])
        upper, lower = L["upper_arm"], L["forearm"] + L["hand"] * 0.5
        bend = 180 - math.degrees(math.acos((upper ** 2 + lower ** 2 - reach ** 2) / (2 * upper * lower)))
        assert 60 < bend <= figure.NORMAL_RANGE["elbow"][1], bend


def test_plates_on_the_back_are_drawn_behind_the_head():
    pose = _exercise("barbell-back-squat")["pose"]
    group = drawing.frame_group(figure.frames(pose)[-1], pose, [])
    assert group.index("fig-plate") < group.index('class="fig-bf"')  # the plate first, the body over it


def test_a_walking_lunge_travels_and_a_split_squat_stays_put():
    def pelvis_travel(eid):
        frames = figure.frames(_exercise(eid)["pose"])
        return frames[-1].points["pelvis"][0] - frames[0].points["pelvis"][0]
    assert pelvis_travel("walking-lunge") > 40
    assert abs(pelvis_travel("split-squat")) < 10


def test_the_site_style_sheet_times_every_frame_as_the_standalone_files_do():
    from conftest import ROOT

    css = (ROOT / "content" / "assets" / "atlas.css").read_text()
    assert len(drawing.SLOTS) == figure.FRAMES + 1
    for i in range(figure.FRAMES):
        rule = css[css.index(f"@keyframes fig-f{i} "):].split("\n", 1)[0]
        assert f" {drawing.SLOTS[i + 1]}%" in rule or drawing.SLOTS[i + 1] == 100, rule
        assert f".fig-motion > .fig-f{i} " in css


def test_the_back_squat_is_drawn_below_parallel_as_its_text_says():
    bottom = figure.frames(_exercise("barbell-back-squat")["pose"])[-1].points
    top_of_knee = bottom["left-knee"][1] + figure.RADIUS["shank"]
    assert bottom["pelvis"][1] < top_of_knee - 3  # the hip crease under the top of the knee


def test_a_stiff_leg_deadlift_keeps_straighter_knees_and_lowers_the_bar_further_than_a_romanian():
    def bottom(eid):
        pose = _exercise(eid)["pose"]
        frame = figure.frames(pose)[-1]
        knee = figure.limb_angles(pose["poses"]["end"], "left")["knee"]
        return knee, figure.equipment_at(frame.points, "hands")[1]
    (rdl_knee, rdl_bar), (sldl_knee, sldl_bar) = bottom("romanian-deadlift"), bottom("stiff-leg-deadlift")
    assert rdl_knee - sldl_knee >= 15
    assert rdl_bar - sldl_bar >= 5
    assert sldl_bar - figure.PLATE_RADIUS < 3  # the plates come down to the floor


def test_a_front_squat_racks_the_bar_in_front_of_the_shoulders_and_a_back_squat_behind_them():
    def bar_from_shoulder(eid, at):
        pose = _exercise(eid)["pose"]
        points = figure.frames(pose)[-1].points
        bar = figure.equipment_at(points, at)
        return bar[0] - points["shoulder"][0], points["shoulder"][1] - bar[1]
    front_x, front_drop = bar_from_shoulder("front-squat", "shoulders")
    back_x, _ = bar_from_shoulder("barbell-back-squat", "back")
    assert front_x > figure.RADIUS["trunk"] and back_x < 0  # a reader tells them apart by where the plate is
    assert 0 <= front_drop < 8  # on the shoulders, not at the chin or the chest


def test_a_front_squat_s_plate_is_drawn_over_the_body_and_see_through_and_a_back_squat_s_under_it():
    atlas = project_atlas()
    front = drawing.exercise_figure(atlas, "front-squat", _exercise("front-squat"))
    back = drawing.exercise_figure(atlas, "barbell-back-squat", _exercise("barbell-back-squat"))
    assert "fig-plate--near" in front and "fig-plate--near" not in back
    frame = front[front.index("fig-f0"):]
    assert frame.index("fig-plate--near") > frame.index("fig-b")  # drawn after the body: in front of it


def test_a_kickback_band_runs_behind_the_body_and_a_knee_band_in_front():
    atlas = project_atlas()
    kickback = drawing.exercise_figure(atlas, "banded-kickback", _exercise("banded-kickback"))
    bridge = drawing.exercise_figure(atlas, "banded-glute-bridge", _exercise("banded-glute-bridge"))
    first = kickback[kickback.index("fig-f0"):]
    assert first.index("fig-band") < first.index("fig-bf")  # from the hands beside the body, never through it
    first = bridge[bridge.index("fig-f0"):]
    assert first.index("fig-band") > first.index("fig-bf")  # round the knees, seen over the thighs


def test_a_cable_kickback_draws_the_cable_from_a_stack_in_front_to_the_kicking_ankle():
    pose = _exercise("cable-kickback")["pose"]
    assert pose["equipment"] == [{"item": "cable", "at": "left-ankle"}]
    for frame in figure.frames(pose):
        p = frame.points
        x, pulley = drawing._cable_tower(p, figure.equipment_at(p, "left-ankle"), "side", "left-ankle")
        hands = max(p["left-hand"][0], p["right-hand"][0])
        assert 0 < pulley[0] - hands < 6  # the hands hold the tower's frame
        assert p["left-ankle"][0] < p["pelvis"][0] < pulley[0]  # the cable runs from the front, past the body, to the ankle behind


def test_a_contact_can_set_the_height_of_a_low_step():
    pose = _exercise("forward-step-down")["pose"]
    frames = figure.frames(pose)
    step = figure.places(pose, frames)["box"]
    assert step.top == pose["rests_on"][0]["height"] == 15  # not a box's usual 45 cm
    heel = frames[-1].points["right-heel"]
    assert heel[1] < physics.CONTACT_TOLERANCE and heel[0] > step.box[2]  # the free heel taps the floor in front of the step


def test_a_plate_in_the_hands_is_drawn_behind_the_legs_in_the_side_view():
    pose = _exercise("romanian-deadlift")["pose"]
    group = drawing.frame_group(figure.frames(pose)[-1], pose, [])
    assert group.index("fig-plate") < group.index("fig-bf")


def test_a_lateral_walk_travels_sideways_and_a_standing_abduction_keeps_its_stance_foot():
    walk = figure.frames(_exercise("banded-lateral-walk")["pose"])
    assert walk[-1].points["pelvis"][0] - walk[0].points["pelvis"][0] > 15
    lift = figure.frames(_exercise("standing-hip-abduction")["pose"])
    assert lift[-1].points["pelvis"][0] == pytest.approx(lift[0].points["pelvis"][0], abs=3)
    assert lift[-1].points["right-ankle"][1] - lift[0].points["right-ankle"][1] > 15


def test_a_figure_that_travels_loops_onward_and_one_that_returns_plays_back():
    from conftest import ROOT

    def motion(eid):
        return drawing.exercise_figure(project_atlas(), eid, _exercise(eid))
    assert "fig-motion--onward" in motion("walking-lunge") and "fig-motion--onward" in motion("banded-lateral-walk")
    for eid in ("forward-lunge", "romanian-deadlift", "barbell-back-squat", "step-up"):
        assert "fig-motion--onward" not in motion(eid), eid
    css = (ROOT / "content" / "assets" / "atlas.css").read_text()
    assert ".fig-motion--onward > .fig-f { animation-direction: normal; }" in css
    assert "fig-onward .fig-f{animation-direction:normal}" in drawing.STANDALONE_STYLE


def test_the_thumbnail_of_a_figure_that_travels_is_its_lowest_key_pose():
    eid = "banded-lateral-walk"
    pose, frames = drawing.drawn(_exercise(eid)["pose"])
    tinted = drawing.marks(project_atlas(), _exercise(eid))
    thumb = drawing.thumbnail(project_atlas(), _exercise(eid))
    assert drawing.svg(pose, frames, tinted, "step", "") in thumb
    assert drawing.svg(pose, frames, tinted, "end", "") not in thumb
    lunge = _exercise("walking-lunge")
    pose, frames = drawing.drawn(lunge["pose"])
    assert drawing.svg(pose, frames, drawing.marks(project_atlas(), lunge), "middle", "") in drawing.thumbnail(project_atlas(), lunge)


def test_a_frog_pump_seen_from_the_feet_opens_its_knees_and_keeps_its_feet_together():
    pose, frames = drawing.drawn(_exercise("frog-pump")["pose"])
    for frame in frames:
        p = frame.points
        knees = abs(p["left-knee"][0] - p["right-knee"][0])
        assert knees > 2 * abs(p["left-hip"][0] - p["right-hip"][0])  # the knees fall wide of the hips
        assert abs(p["left-ankle"][0] - p["right-ankle"][0]) < knees / 4  # soles together
        assert p["head"][1] > p["shoulder"][1] > p["pelvis"][1] > p["left-ankle"][1]  # lying away up the page
    assert frames[-1].points["pelvis"][1] > frames[0].points["pelvis"][1] + 5  # the hips are seen to rise
    # the same hip_abduction changes nothing in the physics: the pose is checked by the side model
    closed = copy.deepcopy(_exercise("frog-pump")["pose"])
    for key in closed["poses"].values():
        key["both"]["hip_abduction"] = 0
    assert figure.frames(closed)[-1].points == figure.frames(_exercise("frog-pump")["pose"])[-1].points


def test_a_frog_pump_whose_back_leaves_the_floor_is_reported():
    exercise = copy.deepcopy(_exercise("frog-pump"))
    exercise["pose"]["poses"]["start"]["both"].update(hip=40, ankle=-33)  # the feet push the back up off the mat
    problems = Problems()
    physics.check(exercise, {}, _Doc(), problems)
    assert any(p.code == "A811" and "upper back" in p.message for p in problems), problems.report()
def test_a_pelvic_drop_tilts_the_pelvis_under_a_level_trunk_and_keeps_the_foot_flat_on_its_step():
    frames = figure.frames(_exercise("pelvic-drop")["pose"])
    keyed = {f.label: f.points for f in frames if not f.label.startswith("between")}
    for label, points in keyed.items():
        assert points["left-shoulder"][1] == pytest.approx(points["right-shoulder"][1], abs=0.5), label  # the trunk stays upright
        assert points["right-heel"][1] == pytest.approx(points["right-toe"][1], abs=0.5), label  # the stance foot stays flat
    start, drop, hike = keyed["start"], keyed["middle"], keyed["end"]
    assert drop["left-hip"][1] < drop["right-hip"][1] - 3 and hike["left-hip"][1] > hike["right-hip"][1] + 3
    # the free foot sinks below the step in the drop and rises above it in the hike
    assert drop["left-heel"][1] < start["left-heel"][1] - 2 < hike["left-heel"][1] - 4


def test_a_pelvic_tilt_moves_only_the_legs_and_is_ignored_in_the_side_view():
    level = figure.kinematics("front", {"trunk": 0, "both": {}})
    tilted = figure.kinematics("front", {"trunk": 0, "pelvis": 10, "both": {}})
    assert tilted["left-hip"][1] > level["left-hip"][1] and tilted["right-hip"][1] < level["right-hip"][1]
    assert tilted["head"] == level["head"] and tilted["left-shoulder"] == level["left-shoulder"]
    assert figure.kinematics("side", {"trunk": 0, "pelvis": 10, "both": {}}) == figure.kinematics("side", {"trunk": 0, "both": {}})
    blended = figure._blend({"trunk": 0, "pelvis": -10, "both": {}}, {"trunk": 0, "both": {}}, 0.5)
    assert blended["pelvis"] == pytest.approx(-5)


def test_a_pelvis_tilted_beyond_its_range_is_reported():
    exercise = copy.deepcopy(_exercise("pelvic-drop"))
    exercise["pose"]["poses"]["middle"]["pelvis"] = -40
    problems = Problems()
    physics.check(exercise, {}, _Doc(), problems)
    assert any(p.code == "A801" and "pelvis" in p.message for p in problems), problems.report()


def test_the_text_alternative_names_a_pelvic_tilt_and_which_hip_is_higher():
    poses = _exercise("pelvic-drop")["pose"]["poses"]
    assert "pelvis tilted 15°, right hip higher" in drawing.describe_pose(poses["middle"], "front")
    assert "pelvis tilted 10°, left hip higher" in drawing.describe_pose(poses["end"], "front")
    assert "pelvis" not in drawing.describe_pose(poses["start"], "front")
