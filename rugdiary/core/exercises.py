"""Exercises: bilingual text, doses per level, and the figure that shows each movement."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from rugdiary.core.diary import ValidationError, reject_unknown

if TYPE_CHECKING:
    from rugdiary.core.body import Pose, interpolate
    from rugdiary.core.figure_drawing import FigureStyle, Frame, fit_frame, render_svg
    from rugdiary.core.figures import MOVE_S, POSITIONS, Figure, Motion, Prop, PropKind

__all__ = [
    "MOVE_S",
    "POSITIONS",
    "Figure",
    "FigureStyle",
    "Frame",
    "Motion",
    "Pose",
    "Prop",
    "PropKind",
    "fit_frame",
    "interpolate",
    "render_svg",
]

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
DOSE_LIMITS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "reps": (1, 100),
        "sets": (1, 20),
        "hold_s": (1, 600),
        "tempo_s": (1, 60),
        "duration_s": (1, 4 * 3600),
        "rest_s": (0, 600),
        "set_rest_s": (0, 900),
    }
)
"""(lowest, highest) of each Dose field; the editors' boxes take their ranges from here."""
WORK_FIELD: Mapping[DoseMode, str] = MappingProxyType(
    {DoseMode.HOLD: "hold_s", DoseMode.REPS: "tempo_s", DoseMode.TIMED: "duration_s"}
)
"""The field that holds one repetition's seconds, per kind of dose."""
_WORK_FIELDS: tuple[str, ...] = tuple(WORK_FIELD.values())


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
        for name, (low, high) in DOSE_LIMITS.items():
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
            reps=min(scale(self.reps), DOSE_LIMITS["reps"][1]),
            hold_s=min(scale(self.hold_s), DOSE_LIMITS["hold_s"][1]),
            duration_s=min(scale(self.duration_s), DOSE_LIMITS["duration_s"][1]),
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
# The figure (core.body, core.figures, core.figure_drawing), re-exported for callers
# ---------------------------------------------------------------------------

_FIGURE_NAMES: dict[str, str] = {
    "Pose": "body",
    "interpolate": "body",
    "FigureStyle": "figure_drawing",
    "Frame": "figure_drawing",
    "fit_frame": "figure_drawing",
    "render_svg": "figure_drawing",
    "MOVE_S": "figures",
    "POSITIONS": "figures",
    "Figure": "figures",
    "Motion": "figures",
    "Prop": "figures",
    "PropKind": "figures",
}


def __getattr__(name: str) -> Any:
    """The figure names, imported when first asked for (PEP 562).

    The figure geometry is only needed where a figure is drawn (the player, thumbnails,
    the programme sheet) or checked; imported with every exercise it cost the start-up
    ~30 ms and ~2 MB (tests/ui/test_app.py checks that a launch does not load it).
    """
    module = _FIGURE_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"rugdiary.core.{module}"), name)
    globals()[name] = value
    return value


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
    def from_dict(cls, data: Any, *, builtin: bool = False, with_figure: bool = True) -> Exercise:
        """Parse and validate an exercise; errors name the field path (``dose.beginner.reps``).

        `with_figure=False` leaves the figure out (None) unread and unchecked: for the text
        and doses alone (a programme's length on the Today page), without the figure code.
        """
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
        figure = None
        if with_figure and data.get("figure") is not None:
            from rugdiary.core.figures import Figure

            figure = Figure.from_dict(data["figure"])
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
