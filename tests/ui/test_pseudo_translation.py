"""Pseudo-translation: every visible UI text goes through Qt's translation, and none is clipped.

Every source string found by pyside6-lupdate is replaced by a marked version about 40%
longer ("⟦Ŝàvé··⟧"), compiled with pyside6-lrelease and installed before the main window
is built. Text without the marks was not translatable; a label whose (longer) text no
longer fits at the default window size would be cut off in Dutch too.
"""

from __future__ import annotations

import ast
import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rugdiary.core import evidence, safety, tips
from rugdiary.core.exercises import Text
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services
from tests.ui.conftest import clipped

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "rugdiary" / "ui"
BIN = Path(sys.executable).parent
OPEN, CLOSE = "⟦", "⟧"
DEFAULT_SIZE = (1100, 720)

ALLOWED: dict[str, str] = {
    "RugDiary": "the app's name",
    "English": "a language shown in its own name",
    "Nederlands": "a language shown in its own name",
    "PDF": "a file format's name",
    "CSV": "a file format's name",
    "JSON": "a file format's name",
    "FHIR": "a file format's name",
    "PNG": "a file format's name",
    "SVG": "a file format's name",
    "Ctrl": "a key name, written by QKeySequence in the platform's words",
    "Shift": "a key name, written by QKeySequence in the platform's words",
    "Alt": "a key name, written by QKeySequence in the platform's words",
}
"""Words that may show untranslated, each with the reason."""

_ACCENTS = str.maketrans("aceinostuyACEINOSTUY", "àçéîñöşţüýÀÇÉÎÑÖŞŢÜÝ")
_KEEP = re.compile(r"(%L?\d+|%n|&#?\w+;|&&|&.|<[^>]*>|\\n|\n)")
_WORD = re.compile(r"[^\W\d_]+")
_PATH = re.compile(r"(?:/|~/|[A-Za-z]:\\)\S*")


# -- the pseudo translation ------------------------------------------------------------------


def pseudo(source: str) -> str:
    """A marked, accented, ~40% longer version that keeps placeholders, tags and mnemonics.

    Each word grows by itself (no long run of padding), so wrapping still works; the marks
    go inside the first and last piece of text, so rich text stays rich text.
    """
    pieces = _KEEP.split(source)
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if i % 2 == 1:  # kept as it is: placeholder, tag, entity or mnemonic
            out.append(piece)
        else:
            out.append(_WORD.sub(_stretch, piece))
    shown = [i for i, piece in enumerate(out) if piece.strip() and not piece.startswith("<")]
    if not shown:
        return OPEN + source + CLOSE
    first, last = shown[0], shown[-1]
    lead = len(out[first]) - len(out[first].lstrip())
    out[first] = out[first][:lead] + OPEN + out[first][lead:]
    trail = len(out[last].rstrip())
    out[last] = out[last][:trail] + CLOSE + out[last][trail:]
    return "".join(out)


def _stretch(match: re.Match[str]) -> str:
    word = match.group(0)
    return word.translate(_ACCENTS) + "·" * math.ceil(0.4 * len(word))


