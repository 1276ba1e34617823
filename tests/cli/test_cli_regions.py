"""`rugdiary add --where REGION` and the "regions" counts of `summary --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_OK, EXIT_USAGE, main
from rugdiary.core.body_regions import REGION_IDS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: usage errors and --help
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _add(capsys: pytest.CaptureFixture[str], at: str, *where: str) -> tuple[int, str, str]:
    args = ["add", "--pain", "4", "--stress", "3", "--at", at]
    for region in where:
        args += ["--where", region]
    return run(capsys, *args)


def test_add_help_lists_every_region_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "add", "--help")
    assert code == EXIT_OK
    flat = " ".join(out.split())
    assert "--where REGION" in flat
    for region in REGION_IDS:
        assert region in flat


def test_where_is_repeatable_and_stored_in_region_order(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _add(capsys, "2026-03-14T08:30+01:00", "thigh_left", "lower_back_centre")
    assert (code, err) == (EXIT_OK, "")
    code, out, _ = run(capsys, "list", "--json")
    assert code == EXIT_OK
    (entry,) = json.loads(out)
    assert entry["regions"] == ["lower_back_centre", "thigh_left"]


def test_an_unknown_region_is_a_usage_error_naming_where(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _add(capsys, "2026-03-14T08:30+01:00", "lower_back_left", "shin")
    assert code == EXIT_USAGE
    assert "--where" in err
    assert "'shin'" in err
    assert out == ""
    code, out, _ = run(capsys, "list", "--json")
    assert json.loads(out) == []  # nothing saved


def test_summary_json_counts_each_region_in_the_period(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(capsys, "2026-03-10T08:30+01:00", "lower_back_left", "below_knee_left")
    _add(capsys, "2026-03-11T08:30+01:00", "lower_back_left")
    _add(capsys, "2026-03-12T08:30+01:00")
    _add(capsys, "2026-03-20T08:30+01:00", "thigh_right")
    code, out, _ = run(capsys, "summary", "--json", "--from", "2026-03-10", "--to", "2026-03-15")
    assert code == EXIT_OK
    regions = json.loads(out)["regions"]
    assert list(regions) == list(REGION_IDS)
    assert regions["lower_back_left"] == 2
    assert regions["below_knee_left"] == 1
    assert regions["thigh_right"] == 0  # after the period
    assert sum(regions.values()) == 3
