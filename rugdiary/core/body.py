"""The exercise figure's body: an adult skeleton in 3D, its joint limits, poses and contacts."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from rugdiary.core.diary import ValidationError

# ---------------------------------------------------------------------------
# Proportions (cm): one adult of about 175 cm, the hip centre 94 cm above the floor.
# ---------------------------------------------------------------------------

HIP_HALF = 9.0  # hip joint to the pelvis centre, sideways
SPINE_BASE = 7.0  # pelvis centre to the base of the lumbar spine
LUMBAR = 18.0
THORACIC = 26.0
NECK = 10.0
HEAD_RISE = 10.0  # neck top to the centre of the head
HEAD_RADIUS = 11.0
SHOULDER_DROP = 4.0  # shoulder joint below the top of the thoracic spine
SHOULDER_HALF = 17.0
UPPER_ARM = 30.0
FOREARM = 26.0
HAND = 10.0
THIGH = 44.0
SHIN = 43.0
ANKLE_HEIGHT = 7.0  # ankle centre above the sole of a flat foot
HEEL_BACK = 4.0
TOE_FRONT = 14.0

BONES: tuple[tuple[str, str, float], ...] = (
    ("l_shoulder", "l_elbow", UPPER_ARM),
    ("l_elbow", "l_wrist", FOREARM),
    ("l_wrist", "l_hand", HAND),
    ("r_shoulder", "r_elbow", UPPER_ARM),
    ("r_elbow", "r_wrist", FOREARM),
    ("r_wrist", "r_hand", HAND),
    ("l_hip", "l_knee", THIGH),
    ("l_knee", "l_ankle", SHIN),
    ("r_hip", "r_knee", THIGH),
    ("r_knee", "r_ankle", SHIN),
    ("pelvis", "l_hip", HIP_HALF),
    ("pelvis", "r_hip", HIP_HALF),
    ("spine0", "spine1", LUMBAR / 2),
    ("spine1", "spine2", LUMBAR / 2),
    ("spine2", "spine3", THORACIC / 2),
    ("spine3", "c7", THORACIC / 2),
    ("c7", "neck_top", NECK),
    ("neck_top", "head", math.hypot(2.0, HEAD_RISE)),
)
"""Every rigid link (from, to, cm): the tests check these in every frame."""

# ---------------------------------------------------------------------------
# Joints and their anatomical limits (degrees): [flexion, sideways, twist]
# ---------------------------------------------------------------------------

JOINTS: tuple[str, ...] = (
    "lumbar",
    "thoracic",
    "neck",
    "l_shoulder",
    "l_elbow",
    "l_wrist",
    "r_shoulder",
    "r_elbow",
    "r_wrist",
    "l_hip",
    "l_knee",
    "l_ankle",
    "r_hip",
    "r_knee",
    "r_ankle",
)
_INDEX = {name: i for i, name in enumerate(JOINTS)}

AXES: tuple[str, str, str] = ("flexion", "sideways", "twist")

# Spine: flexion bends forward, sideways bends to the left, twist turns to the left.
# Limbs: flexion lifts forward (the knee bends back), sideways is abduction (away from
# the midline), twist turns outwards. The wrist's flexion points the hand forward of the
# forearm; the ankle's points the toes down.
_SPINE_LIMITS = {
    "lumbar": ((-35, 60), (-30, 30), (-20, 20)),
    "thoracic": ((-30, 45), (-30, 30), (-40, 40)),
    "neck": ((-60, 70), (-45, 45), (-75, 75)),
}
_LIMB_LIMITS = {
    "shoulder": ((-60, 180), (-30, 180), (-90, 90)),
    "elbow": ((0, 150), (0, 0), (-90, 90)),
    "wrist": ((-80, 95), (-20, 30), (0, 0)),
    "hip": ((-30, 135), (-30, 50), (-45, 45)),
    "knee": ((0, 160), (0, 0), (0, 0)),
    "ankle": ((-30, 70), (-20, 20), (0, 0)),
}
LIMITS: dict[str, tuple[tuple[float, float], ...]] = {
    **_SPINE_LIMITS,
    **{f"{side}_{name}": limits for side in "lr" for name, limits in _LIMB_LIMITS.items()},
}

_GROUPS: dict[str, tuple[str, ...]] = {
    "spine": ("lumbar", "thoracic"),
    **{f"{name}s": (f"l_{name}", f"r_{name}") for name in _LIMB_LIMITS},
}
"""Shorthands in content files: "spine" spreads over lumbar and thoracic, "knees" sets both."""
_SPINE_SHARE = {"lumbar": 0.45, "thoracic": 0.55}

Angles = tuple[float, float, float]
Vec = tuple[float, float, float]
ZERO: Angles = (0.0, 0.0, 0.0)

# ---------------------------------------------------------------------------
# Contacts: body points that rest on the floor or a prop
# ---------------------------------------------------------------------------

CONTACT_POINTS: dict[str, float] = {
    # name: the body's half-thickness there (cm), so the skin (not the bone) touches
    "pelvis": 11.0,
    "back": 11.0,
    "head": HEAD_RADIUS,
    **{f"{s}_knee": 5.5 for s in "lr"},
    **{f"{s}_side": 8.5 for s in "lr"},
    **{f"{s}_shin": 5.0 for s in "lr"},
    **{f"{s}_elbow": 4.0 for s in "lr"},
    **{f"{s}_hand": 2.5 for s in "lr"},
    **{f"{s}_foot": 0.0 for s in "lr"},
    **{f"{s}_toe": 1.5 for s in "lr"},
    **{f"{s}_heel": 0.0 for s in "lr"},
}
IK_CHAINS: dict[str, tuple[str, str, str, float, float]] = {
    # end contact: (root joint, middle joint, end joint, first bone, second bone)
    **{
        f"{s}_hand": (f"{s}_shoulder", f"{s}_elbow", f"{s}_wrist", UPPER_ARM, FOREARM) for s in "lr"
    },
    **{
        f"{s}_{end}": (f"{s}_hip", f"{s}_knee", f"{s}_ankle", THIGH, SHIN)
        for s in "lr"
        for end in ("foot", "toe", "heel")
    },
}
"""Contacts at the end of an arm or leg are kept in place by bending that limb."""

_CHAIN_PARTS: dict[str, tuple[str, ...]] = {
    f"{s}_hand": (f"{s}_wrist", f"{s}_hand", f"{s}_palm") for s in "lr"
}
_CHAIN_PARTS.update(
    {
        f"{s}_{end}": (f"{s}_ankle", f"{s}_heel", f"{s}_heel_sole", f"{s}_toe", f"{s}_sole")
        for s in "lr"
        for end in ("foot", "toe", "heel")
    }
)

Contact = tuple[str, Vec]


def mirror_name(name: str) -> str:
    """The same body part on the other side ("l_knee" <-> "r_knee")."""
    if name.startswith("l_"):
        return "r_" + name[2:]
    if name.startswith("r_"):
        return "l_" + name[2:]
    return name


# ---------------------------------------------------------------------------
# Pose
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pose:
    """One position of the body.

    `root` is the pelvis centre in world cm (x to the right as the side camera sees it,
    y up from the floor, z towards the side camera); `turn` is the pelvis's (yaw, pitch,
    roll) in degrees: yaw turns about the vertical, pitch tips forward (-) or back (+)
    (90 lies on the back with the head at -x, -90 face down with the head at +x) and
    roll turns about the body's long axis (-90 from lying on the back onto the left side).
    `angles` follows JOINTS. `contacts` are the body
    points that rest on something, with where they rest (world cm). `breath` (0 to 1)
    fills the belly; `focus` (0 feet to 1 head, or -1 for none) marks where attention is.
    `flipped` says the pose is done on the other side (hand-held props swap hands).
    `hold` (0 to 1, or -1 when not holding) is how much of a held position's time has
    passed: the picture shows it as a stopwatch filling up where the motion arrow was.
    `heading` is which way the body is moving through the exercise: 1 towards the work
    position, -1 back from it, 0 still or not known (a keyframe); a motion arrow then has
    one head, pointing that way.
    """

    root: Vec
    turn: Vec
    angles: tuple[Angles, ...]
    contacts: tuple[Contact, ...] = ()
    breath: float = 0.0
    focus: float = -1.0
    flipped: bool = False
    hold: float = -1.0
    heading: int = 0

    def angle(self, joint: str) -> Angles:
        return self.angles[_INDEX[joint]]

    def with_contacts(self, contacts: tuple[Contact, ...]) -> Pose:
        return replace(self, contacts=contacts)

    def holding(self, share: float) -> Pose:
        """The same position, held still, `share` (0 to 1) of the way through the hold."""
        return replace(self, hold=min(1.0, max(0.0, share)), heading=0)

    def without_cues(self) -> Pose:
        """The same position without the picture's cues (a hold's time, which way it is
        moving): what a keyframe says."""
        return replace(self, hold=-1.0, heading=0)

    def heading_to(self, heading: int) -> Pose:
        """The same position, passed through moving `heading` (1 on, -1 back, 0 still)."""
        return replace(self, heading=heading)

    def mirrored_pose(self) -> Pose:
        """The same pose on the other side: left and right trade, sideways turns reverse."""
        angles = list(self.angles)
        for i, name in enumerate(JOINTS):
            other = mirror_name(name)
            if other != name:
                angles[i] = self.angles[_INDEX[other]]
            else:
                flex, side, twist = self.angles[i]
                angles[i] = (flex, -side, -twist)
        x, y, z = self.root
        yaw, pitch, roll = self.turn
        contacts = tuple((mirror_name(name), (p[0], p[1], -p[2])) for name, p in self.contacts)
        return replace(
            self,
            root=(x, y, -z),
            turn=(-yaw, pitch, -roll),
            angles=tuple(angles),
            contacts=tuple(sorted(contacts)),
            flipped=not self.flipped,
        )

    def mirrored(self) -> Pose:
        return self.mirrored_pose()

    def distance(self, other: Pose) -> float:
        """How far apart two poses are, summed over every joint angle (degrees)."""
        total = 0.0
        for a, b in zip(self.angles, other.angles, strict=True):
            total += abs(a[0] - b[0]) + abs(a[1] - b[1]) + abs(a[2] - b[2])
        return total + sum(abs(a - b) for a, b in zip(self.turn, other.turn, strict=True))

    def limit_errors(self) -> list[tuple[str, str]]:
        """(joint, message) for every angle outside its anatomical range."""
        errors: list[tuple[str, str]] = []
        for name, values in zip(JOINTS, self.angles, strict=True):
            for axis, value, (low, high) in zip(AXES, values, LIMITS[name], strict=True):
                if not low - 1e-6 <= value <= high + 1e-6:
                    errors.append(
                        (name, f"{axis} {value:g} is outside {low:g} to {high:g} degrees")
                    )
        return errors

    def to_dict(self) -> dict[str, Any]:
        joints: dict[str, Any] = {}
        for name, values in zip(JOINTS, self.angles, strict=True):
            if values != ZERO:
                joints[name] = list(values)
        out: dict[str, Any] = {
            "root": list(self.root),
            "turn": list(self.turn),
            "joints": joints,
        }
        if self.contacts:
            out["contacts"] = [name for name, _ in self.contacts]
        if self.breath:
            out["breath"] = self.breath
        if self.focus >= 0:
            out["focus"] = self.focus
        return out


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValidationError(path, "must be a number")
    return float(value)


def _triple(value: Any, path: str, length: int = 3) -> tuple[float, ...]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not 1 <= len(value) <= length:
        raise ValidationError(path, f"must be a number or a list of up to {length} numbers")
    numbers = [_number(v, f"{path}[{i}]") for i, v in enumerate(value)]
    return tuple(numbers + [0.0] * (length - len(numbers)))


def parse_joints(data: Any, path: str, base: tuple[Angles, ...] | None) -> tuple[Angles, ...]:
    """Joint angles from a content file, on top of `base` (another keyframe) when given.

    Names are JOINTS or the shorthands of _GROUPS; limits are checked by the caller so the
    error can name the keyframe.
    """
    if not isinstance(data, Mapping):
        raise ValidationError(path, "must be an object of joint angles")
    angles = list(base) if base is not None else [ZERO] * len(JOINTS)
    for key, value in data.items():
        triple = _triple(value, f"{path}.{key}")
        values: Angles = (triple[0], triple[1], triple[2])
        if key in _INDEX:
            angles[_INDEX[key]] = values
        elif key == "spine":
            for part in _GROUPS["spine"]:
                share = _SPINE_SHARE[part]
                angles[_INDEX[part]] = (values[0] * share, values[1] * share, values[2] * share)
        elif key in _GROUPS:
            for part in _GROUPS[key]:
                angles[_INDEX[part]] = values
        else:
            raise ValidationError(f"{path}.{key}", "is not a joint")
    return tuple(angles)


# ---------------------------------------------------------------------------
# Rotations: 3x3 matrices as 9-tuples, row major
# ---------------------------------------------------------------------------

Mat = tuple[float, float, float, float, float, float, float, float, float]
IDENTITY: Mat = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)


def _rx(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (1.0, 0.0, 0.0, 0.0, c, -s, 0.0, s, c)


def _ry(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, 0.0, s, 0.0, 1.0, 0.0, -s, 0.0, c)


def _rz(deg: float) -> Mat:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0)


def _mul(a: Mat, b: Mat) -> Mat:
    return (
        a[0] * b[0] + a[1] * b[3] + a[2] * b[6],
        a[0] * b[1] + a[1] * b[4] + a[2] * b[7],
        a[0] * b[2] + a[1] * b[5] + a[2] * b[8],
        a[3] * b[0] + a[4] * b[3] + a[5] * b[6],
        a[3] * b[1] + a[4] * b[4] + a[5] * b[7],
        a[3] * b[2] + a[4] * b[5] + a[5] * b[8],
        a[6] * b[0] + a[7] * b[3] + a[8] * b[6],
        a[6] * b[1] + a[7] * b[4] + a[8] * b[7],
        a[6] * b[2] + a[7] * b[5] + a[8] * b[8],
    )


def _apply(m: Mat, v: Vec) -> Vec:
    return (
        m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
        m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
        m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
    )


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _norm(a: Vec) -> float:
    return math.sqrt(_dot(a, a))


def _spine_rot(angles: Angles, share: float) -> Mat:
    flex, side, twist = angles
    return _mul(_mul(_rz(-flex * share), _rx(side * share)), _ry(-twist * share))


def _limb_rot(angles: Angles, left: bool, *, flex_sign: float = 1.0) -> Mat:
    flex, abd, twist = angles
    side = -1.0 if left else 1.0
    return _mul(_mul(_rz(flex * flex_sign), _rx(abd * side)), _ry(twist * -side))


# ---------------------------------------------------------------------------
# Skeleton: forward kinematics and contacts
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class Skeleton:
    """World positions (cm) of every body point of one pose, and the frames that matter."""

    points: dict[str, Vec]
    pelvis_frame: Mat
    chest_frame: Mat
    head_frame: Mat
    spine_frames: tuple[Mat, ...]

    def contact_point(self, name: str) -> tuple[Vec, float]:
        """Where a contact point is, and the body's half-thickness there."""
        radius = CONTACT_POINTS[name]
        if name == "pelvis":
            return self.points["pelvis"], radius
        if name == "back":
            return self.points["spine3"], radius
        side, part = name[:2], name[2:]
        if part == "shin":
            knee, ankle = self.points[side + "knee"], self.points[side + "ankle"]
            return _scale(_add(knee, ankle), 0.5), radius
        if part == "side":
            return self.points[side + "hip"], radius
        if part == "foot":
            return self.points[side + "sole"], radius
        if part == "heel":
            return self.points[side + "heel_sole"], radius
        key = {"hand": "palm", "toe": "toe"}.get(part, part)
        return self.points[side + key], radius


