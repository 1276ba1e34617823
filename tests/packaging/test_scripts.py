"""The packaging shell scripts parse and are executable (they run in `make dist` and Flatpak)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "packaging").rglob("*.sh"))


def test_there_are_scripts() -> None:
    names = {p.name for p in SCRIPTS}
    assert {"build_dist.sh", "smoke_test.sh", "install-data.sh", "regenerate-deps.sh"}
    assert "ensure-packages.sh" in names <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_parses_and_is_executable(script: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    result = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert os.access(script, os.X_OK), f"chmod +x {script.relative_to(ROOT)}"
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")


# -- packaging/linux/ensure-packages.sh, run against fake dpkg-query, apt-get, sudo and id ----

ENSURE = ROOT / "packaging" / "linux" / "ensure-packages.sh"
PACKAGE_LIST = ROOT / "packaging" / "linux" / "debian-packages.txt"

FAKE_DPKG_QUERY = """#!/usr/bin/env bash
echo "dpkg-query $*" >>"$FAKE_LOG"
for arg in "$@"; do
  case $arg in -*) continue ;; esac
  if [[ " $FAKE_INSTALLED " == *" $arg "* ]]; then
    echo "$arg install ok installed"
  else
    echo "dpkg-query: no packages found matching $arg" >&2
  fi
