"""DESIGN.md's layer rules, checked by parsing every import so a broken rule fails CI."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "rugdiary"
QT = ("PySide6", "shiboken6")
HEAVY = ("matplotlib", "scipy", "fpdf", "numpy")


@dataclass(frozen=True)
class Import:
    source: str  # dotted module that does the importing
    target: str  # dotted module imported
    line: int
    top_level: bool  # at module level, i.e. paid for when the module is imported


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports() -> list[Import]:
    found: list[Import] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _module_name(path)
        tree = ast.parse(path.read_text("utf-8"), str(path))
        top = {id(node) for node in tree.body}
        # `if TYPE_CHECKING:` blocks cost nothing at run time.
        type_only = {
            id(n)
            for node in tree.body
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for n in node.body
        }
        for node in ast.walk(tree):
            if id(node) in type_only:
                continue
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = source.split(".")
                    if path.name != "__init__.py":
                        base = base[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    names = [".".join([*base, node.module] if node.module else base)]
                else:
                    names = [node.module or ""]
            for name in names:
                found.append(Import(source, name, node.lineno, id(node) in top))
    return found


IMPORTS = _imports()


def test_imports_were_found() -> None:
    assert any(i.target == "tinydb" for i in IMPORTS), "the parser must see real imports"


def test_qt_only_in_ui() -> None:
    bad = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in IMPORTS
        if i.target.split(".")[0] in QT and not i.source.startswith("rugdiary.ui")
    ]
    assert bad == []


def test_tinydb_and_filelock_only_in_storage() -> None:
    bad = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in IMPORTS
        if i.target.split(".")[0] in ("tinydb", "filelock")
        and not i.source.startswith("rugdiary.storage")
    ]
    assert bad == []


def test_matplotlib_only_in_reports_or_lazily_in_chart_widgets() -> None:
    bad = []
    for i in IMPORTS:
        if i.target.split(".")[0] != "matplotlib" or i.source.startswith("rugdiary.reports"):
            continue
        if i.source.startswith("rugdiary.ui") and "chart" in i.source and not i.top_level:
            continue
        bad.append(f"{i.source}:{i.line} imports {i.target}")
    assert bad == []


def test_pyplot_is_never_used() -> None:
    assert [
        f"{i.source}:{i.line}" for i in IMPORTS if i.target.startswith("matplotlib.pyplot")
    ] == []


@pytest.mark.parametrize(
    ("layer", "may_not_import"),
    [
        ("rugdiary.core", ("rugdiary.storage", "rugdiary.ui", "rugdiary.reports", "rugdiary.cli")),
        ("rugdiary.storage", ("rugdiary.ui", "rugdiary.reports", "rugdiary.cli")),
        ("rugdiary.reports", ("rugdiary.ui", "rugdiary.storage", "rugdiary.cli")),
        ("rugdiary.ui", ("rugdiary.cli",)),
    ],
)
def test_layer_arrows_point_one_way(layer: str, may_not_import: tuple[str, ...]) -> None:
    bad = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in IMPORTS
        if (i.source == layer or i.source.startswith(layer + "."))
        and any(i.target == m or i.target.startswith(m + ".") for m in may_not_import)
    ]
    assert bad == []


def test_core_is_pure_python() -> None:
    bad = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in IMPORTS
        if i.source.startswith("rugdiary.core")
        and i.target.split(".")[0]
        in (*QT, "tinydb", "filelock", "matplotlib", "fpdf", "platformdirs")
    ]
    assert bad == []


def test_cli_imports_the_ui_only_when_starting_it() -> None:
    bad = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in IMPORTS
        if i.source == "rugdiary.cli" and i.top_level and i.target.startswith(("rugdiary.ui", *QT))
    ]
    assert bad == []


def test_start_up_pays_for_no_heavy_module() -> None:
    """Importing the CLI and the main window must not pull in charts, statistics or PDF."""
    code = (
        "import sys, rugdiary.cli, rugdiary.ui.main_window;"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    ).stdout.strip()
    assert out == "[]"
