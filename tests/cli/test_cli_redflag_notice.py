"""`rugdiary add` with an urgent sign says, on stderr, to contact a doctor now."""

from __future__ import annotations

from pathlib import Path

import pytest

from rugdiary.cli import EXIT_OK, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def add(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    return run(capsys, "add", "--pain", "6", "--stress", "3", *extra)


def test_an_urgent_tag_names_the_sign_and_says_to_contact_a_doctor_now(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = add(capsys, "--tag", "saddle numbness", "--tag", "trouble passing urine")
    assert code == EXIT_OK
    assert len(out.split()) == 1, "stdout stays the entry's id alone, for scripts"
    assert "numbness around the genitals, back passage or buttocks" in err
    assert "new trouble starting to pass urine or stopping the flow" in err
    assert "contacting a doctor now" in err
    assert "112" in err


def test_numbness_with_both_legs_marked_counts_too(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = add(
        capsys, "--tag", "numbness", "--where", "thigh_left", "--where", "below_knee_right"
    )
    assert code == EXIT_OK
    assert "numbness in both legs" in err


def test_a_dutch_tag_gets_the_dutch_notice(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = add(capsys, "--tag", "moeite met plassen")
    assert code == EXIT_OK
    assert "neem nu contact op met een arts" in err
    assert "huisartsenpost" in err


def test_the_apps_language_comes_first(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rugdiary.core.clock import SystemClock
    from rugdiary.storage.database import Database
    from rugdiary.storage.repositories import SettingsRepository

    db = Database.open(data_dir, clock=SystemClock())
    try:
        SettingsRepository(db).set("language", "nl")
    finally:
        db.close()
    code, _out, err = add(capsys, "--tag", "saddle numbness")
    assert code == EXIT_OK
    assert "een doof gevoel rond de geslachtsdelen" in err


def test_an_ordinary_entry_says_nothing(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = add(capsys, "--tag", "sitting", "--tag", "numbness", "--where", "thigh_left")
    assert code == EXIT_OK
    assert err == ""
