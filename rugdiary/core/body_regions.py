"""Where it hurts: the body map's region ids, their names, SNOMED CT body sites and counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType
from typing import Final, Protocol

REGION_IDS: tuple[str, ...] = (
    "lower_back_left",
    "lower_back_centre",
    "lower_back_right",
    "buttock_left",
    "buttock_right",
    "thigh_left",
    "thigh_right",
    "below_knee_left",
    "below_knee_right",
)
"""The regions of the back view, top to bottom and left to right (the person's own left and
right; seen from behind, the person's left is on the viewer's left too). Language-neutral
ids: they are what is stored, exported and typed after `rugdiary add --where`."""

BELOW_KNEE: frozenset[str] = frozenset({"below_knee_left", "below_knee_right"})
"""Pain below the knee suggests it comes from a nerve root (CLINICAL.md §3). Recorded like
any other answer; only together with warning signs does it bring the notice back."""

# The picture in design units (120 wide, 240 high), drawn by the app and the report alike,
# seen from behind: the person's left is on the viewer's left, as when the physiotherapist
# stands behind them.
DESIGN_W = 120.0
DESIGN_H = 240.0

REGION_RECTS: Final[Mapping[str, tuple[float, float, float, float]]] = MappingProxyType(
    {
        "lower_back_left": (35, 82, 16, 27),
        "lower_back_centre": (51, 82, 18, 27),
        "lower_back_right": (69, 82, 16, 27),
        "buttock_left": (35, 109, 25, 27),
        "buttock_right": (60, 109, 25, 27),
        "thigh_left": (38, 136, 21, 43),
        "thigh_right": (61, 136, 21, 43),
        "below_knee_left": (40, 183, 18, 42),
        "below_knee_right": (62, 183, 18, 42),
    }
)
"""Each region's box (x, y, width, height) in design units."""

SILHOUETTE: tuple[tuple[str, tuple[float, float, float, float]], ...] = (
    ("ellipse", (48, 2, 24, 28)),  # head
    ("rect", (54, 27, 12, 9)),  # neck
    ("rect", (33, 33, 54, 52)),  # shoulders and upper back
    ("rect", (21, 37, 13, 66)),  # arm, left
    ("rect", (86, 37, 13, 66)),  # arm, right
    ("ellipse", (21, 100, 13, 15)),  # hand, left
    ("ellipse", (86, 100, 13, 15)),  # hand, right
    ("rect", (40, 176, 18, 10)),  # knee, left
    ("rect", (62, 176, 18, 10)),  # knee, right
    ("ellipse", (38, 222, 22, 11)),  # foot, left
    ("ellipse", (60, 222, 22, 11)),  # foot, right
)
"""Shapes (ellipse or rounded box) drawn under the regions: head, arms, knees, feet."""

SNOMED_SYSTEM: Final = "http://snomed.info/sct"
LATERALITY_ATTRIBUTE: Final = "272741003"  # |Laterality (attribute)|
LEFT: Final = ("7771000", "Left")  # |Left (qualifier value)|
RIGHT: Final = ("24028007", "Right")  # |Right (qualifier value)|


@dataclass(frozen=True, slots=True)
class BodySite:
    """A region as a SNOMED CT body structure, for FHIR's Observation.bodySite.

    `code` is a concept id, or a post-coordinated SNOMED CT expression that adds the
    laterality (FHIR allows expressions as codes of the SNOMED CT system).
    """

    code: str
    display: str


# Why these concepts: thighs and lower legs have pre-coordinated left/right concepts that
# practice systems know (61396006 |Structure of left thigh|, 11207009 |right thigh|,
# 48979004 |Structure of left lower leg|, 32696007 |right lower leg|); "below the knee"
# is the lower leg. The lower back (37822005 |Lower back structure|) and the buttock
# (46862004 |Buttock structure|) are used with the SNOMED CT laterality attribute
# (272741003 = 7771000 |Left| or 24028007 |Right|) rather than less common pre-coordinated
# codes; the centre of the lower back is the lower back structure without laterality.
BODY_SITES: Final[Mapping[str, BodySite]] = MappingProxyType(
    {
        "lower_back_left": BodySite(
            f"37822005:{LATERALITY_ATTRIBUTE}={LEFT[0]}", "Lower back structure, left"
        ),
        "lower_back_centre": BodySite("37822005", "Lower back structure"),
        "lower_back_right": BodySite(
            f"37822005:{LATERALITY_ATTRIBUTE}={RIGHT[0]}", "Lower back structure, right"
        ),
        "buttock_left": BodySite(
            f"46862004:{LATERALITY_ATTRIBUTE}={LEFT[0]}", "Buttock structure, left"
        ),
        "buttock_right": BodySite(
            f"46862004:{LATERALITY_ATTRIBUTE}={RIGHT[0]}", "Buttock structure, right"
        ),
        "thigh_left": BodySite("61396006", "Structure of left thigh"),
        "thigh_right": BodySite("11207009", "Structure of right thigh"),
        "below_knee_left": BodySite("48979004", "Structure of left lower leg"),
        "below_knee_right": BodySite("32696007", "Structure of right lower leg"),
    }
)

_LABELS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "lower_back_left": ("Lower back, left", "Onderrug, links"),
        "lower_back_centre": ("Lower back, middle", "Onderrug, midden"),
        "lower_back_right": ("Lower back, right", "Onderrug, rechts"),
        "buttock_left": ("Buttock, left", "Bil, links"),
        "buttock_right": ("Buttock, right", "Bil, rechts"),
        "thigh_left": ("Thigh, left", "Bovenbeen, links"),
        "thigh_right": ("Thigh, right", "Bovenbeen, rechts"),
        "below_knee_left": ("Below the knee, left", "Onder de knie, links"),
        "below_knee_right": ("Below the knee, right", "Onder de knie, rechts"),
    }
)


def region_label(region: str, lang: str) -> str:
    """The region's name for people ("Lower back, left"; Dutch for "nl", else English)."""
    en, nl = _LABELS[region]
    return nl if lang == "nl" else en


def region_for_code(code: str) -> str | None:
    """The region id whose SNOMED CT body site is `code`, or None: reads FHIR back."""
    compact = "".join(code.split())
    for region, site in BODY_SITES.items():
        if site.code == compact:
            return region
    return None


def ordered_regions(regions: Iterable[str]) -> tuple[str, ...]:
    """Known regions among `regions`, once each, in REGION_IDS order (how they are stored)."""
    chosen = set(regions)
    return tuple(region for region in REGION_IDS if region in chosen)


class _HasRegions(Protocol):
    @property
    def at(self) -> datetime: ...

    @property
    def regions(self) -> tuple[str, ...]: ...


def region_counts(entries: Iterable[_HasRegions], start: date, end: date) -> dict[str, int]:
    """How many entries from `start` to `end` (inclusive, by local day) marked each region.

    Every region id is present, 0 when it was never marked, in REGION_IDS order.
    """
    counts = dict.fromkeys(REGION_IDS, 0)
    for entry in entries:
        if start <= entry.at.date() <= end:
            for region in entry.regions:
                if region in counts:
                    counts[region] += 1
    return counts
