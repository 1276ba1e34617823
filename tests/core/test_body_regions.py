"""Body map: region ids, validation naming "regions", the dict form, counts, SNOMED sites."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from rugdiary.core.body_regions import (
    BELOW_KNEE,
    BODY_SITES,
    REGION_IDS,
    ordered_regions,
    region_counts,
    region_for_code,
    region_label,
)
from rugdiary.core.diary import DiaryEntry, ValidationError, new_entry

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def test_the_nine_regions_of_the_contract() -> None:
    assert REGION_IDS == (
        "lower_back_left",
        "lower_back_centre",
        "lower_back_right",
        "buttock_left",
        "buttock_right",
        "thigh_left",
        "thigh_right",
        "below_knee_left",
        "below_knee_right",
    )
    assert set(REGION_IDS) >= BELOW_KNEE


def test_every_region_has_a_name_in_both_languages_and_a_body_site() -> None:
    for region in REGION_IDS:
        assert region_label(region, "en") != region_label(region, "nl")
        assert region_label(region, "de") == region_label(region, "en")
        assert region_for_code(BODY_SITES[region].code) == region
    assert region_label("below_knee_left", "nl") == "Onder de knie, links"
    codes = [site.code for site in BODY_SITES.values()]
    assert len(set(codes)) == len(codes)


def test_snomed_sites_use_lower_back_buttock_thigh_and_lower_leg_with_laterality() -> None:
    assert BODY_SITES["lower_back_centre"].code == "37822005"
    assert BODY_SITES["lower_back_left"].code == "37822005:272741003=7771000"
    assert BODY_SITES["buttock_right"].code == "46862004:272741003=24028007"
    assert (BODY_SITES["thigh_left"].code, BODY_SITES["thigh_right"].code) == (
        "61396006",
        "11207009",
    )
    assert (BODY_SITES["below_knee_left"].code, BODY_SITES["below_knee_right"].code) == (
        "48979004",
        "32696007",
    )
    assert region_for_code(" 37822005 : 272741003 = 7771000 ") == "lower_back_left"
    assert region_for_code("12345") is None


def test_entry_keeps_regions_and_new_entry_orders_them() -> None:
    entry = new_entry(now=NOW, pain=4, stress=3, regions=["thigh_left", "lower_back_centre"])
    assert entry.regions == ("lower_back_centre", "thigh_left")
    assert new_entry(now=NOW, pain=4, stress=3).regions == ()
    assert ordered_regions(["below_knee_right", "x", "buttock_left"]) == (
        "buttock_left",
        "below_knee_right",
    )


@pytest.mark.parametrize(
    "regions",
    [("lower_back",), ("Lower_back_left",), (3,), ("thigh_left", "thigh_left")],
)
def test_unknown_or_repeated_region_names_the_field(regions: tuple[object, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        DiaryEntry(at=NOW, pain=1, stress=1, regions=regions)  # type: ignore[arg-type]
    assert caught.value.field == "regions"


def test_unknown_region_through_new_entry_lists_the_known_ids() -> None:
    with pytest.raises(ValidationError) as caught:
        new_entry(now=NOW, pain=1, stress=1, regions=["knee"])
    assert caught.value.field == "regions"
    assert "'knee'" in caught.value.message
    assert "below_knee_left" in caught.value.message


def test_dict_form_round_trips_and_leaves_no_regions_out() -> None:
    entry = new_entry(now=NOW, pain=4, stress=3, regions=["buttock_right", "below_knee_right"])
    data = entry.to_dict()
    assert data["regions"] == ["buttock_right", "below_knee_right"]
    assert DiaryEntry.from_dict(data) == entry
    assert "regions" not in new_entry(now=NOW, pain=1, stress=1).to_dict()
    with pytest.raises(ValidationError) as caught:
        DiaryEntry.from_dict({**data, "regions": "lower_back_left"})
    assert caught.value.field == "regions"
    with pytest.raises(ValidationError) as caught:
        DiaryEntry.from_dict({**data, "regions": ["hip"]})
    assert caught.value.field == "regions"


def test_region_counts_cover_every_id_within_the_period() -> None:
    day = timedelta(days=1)
    entries = [
        new_entry(now=NOW, pain=3, stress=3, regions=["lower_back_left", "thigh_left"]),
        new_entry(now=NOW + day, pain=3, stress=3, regions=["lower_back_left"]),
        new_entry(now=NOW + 2 * day, pain=3, stress=3),
        new_entry(now=NOW + 5 * day, pain=3, stress=3, regions=["below_knee_right"]),
    ]
    counts = region_counts(entries, date(2026, 3, 2), date(2026, 3, 4))
    assert list(counts) == list(REGION_IDS)
    assert counts["lower_back_left"] == 2
    assert counts["thigh_left"] == 1
    assert counts["below_knee_right"] == 0  # outside the period
    assert sum(counts.values()) == 3
    assert region_counts([], date(2026, 1, 1), date(2026, 12, 31)) == dict.fromkeys(REGION_IDS, 0)
