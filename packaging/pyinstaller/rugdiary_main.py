"""Entry script for the PyInstaller bundle: the same `main` as the `rugdiary` command."""

import sys

from rugdiary.cli import main

if __name__ == "__main__":
    sys.exit(main())
