"""The Qt-free modules a GUI launch imports before Qt, because PySide reads what comes after."""

from __future__ import annotations

from importlib import import_module

QT_FREE_FIRST = (
    "rugdiary.core.activities",
    "rugdiary.core.body_regions",
    "rugdiary.core.clock",
    "rugdiary.core.content",
    "rugdiary.core.flares",
    "rugdiary.core.reminders",
    "rugdiary.core.sitting",
    "rugdiary.core.safety",
    "rugdiary.core.sessions",
    "rugdiary.core.tips",
    "rugdiary.resources",
    "rugdiary.storage.database",
    "rugdiary.storage.repositories",
)
"""The core and storage modules the first window uses (with what they import)."""


def import_qt_free_layers() -> None:
    """Import QT_FREE_FIRST, before PySide6 is imported.

    PySide's `__feature__` support (PYSIDE-2029) reads the source of every module that is
    imported after PySide6, to see whether it mentions PySide6, and `linecache` keeps that
    text for the life of the process. Imported first, these modules and the standard
    library under them skip the check: about half of the reads, ~6 ms and ~2 MB a start.
    `tests/ui/test_app.py` fails when the first window uses a core or storage module that
    is not covered here.
    """
    for name in QT_FREE_FIRST:
        import_module(name)
