"""My activities (PSFS / PSK): naming, renaming, retiring, scores, change thresholds, schedule."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import datetime, timedelta

import pytest

from rugdiary.core import activities as act
from rugdiary.core.activities import (
    MAX_ACTIVE,
    MAX_NAME_CHARS,
    MDC_MEAN,
    MDC_ONE,
    RESCORE_DAYS,
    Activity,
    ActivityChange,
    ActivityScore,
    activity_changes,
    find_activity,
    is_due,
    mean_change,
    new_activity,
    new_score,
    next_due,
    renamed,
    retired,
)
from rugdiary.core.diary import ValidationError

NOW = datetime(2026, 3, 2, 9, 0).astimezone()


def _at(days: float) -> datetime:
    return NOW + timedelta(days=days)


def _change(first: int, last: int, index: int = 0) -> ActivityChange:
    return ActivityChange(
        activity_id=f"a{index}",
        name=f"activity {index}",
        first_score=first,
        first_at=NOW,
        last_score=last,
        last_at=_at(14),
        change=last - first,
        matters=abs(last - first) >= MDC_ONE,
    )


def test_thresholds_are_the_scale_s_minimal_detectable_change() -> None:
    assert (MDC_MEAN, MDC_ONE, MAX_ACTIVE) == (2, 3, 5)


def test_new_activity_cleans_the_name_and_is_active() -> None:
    socks = new_activity("  put on\n socks  ", NOW, [])
    assert socks.name == "put on socks"
    assert socks.active
    assert socks.created_at == NOW
    assert socks.id


@pytest.mark.parametrize("name", ["", "   ", "\n\t"])
def test_an_empty_name_is_an_error_naming_the_field(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        new_activity(name, NOW, [])
    assert caught.value.field == "name"


def test_a_name_too_long_is_an_error_naming_the_field() -> None:
    assert new_activity("x" * MAX_NAME_CHARS, NOW, []).name == "x" * MAX_NAME_CHARS
    with pytest.raises(ValidationError) as caught:
        new_activity("x" * (MAX_NAME_CHARS + 1), NOW, [])
    assert caught.value.field == "name"
    assert str(MAX_NAME_CHARS) in caught.value.message


def test_a_name_with_a_control_character_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        new_activity("socks\x00", NOW, [])
    assert caught.value.field == "name"


def test_five_active_activities_and_a_sixth_is_a_clear_error() -> None:
    items: list[Activity] = []
    for i in range(MAX_ACTIVE):
        items.append(new_activity(f"activity {i}", _at(i), items))
    with pytest.raises(ValidationError) as caught:
        new_activity("one too many", _at(6), items)
    assert caught.value.field == "activities"
    assert "at most 5" in caught.value.message
    # Retiring one makes room again; the retired one stays in the list.
    items[0] = retired(items[0], _at(7))
    sixth = new_activity("lift a child", _at(8), items)
    assert sixth.active


def test_the_same_name_twice_is_refused_case_insensitively() -> None:
    socks = new_activity("Put on socks", NOW, [])
    with pytest.raises(ValidationError) as caught:
        new_activity("put on SOCKS", NOW, [socks])
    assert caught.value.field == "name"
    # A retired activity's name may be used again.
    assert new_activity("put on socks", NOW, [retired(socks, NOW)]).active


def test_rename_keeps_id_and_scores() -> None:
    socks = new_activity("put on socks", NOW, [])
    score = new_score(socks, 4, _at(1))
    again = renamed(socks, "put on socks and shoes", [socks])
    assert again.id == socks.id
    assert again.name == "put on socks and shoes"
    changes = activity_changes([again], [score], NOW.date(), _at(30).date())
    assert [c.name for c in changes] == ["put on socks and shoes"]
    with pytest.raises(ValidationError) as caught:
        renamed(socks, " ", [socks])
    assert caught.value.field == "name"


def test_retire_keeps_history_and_stops_new_scores() -> None:
    socks = new_activity("put on socks", NOW, [])
    scores = [new_score(socks, 3, _at(0)), new_score(socks, 7, _at(14))]
    gone = retired(socks, _at(20))
    assert not gone.active
    assert gone.retired_at == _at(20)
    assert gone.id == socks.id
    assert retired(gone, _at(40)) is gone  # retiring twice changes nothing
    changes = activity_changes([gone], scores, NOW.date(), _at(30).date())
    assert [(c.first_score, c.last_score, c.change, c.matters) for c in changes] == [
        (3, 7, 4, True)
    ]
    with pytest.raises(ValidationError) as caught:
        new_score(gone, 5, _at(21))
    assert caught.value.field == "activity"


@pytest.mark.parametrize("bad", [-1, 11, 2.5, True, "5", None])
def test_scores_are_whole_numbers_0_to_10(bad: object) -> None:
    socks = new_activity("put on socks", NOW, [])
    with pytest.raises(ValidationError) as caught:
        new_score(socks, bad, NOW)
    assert caught.value.field == "score"


def test_scores_0_and_10_are_allowed() -> None:
    socks = new_activity("put on socks", NOW, [])
    assert [new_score(socks, n, NOW).score for n in (0, 10)] == [0, 10]


def test_round_trip_through_dicts() -> None:
    socks = retired(new_activity("put on socks", NOW, []), _at(3))
    assert Activity.from_dict(socks.to_dict()) == socks
    score = new_score(new_activity("sit", NOW, []), 6, _at(1))
    assert ActivityScore.from_dict(score.to_dict()) == score


def test_from_dict_names_the_bad_field() -> None:
    with pytest.raises(ValidationError) as caught:
        Activity.from_dict({"id": "x", "name": "socks", "created_at": "yesterday"})
    assert caught.value.field == "created_at"
    with pytest.raises(ValidationError) as caught:
        ActivityScore.from_dict({"id": "s", "activity_id": "x", "at": NOW.isoformat()})
    assert caught.value.field == "score"
    with pytest.raises(ValidationError) as caught:
        Activity.from_dict({"id": "x", "name": "a", "created_at": NOW.isoformat(), "colour": 1})
    assert caught.value.field == "colour"


def test_retired_before_created_is_refused() -> None:
    socks = new_activity("put on socks", NOW, [])
    with pytest.raises(ValidationError) as caught:
        dataclasses.replace(socks, retired_at=_at(-1))
    assert caught.value.field == "retired_at"


def test_find_activity_by_id_or_unambiguous_prefix() -> None:
    a = Activity("abc123", "a", NOW)
    b = Activity("abd456", "b", NOW)
    assert find_activity([a, b], "abc123") is a
    assert find_activity([a, b], "abd") is b
    assert find_activity([a, b], "ab") is None  # two match
    assert find_activity([a, b], "zz") is None


# -------------------------------------------------------------- changes and thresholds


def test_changes_use_first_and_last_score_in_the_period_in_naming_order() -> None:
    socks = new_activity("put on socks", NOW, [])
    sit = new_activity("sit through a meeting", _at(1), [socks])
    scores = [
        new_score(sit, 5, _at(2)),
        new_score(socks, 2, _at(2)),
        new_score(socks, 4, _at(16)),
        new_score(socks, 6, _at(30)),
        new_score(sit, 3, _at(30)),
    ]
    changes = activity_changes([sit, socks], scores, NOW.date(), _at(30).date())
    assert [(c.name, c.first_score, c.last_score, c.change) for c in changes] == [
        ("put on socks", 2, 6, 4),
        ("sit through a meeting", 5, 3, -2),
    ]
    assert [c.matters for c in changes] == [True, False]
    # A shorter period starts from the first score inside it.
    later = activity_changes([sit, socks], scores, _at(10).date(), _at(30).date())
    assert [(c.first_score, c.last_score) for c in later] == [(4, 6), (3, 3)]
    assert not later[1].scored_twice
    assert later[1].change == 0


def test_an_activity_without_scores_in_the_period_is_left_out() -> None:
    socks = new_activity("put on socks", NOW, [])
    assert (
        activity_changes([socks], [new_score(socks, 2, _at(40))], NOW.date(), _at(5).date()) == []
    )


@pytest.mark.parametrize(
    ("first", "last", "matters"),
    [(4, 6, False), (4, 7, True), (7, 5, False), (7, 4, True), (0, 10, True), (5, 5, False)],
)
def test_one_activity_matters_from_3_points_either_way(
    first: int, last: int, matters: bool
) -> None:
    socks = new_activity("put on socks", NOW, [])
    scores = [new_score(socks, first, NOW), new_score(socks, last, _at(14))]
    (change,) = activity_changes([socks], scores, NOW.date(), _at(14).date())
    assert change.change == last - first
    assert change.matters is matters


def test_mean_change_edge_1_9_does_not_matter_and_2_0_does() -> None:
    # Ten activities (five active now, five retired earlier): 19 points over 10 is 1.9.
    below = [_change(3, 5, i) for i in range(9)] + [_change(3, 4, 9)]
    result = mean_change(below)
    assert result is not None
    assert result.change == pytest.approx(1.9)
    assert not result.matters
    at_edge = [_change(3, 5, i) for i in range(10)]
    result = mean_change(at_edge)
    assert result is not None
    assert result.change == 2.0
    assert result.matters
    assert (result.first_mean, result.last_mean) == (3.0, 5.0)


def test_mean_change_matters_downwards_too() -> None:
    worse = mean_change([_change(6, 4, 0), _change(7, 5, 1), _change(5, 3, 2)])
    assert worse is not None
    assert worse.change == -2.0
    assert worse.matters
    nearly = mean_change([_change(6, 4, 0), _change(7, 5, 1), _change(5, 4, 2)])
    assert nearly is not None
    assert nearly.change == pytest.approx(-5 / 3)
    assert not nearly.matters


def test_mean_change_leaves_out_activities_scored_once_and_may_be_none() -> None:
    once = dataclasses.replace(_change(2, 2, 5), last_at=NOW)
    result = mean_change([_change(2, 4, 0), once])
    assert result is not None
    assert result.change == 2.0
    assert result.matters
    assert mean_change([once]) is None
    assert mean_change([]) is None


def test_a_second_score_the_same_day_corrects_the_first_and_is_no_change() -> None:
    """A 1 typed for a 7 and scored again two minutes later counted as "much easier, a
    change that matters", for the activity and for the mean."""
    socks = new_activity("put on socks", NOW, [])
    lift = new_activity("lift my child", NOW, [socks])
    scores = [
        new_score(socks, 1, NOW),
        new_score(lift, 2, NOW),
        new_score(socks, 7, NOW + timedelta(minutes=2)),
        new_score(lift, 8, NOW + timedelta(minutes=2)),
    ]
    assert [(s.activity_id, s.score) for s in act.day_scores(scores)] == [
        (socks.id, 7),
        (lift.id, 8),
    ]
    changes = activity_changes([socks, lift], scores, NOW.date(), NOW.date())
    assert [(c.first_score, c.last_score, c.change, c.matters) for c in changes] == [
        (7, 7, 0, False),
        (8, 8, 0, False),
    ]
    assert not any(c.scored_twice for c in changes)
    assert mean_change(changes) is None
    # Two weeks on, the change counts from the corrected score.
    scores.append(new_score(socks, 9, _at(14)))
    (first, _) = activity_changes([socks, lift], scores, NOW.date(), _at(14).date())
    assert (first.first_score, first.last_score, first.change) == (7, 9, 2)
    assert first.scored_twice


