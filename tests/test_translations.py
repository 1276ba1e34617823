"""The Dutch translation: complete, current with the code, faithful to placeholders and wording."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rugdiary.core.content import forbidden_words

ROOT = Path(__file__).parents[1]
TS = ROOT / "resources" / "i18n" / "rugdiary_nl.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")

PLACEHOLDER = re.compile(r"%L?\d+|%n")
TAG = re.compile(r"</?([a-zA-Z0-9]+)")
# A single & marks a keyboard accelerator; && is a literal ampersand.
ACCELERATOR = re.compile(r"(?<!&)&(?!&)(?=\w)")


def _messages() -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(TS)
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    ]


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_every_message_is_translated() -> None:
    unfinished = [
        f"{context}: {source!r}"
        for context, source, message in _messages()
        if (t := message.find("translation")) is not None
        and (
            t.get("type") in ("unfinished", "obsolete", "vanished")
            or not any(_translations(message))
        )
    ]
    assert unfinished == []


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_the_translation_file_knows_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "rugdiary" / "ui").rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).getroot().iter("context")
        for m in c.iter("message")
    }
    have = {(context, source) for context, source, _ in _messages()}
    missing = sorted(wanted - have)
    assert missing == [], "run `make i18n` and translate the new strings"


def test_placeholders_tags_and_accelerators_survive() -> None:
    problems = []
    for context, source, message in _messages():
        for text in _translations(message):
            if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: placeholders differ in {source!r} -> {text!r}")
            if sorted(TAG.findall(text)) != sorted(TAG.findall(source)):
                problems.append(f"{context}: HTML differs in {source!r} -> {text!r}")
            if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(source)):
                problems.append(f"{context}: accelerators differ in {source!r} -> {text!r}")
    assert problems == []


def test_dutch_follows_the_wording_rules() -> None:
    problems = []
    for context, _source, message in _messages():
        for text in _translations(message):
            plain = re.sub(r"<[^>]+>", " ", text)
            if found := forbidden_words(plain, "nl"):
                problems.append(f"{context}: {found} in {text!r}")
            if re.search(r"\b(u|uw)\b", plain):
                problems.append(f"{context}: formal address in {text!r} (the app says je)")
    assert problems == []


def _literal(node: ast.expr) -> bool:
    """A string lupdate can read: a constant, or constants joined side by side."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.BinOp) and _literal(node.left) and _literal(node.right)


def test_every_translated_string_is_a_literal_lupdate_can_find() -> None:
    """Text reaching tr() through a variable or helper function is never extracted,
    so it would stay English in every language."""
    problems = []
    for path in sorted((ROOT / "rugdiary" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in ("tr", "_tr"):
                problems.append(f"{path.name}:{node.lineno}: a tr() helper hides strings")
            if isinstance(node, ast.JoinedStr):
                # lupdate does not look inside an f-string's {…}: such a text stays English.
                problems.extend(
                    f"{path.relative_to(ROOT)}:{inner.lineno}: inside an f-string"
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr in ("translate", "tr")
                )
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            name, args = node.func.attr, node.args
            wanted = args[:2] if name == "translate" else args[:1] if name == "tr" else []
            if name in ("translate", "tr") and (len(args) < len(wanted) or not wanted):
                continue
            if any(not _literal(arg) for arg in wanted):
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert problems == []
