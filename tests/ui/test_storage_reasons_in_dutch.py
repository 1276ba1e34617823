"""The storage's reasons for a diary file, its folder and its backups, in Dutch at start-up."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database, list_backups
from rugdiary.ui import app as ui_app
from rugdiary.ui import dialogs
from rugdiary.ui.dialogs import DataFileChoice
from rugdiary.ui.reasons import reason_text
from tests.ui.test_reasons import _in_dutch, _storage_reasons


@pytest.fixture
def dutch_reasons(qapp: QApplication) -> Iterator[None]:
    """RugDiary's own Dutch (the .qm); English again afterwards."""
    with _in_dutch(qapp):
        yield


# -- the table --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def storage_reasons(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """test_reasons.py's corpus of them, each made by the code that gives it."""
    return _storage_reasons(tmp_path_factory.mktemp("storage"))


@pytest.mark.usefixtures("dutch_reasons")
def test_every_reason_of_a_diary_file_its_backups_and_autostart_reads_in_dutch(
    storage_reasons: list[str],
) -> None:
    english_words = re.compile(
        r"\b(the|is not|cannot|file|folder|backups?|line|column|link|written|login)\b"
    )
    texts = {reason: reason_text(reason) for reason in storage_reasons}
    left = [
        (reason, text)
        for reason, text in texts.items()
        if text == reason or english_words.search(re.sub(r"'[^']*'|\([^)]*\)|/\S*", "", text))
    ]
    assert left == []


@pytest.mark.usefixtures("dutch_reasons")
@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        # Whole, not "the data version is geen heel getal" from the CSV cells' line.
        (
            "the data version is not a whole number",
            "het versienummer van de gegevens is geen heel getal",
        ),
        (
            "the file is cut off or damaged (line 3, column 14)",
            "het bestand is onvolledig of onleesbaar geworden (regel 3, kolom 14)",
        ),
        (
            "table 'entries' has a malformed record 'one'",
            "tabel 'entries' heeft een onderdeel 'one' dat niet klopt",
        ),
        (
            "it was written by a newer RugDiary (data version 2; this version reads up to 1). "
            "Update RugDiary to open it.",
            "het is opgeslagen door een nieuwere RugDiary (gegevensversie 2; deze versie leest "
            "tot en met versie 1). Werk RugDiary bij om het te openen.",
        ),
        # The system's own words in brackets stay as they are, like a path.
        (
            "the data folder cannot be created (Permission denied)",
            "de gegevensmap kan niet worden gemaakt (Permission denied)",
        ),
        # Each backup's own reason is said in Dutch too, its name as it is.
        (
            "no backup could be read (diary-20260302-080000-000000Z.json: the file is empty; "
            "pre-restore-20260301-080000-000000Z.json: it was written by a newer RugDiary "
            "(data version 2; this version reads up to 1). Update RugDiary to open it.; "
            "diary-20260228-080000-000000Z.json: a reason nobody has written down yet)",
            "geen enkele back-up kon worden gelezen (diary-20260302-080000-000000Z.json: het "
            "bestand is leeg; pre-restore-20260301-080000-000000Z.json: het is opgeslagen door "
            "een nieuwere RugDiary (gegevensversie 2; deze versie leest tot en met versie 1). "
            "Werk RugDiary bij om het te openen.; diary-20260228-080000-000000Z.json: a reason "
            "nobody has written down yet)",
        ),
    ],
)
def test_storage_reasons_read_in_dutch_with_their_values(english: str, dutch: str) -> None:
    assert reason_text(english) == dutch


# -- at start-up ------------------------------------------------------------------------------


def _open_and_quit(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> list[str]:
    """Open the diary as the app does; read the real data-file dialog, then choose Quit."""
    shown: list[str] = []

    def read_and_quit() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.informativeText())
        next(b for b in box.buttons() if b.text() == "Afsluiten").click()

    QTimer.singleShot(0, read_and_quit)
    assert ui_app.open_database(data_dir, clock=clock) is None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    return shown


@pytest.mark.usefixtures("dutch_reasons")
@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("data version", "het versienummer van de gegevens is geen heel getal"),
        ("no diary tables", "het bestand bevat geen dagboektabellen"),
        ("newer", "het is opgeslagen door een nieuwere RugDiary (gegevensversie 99; deze versie"),
        ("lost", "het dagboekbestand ontbreekt, maar de map heeft 1 back-up(s), de nieuwste van"),
        ("unplugged", "het is een koppeling naar "),
        ("no folder", "de gegevensmap kan niet worden gemaakt ("),
    ],
)
def test_the_start_up_dialog_says_why_in_dutch(
    qtbot: QtBot, data_dir: Path, clock: FakeClock, case: str, reason: str
) -> None:
    if case == "no folder":
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        data_dir.write_text("a file where the data folder should be")
    else:
        data_dir.mkdir(parents=True)
    diary = data_dir / "diary.json"
    if case == "data version":
        diary.write_text('{"_meta": {"1": {"schema": "two"}}}')
    elif case == "no diary tables":
        diary.write_text("[1, 2]")
    elif case == "newer":
        diary.write_text('{"_meta": {"1": {"schema": 99}}}')
    elif case == "lost":
        Database.open(data_dir, clock=clock).close()
        diary.unlink()
    elif case == "unplugged":
        diary.symlink_to(data_dir.parent / "usb disk" / "diary.json")

    (text,) = _open_and_quit(qtbot, data_dir, clock)

    assert f"Wat er gebeurde: {reason}" in text


@pytest.mark.usefixtures("dutch_reasons")
def test_with_no_backup_to_restore_the_start_up_says_so_in_dutch(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "diary.json").write_text('{"entries": ')
    monkeypatch.setattr(dialogs, "ask_data_file_problem", lambda *_a: DataFileChoice.RESTORE)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: errors.append((title, text)))

    assert ui_app.open_database(data_dir, clock=clock) is None

    ((title, text),) = errors
    assert title == "Er kon geen back-up worden teruggezet"
    assert text == (
        f"Er zijn geen back-ups om terug te zetten.\n\nEr is niets veranderd. De map staat "
        f"hier:\n{data_dir}"
    )


@pytest.mark.usefixtures("dutch_reasons")
def test_when_every_backup_is_damaged_the_start_up_names_each_in_dutch(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock
) -> None:
    """Each backup's name stays as it is: str.capitalize made diary-…Z.json diary-…z.json."""
    with Database.open(data_dir, clock=clock):
        pass
    (backup,) = list_backups(data_dir)
    backup.path.write_text("")
    (data_dir / "diary.json").write_text('{"entries": ')
    monkeypatch.setattr(dialogs, "ask_data_file_problem", lambda *_a: DataFileChoice.RESTORE)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _title, text: errors.append(text))

    assert ui_app.open_database(data_dir, clock=clock) is None

    (text,) = errors
    assert text.startswith(
        f"Geen enkele back-up kon worden gelezen ({backup.path.name}: het bestand is leeg).\n\n"
    )
    assert (data_dir / "diary.json").read_text() == '{"entries": ', "nothing was changed"
