"""Help menu dialogs: keyboard shortcuts, About with the evidence page, and the red-flag notice."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QLocale, QRect, Qt, QTranslator
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from rugdiary import __version__
from rugdiary.core.diary import new_entry
from rugdiary.ui import dialogs, help
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.safety import (
    ACKNOWLEDGED_KEY,
    NoticeMode,
    RedFlagDialog,
    notice_after_save,
    red_flags_acknowledged,
    show_red_flags_once,
)
from rugdiary.ui.services import Services
from rugdiary.ui.theme import HIGH_CONTRAST, apply_theme
from tests.ui.test_accessibility import _contrast

NOW = datetime(2026, 3, 2, 9, 0).astimezone()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Every dialog that would run modally, caught instead of blocking; accepted."""
    caught: list[QDialog] = []

    def fake_exec(dialog: QWidget) -> bool:
        assert isinstance(dialog, QDialog)
        caught.append(dialog)
        return True

    monkeypatch.setattr(dialogs, "exec_dialog", fake_exec)
    return caught


def _native(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


# -- keyboard shortcuts ------------------------------------------------------------------------


def test_shortcuts_are_read_from_the_window(window: MainWindow) -> None:
    rows = help.shortcut_rows(window)
    assert (_native(window.quit_action.shortcut()), "Quit") in rows
    assert any(what.startswith("Undo") for _keys, what in rows)
    for _keys, what in rows:
        assert "&" not in what.replace("&&", "")


def test_every_registered_action_shortcut_is_listed(window: MainWindow) -> None:
    """Each action's first key is listed, a page's under that page; Qt's platform extras
    (Alt+Shift+Backspace) are not."""
    window.show_page("player")  # its actions exist once the page is built
    everywhere = help.shortcut_rows(window)
    listed = " ".join(keys for keys, _what in everywhere)
    pages = " ".join(keys for _title, rows in window.page_shortcuts() for keys, _what in rows)
    arrows = {"Right": help.key_text("Right"), "Left": help.key_text("Left")}
    page_actions = 0
    for action in window.findChildren(QAction):
        sequences = [s for s in action.shortcuts() if not s.isEmpty()]
        if not (sequences and action.text()):
            continue
        key = _native(sequences[0])
        if action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut:
            page_actions += 1
            assert arrows.get(key, key) in pages, action.text()
            assert (key, help._plain(action.text())) not in everywhere, action.text()
        else:
            assert key in listed, action.text()
    assert page_actions >= 6, "the session's keys were checked"
    redo = {what: keys for keys, what in everywhere}["Redo"]
    assert redo == "Ctrl+Shift+Z or Ctrl+Y"
    assert "Backspace" not in listed


def test_a_key_is_listed_once_in_each_section(window: MainWindow, qtbot: QtBot) -> None:
    """ "Space" once stood four times in one list, with four meanings."""
    window.show_page("player")
    window.show_page("diary")
    dialog = _shortcuts_dialog(window, qtbot)
    titles = [title for title, _rows in dialog.sections]
    assert titles == [
        "Everywhere",
        "Diary and Today",
        "Exercise session",
        "Programs",
        "My activities",
    ]
    for title, rows in dialog.sections[1:]:
        keys = [k for k, _what in rows]
        assert len(keys) == len(set(keys)), (title, keys)
    table = dialog.table
    for row in dialog.heading_rows:
        assert table.columnSpan(row, 0) == 2
        assert table.item(row, 0).font().bold()
        # Apart from the rows' alternating shades, which made one heading plain, one shaded.
        window = table.palette().color(QPalette.ColorRole.Window)
        assert table.item(row, 0).background().color() == window
        assert table.item(row, 0).text() in titles
    assert not table.selectedItems(), "no row looks picked out when the dialog opens"
    assert table.currentRow() not in dialog.heading_rows


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """RugDiary's and Qt's Dutch texts installed for one test, English again afterwards."""
    from rugdiary.resources import resource

    translators = []
    for name, folder in (
        ("rugdiary", str(resource("i18n"))),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator()
        if translator.load(QLocale("nl"), name, "_", folder):
            qapp.installTranslator(translator)
            translators.append(translator)
    assert translators, "the Dutch translation is built (make qm)"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _clipped_texts(dialog: help.ShortcutsDialog) -> list[str]:
    """Header and cell texts that do not fit their column, and descriptions over two lines."""
    table = dialog.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    clipped = []
    for column in range(2):
        title = table.horizontalHeaderItem(column).text()
        needed = header.fontMetrics().horizontalAdvance(title) + 2 * 6
        if needed > header.sectionSize(column):
            clipped.append(f"header {title!r}")
    for row in range(table.rowCount()):
        if row in dialog.heading_rows:
            continue
        keys = table.item(row, 0).text()
        if metrics.horizontalAdvance(keys) + 2 * 3 > table.columnWidth(0):
            clipped.append(f"keys {keys!r}")
        what = table.item(row, 1).text()
        lines = (
            metrics.boundingRect(
                QRect(0, 0, table.columnWidth(1) - 8, 10_000), Qt.TextFlag.TextWordWrap, what
            ).height()
            / metrics.lineSpacing()
        )
        if lines > 2.5 or table.rowHeight(row) < lines * metrics.lineSpacing():
            clipped.append(f"description {what!r} ({lines:.0f} lines)")
    return clipped


def _shortcuts_dialog(window: MainWindow, qtbot: QtBot) -> help.ShortcutsDialog:
    dialog = help.ShortcutsDialog(help.shortcut_sections(window, window.page_shortcuts()), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_shortcuts_dialog_fits_its_words_in_english(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _shortcuts_dialog(window, qtbot)
    # Every key the pages handle is listed, with its key text ("0–9" was dropped once).
    for _title, rows in window.page_shortcuts():
        for keys, what in rows:
            assert keys
            assert (keys, what) in dialog.rows
    assert _clipped_texts(dialog) == []
    table = dialog.table
    if table.verticalScrollBar().maximum() > 0:
        # More keys than an 800-pixel screen shows at once (the test screen): the dialog
        # takes all the room it may before the list scrolls, and the keys reach every row.
        screen = dialog.screen().availableGeometry()
        assert dialog.height() >= int(screen.height() * 0.85) - 1
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        last = table.model().index(table.rowCount() - 1, 1)
        assert table.viewport().rect().contains(table.visualRect(last))


def test_shortcuts_dialog_fits_its_words_in_dutch(
    dutch: None, window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _shortcuts_dialog(window, qtbot)
    assert dialog.table.horizontalHeaderItem(1).text() == "Wat het doet"
    assert any(keys == "Ctrl+Shift+Z of Ctrl+Y" for keys, _what in dialog.rows)
    assert _clipped_texts(dialog) == []


def test_tab_leaves_the_shortcuts_table_for_close(window: MainWindow, qtbot: QtBot) -> None:
    """Tab moved from cell to cell inside the table and never reached Close: a keyboard trap.
    The arrow keys read the rows; Tab and Shift+Tab leave the table."""
    dialog = _shortcuts_dialog(window, qtbot)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        dialog.table.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.keyClick(dialog.table, key)
        assert QApplication.focusWidget() is close, key
    dialog.table.setFocus(Qt.FocusReason.OtherFocusReason)
    row = dialog.table.currentRow()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.table.currentRow() > row, "the arrow keys still move through the rows"


_HELP_WORDS = {
    **dict.fromkeys(("Up", "Down", "Left", "Right", "Plus", "Minus"), "Arrow keys"),
    **dict.fromkeys(("Return", "Enter"), "Enter"),
    # Backspace is the Delete key of a Mac keyboard: listed as Delete.
    **dict.fromkeys(("Delete", "Backspace"), "Delete"),
    "Escape": "Esc",
    **{str(digit): "0–9" for digit in range(10)},
}
"""How Help → Keyboard shortcuts writes a key handled in code (Qt.Key.Key_<name>)."""


def _keys_in(node: ast.AST, constants: dict[str, set[str]]) -> set[str]:
    """Qt.Key.Key_<name> names in `node`, also through constants such as ARROWS or KEYS."""
    found: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and sub.attr.startswith("Key_"):
            found.add(sub.attr.removeprefix("Key_"))
        name = sub.id if isinstance(sub, ast.Name) else getattr(sub, "attr", None)
        if isinstance(name, str) and name in constants:
            found |= constants[name]
    return found


def handled_keys() -> set[str]:
    """The keys the app's own keyPressEvent and eventFilter methods act on, as Help would
    write them ("Alt+Up" where the method asks for Alt)."""
    keys: set[str] = set()
    for path in Path(help.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants: dict[str, set[str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and (named := _keys_in(node.value, {})):
                        constants[target.id] = named
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in (
                "keyPressEvent",
                "eventFilter",
            ):
                alt = "AltModifier" in ast.unparse(node)
                for key in _keys_in(node, constants):
                    keys.add(f"Alt+{key}" if alt else _HELP_WORDS.get(key, key))
    return keys


def test_every_key_the_app_handles_is_listed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Delete on the Programs list, Alt+Up and Alt+Down in the program editor, Ctrl+S in My
    activities and Home and End on a chart worked but were not in the list: every key a
    QShortcut or a key handler of the app acts on is listed now."""
    listed = [
        keys
        for _title, rows in help.shortcut_sections(window, window.page_shortcuts())
        for keys, _what in rows
    ]
    handled = handled_keys()
    assert {"Home", "End", "Alt+Up", "Alt+Down", "Delete", "Esc"} <= handled, "the scan works"
    assert sorted(k for k in handled if not any(k in cell for cell in listed)) == []
    # QShortcuts, read from the live objects: the pages, both editors and My activities.
    for page in ("today", "diary", "programs"):
        window.show_page(page)
    shortcuts = set(window.findChildren(QShortcut))
    controller = window.programs.controller
    for editor in (controller.new_program(), controller.new_exercise()):
        shortcuts |= set(editor.view.findChildren(QShortcut))
        editor.view.done(0)

    def look_at(dialog: QWidget) -> bool:
        shortcuts.update(dialog.findChildren(QShortcut))
        return False

    monkeypatch.setattr(dialogs, "exec_dialog", look_at)
    window.open_activities()
    keys = {_native(shortcut.key()) for shortcut in shortcuts if not shortcut.key().isEmpty()}
    assert {"Ctrl+S", "Del", "Esc", "Return", "Enter"} <= keys, "all kinds were found"
    # Qt's names for two keys that Help writes as they are printed on the keyboard.
    written = {help.key_text({"Return": "Enter", "Del": "Delete"}.get(k, k)) for k in keys}
    assert sorted(k for k in written if not any(k in cell for cell in listed)) == []


def test_page_shortcuts_and_described_qshortcuts_are_listed(qtbot: QtBot) -> None:
    win = QMainWindow()
    qtbot.addWidget(win)
    described = QShortcut(QKeySequence("Ctrl+K"), win)
    described.setWhatsThis("Open the quick note")
    QShortcut(QKeySequence("Ctrl+J"), win)  # no description: cannot be listed
    extra = [
        (QKeySequence(Qt.Key.Key_Space), "Pause or carry on"),
        ("Ctrl+S", "Save"),
        ("0–9", "Choose a score"),  # a range of keys, in words: no QKeySequence
    ]
    rows = help.shortcut_rows(win, extra)
    assert rows == [
        (_native(QKeySequence("Ctrl+K")), "Open the quick note"),
        (_native(QKeySequence(Qt.Key.Key_Space)), "Pause or carry on"),
        (_native(QKeySequence("Ctrl+S")), "Save"),
        ("0–9", "Choose a score"),
    ]


def test_show_shortcuts_lists_window_extra_and_general_keys(
    window: MainWindow, shown: list[QDialog]
) -> None:
    help.show_shortcuts(window, [("Diary", [("Ctrl+S", "Save the entry")])])
    (dialog,) = shown
    assert isinstance(dialog, help.ShortcutsDialog)
    texts = [what for _keys, what in dialog.rows]
    assert "Quit" in texts
    assert "Save the entry" in texts
    assert any("Tab" in dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount()))
    assert dialog.table.accessibleName()
    assert dialog.table.hasFocus() or dialog.table.focusPolicy() != Qt.FocusPolicy.NoFocus


# -- About and evidence ------------------------------------------------------------------------


def test_about_says_what_the_app_is_and_is_not(
    qtbot: QtBot, window: MainWindow, shown: list[QDialog], tmp_path: Path
) -> None:
    help.show_about(window, tmp_path / "data")
    (dialog,) = shown
    assert isinstance(dialog, help.AboutDialog)
    text = dialog.heading.text() + dialog.body.text() + dialog.folder.text()
    assert __version__ in text
    assert "GPL-3.0-or-later" in text
    assert "GNU General Public License, version 3 or later" in text
    assert str(tmp_path / "data") in text
    # Enter closes it, as any About box: the focus once sat on "Evidence behind the exercises".
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.isDefault()
    assert dialog.focusWidget() is close
    assert "does not diagnose or replace your physiotherapist or doctor" in text


def test_about_opens_the_evidence_page_and_red_flags(
    qtbot: QtBot, shown: list[QDialog], tmp_path: Path
) -> None:
    about = help.AboutDialog(tmp_path)
    qtbot.addWidget(about)
    qtbot.mouseClick(about.evidence_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(about.red_flags_button, Qt.MouseButton.LeftButton)
    assert [type(d) for d in shown] == [help.EvidenceDialog, RedFlagDialog]
    evidence = shown[0]
    assert isinstance(evidence, help.EvidenceDialog)
    page = evidence.browser.toPlainText()
    assert "the best program is the one you keep doing" in page.lower()
    for source in ("Hayden", "Saragiotto", "Owen", "NICE", "KNGF"):
        assert source in page, source


def test_evidence_in_dutch(qtbot: QtBot) -> None:
    dialog = help.EvidenceDialog("nl")
    qtbot.addWidget(dialog)
    assert "Bronnen" in dialog.browser.toPlainText()
    assert "volhoudt" in dialog.browser.toPlainText()


def test_copy_path(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    about = help.AboutDialog(tmp_path)
    qtbot.addWidget(about)
    about.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    assert clipboard.text() == str(tmp_path)


# -- the red-flag notice -----------------------------------------------------------------------


def test_help_shows_the_notice(window: MainWindow, shown: list[QDialog]) -> None:
    help.show_red_flags(window)
    (dialog,) = shown
    assert isinstance(dialog, RedFlagDialog)
    assert dialog.mode is NoticeMode.HELP
    text = dialog.view.label.text()
    assert "112" in text
    assert "does not diagnose" in text
    assert dialog.ok_button.text() == "Close"


def test_first_start_needs_an_acknowledgement_once(
    services: Services, shown: list[QDialog]
) -> None:
    settings = services.settings
    assert not red_flags_acknowledged(settings)
    assert show_red_flags_once(None, settings)
    assert settings.get(ACKNOWLEDGED_KEY) is True
    (dialog,) = shown
    assert isinstance(dialog, RedFlagDialog)
    assert dialog.mode is NoticeMode.FIRST_RUN
    assert "read" in dialog.ok_button.text()
    assert show_red_flags_once(None, settings)
    assert len(shown) == 1, "not shown again once acknowledged"


def test_closing_without_confirming_asks_again(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "exec_dialog", lambda dialog: False)
    assert not show_red_flags_once(None, services.settings)
    assert not red_flags_acknowledged(services.settings)


def test_a_red_flag_tag_brings_the_notice_back(shown: list[QDialog]) -> None:
    calm = new_entry(now=NOW, pain=5, stress=3, tags=["sitting"])
    assert not notice_after_save(None, calm)
    assert shown == []
    worrying = new_entry(now=NOW, pain=7, stress=3, tags=["saddle numbness"])
    assert notice_after_save(None, worrying)
    (dialog,) = shown
    assert isinstance(dialog, RedFlagDialog)
    assert dialog.mode is NoticeMode.ENTRY
    assert "should look at now" in dialog.view.label.text()


def test_notice_is_keyboard_friendly(qtbot: QtBot) -> None:
    dialog = RedFlagDialog(NoticeMode.FIRST_RUN, lang="en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ok_button.isDefault()
    assert dialog.view.accessibleName() == "When to get help"
    assert "112" in dialog.view.accessibleDescription()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_the_notice_shows_when_it_has_the_focus(
    qtbot: QtBot, restore_app_look: QApplication, theme: str
) -> None:
    """Tab goes from Close to the notice (so its keys scroll it), but nothing on screen
    changed: a ring in the highlight colour goes all round it now, 3:1 against the window."""
    apply_theme(restore_app_look, theme)
    dialog = RedFlagDialog(NoticeMode.HELP, lang="en")
    qtbot.addWidget(dialog)
    dialog.resize(600, 500)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    view = dialog.view
    before = view.grab().toImage()
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Tab)
    assert view.hasFocus()
    after = view.grab().toImage()
    ring = dialog.palette().color(QPalette.ColorRole.Highlight)
    window = dialog.palette().color(QPalette.ColorRole.Window)
    assert _contrast(ring, window) >= 3
    # Each side of the ring, in the middle of the side, including the side by the scroll bar.
    w, h = after.width(), after.height()
    for x, y in ((1, h // 2), (w - 2, h // 2), (w // 2, 1), (w // 2, h - 2)):
        assert after.pixelColor(x, y) == ring, (theme, x, y)
        assert before.pixelColor(x, y) != ring, (theme, x, y)


def test_notice_in_dutch(qtbot: QtBot) -> None:
    dialog = RedFlagDialog(NoticeMode.HELP, lang="nl")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Wanneer zoek je hulp?"
    assert "huisartsenpost" in dialog.view.label.text()
