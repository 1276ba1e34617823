"""When Qt cannot start (no display, a missing library) the app says why and exits with 4."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from rugdiary import cli
from rugdiary.ui.start_problems import (
    EXIT_QT_START,
    LIBRARY_PACKAGES,
    diagnose_import_error,
    diagnose_platform_failure,
    missing_libraries,
    qt_plugins_dir,
)

ROOT = Path(__file__).resolve().parents[2]
XCB_PLUGIN = qt_plugins_dir() / "platforms" / "libqxcb.so"
QT_GAVE_UP = 'Could not load the Qt platform plugin "xcb" in "" even though it was found.'
LDD_CURSOR_MISSING = (
    "\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x1)\n"
    "\tlibxcb-cursor.so.0 => not found\n"
    "\tlibxcb-icccm.so.4 => /lib/libxcb-icccm.so.4 (0x2)\n"
)

needs_xcb_plugin = pytest.mark.skipif(
    not XCB_PLUGIN.is_file() or not sys.platform.startswith("linux"),
    reason="PySide6's xcb platform plugin is Linux-only",
)


def _ldd(output: str) -> Any:
    def run(command: Sequence[str]) -> str:
        assert command[0] == "ldd"
        return output

    return run


def _start_gui(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    base.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "rugdiary", "--data-dir", str(tmp_path / "data"), "gui"],
        env=base | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@needs_xcb_plugin
def test_no_display_is_explained_instead_of_a_core_dump(tmp_path: Path) -> None:
    result = _start_gui(tmp_path, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ""})
    assert result.returncode == EXIT_QT_START, result.stderr
    assert "the window cannot open: there is no display (DISPLAY is not set)" in result.stderr
    assert "ssh -X" in result.stderr
    # Qt's own hint blames xcb-cursor0 on every xcb failure; here it would mislead.
    assert "xcb-cursor0" not in result.stderr
    assert not (tmp_path / "data").exists()  # nothing was opened or created


@needs_xcb_plugin
def test_a_missing_library_of_the_xcb_plugin_names_its_package(tmp_path: Path) -> None:
    """libxcb-cursor.so.0 made unloadable (an empty file found first) and ldd saying so."""
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    (hidden / "libxcb-cursor.so.0").write_bytes(b"")
    tools = tmp_path / "bin"
    tools.mkdir()
    fake_ldd = tools / "ldd"
    fake_ldd.write_text(f"#!/bin/sh\nprintf '{LDD_CURSOR_MISSING}'\n", encoding="utf-8")
    fake_ldd.chmod(0o755)
    env = {
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": ":99",
        "LD_LIBRARY_PATH": str(hidden),
        "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    result = _start_gui(tmp_path, env)
    assert result.returncode == EXIT_QT_START, result.stderr
    assert "needs libxcb-cursor.so.0, which is not installed" in result.stderr
    assert "sudo apt-get install libxcb-cursor0" in result.stderr


def test_ldd_output_gives_the_missing_libraries(tmp_path: Path) -> None:
    doubled = LDD_CURSOR_MISSING + "\tlibxcb-cursor.so.0 => not found\n"
    assert missing_libraries(tmp_path / "p.so", _ldd(doubled)) == ["libxcb-cursor.so.0"]

    def no_ldd(command: Sequence[str]) -> str:
        raise FileNotFoundError(command[0])

    assert missing_libraries(tmp_path / "p.so", no_ldd) == []


def _plugins(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    for name in names:
        (folder / f"libq{name}.so").write_bytes(b"\x7fELF")
    return folder.parent


def test_missing_libraries_come_before_the_display(tmp_path: Path) -> None:
    plugins = _plugins(tmp_path, "xcb")
    problem = diagnose_platform_failure([QT_GAVE_UP], {}, plugins, _ldd(LDD_CURSOR_MISSING))
    assert problem.packages == ("libxcb-cursor0",)
    assert "sudo apt-get install libxcb-cursor0" in problem.fix
    assert f"exit code {EXIT_QT_START}" in problem.message()


def test_display_problems(tmp_path: Path) -> None:
    plugins = _plugins(tmp_path, "xcb", "wayland")
    fine = _ldd("\tlibxcb.so.1 => /lib/libxcb.so.1 (0x1)\n")
    no_x = diagnose_platform_failure([QT_GAVE_UP], {"DISPLAY": ""}, plugins, fine)
    assert no_x.cause == "there is no display (DISPLAY is not set)."
    far = diagnose_platform_failure([QT_GAVE_UP], {"DISPLAY": ":9"}, plugins, fine)
    assert far.cause == "the display DISPLAY=:9 cannot be reached."
    wayland = diagnose_platform_failure(
        [QT_GAVE_UP.replace("xcb", "wayland")], {"QT_QPA_PLATFORM": "wayland"}, plugins, fine
    )
    assert wayland.cause == "there is no display (WAYLAND_DISPLAY is not set)."
    other = diagnose_platform_failure([], {"QT_QPA_PLATFORM": "eglfs:/dev/fb0"}, plugins, fine)
    assert "'eglfs'" in other.cause
    assert "QT_DEBUG_PLUGINS=1" in other.fix


def test_import_errors_name_the_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    problem = diagnose_import_error(error)
    assert problem.cause == "Qt needs libEGL.so.1, which is not installed."
    assert problem.packages == ("libegl1",)
    unknown = diagnose_import_error(ImportError("libfoo.so.3: cannot open shared object file"))
    assert unknown.packages == ()
    assert "package manager" in unknown.fix
    other = diagnose_import_error(ImportError("No module named 'PySide6'"))
    assert "No module named 'PySide6'" in other.cause


def test_known_libraries_map_to_the_packages_make_installs() -> None:
    listed = {
        line.split()[0]
        for line in (ROOT / "packaging/linux/debian-packages.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    for soname in ("libEGL.so.1", "libglib-2.0.so.0", "libxcb-cursor.so.0", "libpulse.so.0"):
        assert LIBRARY_PACKAGES[soname] in listed, soname


def test_gui_command_explains_a_qt_that_cannot_load(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "rugdiary.ui.app":
            raise ImportError("libGL.so.1: cannot open shared object file: No such file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    assert cli.main(["--data-dir", str(tmp_path), "gui"]) == EXIT_QT_START
    err = capsys.readouterr().err
    assert "Qt needs libGL.so.1, which is not installed." in err
    assert "sudo apt-get install libgl1" in err
