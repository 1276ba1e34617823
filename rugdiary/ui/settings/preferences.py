"""Typed access to the `settings` table, with one signal whenever a preference changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QObject, Signal

from rugdiary.core.diary import ValidationError
from rugdiary.core.reminders import ReminderSettings
from rugdiary.storage.repositories import SettingsRepository

LANGUAGE: Final = "language"
THEME: Final = "theme"
SOUND_CUES: Final = "sound_cues"
VOICE_CUES: Final = "voice_cues"
REMINDERS: Final = "reminders"
KEEP_IN_TRAY: Final = "keep_in_tray"
TRAY_EXPLAINED: Final = "tray_explained"
AUTOSTART: Final = "autostart"
DEMO_HOME: Final = "demo_home"
"""In the example diary only: the person's own data folder, beside which it lives."""

LANGUAGES: Final[tuple[str, ...]] = ("system", "en", "nl")
"""What the language setting may hold; "system" follows the computer's language."""

THEMES: Final[tuple[str, ...]] = ("system", "light", "dark", "high-contrast")
REDUCE_MOTION: Final = "reduce_motion"


class Preferences(QObject):
    """The person's choices, read from and written straight to the diary file.

    Stored in the `settings` table rather than QSettings so they travel with a JSON
    export and a restored backup. A stored value of the wrong type (hand-edited, or
    from an older version) reads as the default instead of breaking the app; every
    setter writes at once, so what the page shows is what is on disk.
    """

    changed = Signal(str)
    """The key of a preference that was just written with a different value."""

    def __init__(self, repository: SettingsRepository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repository = repository

    # -- plain values ------------------------------------------------------------------------

    def language(self) -> str:
        """ "system", "en" or "nl"."""
        return self._choice(LANGUAGE, LANGUAGES)

    def set_language(self, language: str) -> None:
        self._set_choice(LANGUAGE, language, LANGUAGES)

    def theme(self) -> str:
        """ "system", "light", "dark" or "high-contrast"."""
        return self._choice(THEME, THEMES)

    def set_theme(self, theme: str) -> None:
        self._set_choice(THEME, theme, THEMES)

    def reduce_motion(self) -> bool:
        """Hold the exercise figure still and let the ring jump; off by default."""
        return self._bool(REDUCE_MOTION, False)

    def set_reduce_motion(self, on: bool) -> None:
        self._set(REDUCE_MOTION, bool(on))

    def sound_cues(self) -> bool:
        """Short tones at phase changes in the player; on by default, as in the audio module."""
        return self._bool(SOUND_CUES, True)

    def set_sound_cues(self, on: bool) -> None:
        self._set(SOUND_CUES, bool(on))

    def voice_cues(self) -> bool:
        """Spoken step names in the player; on by default, as in the audio module."""
        return self._bool(VOICE_CUES, True)

    def set_voice_cues(self, on: bool) -> None:
        self._set(VOICE_CUES, bool(on))

    def keep_in_tray(self) -> bool:
        """Keep running in the tray when the window closes; off, so closing means quitting."""
        return self._bool(KEEP_IN_TRAY, False)

    def set_keep_in_tray(self, on: bool) -> None:
        self._set(KEEP_IN_TRAY, bool(on))

    def tray_explained(self) -> bool:
        """Whether the one-time "still running in the tray" explanation was shown."""
        return self._bool(TRAY_EXPLAINED, False)

    def set_tray_explained(self, shown: bool = True) -> None:
        self._set(TRAY_EXPLAINED, bool(shown))

    def autostart(self) -> bool:
        """The last choice about starting at login; the autostart file itself is what counts."""
        return self._bool(AUTOSTART, False)

    def set_autostart(self, on: bool) -> None:
        self._set(AUTOSTART, bool(on))

    def demo_home(self) -> Path | None:
        """The person's own data folder when this diary is the example one, else None.

        What the app does for good (start at login) belongs to that folder: a login that
        opened the example diary would have the person log among invented entries.
        """
        value = self.repository.get(DEMO_HOME)
        return Path(value) if isinstance(value, str) and value else None

    # -- reminders ---------------------------------------------------------------------------

    def reminders(self) -> ReminderSettings:
        """The stored reminder settings; the defaults when none are stored or they are unusable."""
        raw = self.repository.get(REMINDERS)
        if not isinstance(raw, dict):
            return ReminderSettings()
        try:
            return ReminderSettings.from_dict(raw)
        except (ValidationError, TypeError, ValueError):
            return ReminderSettings()

    def set_reminders(self, reminders: ReminderSettings) -> None:
        """Store validated settings (a ReminderSettings cannot hold bad values)."""
        self._set(REMINDERS, reminders.to_dict())

    # -- helpers -----------------------------------------------------------------------------

    def _choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.repository.get(key)
        return value if value in allowed else allowed[0]

    def _set_choice(self, key: str, value: str, allowed: tuple[str, ...]) -> None:
        if value not in allowed:
            raise ValueError(f"{key} must be one of {', '.join(allowed)}, not {value!r}")
        self._set(key, value)

    def _bool(self, key: str, default: bool) -> bool:
        value = self.repository.get(key)
        return value if isinstance(value, bool) else default

    def _set(self, key: str, value: Any) -> None:
        """Write, then announce; nothing is announced when the value did not change."""
        if self.repository.get(key) == value:
            return
        self.repository.set(key, value)
        self.changed.emit(key)
