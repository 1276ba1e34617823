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
    assert out == "put on socks: 7 on 2026-03-02 09:02 (replaces the 1 given at 09:00 that day)\n"
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
    # Given afterwards, an earlier time of the same day corrects it too: the day keeps the
    # score given last, on disk as in what is shown (it said the 7 "still counts", and kept
    # both in the file and its exports).
    code, out, err = _run(capsys, "activities", "score", socks, "4", "--at", "2026-03-02T08:00")
    assert code == EXIT_OK
    assert out == "put on socks: 4 on 2026-03-02 08:00 (replaces the 7 given at 09:02 that day)\n"
    assert err == ""
    code, out, _ = _run(capsys, "activities", "--json")
    (listed,) = json.loads(out)["activities"]
    assert [(s["at"][:16], s["score"]) for s in listed["scores"]] == [("2026-03-02T08:00", 4)]
    code, out, _ = _run(capsys, "export", "--format", "json", "--output", str(data_dir / "x.json"))
    assert code == EXIT_OK
    exported = json.loads((data_dir / "x.json").read_text(encoding="utf-8"))
    assert [s["score"] for s in exported["tables"]["activity_scores"]] == [4]
    # Two weeks on, the change is counted from the corrected score.
    _run(capsys, "activities", "score", socks, "9", "--at", "2026-03-16T09:00")
    code, out, _ = _run(capsys, "summary", "--from", "2026-03-01", "--to", "2026-03-16", "--json")
    (change,) = json.loads(out)["activities"]
    assert (change["first_score"], change["last_score"], change["change"]) == (4, 9, 5)


@pytest.mark.usefixtures("amsterdam")
def test_a_score_time_in_the_spring_forward_gap_says_what_was_stored(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "activities", "add", "put on socks")
    code, _, err = _run(capsys, "activities", "score", out.strip(), "5", "--at", "2026-03-29T02:30")
    assert code == EXIT_OK
    (listed,) = json.loads(_run(capsys, "activities", "--json")[1])["activities"]
    assert "2026-03-29 02:30 does not exist" in err
    # Named as what was stored: it said "the entry was stored at" for a score too.
    assert f"; the score was stored at {listed['scores'][0]['at']}\n" in err
    assert "the entry" not in err
