"""Hatch build hook: compile resources/i18n/*.ts to .qm, so every wheel and sdist has Dutch."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SKIP_VARIABLE = "RUGDIARY_SKIP_QM_BUILD"
"""Set by `make` for its editable install: `make qm` compiles with the venv's lrelease."""


def stale_translations(root: Path) -> list[tuple[Path, Path]]:
    """(ts, qm) pairs whose .qm is missing or older than its .ts."""
    pairs = []
    for ts in sorted((root / "resources" / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            pairs.append((ts, qm))
    return pairs


def find_lrelease(root: Path) -> list[str] | None:
    """The command that runs Qt's lrelease: PySide6's own copy, wherever it is installed."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            for name in ("lrelease", "lrelease.exe"):
                exe = Path(folder) / name
                if exe.is_file():
                    return [str(exe)]
    scripts = "Scripts" if sys.platform == "win32" else "bin"
    on_path = shutil.which("pyside6-lrelease")
    for candidate in (root / ".venv" / scripts / "pyside6-lrelease", on_path):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    return None


class TranslationsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Runs before the files of the wheel or sdist are collected."""

    PLUGIN_NAME = "custom"

    def _needed(self) -> bool:
        return not os.environ.get(SKIP_VARIABLE) and bool(stale_translations(Path(self.root)))

    def dependencies(self) -> list[str]:
        """PySide6 (for lrelease) in the build environment, only when it has to compile."""
        if not self._needed() or find_lrelease(Path(self.root)) is not None:
            return []
        wanted = [
            d for d in self.metadata.core.dependencies if d.lower().startswith("pyside6-essentials")
        ]
        return wanted or ["PySide6-Essentials>=6.7"]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable" and os.environ.get(SKIP_VARIABLE):
            return
        root = Path(self.root)
        stale = stale_translations(root)
        if not stale:
            return
        lrelease = find_lrelease(root)
        if lrelease is None:
            raise RuntimeError(
                "resources/i18n/*.qm must be compiled, and Qt's lrelease was not found: "
                "install PySide6-Essentials, or run `make qm` first"
            )
        for ts, qm in stale:
            self.app.display_info(f"lrelease {ts.relative_to(root)}")
            subprocess.run([*lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        build_data.setdefault("artifacts", []).extend(
            qm.relative_to(root).as_posix() for _, qm in stale
        )
