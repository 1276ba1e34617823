"""Programmes and the timeline of steps the player walks through."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from rugdiary.core.diary import ValidationError, reject_unknown
from rugdiary.core.exercises import (
    Dose,
    DoseMode,
    Exercise,
    Level,
    Text,
    check_id,
)

ALL_LEVELS = "all"
"""Key of a dose override that applies at every level (a level's own key wins)."""

MAX_ITEMS = 40


@dataclass(frozen=True, slots=True)
class DoseOverride:
    """Some fields of a dose that a programme changes, e.g. ``reps=6`` for a short warm-up.

    Unset fields (None) keep the exercise's own value, so a programme follows
    the library when a dose there is improved.
    """

    reps: int | None = None
    sets: int | None = None
    hold_s: int | None = None
    tempo_s: int | None = None
    duration_s: int | None = None
    rest_s: int | None = None
    set_rest_s: int | None = None
    per_side: bool | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if f.name == "per_side":
                if not isinstance(value, bool):
                    raise ValidationError(f.name, "must be true or false")
            elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(f.name, "must be a whole number of 0 or more")
        if not self.changes():
            raise ValidationError("dose", "an override must change at least one field")

    def changes(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }

    @classmethod
    def from_dict(cls, data: Any, path: str) -> DoseOverride:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object")
        known = {f.name for f in fields(cls)}
        reject_unknown(data, known, "is not a dose field", path)
        if not data:
            raise ValidationError(path, "an override must change at least one field")
        try:
            return cls(**dict(data))
        except ValidationError as error:
            raise ValidationError(f"{path}.{error.field}", error.message) from None


@dataclass(frozen=True, slots=True)
class ProgramItem:
    """One exercise in a programme, with optional dose changes per level and a short note."""

    exercise_id: str
    overrides: tuple[tuple[str, DoseOverride], ...] = ()
    note: Text | None = None

    def __post_init__(self) -> None:
        check_id(self.exercise_id, "exercise")
        keys = [key for key, _ in self.overrides]
        allowed = {ALL_LEVELS, *(level.value for level in Level)}
        for key in keys:
            if key not in allowed:
                raise ValidationError(f"dose.{key}", "must be 'all' or a level")
        if len(set(keys)) != len(keys):
            raise ValidationError("dose", "each level may appear once")

    def dose(self, exercise: Exercise, level: Level) -> Dose:
        """The dose to play: the exercise's dose at `level`, then 'all', then the level's own."""
        if exercise.id != self.exercise_id:
            raise ValueError(f"item is for {self.exercise_id!r}, not {exercise.id!r}")
        dose = exercise.dose(level)
        by_key = dict(self.overrides)
        for key in (ALL_LEVELS, level.value):
            override = by_key.get(key)
            if override is not None:
                dose = dose.merged(override.changes(), f"dose.{key}")
        return dose

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"exercise": self.exercise_id}
        if self.overrides:
            out["dose"] = {key: override.changes() for key, override in self.overrides}
        if self.note is not None:
            out["note"] = self.note.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Any, path: str) -> ProgramItem:
        if not isinstance(data, Mapping):
            raise ValidationError(path, "must be an object")
        reject_unknown(data, {"exercise", "dose", "note"}, "is not a programme item field", path)
        if "exercise" not in data:
            raise ValidationError(f"{path}.exercise", "is required")
        dose_data = data.get("dose", {})
        if not isinstance(dose_data, Mapping):
            raise ValidationError(f"{path}.dose", "must be an object keyed by level or 'all'")
        overrides = tuple(
            (str(key), DoseOverride.from_dict(value, f"{path}.dose.{key}"))
            for key, value in dose_data.items()
        )
        note = Text.from_dict(data["note"], f"{path}.note") if "note" in data else None
        try:
            return cls(exercise_id=data["exercise"], overrides=overrides, note=note)
        except ValidationError as error:
            raise ValidationError(f"{path}.{error.field}", error.message) from None


