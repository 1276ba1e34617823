"""The PyInstaller spec: valid Python, bundles the resources, leaves the big Qt modules out.

The spec is run with stand-ins for PyInstaller's Analysis, PYZ, EXE, COLLECT and BUNDLE,
so these tests need no PyInstaller and take milliseconds; packaging/build_dist.sh builds
and smoke-tests the real bundle.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import rugdiary

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "pyinstaller" / "rugdiary.spec"
BIG_QT_MODULES = (
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtWebEngineQuick",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "Qt3DCore",
    "Qt3DRender",
    "QtCharts",
    "QtDataVisualization",
    "QtDesigner",
    "QtBluetooth",
    "QtNfc",
    "QtPositioning",
    "QtSensors",
    "QtSerialPort",
    "QtWebSockets",
)


class _Analysis:
    def __init__(self, scripts: list[str], **kwargs: Any) -> None:
        self.script_paths = scripts
        self.kwargs = kwargs
        self.scripts: list[Any] = []
        self.pure: list[Any] = []
        self.binaries: list[tuple[str, str, str]] = [
            ("PySide6/Qt/plugins/imageformats/libqpdf.so", "x", "BINARY"),
            ("PySide6/Qt/plugins/imageformats/libqsvg.so", "x", "BINARY"),
            ("PySide6/Qt/plugins/platforms/libqvnc.so", "x", "BINARY"),
            ("PySide6/Qt/plugins/platforms/libqxcb.so", "x", "BINARY"),
            ("PySide6/Qt/lib/libQt6Pdf.so.6", "x", "BINARY"),
        ]
        self.datas: list[tuple[str, str, str]] = [
            (dest + "/" + Path(src).name, src, "DATA") for src, dest in kwargs["datas"]
        ] + [
            ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
            ("PySide6/Qt/translations/qtbase_nl.qm", "x", "DATA"),
        ]


def _run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr("sys.platform", platform)
    made: dict[str, list[Any]] = {"EXE": [], "BUNDLE": []}

    def exe(*args: Any, **kwargs: Any) -> SimpleNamespace:
        made["EXE"].append(kwargs)
        return SimpleNamespace(**kwargs)

    def bundle(*args: Any, **kwargs: Any) -> SimpleNamespace:
        made["BUNDLE"].append(kwargs)
        return SimpleNamespace(**kwargs)

    namespace: dict[str, Any] = {
        "SPECPATH": str(SPEC.parent),
        "Analysis": _Analysis,
        "PYZ": lambda *a, **k: SimpleNamespace(),
        "EXE": exe,
        "COLLECT": lambda *a, **k: SimpleNamespace(args=a, **k),
        "BUNDLE": bundle,
        "__file__": str(SPEC),
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    namespace["_made"] = made
    return namespace


def test_spec_is_valid_python() -> None:
    ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def test_spec_reads_the_single_sourced_version(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run_spec("linux", monkeypatch)["VERSION"] == rugdiary.__version__


def test_spec_bundles_resources_where_resources_py_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _run_spec("linux", monkeypatch)
    datas = spec["a"].kwargs["datas"]
    targets = {(Path(src).relative_to(ROOT / "resources").parent, dest) for src, dest in datas}
    assert all(dest == str(Path("rugdiary/resources") / sub) for sub, dest in targets)
    bundled = {Path(src).relative_to(ROOT / "resources").as_posix() for src, _ in datas}
    for folder in ("exercises", "programs", "icons", "sounds"):
        on_disk = {
            p.relative_to(ROOT / "resources").as_posix()
            for p in (ROOT / "resources" / folder).iterdir()
            if p.is_file()
        }
        assert on_disk, folder
        assert on_disk <= bundled, folder
    for ts in (ROOT / "resources").rglob("*.ts"):
        assert ts.relative_to(ROOT / "resources").as_posix() not in bundled
        assert ts.with_suffix(".qm").relative_to(ROOT / "resources").as_posix() in bundled, (
            f"{ts.with_suffix('.qm')} is missing: run `make qm` before building"
        )


def test_spec_excludes_the_big_qt_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    excludes = set(_run_spec("linux", monkeypatch)["a"].kwargs["excludes"])
    missing = [m for m in BIG_QT_MODULES if f"PySide6.{m}" not in excludes]
    assert not missing


def test_spec_keeps_every_qt_module_the_app_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _run_spec("linux", monkeypatch)
    excludes = set(spec["a"].kwargs["excludes"])
    used = set()
    for path in (ROOT / "rugdiary").rglob("*.py"):
        used |= set(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used, "found no PySide6 imports in rugdiary/"
    assert not {f"PySide6.{m}" for m in used} & excludes
    # Imported inside functions or try blocks: listed so PyInstaller cannot miss them.
    hidden = set(spec["a"].kwargs["hiddenimports"])
    unlisted = {f"PySide6.{m}" for m in used} - hidden
    unlisted -= {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtNetwork"}
    assert not unlisted, f"add {sorted(unlisted)} to hiddenimports in {SPEC.name}"


def test_spec_limits_matplotlib_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    config = _run_spec("linux", monkeypatch)["a"].kwargs["hooksconfig"]
    assert set(config["matplotlib"]["backends"]) <= {"QtAgg", "Agg", "SVG", "PDF"}
    assert "QtAgg" in config["matplotlib"]["backends"]


def test_spec_drops_unneeded_plugins_and_translations(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _run_spec("linux", monkeypatch)
    binaries = {name for name, _, _ in spec["a"].binaries}
    assert "PySide6/Qt/plugins/platforms/libqxcb.so" in binaries
    assert "PySide6/Qt/lib/libQt6Pdf.so.6" in binaries  # the report preview
    assert "PySide6/Qt/plugins/platforms/libqvnc.so" not in binaries  # a network server
    datas = {name for name, _, _ in spec["a"].datas}
    assert "PySide6/Qt/translations/qtbase_nl.qm" in datas
    assert "PySide6/Qt/translations/qtbase_de.qm" not in datas


def test_spec_makes_a_windowed_exe_and_a_console_twin_on_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exes = _run_spec("win32", monkeypatch)["_made"]["EXE"]
    assert [(e["name"], e["console"]) for e in exes] == [
        ("rugdiary", False),
        ("rugdiary-cli", True),
    ]
    assert all(e["icon"].endswith("rugdiary.ico") for e in exes)


def test_spec_makes_an_app_bundle_only_on_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run_spec("linux", monkeypatch)["_made"]["BUNDLE"] == []
    (bundle,) = _run_spec("darwin", monkeypatch)["_made"]["BUNDLE"]
    plist = bundle["info_plist"]
    assert bundle["name"] == "RugDiary.app"
    assert bundle["icon"].endswith("rugdiary.icns")
    assert plist["CFBundleIdentifier"] == "io.github.rugdiary.RugDiary"
    assert plist["CFBundleShortVersionString"] == rugdiary.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert re.fullmatch(r"\d+\.\d+", plist["LSMinimumSystemVersion"])
