"""The command line after trying to break the diary (issue 15): exit codes and messages."""

from __future__ import annotations

import errno
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_BAD_INPUT, EXIT_DATA, EXIT_OK, main
from rugdiary.storage import database as database_module
from rugdiary.storage.atomic import decode_tables, encode_tables


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def add(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    code, out, err = run(capsys, "add", "--pain", "3", "--stress", "4", *extra)
    assert code == EXIT_OK, err
    return out.strip()


def stored(data_dir: Path) -> dict[str, dict[str, object]]:
    return decode_tables((data_dir / "diary.json").read_bytes(), data_dir / "diary.json")


def write_diary(data_dir: Path, entries: dict[str, dict[str, object]]) -> bytes:
    data_dir.mkdir(exist_ok=True)
    raw = encode_tables({"_meta": {"1": {"schema": 1}}, "entries": entries})
    (data_dir / "diary.json").write_bytes(raw)
    return raw


GOOD = {"id": "good", "at": "2026-03-01T10:00:00+01:00", "pain": 2, "stress": 2}


# -- 1: a CSV cut off in its last row --------------------------------------------------------


def test_import_of_a_cut_off_export_names_the_line_and_imports_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, "--at", "2026-03-01T09:00+01:00")
    export = tmp_path / "e.csv"
    assert run(capsys, "export", "--format", "csv", "-o", str(export))[0] == EXIT_OK
    text = export.read_bytes()
    row = text.split(b"\r\n")[1]
    cut = text[: text.index(row) + row.index(b",3,4,") + len(b",3,4")]  # stress 4 -> "4", then cut
    cut = cut[:-1] + b"1"  # the row said stress 4 ... cut in the middle of the next value
    target = tmp_path / "cut.csv"
    target.write_bytes(cut)
    other = tmp_path / "other"
    code, _, err = run(capsys, "--data-dir", str(other), "import", str(target))
    assert code == EXIT_BAD_INPUT
    assert f"{target}:2: row:" in err
    assert "nothing was imported" in err


# -- 5 and 6: exports and reports never write over the diary or an existing file ----------


@pytest.mark.parametrize("command", [["export", "--format", "json"], ["report"]])
@pytest.mark.parametrize(
    "name", ["diary.json", ".diary.lock", "backups/x.json", "diary.json.damaged-1"]
)
def test_output_into_the_data_folders_own_files_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str], name: str
) -> None:
    add(capsys)
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    code, _, err = run(capsys, *command, "-o", str(data_dir / name), "--force")
    assert code == EXIT_BAD_INPUT
    assert "-o" in err
    assert "data folder" in err
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before


def test_existing_output_needs_force_and_is_then_replaced_atomically(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys)
    target = tmp_path / "mine.csv"
    target.write_text("precious")
    code, _, err = run(capsys, "export", "--format", "csv", "-o", str(target))
    assert code == EXIT_BAD_INPUT
    assert "--force" in err
    assert target.read_text() == "precious"
    code, _, err = run(capsys, "report", "-o", str(target))
    assert code == EXIT_BAD_INPUT
    assert "--force" in err
    code, out, _ = run(capsys, "export", "--format", "csv", "-o", str(target), "--force")
    assert code == EXIT_OK
    assert out.strip() == str(target)
    assert target.read_text(encoding="utf-8-sig").startswith("id,date")
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["mine.csv"]


# -- 7: a backup failing after the save --------------------------------------------------------


