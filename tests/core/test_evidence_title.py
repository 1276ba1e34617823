"""The About button that opens the evidence page and the page's own title say the same."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from rugdiary.core import evidence

ROOT = Path(__file__).resolve().parents[2]
BUTTON = "&Evidence behind the exercises"
"""The About dialog's button (rugdiary/ui/help.py), with its keyboard accelerator."""


def _dutch(source: str) -> str:
    tree = ET.parse(ROOT / "resources" / "i18n" / "rugdiary_nl.ts")
    for message in tree.iter("message"):
        if message.findtext("source") == source:
            return message.findtext("translation") or ""
    raise AssertionError(f"{source!r} is not in rugdiary_nl.ts")


def test_the_button_in_the_code_is_the_one_checked_here() -> None:
    help_py = (ROOT / "rugdiary" / "ui" / "help.py").read_text(encoding="utf-8")
    assert f'self.tr("{BUTTON}")' in help_py


def test_the_evidence_window_is_titled_as_the_button_that_opens_it() -> None:
    """In Dutch "Onderbouwing van de oefeningen" opened "Waar de oefeningen op steunen"."""
    assert evidence.TITLE.en == BUTTON.replace("&", "")
    assert evidence.TITLE.nl == _dutch(BUTTON).replace("&", "")
