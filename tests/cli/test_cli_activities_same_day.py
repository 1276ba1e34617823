"""`rugdiary activities score` twice the same day (the second corrects the first), and a score
time in the spring-forward gap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_OK, main
from tests.cli.test_cli_flare_delete_overlap_dst import amsterdam  # noqa: F401  (a fixture)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_second_score_the_same_day_replaces_the_first(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A score typed wrong and given again minutes later counted as a change that matters."""
    code, out, _ = _run(capsys, "activities", "add", "put on socks")
    socks = out.strip()
    _run(capsys, "activities", "score", socks, "1", "--at", "2026-03-02T09:00")
    code, out, err = _run(capsys, "activities", "score", socks, "7", "--at", "2026-03-02T09:02")
    assert code == EXIT_OK
    assert out == "put on socks: 7 on 2026-03-02 09:02 (replaces the 1 given earlier that day)\n"
    assert err == ""
    code, out, _ = _run(capsys, "activities", "--json")
    (listed,) = json.loads(out)["activities"]
    assert [s["score"] for s in listed["scores"]] == [7]
    code, out, _ = _run(capsys, "summary", "--from", "2026-03-01", "--to", "2026-03-02", "--json")
    summary = json.loads(out)
    (change,) = summary["activities"]
    assert (change["first_score"], change["last_score"], change["change"]) == (7, 7, 0)
    assert change["matters"] is False
    assert summary["activities_mean"] is None
    # An earlier time given afterwards does not win over the day's latest score: say so.
    code, out, err = _run(capsys, "activities", "score", socks, "4", "--at", "2026-03-02T08:00")
    assert code == EXIT_OK
    assert "the 7 given at 09:02 that day still counts" in err
    # Two weeks on, the change is counted from the corrected score.
    _run(capsys, "activities", "score", socks, "9", "--at", "2026-03-16T09:00")
    code, out, _ = _run(capsys, "summary", "--from", "2026-03-01", "--to", "2026-03-16", "--json")
    (change,) = json.loads(out)["activities"]
    assert (change["first_score"], change["last_score"], change["change"]) == (7, 9, 2)


@pytest.mark.usefixtures("amsterdam")
def test_a_score_time_in_the_spring_forward_gap_says_what_was_stored(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "activities", "add", "put on socks")
    code, _, err = _run(capsys, "activities", "score", out.strip(), "5", "--at", "2026-03-29T02:30")
    assert code == EXIT_OK
    (listed,) = json.loads(_run(capsys, "activities", "--json")[1])["activities"]
    assert "2026-03-29 02:30 does not exist" in err
    assert f"stored at {listed['scores'][0]['at']}" in err