def test_add_with_a_failing_backup_saves_once_and_warns(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add(capsys)

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # The backup on opening finds nothing new; the daily one after the save fails.
    monkeypatch.setattr(database_module.Database, "_backup_on_open", lambda self: None)
    monkeypatch.setattr(database_module.Database, "_last_backup_day", None, raising=False)
    monkeypatch.setattr(database_module, "list_backups", lambda _folder: [])
    monkeypatch.setattr(database_module, "_write_backup", no_space)
    code, out, err = run(capsys, "add", "--pain", "5", "--stress", "5")
    assert code == EXIT_OK
    assert "nothing was saved" not in err
    assert "the entry was saved, but the daily backup failed: the disk is full" in err
    assert out.strip() in {doc["id"] for doc in stored(data_dir)["entries"].values()}
    assert len(stored(data_dir)["entries"]) == 2


# -- 10 and 11: far-out dates and broken characters -------------------------------------------


@pytest.mark.parametrize(
    "at",
    [
        "0001-01-01T00:30+01:00",
        "9999-12-31T23:30-01:00",
        "0001-01-01T00:30",
        "0000-01-01",
        "1899-12-31T12:00+00:00",
    ],
)
def test_dates_outside_1900_to_2100_name_the_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    code, _, err = run(capsys, "add", "--pain", "1", "--stress", "1", "--at", at)
    assert code == EXIT_BAD_INPUT
    assert "rugdiary: at:" in err


def test_a_lone_surrogate_in_the_note_is_bad_input(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "add", "--pain", "1", "--stress", "1", "--note", "a\udcff")
    assert (code, err.split(":")[1].strip()) == (EXIT_BAD_INPUT, "note")
    assert not (data_dir / "diary.json").exists() or not stored(data_dir).get("entries")


def test_a_huge_number_in_an_imported_setting_names_line_and_field(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys)
    before = (data_dir / "diary.json").read_bytes()
    source = tmp_path / "x.json"
    source.write_text(
        '{"format": "rugdiary-export", "version": 1, "schema": 1, "tables": {\n'
        ' "settings": [\n'
        '  {"key": "theme", "value": 100000000000000000000000000000}\n'
        " ]}}\n"
    )
    code, _, err = run(capsys, "import", str(source))
    assert code == EXIT_BAD_INPUT
    assert f"{source}:3: value:" in err
    assert (data_dir / "diary.json").read_bytes() == before


def test_far_dates_stored_by_hand_do_not_crash_summary_or_export(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_diary(
        data_dir,
        {
            "1": GOOD,
            "2": {"id": "far", "at": "9999-12-31T23:30:00-01:00", "pain": 1, "stress": 1},
        },
    )
    code, out, err = run(capsys, "summary", "--json", "--from", "2026-03-01", "--to", "2026-03-02")
    assert code == EXIT_OK, err
    assert json.loads(out)["entries"] == 1
    code, out, err = run(capsys, "list")
    assert code == EXIT_OK
    assert "entries record 2: at:" in err
    export = tmp_path / "e.json"
    assert run(capsys, "export", "--format", "json", "-o", str(export))[0] == EXIT_OK
    fresh = tmp_path / "fresh"
    code, _, err = run(capsys, "--data-dir", str(fresh), "import", str(export))
    assert code == EXIT_BAD_INPUT
    assert ": at:" in err


# -- 12: bad stored records are reported by every command that reads --------------------------


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"at": "", "pain": 1, "stress": 1}, "at"),
        ({"at": "1", "pain": 1, "stress": 1}, "at"),
        ({"at": "2026-03-01T11:00:00+01:00", "pain": 11, "stress": 1}, "pain"),
    ],
)
def test_commands_report_a_bad_stored_record_and_go_on(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    bad: dict[str, object],
    field: str,
) -> None:
    raw = write_diary(data_dir, {"1": GOOD, "5": {"id": "bad", **bad}})
    warning = f"entries record 5: {field}:"
    for argv in (
        ["list"],
        ["list", "--json"],
        ["summary", "--json"],
        ["summary", "--from", "2026-02-01", "--to", "2026-03-05"],
        ["export", "--format", "csv", "-o", str(tmp_path / "e.csv"), "--force"],
        ["export", "--format", "fhir", "-o", str(tmp_path / "e.fhir"), "--force"],
    ):
        code, _out, err = run(capsys, *argv)
        assert code == EXIT_OK, (argv, err)
        assert warning in err, argv
    assert (data_dir / "diary.json").read_bytes() == raw


