"""The flare-up plan: removing one noted by mistake (now, after a restart, once settled), saves
that fail, and the state changed behind the plan, in the app's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.storage.errors import StorageWriteError
from rugdiary.storage.repositories import EntryNotFoundError, FlareRepository
from rugdiary.ui import dialogs
from rugdiary.ui.flare.controller import FlarePlanController
from rugdiary.ui.flare.plan_view import FlarePlanDialog
from tests.ui.test_reasons import dutch  # noqa: F401  (a fixture)


def _plan(qtbot: QtBot, db: Database, clock: FakeClock) -> FlarePlanController:
    """A plan as the window makes it; a second call is the plan after a restart."""
    view = FlarePlanDialog([], "en")
    qtbot.addWidget(view)
    return FlarePlanController(view, FlareRepository(db), clock, view)


def _translate(text: str) -> str:
    return QCoreApplication.translate("FlarePlanController", text)


class Asked:
    """Stands in for dialogs.ask_remove_flare: records each question and gives `answer`."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, parent: object, question: str) -> bool:
        self.questions.append(question)
        return self.answer


@pytest.fixture
def ask(monkeypatch: pytest.MonkeyPatch) -> Callable[[bool], Asked]:
    def install(answer: bool) -> Asked:
        asked = Asked(answer)
        monkeypatch.setattr(dialogs, "ask_remove_flare", asked)
        # The plan asks through dialogs' own question, not the private one beneath it.
        monkeypatch.setattr(dialogs, "_ask", _not_asked_here)
        return asked

    return install


def _not_asked_here(*_args: object, **_kwargs: object) -> bool:
    raise AssertionError("the plan asks with dialogs.ask_remove_flare")


def test_the_question_keeps_the_flare_up_on_escape_and_enter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """dialogs.ask_remove_flare: its words, and keeping it as the safe default."""
    asked: list[dict[str, Any]] = []

    def record(parent: object, **texts: Any) -> bool:
        asked.append(texts)
        return False

    monkeypatch.setattr(dialogs, "_ask", record)
    assert not dialogs.ask_remove_flare(None, "Remove the flare-up of 3/2/26?")
    (texts,) = asked
    assert texts["title"] == "Remove this flare-up?"
    assert texts["text"] == "Remove the flare-up of 3/2/26?"
    assert texts["detail"].startswith("Only if it was noted by mistake")
    assert texts["go"] == ("Remove it", "destructive")
    assert texts["stay"] == "Keep it"
    assert texts.get("default_go", False) is False


def _fail_writes(monkeypatch: pytest.MonkeyPatch, db: Database, name: str) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise StorageWriteError(db.path, "the disk is full")

    monkeypatch.setattr(FlareRepository, name, fail)


