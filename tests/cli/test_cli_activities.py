"""`rugdiary activities …` and the "activities" of `summary --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _add(capsys: pytest.CaptureFixture[str], name: str) -> str:
    code, out, _ = _run(capsys, "activities", "add", name)
    assert code == EXIT_OK
    return out.strip()


def test_add_score_rename_retire_and_list(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "No activities yet" in _run(capsys, "activities")[1]
    socks = _add(capsys, "put on socks")
    sit = _add(capsys, "sit through a meeting")
    assert _run(capsys, "activities", "score", socks, "3", "--at", "2026-03-02T09:00")[0] == 0
    # The first characters of the id are enough when they are unambiguous.
    assert _run(capsys, "activities", "score", socks[:8], "7", "--at", "2026-03-16T09:00")[0] == 0
    assert _run(capsys, "activities", "score", sit, "5", "--at", "2026-03-16T09:05")[0] == 0
    code, out, _ = _run(capsys, "activities", "rename", socks, "put on socks and shoes")
    assert code == EXIT_OK
    assert "put on socks and shoes" in out
    code, out, _ = _run(capsys, "activities", "retire", sit)
    assert code == EXIT_OK
    assert "scores stay" in out

    code, out, _ = _run(capsys, "activities", "--json")
    assert code == EXIT_OK
    listed = json.loads(out)
    by_name = {a["name"]: a for a in listed["activities"]}
    assert set(by_name) == {"put on socks and shoes", "sit through a meeting"}
    kept = by_name["put on socks and shoes"]
    assert kept["id"] == socks
    assert kept["active"] is True
    assert [s["score"] for s in kept["scores"]] == [3, 7]  # renaming kept the history
    gone = by_name["sit through a meeting"]
    assert gone["active"] is False
    assert gone["retired_at"] is not None
    assert [s["score"] for s in gone["scores"]] == [5]
    assert listed["next_score_due"] == "2026-03-30"  # 14 days after the last round

    code, out, _ = _run(capsys, "activities")
    assert "last score 7 on 2026-03-16" in out
    assert "retired" in out
    assert "Next score due: 2026-03-30" in out


def test_a_sixth_activity_is_refused_naming_the_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(5):
        _add(capsys, f"activity {i}")
    code, _, err = _run(capsys, "activities", "add", "one too many")
    assert code == EXIT_BAD_INPUT
    assert "activities: at most 5 activities" in err


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (("activities", "add", "  "), "name:"),
        (("activities", "add", "x" * 81), "name:"),
        (("activities", "score", "ID", "11"), "score:"),
        (("activities", "score", "ID", "seven"), "score:"),
        (("activities", "score", "ID", "4", "--at", "tomorrow"), "at:"),
        (("activities", "score", "nope", "4"), "ID:"),
        (("activities", "rename", "ID", ""), "name:"),
        (("activities", "retire", "nope"), "ID:"),
    ],
)
def test_bad_input_names_the_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], field: str
) -> None:
    activity = _add(capsys, "put on socks")
    argv = tuple(activity if part == "ID" else part for part in argv)
    code, _, err = _run(capsys, *argv)
    assert code == EXIT_BAD_INPUT
    assert f"rugdiary: {field}" in err


def test_a_retired_activity_is_not_scored(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    socks = _add(capsys, "put on socks")
    assert _run(capsys, "activities", "retire", socks)[0] == EXIT_OK
    code, _, err = _run(capsys, "activities", "score", socks, "5")
    assert code == EXIT_BAD_INPUT
    assert "activity:" in err
    assert _run(capsys, "activities", "retire", socks)[0] == EXIT_BAD_INPUT


def test_usage_errors_exit_2(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["activities", "score", "only-an-id"])
    assert caught.value.code == EXIT_USAGE


def test_summary_json_has_activities_with_first_last_change_and_matters(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    socks = _add(capsys, "put on socks")
    sit = _add(capsys, "sit through a meeting")
    lift = _add(capsys, "lift a child")
    for activity, first, last in ((socks, 2, 5), (sit, 6, 4), (lift, 3, 5)):
        _run(capsys, "activities", "score", activity, str(first), "--at", "2026-03-02T09:00")
        _run(capsys, "activities", "score", activity, str(last), "--at", "2026-03-30T09:00")
    _run(capsys, "activities", "score", socks, "9", "--at", "2026-05-01T09:00")  # after the period
    code, out, _ = _run(capsys, "summary", "--from", "2026-03-01", "--to", "2026-03-31", "--json")
    assert code == EXIT_OK
    summary = json.loads(out)
    rows = {row["name"]: row for row in summary["activities"]}
    assert rows["put on socks"]["first_score"] == 2
    assert rows["put on socks"]["last_score"] == 5
    assert rows["put on socks"]["first_at"].startswith("2026-03-02T09:00")
    assert rows["put on socks"]["last_at"].startswith("2026-03-30T09:00")
    assert (rows["put on socks"]["change"], rows["put on socks"]["matters"]) == (3, True)
    assert (rows["sit through a meeting"]["change"], rows["sit through a meeting"]["matters"]) == (
        -2,
        False,
    )
    assert (rows["lift a child"]["change"], rows["lift a child"]["matters"]) == (2, False)
    # Mean: (3 - 2 + 2) / 3 = 1.0, below the 2 points that matter.
    assert summary["activities_mean"] == {
        "first": 3.67,
        "last": 4.67,
        "change": 1.0,
        "matters": False,
    }


def test_summary_json_activities_empty_without_any(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "--pain", "3", "--stress", "2"]) == EXIT_OK
    capsys.readouterr()
    code, out, _ = _run(capsys, "summary", "--json")
    assert code == EXIT_OK
    assert json.loads(out)["activities"] == []
    assert json.loads(out)["activities_mean"] is None


def test_json_export_and_import_carry_activities_and_scores(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    socks = _add(capsys, "put on socks")
    _run(capsys, "activities", "score", socks, "4", "--at", "2026-03-02T09:00")
    _run(capsys, "activities", "retire", socks)
    export = tmp_path / "export.json"
    assert _run(capsys, "export", "--format", "json", "-o", str(export))[0] == EXIT_OK
    tables = json.loads(export.read_text(encoding="utf-8"))["tables"]
    assert [a["name"] for a in tables["activities"]] == ["put on socks"]
    assert [s["score"] for s in tables["activity_scores"]] == [4]
    monkeypatch.setenv("RUGDIARY_DATA_DIR", str(tmp_path / "other"))
    code, _out, err = _run(capsys, "import", str(export))
    assert code == EXIT_OK, err
    listed = json.loads(_run(capsys, "activities", "--json")[1])["activities"]
    assert [(a["id"], a["active"], [s["score"] for s in a["scores"]]) for a in listed] == [
        (socks, False, [4])
    ]
    # Importing the same file again adds nothing twice.
    assert _run(capsys, "import", str(export))[0] == EXIT_OK
    assert len(json.loads(_run(capsys, "activities", "--json")[1])["activities"]) == 1


def test_report_helper_gives_activity_changes_for_the_report(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from rugdiary.cli import build_parser
    from rugdiary.cli_activities import report_activity_changes

    socks = _add(capsys, "put on socks")
    _run(capsys, "activities", "score", socks, "2", "--at", "2026-03-02T09:00")
    _run(capsys, "activities", "score", socks, "5", "--at", "2026-03-16T09:00")
    args = build_parser().parse_args(["report", "-o", "x.pdf"])
    (change,) = report_activity_changes(args, date(2026, 3, 1), date(2026, 3, 31))
    assert (change.name, change.first_score, change.last_score, change.change) == (
        "put on socks",
        2,
        5,
        3,
    )
    assert change.matters


def test_demo_names_and_scores_three_activities(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "demo", "--days", "60", "--lang", "nl")[0] == EXIT_OK
    listed = json.loads(_run(capsys, "activities", "--json")[1])["activities"]
    assert [a["name"] for a in listed] == [
        "Sokken aantrekken",
        "Een vergadering uitzitten",
        "Mijn kind optillen",
    ]
    assert all(len(a["scores"]) == 5 for a in listed)  # days 0, 14, 28, 42, 56