def test_report_reports_a_bad_stored_record_and_still_writes(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_diary(data_dir, {"1": GOOD, "5": {"id": "bad", "at": "", "pain": 1, "stress": 1}})
    target = tmp_path / "r.pdf"
    code, _, err = run(capsys, "report", "-o", str(target), "--to", "2026-03-05")
    assert code == EXIT_OK, err
    assert "entries record 5: at:" in err
    assert target.read_bytes().startswith(b"%PDF")


# -- 13: record keys ---------------------------------------------------------------------------


def test_a_superscript_record_key_is_reported_by_check_and_refused_by_add(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = write_diary(data_dir, {"²": GOOD})
    code, _, err = run(capsys, "check")
    assert code == EXIT_DATA
    assert "malformed record '²'" in err
    code, _, err = run(capsys, "add", "--pain", "1", "--stress", "1")
    assert code == EXIT_DATA
    assert "malformed record" in err
    assert (data_dir / "diary.json").read_bytes() == raw


# -- 14: an import conflict is reported, and replaced only when asked --------------------------


def test_changed_values_under_an_existing_id_are_a_conflict(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry_id = add(capsys, "--at", "2026-03-01T09:00+01:00")
    export = tmp_path / "e.json"
    assert run(capsys, "export", "--format", "json", "-o", str(export))[0] == EXIT_OK
    edited = export.read_text().replace('"pain": 3', '"pain": 7')
    export.write_text(edited)
    before = (data_dir / "diary.json").read_bytes()
    code, _, err = run(capsys, "import", str(export))
    assert code == EXIT_BAD_INPUT
    assert entry_id in err
    assert "other values" in err
    assert "--replace" in err
    assert (data_dir / "diary.json").read_bytes() == before
    code, out, err = run(capsys, "import", "--replace", str(export))
    assert code == EXIT_OK, err
    assert "replaced 1" in out
    [doc] = stored(data_dir)["entries"].values()
    assert (doc["id"], doc["pain"]) == (entry_id, 7)


# -- 18: numbers and the terminal ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["1_0", "١", " 5x", "0x5", "²"])
def test_scores_take_plain_digits_only(
    data_dir: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code, _, err = run(capsys, "add", "--pain", value, "--stress", "1")
    assert code == EXIT_BAD_INPUT
    assert "pain:" in err


def test_list_escapes_control_characters_of_a_note(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys, "--note", "\x1b[2J\x1b]0;owned\x07hello", "--tag", "a\x1bb")
    code, out, _ = run(capsys, "list")
    assert code == EXIT_OK
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\\x1b[2J" in out
    assert "hello" in out


# -- 3 and 4: a lost or linked diary -------------------------------------------------------------


def test_commands_refuse_a_folder_whose_diary_is_gone_but_backups_remain(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys)
    assert run(capsys, "backup")[0] == EXIT_OK
    (data_dir / "diary.json").unlink()
    for argv in (["list"], ["add", "--pain", "1", "--stress", "1"], ["summary"], ["check"]):
        code, _, err = run(capsys, *argv)
        assert code == EXIT_DATA, argv
        assert "missing" in err
        assert "restore" in err
    assert not (data_dir / "diary.json").exists()
    assert run(capsys, "restore")[0] == EXIT_OK
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 1


def test_a_dangling_diary_link_exits_3_naming_link_and_target(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    target = tmp_path / "usb" / "diary.json"
    (data_dir / "diary.json").symlink_to(target)
    for argv in (["add", "--pain", "1", "--stress", "1"], ["list"], ["check"]):
        code, _, err = run(capsys, *argv)
        assert code == EXIT_DATA, argv
        assert str(data_dir / "diary.json") in err
        assert str(target) in err
    assert (data_dir / "diary.json").is_symlink()
    assert not target.exists()


# -- Also: a local time that does not exist ------------------------------------------------------


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset") or not Path("/usr/share/zoneinfo/Europe/Amsterdam").exists():
        pytest.skip("needs time.tzset and the system time zone database")
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_time_in_the_spring_forward_gap_says_what_was_stored(
    data_dir: Path, capsys: pytest.CaptureFixture[str], amsterdam: None
) -> None:
    code, _, err = run(capsys, "add", "--pain", "1", "--stress", "1", "--at", "2026-03-29T02:30")
    assert code == EXIT_OK
    [doc] = stored(data_dir)["entries"].values()
    assert f"stored at {doc['at']}" in err
    assert "2026-03-29 02:30 does not exist" in err
    code, _, err = run(capsys, "add", "--pain", "1", "--stress", "1", "--at", "2026-03-29T04:30")
    assert code == EXIT_OK
    assert err == ""
    assert os.environ["TZ"] == "Europe/Amsterdam"


@pytest.mark.parametrize(
    "argv",
    [
        ["summary", "--from", "0001-01-01"],
        ["summary", "--to", "9999-12-31"],
        ["list", "--from", "0001-01-01"],
    ],
)
def test_periods_outside_1900_to_2100_name_the_option(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    add(capsys)
    code, _, err = run(capsys, *argv)
    assert code == EXIT_BAD_INPUT
    assert f"rugdiary: {argv[1]}: must be a date from the years 1900 to 2100" in err
