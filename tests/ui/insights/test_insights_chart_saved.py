"""A saved chart says where it went, like an export; a failed one says why in plain words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rugdiary.ui import dialogs
from rugdiary.ui.insights.page import InsightsPage

MakePage = Callable[..., InsightsPage]


def test_a_saved_chart_says_where_it_went(
    fill, make_page: MakePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(30)
    page = make_page()
    said: list[str] = []
    page.controller.notice.connect(lambda text, _undo: said.append(text))
    target = tmp_path / "chart.png"
    monkeypatch.setattr(dialogs, "choose_chart_file", lambda _p, _s: target)
    page.view.cards["timeline"].save_button.click()
    assert target.is_file()
    assert said == [f"Chart saved to {target}"]


def test_a_chart_that_cannot_be_written_gives_the_systems_reason_only(
    fill, make_page: MakePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(30)
    page = make_page()
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "choose_chart_file", lambda _p, _s: tmp_path / "no" / "c.png")
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _title, text: errors.append(text))
    assert page.controller.save_chart("timeline") is None
    (text,) = errors
    assert text.endswith("What happened: No such file or directory")
    assert "[Errno" not in text


def test_a_chart_is_offered_where_exports_go(
    fill, make_page: MakePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rugdiary.ui.save_folder import save_folder

    fill(30)
    page = make_page()
    offered: list[Path] = []
    monkeypatch.setattr(
        dialogs, "choose_chart_file", lambda _p, suggested: offered.append(suggested)
    )
    page.controller.save_chart("timeline")
    assert [p.parent for p in offered] == [save_folder()]
