"""The figure as a list of flat shapes: one geometry for the player, thumbnails and SVG."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html import escape

from rugdiary.core.body import HEAD_RADIUS, Mat, Pose, Skeleton, Vec, mirror_name, solve
from rugdiary.core.figure_clip import (
    Box,
    convex_cut,
    ellipse_polygon,
    polygon_in_box,
    polyline_in_box,
)
from rugdiary.core.figures import (
    BAG_GRIP_HALF,
    BAG_HANDLE,
    BAG_SEAM_SHARE,
    CHAIR_BACK,
    Arrow,
    Figure,
    Prop,
    PropKind,
)

# ---------------------------------------------------------------------------
# Camera: orthographic, chosen per exercise
# ---------------------------------------------------------------------------

CAMERA_ANGLES: dict[str, tuple[float, float]] = {
    # (yaw, pitch) in degrees: yaw 0 looks along -z (the figure's left side towards us),
    # pitch lifts the camera above the floor
    "side": (14.0, 8.0),
    "front": (90.0, 28.0),
    "top": (0.0, 90.0),
    # a raised corner on the feet side: bent knees stand up as a peak over the feet and sink
    # towards the viewer, down the picture; a corner (CORNER_YAW), so the second side is the
    # first one's mirror image (knee rolls until session 13, now "head_end")
    "three_quarter": (32.0, 34.0),
    # in front of the chest and a little raised, as handouts draw a side plank: the body
    # lies on its side across the picture and the hips rise off the mat into one line with
    # the knees and the head, the upper arm stands upright under the shoulder and the
    # forearm lies on the mat turned in under the chest. Turned 15 towards the feet and 15
    # up, the mat shows as a floor going back and the shins fold back behind the knees: six
    # of six side by side preferred it to square on and 12 up, where "the start looks more
    # like sitting" and "the feet float above the ground" (session 23). From 20 round and
    # 18 up, before the side underneath was dark (Figure.near_side) and the limbs blue,
    # blind raters saw "a dark knot at an odd angle" and rated it 2; from 5 up the forearm
    # towards the viewer shrank to a hand on a straight arm
    "front_low": (15.0, 15.0),
    # the side view from just above the mat, for figures lying on the back: a hand or elbow
    # resting on the mat towards the viewer is drawn on the mat line, not below it, and a
    # gap under the lower back or the shoulder blades shows against the mat
    "side_low": (14.0, 3.0),
    # half way round from in front to one side, a little raised: a body walking upright
    # shows its vertical midline and level shoulders and pelvis, the face in profile and
    # the stride across the picture show which way it walks, the feet stand on the floor
    # seen from just above (no edge-on floor line under them), and a case in the near hand
    # shows its side and handle (from 66 round the face looked at the viewer over legs
    # walking sideways, "walking on the spot"; side by side 45 won three of three)
    "front_quarter": (45.0, 12.0),
    # the side view from higher up, for kneeling down onto the heels: both arms show long
    # on the mat ahead and the head stays in front of the near arm
    "side_raised": (14.0, 18.0),
    # nearly square to the side and a little raised, for knee rocking: the mat shows as a
    # floor and the far leg and arm as a lighter edge above the near ones (from 14 round
    # they looked like a double exposure, and arms and thighs piled into one bundle over
    # the chest). Raised from 4 to 12 (session 23), with the legs blue, "both arms and both
    # legs are visible side by side, so both hands hold both knees": three of three
    "side_square": (6.0, 12.0),
    # along the body from beyond the head, raised, for knee rolls: the bent knees stand up
    # over the pelvis and tip to one side like a wiper, the arms lie out in a T across the
    # picture and the head rests on its cushion at the bottom (from above the feet end the
    # upright shins hid the thighs, and raters saw short straight legs; from a raised corner
    # on the feet side they saw the legs straighten out flat and rated it 2; from here 3).
    # From here the feet hide behind the knees, so knee rolls carry a side view of the
    # start position in an inset (Figure.inset), and one loop rolls to both sides: 3, 4, 4
    "head_end": (-90.0, 30.0),
}


@dataclass(frozen=True, slots=True)
class Camera:
    """Screen right, screen up and towards-the-viewer directions in world space."""

    right: Vec
    up: Vec
    toward: Vec

    @classmethod
    def named(cls, name: str) -> Camera:
        yaw, pitch = (math.radians(v) for v in CAMERA_ANGLES[name])
        toward = (
            math.sin(yaw) * math.cos(pitch),
            math.sin(pitch),
            math.cos(yaw) * math.cos(pitch),
        )
        right = (math.cos(yaw), 0.0, -math.sin(yaw))
        up = (
            toward[1] * right[2] - toward[2] * right[1],
            toward[2] * right[0] - toward[0] * right[2],
            toward[0] * right[1] - toward[1] * right[0],
        )
        return cls(right, up, toward)

    def project(self, p: Vec) -> tuple[float, float, float]:
        """(screen x, screen y up, depth towards the viewer) in cm."""
        r, u, t = self.right, self.up, self.toward
        return (
            p[0] * r[0] + p[1] * r[1] + p[2] * r[2],
            p[0] * u[0] + p[1] * u[1] + p[2] * u[2],
            p[0] * t[0] + p[1] * t[1] + p[2] * t[2],
        )

    @property
    def sees_floor_edge_on(self) -> bool:
        return abs(self.toward[1]) < 0.2


# ---------------------------------------------------------------------------
# Shapes and the frame that places them
# ---------------------------------------------------------------------------

VIEW_W = 240.0
VIEW_H = 160.0
VIEW_MARGIN = 8.0
MAX_SCALE = 1.15
"""View units per cm at most: every exercise at the same size unless it does not fit."""
OUTLINE_CM = 1.1
OUTLINE_MITER_LIMIT = 2.0
"""Outlines meet in mitred corners, cut off (bevelled) where a mitre would reach further
than this many line widths: Qt's default, so the player and the SVG draw the same."""
MAT_BAND_CM = 3.5
"""A mat seen edge-on is drawn at least this thick, so it shows as a mat."""
PAIR_GAP = 36.0
"""View units between the two figures of a reduced-motion pair (room for the arrow)."""
NECK_RADII_CM = (6.0, 5.0)
"""The neck's half-thickness at its base and under the head, cm. A thicker one (8, 7), so
that the curl-up's head and shoulders read as one block, won four comparisons, lost two
and tied three (docs/figure-rating.md): not enough to change every figure's neck."""
INSET_SHARE = 0.34
"""The start-position inset's size (Figure.inset), as a share of the view's width and
height: big enough to read the set-up, small enough to leave the movement most of it."""
INSET_CLEAR = 0.8
"""The share of the inset's width that the main picture keeps clear on the left: its
lower left, under the inset, is free for a figure's arms or mat."""
INSET_LINE = 0.6
"""The width of the inset's thin frame, view units."""
ZOOM_TIMES = 1.6
"""How much larger the magnified detail (Figure.zoom) draws its part than the body is drawn.
In a box the size of an inset, 1.6 held only the low back's dark fill and the gap, and
1.3 was preferred (the hand and the seat show too, and tell where it is); in a box half
the picture wide and high (ZOOM_SHARE), 1.6 shows them all, large: side by side, raters
preferred it three of three as eight frames and as still pictures ("the pelvis line
changing angle and the gap closing and opening are easier to see")."""
ZOOM_SHARE = 0.5
"""The magnified detail's box, as a share of the view's width and height: larger than an
inset (INSET_SHARE), for the detail is what the pelvic tilt teaches with."""
ZOOM_POINTS = {"low_back": "spine0"}
"""The skeleton point each of ZOOMS centres the detail on (in the start position)."""
ZOOM_BEHIND = ("l_hip", "r_hip")
"""Parts the detail draws pale behind the trunk: the near thigh, over the pelvis."""
ZOOM_DOWN_CM = 4.0
"""How far below the part the detail is centred (cm): the low back's gap over the mat is
what it shows, so the mat under it is in the box too."""
ZOOM_GAP = 4.0
"""View units the body keeps clear of the detail's box."""

SOFT_RADIUS_CM = 5.0
"""How far back from each corner a cushion's outline starts to round off (_rounded): a
third of a knee cushion's height, so it looks stuffed, with flat sides between; a flat
head pillow's short sides are all curve, a lens."""
SOFT_STEPS = 6
"""Points along each rounded corner: smooth on the player's large figure."""
SOFT_TOP = 0.8
"""A cushion's lighter top, as a share of its top face: a rim of the side shows round it."""

Point2 = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Frame:
    """Maps camera cm (x right, y up) to a viewBox of width x height (y grows down)."""

    scale: float
    offset_x: float
    offset_y: float
    width: float = VIEW_W
    height: float = VIEW_H
    left: float = 0.0
    """Where this frame's box starts in the drawing (the second of a side-by-side pair)."""

    def to_view(self, u: float, v: float) -> Point2:
        return (self.offset_x + u * self.scale, self.offset_y - v * self.scale)


@dataclass(frozen=True, slots=True)
class Shape:
    """One flat shape in view units.

    kind "poly" is a closed polygon, "line" an open polyline of width size[0], "circle"
    and "ellipse" are centred on points[0] with radii `size`. `role` picks the colour
    (FigureStyle); `outline` strokes the edge in the outline colour, so parts that
    overlap stay apart.
    """

    kind: str
    role: str
    points: tuple[Point2, ...]
    size: tuple[float, float] = (0.0, 0.0)
    outline: bool = False
    part: str = ""
    """What it draws ("l_hip" for the left thigh, "chair:seat"): for tests, not drawn."""


@dataclass(frozen=True, slots=True)
class Drawing:
    """Everything to paint, back to front, and where each joint landed (view units)."""

    width: float
    height: float
    shapes: tuple[Shape, ...]
    joints: dict[str, Point2] = field(default_factory=dict)
    outline_width: float = 1.0
    detail: tuple[Shape, ...] = ()
    """The magnified detail (Figure.zoom), painted over the figure: kept apart so what is
    said of the figure's shapes (which part covers which) is said of the body alone."""

    @property
    def painted(self) -> tuple[Shape, ...]:
        """Every shape in painting order: the figure, then its detail."""
        return self.shapes + self.detail


@dataclass(frozen=True, slots=True)
class FigureStyle:
    """Colours for every role; explicit values (not currentColor) so PDF renderers agree.

    The far side is lighter than the near side yet keeps at least 3:1 contrast against the
    background (tests check it for the light, dark and high-contrast styles).
    """

    near: str = "#24504f"
    far: str = "#5f8e8a"
    floor: str = "#c9c3b8"
    prop: str = "#b8a98f"
    background: str | None = None
    prop_top: str = "#d3c7b1"
    outline: str = "#ffffff"
    shadow: str = "#000000"
    focus: str = "#4a9fd8"  # a calm blue: amber read as "pain here"
    trail: str = "#4a9fd8"  # the body scan's parts already passed: the focus, fainter
    mat: str = "#d9e4e1"
    cue: str = "#5b5b5b"  # a motion arrow: a quiet grey apart from the body's colours
    hollow: str = "#4a9fd8"  # the pelvic tilt's low-back hollow: a soft tint, not a body part
    arm: str = "#416f6c"  # a near arm lying over the legs (Figure.near_arm): near and far mixed
    ghost: str = "#c2cece"  # the start position behind the body (Figure.ghost): near, paled
    # the limbs the eye has to find (Figure.tinted): blue, as light as arm and far
    tint_near: str = "#316c94"
    tint_far: str = "#408cbf"

    def colour(self, role: str) -> str:
        return str(getattr(self, role))


BODY_ROLES = frozenset({"near", "far", "arm", "tint_near", "tint_far"})
"""The roles of the body's own parts (limbs, trunk, neck, head)."""

