"""My activities as a chart and as a table in words (EN/NL), in every theme."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from matplotlib.colors import to_hex

from rugdiary.core.activities import new_activity, new_score, retired
from rugdiary.reports.activity_charts import (
    activities_table,
    build_activities_figure,
    change_lines,
    change_words,
)
from rugdiary.reports.chart_theme import THEMES, ChartStyle
from rugdiary.reports.charts import figure_to_png_bytes

NOW = datetime(2026, 3, 2, 9, 0).astimezone()
START, END = date(2026, 3, 1), date(2026, 4, 30)


def _diary() -> tuple[list, list]:  # type: ignore[type-arg]
    socks = new_activity("put on socks", NOW, [])
    sit = new_activity("sit through a meeting", NOW, [socks])
    lift = new_activity("lift a child", NOW, [socks, sit])
    scores = []
    for days, values in ((0, (2, 6, 3)), (14, (4, 5, 3)), (28, (6, 4, 3))):
        for activity, value in zip((socks, sit, lift), values, strict=True):
            scores.append(new_score(activity, value, NOW + timedelta(days=days)))
    return [socks, sit, retired(lift, NOW + timedelta(days=30))], scores


def test_change_words_say_direction_and_whether_it_matters() -> None:
    assert change_words(4, True, "en") == (
        "You can do this much more easily than at the start: a change that matters."
    )
    assert change_words(-3, True, "en").startswith("This has become much harder")
    assert change_words(2, False, "en").startswith("A little easier")
    assert change_words(-1, False, "en").startswith("A little harder")
    assert change_words(0, False, "en") == "The same as at the start."
    assert change_words(2.0, True, "en", mean=True).startswith("Much easier on the whole")
    assert change_words(4, True, "nl").endswith("een verandering die telt.")


def test_lines_give_first_and_last_score_with_dates_and_the_mean() -> None:
    activities, scores = _diary()
    lines = change_lines(activities, scores, START, END, "en")
    assert lines[0] == (
        "put on socks: 2 on 2 Mar 2026, 6 on 30 Mar 2026. You can do this much more easily "
        "than at the start: a change that matters."
    )
    assert lines[1].startswith("sit through a meeting: 6 on 2 Mar 2026, 4 on 30 Mar 2026. A little")
    assert lines[2].endswith("The same as at the start.")
    # Mean (6 + 4 + 3) / 3 against (2 + 6 + 3) / 3: 2/3 of a point, below the 2 that matter.
    assert lines[3] == (
        "Mean over the activities: 3.7 at first, 4.3 now. "
        "A little easier than at the start, within the usual ups and downs."
    )
    assert "3 points for one activity and 2 points for the mean" in lines[4]
    dutch = change_lines(activities, scores, START, END, "nl")
    # Never "2 op 2 mrt": a score "op" a number reads as "2 out of 2" in Dutch.
    assert dutch[0].startswith(
        "put on socks: eerst 2 (2 mrt 2026), laatst 6 (30 mrt 2026). Dit gaat veel"
    )
    assert not any(re.search(r"\d op \d", line) for line in dutch)
    one = change_lines(activities, scores, START, START + timedelta(days=3), "nl")
    assert one[0] == "put on socks: 2 (2 mrt 2026); nog niet opnieuw gescoord."
    assert dutch[3].startswith("Gemiddelde over de activiteiten: eerst 3,7, nu 4,3.")


def test_one_score_only_says_so() -> None:
    activities, scores = _diary()
    lines = change_lines(activities, scores, START, START + timedelta(days=3), "en")
    assert lines[0] == "put on socks: 2 on 2 Mar 2026; not scored again yet."
    assert not any(line.startswith("Mean") for line in lines)
    assert change_lines(activities, [], START, END, "en") == []


def test_table_has_every_score_of_the_period() -> None:
    activities, scores = _diary()
    table = activities_table(activities, scores, START, START + timedelta(days=20), "en")
    assert table.columns == ("Date", "Activity", "Score")
    assert len(table.rows) == 6
    assert table.rows[0] == ("2026-03-02", "put on socks", "2")
    assert table.summary.startswith("put on socks: 2 on 2 Mar 2026, 4 on 16 Mar 2026.")
    empty = activities_table(activities, [], START, END, "nl")
    assert empty.rows == ()
    assert empty.summary == "Er is geen activiteit gescoord in deze periode."


@pytest.mark.parametrize("theme", THEMES)
def test_figure_draws_a_line_per_activity_in_every_theme(theme: str) -> None:
    activities, scores = _diary()
    style = ChartStyle(theme=theme, lang="nl")  # type: ignore[arg-type]
    fig = build_activities_figure(activities, scores, START, END, style)
    ax = fig.axes[0]
    lines = [line for line in ax.lines if str(line.get_gid()).startswith("activity-")]
    assert len(lines) == 3
    assert [list(line.get_ydata()) for line in lines] == [[2, 4, 6], [6, 5, 4], [3, 3, 3]]
    # Each line differs in marker and dash as well as colour.
    assert len({line.get_marker() for line in lines}) == 3
    assert len({line.get_linestyle() for line in lines}) == 3
    # In colours of their own: on the Insights page blue is stress and orange is pain.
    pal = style.palette
    series = {to_hex(c) for c in (pal.pain, pal.stress, pal.sessions, pal.flare)}
    drawn = [to_hex(line.get_color()) for line in lines]
    assert len(set(drawn)) == 3
    assert not series & set(drawn)
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [
        "put on socks",
        "sit through a meeting",
        "lift a child (niet meer gevraagd)",
    ]
    assert ax.get_ylabel() == "Hoe goed het lukt (0–10)"
    assert figure_to_png_bytes(fig).startswith(b"\x89PNG")


def test_figure_without_scores_says_so() -> None:
    activities, _ = _diary()
    fig = build_activities_figure(activities, [], START, END, ChartStyle())
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["No activity was scored in this period"]
