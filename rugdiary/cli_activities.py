"""`rugdiary activities [add | score | rename | retire]`: my activities (PSFS / PSK)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any


def add_activity_commands(sub: Any, parser_class: Any) -> None:
    """`rugdiary activities` lists them; its sub-commands add, score, rename and retire."""
    activities = sub.add_parser(
        "activities",
        help="my activities: everyday things your back makes hard, scored 0-10 (PSFS / PSK)",
    )
    activities.add_argument("--json", action="store_true", help="machine-readable output")
    activities.set_defaults(handler=cmd_list)
    actions = activities.add_subparsers(
        title="actions", metavar="ACTION", parser_class=parser_class
    )

    add = actions.add_parser("add", help="name a new activity (at most 5 at a time); prints its id")
    add.add_argument("name", metavar="NAME", help="e.g. 'put on socks'")
    add.set_defaults(handler=cmd_add)

    score = actions.add_parser(
        "score", help="score an activity: 0 (cannot do it) to 10 (as before the pain)"
    )
    score.add_argument("id", metavar="ID", help="the activity's id (or its first characters)")
    score.add_argument("score", metavar="N", help="0-10")
    score.add_argument("--at", help="when, ISO 8601 (default: now), e.g. 2026-03-14T08:30")
    score.set_defaults(handler=cmd_score)

    rename = actions.add_parser("rename", help="give an activity a new name; its scores stay")
    rename.add_argument("id", metavar="ID")
    rename.add_argument("name", metavar="NAME")
    rename.set_defaults(handler=cmd_rename)

    retire = actions.add_parser(
        "retire", help="stop asking about an activity; its scores stay in the history"
    )
    retire.add_argument("id", metavar="ID")
    retire.set_defaults(handler=cmd_retire)


def _bad(exc: Exception) -> Exception:
    from rugdiary import cli

    return cli.BadInputError(str(exc))


def _find(db: Any, key: str) -> Any:
    from rugdiary import cli
    from rugdiary.core.activities import find_activity
    from rugdiary.storage.repositories import ActivityRepository

    found = find_activity(ActivityRepository(db).list(), key.strip())
    if found is None:
        raise cli.BadInputError(
            f"ID: there is no activity {key!r} (or more than one starts so); "
            "`rugdiary activities` lists them"
        )
    return found


def cmd_list(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.core.activities import day_scores, next_due
    from rugdiary.storage.repositories import (
        ActivityRepository,
        ActivityScoreRepository,
        SettingsRepository,
        stored_next_score,
    )

    with cli._open(args, read_only=True) as db:
        items, invalid = ActivityRepository(db).list_checked()
        scores, invalid_scores = ActivityScoreRepository(db).list_checked()
        chosen, chosen_at = stored_next_score(SettingsRepository(db))
    cli._warn_invalid([*invalid, *invalid_scores])
    due = next_due(items, scores, chosen, chosen_at)
    by_activity: dict[str, list[Any]] = {}
    # A day scored twice shows its latest score: the second one corrected the first.
    for item in day_scores(scores):
        by_activity.setdefault(item.activity_id, []).append(item)
    if args.json:
        listed = [
            {
                **a.to_dict(),
                "retired_at": None if a.retired_at is None else a.retired_at.isoformat(),
                "active": a.active,
                "scores": [
                    {"at": s.at.isoformat(), "score": s.score} for s in by_activity.get(a.id, [])
                ],
            }
            for a in items
        ]
        payload = {"activities": listed, "next_score_due": due.isoformat() if due else None}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return cli.EXIT_OK
    if not items:
        print("No activities yet. Name one: rugdiary activities add 'put on socks'")
        return cli.EXIT_OK
    for a in items:
        done = by_activity.get(a.id, [])
        last = f"last score {done[-1].score} on {done[-1].at:%Y-%m-%d}" if done else "not scored"
        state = "" if a.active else f"  (retired {a.retired_at:%Y-%m-%d})"
        print(f"{a.id[:8]}  {cli._printable(a.name)}: {last}{state}")
    if due is not None:
        print(f"Next score due: {due.isoformat()}")
    return cli.EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.core.activities import new_activity
    from rugdiary.core.clock import SystemClock
    from rugdiary.core.diary import ValidationError
    from rugdiary.storage.repositories import ActivityRepository

    with cli._open(args) as db:
        repo = ActivityRepository(db)
        try:
            activity = repo.add(new_activity(args.name, SystemClock().now(), repo.list()))
        except ValidationError as exc:
            raise _bad(exc) from None
    print(activity.id)
    return cli.EXIT_OK


def cmd_score(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.core.activities import new_score
    from rugdiary.core.diary import ValidationError
    from rugdiary.storage.repositories import ActivityScoreRepository

    value = cli._score(args.score, "score")
    at = cli.moment(args.at, "at")
    with cli._open(args) as db:
        activity = _find(db, args.id)
        try:
            score = new_score(activity, value, at)
        except ValidationError as exc:
            raise _bad(exc) from None
        repo = ActivityScoreRepository(db)
        same_day = [s for s in repo.list(score.day, score.day) if s.activity_id == activity.id]
        # Stored in place of the day's score: a second one the same day corrects the first.
        repo.add(score)
    line = f"{cli._printable(activity.name)}: {score.score} on {score.at:%Y-%m-%d %H:%M}"
    if same_day:
        # The one that counted until now (core.activities.day_scores: the day's latest).
        replaced = same_day[-1]
        line += f" (replaces the {replaced.score} given at {replaced.at:%H:%M} that day)"
    print(line)
    if args.at:
        cli._say_if_moved(args.at, score.at, "the score")
    return cli.EXIT_OK


def cmd_rename(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.core.activities import renamed
    from rugdiary.core.diary import ValidationError
    from rugdiary.storage.repositories import ActivityRepository

    with cli._open(args) as db:
        activity = _find(db, args.id)
        repo = ActivityRepository(db)
        try:
            changed = repo.update(renamed(activity, args.name, repo.list()))
        except ValidationError as exc:
            raise _bad(exc) from None
    print(f"{activity.id[:8]}  {cli._printable(changed.name)}")
    return cli.EXIT_OK


def cmd_retire(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.core.activities import retired
    from rugdiary.core.clock import SystemClock
    from rugdiary.storage.repositories import ActivityRepository

    with cli._open(args) as db:
        activity = _find(db, args.id)
        if not activity.active:
            raise cli.BadInputError(f"ID: {activity.name!r} was retired already")
        ActivityRepository(db).update(retired(activity, SystemClock().now()))
    print(f"Retired {cli._printable(activity.name)}; its scores stay in the history.")
    return cli.EXIT_OK


def report_activity_changes(args: argparse.Namespace, start: date, end: date) -> list[Any]:
    """The period's ActivityChange per activity, for `build_report_pdf(activity_changes=...)`."""
    from rugdiary import cli
    from rugdiary.core.activities import activity_changes
    from rugdiary.storage.repositories import ActivityRepository, ActivityScoreRepository

    with cli._open(args, read_only=True) as db:
        items = ActivityRepository(db).list()
        scores = ActivityScoreRepository(db).list(start, end)
    return list(activity_changes(items, scores, start, end))


