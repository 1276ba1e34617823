"""Child process for the restore kill test: restores the newest backup over and over.

Usage: python restore_child.py DATA_DIR. After each restore has returned, "restored" is
printed and flushed, so the parent can kill the child at a random point in the next one.
"""

import sys
from pathlib import Path

from rugdiary.storage.database import restore_backup


def main() -> None:
    folder = Path(sys.argv[1])
    while True:
        restore_backup(folder)
        print("restored", flush=True)


if __name__ == "__main__":
    main()