def forward_kinematics(pose: Pose) -> Skeleton:
    """Every body point of `pose`, walking out from the pelvis (no contacts applied)."""
    pts: dict[str, Vec] = {}
    yaw, pitch, roll = pose.turn
    pelvis_m = _mul(_mul(_ry(yaw), _rz(pitch)), _ry(roll))
    root = pose.root
    pts["pelvis"] = root
    a = pose.angles
    # spine: two joints each for lumbar and thoracic so a bend reads as a curve
    frames: list[Mat] = [pelvis_m]
    pos = _add(root, _apply(pelvis_m, (0.0, SPINE_BASE, 0.0)))
    pts["spine0"] = pos
    m = pelvis_m
    spine = (("lumbar", LUMBAR / 2),) * 2 + (("thoracic", THORACIC / 2),) * 2
    for i, (joint, length) in enumerate(spine):
        m = _mul(m, _spine_rot(a[_INDEX[joint]], 0.5))
        pos = _add(pos, _apply(m, (0.0, length, 0.0)))
        pts[("spine1", "spine2", "spine3", "c7")[i]] = pos
        frames.append(m)
    chest_m = m
    neck_m = _mul(chest_m, _spine_rot(a[_INDEX["neck"]], 1.0))
    neck_top = _add(pts["c7"], _apply(neck_m, (0.0, NECK, 0.0)))
    pts["neck_top"] = neck_top
    pts["head"] = _add(neck_top, _apply(neck_m, (2.0, HEAD_RISE, 0.0)))
    pts["face"] = _add(pts["head"], _apply(neck_m, (HEAD_RADIUS, 0.0, 0.0)))
    for side, left in (("l_", True), ("r_", False)):
        z = SHOULDER_HALF if left else -SHOULDER_HALF
        shoulder = _add(pts["c7"], _apply(chest_m, (-1.0, -SHOULDER_DROP, z)))
        m_arm = _mul(chest_m, _limb_rot(a[_INDEX[side + "shoulder"]], left))
        elbow = _add(shoulder, _apply(m_arm, (0.0, -UPPER_ARM, 0.0)))
        m_fore = _mul(m_arm, _limb_rot(a[_INDEX[side + "elbow"]], left))
        wrist = _add(elbow, _apply(m_fore, (0.0, -FOREARM, 0.0)))
        m_hand = _mul(m_fore, _limb_rot(a[_INDEX[side + "wrist"]], left))
        pts[side + "shoulder"] = shoulder
        pts[side + "elbow"] = elbow
        pts[side + "wrist"] = wrist
        pts[side + "hand"] = _add(wrist, _apply(m_hand, (0.0, -HAND, 0.0)))
        pts[side + "palm"] = _add(wrist, _apply(m_hand, (0.0, -HAND * 0.55, 0.0)))
        hz = HIP_HALF if left else -HIP_HALF
        hip = _add(root, _apply(pelvis_m, (0.0, 0.0, hz)))
        m_thigh = _mul(pelvis_m, _limb_rot(a[_INDEX[side + "hip"]], left))
        knee = _add(hip, _apply(m_thigh, (0.0, -THIGH, 0.0)))
        m_shin = _mul(m_thigh, _limb_rot(a[_INDEX[side + "knee"]], left, flex_sign=-1.0))
        ankle = _add(knee, _apply(m_shin, (0.0, -SHIN, 0.0)))
        m_foot = _mul(m_shin, _limb_rot(a[_INDEX[side + "ankle"]], left, flex_sign=-1.0))
        pts[side + "hip"] = hip
        pts[side + "knee"] = knee
        pts[side + "ankle"] = ankle
        pts[side + "heel"] = _add(ankle, _apply(m_foot, (-HEEL_BACK, -ANKLE_HEIGHT + 2.5, 0.0)))
        pts[side + "heel_sole"] = _add(ankle, _apply(m_foot, (-HEEL_BACK + 1, -ANKLE_HEIGHT, 0.0)))
        pts[side + "toe"] = _add(ankle, _apply(m_foot, (TOE_FRONT, -ANKLE_HEIGHT + 1.5, 0.0)))
        pts[side + "sole"] = _add(ankle, _apply(m_foot, (TOE_FRONT * 0.4, -ANKLE_HEIGHT, 0.0)))
    return Skeleton(pts, pelvis_m, chest_m, neck_m, tuple(frames))


