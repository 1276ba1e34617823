"""Where RugDiary keeps its data: --data-dir, then RUGDIARY_DATA_DIR, then the platform folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "RUGDIARY_DATA_DIR"
DATA_FILE_NAME = "diary.json"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder to use; the command-line option wins over the environment.

    An empty `override` raises ValueError: taken as "not given" it wrote into the
    environment's or the default folder, and as a path it would be the current folder.
    """
    if override is not None:
        if not os.fspath(override).strip():
            raise ValueError("the data folder given is empty")
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir("RugDiary", appauthor=False))
