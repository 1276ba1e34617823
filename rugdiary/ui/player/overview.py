"""What the Session page shows while nothing plays: the next program and the last sessions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from rugdiary.core.sessions import Session, StopReason, named_as_now
from rugdiary.ui.locale_dates import weekday_day_format
from rugdiary.ui.player.texts import length_text, pain_change_text

if TYPE_CHECKING:
    from rugdiary.ui.services import Services

RECENT_SESSIONS = 5


@dataclass(frozen=True, slots=True)
class SessionOverview:
    """The next program to offer (if any) and the last few sessions, newest first."""

    program_id: str | None
    program_name: str
    program_detail: str
    recent: tuple[Session, ...]


def session_line(session: Session, locale: QLocale | None = None) -> str:
    """ "Tue 1 Dec · Morning mobility · 8 min · pain 3 → 2", and how it ended if early."""
    locale = locale if locale is not None else QLocale()
    started = session.started_at
    # "Tue 1 Dec" in English, "di 1 dec" in Dutch: short, and with the weekday.
    day = locale.toString(
        QDate(started.year, started.month, started.day), weekday_day_format(locale)
    )
    parts = [day, session.program_name, length_text(session.done_s)]
    pain = pain_change_text(session)
    if pain is not None:
        parts.append(pain)
    if session.partly_done:
        # Played to the end with much of it skipped (core/player.py COMPLETED_MAX_SKIPPED):
        # not stopped, so "stopped early" would be wrong.
        parts.append(QCoreApplication.translate("player", "partly done"))
    elif not session.completed:
        reasons = {
            StopReason.PAIN: QCoreApplication.translate("player", "stopped early (pain)"),
            StopReason.TIME: QCoreApplication.translate("player", "stopped early (no time)"),
        }
        parts.append(
            reasons.get(
                session.stopped_reason,  # type: ignore[arg-type]
                QCoreApplication.translate("player", "stopped early"),
            )
        )
    return " · ".join(parts)


def overview_source(services: Services, lang: str) -> Callable[[], SessionOverview]:
    """Reads, each time it is called, what the Session page offers (as the Today page does)."""

    def read() -> SessionOverview:
        from rugdiary.core.diary import ValidationError
        from rugdiary.core.reminders import ReminderSettings
        from rugdiary.ui.today.controller import REMINDERS_KEY
        from rugdiary.ui.today.data import ProgramCatalog, SessionHistory

        catalog = ProgramCatalog(services.builtin, services.programs, services.exercises, lang)
        try:
            settings = ReminderSettings.from_dict(services.settings.get(REMINDERS_KEY) or {})
        except (ValidationError, TypeError, ValueError):
            settings = ReminderSettings()
        now = services.clock.now()
        # The recent months first, as Today does: a ten-year diary holds thousands of
        # sessions, and the page needs only the last few and the latest playable one.
        history = SessionHistory(services.sessions, now.date())
        offered = history.next_program(settings, now, lambda pid: catalog.get(pid) is not None)
        program = catalog.get(offered.program_id)
        recent = tuple(named_as_now(history.latest(RECENT_SESSIONS), catalog.name))
        if program is None:
            return SessionOverview(None, "", "", recent)
        return SessionOverview(
            program.id,
            program.name.get(lang),
            _detail(
                offered.planned_at,
                offered.last_played,
                catalog.total_s(program, history.level_to_play(program, now)),
                now,
            ),
            recent,
        )

    return read


def _detail(
    planned_at: datetime | None, last_played: datetime | None, total_s: int | None, now: datetime
) -> str:
    locale = QLocale()
    parts: list[str] = []
    if planned_at is not None:
        time = locale.toString(
            QTime(planned_at.hour, planned_at.minute), QLocale.FormatType.ShortFormat
        )
        if planned_at.date() == now.date():
            parts.append(
                QCoreApplication.translate("player", "Planned for today at %1").replace("%1", time)
            )
        else:
            day = locale.dayName(planned_at.isoweekday(), QLocale.FormatType.LongFormat)
            parts.append(
                QCoreApplication.translate("player", "Planned for %1 at %2")
                .replace("%1", day)
                .replace("%2", time)
            )
    elif last_played is not None:
        parts.append(QCoreApplication.translate("player", "The program you played last"))
    else:
        parts.append(QCoreApplication.translate("player", "A gentle way to get moving"))
    if total_s is not None:
        minutes = max(1, round(total_s / 60))
        parts.append(
            QCoreApplication.translate("player", "about %1 min")
            .replace("%1", str(minutes))
            .replace(" ", "\u00a0")
        )
    return " · ".join(parts)


def recent_lines(recent: Sequence[Session]) -> list[str]:
    locale = QLocale()
    return [session_line(session, locale) for session in recent]
