"""Telling screen readers what changed, when it changes: announcements and change events.

A status-bar "Saved", a new welcome screen, the player's step or a value picked on a 0–10
scale changes what is seen without moving the focus, so a screen reader says nothing unless
it is told. Qt 6.8 and newer have announcement events (AT-SPI "announcement", as a live
region would); on an older Qt the text goes to a small live label that reports its new name
instead.

The accessibility classes are imported where an event is sent, not with this module: PySide
builds them, with QAccessible's eight enums, on first use (~2 ms), which start-up need not
pay for a window that announces nothing until something changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessibleEvent

LIVE_LABEL_NAME = "liveAnnouncement"
"""objectName of the fallback label that carries announcements on an older Qt."""


def send(event: QAccessibleEvent) -> None:
    """Hand `event` to the platform's accessibility bridge (a no-op when none listens)."""
    from PySide6.QtGui import QAccessible

    QAccessible.updateAccessibility(event)


def has_announcements() -> bool:
    return hasattr(QtGui, "QAccessibleAnnouncementEvent")


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say `text` now, on behalf of `widget`, without moving the focus.

    Polite by default: said after what is being read. `assertive` interrupts (use it for
    problems only).
    """
    if not text.strip():
        return
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    if has_announcements():
        event = QtGui.QAccessibleAnnouncementEvent(widget, text)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
        send(event)
        return
    _live_label(widget).setText(text)  # pragma: no cover - Qt before 6.8
    send(QAccessibleEvent(_live_label(widget), QAccessible.Event.NameChanged))


def _live_label(widget: QWidget) -> QLabel:
    """The window's live label: tiny, not in the Tab order, its text the last announcement."""
    window = widget.window()
    label = window.findChild(QLabel, LIVE_LABEL_NAME)
    if label is None:
        label = QLabel(window)
        label.setObjectName(LIVE_LABEL_NAME)
        label.setFixedSize(1, 1)
        label.show()
    return label


def value_changed(widget: QWidget, value: object) -> None:
    """`widget`'s value changed (a 0–10 scale): screen readers read the new value."""
    from PySide6.QtGui import QAccessibleValueChangeEvent

    send(QAccessibleValueChangeEvent(widget, value))


def description_changed(widget: QWidget) -> None:
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    send(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))


def name_changed(widget: QWidget) -> None:
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    send(QAccessibleEvent(widget, QAccessible.Event.NameChanged))


def set_label_text(label: QLabel, text: str) -> bool:
    """Show `text` in `label` and say its name changed; False (and no event) when unchanged.

    A label's accessible name is its text (labels that change get no name of their own, so
    nothing hides what they show), so a new text is a NameChanged event.
    """
    if label.text() == text:
        return False
    label.setText(text)
    name_changed(label)
    return True


def set_name(widget: QWidget, name: str) -> bool:
    """Give a widget without text of its own (the player's ring) a new spoken name."""
    if widget.accessibleName() == name:
        return False
    widget.setAccessibleName(name)
    name_changed(widget)
    return True
