"""The Qt user interface; the only package that imports PySide6."""

from __future__ import annotations

import os
import sys


def _spare_pyside_the_source_reads() -> None:
    """Tell PySide which of our modules use it, so it does not read their source to find out.

    PySide's `__feature__` support (PYSIDE-2029) reads the source of every module imported
    after PySide6 to see whether it mentions "PySide6", unless the module's name is already
    in its table, and `linecache` keeps that text for the life of the process: ~1 MB of
    text (~2.5 MB of memory) and ~60 file reads at every start. The table is filled here
    with what the scan would find: the standard library and our Qt-free packages never use
    PySide (-1, "ignore"); the modules of this package do, without features (0). Skipped
    when PySide has no such table (another version) or cannot load (ui.start_problems
    explains that). `tests/ui/test_app.py` checks that a launch reads none of our sources.
    """
    try:
        import PySide6  # noqa: F401  (sets up the table)
    except ImportError:
        return
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in sys.stdlib_module_names:
        table.setdefault(name, -1)
    for name in list(sys.modules):
        if name.partition(".")[0] in sys.stdlib_module_names:
            table.setdefault(name, -1)
    # os.walk, not Path.rglob: the glob machinery (fnmatch, its regular expressions) cost
    # ~5 ms of a start; this walk takes a tenth of a millisecond.
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        package = os.path.relpath(folder, os.path.dirname(top)).replace(os.sep, ".")
        for file in files:
            if not file.endswith(".py"):
                continue
            stem = file[:-3]
            name = package if stem == "__init__" else f"{package}.{stem}"
            table.setdefault(name, 0 if name.startswith(__name__) else -1)


_spare_pyside_the_source_reads()
