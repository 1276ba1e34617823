"""Exercises: bilingual text, doses per level, and the stick-figure poses that illustrate them."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from html import escape
from typing import Any, NamedTuple

from rugdiary.core.diary import ValidationError, reject_unknown

# ---------------------------------------------------------------------------
# Small shared types
# ---------------------------------------------------------------------------


class Level(StrEnum):
    """How hard a dose is; a person moves between levels, never skips one."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    def up(self) -> Level | None:
        """The next harder level, or None at the top."""
        order = list(Level)
        i = order.index(self)
        return order[i + 1] if i + 1 < len(order) else None

    def down(self) -> Level | None:
        """The next easier level, or None at the bottom."""
        order = list(Level)
        i = order.index(self)
        return order[i - 1] if i > 0 else None


class Group(StrEnum):
    """The five families of exercises in the library (CLINICAL.md §1 A-E)."""

    CORE_STABILITY = "core_stability"
    STRENGTHENING = "strengthening"
    MOBILITY = "mobility"
    BREATHING = "breathing"
    MOVEMENT = "movement"


LANGUAGES: tuple[str, ...] = ("en", "nl")


@dataclass(frozen=True, slots=True)
class Text:
    """One piece of user-facing text in every language the app ships.

    Kept as a pair rather than a dict so a missing translation is a construction
    error, not a blank label discovered by a Dutch user.
    """

    en: str
    nl: str

    def __post_init__(self) -> None:
        for lang in LANGUAGES:
            value = getattr(self, lang)
            if not isinstance(value, str) or not value.strip():
                raise ValidationError(lang, "must be non-empty text")

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to English for a language the app does not ship."""
        return self.nl if lang == "nl" else self.en

    def to_dict(self) -> dict[str, str]:
        return {"en": self.en, "nl": self.nl}

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Text:
        """Parse `{"en": ..., "nl": ...}`, naming `path` (e.g. ``steps[2].nl``) on error."""
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object with 'en' and 'nl' text")
        extra = sorted(set(data) - set(LANGUAGES))
        if extra:
            raise ValidationError(f"{path}.{extra[0]}", "is not a supported language")
        for lang in LANGUAGES:
            value = data.get(lang)
            if not isinstance(value, str) or not value.strip():
                raise ValidationError(f"{path}.{lang}", "must be non-empty text")
        return cls(en=data["en"], nl=data["nl"])


# ---------------------------------------------------------------------------
# Dose
# ---------------------------------------------------------------------------


class DoseMode(StrEnum):
    """How one repetition is timed; decides the cue, the countdown and the animation."""

    HOLD = "hold"  # keep a position still for hold_s seconds (bird dog, bridge)
    REPS = "reps"  # move through a repetition at tempo_s seconds each (squat, cat-camel)
    TIMED = "timed"  # keep going for duration_s seconds (walking, breathing)


# Upper bounds keep a typo ("600" reps) from producing a four-hour session.
_DOSE_LIMITS: dict[str, tuple[int, int]] = {
    "reps": (1, 100),
    "sets": (1, 20),
    "hold_s": (1, 600),
    "tempo_s": (1, 60),
    "duration_s": (1, 4 * 3600),
    "rest_s": (0, 600),
    "set_rest_s": (0, 900),
}
_WORK_FIELDS: tuple[str, ...] = ("hold_s", "tempo_s", "duration_s")


@dataclass(frozen=True, slots=True)
class Dose:
    """How much of one exercise to do, in a shape that covers holds, reps and timed work.

    A set is `reps` repetitions separated by `rest_s`; each repetition lasts
    `hold_s` (a still hold), `tempo_s` (a moving rep) or `duration_s` (continuous
    work): exactly one of the three is non-zero. With `per_side` the reps are done
    on the left, then (after a switch) on the right, within every set. Sets are
    separated by `set_rest_s`. Everything is whole seconds so timelines add up exactly.
    """

    reps: int = 1
    sets: int = 1
    hold_s: int = 0
    tempo_s: int = 0
    duration_s: int = 0
    rest_s: int = 0
    set_rest_s: int = 0
    per_side: bool = False

    def __post_init__(self) -> None:
        for name, (low, high) in _DOSE_LIMITS.items():
            value = getattr(self, name)
            low_here = 0 if name in _WORK_FIELDS else low
            _check_int(name, value, low_here, high)
        active = [name for name in _WORK_FIELDS if getattr(self, name) > 0]
        if len(active) != 1:
            raise ValidationError(
                "hold_s", "exactly one of hold_s, tempo_s or duration_s must be above 0"
            )
        if not isinstance(self.per_side, bool):
            raise ValidationError("per_side", "must be true or false")

    @property
    def mode(self) -> DoseMode:
        if self.hold_s:
            return DoseMode.HOLD
        if self.tempo_s:
            return DoseMode.REPS
        return DoseMode.TIMED

    @property
    def work_s(self) -> int:
        """Seconds of one repetition."""
        return self.hold_s or self.tempo_s or self.duration_s

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1

    def total_s(self, switch_sides_s: int) -> int:
        """Seconds the dose takes in the player, from the first rep to the last.

        Written as a closed formula (not by walking the timeline) so tests can
        check the timeline builder against an independent computation.
        """
        side_block = self.reps * self.work_s + (self.reps - 1) * self.rest_s
        one_set = self.sides * side_block + (self.sides - 1) * switch_sides_s
        return self.sets * one_set + (self.sets - 1) * self.set_rest_s

    def scaled(self, factor: float) -> Dose:
        """A lighter (or heavier) dose: reps and the seconds of work times `factor`.

        CLINICAL.md §2 answers a red pain response with "cut reps or holds by
        about 25%", i.e. ``dose.scaled(0.75)``. Never drops below one rep or one second.
        """
        if factor <= 0:
            raise ValidationError("factor", "must be above 0")

        def scale(value: int) -> int:
            return max(1, round(value * factor)) if value else 0

        return replace(
            self,
            reps=min(scale(self.reps), _DOSE_LIMITS["reps"][1]),
            hold_s=min(scale(self.hold_s), _DOSE_LIMITS["hold_s"][1]),
            duration_s=min(scale(self.duration_s), _DOSE_LIMITS["duration_s"][1]),
        )

    def to_dict(self) -> dict[str, Any]:
        """Only the fields that matter for this dose, so content files stay readable."""
        out: dict[str, Any] = {"reps": self.reps, "sets": self.sets, "per_side": self.per_side}
        for name in (*_WORK_FIELDS, "rest_s", "set_rest_s"):
            value = getattr(self, name)
            if value:
                out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str = "dose") -> Dose:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object")
        known = {f.name for f in fields(cls)}
        reject_unknown(data, known, "is not a dose field", path)
        for name in ("reps", "sets"):
            if name not in data:
                raise ValidationError(f"{path}.{name}", "is required")
        try:
            return cls(**dict(data))
        except ValidationError as error:
            raise _nested(error, path) from None

    def merged(self, changes: Mapping[str, Any], path: str) -> Dose:
        """This dose with some fields replaced, e.g. a programme's ``{"reps": 6}``.

        Setting one of hold_s/tempo_s/duration_s clears the other two, so a
        programme can turn a timed exercise into a hold without listing zeros.
        """
        if not isinstance(changes, Mapping):
            raise ValidationError(path, "must be an object")
        base = {f.name: getattr(self, f.name) for f in fields(self)}
        if any(name in changes for name in _WORK_FIELDS):
            for name in _WORK_FIELDS:
                base[name] = 0
        reject_unknown(changes, base, "is not a dose field", path)
        base.update(changes)
        try:
            return Dose(**base)
        except ValidationError as error:
            raise _nested(error, path) from None


@dataclass(frozen=True, slots=True)
class Doses:
    """The dose at each of the three levels; every exercise has all three."""

    beginner: Dose
    intermediate: Dose
    advanced: Dose

    def for_level(self, level: Level) -> Dose:
        result: Dose = getattr(self, level.value)
        return result

    def to_dict(self) -> dict[str, Any]:
        return {level.value: self.for_level(level).to_dict() for level in Level}

    @classmethod
    def from_dict(cls, data: Any, path: str = "dose") -> Doses:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object with beginner, intermediate, advanced")
        reject_unknown(data, {level.value for level in Level}, "is not a level", path)
        parsed: dict[str, Dose] = {}
        for level in Level:
            if level.value not in data:
                raise ValidationError(f"{path}.{level.value}", "is required")
            parsed[level.value] = Dose.from_dict(data[level.value], f"{path}.{level.value}")
        return cls(**parsed)


# ---------------------------------------------------------------------------
# Pose model and forward kinematics
# ---------------------------------------------------------------------------

# Segment lengths in body units: a standing figure is about 0.94 tall. Rough
# adult proportions, simplified so a person on hands and knees has a level back.
HEAD_NECK = 0.07
HEAD_RADIUS = 0.06
TRUNK = 0.30
UPPER_ARM = 0.15
FOREARM = 0.15
THIGH = 0.25
SHIN = 0.26
LIMB_STROKE = 0.045
TRUNK_STROKE = 0.07

ANGLE_FIELDS: tuple[str, ...] = (
    "trunk",
    "head",
    "near_upper_arm",
    "near_forearm",
    "far_upper_arm",
    "far_forearm",
    "near_thigh",
    "near_shin",
    "far_thigh",
    "far_shin",
)


class Point(NamedTuple):
    """A point in body units: x to the right (the way the figure faces), y up from the floor."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Pose:
    """One key pose of the side-view stick figure.

    The root is the hip, placed at (x, y) in body units with the floor at y = 0.
    Every segment has an absolute direction in degrees: 0 points straight up, 90
    forward (the way the figure faces, +x), 180 straight down, -90 backwards.
    Absolute directions (rather than angles relative to the parent) keep hands
    and knees that rest on the floor in place when the trunk moves, which is
    what most floor exercises look like; joint angles are their differences.
    "Near" limbs are the ones closer to the viewer and are drawn in front.
    """

    x: float
    y: float
    trunk: float
    head: float
    near_upper_arm: float
    near_forearm: float
    far_upper_arm: float
    far_forearm: float
    near_thigh: float
    near_shin: float
    far_thigh: float
    far_shin: float

    def __post_init__(self) -> None:
        for name in ("x", "y", *ANGLE_FIELDS):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValidationError(name, "must be a number")
            if not math.isfinite(value):
                raise ValidationError(name, "must be a finite number")
        if not -3 <= self.x <= 3 or not -1 <= self.y <= 3:
            raise ValidationError("root", "lies too far from the floor mark")

    def mirrored(self) -> Pose:
        """The same pose done on the other side: near and far limbs trade places."""
        return replace(
            self,
            near_upper_arm=self.far_upper_arm,
            near_forearm=self.far_forearm,
            far_upper_arm=self.near_upper_arm,
            far_forearm=self.near_forearm,
            near_thigh=self.far_thigh,
            near_shin=self.far_shin,
            far_thigh=self.near_thigh,
            far_shin=self.near_shin,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "root": [self.x, self.y],
            "trunk": self.trunk,
            "head": self.head,
            "arm_near": [self.near_upper_arm, self.near_forearm],
            "arm_far": [self.far_upper_arm, self.far_forearm],
            "leg_near": [self.near_thigh, self.near_shin],
            "leg_far": [self.far_thigh, self.far_shin],
        }

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Pose:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object")
        keys = {"root", "trunk", "head", "arm_near", "arm_far", "leg_near", "leg_far"}
        reject_unknown(data, keys, "is not a pose field", path)
        for key in sorted(keys):
            if key not in data:
                raise ValidationError(f"{path}.{key}", "is required")
        pairs: dict[str, tuple[Any, Any]] = {}
        for key in ("root", "arm_near", "arm_far", "leg_near", "leg_far"):
            value = data[key]
            if not isinstance(value, list) or len(value) != 2:
                raise ValidationError(f"{path}.{key}", "must be a list of two numbers")
            pairs[key] = (value[0], value[1])
        try:
            return cls(
                x=pairs["root"][0],
                y=pairs["root"][1],
                trunk=data["trunk"],
                head=data["head"],
                near_upper_arm=pairs["arm_near"][0],
                near_forearm=pairs["arm_near"][1],
                far_upper_arm=pairs["arm_far"][0],
                far_forearm=pairs["arm_far"][1],
                near_thigh=pairs["leg_near"][0],
                near_shin=pairs["leg_near"][1],
                far_thigh=pairs["leg_far"][0],
                far_shin=pairs["leg_far"][1],
            )
        except ValidationError as error:
            raise _nested(error, path) from None