ROLE_OPACITY = {"shadow": 0.13, "focus": 0.45, "hollow": 0.6, "trail": 0.2}
ARROW_LINE_CM = 1.6
"""A motion arrow's line width (cm at the figure's scale): calm, thinner than a limb."""
ARROW_MIN_WIDTH = 1.9
"""Its least width in view units, so it still shows on a thumbnail."""
ARROW_HEAD = (3.2, 1.3)
"""Its head's length and half-width, in line widths."""
HOLD_WATCH_CM = 6.0
"""The hold stopwatch's radius (cm at the figure's scale): as wide as a short arrow is long,
so it takes the arrow's place without reaching the body beside it."""
HOLD_WATCH_STEPS = 32
"""Points round a full stopwatch face; a part-filled one gets its share of them."""
ARC_MIRROR_MIN = 0.7
"""How much of world left-right must run across the picture (its length on screen, 0-1)
before a curved arrow is reflected for the second side."""
PELVIS_RIM_CM: tuple[tuple[float, float], ...] = ((-8.5, 13.0), (0.0, 14.0), (5.0, 13.0))
"""The top of the pelvis across the trunk (forward, up from the hip joints, cm), back to
front like a waistband: clear of the thigh, so its turning shows the pelvis rocking."""
PELVIS_NEEDLE_CM: tuple[tuple[float, float], tuple[float, float]] = ((8.0, 12.0), (24.0, 12.0))
"""A pointer standing out of the front of the pelvis (forward, up from the hip joints, cm),
drawn like the motion arrow: it tips towards the head as the back flattens and towards the
feet as it arches, a dial of the pelvis's rocking. With only the rim and the hollow, raters
saw the back change but not the pelvis turn."""
PELVIS_RIM_WIDTH_CM = 2.2
"""The rim's line width: twice an outline, so its turn reads at a glance (a thin one was
lost among the body's outlines), yet a line, not a band."""
PELVIS_MARK_DEPTH = 3.0
"""How far in front of the trunk the rim is drawn: over the thigh's root, and so over the
near limbs too (no figure that shows the rim has a hand lying across the pelvis)."""
ROCKING_PELVIS_DEG = 20.0
"""A lying pelvis that turns this much between keyframes while staying on the mat is what
the exercise moves: a line across its top shows it tipping."""
LORDOSIS_CM_PER_DEG = 0.25
"""How far the belly side of the lower back comes in per degree of lumbar arch (lying)."""
LORDOSIS_SHARE = {"spine0": 0.6, "spine1": 1.0, "spine2": 0.5}
ROCKING_HOLLOW_CM_PER_DEG = 0.16
"""Where the pelvis itself is the movement (pelvic tilt), the arched lower back is drawn
lifted this much further off the mat per degree of lumbar arch (back and belly together):
a hollow of a few cm is a sliver of daylight on a thumbnail, this makes it a clear gap."""
HOLLOW_SECTIONS = ("pelvis", "spine0", "spine1", "spine2", "spine3")
"""The trunk sections the pelvic tilt's hollow tint spans, under the spine between them."""
REST_MARGIN_CM = 1.5
"""Band below the lowest point where a part rests on the mat (cm): a little mat shows."""
SEAT_CM = (-2.5, 11.0, 8.0, 15.0)
"""The buttocks: forward and down from the hip joints, half depth and half width (cm)."""
SEAT_TUCK_DEG = (80.0, 20.0)
"""Hip flexion where the buttocks start to tuck under the thighs, and over how many degrees."""
SEAT_SETTLE_CM = 3.0
"""A rocking pelvis's underside this close above the mat is drawn on it."""
SEAT_TUCKED_CM = 4.0
"""How far below the hip joints the buttocks sit once the thighs fold up (cm), in place of
SEAT_CM's 11: they tuck under the thighs instead of sticking out past them."""
PROFILE_FLAT = 0.5
"""The face in profile (a nose and one eye) once it points this far across the picture
(the length of its direction on screen); less, and it looks at us with two eyes."""
EYE_TO_CROWN = 0.3
"""How far a profile's eye sits from the face's middle towards the crown (head radii)."""
EYE_TO_CROWN_FACE_UP = -0.05
"""The same on a face looking up (FACE_UP), which has no nose: the eye alone says where the
face looks. Towards the crown, a curl-up's lifted head read as "tipped back, chin poking";
at the face's middle, a little towards the chin, it looks at the knees: side by side the
still picture won two of three and a tie."""
FACE_UP = 0.7
"""A profile face that looks this far up the picture (the up part of its direction on
screen), lying on the back, shows its eye only. On a head lifted off the mat (the curl-up)
the nose's point read as a chin pushed up, "the neck craned": 2, 2, 2 with it and 3, 3, 3
without it, seen as start and work side by side. Faces that look across or down keep it: on
those a round bump read as a bun or an ear. No figure's face crosses this line as it moves
(lying on the back 0.86 and up, every other profile 0.22 and down)."""
EYE_ACROSS = 0.45
EYE_UP = 0.18
"""Where an eye sits on the face, along the head's left and up axes per unit forward."""
EYE_OUT = 0.9
"""How far out from the head's centre (in head radii) an eye on the surface is drawn."""
NOSE_REACH = 1.22
"""How far the nose's tip stands out from the head's centre, in head radii."""
NOSE_ROOT_RAD = 0.3
"""Half the angle of head outline the nose grows from (radians)."""
ARM_ACROSS_HEAD = 0.7
"""A near arm reaching forward that crosses a raised head on screen above this (head radii
below its centre) is drawn in front of it (the bird dog's second side, the arm level with
the back); lower, passing under the chin on the way down (child's pose), it stays behind."""
HEAD_HIGH_CM = 30.0
"""A head this high or higher, in a figure seen from one side, goes behind the near limbs."""
FOCUS_BAND_CM = 14.0
"""The body scan's glow of attention: 14 cm along the body and as wide as the body part it
lies on (a band wider than the body read as a strap or roller moved under it)."""
FOCUS_FADE = 0.1
"""The last share of the focus (0 feet .. 1) fades the glow out over the head, so the loop
starts again at the feet instead of sweeping back down the body."""
THOUGHT_BUMPS = 14
"""The thought bubble's cloud (Figure.thought): this many round bumps round its edge."""
THOUGHT_ASPECT = 3.1
"""The cloud's width over its height, without the bumps: as long as a lying body."""
THOUGHT_CLEAR = 4.0
"""Its gap (view units) to the body and the mat below it and to the inset beside it."""
THOUGHT_INNER = 0.8
"""The share of the cloud's half-width and half-height the small copy of the body fills."""


# ---------------------------------------------------------------------------
# Body part sizes (cm): half-thickness at each joint
# ---------------------------------------------------------------------------

_TRUNK_SECTIONS: tuple[tuple[str, float, float], ...] = (
    # spine point, half depth (front to back), half width (side to side)
    ("pelvis", 11.0, 17.0),
    ("spine0", 10.5, 16.0),
    ("spine1", 10.0, 15.0),
    ("spine2", 10.5, 15.5),
    ("spine3", 12.0, 17.0),
    ("c7", 8.5, 15.5),
)
BELLY_SHARE = {"spine0": 0.85, "spine1": 1.0, "spine2": 0.2}
"""How much of the breath's rise (Figure.breath_cm) each trunk section takes: a dome over
the belly. Two sections alone rose to a point that raters saw as "a lump"; side by side
they preferred a wider dome (two of three, one tie). That one also lifted the lower chest
(spine2 0.55) under the hand resting there, and in belly breathing the chest stays still,
so the chest takes only a little of it here."""
BACK_CM = 10.0
"""How far a standing figure's back lies behind the spine (cm): deeper trunk sections reach
further forward only. Every other figure (lying, kneeling, seated) moves half as far
(FigureScene._back_share): their contacts with the floor and seat were drawn with that."""
GUIDE_GAP_CM = 2.0
"""How far the back's guide stick (Figure.guide "back") lies off the drawn back (cm)."""
GUIDE_BELOW_CM = 9.0
"""How far the guide stick reaches past the pelvis towards the seat (cm)."""
GUIDE_PAST_HEAD_CM = 5.0
"""How far the guide stick reaches past the middle of the head, along the back (cm): to
about the crown, not on past it like a pole. The plumb line (guide "plumb") reaches as far
above the top of the head."""
LINE_PAST_CM = 7.0
"""How far the body line (guide "line") reaches on past the knees (cm)."""
PLUMB_DASH_CM = (6.0, 10.0)
"""The plumb line's dash and dash-plus-gap lengths (cm): dashed, it reads as a line to
stay on, not a pole."""
_SPINE_FRAME_FOR = {"pelvis": 0, "spine0": 0, "spine1": 1, "spine2": 2, "spine3": 3, "c7": 4}
"""Which of the skeleton's spine frames turns each trunk section (pelvis, then after each
of the four spine joints)."""
UNDER_TRUNK_CM = 10.0
"""A hand this close (across the floor) to the spine between pelvis and mid-back, and lower
than it, lies under the body: it is drawn behind the trunk even on the near side."""


def _under_trunk(pts: Mapping[str, Vec], side: str) -> bool:
    hand = pts[side + "hand"]
    return any(
        math.hypot(hand[0] - spine[0], hand[2] - spine[2]) < UNDER_TRUNK_CM and hand[1] < spine[1]
        for spine in (pts["pelvis"], pts["spine0"], pts["spine1"], pts["spine2"])
    )


HAND_UNDER_CM = (4.0, 16.0)
"""A hand under the low back: how high its top stands above the palm's centre, and how far
along the back (either way) the back's underside arches over it (cm)."""


def _held_up(pts: Mapping[str, Vec], point: Vec, m: Mat, depth_half: float) -> float:
    """How far (cm) a hand slid under the lying back lifts the back's underside at `point`
    (spine frame `m`)."""
    fwd, up = (m[0], m[3], m[6]), (m[1], m[4], m[7])
    if fwd[1] < 0.8:
        return 0.0  # only lying on the back
    skin = point[1] - depth_half * fwd[1]
    held = 0.0
    for side in ("l_", "r_"):
        if not _under_trunk(pts, side):
            continue
        palm = pts[side + "palm"]
        along = sum((palm[i] - point[i]) * up[i] for i in range(3))
        near = 1.0 - abs(along) / HAND_UNDER_CM[1]
        if near > 0.0:
            top = palm[1] + HAND_UNDER_CM[0]
            held = max(held, (top - skin) * math.sin(near * math.pi / 2))
    return max(0.0, held)


ON_TRUNK_CM = (12.0, 5.0)
"""A hand this close (across the floor) to the spine and this much higher lies on the body
(belly or chest, lying down): the far one is drawn on top of the trunk, not lost behind it."""


def _on_trunk(pts: Mapping[str, Vec], side: str) -> bool:
    hand = pts[side + "palm"]
    return any(
        math.hypot(hand[0] - spine[0], hand[2] - spine[2]) < ON_TRUNK_CM[0]
        and hand[1] > spine[1] + ON_TRUNK_CM[1]
        for spine in (pts["pelvis"], pts["spine0"], pts["spine1"], pts["spine2"], pts["spine3"])
    )


_LIMB_PARTS: tuple[tuple[str, str, float, float], ...] = (
    ("shoulder", "elbow", 5.6, 4.2),
    ("elbow", "wrist", 4.2, 3.0),
    ("wrist", "hand", 3.3, 3.0),
    ("hip", "knee", 8.6, 5.8),
    ("knee", "ankle", 5.8, 3.8),
    ("heel", "toe", 3.2, 2.0),
)
_ARM_PARTS = frozenset({"shoulder", "elbow", "wrist"})
"""The limb parts (by the joint they start from) that make up an arm and its hand."""
_LEG_PARTS = frozenset({"hip", "knee", "heel"})
"""The limb parts that make up a leg and its foot."""
JOINT_NAMES: tuple[str, ...] = (
    "pelvis",
    "c7",
    "head",
    *(f"{s}_{j}" for s in "lr" for j in ("shoulder", "elbow", "wrist", "hip", "knee", "ankle")),
)
"""The joints whose view position the player, thumbnails and SVG must agree on."""


def _capsule(a: Point2, ra: float, b: Point2, rb: float, steps: int = 5) -> list[Point2]:
    """Outline of two circles joined by their outer tangents: a tapered limb."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d <= abs(ra - rb) + 1e-6:
        centre, radius = (a, ra) if ra >= rb else (b, rb)
        return _arc(centre, radius, 0.0, 2 * math.pi, steps * 3)
    ux, uy = dx / d, dy / d
    s = (ra - rb) / d
    c = math.sqrt(max(0.0, 1 - s * s))
    # Normal angles of the two tangent lines; arcs run round the far ends.
    base = math.atan2(uy, ux)
    alpha = math.atan2(c, s)  # angle between u and each tangent normal
    out = _arc(b, rb, base - alpha, base + alpha, steps)
    out += _arc(a, ra, base + alpha, base + 2 * math.pi - alpha, steps)
    return out


def _arc(c: Point2, r: float, start: float, end: float, steps: int) -> list[Point2]:
    return [
        (
            c[0] + r * math.cos(start + (end - start) * i / steps),
            c[1] + r * math.sin(start + (end - start) * i / steps),
        )
        for i in range(steps + 1)
    ]


# ---------------------------------------------------------------------------
# The scene of one figure: camera, frame and the unchanging props
# ---------------------------------------------------------------------------

MIRROR_VIEW_POSITIONS = ("side_lying",)
"""Positions whose second side is drawn as the first side's mirror image."""

MIRROR_VIEW_CORNER_POSITIONS = ("supine", "prone")
"""Lying positions drawn mirrored when seen from a corner (a yaw between the main views)."""

CORNER_YAW = 30.0
"""A camera is at a corner when its yaw is at least this far from side, front and back."""


def mirrors_view(figure: Figure) -> bool:
    """Whether the second side is drawn as the first side's mirror image.

    Besides side lying, a figure lying on its back or belly seen from a corner: mirrored
    in the world, one side would move towards the viewer and the other away, so the two
    sides would look different (and near and far limbs swap colours). And a figure with a
    chair or stool standing beside the body (wholly off its middle, on the far side from
    the camera): mirrored in the world it would stand between the body and the camera.
    A bag carried in one hand stays in the near hand, never hidden behind the legs.
    """
    if figure.position in MIRROR_VIEW_POSITIONS:
        return True
    yaw, pitch = CAMERA_ANGLES[figure.camera]
    corner = CORNER_YAW <= yaw % 90.0 <= 90.0 - CORNER_YAW and pitch < 90.0
    if figure.position in MIRROR_VIEW_CORNER_POSITIONS and corner:
        return True
    return any(
        prop.kind is PropKind.BAG
        or (prop.kind in (PropKind.CHAIR, PropKind.STOOL) and abs(prop.z) >= prop.depth / 2 + 5.0)
        for prop in figure.props
    )


