"""The Qt-free modules a GUI launch imports before Qt, because PySide reads what comes after."""

from __future__ import annotations

import gc
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

    The cyclic garbage collector is paused from here until the window is shown
    (`resume_collector`, called by `ui.app.start_gui`), see `pause_collector`.
    """
    pause_collector(launch=True)
    for name in QT_FREE_FIRST:
        import_module(name)


_paused_here = False
"""Whether `pause_collector` switched the collector off (and so `resume_collector` may
switch it on again): a process that had it off keeps it off."""
_freeze_on_resume = False
"""Set by a launch (`import_qt_free_layers`): what start-up made is then frozen."""


def pause_collector(*, launch: bool = False) -> None:
    """Pause Python's cyclic garbage collector for the rest of the start.

    A launch makes some hundred thousand objects that all stay (modules, classes, Qt's
    enums, the window) and hardly any garbage, yet the collector scanned them over and
    over: ~80 collections, ~10 ms of every start. Reference counting still frees what
    is dropped; only cycles wait for `resume_collector`.

    With `launch` (the `rugdiary` process itself, not a test calling `start_gui`), the
    resume freezes what exists then (`gc.freeze`): the app's own lasting objects, which
    later collections then skip instead of scanning them once more in one long pass.
    """
    global _paused_here, _freeze_on_resume
    if gc.isenabled():
        gc.disable()
        _paused_here = True
        _freeze_on_resume = launch


def resume_collector() -> None:
    """Switch the collector on again after a `pause_collector`; nothing otherwise."""
    global _paused_here
    if _paused_here:
        _paused_here = False
        if _freeze_on_resume:
            gc.freeze()
        gc.enable()
