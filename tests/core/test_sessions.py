"""Session records, the pain-response colour and the level-up/level-down rule."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Level
from rugdiary.core.sessions import (
    LEVEL_MEMORY_DAYS,
    LevelChange,
    PainResponse,
    Session,
    StopReason,
    level_to_play,
    pain_response,
    session_response,
    suggest_level,
)

NOW = datetime(2026, 3, 30, 18, 0, tzinfo=timezone(timedelta(hours=2)))


def make(days_ago: float = 0, **changes: Any) -> Session:
    started = NOW - timedelta(days=days_ago, minutes=20)
    values: dict[str, Any] = {
        "program_id": "core-stability-beginner",
        "program_name": "Core stability for beginners",
        "level": Level.BEGINNER,
        "started_at": started,
        "ended_at": started + timedelta(minutes=16),
        "planned_s": 972,
        "done_s": 972,
        "steps_done": 120,
        "steps_skipped": 0,
        "completed": True,
        "pain_before": 3,
        "pain_after": 3,
        "effort": 5,
    }
    values.update(changes)
    return Session(**values)


# ---------------------------------------------------------------- the record


def test_session_round_trips_through_its_dict_form() -> None:
    session = make(stopped_reason=StopReason.PAIN, completed=False, effort=None)
    data = session.to_dict()
    assert data["started_at"] == session.started_at.isoformat()
    assert data["stopped_reason"] == "pain"
    assert data["level"] == "beginner"
    assert data["effort"] is None
    assert Session.from_dict(data) == session
    assert len(session.id) == 36


def test_the_dict_form_has_exactly_the_design_fields() -> None:
    assert set(make().to_dict()) == {
        "id",
        "program_id",
        "program_name",
        "level",
        "started_at",
        "ended_at",
        "planned_s",
        "done_s",
        "steps_done",
        "steps_skipped",
        "completed",
        "stopped_reason",
        "pain_before",
        "pain_after",
        "effort",
    }


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"pain_before": 11}, "pain_before"),
        ({"pain_after": -1}, "pain_after"),
        ({"effort": 7.5}, "effort"),
        ({"done_s": -1}, "done_s"),
        ({"planned_s": True}, "planned_s"),
        ({"steps_skipped": "2"}, "steps_skipped"),
        ({"ended_at": NOW - timedelta(days=1)}, "ended_at"),
        ({"started_at": datetime(2026, 3, 30, 9, 0)}, "started_at"),
        ({"completed": True, "stopped_reason": StopReason.TIME}, "stopped_reason"),
        ({"program_name": " "}, "program_name"),
        ({"program_id": "Not A Slug"}, "program_id"),
        ({"level": "beginner"}, "level"),
        ({"completed": 1}, "completed"),
    ],
)
def test_an_invalid_session_names_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make(**changes)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"stopped_reason": "bored"}, "stopped_reason"),
        ({"level": "expert"}, "level"),
        ({"started_at": "yesterday"}, "started_at"),
        ({"mood": 3}, "mood"),
        ({"done_s": None}, "done_s"),
    ],
)
def test_from_dict_names_the_field(changes: dict[str, Any], field: str) -> None:
    data = make(completed=False).to_dict()
    data.update(changes)
    with pytest.raises(ValidationError) as caught:
        Session.from_dict(data)
    assert caught.value.field == field


def test_replace_validates() -> None:
    session = make(pain_after=None)
    assert session.replace(pain_after=4).pain_after == 4
    with pytest.raises(ValidationError):
        session.replace(pain_after=12)


# ---------------------------------------------------------------- pain response


@pytest.mark.parametrize(
    ("pain", "colour"),
    [
        (0, PainResponse.GREEN),
        (3, PainResponse.GREEN),
        (4, PainResponse.YELLOW),
        (5, PainResponse.YELLOW),
        (6, PainResponse.RED),
        (10, PainResponse.RED),
    ],
)
def test_pain_response_bands(pain: int, colour: PainResponse) -> None:
    assert pain_response(pain) is colour


def test_worse_the_next_day_is_red() -> None:
    assert pain_response(4, usual_pain=3, next_day_pain=3) is PainResponse.YELLOW
    assert pain_response(4, usual_pain=3, next_day_pain=4) is PainResponse.RED
    assert pain_response(2, usual_pain=2, next_day_pain=3) is PainResponse.RED
    # Without a usual level there is nothing to compare the next day with.
    assert pain_response(4, next_day_pain=9) is PainResponse.YELLOW


@pytest.mark.parametrize("bad", [-1, 11, 4.5, True])
def test_pain_response_rejects_values_off_the_scale(bad: Any) -> None:
    with pytest.raises(ValidationError):
        pain_response(bad)


def test_session_response_uses_pain_before_as_the_usual_level() -> None:
    assert session_response(make(pain_before=2, pain_after=5)) is PainResponse.YELLOW
    assert session_response(make(pain_before=2, pain_after=5), 3) is PainResponse.RED
    assert session_response(make(pain_after=None)) is None


# ---------------------------------------------------------------- progression


def suggest(sessions: list[Session], **kwargs: Any) -> Any:
    params: dict[str, Any] = {
        "program_id": "core-stability-beginner",
        "level": Level.BEGINNER,
        "sessions_per_week": 3,
        "now": NOW,
    }
    params.update(kwargs)
    return suggest_level(sessions, **params)


def two_good_weeks(**changes: Any) -> list[Session]:
    """Three sessions a week for two weeks and a bit, all green and easy."""
    return [make(days_ago=d, **changes) for d in (15, 13, 11, 9, 6, 4, 2)]


def test_level_up_when_every_rule_holds() -> None:
    result = suggest(two_good_weeks())
    assert result.change is LevelChange.UP
    assert result.level is Level.INTERMEDIATE


def test_no_level_up_before_two_weeks_at_the_level() -> None:
    sessions = [make(days_ago=d) for d in (13, 11, 9, 6, 4, 2)]
    result = suggest(sessions)
    assert result.change is LevelChange.STAY
    assert result.reasons == ("weeks_at_level",)


def test_two_weeks_are_counted_from_the_last_level_change() -> None:
    sessions = [make(days_ago=20, level=Level.INTERMEDIATE), *two_good_weeks()]
    assert suggest(sessions).change is LevelChange.UP
    sessions.append(make(days_ago=1, level=Level.INTERMEDIATE))
    assert "weeks_at_level" in suggest(sessions).reasons


def test_adherence_edge_at_eighty_percent() -> None:
    # 3/week over two weeks = 6 planned; 80% = 4.8, so 5 completed sessions are enough...
    enough = [make(days_ago=d) for d in (15, 12, 9, 6, 3, 1)]
    assert suggest(enough).change is LevelChange.UP
    # ...but 4 are not (a session stopped for time does not count as done).
    short = [*enough[:4], make(days_ago=4, completed=False, stopped_reason=StopReason.TIME)]
    short += [make(days_ago=2)]
    assert sum(s.completed and s.started_at > NOW - timedelta(days=14) for s in short) == 4
    assert suggest(short).reasons == ("adherence",)


@pytest.mark.parametrize(("effort", "up"), [(6, True), (7, False), (None, False)])
def test_effort_must_be_six_or_less(effort: int | None, up: bool) -> None:
    sessions = two_good_weeks()
    sessions[-1] = sessions[-1].replace(effort=effort)
    result = suggest(sessions)
    assert (result.change is LevelChange.UP) is up
    if not up:
        assert result.reasons == ("effort",)


def test_yellow_allows_level_up_but_one_red_does_not() -> None:
    sessions = two_good_weeks(pain_before=3, pain_after=5)
    assert suggest(sessions).change is LevelChange.UP
    red = two_good_weeks()
    red[-2] = red[-2].replace(pain_after=6)
    assert suggest(red).reasons == ("pain_response",)


def test_a_red_next_day_blocks_level_up() -> None:
    sessions = two_good_weeks()
    assert suggest(sessions, next_day_pain={sessions[-1].id: 5}).reasons == ("pain_response",)


def test_a_session_stopped_for_pain_blocks_level_up() -> None:
    sessions = two_good_weeks()
    sessions.append(make(days_ago=1, completed=False, stopped_reason=StopReason.PAIN))
    assert suggest(sessions).reasons == ("pain_response",)


def test_other_programmes_do_not_count() -> None:
    sessions = [make(days_ago=d, program_id="strength") for d in (15, 13, 11, 9, 6, 4, 2)]
    assert suggest(sessions).change is LevelChange.STAY


def test_no_level_up_from_the_top() -> None:
    sessions = two_good_weeks(level=Level.ADVANCED)
    result = suggest(sessions, level=Level.ADVANCED)
    assert (result.change, result.reasons) == (LevelChange.STAY, ("top_level",))


def test_two_reds_in_one_week_suggest_a_level_down() -> None:
    sessions = two_good_weeks(level=Level.INTERMEDIATE)
    sessions[-1] = sessions[-1].replace(pain_after=7)
    sessions[-2] = sessions[-2].replace(pain_after=8)
    result = suggest(sessions, level=Level.INTERMEDIATE)
    assert result.change is LevelChange.DOWN
    assert result.level is Level.BEGINNER
    assert result.reasons == (f"red:{sessions[-2].id}", f"red:{sessions[-1].id}")


def test_two_reds_more_than_a_week_apart_do_not() -> None:
    sessions = two_good_weeks(level=Level.INTERMEDIATE)
    sessions[2] = sessions[2].replace(pain_after=7)  # 11 days ago
    sessions[-1] = sessions[-1].replace(pain_after=7)
    result = suggest(sessions, level=Level.INTERMEDIATE)
    assert result.change is LevelChange.STAY


def test_a_red_next_day_counts_towards_a_level_down() -> None:
    sessions = two_good_weeks(level=Level.ADVANCED)
    sessions[-1] = sessions[-1].replace(pain_after=6)
    next_day = {sessions[-2].id: 6}  # pain_before is 3, so worse the next day
    result = suggest(sessions, level=Level.ADVANCED, next_day_pain=next_day)
    assert (result.change, result.level) == (LevelChange.DOWN, Level.INTERMEDIATE)


def test_no_level_down_below_beginner() -> None:
    sessions = [make(days_ago=d, pain_after=8) for d in (3, 2, 1)]
    assert suggest(sessions).change is LevelChange.STAY


def test_future_sessions_are_ignored() -> None:
    sessions = two_good_weeks()
    assert suggest(sessions, now=NOW - timedelta(days=3)).change is LevelChange.STAY


def test_named_as_now_asks_once_per_program_and_keeps_names_of_deleted_ones() -> None:
    from rugdiary.core.sessions import named_as_now

    first = make(program_id="morning-mobility", program_name="Ochtendmobiliteit")
    sessions = [first, first.replace(id="b"), first.replace(id="c", program_id="gone")]
    asked: list[str] = []

    def name_of(program_id: str) -> str | None:
        asked.append(program_id)
        return "Morning mobility" if program_id == "morning-mobility" else None

    named = named_as_now(sessions, name_of)
    assert [s.program_name for s in named] == [
        "Morning mobility",
        "Morning mobility",
        "Ochtendmobiliteit",
    ]
    assert [s.id for s in named] == [s.id for s in sessions]
    assert asked == ["morning-mobility", "gone"], "once per program"


def test_a_program_plays_at_the_level_last_played() -> None:
    """Today, a reminder and Programs all start here, so all three show one length."""
    pid = "core-stability-beginner"
    newest = make(1, level=Level.INTERMEDIATE)
    older = make(5, level=Level.ADVANCED)
    other = make(0, program_id="desk-break", level=Level.BEGINNER)
    assert level_to_play(pid, Level.BEGINNER, [older, other, newest], NOW) is Level.INTERMEDIATE
    assert level_to_play(pid, Level.BEGINNER, [other], NOW) is Level.BEGINNER
    assert level_to_play(pid, Level.BEGINNER, [], NOW) is Level.BEGINNER


def test_after_a_long_break_a_program_starts_at_its_own_level_again() -> None:
    pid = "core-stability-beginner"
    long_ago = make(LEVEL_MEMORY_DAYS + 1, level=Level.ADVANCED)
    assert level_to_play(pid, Level.BEGINNER, [long_ago], NOW) is Level.BEGINNER
    recent = make(LEVEL_MEMORY_DAYS - 1, level=Level.ADVANCED)
    assert level_to_play(pid, Level.BEGINNER, [long_ago, recent], NOW) is Level.ADVANCED