class FigureScene:
    """Turns poses of one figure into drawings; built once per figure and kept.

    The frame covers every keyframe and in-between on both sides, so the figure keeps
    its size and place while it moves.
    """

    def __init__(self, figure: Figure, frame: Frame | None = None) -> None:
        self.figure = figure
        self.camera = Camera.named(figure.camera)
        self._static: dict[tuple[bool, float, float, float], list[_Solid]] = {}
        self._anchors: dict[bool, Vec] = {}
        self._body_lines: dict[bool, tuple[Vec, Vec]] = {}
        # lying on the back seen from the side, the pelvis's tilt is what many floor
        # exercises move: its buttocks and hip bone are drawn so the tilt shows
        self._shows_pelvis = figure.position == "supine" and self.camera.sees_floor_edge_on
        # standing, the back is what a bend shows: all of a deeper chest's depth goes
        # forwards, so a straight spine draws a straight back (a half share left the
        # upper back 1 cm proud, a hinge drawn with a rounded back); lying and kneeling
        # figures keep the share their floor contacts were drawn with
        self._back_share = 1.0 if figure.position == "standing" else 0.5
        pitches = [k.pose.turn[1] for k in figure.keyframes]
        heights = [k.pose.root[1] for k in figure.keyframes]
        self._rocks_pelvis = (
            self._shows_pelvis
            and max(pitches) - min(pitches) >= ROCKING_PELVIS_DEG
            and max(heights) - min(heights) <= 3.0
        )
        self._lying_on = max(
            (p.y + p.h for p in figure.props if p.kind is PropKind.MAT), default=0.0
        )
        # where parts rest on the mat (either side: the second side is mirrored), so the
        # edge-on band can reach the ones the camera draws lower than the mat's middle
        self._resting = tuple(
            (target[0], sign * target[2])
            for key in figure.keyframes
            for _, target in key.pose.contacts
            if abs(target[1] - self._lying_on) <= 4.0
            for sign in (1.0, -1.0)
        )
        self._insets: dict[bool, tuple[Shape, ...]] = {}
        self._ghosts: dict[tuple[bool, Frame], tuple[Shape, ...]] = {}
        self._thoughts: dict[tuple[bool, Frame, bool], tuple[tuple[Shape, ...], _Fit]] = {}
        # beside an inset the picture keeps a column clear on the left (the frame's left);
        # a thumbnail, which leaves the inset out, uses the whole picture (_plain_frame)
        reserve = VIEW_W * INSET_SHARE * INSET_CLEAR if figure.inset is not None else 0.0
        self._unit_extents: list[tuple[float, float, float, float]] = []
        self.frame = frame if frame is not None else self._fit(reserve)
        self._reserve = self.frame.left if figure.inset is not None else 0.0
        self._plain_frame = self._fit() if self._reserve else self.frame
        self._zoom_centres: dict[bool, Point2] = {}
        if figure.zoom is not None and frame is None:
            self.frame = self._below_zoom(self.frame)

    # -- fitting ---------------------------------------------------------------------------

    def samples(self) -> list[Pose]:
        """Keyframes and in-betweens of both sides: what the frame has to hold."""
        poses = []
        steps = 24
        for i in range(steps):
            for mirrored in (False, True):
                poses.append(self.figure.at_phase(i / steps, mirrored=mirrored))
        for _, pose in self.figure.poses:
            poses += [pose, pose.mirrored()]
        return poses

    def _fit(self, reserve: float = 0.0) -> Frame:
        """The frame that holds every sample, right of a column `reserve` wide."""
        unit = Frame(scale=1.0, offset_x=0.0, offset_y=0.0)
        shapes = [self._shapes(pose, unit, floor=False) for pose in self.samples()]
        boxes = [_extent(drawn) for drawn in shapes]
        if self.figure.zoom is not None and not self._unit_extents:
            self._unit_extents = [_extent((shape,)) for drawn in shapes for shape in drawn]
        left = min(b[0] for b in boxes)
        top = min(b[1] for b in boxes)
        right = max(b[2] for b in boxes)
        bottom = max(b[3] for b in boxes)
        usable_w = VIEW_W - 2 * VIEW_MARGIN - reserve
        usable_h = VIEW_H - 2 * VIEW_MARGIN
        scale = min(MAX_SCALE, usable_w / (right - left), usable_h / (bottom - top))
        offset_x = reserve + (VIEW_W - reserve) / 2 - (left + right) / 2 * scale
        offset_y = VIEW_H / 2 - (top + bottom) / 2 * scale
        return Frame(scale, offset_x, offset_y, width=VIEW_W - reserve, left=reserve)

    def _below_zoom(self, frame: Frame) -> Frame:
        """`frame` moved down the picture until every sample keeps clear of the magnified
        detail's box (Figure.zoom) in the top left corner. A body lying along the floor has
        room above it; tests check each figure with a detail still fits."""
        _left, _, right, bottom = self.zoom_box()
        s = frame.scale
        need = max(
            (
                bottom + ZOOM_GAP - (frame.offset_y + y0 * s)
                for x0, y0, _, _ in self._unit_extents
                if frame.offset_x + x0 * s < right + ZOOM_GAP
            ),
            default=0.0,
        )
        return replace(frame, offset_y=frame.offset_y + need) if need > 0 else frame

    # -- drawing ---------------------------------------------------------------------------

    def drawing(self, pose: Pose, *, inset: bool = True) -> Drawing:
        """`pose` drawn in the scene's frame.

        `inset=False` leaves out the start-position inset (Figure.inset), the ghost
        (Figure.ghost) and the thought bubble (Figure.thought), and draws the figure in the
        whole picture: a library thumbnail is too small to read them.
        """
        joints: dict[str, Point2] = {}
        frame = self.frame if inset else self._plain_frame  # the same without an inset
        shapes = self._shapes(pose, frame, joints=joints)
        if inset and self.figure.ghost:
            self._put_ghost(shapes, pose.flipped, frame)
        if inset and self.figure.thought:
            shapes += self.thought(pose, frame, shapes)
        if inset and self.figure.inset is not None:
            shapes = [*self.inset(pose.flipped), *shapes]
        detail: list[Shape] = []
        if inset and self.figure.zoom is not None:
            corner = (VIEW_MARGIN / 2, VIEW_MARGIN / 2)
            detail = self.zoom(pose.flipped, frame, corner, shapes)
        outline = OUTLINE_CM * frame.scale
        return Drawing(VIEW_W, VIEW_H, tuple(shapes), joints, outline, tuple(detail))

    def ghost(self, flipped: bool, frame: Frame) -> tuple[Shape, ...]:
        """The start position's body in the ghost's pale tone (Figure.ghost), without its
        face: made once per side, for it never moves. Each shape's part is its own part
        after "ghost:"."""
        key = (flipped, frame)
        shapes = self._ghosts.get(key)
        if shapes is None:
            start = self.figure.start.mirrored() if flipped else self.figure.start
            shapes = tuple(
                replace(shape, role="ghost", part="ghost:" + shape.part)
                for shape in self._shapes(start, frame, floor=False)
                if shape.role in BODY_ROLES
            )
            self._ghosts[key] = shapes
        return shapes

    def _put_ghost(self, shapes: list[Shape], flipped: bool, frame: Frame) -> None:
        """The ghost into `shapes` (a pose drawn in `frame`), behind every part of the body
        and over the floor, the mat and the props behind it."""
        at = next((i for i, s in enumerate(shapes) if s.role in BODY_ROLES), len(shapes))
        shapes[at:at] = self.ghost(flipped, frame)

    def thought(
        self, pose: Pose, frame: Frame, shapes: Sequence[Shape], *, first: bool = True
    ) -> list[Shape]:
        """A thought bubble (Figure.thought) rising from the head into the room above the
        body, holding a small copy of the start position with the pose's own band of
        attention: the scan goes on in the mind while the body lies still.

        The cloud, its trail of bubbles and the small body never move, and come first,
        each named "thought" (one cached image in the player); the small band and tint
        follow as "thought:focus". `first` says whether the frame's box holds the inset.
        """
        key = (pose.flipped, frame, first)
        made = self._thoughts.get(key)
        if made is None:
            made = self._thought_still(pose.flipped, frame, first)
            self._thoughts[key] = made
        still, fit = made
        lit = [
            replace(fit.shape(shape), part="thought:focus")
            for shape in shapes
            if shape.role in ("focus", "trail")
        ]
        return [*still, *lit]

    def _thought_still(
        self, flipped: bool, frame: Frame, first: bool
    ) -> tuple[tuple[Shape, ...], _Fit]:
        start = self.figure.start.mirrored() if flipped else self.figure.start
        joints: dict[str, Point2] = {}
        body = [
            shape
            for shape in self._shapes(replace(start, focus=-1.0), frame, joints=joints)
            if shape.role not in ("floor", "shadow")
        ]
        x0, y0, x1, y1 = _extent(body)
        # the room above the body: from the inset (or the frame's left) to its right edge
        left = frame.left + THOUGHT_CLEAR
        if first and self.figure.inset is not None:
            left = max(left, frame.left - self._reserve + self.inset_box()[2] + THOUGHT_CLEAR)
        right = frame.left + frame.width - VIEW_MARGIN / 2
        top = frame.offset_y - self.frame.offset_y + VIEW_MARGIN / 2
        bottom = y0 - THOUGHT_CLEAR
        # a unit cloud, then fitted into the room, as far left as the trail allows
        cloud = _cloud(THOUGHT_ASPECT, 1.0, THOUGHT_BUMPS)
        cx0, cy0, cx1, cy1 = _extent([Shape("poly", "cue", tuple(cloud))])
        k = min((bottom - top) / (cy1 - cy0), (right - left) / (cx1 - cx0))
        head = joints["head"]
        # the cloud's left end over the head's, so its bubbles rise from the head to it
        ox = max(left, head[0] - HEAD_RADIUS * frame.scale) - cx0 * k
        ox = min(ox, right - cx1 * k)
        oy = bottom - cy1 * k
        outline = tuple((ox + x * k, oy + y * k) for x, y in cloud)
        shapes = [
            Shape("poly", "outline", outline, part="thought"),
            Shape(
                "line",
                "cue",
                (*outline, outline[0]),
                (_cue_width(frame.scale) * 0.6, 0.0),
                part="thought",
            ),
        ]
        # three bubbles growing from beside the head to the cloud's lower left
        tip = (ox + cx0 * k + (cx1 - cx0) * k * 0.18, oy + cy1 * k - (cy1 - cy0) * k * 0.22)
        gap = HEAD_RADIUS * 1.5 * frame.scale
        dx, dy = tip[0] - head[0], tip[1] - head[1]
        d = math.hypot(dx, dy) or 1.0
        line = _cue_width(frame.scale) * 0.6
        for share, r in ((0.0, 0.045), (0.4, 0.07), (0.78, 0.095)):
            along = gap + (d - gap) * share * 0.85
            c = (head[0] + dx / d * along, head[1] + dy / d * along)
            radius = r * (cy1 - cy0) * k
            shapes.append(Shape("circle", "cue", (c,), (radius + line / 2,) * 2, part="thought"))
            shapes.append(
                Shape("circle", "outline", (c,), (max(0.1, radius - line / 2),) * 2, part="thought")
            )
        # the small body, fitted into the cloud's middle
        cx, cy = ox + (cx0 + cx1) / 2 * k, oy + (cy0 + cy1) / 2 * k
        half_w = THOUGHT_ASPECT * k * THOUGHT_INNER
        half_h = k * THOUGHT_INNER
        m = min(2 * half_w / (x1 - x0), 2 * half_h / (y1 - y0))
        fit = _Fit(m, cx - (x0 + x1) / 2 * m, cy - (y0 + y1) / 2 * m)
        shapes += [replace(fit.shape(shape), part="thought") for shape in body]
        return tuple(shapes), fit

    @staticmethod
    def zoom_box() -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the magnified detail's box (Figure.zoom), view units."""
        x0 = y0 = VIEW_MARGIN / 2
        return x0, y0, x0 + VIEW_W * ZOOM_SHARE, y0 + VIEW_H * ZOOM_SHARE

    def inset_box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the start-position inset, view units."""
        x0 = y0 = VIEW_MARGIN / 2
        return x0, y0, x0 + VIEW_W * INSET_SHARE, y0 + VIEW_H * INSET_SHARE

    def inset(self, flipped: bool) -> tuple[Shape, ...]:
        """The start position from the inset's camera, small, in a thin frame (top left).

        Every shape's part is "inset", so the player paints the lot from one cached image.
        Without outlines: at a third of the size the white rims ran the limbs together
        into a lattice, and the two sides' tones keep the limbs apart.
        """
        cached = self._insets.get(flipped)
        if cached is not None:
            return cached
        assert self.figure.inset is not None
        figure = replace(self.figure, camera=self.figure.inset, arrow=None, guide=None, inset=None)
        natural = FigureScene(figure).frame
        x0, y0, x1, y1 = self.inset_box()
        k = INSET_SHARE
        frame = Frame(
            natural.scale * k,
            x0 + natural.offset_x * k,
            y0 + natural.offset_y * k,
            width=x1 - x0,
            height=y1 - y0,
            left=x0,
        )
        start = self.figure.start.mirrored() if flipped else self.figure.start
        shapes = FigureScene(figure, frame)._shapes(replace(start, focus=-1.0), frame)
        box = ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))
        cached = (
            Shape("line", "floor", box, (INSET_LINE, 0.0), part="inset"),
            *(replace(shape, outline=False, part="inset") for shape in shapes),
        )
        self._insets[flipped] = cached
        return cached

    def zoom(
        self, flipped: bool, frame: Frame, corner: Point2, body: Sequence[Shape]
    ) -> list[Shape]:
        """The part Figure.zoom names, ZOOM_TIMES larger, in a box ZOOM_SHARE of the view with
        its top left at `corner`, and a thin frame on the body round what the box shows, joined to
        the box by two thin lines.

        `body` is the pose drawn in `frame`: the detail is those shapes enlarged about the
        part, and cut to the box (every size in a drawing grows with the frame's scale, so
        this is the pose drawn at the larger scale, without solving and drawing it again).
        The box stays on where the part is in the start position, so the part is seen to
        move in it. Arrows and stopwatches stay out: they are the body's, drawn beside it;
        the pointer on the pelvis is the pelvis's, and shows it turning. The soft shadow
        stays out too: large, see-through and nearly all hidden, it cost a tenth of the
        frame. So do the far side's limbs: behind the trunk and the near thigh, they showed
        a sliver of the far thigh, and their outlines cost a tenth of the frame once the
        detail grew to half the picture. The near thigh goes behind the trunk, in the ghost's
        pale tone: drawn as it is, it covered the pelvis whose tilt the detail is there to
        show (six of six side by side, moving and still, preferred the pale thigh).
        """
        behind = [s.part in ZOOM_BEHIND and s.role == "near" for s in body]
        if any(behind):
            rest = [s for s, b in zip(body, behind, strict=True) if not b]
            pale = [replace(s, role="ghost") for s, b in zip(body, behind, strict=True) if b]
            at = next((i for i, s in enumerate(rest) if s.part == "trunk"), 0)
            body = [*rest[:at], *pale, *rest[at:]]
        x0, y0 = corner
        w, h = VIEW_W * ZOOM_SHARE, VIEW_H * ZOOM_SHARE
        box = (x0, y0, x0 + w, y0 + h)
        ax, ay = frame.to_view(*self._zoom_centre(flipped))
        k = ZOOM_TIMES
        hw, hh = w / 2 / k, h / 2 / k
        seen = (ax - hw, ay - hh, ax + hw, ay + hh)  # what the box shows, in `frame`
        # the part's centre to the box's, k times larger
        fit = _Fit(k, x0 + w / 2 - ax * k, y0 + h / 2 - ay * k)
        out: list[Shape] = []
        for shape in body:
            if shape.part.startswith("cue:") and shape.part != "cue:pelvis":
                continue
            if shape.role in ("shadow", "far", "tint_far"):  # mostly hidden there, costly
                continue
            left, top, right, bottom = _extent((shape,))
            if right <= seen[0] or left >= seen[2] or bottom <= seen[1] or top >= seen[3]:
                continue
            # a shape's extent grows with it (a line's width too): no need to measure again
            extent: Box = (*fit.point((left, top)), *fit.point((right, bottom)))
            out += _in_box(fit.shape(shape), box, extent)
        for left, top, right, bottom in (box, seen):
            ring = ((left, top), (right, top), (right, bottom), (left, bottom), (left, top))
            out.append(Shape("line", "floor", ring, (INSET_LINE, 0.0), part="zoom"))
        out += [
            Shape("line", "floor", leader, (INSET_LINE, 0.0), part="zoom")
            for leader in _leaders(box, seen)
        ]
        return out

    def _zoom_centre(self, flipped: bool) -> Point2:
        """Where (camera cm) the part Figure.zoom names is in the start position."""
        centre = self._zoom_centres.get(flipped)
        if centre is None:
            assert self.figure.zoom is not None
            # the second side drawn as the first one's mirror image (mirrors_view) mirrors
            # the camera's left and right, as _shapes does
            mirror = flipped and mirrors_view(self.figure)
            start = self.figure.start.mirrored() if flipped and not mirror else self.figure.start
            u, v, _ = self.camera.project(solve(start).points[ZOOM_POINTS[self.figure.zoom]])
            centre = self._zoom_centres[flipped] = (-u if mirror else u, v - ZOOM_DOWN_CM)
        return centre

    def row(self, poses: Sequence[Pose], columns: int = 0) -> Drawing:
        """Poses side by side, left to right, with an arrow between each two: the still
        picture (reduced motion, the printed sheet) of start -> work (-> Figure.still).

        With `columns`, the poses wrap into rows that turn back like a snake (start ->
        work, down, then on to the left): in the player's box, three poses in two columns
        are drawn half as large again as in one row. A start-position inset stays with
        the first: the set-up is what a still picture needs most. Each later pose in the
        top row follows its arrow without a column of its own. The joints are the last
        pose's.
        """
        frame = self.frame
        cols = min(columns or len(poses), len(poses))
        shift = VIEW_W + PAIR_GAP - self._reserve
        drop = VIEW_H + PAIR_GAP

        def place(i: int) -> tuple[int, int]:
            r, c = divmod(i, cols)
            return (cols - 1 - c if r % 2 else c), r

        joints: dict[str, Point2] = {}
        shapes = [*self.inset(poses[0].flipped)] if self.figure.inset is not None else []
        detail: list[Shape] = []
        for i, pose in enumerate(poses):
            c, r = place(i)
            moved = Frame(
                frame.scale,
                frame.offset_x + shift * c,
                frame.offset_y + drop * r,
                width=frame.width,
                left=frame.left + shift * c,
            )
            last = i == len(poses) - 1
            body = self._shapes(pose, moved, joints=joints if last else None)
            if self.figure.ghost and i > 0:  # behind each pose after the start, as in motion
                self._put_ghost(body, pose.flipped, moved)
            shapes += body
            if self.figure.thought:
                shapes += self.thought(pose, moved, body, first=i == 0)
            if self.figure.zoom is not None:  # each pose's own detail, in its own corner
                corner = (shift * c + VIEW_MARGIN / 2, drop * r + VIEW_MARGIN / 2)
                detail += self.zoom(pose.flipped, moved, corner, body)
            if last:
                break
            (c1, r1), gap = place(i + 1), PAIR_GAP - 8
            if r1 == r:  # across the gap between the two columns
                x = shift * min(c, c1) + VIEW_W + 4
                y = drop * r + VIEW_H / 2
                a, b = ((x, y), (x + gap, y)) if c1 > c else ((x + gap, y), (x, y))
            else:  # down, in the gap between the two rows
                # under the middle of the pose's box: a later column's starts past the inset's
                x = shift * c + ((self._reserve if c else 0.0) + VIEW_W) / 2
                a, b = (x, drop * r + VIEW_H + 4), (x, drop * r + VIEW_H + 4 + gap)
            shapes += _still_arrow(a, b)
        rows = -(-len(poses) // cols)
        width = shift * (cols - 1) + VIEW_W
        height = drop * (rows - 1) + VIEW_H
        outline = OUTLINE_CM * frame.scale
        return Drawing(width, height, tuple(shapes), joints, outline, tuple(detail))

    def _shapes(
        self,
        pose: Pose,
        frame: Frame,
        *,
        floor: bool = True,
        joints: dict[str, Point2] | None = None,
    ) -> list[Shape]:
        if pose.flipped and mirrors_view(self.figure):
            # Lying on the other side would turn the back to the camera, a chair beside
            # the body would come between it and the camera: show the first side's
            # drawing mirrored instead, as a person would see it done.
            own: dict[str, Point2] = {}
            shapes = self._shapes(pose.mirrored(), frame, floor=floor, joints=own)
            middle = 2 * frame.offset_x  # mirrors the camera's left and right
            if joints is not None:
                joints.update({mirror_name(n): (middle - x, y) for n, (x, y) in own.items()})
            return [_mirrored_shape(shape, middle) for shape in shapes]
        skeleton = solve(pose)
        cam = self.camera
        proj = {name: cam.project(p) for name, p in skeleton.points.items()}
        s = frame.scale

        def view(name: str) -> Point2:
            u, v, _ = proj[name]
            return (frame.offset_x + u * s, frame.offset_y - v * s)

        back: list[Shape] = []
        if floor:
            back += self._floor(frame)
        back += self._shadow(skeleton, frame)
        back += self._bag_shadows(skeleton, frame, pose.flipped)
        pts = skeleton.points
        parts: list[tuple[float, Shape, _Part]] = []
        trunk_depth = (proj["pelvis"][2] + proj["spine3"][2]) / 2
        trunk_points = ("pelvis", "spine1", "spine3", "c7")
        hollow: list[Shape] = []
        trunk = self._trunk(skeleton, pose, proj, frame, hollow)
        back += hollow
        parts.append(
            (
                trunk_depth,
                trunk,
                _Part(tuple(pts[n] for n in trunk_points), (15.0,) * 4, trunk_depth),
            )
        )
        if self._shows_pelvis:
            # on the trunk and over the thigh's root (PELVIS_MARK_DEPTH)
            for shape in self._pelvis_marks(skeleton, frame):
                parts.append(
                    (trunk_depth + PELVIS_MARK_DEPTH, shape, _Part((pts["pelvis"],), (0.0,), 0.0))
                )
        # Which side faces the camera: its limbs are drawn in front of the trunk and dark,
        # the other side's behind it and lighter, wherever a limb reaches.
        side_depth = {
            side: (proj[side + "hip"][2] + proj[side + "shoulder"][2]) / 2 for side in ("l_", "r_")
        }
        sided = abs(side_depth["l_"] - side_depth["r_"]) > 8.0
        near_side = "l_" if side_depth["l_"] > side_depth["r_"] else "r_"
        if self.figure.near_side == "under":
            # seen nearly square on the chest, both sides are about as near, and the nearer one
            # changed as the hips rose: the side underneath stays near (dark), so the arm
            # propping the body stands out and the top leg lies lighter behind the lower one
            sided = True
            near_side = "l_" if pts["l_shoulder"][1] < pts["r_shoulder"][1] else "r_"
        tinted = {
            (mirror_name(limb) if pose.flipped else limb)[:2] + part
            for limb in self.figure.tinted
            for part in (_ARM_PARTS if limb.endswith("arm") else _LEG_PARTS)
        }
        for side in ("l_", "r_"):
            for a, b, ra, rb in _LIMB_PARTS:
                real = (proj[side + a][2] + proj[side + b][2]) / 2
                depth = real
                role = tone = "near"
                if sided:
                    role = tone = "near" if side == near_side else "far"
                    in_front = 2.0 if role == "near" else -20.0
                    if role == "near" and self.figure.near_arm == "mid" and a in _ARM_PARTS:
                        tone = "arm"
                    if role == "near" and a in ("elbow", "wrist") and _under_trunk(pts, side):
                        # a hand slid under the low back (curl-up) goes in under the trunk,
                        # and so does the forearm: seen on the mat from the elbow, it runs in
                        # under the trunk's edge instead of ending on the waist
                        in_front = -1.0
                        if a == "wrist":
                            # the hand lies in the back's shade: a lighter tone than the
                            # near arm, so it does not read as a forearm flat on the mat
                            # (propping on an elbow) but as something under the body
                            tone = "far"
                    if role == "far" and a == "wrist" and _on_trunk(pts, side):
                        # a far hand resting on the belly or chest lies on top of the body
                        in_front = 1.0
                    depth = trunk_depth + in_front + depth * 0.01
                if side + a in tinted:
                    tone = "tint_far" if tone == "far" else "tint_near"
                outline = _capsule(view(side + a), ra * s, view(side + b), rb * s)
                # a shade further back than the joint it hangs from, so the upper arm
                # covers the forearm's round end where they meet at the same depth
                parts.append(
                    (
                        depth - 0.01 * len(parts),
                        Shape("poly", tone, tuple(outline), outline=True, part=side + a),
                        _Part((pts[side + a], pts[side + b]), (ra, rb), real),
                    )
                )
        head_depth = proj["head"][2]
        if sided and pts["head"][1] >= HEAD_HIGH_CM and self._arm_over_head(view, near_side, s):
            # held up ahead of the shoulders (hands and knees), the head would cover the near
            # arm reaching forward across it, and the arm would seem to grow out of the
            # head: it goes in front of the trunk only, behind the near limbs, and covers
            # the face where it crosses it (the eye and nose are drawn with the head); a
            # head down on the mat between the arms (child's pose) stays in front.
            head_depth = min(head_depth, trunk_depth + 1.0)
        # The neck has no outline of its own: outlined over the head or the chest it stood
        # out as a loose oval (a "collar"), and under the trunk the shoulders hid it and the
        # head floated. It lies over the trunk, whose rim would cut across it; under the
        # head, whose rim marks the chin, unless the head is further back than the trunk
        # (lying, seen from a little towards the feet); and under the near limbs, so an
        # arm's rim at the shoulder is not cut by it.
        neck_depth = (proj["c7"][2] + proj["neck_top"][2]) / 2
        base, top = NECK_RADII_CM
        neck_key = max(
            trunk_depth + 0.001, min(neck_depth - 0.5, head_depth - 0.001, trunk_depth + 1.0)
        )
        parts.append(
            (
                neck_key,
                Shape(
                    "poly",
                    "near",
                    tuple(_capsule(view("c7"), base * s, view("neck_top"), top * s)),
                    part="neck",
                ),
                _Part((pts["c7"], pts["neck_top"]), NECK_RADII_CM, neck_depth),
            )
        )
        parts.append(
            (
                head_depth,
                Shape("circle", "near", (view("head"),), (HEAD_RADIUS * s,) * 2, True, "head"),
                _Part((pts["head"],), (HEAD_RADIUS,), head_depth),
            )
        )
        bags = self._bags(skeleton, frame, pose.flipped)
        if bags and sided:
            # a case hangs out beside the near leg: it covers that leg where the leg is
            # further back than the case (stepping back), and the leg covers it where it is
            # nearer (stepping forward); the hand holding it stays in front of it
            real = bags[0][0] - 3.0  # the case's own depth (_bags puts it 3 nearer)
            nearer = [
                key
                for key, shape, part in parts
                if shape.role == "near" and shape.part[:2] == near_side and part.depth > real
            ]
            base = min(nearer, default=trunk_depth + 3.0) - 0.001
            bags = [(base + (depth - bags[0][0]) * 0.002, shape) for depth, shape in bags]
        for depth, shape in bags:
            parts.append((depth, shape, _Part((pts["pelvis"],), (0.0,), depth)))
        parts.sort(key=lambda item: item[0])
        front = self._merge_props(parts, self._props(frame, pose.flipped), frame)
        # the eye and nose lie on the head: whatever is drawn in front of the head (an arm
        # reaching forward across it) covers them too, instead of wearing the eye
        head_at = next((i + 1 for i, shape in enumerate(front) if shape.part == "head"), None)
        head_at = len(front) if head_at is None else head_at
        front[head_at:head_at] = self._face(skeleton, proj, frame)
        if pose.focus >= 0:
            front += self._focus(skeleton, pose.focus, frame)
        if self._rocks_pelvis:
            front.append(self._cue_line(self.pelvis_needle(skeleton), frame, "cue:pelvis"))
        if self.figure.guide == "back":
            front.append(self._back_guide(skeleton, frame))
        elif self.figure.guide == "plumb":
            front += self._plumb(skeleton, frame)
        elif self.figure.guide == "line":
            # over the body: the hips sag below it, then rise onto it (drawn behind, the
            # body hid it where it mattered)
            front.append(self._cue_line(self.body_line(pose.flipped), frame, "cue:guide"))
        if self.figure.arrow is not None:
            arrow = self._arrow(self.figure.arrow, pose.flipped, frame, pose.heading)
            # holding still, a stopwatch fills where the arrow was: blind raters read an
            # arrow kept on the picture through a hold as bobbing up and down
            front += arrow if pose.hold < 0 else _stopwatch(arrow, pose.hold, frame.scale)
        if joints is not None:
            for name in JOINT_NAMES:
                joints[name] = view(name)
        return back + front

    @staticmethod
    def _arm_over_head(view: Callable[[str], Point2], side: str, s: float) -> bool:
        """Whether the arm on `side` crosses the head on screen above its chin
        (ARM_ACROSS_HEAD)."""
        cx, cy = view("head")
        for a, b in (("shoulder", "elbow"), ("elbow", "wrist"), ("wrist", "hand")):
            (ax, ay), (bx, by) = view(side + a), view(side + b)
            dx, dy = bx - ax, by - ay
            t = max(0.0, min(1.0, ((cx - ax) * dx + (cy - ay) * dy) / (dx * dx + dy * dy or 1.0)))
            px, py = ax + t * dx, ay + t * dy
            near = math.hypot(px - cx, py - cy) < (HEAD_RADIUS + 4.0) * s
            if near and py < cy + ARM_ACROSS_HEAD * HEAD_RADIUS * s:
                return True
        return False

    def _trunk(
        self,
        skeleton: Skeleton,
        pose: Pose,
        proj: dict[str, tuple[float, float, float]],
        frame: Frame,
        tint: list[Shape] | None = None,
    ) -> Shape:
        """The trunk as one outline along the spine, as wide as it looks from the camera.

        Where the pelvis itself is the movement (pelvic tilt), the space between the low
        back and the mat is added to `tint` as a soft tint behind the trunk: only the gap
        under an arched back shows it, a flat back on the mat covers it all."""
        s = frame.scale
        cam = self.camera
        centres: list[Point2] = []
        halves: list[float] = []
        mat_ys: list[float] = []
        frames = skeleton.spine_frames
        belly = pose.breath * self.figure.breath_cm
        lumbar = pose.angle("lumbar")[0]
        sections = _TRUNK_SECTIONS
        if self._shows_pelvis:
            sections = (("seat", *SEAT_CM[2:]), *sections)
        for name, depth_half, width_half in sections:
            m = frames[_SPINE_FRAME_FOR.get(name, 0)]
            fwd = (m[0], m[3], m[6])
            left = (m[2], m[5], m[8])
            if name == "seat":
                # the buttocks below the hip joints: the pelvis's own end, so it is not a
                # round cap that looks the same however the pelvis turns
                # with the thighs folded up (legs on a chair, knees to the chest) the
                # buttocks tuck under them instead of sticking out past the thighs
                flexed = (pose.angle("l_hip")[0] + pose.angle("r_hip")[0]) / 2
                tuck = min(1.0, max(0.0, (flexed - SEAT_TUCK_DEG[0]) / SEAT_TUCK_DEG[1]))
                down = SEAT_CM[1] - (SEAT_CM[1] - SEAT_TUCKED_CM) * tuck
                up = (m[1], m[4], m[7])
                point = _along(_along(skeleton.points["pelvis"], fwd, SEAT_CM[0]), up, -down)
                # pressed into the mat, the soft seat flattens on it instead of going through
                depth_half = max(3.0, min(depth_half, point[1] - self._lying_on))
                if self._rocks_pelvis:
                    # rolling the pelvis back, the buttocks stay on the mat (the tailbone
                    # curls inside them): a seat drawn lifting off read as a bridge
                    lift = point[1] - depth_half - self._lying_on
                    if lift > 0.0:
                        point = (point[0], point[1] - lift, point[2])
            else:
                point = skeleton.points[name]
                # the spine runs along the back: a deeper chest or belly grows forwards, so
                # a straight spine draws a straight back (a hinge read as a stoop)
                point = _along(
                    point, fwd, (depth_half - min(depth_half, BACK_CM)) * self._back_share
                )
            if self._shows_pelvis and name in LORDOSIS_SHARE:
                # the lower back arching off the mat curves the spine in towards the belly:
                # the back lifts, the belly wall stays about where it was
                hollow = LORDOSIS_SHARE[name] * LORDOSIS_CM_PER_DEG * max(0.0, -lumbar)
                point = _along(point, fwd, -hollow / 2)
                depth_half -= hollow / 2
                if self._rocks_pelvis:
                    # the pelvic tilt's hollow is the movement: drawn as clear daylight
                    lift = LORDOSIS_SHARE[name] * ROCKING_HOLLOW_CM_PER_DEG * max(0.0, -lumbar)
                    point = (point[0], point[1] + lift, point[2])
            if self._shows_pelvis and name in LORDOSIS_SHARE:
                # hands slid in under the low back (curl-up) hold its hollow up off the
                # mat: seen from the side the back's underside arches over them, so the
                # hand is seen lying under it (not on the waist); the belly stays put
                held = _held_up(skeleton.points, point, m, depth_half)
                point = _along(point, fwd, held / 2)
                depth_half -= held / 2
            if name in BELLY_SHARE:
                # the back stays on the mat: the section thickens and its middle moves
                # forward by half, so the front rises by the whole bulge
                bulge = belly * BELLY_SHARE[name]
                point = _along(point, fwd, bulge / 2)
                depth_half += bulge / 2
            u, v, _ = cam.project(point)
            centres.append((frame.offset_x + u * s, frame.offset_y - v * s))
            _, v, _ = cam.project((point[0], self._lying_on, point[2]))
            mat_ys.append(frame.to_view(0.0, v)[1])
            halves.append((depth_half, width_half, fwd, left))  # type: ignore[arg-type]
        # direction along the spine in view space, and the silhouette half-width across it
        points_left: list[Point2] = []
        points_right: list[Point2] = []
        widths: list[float] = []
        for i, c in enumerate(centres):
            a = centres[max(i - 1, 0)]
            b = centres[min(i + 1, len(centres) - 1)]
            dx, dy = b[0] - a[0], b[1] - a[1]
            d = math.hypot(dx, dy)
            if d < 1e-6:
                dx, dy, d = 0.0, -1.0, 1.0
            nx, ny = -dy / d, dx / d
            depth_half, width_half, fwd, left = halves[i]  # type: ignore[misc]
            # the screen normal as a world direction (view y grows down)
            world = tuple(nx * r - ny * u for r, u in zip(cam.right, cam.up, strict=True))
            along_fwd = sum(w * f for w, f in zip(world, fwd, strict=True))
            along_left = sum(w * f for w, f in zip(world, left, strict=True))
            half = math.hypot(depth_half * along_fwd, width_half * along_left) * s
            widths.append(half)
            left_point = (c[0] + nx * half, c[1] + ny * half)
            right_point = (c[0] - nx * half, c[1] - ny * half)
            if self._rocks_pelvis and sections[i][0] in ("seat", "pelvis"):
                # the pelvis rolls on the mat: its underside stays on it, never a sliver
                # of daylight under the buttocks
                lowest = max(left_point, right_point, key=lambda p: p[1])
                if 0.0 < mat_ys[i] - lowest[1] <= SEAT_SETTLE_CM * s:
                    settled = (lowest[0], mat_ys[i])
                    if lowest is left_point:
                        left_point = settled
                    else:
                        right_point = settled
            points_left.append(left_point)
            points_right.append(right_point)
        if self._rocks_pelvis and tint is not None:
            # from the pelvis to the chest: the spine's line above, the mat below; the
            # trunk in front hides all of it but the daylight under the low back
            span = [i for i, sec in enumerate(sections) if sec[0] in HOLLOW_SECTIONS]
            top_edge = [centres[i] for i in span]
            mat_edge = [(centres[i][0], mat_ys[i]) for i in reversed(span)]
            tint.append(Shape("poly", "hollow", (*top_edge, *mat_edge), part="hollow"))
        # a smooth curve through the sections, so a rounded back stays round, not peaked
        outline = _smooth(points_left)
        # round the shoulder end and the seat end
        top, bottom = centres[-1], centres[0]
        outline += _end_cap(top, centres[-2], widths[-1])
        outline += list(reversed(_smooth(points_right)))
        outline += _end_cap(bottom, centres[1], widths[0])
        return Shape("poly", "near", tuple(outline), outline=True, part="trunk")

    def back_surface(self, skeleton: Skeleton, name: str) -> tuple[Vec, Vec]:
        """Where the drawn back lies behind trunk section `name` (world), and that section's
        forward direction: as _trunk draws it (a deeper section grows forwards only)."""
        depth_half = next(d for n, d, _ in _TRUNK_SECTIONS if n == name)
        m = skeleton.spine_frames[_SPINE_FRAME_FOR[name]]
        fwd = (m[0], m[3], m[6])
        behind = depth_half - (depth_half - min(depth_half, BACK_CM)) * self._back_share
        return _along(skeleton.points[name], fwd, -behind), fwd

    def back_guide_line(self, skeleton: Skeleton) -> tuple[Vec, Vec]:
        """The guide stick's two ends (world): a straight line a little behind the back,
        touching it at the sacrum and the upper back, from below the pelvis to past the
        back of the head. Computed from the skeleton, so it moves with the body."""
        sacrum, fwd_low = self.back_surface(skeleton, "pelvis")
        upper, fwd_high = self.back_surface(skeleton, "spine3")
        along = _unit(tuple(u - a for u, a in zip(upper, sacrum, strict=True)))
        out = tuple(-(a + b) for a, b in zip(fwd_low, fwd_high, strict=True))
        dot = sum(o * d for o, d in zip(out, along, strict=True))
        out = _unit(tuple(o - dot * d for o, d in zip(out, along, strict=True)))

        def beyond(p: Vec) -> float:
            return sum((a - b) * o for a, b, o in zip(p, sacrum, out, strict=True))

        # whichever part of the back sticks out furthest, the stick lies on it
        proud = max(
            0.0, *(beyond(self.back_surface(skeleton, n)[0]) for n in ("spine1", "spine2", "c7"))
        )
        lift = proud + GUIDE_GAP_CM
        base = tuple(a + o * lift for a, o in zip(sacrum, out, strict=True))
        head = skeleton.points["head"]
        reach = sum((h - a) * d for h, a, d in zip(head, sacrum, along, strict=True))
        reach += GUIDE_PAST_HEAD_CM
        low = tuple(b - d * GUIDE_BELOW_CM for b, d in zip(base, along, strict=True))
        high = tuple(b + d * reach for b, d in zip(base, along, strict=True))
        return low, high  # type: ignore[return-value]

    def body_line(self, flipped: bool) -> tuple[Vec, Vec]:
        """The body line's two ends (world): the work position's straight line from a little
        past the knees to the edge of the head, the same in every frame. (Reaching on past
        the head, it read as a pole held in the hand; into it, it crossed out an eye.)"""
        line = self._body_lines.get(flipped)
        if line is None:
            work = self.figure.work
            points = solve(work.mirrored() if flipped else work).points
            knees, head = _mid(points["l_knee"], points["r_knee"]), points["head"]
            along = _unit(tuple(h - k for h, k in zip(head, knees, strict=True)))
            line = (_along(knees, along, -LINE_PAST_CM), _along(head, along, -HEAD_RADIUS))
            self._body_lines[flipped] = line
        return line

    @staticmethod
    def plumb_line(skeleton: Skeleton) -> tuple[Vec, Vec]:
        """The plumb line's two ends (world): upright through the pelvis, from the floor to
        a little above the head. Computed from the skeleton, so it walks with the body."""
        x, _, z = skeleton.points["pelvis"]
        top = skeleton.points["head"][1] + HEAD_RADIUS + GUIDE_PAST_HEAD_CM
        return (x, 0.0, z), (x, top, z)

    def _plumb(self, skeleton: Skeleton, frame: Frame) -> list[Shape]:
        """The plumb line's dashes, each drawn like the motion arrow's line, over the body:
        solid, it read as a pole through the body, and behind the body only its ends showed,
        standing up from the head like an antenna."""
        (x, y0, z), (_, y1, _) = self.plumb_line(skeleton)
        dash, period = PLUMB_DASH_CM
        n = max(1, round((y1 - y0) / period))
        step = (y1 - y0) / n
        return [
            self._cue_line(((x, y, z), (x, y + dash, z)), frame, "cue:guide")
            for y in (y0 + k * step for k in range(n))
        ]

    def _back_guide(self, skeleton: Skeleton, frame: Frame) -> Shape:
        """A straight stick along the back, drawn like the motion arrow's line (a calm grey
        cue): the sacrum, the upper back and the back of the head stay on it."""
        return self._cue_line(self.back_guide_line(skeleton), frame, "cue:guide")

    def _cue_line(self, ends: tuple[Vec, Vec], frame: Frame, part: str) -> Shape:
        """A straight line between two world points, drawn like the motion arrow's line."""
        points = tuple(frame.to_view(*self.camera.project(p)[:2]) for p in ends)
        return Shape("line", "cue", points, (_cue_width(frame.scale), 0.0), part=part)

    def _pelvis_marks(self, skeleton: Skeleton, frame: Frame) -> list[Shape]:
        """Only where the pelvis itself is the movement (pelvic tilt): a thin line across its
        top from the back to the front hip bone, which turns as the pelvis rocks. Drawn on
        every lying figure it read as an unexplained marker at the waist; a tinted bowl
        read as a belt."""
        if not self._rocks_pelvis:
            return []
        s = frame.scale

        def at(fwd: float, up: float) -> Point2:
            return frame.to_view(*self.camera.project(_in_pelvis(skeleton, fwd, up))[:2])

        rim = tuple(at(fwd, up) for fwd, up in PELVIS_RIM_CM)
        return [Shape("line", "outline", rim, (PELVIS_RIM_WIDTH_CM * s, 0.0), part="pelvis:rim")]

    def pelvis_needle(self, skeleton: Skeleton) -> tuple[Vec, Vec]:
        """The pelvis pointer's two ends (world), from inside the pelvis out past the belly."""
        (fwd0, up0), (fwd1, up1) = PELVIS_NEEDLE_CM
        return _in_pelvis(skeleton, fwd0, up0), _in_pelvis(skeleton, fwd1, up1)

    def _mirrored_arc(self, path: list[Point2], centre: Point2) -> list[Point2]:
        """A curved (or slanted straight) arrow for the second side, when the world's
        left-right runs across the picture (seen from the feet or the front): reflected as
        the body is, so a roll to the other side curves the other way. Seen from the side,
        left-right runs into the picture and a rock or tilt looks the same on both sides:
        left as it is."""
        cam = self.camera
        nx, ny = cam.right[2], -cam.up[2]  # world +z on screen (view y grows down)
        length = math.hypot(nx, ny)
        if length < ARC_MIRROR_MIN:
            return path
        nx, ny = nx / length, ny / length
        out = []
        for x, y in path:
            d = (x - centre[0]) * nx + (y - centre[1]) * ny
            out.append((x - 2 * d * nx, y - 2 * d * ny))
        return out

    def _arrow(self, arrow: Arrow, flipped: bool, frame: Frame, heading: int = 0) -> list[Shape]:
        """The motion arrow, in front of everything: where its part is in the start position
        (so it stands still while the body moves), moved off the body by its offset.

        While the body moves (Pose.heading), the arrow has one head, the way it goes: on
        (the arrow's own way, start to work) or back. Raters read a curl-up's "up" kept on
        the way down as "lift again", and preferred knee rocking's and the pelvic tilt's
        arrows pointing the way of the moment to two heads throughout. Pausing, it is drawn
        as the figure declares it; a still picture's positions carry a heading where it
        helps (Figure.still_poses)."""
        anchor = self._anchors.get(flipped)
        if anchor is None:
            start = self.figure.start.mirrored() if flipped else self.figure.start
            pts = solve(start).points
            mid = {
                "pelvis": pts["pelvis"],
                "hips": _mid(pts["l_hip"], pts["r_hip"]),
                "knees": _mid(pts["l_knee"], pts["r_knee"]),
                "chest": pts["spine3"],
                "head": pts["head"],
            }[arrow.at]
            sign = -1.0 if flipped else 1.0
            ox, oy, oz = arrow.offset
            anchor = self._anchors[flipped] = (mid[0] + ox, mid[1] + oy, mid[2] + sign * oz)
        cam, s = self.camera, frame.scale

        def view(p: Vec) -> Point2:
            u, v, _ = cam.project(p)
            return (frame.offset_x + u * s, frame.offset_y - v * s)

        if arrow.shape == "arc":
            centre = view(anchor)
            r = abs(arrow.size) / 2 * s
            half = arrow.span / 2
            a0, a1 = arrow.turn - half, arrow.turn + half
            if arrow.size < 0:
                a0, a1 = a1, a0
            path = [
                (
                    centre[0] + r * math.sin(math.radians(a)),
                    centre[1] - r * math.cos(math.radians(a)),
                )
                for a in (a0 + (a1 - a0) * i / 16 for i in range(17))
            ]
            if flipped:
                path = self._mirrored_arc(path, centre)
        elif arrow.shape == "line":
            centre = view(anchor)
            half = arrow.size / 2 * s
            dx, dy = math.sin(math.radians(arrow.turn)), -math.cos(math.radians(arrow.turn))
            path = [
                (centre[0] - dx * half, centre[1] - dy * half),
                (centre[0] + dx * half, centre[1] + dy * half),
            ]
            if flipped:
                path = self._mirrored_arc(path, centre)
        else:
            sign = -1.0 if flipped else 1.0
            axis = (0.0, 1.0, 0.0) if arrow.shape == "up" else (0.0, 0.0, sign)
            half_len = arrow.size / 2
            a = tuple(c - d * half_len for c, d in zip(anchor, axis, strict=True))
            b = tuple(c + d * half_len for c, d in zip(anchor, axis, strict=True))
            path = [view(a), view(b)]  # type: ignore[arg-type]
        both = arrow.both and not heading
        if heading < 0:
            path.reverse()
        width = _cue_width(s)
        length, half_wide = ARROW_HEAD[0] * width, ARROW_HEAD[1] * width
        heads: list[Shape] = []
        line = list(path)
        for at_start in (False, True) if both else (False,):
            tip, before = (path[0], path[1]) if at_start else (path[-1], path[-2])
            dx, dy = tip[0] - before[0], tip[1] - before[1]
            d = math.hypot(dx, dy) or 1.0
            dx, dy = dx / d, dy / d
            base = (tip[0] - dx * length, tip[1] - dy * length)
            heads.append(
                Shape(
                    "poly",
                    "cue",
                    (
                        tip,
                        (base[0] - dy * half_wide, base[1] + dx * half_wide),
                        (base[0] + dy * half_wide, base[1] - dx * half_wide),
                    ),
                    part="cue:head",
                )
            )
            # the line stops inside the head, so its round end does not poke past the tip
            stop = (tip[0] - dx * length * 0.7, tip[1] - dy * length * 0.7)
            if at_start:
                line[0] = stop
            else:
                line[-1] = stop
        return [Shape("line", "cue", tuple(line), (width, 0.0), part="cue:arrow"), *heads]

    def _face(
        self, skeleton: Skeleton, proj: dict[str, tuple[float, float, float]], frame: Frame
    ) -> list[Shape]:
        """A nose and an eye towards where the face points (the eye alone on a face looking
        up, FACE_UP); two eyes when it faces us."""
        s = frame.scale
        cam = self.camera
        m = skeleton.head_frame
        face = cam.project((m[0], m[3], m[6]))
        up = cam.project((m[1], m[4], m[7]))
        left = cam.project((m[2], m[5], m[8]))
        hu, hv, _ = proj["head"]
        r = HEAD_RADIUS
        flat = math.hypot(face[0], face[1])

        def at(du: float, dv: float) -> Point2:
            return (frame.offset_x + (hu + du) * s, frame.offset_y - (hv + dv) * s)

        shapes: list[Shape] = []
        if flat > PROFILE_FLAT:
            fu, fv = face[0] / flat, face[1] / flat
            if fv < FACE_UP:
                shapes.append(Shape("poly", "near", self._nose(fu, fv, up, at), part="head:nose"))
            crown = EYE_TO_CROWN if fv < FACE_UP else EYE_TO_CROWN_FACE_UP
            eye = at(fu * r * 0.5 + up[0] * r * crown, fv * r * 0.5 + up[1] * r * crown)
            shapes.append(Shape("circle", "outline", (eye,), (r * 0.14 * s,) * 2, part="eye"))
        elif face[2] > 0:
            for sign in (1.0, -1.0):
                # each eye a point on the head's surface, a little to its side of the face's
                # middle and a little up: a face turned partly away (lying on the side, the
                # face towards us and along the body) shows both eyes shifted the way it
                # looks, where a profile's nose read as a beak on a chest facing us
                eye3 = tuple(
                    m[3 * i] + m[3 * i + 2] * EYE_ACROSS * sign + m[3 * i + 1] * EYE_UP
                    for i in range(3)
                )
                eu, ev, _ = cam.project(_unit(eye3))
                du, dv = eu * r * EYE_OUT, ev * r * EYE_OUT
                if self.figure.eyes == "closed":
                    # a short line across the face: shut eyes, the cue to let go
                    lid = tuple(
                        at(du + left[0] * r * 0.16 * k, dv + left[1] * r * 0.16 * k)
                        for k in (-1.0, 1.0)
                    )
                    shapes.append(Shape("line", "outline", lid, (r * 0.12 * s, 0.0), part="eye"))
                else:
                    eye = at(du, dv)
                    shapes.append(
                        Shape("circle", "outline", (eye,), (r * 0.14 * s,) * 2, part="eye")
                    )
        return shapes

    @staticmethod
    def _nose(
        fu: float, fv: float, up: tuple[float, float, float], at: Callable[[float, float], Point2]
    ) -> tuple[Point2, ...]:
        """A nose pointing forward and a little down: a round bump read as a bun or an ear
        on a face-up head, a point cannot be read as anything but where the face looks."""
        r = HEAD_RADIUS
        # screen-down along the face's own down, so the point tips towards the chin
        du, dv = -up[0], -up[1]
        across = math.atan2(fv, fu)
        root = [
            (r * 0.96 * math.cos(across + turn), r * 0.96 * math.sin(across + turn))
            for turn in (NOSE_ROOT_RAD, -NOSE_ROOT_RAD)
        ]
        tip = (fu * r * NOSE_REACH + du * r * 0.15, fv * r * NOSE_REACH + dv * r * 0.15)
        return tuple(at(u, v) for u, v in (root[0], tip, root[1]))

    def _focus(self, skeleton: Skeleton, focus: float, frame: Frame) -> list[Shape]:
        """A soft glow on the body travelling from the feet to the head: the attention,
        over a fainter tint on what it has passed.

        A band as wide as the body part, not a spot: a round spot reads as "it hurts here".
        The tint behind it read as "attention building up from the feet" side by side,
        three of three, where the band alone "could be a touch or a pressure point".
        """
        pts = skeleton.points
        # along the body, and how wide it is there (both legs, the trunk, the head)
        path = [
            (
                _mid(pts["l_ankle"], pts["r_ankle"]),
                math.dist(pts["l_ankle"], pts["r_ankle"]) / 2 + 4.0,
            ),
            (_mid(pts["l_knee"], pts["r_knee"]), math.dist(pts["l_knee"], pts["r_knee"]) / 2 + 5.5),
            (pts["pelvis"], _TRUNK_SECTIONS[0][2]),
            (pts["spine3"], _TRUNK_SECTIONS[4][2]),
            (pts["head"], HEAD_RADIUS),
        ]
        travel = min(1.0, focus / (1.0 - FOCUS_FADE))
        fade = min(1.0, (1.0 - focus) / FOCUS_FADE)
        scaled = travel * (len(path) - 1)
        i = min(int(scaled), len(path) - 2)
        t = scaled - i
        (a, wa), (b, wb) = path[i], path[i + 1]
        p: Vec = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)
        cam = self.camera
        s = frame.scale
        # across the body's feet-to-head line as the camera sees it
        fu, fv, _ = cam.project(path[0][0])
        hu, hv, _ = cam.project(path[-1][0])
        length = math.hypot(hu - fu, hv - fv) or 1.0
        across = (-(hv - fv) / length, (hu - fu) / length)
        half_along = FOCUS_BAND_CM / 2 * fade
        width = wa + (wb - wa) * t
        half_across = max(0.0, width * fade - half_along)
        top, bottom = self._across(p, across, half_across, frame)
        outline = _capsule(bottom, half_along * s, top, half_along * s)
        band = Shape("poly", "focus", tuple(outline), part="focus")
        # behind the band, a fainter tint over what it has passed: the parts already
        # noticed and let go, from the feet up to the band (it fades with the band)
        passed = [*path[: i + 1], (p, width)]
        sides = [self._across(point, across, w * fade, frame) for point, w in passed]
        outline = [*(one for one, _ in sides), *(other for _, other in reversed(sides))]
        trail = Shape("poly", "trail", tuple(outline), part="focus:trail")
        return [trail, band]

    def _across(
        self, point: Vec, across: Point2, half: float, frame: Frame
    ) -> tuple[Point2, Point2]:
        """The view points `half` cm to either side of world `point`, along `across` (a
        direction on screen, y up)."""
        u, v, _ = self.camera.project(point)
        return (
            (
                frame.offset_x + (u + across[0] * half) * frame.scale,
                frame.offset_y - (v + across[1] * half) * frame.scale,
            ),
            (
                frame.offset_x + (u - across[0] * half) * frame.scale,
                frame.offset_y - (v - across[1] * half) * frame.scale,
            ),
        )

    def _shadow(self, skeleton: Skeleton, frame: Frame) -> list[Shape]:
        """Soft shadows lying on the floor under the low points: one per foot, one under a trunk."""
        return [
            Shape("poly", "shadow", self._floor_ellipse(a, b, half_w, frame), part=f"shadow:{name}")
            for name, a, b, half_w in shadow_footprints(skeleton)
        ]

    def _floor_ellipse(self, a: Vec, b: Vec, half_w: float, frame: Frame) -> tuple[Point2, ...]:
        """An ellipse lying on the floor, from a to b along and half_w to each side, in view."""
        dx, dz = b[0] - a[0], b[2] - a[2]
        d = math.hypot(dx, dz) or 1.0
        pts = []
        for ux, uz in _SHADOW_RING:
            # along the segment a -> b, and across it on the floor
            x = (a[0] + b[0]) / 2 + ux * dx / 2 - dz / d * uz * half_w
            z = (a[2] + b[2]) / 2 + ux * dz / 2 + dx / d * uz * half_w
            pts.append(frame.to_view(*self.camera.project((x, 0.0, z))[:2]))
        return tuple(pts)

    def _bag_shadows(self, skeleton: Skeleton, frame: Frame, mirrored: bool) -> list[Shape]:
        """A soft shadow on the floor under a carried case, a hand's width or more below it:
        the gap says the case hangs from the hand (without it, seen from a little above,
        the case read as standing on the floor beside the leg)."""
        out: list[Shape] = []
        for prop in self.figure.props:
            if prop.kind is not PropKind.BAG:
                continue
            x0, _, z0, x1, _, z1 = prop.box(skeleton, mirrored=mirrored)
            cx, cz = (x0 + x1) / 2, (z0 + z1) / 2
            rx, rz = (x1 - x0) / 2 * BAG_SHADOW_SCALE, (z1 - z0) / 2 * BAG_SHADOW_SCALE
            ends = (cx - rx, 0.0, cz), (cx + rx, 0.0, cz)
            points = self._floor_ellipse(*ends, rz, frame)
            out.append(Shape("poly", "shadow", points, part="shadow:bag"))
        return out

    def _floor(self, frame: Frame) -> list[Shape]:
        s = frame.scale
        if self.camera.sees_floor_edge_on:
            y = frame.offset_y - self.camera.project((0.0, 0.0, 0.0))[1] * s
            return [
                Shape(
                    "line",
                    "floor",
                    (
                        (frame.left + VIEW_MARGIN / 2, y),
                        (frame.left + frame.width - VIEW_MARGIN / 2, y),
                    ),
                    (1.8 * s, 0.0),
                )
            ]
        return []

    def _props(self, frame: Frame, mirrored: bool) -> list[_Solid]:
        key = (mirrored, frame.scale, frame.offset_x, frame.offset_y)
        cached = self._static.get(key)
        if cached is None:
            cached = []
            props = self.figure.props
            for prop in props:
                if prop.kind is PropKind.BAG:
                    continue
                for name, corners, role in _prop_solids(prop, mirrored, _joined_ends(prop, props)):
                    solid = self._solid(
                        f"{prop.kind.value}:{name}",
                        corners,
                        role,
                        frame,
                        soft=prop.kind is PropKind.CUSHION,
                    )
                    if role == "mat" and self.camera.sees_floor_edge_on:
                        solid = replace(solid, shapes=(self._mat_band(corners, frame),))
                    cached.append(solid)
            # a prop part stays in front of the earlier ones it overlaps on screen (the
            # steps of a stair build up), wherever the body puts it
            for i, solid in enumerate(cached):
                l0, t0, r0, b0 = solid.extent
                over = tuple(
                    j
                    for j, other in enumerate(cached[:i])
                    if other.extent[0] < r0
                    and l0 < other.extent[2]
                    and other.extent[1] < b0
                    and t0 < other.extent[3]
                )
                cached[i] = replace(solid, over=over)
            self._static[key] = cached
        return cached

    def _mat_band(self, corners: _Corners, frame: Frame) -> Shape:
        """A mat seen nearly edge-on: a level band whose top is the mat's top.

        Its top face would be a thin skewed sliver whose near edge dips below the floor
        line; the band is level instead, as long as the mat and as thick as it but never
        thinner than MAT_BAND_CM, so it reads as a mat on the floor, and deep enough to
        hold the parts that rest on it nearer the camera.
        """
        cam, s = self.camera, frame.scale
        us = [cam.project((c[0], 0.0, 0.0))[0] for c in corners]
        height = max(c[1] for c in corners)
        thick = max(MAT_BAND_CM, height - min(c[1] for c in corners))
        # The top edge is the mat's real top, where the body's contacts rest; a band
        # thicker than the mat grows downward from there (past the floor line), so a
        # hand lying on the mat lies on the band, not sunk into it.
        top_v = cam.project((0.0, height, 0.0))[1]
        top = frame.offset_y - top_v * s
        # seen a little from above, a hand or forearm lying on the mat nearer the camera
        # is drawn lower than the mat's middle: the band is the mat's top reaching to it
        lowest = min((cam.project((x, height, z))[1] for x, z in self._resting), default=top_v)
        reach_v = top_v - lowest + REST_MARGIN_CM
        bottom = top + max(thick * cam.up[1], reach_v) * s
        left, right = frame.offset_x + min(us) * s, frame.offset_x + max(us) * s
        pts = ((left, bottom), (right, bottom), (right, top), (left, top))
        return Shape("poly", "mat", pts, outline=True, part="mat:mat")

    def _merge_props(
        self,
        parts: list[tuple[float, Shape, _Part]],
        solids: list[_Solid],
        frame: Frame,
    ) -> list[Shape]:
        """Body parts (already far to near) with the props' parts slotted in by depth.

        A prop part goes where it breaks the fewest "this one hides that one" pairs among
        the body parts it overlaps on screen: after every part it hides, before every part
        that hides it. Prop parts keep their own order (a stair's steps build up).
        """
        if not solids:
            return [shape for _, shape, _ in parts]
        cam = self.camera
        s = frame.scale
        boxes: list[tuple[float, float, float, float]] = []
        for _, _, part in parts:
            us = [cam.project(p) for p in part.points]
            r = max(part.radii)
            boxes.append(
                (
                    frame.offset_x + (min(u for u, _, _ in us) - r) * s,
                    frame.offset_y - (max(v for _, v, _ in us) + r) * s,
                    frame.offset_x + (max(u for u, _, _ in us) + r) * s,
                    frame.offset_y - (min(v for _, v, _ in us) - r) * s,
                )
            )
        slots: list[list[_Solid]] = [[] for _ in range(len(parts) + 1)]
        placed: list[int] = []
        for solid in solids:
            lowest = max((placed[j] for j in solid.over), default=0)
            if solid.floor:
                slots[lowest].append(solid)
                placed.append(lowest)
                continue
            # order[i]: +1 the body part must come after the prop part, -1 before, 0 either
            order = [0] * len(parts)
            l0, t0, r0, b0 = solid.extent
            for i, (_, _, part) in enumerate(parts):
                l1, t1, r1, b1 = boxes[i]
                if l1 >= r0 or l0 >= r1 or t1 >= b0 or t0 >= b1:
                    continue
                order[i] = solid.side_of(part)
            # cost of slot k: parts before it that belong in front, parts after it behind
            cost = sum(1 for o in order if o < 0)
            best, best_k = cost if lowest == 0 else None, 0
            for k in range(1, len(parts) + 1):
                o = order[k - 1]
                cost += (o > 0) - (o < 0)
                if k >= lowest and (best is None or cost < best):
                    best, best_k = cost, k
            placed.append(best_k)
            slots[best_k].append(solid)
        out: list[Shape] = []
        for k, (_, shape, _) in enumerate(parts):
            for solid in slots[k]:
                out += solid.shapes
            out.append(shape)
        for solid in slots[-1]:
            out += solid.shapes
        return out

    def _solid(
        self, name: str, corners: _Corners, role: str, frame: Frame, *, soft: bool = False
    ) -> _Solid:
        """A convex six-faced prop part: the faces turned to the camera, and its face planes.

        A `soft` part (a cushion) is drawn rounded (_soft_faces); its planes stay the box's,
        so what rests on it or lies behind it is sorted as before."""
        cam = self.camera
        s = frame.scale
        centre = tuple(sum(c[i] for c in corners) / 8 for i in range(3))
        shapes: list[Shape] = []
        planes: list[tuple[Vec, float, bool]] = []
        for face in _FACES:
            quad = [corners[i] for i in face]
            a, b, d = quad[0], quad[1], quad[3]
            e1 = (b[0] - a[0], b[1] - a[1], b[2] - a[2])
            e2 = (d[0] - a[0], d[1] - a[1], d[2] - a[2])
            n = (
                e1[1] * e2[2] - e1[2] * e2[1],
                e1[2] * e2[0] - e1[0] * e2[2],
                e1[0] * e2[1] - e1[1] * e2[0],
            )
            length = math.sqrt(n[0] ** 2 + n[1] ** 2 + n[2] ** 2) or 1.0
            mid = tuple(sum(q[i] for q in quad) / 4 for i in range(3))
            out = sum((mid[i] - centre[i]) * n[i] for i in range(3))
            sign = (1.0 if out >= 0 else -1.0) / length
            n = (n[0] * sign, n[1] * sign, n[2] * sign)
            facing = n[0] * cam.toward[0] + n[1] * cam.toward[1] + n[2] * cam.toward[2]
            offset = n[0] * a[0] + n[1] * a[1] + n[2] * a[2]
            if abs(facing) > 0.02:
                planes.append((n, offset, facing > 0))
            if facing <= 1e-6:
                continue
            pts = []
            for corner in quad:
                u, v, _ = cam.project(corner)
                pts.append((frame.offset_x + u * s, frame.offset_y - v * s))
            face_role = role + "_top" if n[1] > 0.5 and role == "prop" else role
            shapes.append(Shape("poly", face_role, tuple(pts), outline=True, part=name))
        if soft:
            shapes = self._soft_faces(shapes, corners, name, role, frame)
        flat = [p for shape in shapes for p in shape.points]
        extent = (
            min(x for x, _ in flat),
            min(y for _, y in flat),
            max(x for x, _ in flat),
            max(y for _, y in flat),
        )
        depth = cam.project(centre)[2]  # type: ignore[arg-type]
        return _Solid(tuple(shapes), tuple(planes), extent, depth, role == "mat")

    def _soft_faces(
        self, faces: list[Shape], corners: _Corners, name: str, role: str, frame: Frame
    ) -> list[Shape]:
        """A cushion's box as a soft shape: its outline with the corners rounded off, and
        the top, where it shows, as a lighter rounded patch inside it.

        Drawn as a box, a cushion under the knees read as "a pillow, a bolster or a hard
        block". Rounding keeps the middle of every edge (SOFT_RADIUS_CM), so a head or
        knees resting on the middle of the top still touch it."""
        projected = [frame.to_view(*self.camera.project(corner)[:2]) for corner in corners]
        radius = SOFT_RADIUS_CM * frame.scale
        outline = _rounded(_convex_hull(projected), radius)
        shapes = [Shape("poly", role, tuple(outline), outline=True, part=name)]
        for face in faces:
            if face.role == role + "_top":
                cx = sum(x for x, _ in face.points) / len(face.points)
                cy = sum(y for _, y in face.points) / len(face.points)
                inner = [
                    (cx + (x - cx) * SOFT_TOP, cy + (y - cy) * SOFT_TOP) for x, y in face.points
                ]
                # seen from low down the top is a thin sliver along the crown: kept
                # inside the rounded outline, its ends do not poke out past the curve
                patch = convex_cut(_rounded(inner, radius * SOFT_TOP), outline)
                if len(patch) >= 3:
                    shapes.append(Shape("poly", face.role, tuple(patch), part=name))
        return shapes

    def _bags(self, skeleton: Skeleton, frame: Frame, mirrored: bool) -> list[tuple[float, Shape]]:
        """A case hanging from the hand by a firm handle: the case, its seam, the handle.

        A light strap running to the hand read as a shopping bag or an empty box; a solid
        case with a short, thick handle gripped in the fist reads as a load.
        """
        out: list[tuple[float, Shape]] = []
        cam = self.camera
        s = frame.scale

        def view(p: Vec) -> Point2:
            u, v, _ = cam.project(p)
            return (frame.offset_x + u * s, frame.offset_y - v * s)

        for prop in self.figure.props:
            if prop.kind is PropKind.BAG:
                x0, y0, z0, x1, y1, z1 = prop.box(skeleton, mirrored=mirrored)
                body_top = y1 - min(BAG_HANDLE, (y1 - y0) / 2)
                solid = self._solid(
                    "bag", _box_corners((x0, y0, z0, x1, body_top, z1)), "prop", frame
                )
                # the sides in the quiet dark grey of a cue (the props' pale grey read as
                # an empty box), the lid in the props' light top colour
                out += [
                    (
                        solid.depth + 3.0,
                        replace(shape, role="cue") if shape.role == "prop" else shape,
                    )
                    for shape in solid.shapes
                ]
                # the lid's seam round the case, on the faces the camera sees
                seam_y = body_top - (body_top - y0) * BAG_SEAM_SHARE
                near_z = z1 if cam.toward[2] >= 0 else z0
                near_x = x1 if cam.toward[0] >= 0 else x0
                seam = (
                    view((x0, seam_y, near_z)),
                    view((near_x, seam_y, near_z)),
                    view((near_x, seam_y, z1 + z0 - near_z)),
                )
                hand = prop.hand if not mirrored else ("r" if prop.hand == "l" else "l")
                palm = skeleton.points[f"{hand}_palm"]
                zc = (z0 + z1) / 2
                half = min(BAG_GRIP_HALF, (x1 - x0) / 2)
                grip = palm[1] + 1.0
                handle = (
                    view((palm[0] - half, body_top, zc)),
                    view((palm[0] - half, grip, zc)),
                    view((palm[0], grip, palm[2])),
                    view((palm[0] + half, grip, zc)),
                    view((palm[0] + half, body_top, zc)),
                )
                out += [
                    (
                        solid.depth + 3.05,
                        Shape("line", "outline", seam, (0.9 * s, 0.0), part="bag:seam"),
                    ),
                    (
                        solid.depth + 3.1,
                        Shape("line", "cue", handle, (2.4 * s, 0.0), part="bag:handle"),
                    ),
                ]
        return out


