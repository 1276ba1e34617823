"""Where it hurts, own activities and logged flare-ups reach the report (app and CLI)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from rugdiary.cli import EXIT_OK, main
from rugdiary.core.activities import new_activity, new_score
from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import (
    ActivityRepository,
    ActivityScoreRepository,
    EntryRepository,
    FlareRepository,
)
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import builtin_content

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is absent"
)

BUILD_MS = 60_000


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def _fill(db: Database, repo: EntryRepository, make_entry: Any, now: Any) -> None:
    """Two weeks with the lower back marked, a scored activity and a settled flare-up."""
    repo.add_many(
        [
            make_entry(days_ago=d, pain=5, stress=4, regions=("lower_back_centre",))
            for d in range(1, 15)
        ]
    )
    socks = new_activity("Put on socks", now - timedelta(days=14), [])
    ActivityRepository(db).add(socks)
    ActivityScoreRepository(db).add_many(
        [
            new_score(socks, 3, now - timedelta(days=14)),
            new_score(socks, 7, now - timedelta(days=1)),
        ]
    )
    flares = FlareRepository(db)
    flares.start(now - timedelta(days=10), note="lifting boxes")
    flares.end(now - timedelta(days=8), helped="short walks")


def _expect_extras(text: str) -> None:
    assert "Where it hurts" in text
    assert "lower back, centre 14" in text
    assert "Put on socks" in text
    assert "3 → 7" in text or ("3 (" in text and "7 (" in text)
    assert "short walks" in text


def test_the_report_page_prints_regions_activities_and_flare_ups(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    repo: EntryRepository,
    make_entry: Any,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    _fill(db, repo, make_entry, clock.now())
    with qtbot.waitSignal(window.report.controller.finished, timeout=BUILD_MS):
        window.show_page("report")
    pdf = window.report.controller.pdf
    assert pdf is not None
    _expect_extras(_text(pdf, tmp_path))


def test_the_report_command_prints_regions_activities_and_flare_ups(
    data_dir: Path,
    db: Database,
    make_entry: Any,
    clock: FakeClock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _fill(db, EntryRepository(db), make_entry, clock.now())
    db.close()
    out = tmp_path / "cli.pdf"
    first = (clock.now().date() - timedelta(days=20)).isoformat()
    last = clock.now().date().isoformat()
    code = main(["report", "-o", str(out), "--from", first, "--to", last])
    capsys.readouterr()
    assert code == EXIT_OK
    _expect_extras(_text(out.read_bytes(), tmp_path))


def _sessions(db: Database, now: Any) -> None:
    """Desk break recorded in English, morning mobility in Dutch, and a deleted program."""
    from rugdiary.core.exercises import Level
    from rugdiary.core.sessions import Session
    from rugdiary.storage.repositories import SessionRepository

    for back, program_id, name in (
        (3, "desk-break", "Desk break"),
        (2, "morning-mobility", "Ochtendmobiliteit"),
        (1, "deleted-own", "My old one"),
    ):
        began = now - timedelta(days=back)
        SessionRepository(db).add(
            Session(
                program_id=program_id,
                program_name=name,
                level=Level.BEGINNER,
                started_at=began,
                ended_at=began + timedelta(minutes=4),
                planned_s=240,
                done_s=240,
                steps_done=5,
                steps_skipped=0,
                completed=True,
            )
        )


def test_the_report_page_names_programs_as_they_are_now_in_the_report_language(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    repo: EntryRepository,
    make_entry: Any,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    _fill(db, repo, make_entry, clock.now())
    _sessions(db, clock.now())
    with qtbot.waitSignal(window.report.controller.finished, timeout=BUILD_MS):
        window.show_page("report")
    pdf = window.report.controller.pdf
    assert pdf is not None
    text = _text(pdf, tmp_path)
    assert "Morning mobility" in text, "recorded in Dutch, reported in English"
    assert "Ochtendmobiliteit" not in text
    assert "My old one" in text, "a deleted program keeps its recorded name"


def test_the_report_command_names_programs_in_its_language_and_exports_keep_the_record(
    data_dir: Path,
    db: Database,
    make_entry: Any,
    clock: FakeClock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _fill(db, EntryRepository(db), make_entry, clock.now())
    _sessions(db, clock.now())
    db.close()
    out = tmp_path / "cli.pdf"
    first = (clock.now().date() - timedelta(days=20)).isoformat()
    last = clock.now().date().isoformat()
    code = main(["report", "-o", str(out), "--from", first, "--to", last, "--lang", "nl"])
    assert code == EXIT_OK
    text = _text(out.read_bytes(), tmp_path)
    desk = builtin_content().program("desk-break")
    assert desk is not None
    assert desk.name.get("nl") in text, "recorded in English, reported in Dutch"
    assert "Desk break" not in text
    morning = builtin_content().program("morning-mobility")
    assert morning is not None
    assert morning.name.get("nl") in text
    assert "My old one" in text
    exported = tmp_path / "sessions.json"
    code = main(["export", "--format", "json", "-o", str(exported)])
    capsys.readouterr()
    assert code == EXIT_OK
    record = exported.read_text("utf-8")
    assert "Desk break" in record, "an export keeps the name each session was recorded with"
    assert desk.name.get("nl") not in record