def test_a_change_needs_scores_on_two_days() -> None:
    same_day = dataclasses.replace(_change(1, 7, 0), last_at=NOW + timedelta(hours=3))
    assert not same_day.scored_twice
    assert mean_change([same_day]) is None
    assert _change(1, 7, 0).scored_twice


# -------------------------------------------------------------- scheduling


def test_nothing_is_due_without_active_activities() -> None:
    assert next_due([], []) is None
    socks = retired(new_activity("put on socks", NOW, []), _at(1))
    assert next_due([socks], []) is None


def test_an_activity_never_scored_is_due_from_the_day_it_was_named() -> None:
    socks = new_activity("put on socks", NOW, [])
    assert next_due([socks], []) == NOW.date()
    assert is_due(next_due([socks], []), NOW.date())


def test_next_score_is_due_14_days_after_the_last_round() -> None:
    socks = new_activity("put on socks", NOW, [])
    sit = new_activity("sit", NOW, [socks])
    scores = [new_score(socks, 3, _at(0)), new_score(sit, 4, _at(0.01))]
    due = next_due([socks, sit], scores)
    assert due == NOW.date() + timedelta(days=RESCORE_DAYS)
    assert not is_due(due, _at(13).date())
    assert is_due(due, _at(14).date())
    # A new activity named later, not scored yet, waits for the round ("score it now, or
    # the next time"): it did not make the round due at once.
    lift = new_activity("lift a child", _at(3), [socks, sit])
    assert next_due([socks, sit, lift], scores) == NOW.date() + timedelta(days=RESCORE_DAYS)