BAG_SHADOW_SCALE = 0.9
"""A carried case's shadow, as a share of its footprint: softer and a little smaller."""
SHADOW_HEIGHT_CM = 14.0
"""A foot lower than this casts a shadow, shrinking as it lifts; a trunk casts one while its
pelvis is less than 8 cm higher than this (its shadow keeps its size)."""
SHADOW_MARGIN_CM = (4.0, 4.0)
"""How far a foot's shadow reaches past its heel and toe, and past its sides."""
SHADOW_TRUNK_HALF_CM = 12.0
_SHADOW_RING = tuple(
    (math.cos(2 * math.pi * i / 16), math.sin(2 * math.pi * i / 16)) for i in range(16)
)


def shadow_footprints(skeleton: Skeleton) -> list[tuple[str, Vec, Vec, float]]:
    """Floor ellipses under the low body parts: (name, end a, end b, half width) in cm.

    The ellipse runs from a to b (already stretched past the part) on the floor, half_w
    wide on each side. A foot in the air casts a smaller one; a part high above the floor
    (a foot on a step, a seated pelvis) casts none, so the shadow never spreads into a blob.
    """
    pts = skeleton.points
    out: list[tuple[str, Vec, Vec, float]] = []
    reach, side_cm = SHADOW_MARGIN_CM
    for side in ("l_", "r_"):
        heel, toe = pts[side + "heel_sole"], pts[side + "toe"]
        height = min(heel[1], toe[1])
        if height >= SHADOW_HEIGHT_CM:
            continue
        k = 1.0 - 0.6 * max(0.0, height) / SHADOW_HEIGHT_CM
        dx, dz = toe[0] - heel[0], toe[2] - heel[2]
        d = math.hypot(dx, dz)
        if d < 1.0:  # a foot pointing straight down: a round spot under it
            dx, dz, d = 1.0, 0.0, 1.0
        ex, ez = dx / d * reach * k, dz / d * reach * k
        a = (heel[0] - ex, 0.0, heel[2] - ez)
        b = (toe[0] + ex, 0.0, toe[2] + ez)
        out.append((side + "foot", a, b, (3.5 + side_cm) * k))
    low = pts["pelvis"][1] < SHADOW_HEIGHT_CM + 8.0
    if low:
        # lying, kneeling or on all fours: one shadow under the trunk
        a, b = pts["pelvis"], pts["spine3"]
        out.append(("trunk", (a[0], 0.0, a[2]), (b[0], 0.0, b[2]), SHADOW_TRUNK_HALF_CM))
    return out


