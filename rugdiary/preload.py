"""The Qt-free modules a GUI launch imports before Qt, because PySide reads what comes after."""

from __future__ import annotations


def import_qt_free_layers() -> None:
    """Import the core and storage modules the first window needs, before PySide6 is.

    PySide's `__feature__` support (PYSIDE-2029) reads the source of every module that is
    imported after PySide6, to see whether it mentions PySide6, and `linecache` keeps that
    text for the life of the process. Imported first, these modules and the standard
    library under them skip the check. That saves ~8 ms and ~2 MB of each start.
    `tests/ui/test_app.py` checks that this covers every Qt-free module the first window uses.
    """
    import rugdiary.core.clock
    import rugdiary.core.content
    import rugdiary.core.reminders
    import rugdiary.core.safety
    import rugdiary.core.sessions
    import rugdiary.core.tips
    import rugdiary.resources
    import rugdiary.storage.database
    import rugdiary.storage.repositories  # noqa: F401
