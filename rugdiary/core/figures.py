"""An exercise's figure: keyframes of the body, its props and camera, and how it moves in time."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rugdiary.core.body import (
    CONTACT_POINTS,
    EASINGS,
    IK_CHAINS,
    JOINTS,
    ZERO,
    Angles,
    Pose,
    Skeleton,
    Vec,
    ease,
    forward_kinematics,
    interpolate,
    parse_joints,
    solve,
)
from rugdiary.core.diary import ValidationError, reject_unknown

CONTACT_TOLERANCE_CM = 1.0
"""A declared contact must lie this close to the floor or its prop, in every frame."""

# ---------------------------------------------------------------------------
# Props: boxes in world cm, at body scale
# ---------------------------------------------------------------------------


class PropKind(StrEnum):
    """Things drawn with the figure so a chair squat does not look like sitting on air."""

    CHAIR = "chair"
    STOOL = "stool"
    STEP = "step"
    CUSHION = "cushion"
    BAG = "bag"
    MAT = "mat"
    WALL = "wall"
    RAIL = "rail"  # a handrail: x to x + w long, its top h above y (rising by `rise`), posts


CHAIR_BACK = 45.0
"""How far a chair's backrest rises above its seat (cm)."""
BAG_HANDLE = 10.0
"""How far a bag's handle reaches above its body to the hand, within the bag's height (cm):
firm, a suitcase's, not a shopping bag's long straps, yet tall enough that its two ends show
below the fist (at 5 cm the fist hid it, and a blind rater saw "a box with no handle")."""
BAG_GRIP_HALF = 7.0
"""Half the width of the bag's handle, the grip across the fist (cm)."""
BAG_SEAM_SHARE = 0.22
"""Where the lid's seam runs round the case, as a share of its height from the top."""
BREATH_CM = 9.0
"""How far the front of the belly rises (cm) at a full breath in (breath 1), its back
staying on the mat, unless a figure says otherwise (Figure.breath_cm): larger than life, so
the rise reads on a small picture."""

_DEFAULT_DEPTH = {
    PropKind.CHAIR: 44.0,
    PropKind.STOOL: 40.0,
    PropKind.STEP: 90.0,
    PropKind.CUSHION: 40.0,
    PropKind.BAG: 14.0,
    PropKind.MAT: 60.0,
    PropKind.WALL: 160.0,
    PropKind.RAIL: 4.0,
}
SUPPORTS = (
    PropKind.CHAIR,
    PropKind.STOOL,
    PropKind.STEP,
    PropKind.CUSHION,
    PropKind.MAT,
    PropKind.RAIL,
)

Box = tuple[float, float, float, float, float, float]
"""(x0, y0, z0, x1, y1, z1) in world cm."""


@dataclass(frozen=True, slots=True)
class Prop:
    """A prop as a box: x is its low-x edge, y its bottom, z its middle (cm).

    A bag hangs from a hand instead (`hand`, "l" or "r"; x, y and z are ignored), so it
    travels with the figure and swaps hands on the other side. A chair's backrest stands
    on its `back` edge ("-x" or "+x"). A rail's top climbs by `rise` from x to x + w, so a
    stair rail follows the stairs.
    """

    kind: PropKind
    w: float
    h: float
    d: float = 0.0
    x: float = 0.0
    y: float = 0.0
    z: float = 0.0
    back: str = "-x"
    hand: str = "l"
    rise: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.kind, PropKind):
            raise ValidationError("kind", f"must be one of {', '.join(PropKind)}")
        for name in ("x", "y", "z", "w", "h", "d", "rise"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValidationError(name, "must be a number")
        for name in ("w", "h"):
            if not 0 < getattr(self, name) <= 400:
                raise ValidationError(name, "must be above 0 and at most 400 cm")
        if not 0 <= self.d <= 400:
            raise ValidationError("d", "must be from 0 to 400 cm")
        if not -400 <= self.rise <= 400 or (self.rise and self.kind is not PropKind.RAIL):
            raise ValidationError("rise", "must be from -400 to 400 cm, and only on a rail")
        if self.back not in ("-x", "+x"):
            raise ValidationError("back", "must be '-x' or '+x'")
        if self.hand not in ("l", "r"):
            raise ValidationError("hand", "must be 'l' or 'r'")

    @property
    def depth(self) -> float:
        return self.d or _DEFAULT_DEPTH[self.kind]

    def box(self, skeleton: Skeleton | None = None, *, mirrored: bool = False) -> Box:
        """Everything drawn for this prop; a bag hangs below the hand that holds it."""
        if self.kind is PropKind.BAG:
            hand = self.hand if not mirrored else ("r" if self.hand == "l" else "l")
            if skeleton is None:
                raise ValueError("a bag needs the skeleton that holds it")
            px, py, pz = skeleton.points[f"{hand}_palm"]
            return (
                px - self.w / 2,
                py - 2.0 - self.h,
                pz - self.depth / 2,
                px + self.w / 2,
                py - 2.0,
                pz + self.depth / 2,
            )
        z = -self.z if mirrored else self.z
        top = self.y + self.h + (CHAIR_BACK if self.kind is PropKind.CHAIR else 0.0)
        top += max(self.rise, 0.0)
        return (self.x, self.y, z - self.depth / 2, self.x + self.w, top, z + self.depth / 2)

    def top_under(self, x: float, z: float, mirrored: bool = False) -> float | None:
        """The height of this prop's top where (x, z) lies over it, or None."""
        if self.kind not in SUPPORTS:
            return None
        margin = 3.0
        cz = -self.z if mirrored else self.z
        half = self.depth / 2
        if self.x - margin <= x <= self.x + self.w + margin and cz - half - margin <= z <= (
            cz + half + margin
        ):
            if self.kind is PropKind.RAIL:
                return self.rail_top(x)
            if self.kind is PropKind.CHAIR:
                # a hand may rest on the top of the backrest
                back_x = self.x if self.back == "-x" else self.x + self.w
                if abs(x - back_x) <= 5.0:
                    return self.y + self.h + CHAIR_BACK
            return self.y + self.h
        return None

    def rail_top(self, x: float) -> float:
        """A rail's top at `x`: h above y at its low-x end, climbing evenly by `rise`."""
        share = min(max((x - self.x) / self.w, 0.0), 1.0)
        return self.y + self.h + self.rise * share

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value, "w": self.w, "h": self.h}
        if self.d:
            out["d"] = self.d
        if self.kind is PropKind.BAG:
            out["hand"] = self.hand
        else:
            out.update(x=self.x, y=self.y)
            if self.z:
                out["z"] = self.z
        if self.kind is PropKind.CHAIR:
            out["back"] = self.back
        if self.rise:
            out["rise"] = self.rise
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Prop:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object")
        reject_unknown(
            data,
            {"kind", "x", "y", "z", "w", "h", "d", "back", "hand", "rise"},
            "is not a prop field",
            path,
        )
        try:
            kind = PropKind(str(data.get("kind")))
        except ValueError:
            raise ValidationError(f"{path}.kind", f"must be one of {', '.join(PropKind)}") from None
        try:
            return cls(
                kind=kind,
                w=data.get("w", 0),
                h=data.get("h", 0),
                d=data.get("d", 0.0),
                x=data.get("x", 0.0),
                y=data.get("y", 0.0),
                z=data.get("z", 0.0),
                back=data.get("back", "-x"),
                hand=data.get("hand", "l"),
                rise=data.get("rise", 0.0),
            )
        except ValidationError as error:
            raise ValidationError(f"{path}.{error.field}", error.message) from None


