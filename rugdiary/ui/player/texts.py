"""The player's words: phase names, counters, voice lines and the pain-response advice."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from rugdiary.core.exercises import DoseMode, Exercise
from rugdiary.core.programs import Cue, Side, Step, StepKind
from rugdiary.core.sessions import PainResponse


def exercise_name(exercises: Mapping[str, Exercise], exercise_id: str, lang: str) -> str:
    """The exercise's name in `lang`, or its id if it is not in the library any more."""
    exercise = exercises.get(exercise_id)
    return exercise.name.get(lang) if exercise is not None else exercise_id


def phase_text(step: Step, name: str) -> str:
    """The big words under the ring: what to do right now."""
    if step.kind is StepKind.GET_READY:
        return QCoreApplication.translate("player", "Get ready")
    if step.kind is StepKind.TRANSITION:
        return QCoreApplication.translate("player", "Next: %1").replace("%1", name)
    if step.kind is StepKind.SWITCH_SIDES:
        return QCoreApplication.translate("player", "Switch sides")
    if step.kind is StepKind.SET_REST:
        return QCoreApplication.translate("player", "Let your back relax, breathe out")
    if step.kind is StepKind.REST:
        return QCoreApplication.translate("player", "Rest")
    if step.cue is Cue.HOLD:
        return QCoreApplication.translate("player", "Hold")
    if step.cue is Cue.MOVE:
        return QCoreApplication.translate("player", "Move")
    return QCoreApplication.translate("player", "Keep going")


def counters_text(step: Step) -> str:
    """ "Rep 3 of 8 · Set 1 of 2 · Left side": only the parts that mean something here."""
    parts: list[str] = []
    if step.is_preview:
        return ""
    if step.reps > 1:
        parts.append(
            QCoreApplication.translate("player", "Rep %1 of %2")
            .replace("%1", str(step.rep))
            .replace("%2", str(step.reps))
        )
    if step.sets > 1:
        parts.append(
            QCoreApplication.translate("player", "Set %1 of %2")
            .replace("%1", str(step.set_number))
            .replace("%2", str(step.sets))
        )
    if step.side is Side.LEFT:
        parts.append(QCoreApplication.translate("player", "Left side"))
    elif step.side is Side.RIGHT:
        parts.append(QCoreApplication.translate("player", "Right side"))
    return " · ".join(parts)


_SPOKEN_AS_SHOWN = frozenset(
    {StepKind.TRANSITION, StepKind.SWITCH_SIDES, StepKind.SET_REST, StepKind.REST}
)
"""Steps whose voice line is the same as the words under the ring."""


def voice_line(step: Step, name: str) -> str:
    """What the voice says when `step` begins; empty when a tone is enough.

    Moving reps without rests follow each other every few seconds: saying
    "move" each time would nag, so only the first rep of a run is announced.
    """
    if step.kind is StepKind.GET_READY:
        return name
    if step.kind in _SPOKEN_AS_SHOWN or step.cue is Cue.HOLD:
        return phase_text(step, name)
    if step.cue is Cue.MOVE:
        return QCoreApplication.translate("player", "Move freely") if step.rep == 1 else ""
    return (
        QCoreApplication.translate("player", "Go at your own pace")
        if step.mode is DoseMode.TIMED
        else ""
    )


def finished_line() -> str:
    return QCoreApplication.translate("player", "That was the last one. Well done.")


def ring_number(remaining_s: float) -> str:
    """Whole seconds left, rounded up (a ring showing 0 while time remains would mislead)."""
    seconds = max(0, math.ceil(remaining_s - 1e-6))
    if seconds >= 60:
        return f"{seconds // 60}:{seconds % 60:02d}"
    return str(seconds)


def clock_text(seconds: float) -> str:
    """m:ss (or h:mm:ss) for the progress line."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


@dataclass(frozen=True, slots=True)
class ResponseLook:
    """How a pain response is shown: colour, a symbol and a word, so colour never stands alone."""

    colour: QColor
    symbol: str
    word: str
    advice: str


def response_look(response: PainResponse) -> ResponseLook:
    """CLINICAL.md §2 in the app's own calm words."""
    if response is PainResponse.GREEN:
        return ResponseLook(
            QColor("#2e7d4f"),
            "●",
            QCoreApplication.translate("player", "Green"),
            QCoreApplication.translate("player", "Pain 0 to 3: that is fine. Carry on as planned."),
        )
    if response is PainResponse.YELLOW:
        return ResponseLook(
            QColor("#b7791f"),
            "▲",
            QCoreApplication.translate("player", "Yellow"),
            QCoreApplication.translate(
                "player",
                "Pain 4 or 5: acceptable, as long as it settles back to your usual level "
                "by tomorrow morning.",
            ),
        )
    return ResponseLook(
        QColor("#b4463c"),
        "■",
        QCoreApplication.translate("player", "Red"),
        QCoreApplication.translate(
            "player",
            "Pain above 5: next time, drop one level or do about 25% less. "
            "Keep moving in your daily life.",
        ),
    )
