"""The player's words: phase names, counters, voice lines and the pain-response advice."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from rugdiary.core.exercises import DoseMode, Exercise
from rugdiary.core.programs import Cue, Side, Step, StepKind
from rugdiary.core.sessions import RESPONSE_SYMBOLS, PainResponse, Session
from rugdiary.ui.theme import HIGH_CONTRAST, current_theme


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


def counters_text(step: Step, *, with_rep: bool = True) -> str:
    """ "Rep 3 of 8 · Set 1 of 2 · Left side": only the parts that mean something here.

    Without `with_rep` the rep is left out, for steps whose ring already counts the reps.
    """
    parts: list[str] = []
    if step.is_preview:
        return ""
    if step.reps > 1 and with_rep:
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
    if step.side is not None:
        parts.append(side_text(step.side))
    return " · ".join(parts)


_SPOKEN_AS_SHOWN = frozenset(
    {StepKind.TRANSITION, StepKind.SWITCH_SIDES, StepKind.SET_REST, StepKind.REST}
)
"""Steps whose voice line is the same as the words under the ring."""


def voice_line(
    step: Step, name: str, *, name_side: bool = False, start_of_run: bool = False
) -> str:
    """What the voice says when `step` begins; empty when a tone is enough.

    Moving reps without rests follow each other every few seconds: saying
    "move" each time would nag, so only the first rep of a run is announced, or the
    one play goes on with after a pause (`start_of_run`): the run's start went unheard.
    `name_side` (the caller knows the voice last named another side, or none) adds the
    side to a work step's line, "Hold, left side": the screen names it, and someone on
    the mat, not looking, has only the voice. Only then, so the lines stay short.
    """
    line = _step_line(step, name, first_rep=start_of_run)
    if not name_side or step.kind is not StepKind.WORK or step.side is None:
        return line
    if not line:  # a moving rep past the first, reached by a skip: the side alone
        return side_text(step.side)
    if step.side is Side.LEFT:
        return QCoreApplication.translate("player", "%1, left side").replace("%1", line)
    return QCoreApplication.translate("player", "%1, right side").replace("%1", line)


def side_text(side: Side) -> str:
    """ "Left side" or "Right side", as the counters under the ring show it."""
    if side is Side.LEFT:
        return QCoreApplication.translate("player", "Left side")
    return QCoreApplication.translate("player", "Right side")


def _step_line(step: Step, name: str, *, first_rep: bool = False) -> str:
    if step.kind is StepKind.GET_READY:
        return name
    if step.kind in _SPOKEN_AS_SHOWN or step.cue is Cue.HOLD:
        return phase_text(step, name)
    if step.cue is Cue.MOVE:
        return (
            QCoreApplication.translate("player", "Move freely")
            if step.rep == 1 or first_rep
            else ""
        )
    return (
        QCoreApplication.translate("player", "Go at your own pace")
        if step.mode is DoseMode.TIMED
        else ""
    )


def finished_line(completed: bool = True) -> str:
    """What the voice says at the end; praise only for a session that was done, not one
    mostly skipped (which the summary calls fine too, without the praise)."""
    if not completed:
        return QCoreApplication.translate("player", "That was the last one.")
    return QCoreApplication.translate("player", "That was the last one. Well done.")


def counts_reps(step: Step) -> bool:
    """Moving reps follow each other every few seconds: the ring counts reps, not seconds."""
    return step.kind is StepKind.WORK and step.cue is Cue.MOVE and step.reps > 1


@dataclass(frozen=True, slots=True)
class RingValue:
    """What the ring shows: the part left, the number, and the number's unit."""

    fraction: float
    number: str
    unit: str