def support_gap(props: tuple[Prop, ...], point: Vec, radius: float, mirrored: bool) -> float:
    """How far (cm) the skin at `point` lies from the nearest floor, prop top or wall."""
    surface = point[1] - radius
    best = abs(surface)
    for prop in props:
        top = prop.top_under(point[0], point[2], mirrored)
        if top is not None:
            best = min(best, abs(surface - top))
        if prop.kind is PropKind.WALL and prop.y <= point[1] <= prop.y + prop.h:
            best = min(best, abs(point[0] + radius - prop.x))
    return best


def support_under(props: tuple[Prop, ...], point: Vec, mirrored: bool) -> float:
    """The height of the highest floor or prop top under `point`."""
    tops = [prop.top_under(point[0], point[2], mirrored) for prop in props]
    return max([0.0] + [top for top in tops if top is not None])


# ---------------------------------------------------------------------------
# Motion arrows: where the movement happens, as on a printed handout
# ---------------------------------------------------------------------------

ARROW_ANCHORS = ("pelvis", "hips", "knees", "chest", "head")
ZOOMS = ("low_back",)
"""What a figure's magnified detail (Figure.zoom) can be centred on."""
ARROW_SHAPES = ("arc", "up", "side", "line")
ARC_SPAN_DEG = 120.0
"""How far round a curved arrow goes unless it says otherwise."""


@dataclass(frozen=True, slots=True)
class Arrow:
    """A calm arrow beside the body part that moves, as exercise handouts draw one.

    `at` names the part, taken in the start position so the arrow stands still while the
    body moves: "pelvis", "hips" (between the hip joints), "knees" (between the knees),
    "chest" or "head". `offset` (world cm: x, y, z; z changes sign on the mirrored side)
    moves it off that part so it sits beside the body, not on it. `shape` "arc" is a
    curved arrow in the picture's plane (a rock or a roll), its middle towards `turn`
    degrees (0 up the picture, 90 right), its head at the clockwise end; "up" points up
    (world +y, a lift); "side" along world +z (the body's sideways direction lying on the
    back); "line" is a straight arrow in the picture's plane pointing towards `turn`
    degrees (as an arc's middle: 0 up the picture, 90 right), a short push or rock along
    a path that runs slantwise in the picture. `size` is its length in cm; a negative size
    reverses it (anticlockwise, down, -z, away from `turn`). `both` puts a head on each
    end: a movement there and back. `span` is how far round an arc goes (degrees): a
    shorter one can hug a joint closely, round its centre, without running onto the body
    beside it.
    """

    at: str
    shape: str
    size: float = 16.0
    offset: Vec = (0.0, 0.0, 0.0)
    turn: float = 0.0
    both: bool = False
    span: float = ARC_SPAN_DEG

    def __post_init__(self) -> None:
        if self.at not in ARROW_ANCHORS:
            raise ValidationError("at", f"must be one of {', '.join(ARROW_ANCHORS)}")
        if self.shape not in ARROW_SHAPES:
            raise ValidationError("shape", f"must be one of {', '.join(ARROW_SHAPES)}")
        for name in ("size", "turn", "span"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValidationError(name, "must be a number")
        if not 6 <= abs(self.size) <= 60:
            raise ValidationError("size", "must be from 6 to 60 cm (negative to reverse)")
        if not -360 <= self.turn <= 360:
            raise ValidationError("turn", "must be from -360 to 360 degrees")
        if not isinstance(self.both, bool):
            raise ValidationError("both", "must be true or false")
        if not 30 <= self.span <= 180 or (self.span != ARC_SPAN_DEG and self.shape != "arc"):
            raise ValidationError("span", "must be from 30 to 180 degrees, and only on an arc")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"at": self.at, "shape": self.shape, "size": self.size}
        if any(self.offset):
            out["offset"] = list(self.offset)
        if self.turn:
            out["turn"] = self.turn
        if self.both:
            out["both"] = True
        if self.span != ARC_SPAN_DEG:
            out["span"] = self.span
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str) -> Arrow:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object")
        reject_unknown(
            data,
            {"at", "shape", "size", "offset", "turn", "both", "span"},
            "is not an arrow field",
            path,
        )
        offset = _vec(data.get("offset", [0, 0, 0]), f"{path}.offset")
        try:
            return cls(
                at=data.get("at", ""),
                shape=data.get("shape", ""),
                size=data.get("size", 16.0),
                offset=offset,
                turn=data.get("turn", 0.0),
                both=data.get("both", False),
                span=data.get("span", ARC_SPAN_DEG),
            )
        except ValidationError as error:
            raise ValidationError(f"{path}.{error.field}", error.message) from None


