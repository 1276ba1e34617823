"""`rugdiary import`: the message counts every kind of record, and --replace keeps what the
file has no column for."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_OK, IMPORTED_WORDS, main
from rugdiary.reports.exchange import EXPORT_FORMAT, EXPORT_TABLES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_message_counts_every_table_the_import_adds_to(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy with no entries or sessions said "Imported 0 entries and 0 sessions"."""
    at = "2026-02-01T09:00:00+01:00"
    copy = tmp_path / "copy.json"
    tables = {
        "activities": [{"id": "a1", "name": "Put on socks", "created_at": at}],
        "activity_scores": [
            {"id": f"s{n}", "activity_id": "a1", "at": at, "score": n} for n in (4, 5)
        ],
        "flares": [{"id": "f1", "start": at, "end": "2026-02-03T09:00:00+01:00"}],
        "sitting": [{"day": "2026-02-01", "active_s": 3600, "longest_s": 1800}],
    }
    copy.write_text(
        json.dumps({"format": EXPORT_FORMAT, "version": 1, "schema": 1, "tables": tables})
    )

    code, out, _ = run(capsys, "import", str(copy))

    assert code == EXIT_OK
    assert out == (
        "Imported 0 entries, 0 sessions, 1 activity, 2 activity scores, 1 flare-up and "
        "1 day of sitting times from copy.json; skipped 0 already in the diary.\n"
    )


def test_every_table_has_its_words() -> None:
    assert list(IMPORTED_WORDS) == list(EXPORT_TABLES)


def test_replace_keeps_what_the_file_has_no_column_for(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for day, pain in (("01", "3"), ("02", "4")):
        added = ("add", "--pain", pain, "--stress", "4", "--at", f"2026-02-{day}T09:00")
        run(capsys, *added, "--note", f"walked {pain} km", "--tag", "work")
    sheet = tmp_path / "diary.csv"
    assert run(capsys, "export", "--format", "csv", "-o", str(sheet))[0] == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(sheet.read_text("utf-8-sig"))))
    rows[0]["pain"] = "7"
    out = io.StringIO()
    kept = [name for name in rows[0] if name not in ("note", "tags")]
    writer = csv.DictWriter(out, kept, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    sheet.write_text(out.getvalue(), "utf-8")

    code, said, _ = run(capsys, "import", "--replace", str(sheet))

    assert code == EXIT_OK
    assert said.endswith("skipped 1 already in the diary; replaced 1 with the file's values.\n")
    _, listed, _ = run(capsys, "list", "--json")
    entries = sorted(json.loads(listed), key=lambda e: e["at"])
    assert [(e["pain"], e["note"], e["tags"]) for e in entries] == [
        (7, "walked 3 km", ["work"]),
        (4, "walked 4 km", ["work"]),
    ]