_Corners = tuple[Vec, ...]
"""The eight corners of a six-faced solid, index 4 * x + 2 * y + z (0 low, 1 high)."""
_FACES = (
    (2, 6, 7, 3),  # top
    (0, 4, 5, 1),  # bottom
    (1, 5, 7, 3),  # +z
    (0, 4, 6, 2),  # -z
    (4, 6, 7, 5),  # +x
    (0, 2, 3, 1),  # -x
)
_TOUCH_CM = 2.5
"""A body part this close to a prop's face counts as on that face's side (a foot on a step)."""


@dataclass(frozen=True, slots=True)
class _Part:
    """A drawn body part as points with a radius round each, and its depth."""

    points: tuple[Vec, ...]
    radii: tuple[float, ...]
    depth: float


@dataclass(frozen=True, slots=True)
class _Solid:
    """A prop part: the faces drawn, its face planes (normal, offset, faces the camera)."""

    shapes: tuple[Shape, ...]
    planes: tuple[tuple[Vec, float, bool], ...]
    extent: tuple[float, float, float, float]
    depth: float
    floor: bool
    over: tuple[int, ...] = ()
    """The earlier prop parts this one overlaps on screen: it is drawn after them."""

    def side_of(self, part: _Part) -> int:
        """+1 if the body part lies in front of this prop part, -1 if behind, 0 unknown.

        Wholly outside a face the camera sees, the part cannot be hidden by the prop; wholly
        outside a face turned away, it cannot hide the prop. Otherwise the nearer centre wins.
        """
        behind = False
        for n, offset, facing in self.planes:
            low = min(
                n[0] * p[0] + n[1] * p[1] + n[2] * p[2] - r
                for p, r in zip(part.points, part.radii, strict=True)
            )
            if low >= offset - _TOUCH_CM:
                if facing:
                    return 1
                behind = True
        if behind:
            return -1
        return 1 if part.depth > self.depth else -1


