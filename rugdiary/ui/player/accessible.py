"""Tells screen readers what changed on the player page: new text, new values, announcements."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget


def send(event: QAccessibleEvent) -> None:
    """One place through which every player event goes (tests record them here)."""
    QAccessible.updateAccessibility(event)


def set_label_text(label: QLabel, text: str) -> bool:
    """Show `text` in `label` and say its name changed; False (and no event) when unchanged.

    A label's accessible name is its text (labels here get no name of their own, so
    nothing hides what they show), so a new text is a NameChanged event.
    """
    if label.text() == text:
        return False
    label.setText(text)
    send(QAccessibleEvent(label, QAccessible.Event.NameChanged))
    return True


def set_name(widget: QWidget, name: str) -> bool:
    """Give a widget without text of its own (the ring) a new spoken name."""
    if widget.accessibleName() == name:
        return False
    widget.setAccessibleName(name)
    send(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
    return True


def value_changed(widget: QWidget) -> None:
    """A widget whose value moved (the progress bar) tells the screen reader so."""
    send(QAccessibleEvent(widget, QAccessible.Event.ValueChanged))


def announce(widget: QWidget, text: str) -> None:
    """Ask the screen reader to say `text` politely, where the platform supports it."""
    if text:
        send(QAccessibleAnnouncementEvent(widget, text))
