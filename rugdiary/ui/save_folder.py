"""Where a save dialog opens: the Documents folder, or the home folder where there is none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def save_folder() -> Path:
    """The Documents folder when it exists, else the home folder.

    Qt names ~/Documents even where it was never made (a minimal install, a renamed
    folder); a save dialog given a folder that does not exist opens in the folder the app
    was started from, where nobody finds the file again.
    """
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()