def _box_corners(box: tuple[float, ...]) -> _Corners:
    x0, y0, z0, x1, y1, z1 = box
    return tuple((x, y, z) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1))


def _joined_ends(prop: Prop, props: tuple[Prop, ...]) -> frozenset[float]:
    """The ends (x) of a rail where another rail carries on: one handrail, no post there."""
    if prop.kind is not PropKind.RAIL:
        return frozenset()
    ends = set()
    for other in props:
        if other is prop or other.kind is not PropKind.RAIL or abs(other.z - prop.z) > 1.0:
            continue
        for end in (prop.x, prop.x + prop.w):
            if min(abs(end - other.x), abs(end - other.x - other.w)) <= 1.0:
                ends.add(end)
    return frozenset(ends)


def _prop_solids(
    prop: Prop, mirrored: bool, joined: frozenset[float] = frozenset()
) -> list[tuple[str, _Corners, str]]:
    """A prop as the solids it is built from: a chair is four legs, a seat and a back.

    `joined` are the ends (x) of a rail where another rail carries on (_joined_ends)."""
    x0, y0, z0, x1, y1, z1 = prop.box(mirrored=mirrored)
    if prop.kind is PropKind.MAT:
        return [("mat", _box_corners((x0, y0, z0, x1, y1, z1)), "mat")]
    if prop.kind is PropKind.RAIL:
        # a post at each end, and the bar a hand slides along, rising with the stairs: posts
        # in between stood in front of the legs of a figure climbing behind the rail and
        # read as walking through them; so did the posts where the stair's rail meets the
        # landing's, so two rails joined end to end are one handrail, posted at its ends
        bar = 4.0
        post = 3.0
        zc = (z0 + z1) / 2
        solids: list[tuple[str, _Corners, str]] = []
        # 2 cm in from each end: the start's post, then the far end's
        for end, px in ((prop.x, x0 + 2.0), (prop.x + prop.w, x1 - 2.0 - post)):
            if end in joined:
                continue
            top = prop.rail_top(px + post / 2) - bar
            solids.append(
                (
                    "post",
                    _box_corners((px, y0, zc - post / 2, px + post, top, zc + post / 2)),
                    "prop",
                )
            )
        low, high = prop.rail_top(x0), prop.rail_top(x1)
        solids.append(
            (
                "bar",
                tuple(
                    (x, (low if x == x0 else high) - (bar if y == 0 else 0.0), z)
                    for x in (x0, x1)
                    for y in (0, 1)
                    for z in (z0, z1)
                ),
                "prop",
            )
        )
        return solids
    if prop.kind in (PropKind.CHAIR, PropKind.STOOL):
        seat = prop.y + prop.h
        leg = 3.0
        parts: list[tuple[str, _Corners, str]] = []
        for lx in (x0, x1 - leg):
            for lz in (z0, z1 - leg):
                parts.append(
                    ("leg", _box_corners((lx, y0, lz, lx + leg, seat - 4.0, lz + leg)), "prop")
                )
        parts.append(("seat", _box_corners((x0, seat - 4.0, z0, x1, seat, z1)), "prop"))
        if prop.kind is PropKind.CHAIR:
            # two uprights and a top rail, open between them: a body behind the chair
            # shows through, as it would
            bx = x0 if prop.back == "-x" else x1 - 3.0
            top = seat + CHAIR_BACK
            for lz in (z0, z1 - leg):
                parts.append(
                    ("back", _box_corners((bx, seat, lz, bx + 3.0, top - 9.0, lz + leg)), "prop")
                )
            parts.append(("back", _box_corners((bx, top - 9.0, z0, bx + 3.0, top, z1)), "prop"))
        return parts
    # named by the height of its top: "step:17cm", so a stair's steps stay apart
    return [(f"{y1:g}cm", _box_corners((x0, y0, z0, x1, y1, z1)), "prop")]