def _translate(skeleton: Skeleton, delta: Vec) -> None:
    pts = skeleton.points
    for key, value in pts.items():
        pts[key] = _add(value, delta)


def _two_bone(root: Vec, middle: Vec, target: Vec, first: float, second: float, hint: Vec) -> Vec:
    """The middle joint that puts the chain's end on `target`, bending the way it bent.

    A straight limb has no bending plane of its own: it bends towards `hint` (elbows
    back, knees forward), as a real one does.
    """
    to_target = _sub(target, root)
    d = _norm(to_target)
    d = min(max(d, abs(first - second) + 1e-6), first + second - 1e-6)
    length = _norm(to_target) or 1e-9
    u = _scale(to_target, 1.0 / length)
    bend = _sub(middle, root)
    perp = _sub(bend, _scale(u, _dot(bend, u)))
    perp_len = _norm(perp)
    if perp_len < 1e-3 * first:
        perp = _sub(hint, _scale(u, _dot(hint, u)))
        perp_len = _norm(perp) or 1.0
    v = _scale(perp, 1.0 / perp_len)
    along = (first * first - second * second + d * d) / (2 * d)
    height = math.sqrt(max(first * first - along * along, 0.0))
    return _add(root, _add(_scale(u, along), _scale(v, height)))


def solve(pose: Pose) -> Skeleton:
    """Forward kinematics, then the pose's contacts put back where they rest.

    Contacts on the trunk, knees, shins and elbows move the whole body (their mean
    error); contacts at a hand or foot bend that arm or leg (two-bone IK, keeping its
    bending plane and every bone length) and carry the hand or foot along unchanged.
    """
    skeleton = forward_kinematics(pose)
    if not pose.contacts:
        return skeleton
    anchored = [(name, target) for name, target in pose.contacts if name not in IK_CHAINS]
    if anchored:
        total = (0.0, 0.0, 0.0)
        for name, target in anchored:
            point, _ = skeleton.contact_point(name)
            total = _add(total, _sub(target, point))
        _translate(skeleton, _scale(total, 1.0 / len(anchored)))
    pts = skeleton.points
    done: set[str] = set()
    for name, target in pose.contacts:
        chain = IK_CHAINS.get(name)
        if chain is None or chain[2] in done:
            continue
        done.add(chain[2])
        point, _ = skeleton.contact_point(name)
        _reach(skeleton, name, _add(pts[chain[2]], _sub(target, point)))
    _keep_above_floor(skeleton, done)
    return skeleton