@dataclass(frozen=True, slots=True)
class Joints:
    """Where every joint of a pose lies, in body units."""

    hip: Point
    neck: Point
    head: Point
    near_elbow: Point
    near_hand: Point
    far_elbow: Point
    far_hand: Point
    near_knee: Point
    near_ankle: Point
    far_knee: Point
    far_ankle: Point

    def items(self) -> Iterator[tuple[str, Point]]:
        for f in fields(self):
            yield f.name, getattr(self, f.name)


def _direction(angle_deg: float) -> tuple[float, float]:
    rad = math.radians(angle_deg)
    return math.sin(rad), math.cos(rad)


def _along(start: Point, angle_deg: float, length: float) -> Point:
    dx, dy = _direction(angle_deg)
    return Point(start.x + dx * length, start.y + dy * length)


def forward_kinematics(pose: Pose) -> Joints:
    """Joint positions of `pose`: walk from the hip out along each segment."""
    hip = Point(pose.x, pose.y)
    neck = _along(hip, pose.trunk, TRUNK)
    near_elbow = _along(neck, pose.near_upper_arm, UPPER_ARM)
    far_elbow = _along(neck, pose.far_upper_arm, UPPER_ARM)
    near_knee = _along(hip, pose.near_thigh, THIGH)
    far_knee = _along(hip, pose.far_thigh, THIGH)
    return Joints(
        hip=hip,
        neck=neck,
        head=_along(neck, pose.head, HEAD_NECK),
        near_elbow=near_elbow,
        near_hand=_along(near_elbow, pose.near_forearm, FOREARM),
        far_elbow=far_elbow,
        far_hand=_along(far_elbow, pose.far_forearm, FOREARM),
        near_knee=near_knee,
        near_ankle=_along(near_knee, pose.near_shin, SHIN),
        far_knee=far_knee,
        far_ankle=_along(far_knee, pose.far_shin, SHIN),
    )