def _convex_hull(points: Iterable[Point2]) -> list[Point2]:
    """The convex hull of `points`, in order round it (monotone chain)."""
    ps = sorted(set(points))
    if len(ps) < 3:
        return ps

    def turn(o: Point2, a: Point2, b: Point2) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point2] = []
    upper: list[Point2] = []
    for p in ps:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(ps):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _rounded(points: list[Point2], radius: float, steps: int = SOFT_STEPS) -> list[Point2]:
    """A closed convex polygon with each corner rounded off: the corner's two edges are cut
    `radius` back from it (at most half of each edge, so every edge keeps its middle) and
    joined by a curve that the corner pulls towards it (a quadratic Bezier)."""
    out: list[Point2] = []
    n = len(points)
    for i, corner in enumerate(points):
        ends = []
        for other in (points[i - 1], points[(i + 1) % n]):
            dx, dy = other[0] - corner[0], other[1] - corner[1]
            length = math.hypot(dx, dy) or 1.0
            cut = min(radius, length / 2) / length
            ends.append((corner[0] + dx * cut, corner[1] + dy * cut))
        (ax, ay), (bx, by) = ends
        for k in range(steps + 1):
            t = k / steps
            point = (
                (1 - t) ** 2 * ax + 2 * (1 - t) * t * corner[0] + t * t * bx,
                (1 - t) ** 2 * ay + 2 * (1 - t) * t * corner[1] + t * t * by,
            )
            # an edge shorter than two radii is all curve: its two ends meet in the middle
            if not out or math.dist(point, out[-1]) > 1e-6:
                out.append(point)
    if len(out) > 1 and math.dist(out[0], out[-1]) <= 1e-6:
        out.pop()
    return out