def ring_value(step: Step, remaining_s: float) -> RingValue:
    """Seconds left ("12" "seconds"), or for moving reps the rep ("3" "of 8 reps").

    For reps the arc runs down over the whole set, so it never restarts every few seconds.
    """
    part = remaining_s / step.duration_s if step.duration_s else 0.0
    if counts_reps(step):
        left = (step.reps - step.rep + min(1.0, max(0.0, part))) / step.reps
        unit = QCoreApplication.translate("player", "of %1 reps").replace("%1", str(step.reps))
        return RingValue(left, str(step.rep), unit)
    number = ring_number(remaining_s)
    seconds = max(0, math.ceil(remaining_s - 1e-6))
    if seconds >= 60:
        unit = QCoreApplication.translate("player", "minutes")
    elif seconds == 1:
        unit = QCoreApplication.translate("player", "second")
    else:
        unit = QCoreApplication.translate("player", "seconds")
    return RingValue(part, number, unit)


def next_different(steps: Sequence[Step], index: int) -> Step | None:
    """The first step after `index` that looks different from it: "Up next" never repeats.

    Reps of a moving exercise follow each other without rests; the next thing to show is
    then whatever ends the run (a rest, the other side, the next exercise), not "Move".
    """
    if not 0 <= index < len(steps):
        return None
    current = steps[index]
    for step in steps[index + 1 :]:
        same = (
            step.kind is current.kind
            and step.cue is current.cue
            and step.item_index == current.item_index
            and step.side == current.side
            and step.set_number == current.set_number
        )
        if not same:
            return step
    return None


def ring_number(remaining_s: float) -> str:
    """Whole seconds left, rounded up (a ring showing 0 while time remains would mislead)."""
    seconds = max(0, math.ceil(remaining_s - 1e-6))
    if seconds >= 60:
        return f"{seconds // 60}:{seconds % 60:02d}"
    return str(seconds)


def pain_change_text(session: Session) -> str | None:
    """ "pain 4 → 2" for a session scored before and after; None when a score is missing."""
    if session.pain_before is None or session.pain_after is None:
        return None
    return (
        QCoreApplication.translate("player", "pain %1 → %2")
        .replace("%1", str(session.pain_before))
        .replace("%2", str(session.pain_after))
    )


def length_text(seconds: float) -> str:
    """How long, in words: "16 min", or "45 s" under a minute.

    For a length that is over (a summary, a list of sessions): "8:02" there read as
    eight o'clock. A running clock keeps m:ss (`clock_text`).
    """
    total = max(0, round(seconds))
    if total < 60:
        return QCoreApplication.translate("player", "%1 s").replace("%1", str(total))
    minutes = (total + 30) // 60  # halves up: round() made 150 s "2 min" and 210 s "4 min"
    return QCoreApplication.translate("player", "%1 min").replace("%1", str(minutes))


