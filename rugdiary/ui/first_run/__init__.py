"""First start: the welcome screens, the answers they give, and storing those answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from rugdiary.core.diary import ValidationError
from rugdiary.core.reminders import ReminderSettings
from rugdiary.ui import dialogs
from rugdiary.ui.safety import ACKNOWLEDGED_KEY

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from rugdiary.storage.repositories import SettingsRepository
    from rugdiary.ui.first_run.welcome import FirstRunResult

# The welcome screens (`welcome`) are imported only when shown: every later start asks
# `first_run_needed` and should not pay for building them.

DONE_KEY: Final = "first_run_done"
LANGUAGE_KEY: Final = "language"
REMINDERS_KEY: Final = "reminders"


def first_run_needed(settings: SettingsRepository) -> bool:
    """True until the welcome has been shown once (finished or skipped)."""
    return settings.get(DONE_KEY, False) is not True


def store_result(settings: SettingsRepository, result: FirstRunResult) -> None:
    """Write the answers to the diary's settings table.

    The diary reminder is merged into the stored reminder settings, so other reminders
    (and a hand-edited file) are kept; an unreadable stored value is replaced by the
    defaults plus the new choice, since the person has just said what they want.
    """
    if settings.get(LANGUAGE_KEY, "system") != result.language:
        settings.set(LANGUAGE_KEY, result.language)
    if result.reminder is not None:
        try:
            current = ReminderSettings.from_dict(settings.get(REMINDERS_KEY) or {})
        except (ValidationError, TypeError, ValueError):
            current = ReminderSettings()
        settings.set(REMINDERS_KEY, current.replace(diary=result.reminder).to_dict())
    if result.red_flags_acknowledged:
        settings.set(ACKNOWLEDGED_KEY, True)
    settings.set(DONE_KEY, True)


def run_first_run(
    parent: QWidget | None,
    settings: SettingsRepository,
    *,
    on_language: Callable[[str], None] | None = None,
) -> FirstRunResult:
    """Show the welcome modally, store the answers and return them.

    `on_language` is called as soon as a language is picked ("system", "en" or "nl"), so
    the caller can install the translator and the open welcome switches language live.
    `first_run_done` is stored however the welcome ends, so it never comes back; the
    red-flag notice is marked acknowledged only when confirmed.
    """
    from rugdiary.ui.first_run.welcome import FirstRunDialog

    stored = settings.get(LANGUAGE_KEY)
    dialog = FirstRunDialog(parent, language=stored if isinstance(stored, str) else "system")
    if on_language is not None:
        dialog.languageChosen.connect(on_language)
    try:
        dialogs.exec_dialog(dialog)
        result = dialog.result_value()
    finally:
        dialog.deleteLater()
    store_result(settings, result)
    return result