def test_a_removal_that_cannot_be_written_says_so_and_keeps_the_button(
    qtbot: QtBot, db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Not a flare-up? Remove this note" said "Flare-up note removed" when the delete
    failed, and the flare-up stayed stored with no way left to remove it."""
    plan = _plan(qtbot, db, clock)
    notices: list[str] = []
    plan.notice.connect(notices.append)
    plan.open_plan()
    view = plan.view
    assert view.remove_button.isVisible()
    _fail_writes(monkeypatch, db, "delete")
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert notices == ["Flare-up noted"]
    assert view.message_label.isVisible()
    assert view.message_label.text() == (
        "Not saved: the disk is full. Please try again in a moment."
    )
    assert view.remove_button.isVisible()
    assert FlareRepository(db).open() is not None
    monkeypatch.undo()
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert notices[-1] == "Flare-up note removed"
    assert FlareRepository(db).list() == []
    assert not view.message_label.isVisible()


def test_one_gone_already_is_not_an_error(
    qtbot: QtBot, db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Removed elsewhere between reading and deleting: what was asked is done."""
    plan = _plan(qtbot, db, clock)
    notices: list[str] = []
    plan.notice.connect(notices.append)
    plan.open_plan()
    real_delete = FlareRepository.delete

    def gone(repo: FlareRepository, record_id: str) -> None:
        real_delete(repo, record_id)
        raise EntryNotFoundError(record_id)

    monkeypatch.setattr(FlareRepository, "delete", gone)
    qtbot.mouseClick(plan.view.remove_button, Qt.MouseButton.LeftButton)
    assert notices[-1] == "Flare-up note removed"
    assert not plan.view.message_label.isVisible()
    assert plan.view.start_button.isVisible()


def test_after_a_restart_the_running_flare_up_is_removed_after_asking(
    qtbot: QtBot, db: Database, clock: FakeClock, ask: Callable[[bool], Asked]
) -> None:
    """Pressed by mistake, then the app was closed: nothing could remove it any more."""
    _plan(qtbot, db, clock).open_plan()
    clock.advance(20 * 3600)
    plan = _plan(qtbot, db, clock)  # started again the next morning
    changed: list[bool] = []
    plan.flareChanged.connect(lambda: changed.append(True))
    plan.open_plan()
    view = plan.view
    assert view.remove_button.isVisible()
    kept = ask(False)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    (question,) = kept.questions
    assert question.startswith("Remove the flare-up noted since yesterday at")
    assert FlareRepository(db).open() is not None  # nothing removed without asking
    assert changed == []
    ask(True)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert FlareRepository(db).list() == []
    assert changed == [True]
    assert view.start_button.isVisible()
    assert not view.remove_button.isVisible()


def test_a_settled_flare_up_is_removed_after_asking(
    qtbot: QtBot, db: Database, clock: FakeClock, ask: Callable[[bool], Asked]
) -> None:
    """Once "It has settled" was pressed, a flare-up noted by mistake could not be removed."""
    plan = _plan(qtbot, db, clock)
    plan.open_plan()
    view = plan.view
    assert not view.remove_last_button.isVisible()  # the running one has its own button
    clock.advance(26 * 3600)
    qtbot.mouseClick(view.settled_button, Qt.MouseButton.LeftButton)
    assert view.remove_last_button.isVisible()
    assert view.remove_last_button.text() == "Noted by mistake? Remove the last flare-up"
    which = view.remove_last_button.accessibleDescription()
    assert which.startswith("The flare-up of ")
    assert " to " in which  # two days: from the first to the last
    assert view.remove_last_button.toolTip() == which
    kept = ask(False)
    qtbot.mouseClick(view.remove_last_button, Qt.MouseButton.LeftButton)
    (question,) = kept.questions
    assert question.startswith("Remove the flare-up of ")
    assert len(FlareRepository(db).list()) == 1
    ask(True)
    qtbot.mouseClick(view.remove_last_button, Qt.MouseButton.LeftButton)
    assert FlareRepository(db).list() == []
    assert not view.remove_last_button.isVisible()
    # After a restart too.
    FlareRepository(db).start(clock.now() - timedelta(days=3))
    FlareRepository(db).end(clock.now() - timedelta(days=1))
    later = _plan(qtbot, db, clock)
    later.open_plan(settle=True)
    assert later.view.remove_last_button.isVisible()


@pytest.mark.usefixtures("dutch")
def test_changes_behind_the_plan_are_said_in_the_app_s_language(
    qtbot: QtBot, db: Database, clock: FakeClock
) -> None:
    """Started or ended elsewhere (the tray, the command line), the plan's buttons showed
    the core's English messages, "start: a flare-up is already running since …"."""
    repo = FlareRepository(db)
    plan = _plan(qtbot, db, clock)
    plan.open_plan()
    clock.advance(3600)
    view = plan.view
    qtbot.mouseClick(view.settled_button, Qt.MouseButton.LeftButton)
    clock.advance(600)
    repo.start(clock.now())  # elsewhere: the open plan still offers "Note it started now"
    clock.advance(60)
    assert view.start_button.isVisible()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    message = view.message_label.text()
    assert "start:" not in message
    assert "end it first" not in message
    assert message.startswith(
        _translate("A flare-up was noted already, %1. The plan shows it now.").split("%1")[0]
    )
    assert "sinds vandaag om" in message  # the time in words, in Dutch
    # The plan shows what is stored now.
    assert not view.start_button.isVisible()
    assert view.settled_button.isEnabled()
    assert view.status_label.text().startswith("Genoteerd: een opvlamming")

    repo.end(clock.now())  # ended elsewhere: the plan still offers "It has settled"
    clock.advance(60)
    qtbot.mouseClick(view.settled_button, Qt.MouseButton.LeftButton)
    message = view.message_label.text()
    assert "end:" not in message
    assert "start one first" not in message
    assert message == _translate(
        "No flare-up is running now: it was noted as settled or removed elsewhere. "
        "The plan shows what is noted now."
    )
    assert view.start_button.isVisible()
    assert not view.settled_button.isEnabled()


@pytest.mark.usefixtures("dutch")
def test_a_failed_save_gives_its_reason_in_dutch(
    qtbot: QtBot, db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The storage's reason ("the disk is full") stayed English in the Dutch plan."""
    _fail_writes(monkeypatch, db, "start")
    plan = _plan(qtbot, db, clock)
    plan.open_plan()
    message = plan.view.message_label.text()
    assert message == "Niet opgeslagen: de schijf is vol. Probeer het zo nog eens."


def test_a_press_days_ago_in_the_same_run_is_removed_only_after_asking(
    qtbot: QtBot, db: Database, clock: FakeClock, ask: Callable[[bool], Asked]
) -> None:
    """ "One press undoes one press" holds for a moment, not for a flare-up that has been
    running for days while the app stayed open."""
    plan = _plan(qtbot, db, clock)
    plan.open_plan()
    clock.advance(3 * 24 * 3600)
    kept = ask(False)
    qtbot.mouseClick(plan.view.remove_button, Qt.MouseButton.LeftButton)
    assert len(kept.questions) == 1
    assert FlareRepository(db).open() is not None


def test_a_press_a_moment_ago_is_taken_back_at_once(
    qtbot: QtBot, db: Database, clock: FakeClock, ask: Callable[[bool], Asked]
) -> None:
    plan = _plan(qtbot, db, clock)
    plan.open_plan()
    clock.advance(60)
    asked = ask(False)
    qtbot.mouseClick(plan.view.remove_button, Qt.MouseButton.LeftButton)
    assert asked.questions == []
    assert FlareRepository(db).list() == []
