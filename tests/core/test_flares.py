"""Flare-up records: start and end rules, periods, and the overlap with the diary's flagged days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rugdiary.core.diary import DiaryEntry, ValidationError
from rugdiary.core.flares import (
    FlaggedRun,
    FlareRecord,
    end_flare,
    find_flare,
    flagged_runs,
    flares_in,
    merge_with_flagged_days,
    open_flare,
    report_flare_records,
    start_flare,
)

AMS = ZoneInfo("Europe/Amsterdam")


def at(day: int, hour: int = 9, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=AMS)


def entry(
    day: int, *, flare: bool = True, note: str = "", tags: tuple[str, ...] = ()
) -> DiaryEntry:
    return DiaryEntry(at=at(day, 20), pain=6, stress=4, flare_up=flare, note=note, tags=tags)


def test_start_then_end_with_what_helped() -> None:
    started = start_flare([], at(3), note="  lifting boxes ")
    assert started.is_open
    assert started.note == "lifting boxes"
    assert open_flare([started]) == started
    ended = end_flare([started], at(5, 18), helped=" short walks ", tags=["Walking", "heat"])
    assert ended.id == started.id
    assert ended.end == at(5, 18)
    assert ended.helped == "short walks"
    assert ended.tags == ("walking", "heat")
    assert open_flare([ended]) is None


def test_only_one_flare_up_runs_at_a_time() -> None:
    running = start_flare([], at(3))
    with pytest.raises(ValidationError) as error:
        start_flare([running], at(4))
    assert error.value.field == "start"
    assert "already running since 2026-03-03 09:00" in error.value.message


def test_a_new_one_cannot_begin_inside_an_ended_one() -> None:
    done = end_flare([start_flare([], at(3))], at(6))
    with pytest.raises(ValidationError) as error:
        start_flare([done], at(4))
    assert error.value.field == "start"
    # Right at its end is fine: the next flare-up.
    assert start_flare([done], at(6)).start == at(6)


def test_a_flare_up_may_not_enclose_or_reach_into_an_ended_one() -> None:
    """Started before one already logged and ended after it, a flare-up held the same
    days twice, and `summary --json` counted them as two."""
    done = end_flare([start_flare([], at(3))], at(5, 18))
    # A running one lasts until now: starting before the end of an ended one overlaps it.
    with pytest.raises(ValidationError) as error:
        start_flare([done], at(2))
    assert error.value.field == "start"
    assert "2026-03-02 09:00 lies before the end of the flare-up of 2026-03-03 09:00" in (
        error.value.message
    )
    # Ending around or into one logged meanwhile (an import, older data) is refused too.
    earlier = FlareRecord("early", at(1, 8))
    for end in (at(7), at(4)):
        with pytest.raises(ValidationError) as error:
            end_flare([earlier, done], end)
        assert error.value.field == "end"
        assert "overlap the one of 2026-03-03 09:00 to 2026-03-05 18:00" in error.value.message
    # Before it, or from its end on, is fine.
    assert end_flare([earlier, done], at(3)).end == at(3)
    assert start_flare([done], at(5, 18)).start == at(5, 18)


def test_find_a_flare_up_by_id_or_unambiguous_prefix() -> None:
    one, two = FlareRecord("abc-1", at(1), at(2)), FlareRecord("abd-2", at(3))
    assert find_flare([one, two], "abc-1") is one
    assert find_flare([one, two], "abd") is two
    assert find_flare([one, two], "ab") is None
    assert find_flare([one, two], "") is None


def test_end_must_come_after_start_and_needs_a_running_one() -> None:
    running = start_flare([], at(3, 12))
    for when in (at(3, 12), at(3, 11)):
        with pytest.raises(ValidationError) as error:
            end_flare([running], when)
        assert error.value.field == "end"
        assert "must come after the start" in error.value.message
    with pytest.raises(ValidationError) as error:
        end_flare([], at(3))
    assert error.value.field == "end"
    assert "no flare-up is running" in error.value.message


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": " "}, "id"),
        ({"start": datetime(2026, 3, 3, 9)}, "start"),
        ({"end": datetime(2026, 3, 4, 9)}, "end"),
        ({"helped": "x" * 2001}, "helped"),
        ({"note": "a\x00b"}, "note"),
        ({"tags": ("",)}, "tags"),
        ({"tags": ("x" * 41,)}, "tags"),
        ({"start": datetime(1800, 1, 1, tzinfo=UTC)}, "start"),
    ],
)
def test_bad_values_name_the_field(changes: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"id": "f1", "start": at(3)}
    values.update(changes)
    with pytest.raises(ValidationError) as error:
        FlareRecord(**values)  # type: ignore[arg-type]
    assert error.value.field == field


def test_dict_round_trip_and_unknown_fields() -> None:
    record = FlareRecord("f1", at(3), at(5), helped="heat", tags=("heat",), note="n")
    assert FlareRecord.from_dict(record.to_dict()) == record
    running = FlareRecord("f2", at(7))
    assert running.to_dict()["end"] is None
    assert FlareRecord.from_dict(running.to_dict()) == running
    with pytest.raises(ValidationError) as error:
        FlareRecord.from_dict({**record.to_dict(), "colour": "red"})
    assert error.value.field == "colour"
    with pytest.raises(ValidationError) as error:
        FlareRecord.from_dict({"id": "f3"})
    assert error.value.field == "start"
    with pytest.raises(ValidationError) as error:
        FlareRecord.from_dict({"id": "f3", "start": "monday"})
    assert error.value.field == "start"


def test_flares_in_a_period_include_those_reaching_into_it() -> None:
    before = FlareRecord("a", at(1), at(2))
    across = FlareRecord("b", at(9), at(11))
    inside = FlareRecord("c", at(14), at(15))
    after = FlareRecord("d", at(25), at(26))
    running = FlareRecord("e", at(27))
    records = [running, after, inside, across, before]
    assert [r.id for r in flares_in(records, date(2026, 3, 10), date(2026, 3, 20))] == ["b", "c"]
    # The edges count: a flare-up that ended on the first day belongs to the period.
    assert [r.id for r in flares_in(records, date(2026, 3, 2), date(2026, 3, 9))] == ["a", "b"]
    # A running one belongs to every period from its start on.
    assert [r.id for r in flares_in(records, date(2026, 4, 1), date(2026, 4, 30))] == ["e"]


def test_flagged_runs_from_the_diary() -> None:
    entries = [
        entry(3, note="bent over"),
        entry(4, tags=("garden",)),
        entry(4, flare=False, note="later a bit better"),
        entry(6),
        entry(8, flare=False),
    ]
    runs = flagged_runs(entries, date(2026, 3, 1), date(2026, 3, 31))
    assert [(r.first, r.last) for r in runs] == [
        (date(2026, 3, 3), date(2026, 3, 4)),
        (date(2026, 3, 6), date(2026, 3, 6)),
    ]
    assert runs[0].tags == ("garden",)
    assert runs[0].notes == ("bent over", "later a bit better")
    # Limited to the period.
    assert len(flagged_runs(entries, date(2026, 3, 5), date(2026, 3, 31))) == 1


def run(first: int, last: int, **kw: object) -> FlaggedRun:
    return FlaggedRun(date(2026, 3, first), date(2026, 3, last), **kw)  # type: ignore[arg-type]


def test_a_logged_flare_up_and_its_flagged_days_are_one_flare_up() -> None:
    record = FlareRecord("f1", at(4, 10), at(6, 18), helped="walks", tags=("walking",))
    merged = merge_with_flagged_days([record], [run(4, 5, notes=("bad day",))])
    assert merged == [record.replace(note="bad day")]


def test_flagged_days_around_a_logged_flare_up_widen_it() -> None:
    record = FlareRecord("f1", at(4, 10), at(6, 18), note="own note")
    merged = merge_with_flagged_days([record], [run(2, 3), run(7, 8)])
    assert len(merged) == 1
    assert merged[0].start == datetime(2026, 3, 2, 0, 0, tzinfo=AMS)
    assert merged[0].end == datetime(2026, 3, 8, 23, 59, tzinfo=AMS)
    assert merged[0].note == "own note"  # its own note wins over the diary's


def test_flagged_days_apart_from_any_logged_one_are_a_flare_up_of_their_own() -> None:
    record = FlareRecord("f1", at(10), at(12))
    merged = merge_with_flagged_days(
        [record], [run(3, 4, tags=("garden",), notes=("a", "b"), tz=AMS), run(14, 14)]
    )
    assert [r.id for r in merged] == ["diary:2026-03-03", "f1", "diary:2026-03-14"]
    diary = merged[0]
    assert diary.from_diary
    assert not record.from_diary
    assert diary.start == datetime(2026, 3, 3, 0, 0, tzinfo=AMS)
    assert diary.end == datetime(2026, 3, 4, 23, 59, tzinfo=AMS)
    assert diary.tags == ("garden",)
    assert diary.note == "a / b"
    assert diary.helped == ""
    assert merged[2].start.tzinfo is UTC  # no zone known: the day in UTC


def test_a_running_flare_up_takes_the_flagged_days_up_to_today() -> None:
    running = FlareRecord("f1", at(10))
    merged = merge_with_flagged_days([running], [run(10, 13)], today=date(2026, 3, 13))
    assert merged == [running]
    assert merged[0].is_open


def test_report_records_for_a_period() -> None:
    records = [
        FlareRecord("old", at(1, month=2), at(3, month=2)),
        FlareRecord("f1", at(10, 8), at(12, 20), helped="heat and walks"),
    ]
    entries = [entry(11), entry(12), entry(20, note="stiff")]
    rows = report_flare_records(records, entries, date(2026, 3, 1), date(2026, 3, 31))
    assert [(r.id, r.start.date(), r.end.date() if r.end else None) for r in rows] == [
        ("f1", date(2026, 3, 10), date(2026, 3, 12)),
        ("diary:2026-03-20", date(2026, 3, 20), date(2026, 3, 20)),
    ]
    assert rows[0].helped == "heat and walks"
    assert rows[1].note == "stiff"
    assert [r.to_summary()["source"] for r in rows] == ["logged", "diary"]
    assert report_flare_records([], [], date(2026, 3, 1), date(2026, 3, 31)) == []


def test_summary_form() -> None:
    record = FlareRecord(
        "f1", at(3), at(3) + timedelta(hours=30), helped="walks", tags=("walking",)
    )
    assert record.to_summary() == {
        "start": "2026-03-03T09:00:00+01:00",
        "end": "2026-03-04T15:00:00+01:00",
        "helped": "walks",
        "tags": ["walking"],
        "note": "",
        "source": "logged",
    }
