"""The JSON export carries logged flare-ups; an import checks them and keeps each one once."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from rugdiary.core.flares import FlareRecord
from rugdiary.reports.exchange import (
    ImportFailed,
    export_json,
    import_data,
    merge_into_tables,
)

SCHEMA = 2
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
ENDED = FlareRecord(
    "f1",
    datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
    datetime(2026, 3, 5, 18, 0, tzinfo=UTC),
    helped="short walks",
    tags=("walking",),
)
RUNNING = FlareRecord("f2", datetime(2026, 3, 18, 7, 30, tzinfo=UTC), note="moving house")


def _tables() -> dict[str, dict[str, Any]]:
    return {"flares": {"1": ENDED.to_dict(), "3": RUNNING.to_dict()}}


def test_flares_round_trip_through_a_json_export() -> None:
    export = export_json(_tables(), schema=SCHEMA, app_version="0.1.0", exported_at=NOW)
    assert json.loads(export)["tables"]["flares"] == [ENDED.to_dict(), RUNNING.to_dict()]
    plan = import_data(export, now=NOW, known_schema=SCHEMA)
    rebuilt = merge_into_tables({}, plan)
    records = [FlareRecord.from_dict(doc) for doc in rebuilt["flares"].values()]
    assert records == [ENDED, RUNNING]
    # Into the same folder again: nothing new.
    again = import_data(
        export,
        now=NOW,
        known_schema=SCHEMA,
        existing_records={"flares": list(_tables()["flares"].values())},
    )
    assert again.records["flares"] == ()


def test_an_export_without_flares_still_imports() -> None:
    export = json.loads(export_json({}, schema=SCHEMA, app_version="0.1.0", exported_at=NOW))
    del export["tables"]["flares"]
    plan = import_data(json.dumps(export).encode(), now=NOW, known_schema=SCHEMA)
    assert "flares" not in plan.records


def test_a_broken_flare_record_names_its_line_and_field() -> None:
    bad = {**ENDED.to_dict(), "end": "2026-03-02T09:00:00+00:00"}
    tables = {"flares": {"1": bad}}
    export = export_json(tables, schema=SCHEMA, app_version="0.1.0", exported_at=NOW)
    line = next(i for i, text in enumerate(export.decode().splitlines(), start=1) if '"f1"' in text)
    with pytest.raises(ImportFailed) as failed:
        import_data(export, now=NOW, known_schema=SCHEMA)
    assert [(p.line, p.field) for p in failed.value.problems] == [(line, "end")]