def _reach(skeleton: Skeleton, name: str, end_target: Vec) -> None:
    """Bend the limb `name` (an IK chain) so its end joint reaches `end_target`.

    The middle joint (knee or elbow) bends the way the body does: knees forward, elbows
    back; the hand or foot moves with the end joint, keeping its shape.
    """
    pts = skeleton.points
    root_j, mid_j, end_j, first, second = IK_CHAINS[name]
    frame = skeleton.chest_frame if mid_j.endswith("elbow") else skeleton.pelvis_frame
    forward = (frame[0], frame[3], frame[6])
    hint = _scale(forward, -1.0) if mid_j.endswith("elbow") else forward
    mid = _two_bone(pts[root_j], pts[mid_j], end_target, first, second, hint)
    direction = _sub(end_target, mid)
    end = _add(mid, _scale(direction, second / (_norm(direction) or 1e-9)))
    shift = _sub(end, pts[end_j])
    pts[mid_j] = mid
    for part in _CHAIN_PARTS[name]:
        pts[part] = _add(pts[part], shift)


_FREE_ENDS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    *((f"{s}_foot", (f"{s}_toe", f"{s}_heel_sole"), 0.0) for s in "lr"),
    *((f"{s}_hand", (f"{s}_palm",), CONTACT_POINTS[f"{s}_hand"]) for s in "lr"),
)


