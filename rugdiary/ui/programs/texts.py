"""Shared wording of the Programs page: groups, levels, doses, durations and pain marks."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cmp_to_key
from typing import Any

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, Qt

from rugdiary.core.exercises import Dose, DoseMode, Group, Level
from rugdiary.core.sessions import RESPONSE_SYMBOLS, PainResponse
from rugdiary.ui.player.texts import response_colour


def not_saved_yet(reason: str) -> str:
    """What an editor says when the diary file could not be written; the dialog stays open."""
    return QCoreApplication.translate(
        "Programs",
        "Not saved yet: %1. Everything you entered is still here, so you can try again.",
    ).replace("%1", reason.rstrip("."))


def name_order(lang: str) -> Callable[[str], Any]:
    """A sort key for names as a reader of `lang` orders them: "Éénbenige brug" among the
    E's, not after "Zittend strekken" as code points put it (QCollator, case aside)."""
    collator = QCollator(QLocale(lang))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return cmp_to_key(collator.compare)


def search_form(text: str) -> str:
    """`text` as a search compares it: without case or accents, so "knieen" finds "Knieën"
    (a person types the accent or not, and a Dutch keyboard often has none)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def group_name(group: Group) -> str:
    names = {
        Group.CORE_STABILITY: QCoreApplication.translate("Programs", "Core stability"),
        Group.STRENGTHENING: QCoreApplication.translate("Programs", "Strengthening"),
        Group.MOBILITY: QCoreApplication.translate("Programs", "Mobility and relaxation"),
        Group.BREATHING: QCoreApplication.translate("Programs", "Breathing and stress relief"),
        Group.MOVEMENT: QCoreApplication.translate("Programs", "General movement"),
    }
    return names[group]


def level_name(level: Level) -> str:
    names = {
        Level.BEGINNER: QCoreApplication.translate("Programs", "beginner"),
        Level.INTERMEDIATE: QCoreApplication.translate("Programs", "intermediate"),
        Level.ADVANCED: QCoreApplication.translate("Programs", "advanced"),
    }
    return names[level]


def level_title(level: Level) -> str:
    """The level name as a label ("Beginner"), for combos and headings."""
    name = level_name(level)
    return name[:1].upper() + name[1:]


def work_label(mode: DoseMode) -> str:
    """What the seconds of one repetition mean for this kind of dose."""
    labels = {
        DoseMode.HOLD: QCoreApplication.translate("Programs", "Hold (seconds)"),
        DoseMode.REPS: QCoreApplication.translate("Programs", "Seconds per rep"),
        DoseMode.TIMED: QCoreApplication.translate("Programs", "Duration (seconds)"),
    }
    return labels[mode]


def dose_summary(dose: Dose) -> str:
    """One line a person can follow: "5 × 5 s hold, each side · 2 sets · 3 s rest"."""
    if dose.mode is DoseMode.HOLD:
        work = (
            QCoreApplication.translate("Programs", "%1 × %2 s hold")
            .replace("%1", str(dose.reps))
            .replace("%2", str(dose.hold_s))
        )
    elif dose.mode is DoseMode.REPS:
        work = (
            QCoreApplication.translate("Programs", "1 rep")
            if dose.reps == 1
            else QCoreApplication.translate("Programs", "%1 reps").replace("%1", str(dose.reps))
        )
    else:
        minutes, seconds = divmod(dose.duration_s, 60)
        length = (
            QCoreApplication.translate("Programs", "%1 min").replace("%1", str(minutes))
            if minutes and not seconds
            else QCoreApplication.translate("Programs", "%1 s").replace("%1", str(dose.duration_s))
        )
        work = length if dose.reps == 1 else f"{dose.reps} × {length}"
    parts = [
        work + (QCoreApplication.translate("Programs", ", each side") if dose.per_side else "")
    ]
    parts.append(
        QCoreApplication.translate("Programs", "1 set")
        if dose.sets == 1
        else QCoreApplication.translate("Programs", "%1 sets").replace("%1", str(dose.sets))
    )
    if dose.rest_s:
        parts.append(
            QCoreApplication.translate("Programs", "%1 s rest").replace("%1", str(dose.rest_s))
        )
    return " · ".join(parts)


def duration_text(seconds: int) -> str:
    """A rounded duration ("about 16 min"): the exact second count would be false precision."""
    minutes = max(1, round(seconds / 60))
    return QCoreApplication.translate("Programs", "about %1 min").replace("%1", str(minutes))


@dataclass(frozen=True, slots=True)
class PainMark:
    """How a pain response is shown: never by colour alone, always with a symbol and a word.

    `colour` fills the chip under white text, in the theme shown when the mark was made.
    """

    response: PainResponse
    symbol: str
    word: str
    meaning: str
    colour: str


def pain_mark(response: PainResponse) -> PainMark:
    """Circle, diamond, triangle: three shapes that differ for people who do not see colour.

    The colour is the player's choice for the theme shown now (one choice for both pages):
    the same three fills in every theme left white text at 4.5:1 in high contrast.
    """
    colour = response_colour(response, chip=True).name()
    if response is PainResponse.GREEN:
        return PainMark(
            response,
            RESPONSE_SYMBOLS[response],
            QCoreApplication.translate("Programs", "Fine"),
            QCoreApplication.translate("Programs", "pain 0–3: fine, carry on"),
            colour,
        )
    if response is PainResponse.YELLOW:
        return PainMark(
            response,
            RESPONSE_SYMBOLS[response],
            QCoreApplication.translate("Programs", "Okay"),
            QCoreApplication.translate(
                "Programs", "pain 4–5: okay if it settles by the next morning"
            ),
            colour,
        )
    return PainMark(
        response,
        RESPONSE_SYMBOLS[response],
        QCoreApplication.translate("Programs", "Go lighter"),
        QCoreApplication.translate(
            "Programs", "pain above 5 or worse the next day: next time, a lighter level"
        ),
        colour,
    )


def reason_text(code: str) -> str:
    """A level-suggestion reason code from core.sessions in plain words."""
    texts = {
        "weeks_at_level": QCoreApplication.translate("Programs", "two weeks or more at this level"),
        "adherence": QCoreApplication.translate(
            "Programs", "at least 8 in 10 of the planned sessions done"
        ),
        "effort": QCoreApplication.translate("Programs", "effort 6 out of 10 or less"),
        "pain_response": QCoreApplication.translate(
            "Programs", "only “fine” and “okay” pain responses"
        ),
    }
    if code.startswith("red:"):
        return QCoreApplication.translate("Programs", "a session with a “go lighter” pain response")
    return texts.get(code, code)
