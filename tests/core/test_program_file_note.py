"""The physiotherapist's note after an export dialog: the language not shown keeps its words."""

from __future__ import annotations

import pytest

from rugdiary.core.exercises import Text
from rugdiary.core.program_file import edited_note

BOTH = Text(en="Twice a day; stop at a 5.", nl="Twee keer per dag; stop bij een 5.")


@pytest.mark.parametrize(
    ("old", "shown", "lang", "expected"),
    [
        # left as shown (spaces around it aside): both languages as they were
        (BOTH, "Twice a day; stop at a 5.", "en", BOTH),
        (BOTH, "  Twee keer per dag; stop bij een 5.\n", "nl", BOTH),
        # changed: only the language shown
        (BOTH, "Three times.", "en", Text(en="Three times.", nl=BOTH.nl)),
        (BOTH, "Drie keer.", "nl", Text(en=BOTH.en, nl="Drie keer.")),
        # new: nothing else to show the other language
        (None, "Gently.", "en", Text(en="Gently.", nl="Gently.")),
        # one text written once for both: an edit is the note in both, never half old
        (
            Text(en="Gently.", nl="Gently."),
            "Twice, gently.",
            "nl",
            Text("Twice, gently.", "Twice, gently."),
        ),
        # emptied or never written: no note
        (BOTH, "  ", "en", None),
        (None, "", "nl", None),
    ],
)
def test_only_the_language_shown_is_what_the_person_wrote(
    old: Text | None, shown: str, lang: str, expected: Text | None
) -> None:
    assert edited_note(old, shown, lang) == expected