done
"""
FAKE_APT_GET = """#!/usr/bin/env bash
echo "apt-get $*" >>"$FAKE_LOG"
exit "${FAKE_APT_STATUS:-0}"
"""
FAKE_SUDO = """#!/usr/bin/env bash
echo "sudo $1" >>"$FAKE_LOG"
exec "$@"
"""
FAKE_ID = """#!/usr/bin/env bash
echo "$FAKE_UID"
"""
FAKE_PYTHON = """#!/usr/bin/env bash
exit "$FAKE_VENV_STATUS"
"""


def _packages(*groups: str) -> list[str]:
    names = []
    for line in PACKAGE_LIST.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields and not fields[0].startswith("#") and fields[1] in groups:
            names.append(fields[0])
    return names


class FakeSystem:
    """A PATH with fake package tools; the script runs with nothing else available."""

    def __init__(self, root: Path) -> None:
        self.bin = root / "bin"
        self.bin.mkdir()
        self.log = root / "calls.log"
        self.log.touch()
        for tool in ("bash", "dirname"):
            real = shutil.which(tool)
            assert real is not None
            (self.bin / tool).symlink_to(real)
        self.tools = {"dpkg-query": FAKE_DPKG_QUERY, "apt-get": FAKE_APT_GET}
        self.tools |= {"sudo": FAKE_SUDO, "id": FAKE_ID, "python": FAKE_PYTHON}
        for name, text in self.tools.items():
            (self.bin / name).write_text(text, encoding="utf-8")
            (self.bin / name).chmod(0o755)

    def remove(self, tool: str) -> None:
        (self.bin / tool).unlink()

    def run(
        self,
        *groups: str,
        installed: list[str],
        uid: int = 0,
        venv_ok: bool = True,
        apt_status: int = 0,
    ) -> subprocess.CompletedProcess[str]:
        env = {
            "PATH": str(self.bin),
            "PYTHON": str(self.bin / "python"),
            "FAKE_LOG": str(self.log),
            "FAKE_INSTALLED": " ".join(installed),
            "FAKE_UID": str(uid),
            "FAKE_VENV_STATUS": "0" if venv_ok else "1",
            "FAKE_APT_STATUS": str(apt_status),
        }
        return subprocess.run(
            [str(self.bin / "bash"), str(ENSURE), *groups],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    def calls(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def fake_system(tmp_path: Path) -> FakeSystem:
    return FakeSystem(tmp_path)


def test_package_list_holds_what_qt_and_the_tests_need() -> None:
    run = _packages("run")
    assert {"libglib2.0-0", "libxcb-cursor0", "libpulse0", "libegl1", "python3-venv"} <= set(run)
    assert {"xvfb", "xdotool", "poppler-utils"} <= set(_packages("test"))
    assert {"at-spi2-core", "dbus", "python3-pyatspi"} <= set(_packages("test"))
    assert "xvfb" not in run
    assert len(run) == len(set(run))


def test_make_and_ci_share_the_install_step() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "packaging/linux/ensure-packages.sh $(PACKAGE_GROUPS)" in makefile
    assert "$(STAMP): pyproject.toml | system-packages" in makefile
    assert "test: PACKAGE_GROUPS = run test" in makefile
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "packaging/linux/ensure-packages.sh run test\nmake test\n" in ci
    assert "apt-get" not in ci


def test_all_installed_prints_nothing_asks_once_and_is_quick(fake_system: FakeSystem) -> None:
    t0 = time.perf_counter()
    result = fake_system.run("run", "test", installed=_packages("run", "test"))
    elapsed = time.perf_counter() - t0
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    calls = fake_system.calls()
    assert len(calls) == 1
    assert calls[0].startswith("dpkg-query -W")
    assert elapsed < 1.0


def test_root_installs_only_the_missing_packages(fake_system: FakeSystem) -> None:
    installed = [p for p in _packages("run") if p not in ("libpulse0", "libxcb-cursor0")]
    result = fake_system.run("run", installed=installed)
    assert result.returncode == 0, result.stderr
    assert "libpulse0" in result.stdout
    calls = fake_system.calls()
    assert calls[1] == "apt-get update -qq"
    assert calls[2] == "apt-get install -y -qq --no-install-recommends libxcb-cursor0 libpulse0"
    assert not [c for c in calls if c.startswith("sudo")]


def test_only_the_asked_groups_are_checked(fake_system: FakeSystem) -> None:
    result = fake_system.run("run", installed=_packages("run"))
    assert (result.returncode, result.stdout) == (0, "")
    assert "xvfb" not in fake_system.calls()[0]
    fake_system.run("run", "test", installed=_packages("run"))
    install = fake_system.calls()[-1]
    assert install.startswith("apt-get install")
    assert install.endswith(" ".join(_packages("test")))


def test_a_user_installs_through_sudo(fake_system: FakeSystem) -> None:
    result = fake_system.run("run", installed=_packages("run")[1:], uid=1000)
    assert result.returncode == 0, result.stderr
    calls = fake_system.calls()
    assert calls[1:] == [
        "sudo apt-get",
        "apt-get update -qq",
        "sudo apt-get",
        f"apt-get install -y -qq --no-install-recommends {_packages('run')[0]}",
    ]


def test_without_sudo_it_prints_the_command_and_stops(fake_system: FakeSystem) -> None:
    fake_system.remove("sudo")
    result = fake_system.run("run", installed=[], uid=1000, venv_ok=False)
    assert result.returncode == 1
    assert "Run this as root" in result.stderr
    assert f"apt-get install --no-install-recommends {' '.join(_packages('run'))}" in result.stderr
    assert len(fake_system.calls()) == 1  # dpkg-query only: nothing was tried


def test_a_failed_install_prints_the_command_and_stops(fake_system: FakeSystem) -> None:
    result = fake_system.run("run", installed=_packages("run")[1:], apt_status=100)
    assert result.returncode == 1
    assert "Could not install them" in result.stderr
    assert f"apt-get install --no-install-recommends {_packages('run')[0]}" in result.stderr


def test_without_apt_get_it_names_what_is_needed(fake_system: FakeSystem) -> None:
    fake_system.remove("apt-get")
    result = fake_system.run("run", installed=[])
    assert result.returncode == 1
    assert "no apt-get" in result.stderr
    assert " ".join(_packages("run")) in result.stderr
    assert fake_system.calls() == []


def test_python3_venv_only_where_python_cannot_make_a_venv(fake_system: FakeSystem) -> None:
    others = [p for p in _packages("run") if p != "python3-venv"]
    assert fake_system.run("run", installed=others, venv_ok=True).stdout == ""
    result = fake_system.run("run", installed=others, venv_ok=False)
    assert result.returncode == 0
    assert fake_system.calls()[-1].endswith("--no-install-recommends python3-venv")


def test_the_check_can_be_skipped_on_other_systems(fake_system: FakeSystem) -> None:
    fake_system.remove("apt-get")
    env = {"PATH": str(fake_system.bin), "RUGDIARY_SKIP_SYSTEM_PACKAGES": "1"}
    result = subprocess.run(
        [str(fake_system.bin / "bash"), str(ENSURE), "run"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
