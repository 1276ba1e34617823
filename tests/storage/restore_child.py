"""Child process for the restore kill test: restores backups until it kills itself.

Usage: python restore_child.py DATA_DIR KILL_AT [DAMAGED_FILE]. The child counts the file
operations it makes (open, write, fsync, chmod, link, rename, unlink) and sends itself
SIGKILL just before operation number KILL_AT, so a test can place kills at every point of
a restore, including between setting a damaged diary aside and writing the restored one.
With DAMAGED_FILE, each round first puts those bytes in place of the diary (atomically),
so each restore also sets a damaged diary aside.
"""

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rugdiary.storage.atomic import atomic_write_bytes
from rugdiary.storage.database import restore_backup

_count = 0


def _counted(operation: Callable[..., Any], kill_at: int) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        global _count
        _count += 1
        if _count >= kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return operation(*args, **kwargs)

    return wrapper


def main() -> None:
    folder, kill_at = Path(sys.argv[1]), int(sys.argv[2])
    damaged = Path(sys.argv[3]).read_bytes() if len(sys.argv) > 3 else None
    for name in ("open", "write", "fsync", "chmod", "link", "replace", "rename", "unlink"):
        setattr(os, name, _counted(getattr(os, name), kill_at))
    while True:
        if damaged is not None:
            atomic_write_bytes(folder / "diary.json", damaged)
        restore_backup(folder)


if __name__ == "__main__":
    main()