def _smooth(points: list[Point2], steps: int = 4) -> list[Point2]:
    """A Catmull-Rom curve through `points`, `steps` pieces between each pair."""
    out: list[Point2] = []
    n = len(points)
    for i in range(n - 1):
        p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
        p3 = points[min(i + 2, n - 1)]
        for k in range(steps):
            t = k / steps
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * b
                        + (c - a) * t
                        + (2 * a - 5 * b + 4 * c - d) * t2
                        + (3 * b - 3 * c + d - a) * t3
                    )
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
                )
            )
    out.append(points[-1])
    return out


def _end_cap(end: Point2, before: Point2, radius: float) -> list[Point2]:
    dx, dy = end[0] - before[0], end[1] - before[1]
    d = math.hypot(dx, dy) or 1.0
    base = math.atan2(dy / d, dx / d)
    return _arc(end, radius, base + math.pi / 2, base - math.pi / 2, 6)[1:-1]


def _along(p: Vec, direction: Vec, distance: float) -> Vec:
    return (
        p[0] + direction[0] * distance,
        p[1] + direction[1] * distance,
        p[2] + direction[2] * distance,
    )


@dataclass(frozen=True, slots=True)
class _Fit:
    """Scales view points by `k` and moves them by (dx, dy): a small copy of a drawing."""

    k: float
    dx: float
    dy: float

    def point(self, p: Point2) -> Point2:
        return (self.dx + p[0] * self.k, self.dy + p[1] * self.k)

    def shape(self, shape: Shape) -> Shape:
        """`shape` copied: its points moved, its size (radii, a line's width) scaled."""
        return replace(
            shape,
            points=tuple(self.point(p) for p in shape.points),
            size=(shape.size[0] * self.k, shape.size[1] * self.k),
        )


def _cloud(rx: float, ry: float, bumps: int) -> list[Point2]:
    """A cloud's outline round (0, 0): an ellipse of half-axes rx, ry whose edge bulges out
    in `bumps` half circles, one over each equal step round it."""
    corners = [
        (rx * math.cos(2 * math.pi * i / bumps), ry * math.sin(2 * math.pi * i / bumps))
        for i in range(bumps + 1)
    ]
    out: list[Point2] = []
    for a, b in itertools.pairwise(corners):
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        r = math.dist(a, b) / 2
        base = math.atan2(b[1] - a[1], b[0] - a[0])
        out += [
            (
                mid[0] + r * math.cos(base + math.pi + math.pi * k / 8),
                mid[1] + r * math.sin(base + math.pi + math.pi * k / 8),
            )
            for k in range(8)
        ]
    return out


def _cue_width(scale: float) -> float:
    """A motion arrow's or guide's line width in view units: calm, yet seen on a thumbnail."""
    return max(ARROW_LINE_CM * scale, ARROW_MIN_WIDTH)


def _in_pelvis(skeleton: Skeleton, fwd: float, up: float) -> Vec:
    """A point fixed to the pelvis: `fwd` cm forward and `up` cm up from the hip joints'
    centre, along the pelvis's own axes (so it turns as the pelvis rocks)."""
    m, centre = skeleton.pelvis_frame, skeleton.points["pelvis"]
    return (
        centre[0] + m[0] * fwd + m[1] * up,
        centre[1] + m[3] * fwd + m[4] * up,
        centre[2] + m[6] * fwd + m[7] * up,
    )


def _unit(v: tuple[float, ...]) -> Vec:
    length = math.hypot(*v) or 1.0
    return (v[0] / length, v[1] / length, v[2] / length)


def _mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _extent(shapes: Iterable[Shape]) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of shapes in view units (y down)."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        if shape.kind in ("circle", "ellipse"):
            (cx, cy), (rx, ry) = shape.points[0], shape.size
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        else:
            pad = shape.size[0] / 2 if shape.kind == "line" else 0.0
            for x, y in shape.points:
                xs += [x - pad, x + pad]
                ys += [y - pad, y + pad]
    return min(xs), min(ys), max(xs), max(ys)


def _leaders(box: Box, mark: Box) -> tuple[tuple[Point2, Point2], ...]:
    """Two thin lines from the detail's box to the mark on the body, as a book's
    magnified detail has: without them the box "could read as a separate drawing", and
    raters preferred it with them, six of six.

    The box is in the top corner, and the body is moved down clear of it: the lines join
    the box's bottom corners to the mark's top ones, left to left and right to right, so
    they never cross. A mark reaching up beside the box gets none."""
    (bl, _, br, bb), (ml, mt, mr, _) = box, mark
    if mt < bb:
        return ()
    return (((bl, bb), (ml, mt)), ((br, bb), (mr, mt)))


def _in_box(shape: Shape, box: Box, extent: Box) -> list[Shape]:
    """What of `shape` (whose _extent is `extent`) lies inside `box`, as shapes of the
    magnified detail (part "zoom").

    A line is cut half its width inside the box, so its round ends stay inside too; a cut
    circle or ellipse becomes a polygon."""
    left, top, right, bottom = box
    x0, y0, x1, y1 = extent
    if x0 >= left and x1 <= right and y0 >= top and y1 <= bottom:
        return [replace(shape, part="zoom")]
    if x1 <= left or x0 >= right or y1 <= top or y0 >= bottom:
        return []
    if shape.kind == "line":
        half = shape.size[0] / 2
        inner = (left + half, top + half, right - half, bottom - half)
        return [
            replace(shape, points=run, part="zoom") for run in polyline_in_box(shape.points, inner)
        ]
    points = shape.points if shape.kind == "poly" else ellipse_polygon(shape.points[0], shape.size)
    cut = polygon_in_box(points, box)
    return [Shape("poly", shape.role, cut, outline=shape.outline, part="zoom")] if cut else []


def _mirrored_shape(shape: Shape, middle: float) -> Shape:
    """`shape` reflected left to right about x = middle / 2; a stopwatch's filling moves
    across but still runs clockwise."""
    if shape.part == "cue:hold:fill":
        shift = middle - 2 * shape.points[0][0]  # its first point is the watch's centre
        return replace(shape, points=tuple((x + shift, y) for x, y in shape.points))
    return replace(shape, points=tuple((middle - x, y) for x, y in shape.points))


def watch_share(share: float) -> float:
    """`share` of a hold as the stopwatch shows it: in whole steps of its face, so a player
    repaints a held figure a few times a second, not on every tick."""
    return math.ceil(HOLD_WATCH_STEPS * share - 1e-9) / HOLD_WATCH_STEPS


def _stopwatch(arrow: list[Shape], share: float, scale: float) -> list[Shape]:
    """A stopwatch where `arrow` was, its face filled clockwise from the top by `share` of
    the hold: "stay here for a while", with the time going by."""
    left, top, right, bottom = _extent(arrow)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    r = HOLD_WATCH_CM * scale
    rim = max(_cue_width(scale), r * 0.2)
    face = r - rim
    shapes = [
        Shape(
            "line",
            "cue",
            ((cx, cy - r), (cx, cy - r - rim * 1.6)),
            (rim * 1.3, 0.0),
            part="cue:hold:crown",
        ),
        Shape("circle", "cue", ((cx, cy),), (r, r), part="cue:hold:rim"),
        Shape("circle", "outline", ((cx, cy),), (face, face), part="cue:hold:face"),
    ]
    steps = round(HOLD_WATCH_STEPS * watch_share(share))
    if steps:
        # from twelve o'clock clockwise (view y grows down); the centre first
        arc = [
            (
                cx + face * math.sin(2 * math.pi * share * i / steps),
                cy - face * math.cos(2 * math.pi * share * i / steps),
            )
            for i in range(steps + 1)
        ]
        shapes.append(Shape("poly", "cue", ((cx, cy), *arc), part="cue:hold:fill"))
    return shapes


def _still_arrow(a: Point2, b: Point2) -> list[Shape]:
    """The arrow from one pose of a still picture to the next: a line and its head at b."""
    head = 7.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    ux, uy = dx / d, dy / d
    end = (b[0] - 2 * ux, b[1] - 2 * uy)
    base = (b[0] - head * ux, b[1] - head * uy)
    wing = (-uy * head * 0.7, ux * head * 0.7)
    return [
        Shape("line", "far", (a, end), (3.0, 0.0)),
        Shape(
            "poly",
            "far",
            (b, (base[0] + wing[0], base[1] + wing[1]), (base[0] - wing[0], base[1] - wing[1])),
        ),
    ]


def drawn_box(drawing: Drawing) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of everything in a drawing, in view units."""
    return _extent(drawing.painted)


@lru_cache(maxsize=64)
def scene_for(figure: Figure) -> FigureScene:
    """The scene of a figure, built once: the frame fit samples the whole cycle."""
    return FigureScene(figure)


def fit_frame(figure: Figure) -> Frame:
    return scene_for(figure).frame


# ---------------------------------------------------------------------------
# SVG
# ---------------------------------------------------------------------------


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def svg_of(drawing: Drawing, style: FigureStyle, *, title: str = "") -> str:
    """A standalone SVG of a drawing: the same shapes, in the same order, as the player."""
    w, h = _fmt(drawing.width), _fmt(drawing.height)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" '
        f'height="{h}" role="img">'
    ]
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    if style.background:
        parts.append(f'<rect width="{w}" height="{h}" fill="{style.background}"/>')
    stroke = (
        f' stroke="{style.outline}" stroke-width="{_fmt(drawing.outline_width)}"'
        f' stroke-linejoin="miter" stroke-miterlimit="{_fmt(OUTLINE_MITER_LIMIT)}"'
    )
    for shape in drawing.painted:
        colour = style.colour(shape.role)
        opacity = ROLE_OPACITY.get(shape.role)
        extra = f' fill-opacity="{opacity}"' if opacity is not None else ""
        edge = stroke if shape.outline else ""
        if shape.kind == "poly":
            d = "M" + "L".join(f"{_fmt(x)},{_fmt(y)}" for x, y in shape.points) + "Z"
            parts.append(f'<path d="{d}" fill="{colour}"{extra}{edge}/>')
        elif shape.kind == "circle":
            (cx, cy), (r, _) = shape.points[0], shape.size
            parts.append(
                f'<circle cx="{_fmt(cx)}" cy="{_fmt(cy)}" r="{_fmt(r)}" '
                f'fill="{colour}"{extra}{edge}/>'
            )
        elif shape.kind == "ellipse":
            (cx, cy), (rx, ry) = shape.points[0], shape.size
            parts.append(
                f'<ellipse cx="{_fmt(cx)}" cy="{_fmt(cy)}" rx="{_fmt(rx)}" ry="{_fmt(ry)}" '
                f'fill="{colour}"{extra}/>'
            )
        else:
            pts = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in shape.points)
            parts.append(
                f'<polyline points="{pts}" fill="none" stroke="{colour}" '
                f'stroke-width="{_fmt(shape.size[0])}" stroke-linecap="round" '
                'stroke-linejoin="round"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def render_svg(
    figure: Figure,
    pose: Pose,
    *,
    frame: Frame | None = None,
    title: str = "",
    style: FigureStyle | None = None,
    then: Sequence[Pose] = (),
    inset: bool = True,
) -> str:
    """A standalone SVG of `pose` in the figure's fixed frame, for the library and the report.

    With `then`, those poses follow side by side with an arrow before each (start -> work),
    as the player shows them with reduced motion. `inset=False` leaves out a start-position
    inset (a thumbnail is too small for it).
    """
    scene = scene_for(figure) if frame is None else FigureScene(figure, frame)
    drawing = scene.row((pose, *then)) if then else scene.drawing(pose, inset=inset)
    return svg_of(drawing, style if style is not None else FigureStyle(), title=title)
