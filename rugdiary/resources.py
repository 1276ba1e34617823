"""The one place that knows where resources/ lies: checkout, installed wheel, or frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The resources folder; raises FileNotFoundError naming where it looked."""
    here = Path(__file__).resolve().parent
    candidates = [
        here / "resources",  # installed wheel: hatch force-includes it into the package
        here.parent / "resources",  # a source checkout
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller
        candidates.insert(0, Path(bundle) / "rugdiary" / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "RugDiary's resources were not found in " + ", ".join(map(str, candidates))
    )


def resource(*parts: str) -> Path:
    """A path inside resources/, e.g. resource("icons", "rugdiary.svg")."""
    return resources_dir().joinpath(*parts)