def ease_in_out(t: float) -> float:
    """Cosine easing on [0, 1]: starts and ends at rest, so movements look unhurried."""
    t = min(1.0, max(0.0, t))
    return (1.0 - math.cos(math.pi * t)) / 2.0


def _lerp_angle(a: float, b: float, t: float) -> float:
    # Take the short way round, so 170 -> -170 turns 20 degrees and not 340;
    # the ends are returned as given so a finished move lands exactly on its key pose.
    if t <= 0.0:
        return a
    if t >= 1.0:
        return b
    delta = (b - a + 180.0) % 360.0 - 180.0
    return a + delta * t


def interpolate(a: Pose, b: Pose, t: float, *, eased: bool = True) -> Pose:
    """The pose a fraction `t` of the way from `a` to `b` (clamped to [0, 1])."""
    t = min(1.0, max(0.0, t))
    if eased:
        t = ease_in_out(t)
    values: dict[str, float] = {
        "x": a.x + (b.x - a.x) * t,
        "y": a.y + (b.y - a.y) * t,
    }
    for name in ANGLE_FIELDS:
        values[name] = _lerp_angle(getattr(a, name), getattr(b, name), t)
    return Pose(**values)


# ---------------------------------------------------------------------------
# Figure: the poses of one exercise, its props, and how it moves
# ---------------------------------------------------------------------------