# ---------------------------------------------------------------------------
# Keyframes and the figure
# ---------------------------------------------------------------------------


class Motion(StrEnum):
    """How the figure moves during one phase of the player."""

    STILL = "still"  # show the start pose (get ready, between exercises)
    HOLD = "hold"  # move through the keyframes up to the held one, then stay there
    RELEASE = "release"  # from the held keyframe back to the start, then stay
    REP = "rep"  # once round every keyframe over the phase
    CYCLE = "cycle"  # round the keyframes every cycle_s (walking, breathing)


EYES: tuple[str, ...] = ("open", "closed")

NEAR_ARMS: tuple[str, ...] = ("dark", "mid")
"""How the near arm is toned: "dark" like the rest of the near side, "mid" between the near
and the far side (FigureStyle.arm), for an arm that lies over the legs."""

NEAR_SIDES: tuple[str, ...] = ("camera", "under")
"""Which side is drawn as the near one (dark, in front of the trunk): "camera" the side nearer
the camera, "under" the side lying underneath (the side plank, seen nearly square on the
chest, where both sides are about as near and the nearer one changed as the hips rose)."""

LIMBS: tuple[str, ...] = ("l_arm", "r_arm", "l_leg", "r_leg")
"""The limbs a figure can name in Figure.tinted."""

STILL_MORE = 1
"""At most this many keyframes besides the start and the work position in a still picture
(Figure.still): three figures share the printed sheet's picture column at two thirds of
the size of two; four would be too small to read on paper."""

GUIDES: tuple[str, ...] = ("back", "line", "plumb")
"""Straight guide lines a handout draws along the body: "back" is a stick lying along the
back, touching the sacrum, the upper back and the back of the head; "line" is the straight
line the body reaches at work, from the knees to the head, fixed in place: the hips rise
onto it (side plank); "plumb" is an upright dashed line through the body from the floor
to above the head: the body stays upright on it, leaning neither way (suitcase carry)."""

MOVE_S = 1.5
"""Seconds to move into or out of a held pose; short phases use half their length."""

BREATH_DEGREES = 100.0
"""A full breath counts as much as a joint turning this far (Figure.heading_at): breathing
figures move mostly by the breath."""

HEADING_STILL = 0.02
"""Less change than this between two keyframes, as a share of the way from the start to
the work position, is a pause (Figure.heading_at): the arrow is drawn as declared (a
two-headed one keeps both heads)."""

STILL_HOLD_SHARE = 0.6
"""How far the stopwatch has run in a still picture of a held work position: part filled,
the time runs on."""

HOLD_MIN_SHARE = 0.2
"""The least share of a loop the work position must stay still to count as a hold (timed
by a stopwatch in the picture): shorter, it is a pause at the end of a move (the pelvic
tilt's), and a stopwatch flashing up for a moment would only distract."""

POSITIONS: tuple[str, ...] = (
    "standing",
    "seated",
    "supine",
    "prone",
    "side_lying",
    "hands_knees",
    "kneeling",
)
CAMERAS: tuple[str, ...] = (
    "side",
    "front",
    "top",
    "three_quarter",
    "front_low",
    "side_low",
    "front_quarter",
    "side_raised",
    "side_square",
    "head_end",
)
"""Where the figure is seen from (figure_drawing.CAMERA_ANGLES): each movement where it shows."""


@dataclass(frozen=True, slots=True)
class Keyframe:
    """One key position: its name, where in the cycle it is reached (0 to 1) and the easing
    of the move into it."""

    name: str
    at: float
    ease: str
    pose: Pose