@dataclass(frozen=True, slots=True)
class Program:
    """A sequence of exercises played in one session, built in or made by the user."""

    id: str
    name: Text
    description: Text
    frequency: Text
    level: Level
    sessions_per_week: int
    items: tuple[ProgramItem, ...]
    builtin: bool = field(default=False, compare=False)
    note: Text | None = None
    """A note from the physiotherapist, e.g. brought in with a programme file."""

    def __post_init__(self) -> None:
        check_id(self.id)
        if not isinstance(self.level, Level):
            raise ValidationError("level", f"must be one of {', '.join(Level)}")
        if (
            isinstance(self.sessions_per_week, bool)
            or not isinstance(self.sessions_per_week, int)
            or not 1 <= self.sessions_per_week <= 50
        ):
            raise ValidationError("sessions_per_week", "must be a whole number from 1 to 50")
        if not 1 <= len(self.items) <= MAX_ITEMS:
            raise ValidationError("items", f"needs 1 to {MAX_ITEMS} exercises")

    def texts(self) -> Iterator[tuple[str, Text]]:
        """Every user-facing text with its field path, for the wording check."""
        yield "name", self.name
        yield "description", self.description
        yield "frequency", self.frequency
        for i, item in enumerate(self.items):
            if item.note is not None:
                yield f"items[{i}].note", item.note
        if self.note is not None:
            yield "note", self.note

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name.to_dict(),
            "description": self.description.to_dict(),
            "frequency": self.frequency.to_dict(),
            "level": self.level.value,
            "sessions_per_week": self.sessions_per_week,
            "items": [item.to_dict() for item in self.items],
        }
        if self.note is not None:
            out["note"] = self.note.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Any, *, builtin: bool = False) -> Program:
        """Parse and validate a programme; errors name the field path (``items[2].dose``)."""
        if not isinstance(data, Mapping):
            raise ValidationError("program", "must be an object")
        required = ("id", "name", "description", "frequency", "level", "sessions_per_week", "items")
        reject_unknown(data, (*required, "note"), "is not a programme field")
        for name in required:
            if name not in data:
                raise ValidationError(name, "is required")
        try:
            level = Level(data["level"])
        except ValueError:
            raise ValidationError("level", f"must be one of {', '.join(Level)}") from None
        items_data = data["items"]
        if not isinstance(items_data, list):
            raise ValidationError("items", "must be a list")
        return cls(
            id=check_id(data["id"]),
            name=Text.from_dict(data["name"], "name"),
            description=Text.from_dict(data["description"], "description"),
            frequency=Text.from_dict(data["frequency"], "frequency"),
            level=level,
            sessions_per_week=data["sessions_per_week"],
            items=tuple(ProgramItem.from_dict(d, f"items[{i}]") for i, d in enumerate(items_data)),
            builtin=builtin,
            note=Text.from_dict(data["note"], "note") if "note" in data else None,
        )


# ---------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------


class StepKind(StrEnum):
    """What happens in a step of the timeline."""

    GET_READY = "get_ready"  # before the first exercise, with a preview
    TRANSITION = "transition"  # between exercises, with a preview of the next one
    WORK = "work"  # a hold, a moving rep, or a timed block
    REST = "rest"  # between reps
    SET_REST = "set_rest"  # between sets
    SWITCH_SIDES = "switch_sides"  # between the left and the right side


class Cue(StrEnum):
    """What the UI says or shows at the start of a step (tone, voice, label)."""

    GET_READY = "get_ready"
    NEXT = "next"
    HOLD = "hold"
    MOVE = "move"
    TIMED = "timed"
    REST = "rest"
    RELAX_BREATHE_OUT = "relax_breathe_out"
    SWITCH_SIDES = "switch_sides"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


_WORK_CUE: dict[DoseMode, Cue] = {
    DoseMode.HOLD: Cue.HOLD,
    DoseMode.REPS: Cue.MOVE,
    DoseMode.TIMED: Cue.TIMED,
}

COUNTDOWN_FROM = 3
"""The player counts 3-2-1 before the end of a hold or timed step..."""
COUNTDOWN_MIN_S = 5
"""...that lasts at least this long; on shorter steps the count would crowd the cue."""


@dataclass(frozen=True, slots=True)
class Timing:
    """Lengths of the steps that are not in the dose, in whole seconds."""

    get_ready_s: int = 5
    transition_s: int = 10
    switch_sides_s: int = 5

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 120:
                raise ValidationError(f.name, "must be a whole number of seconds from 1 to 120")


@dataclass(frozen=True, slots=True)
class Step:
    """One phase of a session: what to do, for how long, and where it sits in the dose.

    Counters are 1-based ("rep 3 of 8"); `side` is None for exercises done on
    both sides at once. Preview steps (get ready, transition) carry the
    exercise that comes next. `mode` is how the exercise's reps are timed, so
    a rest after a hold can animate the release from the held pose.
    """

    index: int
    kind: StepKind
    cue: Cue
    exercise_id: str
    item_index: int
    mode: DoseMode
    duration_s: int
    start_s: int
    rep: int = 1
    reps: int = 1
    set_number: int = 1
    sets: int = 1
    side: Side | None = None
    countdown: bool = False

    @property
    def end_s(self) -> int:
        return self.start_s + self.duration_s

    @property
    def is_preview(self) -> bool:
        return self.kind in (StepKind.GET_READY, StepKind.TRANSITION)