def clock_text(seconds: float) -> str:
    """m:ss (or h:mm:ss) for the progress line."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


_MARK_COLOURS: dict[str, dict[PainResponse, str]] = {
    # On the window and on the summary's panel (AlternateBase): 4.8:1 or more.
    "light": {
        PainResponse.GREEN: "#2a7048",
        PainResponse.YELLOW: "#8f5e00",
        PainResponse.RED: "#b3402e",
    },
    # Lighter tones of the same three, 5.4:1 or more on the dark window and panel.
    "dark": {
        PainResponse.GREEN: "#6fcf97",
        PainResponse.YELLOW: "#e0b050",
        PainResponse.RED: "#f28b82",
    },
    # On black, 9:1 or more, as the theme keeps everything it draws.
    HIGH_CONTRAST: {
        PainResponse.GREEN: "#5cf08c",
        PainResponse.YELLOW: "#ffb000",
        PainResponse.RED: "#ff8a80",
    },
}
"""A pain response's colour where its shape (or words) stand on the page's background."""

_CHIP_COLOURS: dict[str, dict[PainResponse, str]] = {
    # White text on them: 5.5:1 or more.
    "light": _MARK_COLOURS["light"],
    "dark": _MARK_COLOURS["light"],
    # White text on them: 7.9:1 or more, the high-contrast theme's 7:1 for text.
    HIGH_CONTRAST: {
        PainResponse.GREEN: "#1d5c36",
        PainResponse.YELLOW: "#6b4600",
        PainResponse.RED: "#8f2a1e",
    },
}
"""A pain response's colour as a chip's fill under white text (the Programs page)."""


def colour_theme(palette: QPalette | None = None) -> str:
    """ "light", "dark" or high contrast: which set of colours fits `palette` (the app's).

    Read from the colours themselves, as the Today chart does, so a "system" theme that
    turned out dark gets the dark set; high contrast is the theme that was applied.
    """
    if current_theme() == HIGH_CONTRAST:
        return HIGH_CONTRAST
    palette = palette if palette is not None else QGuiApplication.palette()
    return "dark" if palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5 else "light"


def response_colour(
    response: PainResponse, *, chip: bool = False, palette: QPalette | None = None
) -> QColor:
    """The colour of a pain response in the theme shown now; its shape is core's
    RESPONSE_SYMBOLS. The one choice for the player and the Programs page.

    A shape on the page (`chip` False) needs a colour that stands out from the page's
    background: light on dark, dark on light. A chip (`chip` True) is filled with the
    colour and carries white text, which needs a dark fill in every theme.
    """
    table = _CHIP_COLOURS if chip else _MARK_COLOURS
    return QColor(table[colour_theme(palette)][response])


def pain_rule_lines() -> tuple[tuple[PainResponse, str], ...]:
    """CLINICAL.md §2's rule in three short lines, in the words of the printed programme
    sheet: shown before a session, so how much pain is okay is known before it starts."""
    return (
        (
            PainResponse.GREEN,
            QCoreApplication.translate("player", "Pain 0–3 during or after: fine, carry on."),
        ),
        (
            PainResponse.YELLOW,
            QCoreApplication.translate(
                "player", "Pain 4–5: okay if it settles by the next morning."
            ),
        ),
        (
            PainResponse.RED,
            QCoreApplication.translate(
                "player", "Pain above 5, or worse the next day: next time, a lighter level."
            ),
        ),
    )


@dataclass(frozen=True, slots=True)
class ResponseLook:
    """How a pain response is shown: a coloured symbol and a sentence, so colour never stands alone.

    `word` is the sentence that says what the colour means; `advice` what to do next time.
    `response` lets a form colour the symbol again when the theme changes.
    """

    colour: QColor
    symbol: str
    word: str
    advice: str
    response: PainResponse


def response_look(response: PainResponse, pain: int, before: int | None = None) -> ResponseLook:
    """CLINICAL.md §2 in the app's own calm words, with the person's own numbers."""
    went_up = before is not None and pain > before
    if response is PainResponse.GREEN:
        return ResponseLook(
            response_colour(response),
            RESPONSE_SYMBOLS[response],
            QCoreApplication.translate("player", "Your pain is %1: that is fine.").replace(
                "%1", str(pain)
            ),
            QCoreApplication.translate("player", "Carry on as planned next time."),
            response,
        )
    if response is PainResponse.YELLOW:
        return ResponseLook(
            response_colour(response),
            RESPONSE_SYMBOLS[response],
            (
                QCoreApplication.translate(
                    "player", "Your pain went up from %1 to %2: that is acceptable."
                )
                .replace("%1", str(before))
                .replace("%2", str(pain))
                if went_up
                else QCoreApplication.translate(
                    "player", "Your pain is %1: that is acceptable."
                ).replace("%1", str(pain))
            ),
            QCoreApplication.translate(
                "player",
                "It should settle back to your usual level by tomorrow morning. If it does, "
                "carry on as planned.",
            ),
            response,
        )
    return ResponseLook(
        response_colour(response),
        RESPONSE_SYMBOLS[response],
        (
            QCoreApplication.translate(
                "player", "Your pain went up from %1 to %2: next time, take it one level easier."
            )
            .replace("%1", str(before))
            .replace("%2", str(pain))
            if went_up
            else QCoreApplication.translate(
                "player", "Your pain is %1, above 5: next time, take it one level easier."
            ).replace("%1", str(pain))
        ),
        QCoreApplication.translate(
            "player",
            "Choose a lower level, or do about 25% fewer reps and shorter holds. "
            "Keep moving in your daily life: moving is good for your back.",
        ),
        response,
    )