def test_pseudo_keeps_what_code_relies_on() -> None:
    assert pseudo("&Save") == f"{OPEN}&Sàvé··{CLOSE}"
    assert pseudo("%1 of %2") == f"{OPEN}%1 öf· %2{CLOSE}"
    rich = pseudo("<p>Hello <b>you</b></p>")
    assert rich == f"<p>{OPEN}Héllö·· <b>ýöü··{CLOSE}</b></p>"
    assert len(pseudo("Keep moving every day")) >= 1.4 * len("Keep moving every day")


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pseudo")
    ts, qm = folder / "pseudo.ts", folder / "pseudo.qm"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    tree = ET.parse(ts)
    tree.getroot().set("language", "en_US")
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.clear()
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            for _form in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo(source)
        else:
            translation.text = pseudo(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    return qm


@pytest.fixture
def pseudo_window(
    qtbot: QtBot, qapp: QApplication, services: Services, pseudo_qm: Path
) -> Iterator[MainWindow]:
    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    qapp.installTranslator(translator)
    try:
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.resize(*DEFAULT_SIZE)
        window.show()
        qtbot.waitExposed(window)
        yield window
    finally:
        qapp.removeTranslator(translator)


# -- what counts as translated ---------------------------------------------------------------


def _texts_in(value: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Every Text (both languages) inside a content object, found by walking dataclasses."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Text):
        yield value.en
        yield value.nl
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _texts_in(getattr(value, f.name), seen)
    elif isinstance(value, (list, tuple, frozenset, set)):
        for item in value:
            yield from _texts_in(item, seen)
    elif isinstance(value, dict) or hasattr(value, "values"):
        try:
            items = list(value.values())
        except TypeError:
            return
        for item in items:
            yield from _texts_in(item, seen)


def content_texts(services: Services) -> list[str]:
    """Texts that come translated from core and the content files, not through Qt."""
    library = services.library()
    found = set(_texts_in(library.exercises)) | set(_texts_in(library.programs))
    found |= set(_texts_in(tips.TIPS))
    for text in [*safety.all_texts(), *evidence.all_texts()]:
        found |= {text.en, text.nl}
    return sorted((t for t in found if t.strip()), key=len, reverse=True)


def _locale_words() -> set[str]:
    locale = QLocale()
    words: set[str] = set()
    for fmt in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
        for month in range(1, 13):
            words.add(locale.monthName(month, fmt))
            words.add(locale.standaloneMonthName(month, fmt))
        for day in range(1, 8):
            words.add(locale.dayName(day, fmt))
            words.add(locale.standaloneDayName(day, fmt))
    words |= {locale.amText(), locale.pmText()}
    return {w.strip(".").lower() for w in words if w}


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"&(nbsp|amp|lt|gt|quot|#\d+);", " ", text)
    return text.replace("&&", "&").replace("&", "")


def unmarked_words(text: str, content: list[str], locale_words: set[str]) -> list[str]:
    """English-looking words of `text` outside the pseudo marks, content and allowed words."""
    if _PATH.fullmatch(text.strip()):
        return []  # a file or folder path (the data folder) is the person's, not ours
    plain = _plain(text)
    # Translations nest ("⟦about ⟦16 min⟧⟧"): remove the innermost marks until none are left.
    innermost = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
    while innermost.search(plain):
        plain = innermost.sub(" ", plain)
    for piece in content:
        # Case-insensitive: a content text may be lower-cased into a sentence.
        plain = re.sub(re.escape(piece), " ", plain, flags=re.IGNORECASE)
    words = [w for w in _WORD.findall(plain) if len(w) > 1]
    return [w for w in words if w not in ALLOWED and w.lower() not in locale_words]


def visible_texts(window: MainWindow) -> Iterator[tuple[QWidget | QMenu, str]]:
    """The texts a person sees on the current page and in the window around it."""
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or (widget.isWindow() and widget is not window):
            continue
        if widget.property("textFromCore"):
            continue  # sentences core writes in both languages itself (core/insights.py)
        if (isinstance(widget, QLabel) and widget.pixmap().isNull()) or isinstance(
            widget, QAbstractButton
        ):
            yield widget, widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget, widget.title()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield widget, widget.tabText(i)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            yield widget, widget.currentText()
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        if item is not None:
            yield window.nav, item.text()

    def menu_texts(menu: QMenu) -> Iterator[tuple[QWidget | QMenu, str]]:
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            yield menu, action.text()
            if action.menu() is not None:
                yield from menu_texts(action.menu())

    for action in window.menuBar().actions():
        yield window.menuBar(), action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def _where(widget: QWidget | QMenu, window: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None and current is not window:
        name = type(current).__name__
        if current.objectName():
            name += f"#{current.objectName()}"
        parts.append(name)
        current = current.parentWidget()
    return " > ".join(reversed(parts)) or type(widget).__name__


# -- the tests -------------------------------------------------------------------------------


def test_no_untranslated_text_on_any_page(
    qtbot: QtBot, pseudo_window: MainWindow, services: Services
) -> None:
    content = content_texts(services)
    locale_words = _locale_words()
    offenders: set[str] = set()
    for key in pseudo_window.pages():
        pseudo_window.show_page(key)
        qtbot.wait(10)
        for widget, text in visible_texts(pseudo_window):
            words = unmarked_words(text, content, locale_words)
            if words:
                offenders.add(f"[{key}] {_where(widget, pseudo_window)}: {text!r}")
    assert sorted(offenders) == [], "text not marked by the pseudo translation:\n" + "\n".join(
        sorted(offenders)
    )


def test_no_label_is_clipped_at_the_default_size(qtbot: QtBot, pseudo_window: MainWindow) -> None:
    offenders: set[str] = set()
    for key in pseudo_window.pages():
        pseudo_window.show_page(key)
        qtbot.wait(10)
        size = pseudo_window.size()
        if (size.width(), size.height()) != DEFAULT_SIZE:
            offenders.add(
                f"[{key}] the window grew to {size.width()}×{size.height()} to fit its texts"
            )
        page = pseudo_window.stack.currentWidget()
        assert page is not None
        for widget in page.findChildren(QWidget):
            if not widget.isVisible():
                continue
            why = clipped(widget)
            if why:
                text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
                offenders.add(f"[{key}] {_where(widget, pseudo_window)} {text[:50]!r}: {why}")
    assert sorted(offenders) == [], "clipped at 1100×720 with 40% longer text:\n" + "\n".join(
        sorted(offenders)
    )


def test_the_checks_catch_what_they_should(qtbot: QtBot) -> None:
    content = ["Bird dog"]
    assert unmarked_words(f"{OPEN}Ŝàvé··{CLOSE} 12:30", content, set()) == []
    assert unmarked_words("Bird dog", content, set()) == []
    nested = f"{OPEN}{OPEN}àböüţ··{CLOSE} àţ· ţhé··{CLOSE} · Bird dog"
    assert unmarked_words(nested, content, set()) == []
    assert unmarked_words("Monday 2 March", content, {"monday", "march"}) == []
    assert unmarked_words("Save", content, set()) == ["Save"]
    assert unmarked_words("/home/ann/.local/share/RugDiary", content, set()) == []
    label = QLabel("A rather long label that will not fit")
    qtbot.addWidget(label)
    label.resize(40, 20)
    label.show()
    assert clipped(label) is not None


# -- translatable strings in the source ------------------------------------------------------


def _tr_calls() -> Iterator[tuple[Path, ast.Call, ast.expr | None, ast.expr | None]]:
    """(file, call, context argument, text argument) for every tr()/translate() call in ui/."""
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "tr":
                yield path, node, None, node.args[0] if node.args else None
            elif name == "translate" and len(node.args) >= 2:
                yield path, node, node.args[0], node.args[1]


def _where_in_source(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"


def test_translated_strings_use_percent_placeholders() -> None:
    """Translators must see "%1", not an f-string or {name}: those cannot be translated."""
    problems = []
    for path, call, _context, text in _tr_calls():
        where = _where_in_source(path, call)
        if isinstance(text, ast.JoinedStr):
            problems.append(f"{where}: tr() of an f-string")
        elif isinstance(text, ast.Call) and getattr(text.func, "attr", "") == "format":
            problems.append(f"{where}: tr() of a str.format() result")
        elif isinstance(text, ast.BinOp):
            problems.append(f"{where}: tr() of a computed string (use %1 and .replace)")
        elif (
            isinstance(text, ast.Constant)
            and isinstance(text.value, str)
            and re.search(r"\{\w*\}", text.value)
        ):
            problems.append(f"{where}: {{}} placeholder in a translated string")
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and isinstance(node.func.value, ast.Call)
                and getattr(node.func.value.func, "attr", getattr(node.func.value.func, "id", ""))
                in ("tr", "translate", "_tr")
            ):
                problems.append(f"{_where_in_source(path, node)}: .format() on a translation")
    assert problems == [], "\n".join(problems)


def test_translated_strings_are_visible_to_lupdate() -> None:
    """lupdate only extracts literal strings passed straight to tr() or translate().

    A helper such as `def _tr(text): return translate("ctx", text)` hides every string
    passed to it: they never reach the .ts file and stay English for Dutch readers.
    """
    problems = []
    for path, call, context, text in _tr_calls():
        where = _where_in_source(path, call)
        if context is not None and not (
            isinstance(context, ast.Constant) and isinstance(context.value, str)
        ):
            problems.append(f"{where}: translate() context is not a literal string")
        computed = (ast.Constant, ast.JoinedStr, ast.BinOp, ast.Call)  # the other test's job
        if text is not None and not isinstance(text, computed):
            problems.append(f"{where}: translated text is not a literal string")
    assert problems == [], "\n".join(problems)
