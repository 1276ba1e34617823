"""Exercise sessions: the saved record, the pain-response colour, and the level rule."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from rugdiary.core.diary import ValidationError, check_text, parse_datetime, reject_unknown
from rugdiary.core.exercises import Level, check_id

MAX_SESSION_S = 24 * 3600


MAX_SESSION_NOTE_CHARS = 2000

SESSION_REQUIRED: tuple[str, ...] = (
    "program_id",
    "program_name",
    "level",
    "started_at",
    "ended_at",
    "planned_s",
    "done_s",
    "steps_done",
    "steps_skipped",
    "completed",
)
"""Fields a stored or imported session must have (not null)."""


class StopReason(StrEnum):
    """Why a session ended early; asked when the person presses stop."""

    PAIN = "pain"
    TIME = "time"
    OTHER = "other"


class PainResponse(StrEnum):
    """Traffic-light reading of pain during or after exercise (CLINICAL.md §2)."""

    GREEN = "green"  # 0-3: fine, carry on
    YELLOW = "yellow"  # 4-5: acceptable if it settles by the next morning
    RED = "red"  # above 5, or worse the next day: lighten the next session


GREEN_MAX = 3
YELLOW_MAX = 5

RESPONSE_SYMBOLS: Mapping[PainResponse, str] = MappingProxyType(
    {PainResponse.GREEN: "●", PainResponse.YELLOW: "◆", PainResponse.RED: "▲"}
)
"""The one shape per pain response, in the player, on the Programs page and in the PDF: a
dot for fine, a diamond for acceptable, a triangle for take it easier. Shown beside the
words and the colour, so neither colour nor shape alone carries the meaning; the same shape
everywhere, so a triangle never means "acceptable" in one place and "too much" in another."""


@dataclass(frozen=True, slots=True)
class Session:
    """One played programme, saved also when stopped early. Construction validates.

    `completed`: played to the end with at most a fifth of its work skipped
    (`player.COMPLETED_MAX_SKIPPED`); only such sessions count towards a level up.
    Not completed with a `stopped_reason`: stopped early. Not completed without one:
    played to the end with more skipped (`partly_done`).
    """

    program_id: str
    program_name: str
    level: Level
    started_at: datetime
    ended_at: datetime
    planned_s: int
    done_s: int
    steps_done: int
    steps_skipped: int
    completed: bool
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    stopped_reason: StopReason | None = None
    pain_before: int | None = None
    pain_after: int | None = None
    effort: int | None = None
    note: str = ""

    @property
    def partly_done(self) -> bool:
        """Played to the end with more than a fifth of its work skipped: not stopped early."""
        return not self.completed and self.stopped_reason is None

    """How it went, in the person's own words (optional)."""

    def __post_init__(self) -> None:
        _validate(self)

    @property
    def minutes(self) -> float:
        return self.done_s / 60

    def replace(self, **changes: Any) -> Session:
        """A validated copy with `changes` applied (e.g. the pain asked after the session)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form stored in the `sessions` table (DESIGN.md §3)."""
        return {
            "id": self.id,
            "program_id": self.program_id,
            "program_name": self.program_name,
            "level": self.level.value,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat(),
            "planned_s": self.planned_s,
            "done_s": self.done_s,
            "steps_done": self.steps_done,
            "steps_skipped": self.steps_skipped,
            "completed": self.completed,
            "stopped_reason": self.stopped_reason.value if self.stopped_reason else None,
            "pain_before": self.pain_before,
            "pain_after": self.pain_after,
            "effort": self.effort,
            # Only when written: older records and exports keep their exact shape.
            **({"note": self.note} if self.note else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Session:
        """Build a session from its stored form, naming the field of any error."""
        if not isinstance(data, Mapping):
            raise ValidationError("session", "must be an object with fields")
        known = {f.name for f in dataclasses.fields(cls)}
        reject_unknown(data, known, "is not a session field")
        for name in SESSION_REQUIRED:
            if data.get(name) is None:
                raise ValidationError(name, "is required")
        kwargs: dict[str, Any] = {k: v for k, v in data.items() if v is not None}
        try:
            kwargs["level"] = Level(data["level"])
        except ValueError:
            raise ValidationError("level", f"must be one of {', '.join(Level)}") from None
        if "stopped_reason" in kwargs:
            try:
                kwargs["stopped_reason"] = StopReason(kwargs["stopped_reason"])
            except ValueError:
                raise ValidationError(
                    "stopped_reason", f"must be one of {', '.join(StopReason)} or null"
                ) from None
        for stamp in ("started_at", "ended_at"):
            kwargs[stamp] = parse_datetime(data[stamp], stamp)
        return cls(**kwargs)


def _check_int(name: str, value: Any, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, f"must be a whole number from {low} to {high}")
    if not low <= value <= high:
        raise ValidationError(name, f"must be from {low} to {high}, not {value}")


def _validate(session: Session) -> None:
    if not isinstance(session.id, str) or not session.id.strip():
        raise ValidationError("id", "must be a non-empty text")
    check_id(session.program_id, "program_id")
    if not isinstance(session.program_name, str) or not session.program_name.strip():
        raise ValidationError("program_name", "must be non-empty text")
    if not isinstance(session.level, Level):
        raise ValidationError("level", f"must be one of {', '.join(Level)}")
    for name in ("started_at", "ended_at"):
        value = getattr(session, name)
        if not isinstance(value, datetime) or value.utcoffset() is None:
            raise ValidationError(name, "must be a date and time with a UTC offset")
    if session.ended_at < session.started_at:
        raise ValidationError("ended_at", "must not be before started_at")
    for name in ("planned_s", "done_s"):
        _check_int(name, getattr(session, name), 0, MAX_SESSION_S)
    for name in ("steps_done", "steps_skipped"):
        _check_int(name, getattr(session, name), 0, 100_000)
    if not isinstance(session.completed, bool):
        raise ValidationError("completed", "must be true or false")
    if session.stopped_reason is not None:
        if not isinstance(session.stopped_reason, StopReason):
            raise ValidationError("stopped_reason", f"must be one of {', '.join(StopReason)}")
        if session.completed:
            raise ValidationError("stopped_reason", "a completed session has no stop reason")
    for name in ("pain_before", "pain_after", "effort"):
        value = getattr(session, name)
        if value is not None:
            _check_int(name, value, 0, 10)
    if not isinstance(session.note, str):
        raise ValidationError("note", "must be text")
    if len(session.note) > MAX_SESSION_NOTE_CHARS:
        raise ValidationError("note", f"has at most {MAX_SESSION_NOTE_CHARS} characters")
    check_text("note", session.note)  # the diary's one rule for characters
    check_text("program_name", session.program_name)


# ---------------------------------------------------------------------------
# Pain response
# ---------------------------------------------------------------------------


def pain_response(
    pain: int, *, usual_pain: int | None = None, next_day_pain: int | None = None
) -> PainResponse:
    """Colour of the pain during or right after exercise (0-10).

    Red when above 5, or when the next day's pain (if known) is worse than the
    usual level, because a rise that lasts into the next day is the signal to
    lighten the next session; a brief rise that settles is acceptable.
    """
    _check_int("pain", pain, 0, 10)
    if next_day_pain is not None:
        _check_int("next_day_pain", next_day_pain, 0, 10)
    if usual_pain is not None:
        _check_int("usual_pain", usual_pain, 0, 10)
    if pain > YELLOW_MAX:
        return PainResponse.RED
    if next_day_pain is not None and usual_pain is not None and next_day_pain > usual_pain:
        return PainResponse.RED
    return PainResponse.GREEN if pain <= GREEN_MAX else PainResponse.YELLOW


def session_response(session: Session, next_day_pain: int | None = None) -> PainResponse | None:
    """The colour of one session: pain after it, measured against the pain before it.

    None when the person did not give a pain score after the session.
    """
    if session.pain_after is None:
        return None
    return pain_response(
        session.pain_after, usual_pain=session.pain_before, next_day_pain=next_day_pain
    )


# ---------------------------------------------------------------------------
# Progression rule
# ---------------------------------------------------------------------------

LEVEL_UP_DAYS = 14
LEVEL_UP_ADHERENCE = 0.8
LEVEL_UP_MAX_EFFORT = 6
LEVEL_DOWN_REDS = 2
LEVEL_DOWN_DAYS = 7


class LevelChange(StrEnum):
    UP = "up"
    DOWN = "down"
    STAY = "stay"


@dataclass(frozen=True, slots=True)
class LevelSuggestion:
    """What the app offers (never forces), with the reasons so the UI can explain itself.

    `reasons` are short codes: for UP the rules that held, for STAY the ones
    that did not, for DOWN the red sessions that triggered it.
    """

    change: LevelChange
    level: Level
    reasons: tuple[str, ...] = ()


def suggest_level(
    sessions: Sequence[Session],
    *,
    program_id: str,
    level: Level,
    sessions_per_week: int,
    now: datetime,
    next_day_pain: Mapping[str, int] | None = None,
) -> LevelSuggestion:
    """The level-up or level-down suggestion for one programme (CLINICAL.md §2).

    Down: two red responses in the last 7 days at this programme. Up: at least
    two weeks at the current level; in the last two weeks at least 80% of the
    planned sessions completed, every completed one with effort 6 or less; no
    red response and no session stopped for pain. Missing scores never count
    as evidence for a change: an unknown effort blocks the level-up.
    `next_day_pain` maps a session id to the next morning's pain from the diary.
    """
    next_day = next_day_pain or {}
    mine = sorted(
        (s for s in sessions if s.program_id == program_id and s.started_at <= now),
        key=lambda s: s.started_at,
    )

    def response(s: Session) -> PainResponse | None:
        return session_response(s, next_day.get(s.id))

    week_ago = now - timedelta(days=LEVEL_DOWN_DAYS)
    reds = [
        s
        for s in mine
        if s.level == level and s.started_at > week_ago and response(s) is PainResponse.RED
    ]
    lower = level.down()
    if len(reds) >= LEVEL_DOWN_REDS and lower is not None:
        return LevelSuggestion(LevelChange.DOWN, lower, tuple(f"red:{s.id}" for s in reds))

    higher = level.up()
    if higher is None:
        return LevelSuggestion(LevelChange.STAY, level, ("top_level",))
    # The time at this level starts after the last session at another level.
    streak: list[Session] = []
    for s in reversed(mine):
        if s.level != level:
            break
        streak.append(s)
    failed: list[str] = []
    if not streak or now - streak[-1].started_at < timedelta(days=LEVEL_UP_DAYS):
        failed.append("weeks_at_level")
    window_start = now - timedelta(days=LEVEL_UP_DAYS)
    window = [s for s in streak if s.started_at > window_start]
    done = [s for s in window if s.completed]
    planned = sessions_per_week * LEVEL_UP_DAYS / 7
    if len(done) < LEVEL_UP_ADHERENCE * planned:
        failed.append("adherence")
    if any(s.effort is None or s.effort > LEVEL_UP_MAX_EFFORT for s in done):
        failed.append("effort")
    if any(response(s) is PainResponse.RED or s.stopped_reason is StopReason.PAIN for s in window):
        failed.append("pain_response")
    if failed:
        return LevelSuggestion(LevelChange.STAY, level, tuple(failed))
    return LevelSuggestion(
        LevelChange.UP, higher, ("weeks_at_level", "adherence", "effort", "pain_response")
    )


LEVEL_MEMORY_DAYS = 90
"""How long the level last played is remembered. After a longer break a program starts
again at its own level, as anyone coming back to exercise would."""


def level_to_play(
    program_id: str, own_level: Level, sessions: Iterable[Session], now: datetime
) -> Level:
    """The level the program was last played at (within LEVEL_MEMORY_DAYS), else its own.

    Where the person actually is: every Start (Programs, Today, a reminder) begins there,
    so the length Today shows is the length that plays.
    """
    since = now - timedelta(days=LEVEL_MEMORY_DAYS)
    mine = [s for s in sessions if s.program_id == program_id and since <= s.started_at <= now]
    return max(mine, key=lambda s: s.started_at).level if mine else own_level


def named_as_now(
    sessions: Iterable[Session], name_of: Callable[[str], str | None]
) -> list[Session]:
    """The sessions with each program named as it is now: `name_of(program_id)`.

    A session stores its program's name in the language of the day it was recorded; what
    a person reads should be in today's language and name. A program that no longer
    exists (`name_of` gives None) keeps the recorded name. `name_of` is asked once per
    program, however many sessions there are.
    """
    names: dict[str, str | None] = {}
    out: list[Session] = []
    for session in sessions:
        if session.program_id not in names:
            names[session.program_id] = name_of(session.program_id)
        name = names[session.program_id]
        out.append(
            session
            if not name or name == session.program_name
            else session.replace(program_name=name)
        )
    return out
