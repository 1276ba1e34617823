"""The packaging shell scripts parse and are executable (they run in `make dist` and Flatpak)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "packaging").rglob("*.sh"))


def test_there_are_scripts() -> None:
    names = {p.name for p in SCRIPTS}
    assert {"build_dist.sh", "smoke_test.sh", "install-data.sh", "regenerate-deps.sh"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_parses_and_is_executable(script: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    result = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert os.access(script, os.X_OK), f"chmod +x {script.relative_to(ROOT)}"
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