@dataclass(frozen=True, slots=True)
class Timeline:
    """The steps of one programme at one level; durations add up to `total_s` exactly."""

    program_id: str
    level: Level
    steps: tuple[Step, ...]
    doses: tuple[Dose, ...]

    @property
    def total_s(self) -> int:
        return sum(step.duration_s for step in self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def first_step_of_item(self, item_index: int) -> int:
        for step in self.steps:
            if step.item_index == item_index:
                return step.index
        raise IndexError(item_index)

    def next_exercise_step(self, index: int) -> Step | None:
        """The preview step of the exercise after the one at `index`, if any."""
        item = self.steps[index].item_index
        for step in self.steps[index + 1 :]:
            if step.item_index != item:
                return step
        return None


def build_timeline(
    program: Program,
    exercises: Mapping[str, Exercise],
    level: Level,
    timing: Timing | None = None,
) -> Timeline:
    """Unroll a programme at `level` into steps; unknown exercises are named by item.

    Steps of zero seconds (no rest between reps) are left out, so every step
    is something a person can see and feel.
    """
    timing = timing if timing is not None else Timing()
    steps: list[Step] = []
    doses: list[Dose] = []
    clock = 0

    def add(**kwargs: Any) -> None:
        nonlocal clock
        step = Step(index=len(steps), start_s=clock, **kwargs)
        steps.append(step)
        clock += step.duration_s

    for item_index, item in enumerate(program.items):
        exercise = exercises.get(item.exercise_id)
        if exercise is None:
            raise ValidationError(
                f"items[{item_index}].exercise", f"there is no exercise {item.exercise_id!r}"
            )
        try:
            dose = item.dose(exercise, level)
        except ValidationError as error:
            raise ValidationError(f"items[{item_index}].{error.field}", error.message) from None
        doses.append(dose)
        sides: tuple[Side | None, ...] = (Side.LEFT, Side.RIGHT) if dose.per_side else (None,)
        common: dict[str, Any] = {
            "exercise_id": exercise.id,
            "item_index": item_index,
            "mode": dose.mode,
            "reps": dose.reps,
            "sets": dose.sets,
        }
        first = item_index == 0
        add(
            kind=StepKind.GET_READY if first else StepKind.TRANSITION,
            cue=Cue.GET_READY if first else Cue.NEXT,
            duration_s=timing.get_ready_s if first else timing.transition_s,
            side=sides[0],
            **common,
        )
        cue = _WORK_CUE[dose.mode]
        countdown = cue is not Cue.MOVE and dose.work_s >= COUNTDOWN_MIN_S
        for set_number in range(1, dose.sets + 1):
            for side_index, side in enumerate(sides):
                if side_index > 0:
                    add(
                        kind=StepKind.SWITCH_SIDES,
                        cue=Cue.SWITCH_SIDES,
                        duration_s=timing.switch_sides_s,
                        rep=1,
                        set_number=set_number,
                        side=side,
                        **common,
                    )
                for rep in range(1, dose.reps + 1):
                    add(
                        kind=StepKind.WORK,
                        cue=cue,
                        duration_s=dose.work_s,
                        rep=rep,
                        set_number=set_number,
                        side=side,
                        countdown=countdown,
                        **common,
                    )
                    if rep < dose.reps and dose.rest_s > 0:
                        add(
                            kind=StepKind.REST,
                            cue=Cue.REST,
                            duration_s=dose.rest_s,
                            rep=rep,
                            set_number=set_number,
                            side=side,
                            **common,
                        )
            if set_number < dose.sets and dose.set_rest_s > 0:
                # The side just finished (the right one, per side): the counters go on
                # naming it and the figure releases that hold, not the other side's.
                add(
                    kind=StepKind.SET_REST,
                    cue=Cue.RELAX_BREATHE_OUT,
                    duration_s=dose.set_rest_s,
                    rep=dose.reps,
                    set_number=set_number,
                    side=sides[-1],
                    **common,
                )
    return Timeline(program_id=program.id, level=level, steps=tuple(steps), doses=tuple(doses))


def program_total_s(
    program: Program,
    exercises: Mapping[str, Exercise],
    level: Level,
    timing: Timing | None = None,
) -> int:
    """Seconds a programme takes at `level`, for the library and ``rugdiary programs``."""
    return build_timeline(program, exercises, level, timing).total_s