def _keep_above_floor(skeleton: Skeleton, done: set[str]) -> None:
    """Lift a free hand or foot that an in-between pose would push through the floor.

    Keyframes are checked when content loads; between two of them a foot leaving the
    floor (a step's push-off) could dip below it, so that limb bends just enough.
    """
    pts = skeleton.points
    for name, probes, radius in _FREE_ENDS:
        end_j = IK_CHAINS[name][2]
        if end_j in done:
            continue
        low = min(pts[p][1] for p in probes) - radius
        if low < 0.0:
            _reach(skeleton, name, _add(pts[end_j], (0.0, -low, 0.0)))


def lerp_angles(a: Angles, b: Angles, t: float) -> Angles:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def _lerp_turn(a: float, b: float, t: float) -> float:
    delta = (b - a + 180.0) % 360.0 - 180.0
    return a + delta * t


def _lerp_focus(a: float, b: float, t: float) -> float:
    """Attention travels on only: between a later and an earlier place there is none, so a
    scan that ends at the head starts afresh at the feet instead of sweeping back."""
    if a < 0 or b < 0 or (b < a and 0.0 < t < 1.0):
        return a if t <= 0.0 else b if t >= 1.0 else -1.0
    return a + (b - a) * t


def interpolate(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction `t` (already eased) of the way from `a` to `b`.

    The ends come back exactly as given, so a finished move lands on its keyframe;
    a contact held in both poses slides from one resting place to the other.
    """
    if t <= 0.0:
        return a
    if t >= 1.0:
        return b
    root = tuple(x + (y - x) * t for x, y in zip(a.root, b.root, strict=True))
    turn = tuple(_lerp_turn(x, y, t) for x, y in zip(a.turn, b.turn, strict=True))
    angles = tuple(lerp_angles(x, y, t) for x, y in zip(a.angles, b.angles, strict=True))
    targets_b = dict(b.contacts)
    # A contact held in both slides along its surface; a foot that changes height (going
    # up a step) is lifted and set down instead, so it never rests on thin air. A hand
    # keeps sliding when its height changes: it runs along a sloping rail, which is straight.
    contacts = tuple(
        (name, tuple(p + (q - p) * t for p, q in zip(target, targets_b[name], strict=True)))
        for name, target in a.contacts
        if name in targets_b
        and (abs(target[1] - targets_b[name][1]) < 0.5 or name.endswith("_hand"))
    )
    return Pose(
        (root[0], root[1], root[2]),
        (turn[0], turn[1], turn[2]),
        angles,
        contacts,  # type: ignore[arg-type]
        a.breath + (b.breath - a.breath) * t,
        _lerp_focus(a.focus, b.focus, t),
        a.flipped,
    )


def ease(kind: str, t: float) -> float:
    """Easing of a move on [0, 1]; "in_out" starts and ends at rest, so moves look unhurried."""
    t = min(1.0, max(0.0, t))
    if kind == "linear":
        return t
    if kind == "in":
        return 1.0 - math.cos(math.pi * t / 2)
    if kind == "out":
        return math.sin(math.pi * t / 2)
    return (1.0 - math.cos(math.pi * t)) / 2.0


EASINGS: tuple[str, ...] = ("in_out", "linear", "in", "out")
