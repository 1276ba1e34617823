"""The command line: sub-commands, exit codes of DESIGN.md §4, and untouched files on error."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_BAD_INPUT, EXIT_DATA, EXIT_OK, EXIT_USAGE, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: usage errors, --help, --version
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_add_then_list_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "add",
        "--pain",
        "4",
        "--stress",
        "6",
        "--at",
        "2026-03-14T08:30+01:00",
        "--tag",
        "Sitting",
        "--tag",
        "deadline",
        "--note",
        "long meeting",
        "--sleep",
        "5",
        "--medication",
        "ibuprofen: 400 mg",
        "--flare-up",
        "--for-physio",
        "--activity-min",
        "30",
    )
    assert code == EXIT_OK
    entry_id = out.strip()
    code, out, _ = run(capsys, "list", "--json")
    assert code == EXIT_OK
    [entry] = json.loads(out)
    assert entry["id"] == entry_id
    assert entry["at"] == "2026-03-14T08:30:00+01:00"
    assert (entry["pain"], entry["stress"], entry["sleep"], entry["activity_min"]) == (4, 6, 5, 30)
    assert entry["tags"] == ["sitting", "deadline"]
    assert entry["medication"] == [{"name": "ibuprofen", "dose": "400 mg"}]
    assert entry["flare_up"] is True
    assert entry["for_physio"] is True


def test_list_filters_and_text_output(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for day, tag in (("2026-03-01", "walk"), ("2026-03-05", "sitting"), ("2026-03-09", "walk")):
        run(capsys, "add", "--pain", "2", "--stress", "3", "--at", f"{day}T20:00", "--tag", tag)
    code, out, _ = run(
        capsys, "list", "--from", "2026-03-02", "--to", "2026-03-09", "--tag", "walk"
    )
    assert code == EXIT_OK
    assert out.splitlines() == ["2026-03-09 20:00  pain  2  stress  3  #walk"]
    code, out, _ = run(capsys, "list", "--from", "2027-01-01")
    assert out.strip() == "No entries in this period."


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (("--pain", "11", "--stress", "2"), "pain"),
        (("--pain", "four", "--stress", "2"), "pain"),
        (("--pain", "1", "--stress", "2", "--sleep", "-1"), "sleep"),
        (("--pain", "1", "--stress", "2", "--at", "2026-02-30"), "at"),
        (("--pain", "1", "--stress", "2", "--note", "x" * 5001), "note"),
        (("--pain", "1", "--stress", "2", "--activity-min", "2000"), "activity_min"),
    ],
)
def test_bad_input_exits_1_naming_the_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], field: str
) -> None:
    code, out, err = run(capsys, "add", *argv)
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert err.startswith(f"rugdiary: {field}:")
    assert (
        not (data_dir / "diary.json").exists()
        or json.loads((data_dir / "diary.json").read_text()).get("entries", {}) == {}
    )


def test_usage_errors_exit_2(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "add", "--pain", "3")[0] == EXIT_USAGE
    assert run(capsys, "frobnicate")[0] == EXIT_USAGE
    assert run(capsys, "list", "--from", "yesterday")[0] == EXIT_BAD_INPUT


@pytest.mark.parametrize(
    "content", [b"", b'{"entries": {"1": {', b"\x00\xff\xfe", b'{"_meta": {"1": {"schema": 99}}}']
)
@pytest.mark.parametrize(
    "command",
    [("list",), ("add", "--pain", "1", "--stress", "1"), ("check",), ("summary", "--json")],
)
def test_unusable_data_file_exits_3_and_is_untouched(
    data_dir: Path, capsys: pytest.CaptureFixture[str], content: bytes, command: tuple[str, ...]
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "diary.json"
    path.write_bytes(content)
    code, _, err = run(capsys, *command)
    assert code == EXIT_DATA
    assert str(path) in err
    assert "Traceback" not in err
    assert path.read_bytes() == content
    assert sorted(p.name for p in data_dir.iterdir() if p.name != ".diary.lock") == ["diary.json"]


def test_check_reports_invalid_records(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check")[0] == EXIT_OK
    run(capsys, "add", "--pain", "1", "--stress", "1")
    code, out, _ = run(capsys, "check")
    assert code == EXIT_OK
    assert "Entries: 1" in out
    path = data_dir / "diary.json"
    tables = json.loads(path.read_text())
    next(iter(tables["entries"].values()))["stress"] = 42
    path.write_text(json.dumps(tables))
    before = path.read_bytes()
    code, _, err = run(capsys, "check")
    assert code == EXIT_DATA
    assert "stress" in err
    assert path.read_bytes() == before


def test_backup_and_restore(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "--pain", "3", "--stress", "3")
    code, out, _ = run(capsys, "backup")
    assert code == EXIT_OK
    assert Path(out.strip()).is_file()
    (data_dir / "diary.json").write_bytes(b"{broken")
    assert run(capsys, "list")[0] == EXIT_DATA
    code, out, _ = run(capsys, "restore")
    assert code == EXIT_OK
    code, out, _ = run(capsys, "list", "--json")
    assert [e["pain"] for e in json.loads(out)] == [3]
    code, out, _ = run(capsys, "restore", "--list")
    assert out.count("diary-") >= 2
    assert run(capsys, "restore", str(data_dir / "nope.json"))[0] == EXIT_BAD_INPUT


def test_demo_is_seeded_and_refuses_a_real_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def demo(folder: Path) -> list[tuple[str, int, int]]:
        assert run(capsys, "--data-dir", str(folder), "demo", "--days", "60", "--seed", "5")[0] == 0
        _, out, _ = run(capsys, "--data-dir", str(folder), "list", "--json")
        return [(e["at"], e["pain"], e["stress"]) for e in json.loads(out)]

    first, second = demo(tmp_path / "a"), demo(tmp_path / "b")
    assert first == second
    assert 40 <= len(first) <= 75
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "a"), "demo")
    assert code == EXIT_BAD_INPUT
    assert "already holds a diary" in err


def test_demo_in_dutch_has_dutch_tags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "nl")
    assert run(capsys, "--data-dir", folder, "demo", "--days", "90", "--lang", "nl")[0] == EXIT_OK
    _, out, _ = run(capsys, "--data-dir", folder, "list", "--json")
    tags = {tag for entry in json.loads(out) for tag in entry.get("tags", [])}
    assert "druk op het werk" in tags or "tuinieren" in tags or "wandelen" in tags
    assert not tags & {"busy at work", "gardening", "walk", "sitting"}


def test_summary_json_contract(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "demo", "--days", "70", "--seed", "3")[0] == EXIT_OK
    today = date.today()
    start = today - timedelta(days=55)
    code, out, _ = run(
        capsys, "summary", "--from", start.isoformat(), "--to", today.isoformat(), "--json"
    )
    assert code == EXIT_OK
    summary = json.loads(out)
    assert summary["from"] == start.isoformat()
    assert summary["days_in_period"] == 56
    assert 0 < summary["days_logged"] <= 56
    assert set(summary["pain"]) >= {"mean", "median", "max"}
    assert len(summary["daily"]) == summary["days_logged"]
    for key in ("same_day", "stress_to_next_day_pain", "pain_to_next_day_stress"):
        block = summary["correlation"][key]
        assert set(block) >= {"rho", "ci95", "n", "enough_data"}
    assert summary["correlation"]["same_day"]["n"] == summary["days_logged"]
    assert set(summary["sessions"]) == {"count", "minutes"}
    assert summary["insight"]
    code, out, _ = run(capsys, "summary", "--lang", "nl")
    assert code == EXIT_OK
    assert "dagen" in out


def test_version_and_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rugdiary", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("RugDiary ")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rugdiary",
            "--data-dir",
            str(tmp_path),
            "add",
            "--pain",
            "99",
            "--stress",
            "1",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == EXIT_BAD_INPUT
    assert "pain" in result.stderr


def test_data_dir_option_wins_over_environment(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    run(capsys, "--data-dir", str(other), "add", "--pain", "1", "--stress", "1")
    assert (other / "diary.json").exists()
    assert not data_dir.exists()


def test_screenshot_of_the_diary_page(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "demo", "--days", "20")
    out_png = tmp_path / "diary.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rugdiary",
            "screenshot",
            "--page",
            "diary",
            "-o",
            str(out_png),
            "--size",
            "900x600",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert out_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = subprocess.run(
        [sys.executable, "-m", "rugdiary", "screenshot", "--page", "nowhere", "-o", str(out_png)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == EXIT_BAD_INPUT
    assert "diary" in result.stderr


def test_programs_lists_builtin_and_own(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rugdiary.core.content import load_library
    from rugdiary.resources import resources_dir
    from rugdiary.storage.database import Database
    from rugdiary.storage.repositories import ProgramRepository

    library = load_library(resources_dir())
    desk = library.programs["desk-break"]
    own = replace(desk, id="my-desk-break", items=desk.items[:2], builtin=False)
    with Database.open(data_dir) as db:
        ProgramRepository(db).save(own)
    code, out, _ = run(capsys, "programs", "--json")
    assert code == EXIT_OK
    listed = {p["id"]: p for p in json.loads(out)}
    assert len(listed) == len(library.programs) + 1
    assert listed["desk-break"]["builtin"] is True
    assert listed["my-desk-break"]["builtin"] is False
    assert [s["exercise_id"] for s in listed["my-desk-break"]["steps"]] == [
        i.exercise_id for i in desk.items[:2]
    ]
    for program in listed.values():
        assert program["name"]["en"]
        assert program["name"]["nl"]
        assert program["total_s"] == program["total_s_by_level"][program["level"]] > 0
    assert listed["my-desk-break"]["total_s"] < listed["desk-break"]["total_s"]
    code, out, _ = run(capsys, "programs", "--lang", "nl")
    assert "Beweegpauze" in out


def test_summary_counts_sessions(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rugdiary.core.exercises import Level
    from rugdiary.core.sessions import Session
    from rugdiary.storage.database import Database
    from rugdiary.storage.repositories import SessionRepository

    start = datetime(2026, 3, 3, 18).astimezone()
    with Database.open(data_dir) as db:
        for day, done in ((0, 600), (1, 300), (9, 900)):
            began = start + timedelta(days=day)
            SessionRepository(db).add(
                Session(
                    program_id="desk-break",
                    program_name="Desk break",
                    level=Level.BEGINNER,
                    started_at=began,
                    ended_at=began + timedelta(seconds=done),
                    planned_s=900,
                    done_s=done,
                    steps_done=5,
                    steps_skipped=0,
                    completed=done == 900,
                )
            )
    code, out, _ = run(capsys, "summary", "--from", "2026-03-01", "--to", "2026-03-08", "--json")
    assert code == EXIT_OK
    assert json.loads(out)["sessions"] == {"count": 2, "minutes": 15.0}


def test_json_export_import_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    run(capsys, "--data-dir", str(source), "demo", "--days", "40", "--seed", "8")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    code, _, err = run(
        capsys, "--data-dir", str(source), "export", "--format", "json", "-o", str(first)
    )
    assert code == EXIT_OK
    assert "health data" in err
    code, out, _ = run(capsys, "--data-dir", str(target), "import", str(first))
    assert code == EXIT_OK
    assert "skipped 0" in out
    run(capsys, "--data-dir", str(target), "export", "--format", "json", "-o", str(second))
    a, b = json.loads(first.read_bytes()), json.loads(second.read_bytes())
    a.pop("exported_at")
    b.pop("exported_at")
    assert a == b
    code, out, _ = run(capsys, "--data-dir", str(target), "import", str(first))
    assert code == EXIT_OK
    assert "Imported 0 entries" in out


@pytest.mark.parametrize(("flags", "sep"), [((), b","), (("--semicolon",), b";")])
def test_csv_export_then_import_gives_equal_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: tuple[str, ...], sep: bytes
) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    run(capsys, "--data-dir", str(source), "demo", "--days", "25", "--seed", "2")
    csv_file = tmp_path / "entries.csv"
    export = ("export", "--format", "csv", "-o", str(csv_file), *flags)
    assert run(capsys, "--data-dir", str(source), *export)[0] == 0
    header = sep.join([b"id", b"date", b"time", b"at", b"pain", b"stress"])
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf" + header)
    assert run(capsys, "--data-dir", str(target), "import", str(csv_file))[0] == EXIT_OK
    _, a, _ = run(capsys, "--data-dir", str(source), "list", "--json")
    _, b, _ = run(capsys, "--data-dir", str(target), "list", "--json")
    assert json.loads(a) == json.loads(b)


def test_bad_import_names_lines_and_imports_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "--pain", "1", "--stress", "1")
    before = (data_dir / "diary.json").read_bytes()
    bad = tmp_path / "paper.csv"
    bad.write_text(
        "datum;pijn;stress;notitie\n2026-01-02;3;4;goed\n2026-01-03;11;4;x\n2026-01-04;3;;y\n"
    )
    code, out, err = run(capsys, "import", str(bad))
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert f"{bad}:3: pijn:" in err, "the column is named as the file names it"
    assert f"{bad}:4: stress:" in err
    assert "nothing was imported" in err
    assert (data_dir / "diary.json").read_bytes() == before
    good = tmp_path / "good.csv"
    good.write_text('date,pain,stress,note\n2026-01-02,3,4,"walked, then rested"\n')
    assert run(capsys, "import", str(good))[0] == EXIT_OK
    _, listed, _ = run(capsys, "list", "--json")
    assert any(e.get("note") == "walked, then rested" for e in json.loads(listed))


def test_fhir_export_has_pain_and_stress_observations(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "--pain", "6", "--stress", "2", "--at", "2026-03-01T10:00+01:00")
    out_file = tmp_path / "fhir.json"
    assert run(capsys, "export", "--format", "fhir", "-o", str(out_file))[0] == EXIT_OK
    bundle = json.loads(out_file.read_bytes())
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection")
    values = {
        e["resource"]["code"]["coding"][0]["code"]: e["resource"]["valueInteger"]
        for e in bundle["entry"]
    }
    assert values == {"72514-3": 6, "93038-8": 2}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is absent")
def test_report_figures_match_the_summary(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "demo", "--days", "70", "--seed", "6")
    start = (date.today() - timedelta(days=41)).isoformat()
    period = ("--from", start, "--to", date.today().isoformat())
    pdf = tmp_path / "report.pdf"
    code, out, err = run(capsys, "report", "-o", str(pdf), *period)
    assert code == EXIT_OK
    assert "health data" in err
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    _, out, _ = run(capsys, "summary", *period, "--json")
    summary = json.loads(out)
    assert f"{summary['days_logged']} of {summary['days_in_period']}" in text
    same_day = summary["correlation"]["same_day"]
    assert f"{same_day['rho']:.2f}" in text
    assert f"n = {same_day['n']}" in text
    code, _, _ = run(capsys, "report", "-o", str(tmp_path / "nl.pdf"), "--lang", "nl", *period)
    assert code == EXIT_OK
    nl_text = subprocess.run(
        ["pdftotext", str(tmp_path / "nl.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Pijn per week" in nl_text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is absent")
def test_report_counts_the_reminders_answered(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rugdiary.core.reminders import week_key
    from rugdiary.storage.database import Database
    from rugdiary.storage.repositories import REMINDER_STATE_KEY, SettingsRepository

    run(capsys, "demo", "--days", "20", "--seed", "2")
    week = {"diary": {"done": 4, "snoozed": 0, "skipped": 1}}
    with Database.open(data_dir) as db:
        SettingsRepository(db).set(REMINDER_STATE_KEY, {"weekly": {week_key(date.today()): week}})
    pdf = tmp_path / "report.pdf"
    assert run(capsys, "report", "-o", str(pdf))[0] == EXIT_OK
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "diary 4 done, 0 later, 1 skipped" in " ".join(text.split())


@pytest.mark.parametrize("command", [["report"], ["export", "--format", "csv"]])
def test_report_and_export_print_the_path_and_name_a_folder_they_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    data = str(tmp_path / "data")
    run(capsys, "--data-dir", data, "demo", "--days", "10", "--seed", "3")
    written = tmp_path / "out.file"
    code, out, err = run(capsys, "--data-dir", data, *command, "-o", str(written))
    assert code == EXIT_OK
    assert out.strip() == str(written), "the path alone on stdout, for scripts"
    assert "health data" in err
    assert written.stat().st_size > 0

    missing = tmp_path / "no such folder" / "out.file"
    code, out, err = run(capsys, "--data-dir", data, *command, "-o", str(missing))
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert f"-o: cannot write {missing}" in err


def test_a_moment_in_the_future_is_refused_naming_the_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A year typed wrong (2027 for 2026) made an entry, a score or a year-long flare-up
    that stayed "the latest" until that day came."""
    later = (datetime.now() + timedelta(days=300)).strftime("%Y-%m-%dT%H:%M")
    code, _, err = run(capsys, "add", "--pain", "3", "--stress", "3", "--at", later)
    assert code == EXIT_BAD_INPUT
    assert "at: " in err
    assert "lies in the future" in err
    code, _, err = run(capsys, "flare", "start", "--at", later)
    assert code == EXIT_BAD_INPUT
    assert "--at: " in err
    code, out, _ = run(capsys, "activities", "add", "put on socks")
    activity = out.strip()
    code, _, err = run(capsys, "activities", "score", activity, "5", "--at", later)
    assert code == EXIT_BAD_INPUT
    assert "lies in the future" in err
    # A few minutes ahead is a clock difference, not a mistake; the past is fine.
    soon = (datetime.now() + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M")
    assert run(capsys, "add", "--pain", "3", "--stress", "3", "--at", soon)[0] == EXIT_OK
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 1


def test_a_period_is_checked_alike_everywhere(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "--pain", "3", "--stress", "3")
    today = date.today()
    code, _, err = run(capsys, "list", "--from", "2026-12-05", "--to", "2026-12-01")
    assert code == EXIT_BAD_INPUT
    assert "--to: 2026-12-01 lies before --from 2026-12-05" in err
    ahead = (today + timedelta(days=30)).isoformat()
    code, _, err = run(capsys, "summary", "--from", ahead)
    assert code == EXIT_BAD_INPUT
    assert f"--from: {ahead} lies in the future (today is {today})" in err
    # A future end is cut to today, and said: the days to come are not days missed.
    code, out, err = run(capsys, "summary", "--from", today.isoformat(), "--to", ahead)
    assert code == EXIT_OK
    assert f"the period ends today, {today}" in err
    assert "1 of 1 days logged" in out


def test_a_data_folder_that_is_a_file_is_named_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "export.csv"
    file.write_text("date,pain,stress\n")
    for command in (["list"], ["summary"], ["add", "--pain", "1", "--stress", "1"], ["check"]):
        code, _, err = run(capsys, "--data-dir", str(file), *command)
        assert code == EXIT_BAD_INPUT, command
        assert f"--data-dir: {file} is a file, not a folder" in err
        assert "Traceback" not in err


def test_restoring_a_file_that_is_no_backup_leaves_the_diary_and_says_so(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "--pain", "3", "--stress", "3")
    export = tmp_path / "export.json"
    assert run(capsys, "export", "--format", "json", "-o", str(export))[0] == EXIT_OK
    before = (data_dir / "diary.json").read_bytes()
    code, _, err = run(capsys, "restore", str(export))
    assert code == EXIT_BAD_INPUT
    assert "is not a RugDiary backup" in err
    assert "your diary was not changed" in err
    assert "rugdiary import" in err
    assert "cannot be used" not in err
    assert (data_dir / "diary.json").read_bytes() == before


def test_a_restore_says_where_the_diary_before_it_went(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "restore")
    assert code == EXIT_BAD_INPUT
    assert "there are no backups" in err
    run(capsys, "add", "--pain", "3", "--stress", "3")
    run(capsys, "backup")
    run(capsys, "add", "--pain", "5", "--stress", "5")
    code, out, _ = run(capsys, "restore")
    assert code == EXIT_OK
    kept = out.splitlines()[-1]
    assert kept.startswith("The diary as it was is kept as a backup: ")
    assert Path(kept.rsplit(": ", 1)[1]).is_file()


def test_check_reads_every_table_as_the_pages_do(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A session with effort 99 was left out (with a warning) by summary, yet `check`
    said "in good order": it read only the entries."""
    run(capsys, "add", "--pain", "1", "--stress", "1")
    code, out, _ = run(capsys, "activities", "add", "put on socks")
    run(capsys, "activities", "score", out.strip(), "4")
    path = data_dir / "diary.json"
    tables = json.loads(path.read_text())
    next(iter(tables["activity_scores"].values()))["score"] = 42
    path.write_text(json.dumps(tables))
    code, _, err = run(capsys, "check")
    assert code == EXIT_DATA
    assert "activity_scores record 1 (" in err
    assert "1 record(s) need attention" in err


def test_export_report_and_backup_need_a_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped --data-dir gave an empty export or report; backup made a diary there."""
    folder = tmp_path / "typo"
    for command in (
        ["export", "--format", "csv", "-o", str(tmp_path / "x.csv")],
        ["report", "-o", str(tmp_path / "x.pdf")],
        ["backup"],
    ):
        code, _, err = run(capsys, "--data-dir", str(folder), *command)
        assert code == EXIT_BAD_INPUT, command
        assert f"there is no diary in {folder}" in err
    assert not folder.exists()
    assert not (tmp_path / "x.csv").exists()


def test_one_entry_is_one_entry(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "one.csv"
    source.write_text("date,pain,stress\n2026-03-01,4,3\n")
    code, out, _ = run(capsys, "import", str(source))
    assert code == EXIT_OK
    assert out.startswith("Imported 1 entry and 0 sessions from one.csv")


def test_summary_and_programs_speak_dutch_throughout(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--lang nl` gave Dutch sentences between English lines ("Pain: mean 4.2")."""
    # Yesterday and before: 08:00 today lies in the future when the suite runs at night.
    for day in (1, 2, 3):
        at = (datetime.now() - timedelta(days=day)).strftime("%Y-%m-%dT08:00")
        run(capsys, "add", "--pain", str(2 + day), "--stress", "4", "--at", at)
    code, out, _ = run(capsys, "summary", "--lang", "nl")
    assert code == EXIT_OK
    lines = out.splitlines()
    assert " t/m " in lines[0]
    assert "dagen ingevuld, 3 registraties" in lines[0]
    assert lines[1].startswith("Pijn:   gemiddeld 4,0, mediaan 4,0, hoogste 5")
    assert lines[3].startswith("Oefensessies: 0")
    for english in ("days logged", "mean", "highest", "Exercise sessions"):
        assert english not in out
    code, out, _ = run(capsys, "programs", "--lang", "nl")
    assert "Beweegpauze (beginner, ongeveer 4 min, ingebouwd)" in out
    assert "about" not in out