@dataclass(frozen=True, slots=True)
class Figure:
    """The drawing of one exercise: keyframes (start first, one named "work"), props, camera,
    and an optional motion arrow."""

    position: str
    keyframes: tuple[Keyframe, ...]
    camera: str = "side"
    cycle_s: float = 4.0
    props: tuple[Prop, ...] = ()
    breath_cm: float = BREATH_CM
    arrow: Arrow | None = None
    """An optional motion arrow beside the part that moves (Arrow)."""
    eyes: str = "open"
    """"closed" draws the eyes as short lines: resting with the eyes shut (body scan)."""
    guide: str | None = None
    """"back" draws a straight stick just behind the back, from the sacrum to behind the
    head (GUIDES): the back and neck stay on one line while the body tips. "line" draws the
    work position's knees-to-head line over the body, which rises onto it. "plumb" draws an
    upright dashed line over the body, through the pelvis to above the head."""
    near_arm: str = "dark"
    """"mid" tones the near arm between the near and the far side (NEAR_ARMS): hands on the
    knees, the arm lies over the legs, and in one dark tone arm and thighs were one knot."""
    near_side: str = "camera"
    """"under" draws the side lying underneath as the near side (NEAR_SIDES): the arm
    propping the body and the leg on the mat dark, the top arm and leg lighter."""
    inset: str | None = None
    """A camera (CAMERAS) for a small still picture of the start position in the top left
    corner: where the main view shows the movement but hides how the body is set up (knee
    rolls seen from beyond the head hide the bent knees and the feet flat on the mat)."""
    zoom: str | None = None
    """A part (ZOOMS) shown again, magnified, in a box in the top left corner, moving with
    the body: where the movement is too small to see at the body's scale (the pelvic tilt
    rocks the pelvis a few degrees)."""
    still: tuple[str, ...] = ()
    """More keyframes for the still pictures (reduced motion, the printed sheet), which show
    the start and the work position side by side: a loop that also goes the other way
    (cat-camel arches after it rounds, knee rolls go to the other side) shows that too.
    Start and work alone, raters of cat-camel saw only the rounding and said a person
    would never arch."""
    ghost: bool = False
    """Draws the start position faintly behind the moving body, so each frame shows how far
    it has come: the curl-up's small lift ("the ghost start position shows how small the
    lift is", said every blind rater of it). Side by side, raters picked a ghost nine times
    of nine (knee rocking, the side plank, the curl-up); blind raters of the whole set,
    who see no picture without it, called knee rocking's and the side plank's clutter
    ("a tangle", "hard to tell which way the body faces"), and those have none. Where the
    body moves over a tint or leaves a gap, it got in the way too (the pelvic tilt's
    hollow: "a grey smudge"; under the glute bridge's hips: "a wedge"). A still picture
    draws it behind each pose after the start (three of three for the curl-up's)."""
    thought: bool = False
    """Draws a thought bubble from the head holding a small copy of the body and its band
    of attention: the body scan's band moves in the mind, the body lies still. Without it,
    raters took the band for "a massage", "warmth" or "tensing each part"; with it, side by
    side, three of three preferred it, moving and still ("the scan happens in your mind
    and is not a movement")."""
    tinted: tuple[str, ...] = ()
    """Limbs (LIMBS) drawn in a blue version of their tone, on the side the exercise is
    done: the ones the eye has to pick out. The arm and the leg that move together (the
    dead bug, the bird dog): told apart by near and far shading alone, raters "had to
    work out which arm goes with which leg"; in blue, side by side, they preferred it six
    of six for the dead bug (eight frames and still pictures) and three of three for the
    bird dog ("you can see at once that the opposite arm and leg move together"). Knee
    rocking's legs, which in the body's tones "blend into the torso when the knees are
    pulled in" (three of three over blue arms, which had won six of six over the mid
    tone). Belly breathing's hand riding on the belly: "the eye goes straight to the
    belly" (three of three). The curl-up's arms,
    hands under the low back: six of six ("you can clearly see the hand tucked under the
    lower back"). The side plank's supporting arm and the thigh underneath: six of six
    each ("clear at a glance that the body rests on the elbow and forearm under the
    shoulder", "you can clearly see the knees stay on the floor")."""
    _progress: tuple[float, ...] = field(default=(), init=False, repr=False, compare=False)
    """Each keyframe's place on the way from the start to the work position (_progress_of),
    worked out once: the player asks which way the body goes on every frame."""
    _hold_span: tuple[float, float] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    """hold_span, worked out once: at_phase asks on every frame."""

    def __post_init__(self) -> None:
        if self.position not in POSITIONS:
            raise ValidationError("position", f"must be one of {', '.join(POSITIONS)}")
        if self.camera not in CAMERAS:
            raise ValidationError("camera", f"must be one of {', '.join(CAMERAS)}")
        names = [k.name for k in self.keyframes]
        if len(names) < 2 or names[0] != "start":
            raise ValidationError("keyframes", "needs at least two, the first named 'start'")
        if "work" not in names:
            raise ValidationError("keyframes.work", "is required")
        if len(set(names)) != len(names):
            raise ValidationError("keyframes", "keyframe names must be unique")
        ats = [k.at for k in self.keyframes]
        if ats[0] != 0 or any(b <= a for a, b in itertools.pairwise(ats)) or ats[-1] >= 1:
            raise ValidationError("keyframes", "'at' must rise from 0 and stay below 1")
        if (
            isinstance(self.cycle_s, bool)
            or not isinstance(self.cycle_s, (int, float))
            or not 0.5 <= self.cycle_s <= 60
        ):
            raise ValidationError("cycle_s", "must be a number of seconds from 0.5 to 60")
        if (
            isinstance(self.breath_cm, bool)
            or not isinstance(self.breath_cm, (int, float))
            or not 0 <= self.breath_cm <= 30
        ):
            raise ValidationError("breath_cm", "must be a number of cm from 0 to 30")
        if self.eyes not in EYES:
            raise ValidationError("eyes", f"must be one of {', '.join(EYES)}")
        if self.guide is not None and self.guide not in GUIDES:
            raise ValidationError("guide", f"must be one of {', '.join(GUIDES)}")
        if self.near_arm not in NEAR_ARMS:
            raise ValidationError("near_arm", f"must be one of {', '.join(NEAR_ARMS)}")
        if self.near_side not in NEAR_SIDES:
            raise ValidationError("near_side", f"must be one of {', '.join(NEAR_SIDES)}")
        if self.inset is not None and self.inset not in CAMERAS:
            raise ValidationError("inset", f"must be one of {', '.join(CAMERAS)}")
        if self.zoom is not None and self.zoom not in ZOOMS:
            raise ValidationError("zoom", f"must be one of {', '.join(ZOOMS)}")
        if self.zoom is not None and self.inset is not None:
            raise ValidationError("zoom", "cannot share the top left corner with an inset")
        if not isinstance(self.ghost, bool):
            raise ValidationError("ghost", "must be true or false")
        if not isinstance(self.thought, bool):
            raise ValidationError("thought", "must be true or false")
        if any(limb not in LIMBS for limb in self.tinted) or len(set(self.tinted)) != len(
            self.tinted
        ):
            raise ValidationError("tinted", f"must name each of {', '.join(LIMBS)} at most once")
        if len(self.still) > STILL_MORE or any(
            n not in names or n in ("start", "work") for n in self.still
        ):
            raise ValidationError(
                "still",
                f"must name up to {STILL_MORE} keyframes other than 'start' and 'work'",
            )
        if len(set(self.still)) != len(self.still):
            raise ValidationError("still", "names each keyframe once")
        object.__setattr__(self, "_progress", _progress_of(self.keyframes))
        work, release = self.work_at, self.release_at
        held = (work, release) if release - work >= HOLD_MIN_SHARE else None
        object.__setattr__(self, "_hold_span", held)

    @property
    def poses(self) -> tuple[tuple[str, Pose], ...]:
        return tuple((k.name, k.pose) for k in self.keyframes)

    def pose(self, name: str) -> Pose:
        for key in self.keyframes:
            if key.name == name:
                return key.pose
        raise KeyError(name)

    @property
    def start(self) -> Pose:
        return self.keyframes[0].pose

    @property
    def work(self) -> Pose:
        return self.pose("work")

    @property
    def still_poses(self) -> tuple[tuple[str, Pose], ...]:
        """The keyframes a still picture shows, in the loop's order: the start, the work
        position and any `still` ones, each with its name.

        A held work position shows its stopwatch, not the arrow: the arrow repeated over it
        read as "keep lifting higher" (the curl-up) or "bob the hips up and down" (the side
        plank), six of six side by side preferred the stopwatch ("hold it there").

        A slanted or curved arrow shows the way the body goes next from each position, as the
        moving picture does (Pose.heading): the work position back, the others on, towards the
        work side (an opposite shape such as the pelvic tilt's arch or knee rolls' other side
        returns the same way round as the start leaves). The same two-headed arrow on each
        picture "says back and forth but not which way each step goes": one head each won
        side by side for knee rocking, the pelvic tilt (three of three each) and knee rolls
        (five to one); blind after it, no rater read knee rocking's as "sideways" again.

        An up-and-down arrow keeps both heads unless the work position is held (then the
        start's points up, "lift, then hold"). Side by side three of three had preferred one
        head each for the glute bridge and belly breathing too, but blind, a rater read "the
        down arrow over the raised belly" as the opposite of the picture and another found
        arrows "that point to the next movement, not the current one" confusing (session
        24)."""
        shown = {"start", "work", *self.still}
        held = self.hold_span is not None
        lift = self.arrow is not None and self.arrow.shape == "up"

        def cued(k: Keyframe) -> Pose:
            if held and k.name == "work":
                return k.pose.holding(STILL_HOLD_SHARE)
            if lift and not held:
                return k.pose  # both heads, as declared
            return k.pose.heading_to(-1 if k.name == "work" else 1)

        return tuple((k.name, cued(k)) for k in self.keyframes if k.name in shown)

    @property
    def work_at(self) -> float:
        return next(k.at for k in self.keyframes if k.name == "work")

    @property
    def release_at(self) -> float:
        """Where the way back from the held pose starts: the work keyframe, or the end of
        the pause right after it (a "_hold" keyframe repeating the work position)."""
        keys = self.keyframes
        i = next(i for i, k in enumerate(keys) if k.name == "work")
        while (
            i + 1 < len(keys)
            and keys[i + 1].name.endswith("_hold")
            and keys[i + 1].pose == keys[i].pose
        ):
            i += 1
        return keys[i].at

    @property
    def return_at(self) -> float:
        """Where the way back from the held pose reaches the start position: the loop's end,
        or an earlier keyframe in the start position (a loop that goes on from there to the
        other side, like knee rolls, or to the opposite shape, like cat-camel)."""
        release, start = self.release_at, self.start
        return next((k.at for k in self.keyframes if k.at > release and k.pose == start), 1.0)

    @property
    def hold_span(self) -> tuple[float, float] | None:
        """The share of the loop (from, to) spent holding the work position still, if it
        is long enough to be a hold (HOLD_MIN_SHARE)."""
        return self._hold_span

    def at_phase(self, phase: float, *, mirrored: bool = False) -> Pose:
        """The pose at `phase` of one cycle (0 and 1 are the start), eased per keyframe;
        during the hold (hold_span) it says how much of the hold has passed, and otherwise
        which way the body is moving (heading_at)."""
        pose = self._at_phase(phase)
        span = self.hold_span
        if span is not None and span[0] <= phase < span[1]:
            pose = pose.holding((phase - span[0]) / (span[1] - span[0]))
        else:
            pose = pose.heading_to(self.heading_at(phase))
        return pose.mirrored() if mirrored else pose

    def heading_at(self, phase: float) -> int:
        """Which way the body moves at `phase` of the loop: 1 on towards the work position
        (as from the start to it), -1 back, 0 pausing. Side-by-side raters preferred an
        arrow that points the way the body goes now, six of six, to one with two heads."""
        keys = self.keyframes
        phase %= 1.0
        i = max(j for j, k in enumerate(keys) if k.at <= phase)
        a, b = self._progress[i], self._progress[(i + 1) % len(keys)]
        if abs(b - a) < HEADING_STILL:
            return 0
        return 1 if b > a else -1

    def _at_phase(self, phase: float) -> Pose:
        keys = self.keyframes
        pose: Pose
        if phase <= 0.0 or phase >= 1.0:
            pose = keys[0].pose
        else:
            i = len(keys) - 1
            while keys[i].at > phase:
                i -= 1
            a = keys[i]
            b_pose, b_at, b_ease = (
                (keys[i + 1].pose, keys[i + 1].at, keys[i + 1].ease)
                if i + 1 < len(keys)
                else (keys[0].pose, 1.0, keys[0].ease)
            )
            if phase == a.at:
                pose = a.pose
            else:
                t = ease(b_ease, (phase - a.at) / (b_at - a.at))
                pose = interpolate(a.pose, b_pose, t)
        return pose

    def pose_at(
        self, motion: Motion, elapsed_s: float, duration_s: float, *, mirrored: bool = False
    ) -> Pose:
        """The pose to draw `elapsed_s` into a phase of `duration_s` moving as `motion`.

        Pure, so the player widget can call it on every frame and a test can
        check any instant; `mirrored` draws the second side.
        """
        duration_s = max(duration_s, 1e-9)
        elapsed_s = min(max(elapsed_s, 0.0), duration_s)
        move_s = min(MOVE_S, duration_s / 2)
        work_at = self.work_at
        if motion is Motion.STILL:
            phase = 0.0
        elif motion is Motion.HOLD:
            phase = work_at * min(1.0, elapsed_s / move_s)
            if elapsed_s >= move_s:
                # there: the rest of the phase is the hold, however long the loop's is
                held = (elapsed_s - move_s) / max(duration_s - move_s, 1e-9)
                return self.at_phase(phase, mirrored=mirrored).holding(held)
        elif motion is Motion.RELEASE:
            share = min(1.0, elapsed_s / move_s)
            # a pause written into the loop after the held pose (a "_hold" keyframe in the
            # same position) is the hold itself: the way back starts where it ends
            release_at = self.release_at
            phase = 0.0 if share >= 1.0 else release_at + (self.return_at - release_at) * share
        elif motion is Motion.REP:
            phase = elapsed_s / duration_s
        else:
            phase = (elapsed_s % self.cycle_s) / self.cycle_s
        return self.at_phase(phase, mirrored=mirrored)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "position": self.position,
            "camera": self.camera,
            "cycle_s": self.cycle_s,
            "keyframes": [self._keyframe_dict(k) for k in self.keyframes],
        }
        if self.props:
            out["props"] = [prop.to_dict() for prop in self.props]
        if self.breath_cm != BREATH_CM:
            out["breath_cm"] = self.breath_cm
        if self.arrow is not None:
            out["arrow"] = self.arrow.to_dict()
        if self.eyes != "open":
            out["eyes"] = self.eyes
        if self.guide is not None:
            out["guide"] = self.guide
        if self.near_arm != "dark":
            out["near_arm"] = self.near_arm
        if self.near_side != "camera":
            out["near_side"] = self.near_side
        if self.inset is not None:
            out["inset"] = self.inset
        if self.zoom is not None:
            out["zoom"] = self.zoom
        if self.still:
            out["still"] = list(self.still)
        if self.ghost:
            out["ghost"] = True
        if self.thought:
            out["thought"] = True
        if self.tinted:
            out["tinted"] = list(self.tinted)
        return out

    def _keyframe_dict(self, key: Keyframe) -> dict[str, Any]:
        out: dict[str, Any] = {"name": key.name, "at": key.at, "ease": key.ease}
        out.update(key.pose.to_dict())
        planted = dict(self.start.contacts)
        slide = [
            name
            for name, target in key.pose.contacts
            if key is not self.keyframes[0] and name in planted and planted[name] != target
        ]
        if slide:
            out["slide"] = slide
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str = "figure") -> Figure:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object")
        reject_unknown(
            data,
            {
                "position",
                "camera",
                "keyframes",
                "cycle_s",
                "props",
                "breath_cm",
                "arrow",
                "eyes",
                "guide",
                "near_arm",
                "near_side",
                "inset",
                "zoom",
                "still",
                "ghost",
                "thought",
                "tinted",
            },
            "is not a figure field",
            path,
        )
        tinted = data.get("tinted", [])
        if not isinstance(tinted, list) or not all(isinstance(n, str) for n in tinted):
            raise ValidationError(f"{path}.tinted", "must be a list of limbs")
        still = data.get("still", [])
        if not isinstance(still, list) or not all(isinstance(n, str) for n in still):
            raise ValidationError(f"{path}.still", "must be a list of keyframe names")
        props_data = data.get("props", [])
        if not isinstance(props_data, list):
            raise ValidationError(f"{path}.props", "must be a list")
        props = tuple(Prop.from_dict(p, f"{path}.props[{i}]") for i, p in enumerate(props_data))
        arrow_data = data.get("arrow")
        arrow = None if arrow_data is None else Arrow.from_dict(arrow_data, f"{path}.arrow")
        keys_data = data.get("keyframes")
        if not isinstance(keys_data, list) or not keys_data:
            raise ValidationError(f"{path}.keyframes", "must be a list of keyframes")
        keyframes: list[Keyframe] = []
        raw: dict[str, Mapping[str, Any]] = {}
        for i, item in enumerate(keys_data):
            planted = dict(keyframes[0].pose.contacts) if keyframes else {}
            keyframes.append(
                _keyframe(item, f"{path}.keyframes", i, raw, keyframes, props, planted)
            )
        try:
            return cls(
                position=data.get("position", ""),
                keyframes=tuple(keyframes),
                camera=data.get("camera", "side"),
                cycle_s=data.get("cycle_s", 4.0),
                props=props,
                breath_cm=data.get("breath_cm", BREATH_CM),
                arrow=arrow,
                eyes=data.get("eyes", "open"),
                guide=data.get("guide"),
                near_arm=data.get("near_arm", "dark"),
                near_side=data.get("near_side", "camera"),
                inset=data.get("inset"),
                zoom=data.get("zoom"),
                still=tuple(still),
                ghost=data.get("ghost", False),
                thought=data.get("thought", False),
                tinted=tuple(tinted),
            )
        except ValidationError as error:
            raise ValidationError(f"{path}.{error.field}", error.message) from None