def test_an_unscored_new_activity_keeps_the_shown_and_the_chosen_day() -> None:
    """Adding an activity without scoring it made the next round due today, whatever day
    the dialog showed or the person chose."""
    socks = new_activity("put on socks", NOW, [])
    scores = [new_score(socks, 3, NOW)]
    lift = new_activity("lift a child", _at(14), [socks])
    assert next_due([socks, lift], scores) == NOW.date() + timedelta(days=RESCORE_DAYS)
    chosen = NOW.date() + timedelta(days=21)
    assert next_due([socks, lift], scores, chosen, _at(14)) == chosen
    # Nothing scored yet at all: the first round is due from the day the first was named,
    # unless a day was chosen.
    assert next_due([lift, socks], []) == NOW.date()
    assert next_due([socks, lift], [], chosen, _at(14)) == chosen


def test_a_chosen_day_wins_until_the_next_round_uses_it_up() -> None:
    socks = new_activity("put on socks", NOW, [])
    scores = [new_score(socks, 3, NOW)]
    chosen = NOW.date() + timedelta(days=28)
    assert next_due([socks], scores, chosen, _at(1)) == chosen
    sooner = NOW.date() + timedelta(days=5)
    assert next_due([socks], scores, sooner, _at(1)) == sooner
    # Scored again after choosing: the usual two weeks from that round.
    scores.append(new_score(socks, 5, _at(6)))
    assert next_due([socks], scores, sooner, _at(1)) == _at(6).date() + timedelta(days=14)


def test_last_round_ignores_retired_activities() -> None:
    socks = new_activity("put on socks", NOW, [])
    sit = new_activity("sit", NOW, [socks])
    scores = [new_score(socks, 3, NOW), new_score(sit, 3, _at(10))]
    assert act.last_round([socks, retired(sit, _at(11))], scores) == NOW


def test_demo_activities_are_scored_every_two_weeks_and_never_after_now() -> None:
    items, scores = act.demo_activities(120, 1, NOW, "nl")
    assert [a.name for a in items] == [
        "Sokken aantrekken",
        "Een vergadering uitzitten",
        "Mijn kind optillen",
    ]
    assert all(a.active for a in items)
    rounds = sorted({s.at for s in scores})
    assert len(rounds) == 9  # days 0, 14, ..., 112
    assert all(b - a == timedelta(days=RESCORE_DAYS) for a, b in itertools.pairwise(rounds))
    assert all(s.at <= NOW and 0 <= s.score <= 10 for s in scores)
    assert act.demo_activities(120, 1, NOW, "nl") == (items, scores)  # the same seed, the same
    changes = activity_changes(items, scores, rounds[0].date(), NOW.date())
    assert changes[0].change > changes[2].change  # one gets easier faster than another
