"""Why Qt could not start (no display, a missing system library), said in words, not a core dump."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

EXIT_QT_START = 4
"""Exit code when the window cannot open: no display, or a library Qt needs is missing."""

LIBRARY_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libpulse.so.0": "libpulse0",
}
"""Shared libraries Qt loads, and the Debian/Ubuntu package that holds each."""

_DISPLAY_VARIABLE = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}
_PLUGIN_FAILED = re.compile(r'Could not load the Qt platform plugin "([^"]+)"')
_MISSING_SONAME = re.compile(r"(lib[\w.+-]+\.so[\w.]*)")
_INSTALL_HINT = "`make run` in the source folder installs it too"


@dataclass(frozen=True, slots=True)
class StartProblem:
    """What stops the window from opening, and what to do about it."""

    cause: str
    fix: str
    packages: tuple[str, ...] = ()

    def message(self) -> str:
        return (
            f"rugdiary: the window cannot open: {self.cause}\n"
            f"  {self.fix}\n"
            f"  (exit code {EXIT_QT_START}; `rugdiary --help` lists the commands that need none)"
        )


def missing_libraries(plugin: Path, run: Callable[[Sequence[str]], str] | None = None) -> list[str]:
    """The shared libraries `plugin` needs that the loader cannot find, according to ldd."""
    runner = run or _run_ldd
    try:
        output = runner(["ldd", str(plugin)])
    except (OSError, subprocess.SubprocessError):
        return []
    missing = []
    for line in output.splitlines():
        name, _, target = line.strip().partition(" => ")
        if target.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def _run_ldd(command: Sequence[str]) -> str:
    return subprocess.run(
        list(command), capture_output=True, text=True, timeout=10, check=False
    ).stdout


def _install_fix(libraries: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    packages = tuple(dict.fromkeys(LIBRARY_PACKAGES[n] for n in libraries if n in LIBRARY_PACKAGES))
    if not packages:
        return "Install the package that provides it with your system's package manager.", ()
    command = f"sudo apt-get install {' '.join(packages)}"
    return f"Install it and start again: {command}   ({_INSTALL_HINT})", packages


def diagnose_platform_failure(
    qt_messages: Sequence[str],
    env: Mapping[str, str],
    plugins_dir: Path,
    run: Callable[[Sequence[str]], str] | None = None,
) -> StartProblem:
    """Explain why no Qt platform plugin could start, from Qt's messages and the environment.

    Qt's own hint (that xcb-cursor0 is needed) appears on every xcb failure, even when
    there simply is no display, so the libraries are checked with ldd instead.
    """
    tried = [m.group(1) for m in map(_PLUGIN_FAILED.search, qt_messages) if m]
    platform = (tried[-1] if tried else env.get("QT_QPA_PLATFORM", "") or "xcb").split(":")[0]
    plugin = plugins_dir / "platforms" / f"libq{platform}.so"
    missing = missing_libraries(plugin, run) if plugin.is_file() else []
    if missing:
        fix, packages = _install_fix(missing)
        return StartProblem(
            f"the Qt platform plugin {platform!r} needs {', '.join(missing)}, "
            "which is not installed.",
            fix,
            packages,
        )
    variable = _DISPLAY_VARIABLE.get(platform)
    if variable is not None and not env.get(variable):
        return StartProblem(
            f"there is no display ({variable} is not set).",
            "Start RugDiary from your desktop, or over ssh with `ssh -X`. The commands that "
            "need no window (add, list, report, screenshot, …) work without one.",
        )
    if variable is not None:
        return StartProblem(
            f"the display {variable}={env[variable]} cannot be reached.",
            "Check that the display is running and that you may use it (XAUTHORITY, xhost), "
            "or start RugDiary from your desktop.",
        )
    return StartProblem(
        f"Qt could not start its platform plugin {platform!r}.",
        "Run it again with QT_DEBUG_PLUGINS=1 to see why, or unset QT_QPA_PLATFORM.",
    )


def diagnose_import_error(error: ImportError) -> StartProblem:
    """Explain an ImportError of PySide6 caused by a shared library that is not installed."""
    text = str(error)
    found = _MISSING_SONAME.match(text)
    if found is None or "cannot open shared object file" not in text:
        return StartProblem(
            f"Qt could not be loaded ({text}).",
            "Reinstall RugDiary, or run `make run` in the source folder to set it up again.",
        )
    library = found.group(1)
    fix, packages = _install_fix([library])
    return StartProblem(f"Qt needs {library}, which is not installed.", fix, packages)


def qt_plugins_dir() -> Path:
    """The folder of the Qt plugins PySide6 loads (found without importing Qt)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    base = Path(locations[0]) if locations else Path()
    return base / "Qt" / "plugins"
