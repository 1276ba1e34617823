"""`python -m rugdiary` runs the command line (which starts the app by default)."""

import sys

from rugdiary.cli import main

sys.exit(main())