_KEY_FIELDS = {
    "name",
    "at",
    "ease",
    "like",
    "root",
    "turn",
    "joints",
    "contacts",
    "slide",
    "breath",
    "focus",
}


def _keyframe(
    item: Any,
    base_path: str,
    index: int,
    raw: dict[str, Mapping[str, Any]],
    earlier: list[Keyframe],
    props: tuple[Prop, ...],
    planted: Mapping[str, Vec],
) -> Keyframe:
    """Parse one keyframe, settle it onto its contacts, and check limits and contacts."""
    if not isinstance(item, Mapping):
        raise ValidationError(f"{base_path}[{index}]", "must be an object")
    name = item.get("name")
    if not isinstance(name, str) or not name:
        raise ValidationError(f"{base_path}[{index}].name", "must be a name")
    path = f"{base_path}.{name}"
    reject_unknown(item, _KEY_FIELDS, "is not a keyframe field", path)
    like_name = item.get("like")
    base: Mapping[str, Any] = {}
    base_angles: tuple[Angles, ...] | None = None
    if like_name is not None:
        # A list or an object here is no name at all (and cannot be looked up in `raw`).
        if not isinstance(like_name, str) or like_name not in raw:
            raise ValidationError(f"{path}.like", "must name an earlier keyframe")
        base = raw[like_name]
        base_angles = next(k.pose.angles for k in earlier if k.name == like_name)
    merged = {**base, **{k: v for k, v in item.items() if k not in ("joints", "like", "slide")}}
    raw[name] = merged
    at = merged.get("at", 0.0)
    if "at" not in item:
        raise ValidationError(f"{path}.at", "is required")
    if isinstance(at, bool) or not isinstance(at, (int, float)) or not 0 <= at < 1:
        raise ValidationError(f"{path}.at", "must be a share of the cycle from 0 to below 1")
    easing = item.get("ease", "in_out")
    if easing not in EASINGS:
        raise ValidationError(f"{path}.ease", f"must be one of {', '.join(EASINGS)}")
    angles = parse_joints(item.get("joints", {}), f"{path}.joints", base_angles)
    root = _vec(merged.get("root", [0, 100, 0]), f"{path}.root")
    turn = _vec(merged.get("turn", [0, 0, 0]), f"{path}.turn")
    contacts_data = merged.get("contacts", [])
    if not isinstance(contacts_data, list) or not all(isinstance(c, str) for c in contacts_data):
        raise ValidationError(f"{path}.contacts", "must be a list of body points")
    for contact in contacts_data:
        if contact not in CONTACT_POINTS:
            raise ValidationError(f"{path}.contacts.{contact}", "is not a body point")
    breath = _share(merged.get("breath", 0.0), f"{path}.breath", allow_none=False)
    focus = _share(merged.get("focus", -1.0), f"{path}.focus", allow_none=True)
    pose = Pose(root, turn, angles, (), breath, focus)
    for joint, message in pose.limit_errors():
        raise ValidationError(f"{path}.joints.{joint}", message)
    slide = item.get("slide", [])
    if not isinstance(slide, list):
        raise ValidationError(f"{path}.slide", "must be a list of contacts")
    names = sorted(set(contacts_data))
    skeleton = forward_kinematics(pose)
    if names:
        # Settle the body onto its supports: the lowest trunk, knee or elbow contact
        # touches whatever is under it; a body on its hands and feet alone comes down
        # until the highest of them touches (the others bend to fit).
        anchors = [c for c in names if c not in IK_CHAINS]

        def gap(contact: str) -> float:
            point, radius = skeleton.contact_point(contact)
            return point[1] - radius - support_under(props, point, False)

        drop = min(gap(c) for c in anchors) if anchors else max(gap(c) for c in names)
        root = (root[0], round(root[1] - drop, 3), root[2])
        pose = Pose(root, turn, angles, (), breath, focus)
        skeleton = forward_kinematics(pose)

    def target_of(contact: str, skeleton: Skeleton) -> Vec:
        if contact in planted and contact not in slide:
            return planted[contact]
        point, radius = skeleton.contact_point(contact)
        under = support_under(props, point, False)
        if abs(point[1] - radius - under) <= SNAP_CM:
            point = (point[0], round(under + radius, 3), point[2])
        return point

    # Trunk, knee and elbow contacts place the whole body (a knee kept where it was in
    # the start position moves the body with it); hands and feet then reach for theirs.
    anchored = tuple((c, target_of(c, skeleton)) for c in names if c not in IK_CHAINS)
    if anchored:
        moved = solve(pose.with_contacts(anchored)).points["pelvis"]
        root = (round(moved[0], 3), round(moved[1], 3), round(moved[2], 3))
        pose = Pose(root, turn, angles, (), breath, focus)
        skeleton = forward_kinematics(pose)
    targets = [(c, target_of(c, skeleton)) for c in names]
    pose = pose.with_contacts(tuple(targets))
    solved = solve(pose)
    for contact, target in targets:
        point, radius = solved.contact_point(contact)
        miss = math.dist(point, target)
        gap_cm = support_gap(props, target, radius, False)
        if max(miss, gap_cm) > CONTACT_TOLERANCE_CM:
            raise ValidationError(
                f"{path}.contacts.{contact}",
                f"lies {max(miss, gap_cm):.1f} cm from the floor or a prop, or cannot reach "
                f"where it rests (at most {CONTACT_TOLERANCE_CM:g})",
            )
    low_name, low_point = min(
        ((n, p) for n, p in solved.points.items() if n not in _INNER_POINTS),
        key=lambda item: item[1][1],
    )
    if low_point[1] < -CONTACT_TOLERANCE_CM:
        raise ValidationError(
            f"{path}.joints.{low_name}", f"lies {-low_point[1]:.1f} cm below the floor"
        )
    return Keyframe(name, float(at), easing, pose)