class PropKind(StrEnum):
    """Furniture drawn with the figure so a chair squat does not look like sitting on air."""

    CHAIR = "chair"
    STOOL = "stool"
    STEP = "step"
    CUSHION = "cushion"
    BAG = "bag"


CHAIR_BACK = 0.28
"""How far a chair's backrest rises above its seat, in body units."""


@dataclass(frozen=True, slots=True)
class Prop:
    """A prop as a box: left edge x, bottom y, width w, height h (body units).

    A bag hangs from the near hand instead (x and y are ignored), so it travels
    with the figure during a carry.
    """

    kind: PropKind
    w: float
    h: float
    x: float = 0.0
    y: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.kind, PropKind):
            raise ValidationError("kind", f"must be one of {', '.join(PropKind)}")
        for name in ("x", "y", "w", "h"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValidationError(name, "must be a number")
        if not 0 < self.w <= 2 or not 0 < self.h <= 2:
            raise ValidationError("w", "width and height must be above 0 and at most 2")

    def box(self, joints: Joints) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of everything drawn for this prop."""
        if self.kind is PropKind.BAG:
            hand = joints.near_hand
            return (hand.x - self.w / 2, hand.y - self.h, hand.x + self.w / 2, hand.y)
        top = self.y + self.h + (CHAIR_BACK if self.kind is PropKind.CHAIR else 0.0)
        return (self.x, self.y, self.x + self.w, top)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "w": self.w, "h": self.h}
        if self.kind is not PropKind.BAG:
            out.update(x=self.x, y=self.y)
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Prop:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object")
        reject_unknown(data, {"kind", "x", "y", "w", "h"}, "is not a prop field", path)
        try:
            kind = PropKind(str(data.get("kind")))
        except ValueError:
            raise ValidationError(f"{path}.kind", f"must be one of {', '.join(PropKind)}") from None
        try:
            return cls(
                kind=kind,
                w=data.get("w", 0),
                h=data.get("h", 0),
                x=data.get("x", 0.0),
                y=data.get("y", 0.0),
            )
        except ValidationError as error:
            raise _nested(error, path) from None


class Motion(StrEnum):
    """How the figure moves during one phase of the player."""

    STILL = "still"  # show the start pose (get ready, between exercises)
    HOLD = "hold"  # ease into the work pose, then stay there
    RELEASE = "release"  # ease from the work pose back to the start pose, then stay
    REP = "rep"  # start -> work -> start over the phase
    CYCLE = "cycle"  # swing between start and work every cycle_s (walking, breathing)


MOVE_S = 1.5
"""Seconds to move into or out of a held pose; short phases use half their length."""

POSITIONS: tuple[str, ...] = (
    "standing",
    "seated",
    "supine",
    "prone",
    "side_lying",
    "hands_knees",
    "kneeling",
)


@dataclass(frozen=True, slots=True)
class Figure:
    """The drawing of one exercise: named key poses (at least start and work), props, rhythm."""

    position: str
    poses: tuple[tuple[str, Pose], ...]
    cycle_s: float = 4.0
    props: tuple[Prop, ...] = ()

    def __post_init__(self) -> None:
        if self.position not in POSITIONS:
            raise ValidationError("position", f"must be one of {', '.join(POSITIONS)}")
        names = [name for name, _ in self.poses]
        for required in ("start", "work"):
            if required not in names:
                raise ValidationError(f"poses.{required}", "is required")
        if len(set(names)) != len(names):
            raise ValidationError("poses", "pose names must be unique")
        if (
            isinstance(self.cycle_s, bool)
            or not isinstance(self.cycle_s, (int, float))
            or not 0.5 <= self.cycle_s <= 60
        ):
            raise ValidationError("cycle_s", "must be a number of seconds from 0.5 to 60")

    def pose(self, name: str) -> Pose:
        for key, pose in self.poses:
            if key == name:
                return pose
        raise KeyError(name)

    @property
    def start(self) -> Pose:
        return self.pose("start")

    @property
    def work(self) -> Pose:
        return self.pose("work")

    def pose_at(
        self, motion: Motion, elapsed_s: float, duration_s: float, *, mirrored: bool = False
    ) -> Pose:
        """The pose to draw `elapsed_s` into a phase of `duration_s` moving as `motion`.

        Pure, so the player widget can call it on every frame and a test can
        check any instant; `mirrored` draws the right side.
        """
        start, work = self.start, self.work
        if mirrored:
            start, work = start.mirrored(), work.mirrored()
        duration_s = max(duration_s, 1e-9)
        elapsed_s = min(max(elapsed_s, 0.0), duration_s)
        move_s = min(MOVE_S, duration_s / 2)
        if motion is Motion.STILL:
            return start
        if motion is Motion.HOLD:
            return interpolate(start, work, elapsed_s / move_s)
        if motion is Motion.RELEASE:
            return interpolate(work, start, elapsed_s / move_s)
        if motion is Motion.REP:
            half = duration_s / 2
            if elapsed_s <= half:
                return interpolate(start, work, elapsed_s / half)
            return interpolate(work, start, (elapsed_s - half) / half)
        phase = (elapsed_s % self.cycle_s) / self.cycle_s
        if phase <= 0.5:
            return interpolate(start, work, phase * 2)
        return interpolate(work, start, phase * 2 - 1)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "position": self.position,
            "cycle_s": self.cycle_s,
            "poses": {name: pose.to_dict() for name, pose in self.poses},
        }
        if self.props:
            out["props"] = [prop.to_dict() for prop in self.props]
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str = "figure") -> Figure:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object")
        reject_unknown(
            data, {"position", "poses", "cycle_s", "props"}, "is not a figure field", path
        )
        poses_data = data.get("poses")
        if not isinstance(poses_data, Mapping) or not poses_data:
            raise ValidationError(f"{path}.poses", "must be an object of named poses")
        poses = tuple(
            (str(name), Pose.from_dict(value, f"{path}.poses.{name}"))
            for name, value in poses_data.items()
        )
        props_data = data.get("props", [])
        if not isinstance(props_data, list):
            raise ValidationError(f"{path}.props", "must be a list")
        props = tuple(Prop.from_dict(p, f"{path}.props[{i}]") for i, p in enumerate(props_data))
        try:
            return cls(
                position=data.get("position", ""),
                poses=poses,
                cycle_s=data.get("cycle_s", 4.0),
                props=props,
            )
        except ValidationError as error:
            raise _nested(error, path) from None


# ---------------------------------------------------------------------------
# Placing a figure in a fixed frame, and SVG
# ---------------------------------------------------------------------------

VIEW_W = 240.0
VIEW_H = 160.0
VIEW_MARGIN = 8.0
MAX_SCALE = 125.0
"""View units per body unit at most: the same size for every exercise unless it does not fit."""


@dataclass(frozen=True, slots=True)
class Frame:
    """Maps body units to a fixed viewBox (y flipped: SVG y grows downwards)."""

    scale: float
    offset_x: float
    offset_y: float
    width: float = VIEW_W
    height: float = VIEW_H

    def to_view(self, point: Point) -> Point:
        return Point(self.offset_x + point.x * self.scale, self.offset_y - point.y * self.scale)


def drawn_box(figure: Figure, pose: Pose) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of everything drawn for `pose`, strokes and props included."""
    joints = forward_kinematics(pose)
    pad = TRUNK_STROKE / 2
    xs: list[float] = []
    ys: list[float] = []
    for name, point in joints.items():
        reach = HEAD_RADIUS + LIMB_STROKE / 2 if name == "head" else pad
        xs += [point.x - reach, point.x + reach]
        ys += [point.y - reach, point.y + reach]
    for prop in figure.props:
        left, bottom, right, top = prop.box(joints)
        xs += [left - LIMB_STROKE / 2, right + LIMB_STROKE / 2]
        ys += [bottom - LIMB_STROKE / 2, top + LIMB_STROKE / 2]
    return min(xs), min(ys), max(xs), max(ys)


def fit_frame(figure: Figure) -> Frame:
    """One frame for all poses of a figure, both sides, so animation never rescales.

    The floor (y = 0) is always in view so the figure visibly rests on something.
    """
    boxes = [
        drawn_box(figure, variant)
        for _, pose in figure.poses
        for variant in (pose, pose.mirrored())
    ]
    left = min(b[0] for b in boxes)
    bottom = min(min(b[1] for b in boxes), 0.0)
    right = max(b[2] for b in boxes)
    top = max(b[3] for b in boxes)
    usable_w = VIEW_W - 2 * VIEW_MARGIN
    usable_h = VIEW_H - 2 * VIEW_MARGIN
    scale = min(MAX_SCALE, usable_w / (right - left), usable_h / (top - bottom))
    offset_x = VIEW_W / 2 - (left + right) / 2 * scale
    offset_y = VIEW_H / 2 + (bottom + top) / 2 * scale
    return Frame(scale=scale, offset_x=offset_x, offset_y=offset_y)


@dataclass(frozen=True, slots=True)
class FigureStyle:
    """Colours for the SVG; explicit values (not currentColor) so PDF renderers agree."""

    near: str = "#2f5d62"
    far: str = "#8fb3b0"
    floor: str = "#c9c3b8"
    prop: str = "#b8a98f"
    background: str | None = None


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def render_svg(
    figure: Figure,
    pose: Pose,
    *,
    frame: Frame | None = None,
    title: str = "",
    style: FigureStyle | None = None,
) -> str:
    """A standalone SVG of `pose` in the figure's fixed frame, for the library and the report."""
    frame = frame if frame is not None else fit_frame(figure)
    style = style if style is not None else FigureStyle()
    joints = forward_kinematics(pose)
    s = frame.scale

    def pt(point: Point) -> str:
        view = frame.to_view(point)
        return f"{_fmt(view.x)},{_fmt(view.y)}"

    def line(points: list[Point], colour: str, width: float) -> str:
        return (
            f'<polyline points="{" ".join(pt(p) for p in points)}" fill="none" '
            f'stroke="{colour}" stroke-width="{_fmt(width * s)}" '
            'stroke-linecap="round" stroke-linejoin="round"/>'
        )

    def rect(left: float, bottom: float, right: float, top: float, fill: str) -> str:
        corner = frame.to_view(Point(left, top))
        return (
            f'<rect x="{_fmt(corner.x)}" y="{_fmt(corner.y)}" width="{_fmt((right - left) * s)}" '
            f'height="{_fmt((top - bottom) * s)}" rx="{_fmt(0.015 * s)}" fill="{fill}"/>'
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_fmt(frame.width)} '
        f'{_fmt(frame.height)}" width="{_fmt(frame.width)}" height="{_fmt(frame.height)}" '
        'role="img">'
    ]
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    if style.background:
        parts.append(
            f'<rect width="{_fmt(frame.width)}" height="{_fmt(frame.height)}" '
            f'fill="{style.background}"/>'
        )
    floor_y = _fmt(frame.to_view(Point(0, 0)).y)
    parts.append(
        f'<line x1="{_fmt(VIEW_MARGIN / 2)}" y1="{floor_y}" '
        f'x2="{_fmt(frame.width - VIEW_MARGIN / 2)}"'
        f' y2="{floor_y}" stroke="{style.floor}" stroke-width="{_fmt(0.02 * s)}"'
        ' stroke-linecap="round"/>'
    )
    # Furniture stands behind the figure; a carried bag hangs in front of it.
    for prop in figure.props:
        if prop.kind is PropKind.BAG:
            continue
        left, bottom, right, top = prop.box(joints)
        if prop.kind in (PropKind.CHAIR, PropKind.STOOL):
            seat = prop.y + prop.h
            back_x, front_x = left + 0.02, right - 0.02
            parts.append(rect(left, seat - 0.03, right, seat, style.prop))
            parts.append(line([Point(back_x, seat), Point(back_x, bottom)], style.prop, 0.025))
            parts.append(line([Point(front_x, seat), Point(front_x, bottom)], style.prop, 0.025))
            if prop.kind is PropKind.CHAIR:
                parts.append(line([Point(back_x, seat), Point(back_x, top)], style.prop, 0.03))
        else:
            parts.append(rect(left, bottom, right, top, style.prop))
    body = [
        ([joints.far_hand, joints.far_elbow, joints.neck], style.far, LIMB_STROKE),
        ([joints.hip, joints.far_knee, joints.far_ankle], style.far, LIMB_STROKE),
        ([joints.hip, joints.neck], style.near, TRUNK_STROKE),
        ([joints.hip, joints.near_knee, joints.near_ankle], style.near, LIMB_STROKE),
        ([joints.neck, joints.near_elbow, joints.near_hand], style.near, LIMB_STROKE),
    ]
    for points, colour, width in body:
        parts.append(line(points, colour, width))
    for prop in figure.props:
        if prop.kind is PropKind.BAG:
            parts.append(rect(*prop.box(joints), style.prop))
    head = frame.to_view(joints.head)
    parts.append(
        f'<circle cx="{_fmt(head.x)}" cy="{_fmt(head.y)}" r="{_fmt(HEAD_RADIUS * s)}" '
        f'fill="{style.near}"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------------------
# Exercise
# ---------------------------------------------------------------------------

_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
MAX_STEPS = 8
_TEXT_FIELDS: tuple[str, ...] = ("name", "start", "easier", "harder", "mistake", "safety")


def check_id(value: Any, field_name: str = "id") -> str:
    """A slug id ("bird-dog"): a-z, digits and dashes, so it is safe as a file name and a key."""
    if (
        not isinstance(value, str)
        or not value
        or len(value) > 64
        or not set(value) <= _ID_CHARS
        or value.startswith("-")
        or value.endswith("-")
    ):
        raise ValidationError(field_name, "must be a slug like 'bird-dog' (a-z, 0-9 and dashes)")
    return value


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise of the library, built in or added by the user.

    A user's own exercise (prescribed by a physiotherapist) may carry a picture
    file instead of a figure; built-in ones always have a figure.
    """

    id: str
    name: Text
    group: Group
    start: Text
    steps: tuple[Text, ...]
    doses: Doses
    easier: Text
    harder: Text
    mistake: Text
    safety: Text
    figure: Figure | None = None
    picture: str | None = None
    builtin: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        check_id(self.id)
        if not isinstance(self.group, Group):
            raise ValidationError("group", f"must be one of {', '.join(Group)}")
        if not 1 <= len(self.steps) <= MAX_STEPS:
            raise ValidationError("steps", f"needs 1 to {MAX_STEPS} steps")
        if self.picture is not None and (not isinstance(self.picture, str) or not self.picture):
            raise ValidationError("picture", "must be a file name")

    def dose(self, level: Level) -> Dose:
        return self.doses.for_level(level)

    def texts(self) -> Iterator[tuple[str, Text]]:
        """Every user-facing text with its field path, for the wording check and translators."""
        for name in _TEXT_FIELDS:
            yield name, getattr(self, name)
        for i, step in enumerate(self.steps):
            yield f"steps[{i}]", step

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name.to_dict(),
            "group": self.group.value,
            "start": self.start.to_dict(),
            "steps": [step.to_dict() for step in self.steps],
            "dose": self.doses.to_dict(),
            "easier": self.easier.to_dict(),
            "harder": self.harder.to_dict(),
            "mistake": self.mistake.to_dict(),
            "safety": self.safety.to_dict(),
        }
        if self.figure is not None:
            out["figure"] = self.figure.to_dict()
        if self.picture is not None:
            out["picture"] = self.picture
        return out

    @classmethod
    def from_dict(cls, data: Any, *, builtin: bool = False) -> Exercise:
        """Parse and validate an exercise; errors name the field path (``dose.beginner.reps``)."""
        if not isinstance(data, Mapping):
            raise ValidationError("exercise", "must be an object")
        allowed = {"id", "group", "steps", "dose", "figure", "picture", *_TEXT_FIELDS}
        reject_unknown(data, allowed, "is not an exercise field")
        required = ["id", "group", "steps", "dose", *_TEXT_FIELDS]
        if builtin:
            required.append("figure")
        for name in required:
            if name not in data:
                raise ValidationError(name, "is required")
        try:
            group = Group(data["group"])
        except ValueError:
            raise ValidationError("group", f"must be one of {', '.join(Group)}") from None
        steps_data = data["steps"]
        if not isinstance(steps_data, list):
            raise ValidationError("steps", "must be a list")
        texts = {name: Text.from_dict(data[name], name) for name in _TEXT_FIELDS}
        figure = Figure.from_dict(data["figure"]) if data.get("figure") is not None else None
        return cls(
            id=check_id(data["id"]),
            group=group,
            steps=tuple(Text.from_dict(s, f"steps[{i}]") for i, s in enumerate(steps_data)),
            doses=Doses.from_dict(data["dose"]),
            figure=figure,
            picture=data.get("picture"),
            builtin=builtin,
            **texts,
        )


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _check_int(name: str, value: Any, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, f"must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise ValidationError(name, f"must be from {low} to {high}, not {value}")


def _nested(error: ValidationError, path: str) -> ValidationError:
    """Re-home an error raised by a nested constructor under the caller's field path."""
    if error.field == path or error.field.startswith(path + "."):
        return error
    return ValidationError(f"{path}.{error.field}", error.message)
