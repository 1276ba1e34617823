"""The JSON export carries the sitting figures, one record per day, never doubled on import."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from rugdiary.core.sitting import SittingDay
from rugdiary.reports.exchange import ImportFailed, export_json, import_data, merge_into_tables

SCHEMA = 2
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
MONDAY = SittingDay(date(2026, 3, 2), active_s=4 * 3600, longest_s=5400, taken=3, skipped=1)
TUESDAY = SittingDay(date(2026, 3, 3), active_s=2 * 3600, longest_s=1800, natural=2)


def _tables() -> dict[str, dict[str, Any]]:
    return {"sitting": {"1": MONDAY.to_dict(), "2": TUESDAY.to_dict()}}


def _export(**period: date) -> bytes:
    return export_json(_tables(), schema=SCHEMA, app_version="0.1.0", exported_at=NOW, **period)


def test_sitting_days_round_trip_through_a_json_export() -> None:
    assert json.loads(_export())["tables"]["sitting"] == [MONDAY.to_dict(), TUESDAY.to_dict()]
    rebuilt = merge_into_tables({}, import_data(_export(), now=NOW, known_schema=SCHEMA))
    assert [SittingDay.from_dict(d) for d in rebuilt["sitting"].values()] == [MONDAY, TUESDAY]


def test_a_period_limits_the_sitting_days() -> None:
    only_tuesday = json.loads(_export(start=date(2026, 3, 3)))["tables"]["sitting"]
    assert only_tuesday == [TUESDAY.to_dict()]


def test_importing_the_same_days_again_adds_nothing() -> None:
    again = import_data(
        _export(),
        now=NOW,
        known_schema=SCHEMA,
        existing_records={"sitting": list(_tables()["sitting"].values())},
    )
    assert again.records["sitting"] == ()
    assert again.duplicates == 2
    assert again.conflicts == ()


def test_a_day_already_there_with_other_figures_is_a_conflict_that_replace_settles() -> None:
    stored = {"sitting": {"7": {**MONDAY.to_dict(), "taken": 9}}}
    plan = import_data(
        _export(),
        now=NOW,
        known_schema=SCHEMA,
        existing_records={"sitting": list(stored["sitting"].values())},
    )
    assert [(c.table, c.id) for c in plan.conflicts] == [("sitting", "2026-03-02")]
    assert "day: sitting day 2026-03-02 is already in the diary" in str(plan.conflicts[0])
    assert plan.records["sitting"] == (TUESDAY.to_dict(),)

    kept = merge_into_tables(stored, plan)
    assert kept["sitting"]["7"]["taken"] == 9, "without replace the stored day stays"
    replaced = merge_into_tables(stored, plan, replace=True)
    days = [SittingDay.from_dict(d) for d in replaced["sitting"].values()]
    assert sorted(days, key=lambda d: d.day) == [MONDAY, TUESDAY]


def test_one_day_twice_in_a_file_names_the_line() -> None:
    export = json.loads(_export())
    export["tables"]["sitting"].append({**MONDAY.to_dict(), "taken": 5})
    with pytest.raises(ImportFailed) as failed:
        import_data(json.dumps(export, indent=1).encode(), now=NOW, known_schema=SCHEMA)
    assert any(p.field == "day" and "also on line" in p.message for p in failed.value.problems)


def test_a_broken_sitting_record_names_its_field() -> None:
    export = json.loads(_export())
    export["tables"]["sitting"][0]["active_s"] = -5
    with pytest.raises(ImportFailed) as failed:
        import_data(json.dumps(export).encode(), now=NOW, known_schema=SCHEMA)
    assert [p.field for p in failed.value.problems] == ["active_s"]


def test_an_export_without_sitting_still_imports() -> None:
    export = json.loads(_export())
    del export["tables"]["sitting"]
    plan = import_data(json.dumps(export).encode(), now=NOW, known_schema=SCHEMA)
    assert "sitting" not in plan.records
