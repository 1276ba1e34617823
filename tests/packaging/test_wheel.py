"""The wheel and sdist carry resources/ and the compiled translations.

Built with hatchling's PEP 517 hooks in the test's own interpreter (no build isolation,
so no network); skipped where hatchling is not installed. A wheel build takes ~2 s.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

import rugdiary

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
HOOK = ROOT / "packaging" / "hatch_build.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("hatchling") is None,
        reason="hatchling is not installed (add it to the dev extras to build the wheel here)",
    ),
]


def _build(kind: str, out: Path) -> Path:
    """build_wheel or build_sdist of hatchling.build, run in a subprocess from the checkout."""
    code = f"import sys, hatchling.build as b; print(b.build_{kind}(sys.argv[1]))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out / result.stdout.strip().splitlines()[-1]


def _resource_files() -> set[str]:
    return {
        p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    wheel = _build("wheel", tmp_path_factory.mktemp("wheel"))
    assert wheel.name == f"rugdiary-{rugdiary.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"rugdiary-{rugdiary.__version__}.dist-info"
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        metadata = archive.read(f"{info}/METADATA").decode()
    assert "rugdiary = rugdiary.cli:main" in entry_points
    assert f"\nVersion: {rugdiary.__version__}\n" in metadata
    return names


def test_wheel_contains_every_resource(wheel_names: set[str]) -> None:
    inside = {
        n.removeprefix("rugdiary/resources/")
        for n in wheel_names
        if n.startswith("rugdiary/resources/")
    }
    missing = _resource_files() - inside
    assert not missing, f"not in the wheel: {sorted(missing)}"
    for folder in ("exercises", "programs"):
        assert any(n.startswith(f"{folder}/") and n.endswith(".json") for n in inside), folder
    assert "icons/rugdiary.svg" in inside
    assert {f"icons/rugdiary-{size}.png" for size in (64, 128, 256)} <= inside


def test_wheel_contains_a_compiled_translation_for_every_ts(wheel_names: set[str]) -> None:
    for ts in sorted(RESOURCES.glob("i18n/*.ts")):
        qm = f"rugdiary/resources/i18n/{ts.stem}.qm"
        assert qm in wheel_names, f"{qm} is missing: run `make qm` before building"


def test_wheel_holds_no_development_files(wheel_names: set[str]) -> None:
    assert not [n for n in wheel_names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in wheel_names if n.startswith(("tests/", "benchmarks/", "packaging/"))]


def test_sdist_contains_resources_and_translations(tmp_path: Path) -> None:
    sdist = _build("sdist", tmp_path)
    prefix = f"rugdiary-{rugdiary.__version__}/"
    with tarfile.open(sdist) as archive:
        names = {n.removeprefix(prefix) for n in archive.getnames()}
    missing = {f"resources/{n}" for n in _resource_files()} - names
    assert not missing, f"not in the sdist: {sorted(missing)}"
    # A wheel built from the sdist (which is what `python -m build` does) needs the .qm.
    for ts in sorted(RESOURCES.glob("i18n/*.ts")):
        assert f"resources/i18n/{ts.stem}.qm" in names
    assert "pyproject.toml" in names


# -- A clean checkout has no .qm: the build hook (packaging/hatch_build.py) compiles them ------


def _clean_copy(target: Path) -> Path:
    """The files git would check out (tracked and new, never ignored ones such as *.qm)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout to know which files a clean clone has")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    assert not list(target.rglob("*.qm")), "a clean copy must start without .qm files"
    return target


def _build_in(folder: Path, kind: str, out: Path) -> Path:
    code = f"import sys, hatchling.build as b; print(b.build_{kind}(sys.argv[1]))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "RUGDIARY_SKIP_QM_BUILD"},
    )
    assert result.returncode == 0, result.stderr
    return out / result.stdout.strip().splitlines()[-1]


def test_a_clean_checkout_builds_a_wheel_and_sdist_with_dutch(tmp_path: Path) -> None:
    """As `python -m build` does: the sdist from the checkout, then the wheel from the sdist."""
    checkout = _clean_copy(tmp_path / "checkout")
    sdist = _build_in(checkout, "sdist", tmp_path / "dist")
    prefix = f"rugdiary-{rugdiary.__version__}/"
    with tarfile.open(sdist) as archive:
        names = {n.removeprefix(prefix) for n in archive.getnames()}
        # The "data" filter exists from Python 3.11.4 (Debian 12 has 3.11.2); without it,
        # 3.12 and later warn. The archive was made a moment ago by this test.
        if hasattr(tarfile, "data_filter"):
            archive.extractall(tmp_path / "unpacked", filter="data")
        else:
            archive.extractall(tmp_path / "unpacked")
    expected = [f"resources/i18n/{ts.stem}.qm" for ts in sorted(RESOURCES.glob("i18n/*.ts"))]
    assert expected
    assert set(expected) <= names
    wheel = _build_in(tmp_path / "unpacked" / prefix, "wheel", tmp_path / "wheel")
    with zipfile.ZipFile(wheel) as archive:
        inside = set(archive.namelist())
        for name in expected:
            assert f"rugdiary/{name}" in inside
            assert archive.read(f"rugdiary/{name}")[:16] == (ROOT / name).read_bytes()[:16]
    # And straight from the checkout (pip install . / pip wheel .).
    direct = _build_in(checkout, "wheel", tmp_path / "direct")
    with zipfile.ZipFile(direct) as archive:
        assert {f"rugdiary/{name}" for name in expected} <= set(archive.namelist())


def _hook_module() -> Any:
    spec = importlib.util.spec_from_file_location("rugdiary_hatch_build", HOOK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_hook_asks_for_pyside6_only_when_it_must_compile_without_lrelease(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hatchling.builders.wheel import WheelBuilder

    checkout = _clean_copy(tmp_path / "checkout")
    hook_module = _hook_module()
    builder = WheelBuilder(str(checkout))
    hook = hook_module.TranslationsBuildHook(
        str(checkout), {}, builder.config, builder.metadata, "", "wheel", builder.app
    )
    monkeypatch.delenv(hook_module.SKIP_VARIABLE, raising=False)
    assert hook.dependencies() == []  # this interpreter has PySide6's lrelease
    monkeypatch.setattr(hook_module, "find_lrelease", lambda root: None)
    asked = hook.dependencies()
    assert asked
    assert all(d.lower().startswith("pyside6-essentials") for d in asked)
    monkeypatch.setenv(hook_module.SKIP_VARIABLE, "1")
    assert hook.dependencies() == []  # make's editable install: `make qm` compiles instead
    with pytest.raises(RuntimeError, match="lrelease was not found"):
        hook.initialize("standard", {})
