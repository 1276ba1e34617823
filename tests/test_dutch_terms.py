"""One Dutch word per concept: the UI, the Qt-free texts, the report and the exercise library."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rugdiary.core.insights import strength_word
from rugdiary.reports.program_sheet import TEXTS as SHEET_TEXTS
from rugdiary.reports.report_texts import TEXTS

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "rugdiary_nl.ts"

# Words a Dutch reader stumbles over, with what we say instead (issue 17).
REJECTED = {
    "ver gevorderd": "Halfgevorderd / Gevorderd are the levels",
    # "gemiddeld" is the average: "niveau gemiddeld" stood beside "gemiddelde pijn".
    "niveau gemiddeld": "the level is 'halfgevorderd'",
    "rapport": "the report is a 'verslag' everywhere",
    "dagboekregel": "an entry is a 'registratie'",
    "opmerking": "a note is a 'notitie'",
    "kat-koe": "cat-camel is 'Holle-bolle rug'",
    "stoelsquat": "'Opstaan uit een stoel'",
    "rugextensie": "'Rug strekken in buiklig'",
    "klaagt je": "'Heb je last van je …'",
    "dit welkom": "'Deze kennismaking'",
    "desktop": "say 'computer' or 'bureaublad'",
    "door de tijd": "'in de tijd'",
    "meteen bewaard": "saved is 'opgeslagen'",
    "alt+up": "'Alt+pijl omhoog'",
    "alt+down": "'Alt+pijl omlaag'",
}
REJECTED_WORDS = {
    "matig": "reads as 'mediocre': 'middelsterk'",
    "space": "the key is the 'spatiebalk'",
    "data": "dates are 'datums'",
    # Fear words: a back that "wears out" or a flare-up that "feels scary" teaches the
    # bracing the app tries to undo (docs/clinical.md, wording rules).
    "eng": "a fear word: 'zorgen geven', 'vervelend'",
    "enge": "a fear word",
    "gevaarlijk": "a fear word: say what to do instead",
    "beschadigd": "a fear word: 'onleesbaar geworden' for a file",
    "kapot": "a fear word",
    "versleten": "a fear word",
    "slijtage": "a fear word",
}


def _messages() -> list[tuple[str, str]]:
    """(English source, Dutch translation) for every message, every plural form."""
    pairs = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        pairs.extend((source, form) for form in forms)
    return pairs


def _json_dutch() -> list[str]:
    """Every Dutch text of the built-in exercises and programs except the figure data."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "nl" and isinstance(value, str):
                    found.append(value)
                elif key != "figure":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for folder in ("exercises", "programs"):
        for path in sorted((ROOT / "resources" / folder).glob("*.json")):
            walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def _all_dutch() -> list[str]:
    texts = [nl for _source, nl in _messages()]
    texts += list(TEXTS["nl"].values()) + list(SHEET_TEXTS["nl"].values())
    texts += _json_dutch()
    from rugdiary.core import safety, tips
    from rugdiary.reports.chart_theme import LABELS

    texts += list(LABELS["nl"].values())
    texts += [tip.nl for tip in tips.TIPS]
    texts += [safety.TITLE.nl, safety.INTRO.nl]
    return texts


def test_dutch_level_names_are_halfgevorderd_and_gevorderd() -> None:
    wanted = ("intermediate", "advanced")
    levels = {source: nl for source, nl in _messages() if source.lower() in wanted}
    assert levels == {
        "Intermediate": "Halfgevorderd",
        "Advanced": "Gevorderd",
        "intermediate": "halfgevorderd",
        "advanced": "gevorderd",
    }
    assert TEXTS["nl"]["intermediate"] == "halfgevorderd"
    assert TEXTS["nl"]["advanced"] == "gevorderd"
    assert SHEET_TEXTS["nl"]["intermediate"] == "halfgevorderd"
    assert SHEET_TEXTS["nl"]["advanced"] == "gevorderd"


def test_an_entry_is_a_registratie_and_a_note_a_notitie() -> None:
    for source, nl in _messages():
        if re.search(r"\bentr(y|ies)\b", source, re.IGNORECASE):
            assert "notitie" not in nl.lower(), (source, nl)
            assert "registratie" in nl.lower(), (source, nl)
        if re.search(r"\bnotes?\b", source, re.IGNORECASE) and "note how" not in source.lower():
            assert "opmerking" not in nl.lower(), (source, nl)
    assert "registraties" in TEXTS["nl"]["appendix_heading"]
    assert TEXTS["nl"]["col_notes"] == "Notities"


@pytest.mark.parametrize("phrase", sorted(REJECTED))
def test_no_dutch_text_uses_a_rejected_phrase(phrase: str) -> None:
    offenders = [text for text in _all_dutch() if phrase in text.lower()]
    assert not offenders, f"{REJECTED[phrase]}: {offenders[:3]}"


@pytest.mark.parametrize("word", sorted(REJECTED_WORDS))
def test_no_dutch_text_uses_a_rejected_word(word: str) -> None:
    offenders = [text for text in _all_dutch() if re.search(rf"\b{word}\b", text.lower())]
    assert not offenders, f"{REJECTED_WORDS[word]}: {offenders[:3]}"


def test_exercise_names_are_the_usual_dutch_names() -> None:
    def name(exercise: str) -> str:
        path = ROOT / "resources" / "exercises" / f"{exercise}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        return str(data["name"]["nl"])

    assert name("cat-camel") == "Holle-bolle rug"
    assert name("chair-squat") == "Opstaan uit een stoel"
    assert name("back-extension") == "Rug strekken in buiklig"


def test_the_moderate_pattern_is_not_called_mediocre() -> None:
    assert strength_word("moderate", "nl") == "middelsterk"
