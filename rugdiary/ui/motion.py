"""The "reduce motion" switch, kept on the QApplication so there is no module-level state."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from rugdiary.storage.repositories import SettingsRepository

SETTINGS_KEY: Final = "reduce_motion"
"""Key in the `settings` table (SettingsRepository) that remembers the choice."""

_PROPERTY: Final = "rugdiary_reduce_motion"


def reduce_motion() -> bool:
    """True when moving pictures should hold still (the figure) or jump (the ring).

    Read at paint time by the widgets, so switching it takes effect on their next repaint.
    Without an application (pure tests) there is nothing to animate: False.
    """
    app = QCoreApplication.instance()
    return app is not None and bool(app.property(_PROPERTY))


def set_reduce_motion(on: bool) -> None:
    """Turn reduced motion on or off for the whole app and repaint what is on screen."""
    app = QCoreApplication.instance()
    if app is None:
        return
    app.setProperty(_PROPERTY, bool(on))
    if isinstance(app, QApplication):
        for widget in app.allWidgets():
            if widget.isVisible():
                widget.update()


def load_reduce_motion(settings: SettingsRepository) -> bool:
    """Apply the choice stored in the diary's settings (off when never set); returns it."""
    value = settings.get(SETTINGS_KEY, False) is True
    set_reduce_motion(value)
    return value
