"""`rugdiary flare start | end | list` and `summary --json`'s "flare_ups"."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, build_parser, main
from rugdiary.cli_flare import period_flare_records


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_start_end_list(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "flare", "start", "--at", "2026-03-03T09:00+01:00", "--note", "boxes"
    )
    assert code == EXIT_OK
    record_id = out.strip()
    code, out, _ = run(
        capsys, "flare", "end", "--at", "2026-03-05T18:30+01:00", "--helped", "walks",
        "--tag", "Walking", "--tag", "heat",
    )  # fmt: skip
    assert code == EXIT_OK
    assert out.strip() == f"{record_id}: 2026-03-03 09:00 to 2026-03-05 18:30 (3 d)"
    code, out, _ = run(capsys, "flare", "list")
    assert code == EXIT_OK
    assert out.strip() == (
        f"{record_id[:8]}  2026-03-03 09:00  to 2026-03-05 18:30  walks #walking #heat"
    )
    code, out, _ = run(capsys, "flare", "list", "--json")
    assert json.loads(out) == [
        {
            "id": record_id,
            "start": "2026-03-03T09:00:00+01:00",
            "end": "2026-03-05T18:30:00+01:00",
            "helped": "walks",
            "tags": ["walking", "heat"],
            "note": "boxes",
            "source": "logged",
        }
    ]
    # `flare` alone lists too.
    assert run(capsys, "flare", "--json")[1] == out


def test_list_when_empty_and_running(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "flare", "list")[1] == "No flare-ups logged.\n"
    run(capsys, "flare", "start", "--at", "2026-03-03T09:00+01:00")
    assert "to running" in run(capsys, "flare", "list")[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["flare", "end"], "end: no flare-up is running"),
        (["flare", "start", "--at", "tuesday"], "--at: 'tuesday' is not a date and time"),
        (["flare", "start", "--note", "a\x00b"], "note: contains the control character"),
    ],
)
def test_bad_input_names_the_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert message in err


def test_rules_reach_the_command_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "flare", "start", "--at", "2026-03-03T09:00+01:00")
    code, _, err = run(capsys, "flare", "start")
    assert code == EXIT_BAD_INPUT
    assert "start: a flare-up is already running since 2026-03-03 09:00" in err
    code, _, err = run(capsys, "flare", "end", "--at", "2026-03-03T08:00+01:00")
    assert code == EXIT_BAD_INPUT
    assert "end: 2026-03-03T08:00+01:00 must come after the start" in err


def test_unknown_action_is_a_usage_error(data_dir: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["flare", "pause"])
    assert exited.value.code == EXIT_USAGE


def test_summary_lists_logged_and_flagged_flare_ups(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "flare", "start", "--at", "2026-03-03T09:00+01:00")
    run(capsys, "flare", "end", "--at", "2026-03-05T18:00+01:00", "--helped", "walks")
    for day in ("04", "12"):
        run(capsys, "add", "--pain", "6", "--stress", "3", "--flare-up",
            "--at", f"2026-03-{day}T20:00+01:00", "--note", f"day {day}")  # fmt: skip
    code, out, _ = run(capsys, "summary", "--from", "2026-03-01", "--to", "2026-03-31", "--json")
    assert code == EXIT_OK
    flare_ups = json.loads(out)["flare_ups"]
    assert [(f["start"][:10], f["end"][:10], f["helped"], f["source"]) for f in flare_ups] == [
        ("2026-03-03", "2026-03-05", "walks", "logged"),  # the flagged 4th is part of it
        ("2026-03-12", "2026-03-12", "", "diary"),
    ]
    assert flare_ups[0]["note"] == "day 04"
    code, out, _ = run(capsys, "summary", "--from", "2026-04-01", "--to", "2026-04-30", "--json")
    assert json.loads(out)["flare_ups"] == []


def test_period_records_for_the_report(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "flare", "start", "--at", "2026-03-03T09:00+01:00")
    args = build_parser().parse_args(["report", "-o", "x.pdf"])
    records = period_flare_records(args, [], date(2026, 3, 1), date(2026, 3, 31))
    assert len(records) == 1
    assert records[0].end is None
    assert period_flare_records(args, [], date(2026, 2, 1), date(2026, 2, 28)) == []


def test_flare_ups_travel_in_a_json_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    run(capsys, "--data-dir", str(source), "flare", "start", "--at", "2026-03-03T09:00+01:00")
    run(capsys, "--data-dir", str(source), "flare", "end", "--at", "2026-03-04T09:00+01:00")
    export = tmp_path / "diary.json"
    run(capsys, "--data-dir", str(source), "export", "--format", "json", "-o", str(export))
    code, _, _ = run(capsys, "--data-dir", str(target), "import", str(export))
    assert code == EXIT_OK
    listed = run(capsys, "--data-dir", str(source), "flare", "list", "--json")[1]
    assert run(capsys, "--data-dir", str(target), "flare", "list", "--json")[1] == listed
    assert len(json.loads(listed)) == 1


def test_json_before_the_action_is_kept(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`flare --json list` printed text: the action's own --json default overwrote it."""
    run(capsys, "flare", "start", "--at", "2026-03-01T09:00")
    code, out, _ = run(capsys, "flare", "--json", "list")
    assert code == EXIT_OK
    assert isinstance(json.loads(out), list)
    code, out, _ = run(capsys, "flare", "list", "--json")
    assert isinstance(json.loads(out), list)
