"""Where it hurts in the exports: CSV, JSON and FHIR carry the regions, imports bring them back."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import pytest

from rugdiary.core.body_regions import BODY_SITES, REGION_IDS
from rugdiary.core.diary import DiaryEntry, new_entry
from rugdiary.reports.exchange import (
    ImportFailed,
    entries_to_csv,
    export_fhir,
    export_json,
    fhir_regions,
    import_data,
    merge_into_tables,
)

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=CET)
LATER = datetime(2026, 3, 9, 20, 15, tzinfo=CET)


@pytest.fixture
def entries() -> list[DiaryEntry]:
    return [
        new_entry(now=NOW, pain=5, stress=4, regions=["lower_back_left", "below_knee_left"]),
        new_entry(now=NOW + timedelta(days=1), pain=3, stress=2),
        new_entry(now=NOW + timedelta(days=2), pain=6, stress=5, regions=list(REGION_IDS)),
    ]


def test_csv_has_a_regions_column_and_round_trips(entries: list[DiaryEntry]) -> None:
    content = entries_to_csv(entries)
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0]["regions"] == "lower_back_left; below_knee_left"
    assert rows[1]["regions"] == ""
    plan = import_data(content, now=LATER, known_schema=1)
    assert sorted(plan.entries, key=lambda e: e.at) == entries


def test_csv_import_of_an_unknown_region_names_the_column_and_line(
    entries: list[DiaryEntry],
) -> None:
    text = entries_to_csv(entries).decode("utf-8-sig")
    broken = text.replace("lower_back_left; below_knee_left", "lower_back_left; shin")
    with pytest.raises(ImportFailed) as caught:
        import_data(broken.encode(), now=LATER, known_schema=1)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (2, "regions")
    assert "shin" in problem.message


def test_json_export_carries_regions_and_round_trips(entries: list[DiaryEntry]) -> None:
    tables = {"entries": {str(i + 1): e.to_dict() for i, e in enumerate(entries)}}
    first = export_json(tables, schema=1, app_version="0.1.0", exported_at=NOW)
    assert json.loads(first)["tables"]["entries"][0]["regions"] == [
        "lower_back_left",
        "below_knee_left",
    ]
    plan = import_data(first, now=LATER, known_schema=1)
    assert sorted(plan.entries, key=lambda e: e.at) == entries
    second = export_json(
        merge_into_tables({}, plan), schema=1, app_version="0.1.0", exported_at=NOW
    )
    assert second == first


def test_json_import_of_an_unknown_region_names_the_field(entries: list[DiaryEntry]) -> None:
    doc = {**entries[0].to_dict(), "regions": ["lower_back_left", "neck"]}
    export = export_json({"entries": {"1": doc}}, schema=1, app_version="0.1.0", exported_at=NOW)
    with pytest.raises(ImportFailed) as caught:
        import_data(export, now=LATER, known_schema=1)
    assert [p.field for p in caught.value.problems] == ["regions"]


def test_fhir_gives_one_pain_site_per_region_with_snomed_body_sites(
    entries: list[DiaryEntry],
) -> None:
    bundle = json.loads(export_fhir(entries, generated_at=LATER))
    sites = [item["resource"] for item in bundle["entry"] if "bodySite" in item["resource"]]
    assert len(sites) == 2 + len(REGION_IDS)
    assert len(bundle["entry"]) == 2 * len(entries) + len(sites)
    first = sites[0]
    assert first["code"]["coding"] == [
        {"system": "http://snomed.info/sct", "code": "22253000", "display": "Pain (finding)"}
    ]
    assert first["valueBoolean"] is True
    assert first["bodySite"]["coding"] == [
        {
            "system": "http://snomed.info/sct",
            "code": "37822005:272741003=7771000",
            "display": "Lower back structure, left",
        }
    ]
    assert first["bodySite"]["text"] == "Lower back, left"
    assert first["effectiveDateTime"] == entries[0].at.isoformat()
    assert {s["bodySite"]["coding"][0]["code"] for s in sites} == {
        site.code for site in BODY_SITES.values()
    }
    ids = [item["fullUrl"] for item in bundle["entry"]]
    assert len(set(ids)) == len(ids)


def test_fhir_body_sites_read_back_to_the_same_regions(entries: list[DiaryEntry]) -> None:
    bundle = json.loads(export_fhir(entries, generated_at=LATER))
    assert fhir_regions(bundle) == {e.at.isoformat(): e.regions for e in entries if e.regions}