_INNER_POINTS = frozenset({"pelvis", "spine0", "spine1", "spine2", "spine3", "c7", "head"})
"""Points inside the body (their skin lies further out): left out of the below-floor check."""
SNAP_CM = 15.0
"""A contact authored this close to its support is put on it: a hand or foot by bending its
limb to reach, a trunk, knee or elbow contact by moving the whole body."""


def _vec(value: Any, path: str) -> Vec:
    if not isinstance(value, list) or len(value) != 3:
        raise ValidationError(path, "must be a list of three numbers")
    out = []
    for i, v in enumerate(value):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise ValidationError(f"{path}[{i}]", "must be a number")
        if not -1000 <= v <= 1000:
            raise ValidationError(f"{path}[{i}]", "must be from -1000 to 1000")
        out.append(float(v))
    return (out[0], out[1], out[2])


def _share(value: Any, path: str, *, allow_none: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(path, "must be a number from 0 to 1")
    if allow_none and value == -1:
        return -1.0
    if not 0 <= value <= 1:
        raise ValidationError(path, "must be a number from 0 to 1")
    return float(value)


def _progress_of(keyframes: tuple[Keyframe, ...]) -> tuple[float, ...]:
    """How far each keyframe is along the way from the start to the work position (0 at
    the start, 1 at work; the other way is below 0): its change from the start, in joint
    angles, the pelvis's place and turn and the breath, projected on the work position's."""

    def vector(pose: Pose) -> list[float]:
        out = [*pose.root, *pose.turn, pose.breath * BREATH_DEGREES]
        for angles in pose.angles:
            out += angles
        return out

    start = vector(keyframes[0].pose)
    work = vector(next(k.pose for k in keyframes if k.name == "work"))
    way = [w - s for w, s in zip(work, start, strict=True)]
    length = sum(w * w for w in way) or 1.0
    return tuple(
        sum((h - s) * w for h, s, w in zip(vector(k.pose), start, way, strict=True)) / length
        for k in keyframes
    )


__all__ = [
    "CAMERAS",
    "JOINTS",
    "POSITIONS",
    "ZERO",
    "Figure",
    "Keyframe",
    "Motion",
    "Prop",
    "PropKind",
]
