"""`rugdiary flare delete`, overlapping flare-ups refused, and times in the spring-forward gap."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_BAD_INPUT, EXIT_OK, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "flare", "list", "--json")
    assert code == EXIT_OK
    return json.loads(out)


def test_delete_removes_a_flare_up_logged_by_mistake(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A flare-up logged by mistake could not be removed once the app had restarted or it
    was settled: the command line had start, end and list only."""
    run(capsys, "flare", "start", "--at", "2026-03-03T09:00+01:00")
    run(capsys, "flare", "end", "--at", "2026-03-04T09:00+01:00")
    code, out, _ = run(capsys, "flare", "start", "--at", "2026-03-10T09:00+01:00")
    running = out.strip()
    ended = next(r["id"] for r in listed(capsys) if r["id"] != running)
    # `flare list` shows the first characters of each id, and those are enough.
    text = run(capsys, "flare", "list")[1]
    assert f"{ended[:8]}  2026-03-03 09:00" in text
    code, out, err = run(capsys, "flare", "delete", str(ended)[:8])
    assert (code, err) == (EXIT_OK, "")
    assert out == "Removed the flare-up of 2026-03-03 09:00 to 2026-03-04 09:00.\n"
    code, out, _ = run(capsys, "flare", "delete", running)
    assert code == EXIT_OK
    assert "2026-03-10 09:00 to now (it was running)" in out
    assert listed(capsys) == []


def test_delete_of_an_unknown_id_names_the_field(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "flare", "start", "--at", "2026-03-03T09:00+01:00")
    code, out, err = run(capsys, "flare", "delete", "nowhere-0")
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert err.startswith("rugdiary: ID: there is no flare-up")
    assert "`rugdiary flare list` shows them" in err
    assert len(listed(capsys)) == 1


@pytest.mark.parametrize("key", ["a", "", "  ", "1234567"])
def test_delete_takes_no_key_shorter_than_the_list_shows(
    data_dir: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    """A delete does not ask: a letter or two could name the wrong flare-up."""
    run(capsys, "flare", "start", "--at", "2026-03-03T09:00+01:00")
    (record,) = listed(capsys)
    code, out, err = run(capsys, "flare", "delete", key or str(record["id"])[:1])
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert "at least the 8 characters" in err
    assert len(listed(capsys)) == 1


def test_a_flare_up_around_one_already_logged_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Started before a logged flare-up and ended after it, one was accepted, and
    `summary --json` counted the same days as two flare-ups."""
    run(capsys, "flare", "start", "--at", "2026-03-03T08:00+01:00")
    run(capsys, "flare", "end", "--at", "2026-03-05T18:00+01:00")
    code, out, err = run(capsys, "flare", "start", "--at", "2026-03-02T08:00+01:00")
    assert code == EXIT_BAD_INPUT
    assert out == ""
    assert "start: 2026-03-02 08:00 lies before the end of the flare-up of 2026-03-03 08:00" in err
    code, _, err = run(capsys, "flare", "start", "--at", "2026-03-04T08:00+01:00")
    assert code == EXIT_BAD_INPUT
    assert "start: 2026-03-04 08:00 lies inside the flare-up of" in err
    code, out, _ = run(capsys, "summary", "--from", "2026-03-01", "--to", "2026-03-10", "--json")
    assert [f["start"][:10] for f in json.loads(out)["flare_ups"]] == ["2026-03-03"]


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset") or not Path("/usr/share/zoneinfo/Europe/Amsterdam").exists():
        pytest.skip("needs time.tzset and the system time zone database")
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_flare_up_time_in_the_spring_forward_gap_says_what_was_stored(
    data_dir: Path, capsys: pytest.CaptureFixture[str], amsterdam: None
) -> None:
    """`flare start --at` a time the clocks skipped was stored an hour earlier without a
    word, where `add` says so."""
    code, _, err = run(capsys, "flare", "start", "--at", "2026-03-29T02:30")
    assert code == EXIT_OK
    [record] = listed(capsys)
    assert "2026-03-29 02:30 does not exist" in err
    # Named as what was stored: it said "the entry was stored at" for a flare-up too.
    assert f"; the flare-up's start was stored at {record['start']}\n" in err
    assert "the entry" not in err
    code, _, err = run(capsys, "flare", "end", "--at", "2026-03-29T02:45")
    assert code == EXIT_OK
    [record] = listed(capsys)
    assert "2026-03-29 02:45 does not exist" in err
    assert f"; the flare-up's end was stored at {record['end']}\n" in err
    assert "the entry" not in err
    # A time that exists says nothing.
    run(capsys, "flare", "delete", str(record["id"]))
    code, _, err = run(capsys, "flare", "start", "--at", "2026-03-29T04:30")
    assert (code, err) == (EXIT_OK, "")


def test_a_time_with_a_fraction_of_a_second_is_no_clock_change(
    data_dir: Path, capsys: pytest.CaptureFixture[str], amsterdam: None
) -> None:
    """A flare-up keeps whole seconds: the dropped fraction is not a moved clock."""
    code, _, err = run(capsys, "flare", "start", "--at", "2026-01-10T08:30:00.5")
    assert (code, err) == (EXIT_OK, "")