def add_demo_activities(db: Any, days: int, seed: int, now: Any, lang: str) -> None:
    """`rugdiary demo`: three sample activities scored every two weeks, in one write."""
    from rugdiary.core.activities import demo_activities
    from rugdiary.storage.repositories import ActivityRepository

    items, scores = demo_activities(days, seed, now, lang)
    ActivityRepository(db).save_round(items, scores)


def summary_activities(args: argparse.Namespace, start: date, end: date) -> dict[str, Any]:
    """`summary --json`'s "activities" (per activity, first and last score in the period)
    and "activities_mean" (the mean over the activities scored twice, or null)."""
    from rugdiary import cli
    from rugdiary.core.activities import activity_changes, mean_change
    from rugdiary.storage.repositories import ActivityRepository, ActivityScoreRepository

    with cli._open(args, read_only=True) as db:
        items = ActivityRepository(db).list()
        scores = ActivityScoreRepository(db).list(start, end)
    retired = {a.id for a in items if not a.active}
    changes = activity_changes(items, scores, start, end)
    mean = mean_change(changes)
    return {
        "activities": [
            {
                "id": c.activity_id,
                "name": c.name,
                "first_score": c.first_score,
                "first_at": c.first_at.isoformat(),
                "last_score": c.last_score,
                "last_at": c.last_at.isoformat(),
                "change": c.change,
                "matters": c.matters,
                "retired": c.activity_id in retired,
            }
            for c in changes
        ],
        "activities_mean": None
        if mean is None
        else {
            "first": round(mean.first_mean, 2),
            "last": round(mean.last_mean, 2),
            "change": round(mean.change, 2),
            "matters": mean.matters,
        },
    }
