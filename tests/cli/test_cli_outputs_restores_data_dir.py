"""The command line after a review: -o checks for screenshots and programme files, restores
that say where the diary went, a diary from a newer version, and an empty --data-dir."""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rugdiary.cli import EXIT_BAD_INPUT, EXIT_DATA, EXIT_OK, main
from rugdiary.storage.atomic import decode_tables, encode_tables
from rugdiary.storage.database import list_backups


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def add(capsys: pytest.CaptureFixture[str], *argv: str) -> None:
    code, _, err = run(capsys, *argv, "add", "--pain", "3", "--stress", "4")
    assert code == EXIT_OK, err


def files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pains(path: Path) -> list[int]:
    tables = decode_tables(path.read_bytes(), path)
    return sorted(doc["pain"] for doc in tables.get("entries", {}).values())


# -- 4: screenshot -o follows the rules of export and report -----------------------------------


@pytest.fixture
def qt_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """`screenshot` sets Qt's platform and scale in os.environ; put them back afterwards."""
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    monkeypatch.setenv("QT_SCALE_FACTOR", os.environ.get("QT_SCALE_FACTOR", "1"))


@pytest.mark.usefixtures("qt_env")
@pytest.mark.parametrize("name", ["diary.json", "backups/x.png", ".diary.lock", "diary.json.bak"])
def test_a_screenshot_never_lands_on_the_data_folders_own_files(
    data_dir: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    add(capsys)
    before = files(data_dir)
    code, _, err = run(
        capsys, "screenshot", "--page", "today", "-o", str(data_dir / name), "--force"
    )
    assert code == EXIT_BAD_INPUT
    assert f"-o: {data_dir / name} is one of the data folder's own files" in err
    assert files(data_dir) == before


@pytest.mark.usefixtures("qt_env")
def test_a_screenshot_keeps_an_existing_file_without_force(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys)
    mine = tmp_path / "mine.png"
    mine.write_bytes(b"keep me")
    code, _, err = run(capsys, "screenshot", "--page", "today", "-o", str(mine))
    assert code == EXIT_BAD_INPUT
    assert err.strip() == f"rugdiary: -o: {mine} already exists; add --force to replace it"
    assert mine.read_bytes() == b"keep me"


def _screenshot(*argv: str) -> subprocess.CompletedProcess[str]:
    """A child process, as the command is used: Qt's platform must be set before Qt starts,
    and a QApplication made here would carry its theme and language into later tests."""
    command = [sys.executable, "-m", "rugdiary", "screenshot", "--page", "today"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*command, "--size", "600x400", *argv], capture_output=True, text=True, env=env, timeout=120
    )


def test_a_screenshot_replaces_a_file_only_with_force_atomically_and_0600(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys)
    target = tmp_path / "shot.png"
    target.write_bytes(b"old picture")
    os.chmod(target, 0o644)
    done = _screenshot("-o", str(target), "--force")
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.strip() == str(target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600, "it shows health data"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "shot.png"], "no temp file"


def test_a_screenshot_that_cannot_be_written_is_one_line_naming_the_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys)
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    target = blocker / "shot.png"  # "Not a directory": no user may write there, not even root
    done = _screenshot("-o", str(target))
    assert done.returncode == EXIT_BAD_INPUT
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"rugdiary: -o: cannot write {target} (Not a directory); nothing was written"
    ]


# -- 6: programme export and sheet only read ---------------------------------------------------


@pytest.mark.parametrize(
    "command", [["export", "desk-break"], ["sheet", "desk-break", "--lang", "en"]]
)
@pytest.mark.parametrize("name", ["diary.json", "backups/x.pdf", "diary.json.damaged-1"])
def test_programme_files_never_land_on_the_data_folders_own_files(
    data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str], name: str
) -> None:
    add(capsys)
    before = files(data_dir)
    code, _, err = run(capsys, "programs", *command, "-o", str(data_dir / name), "--force")
    assert code == EXIT_BAD_INPUT
    assert f"-o: {data_dir / name} is one of the data folder's own files" in err
    assert files(data_dir) == before


def test_programme_export_in_a_mistyped_folder_makes_no_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "typo"
    for command in (["export", "desk-break"], ["sheet", "desk-break"]):
        out = tmp_path / f"{command[0]}.out"
        code, _, err = run(capsys, "--data-dir", str(typo), "programs", *command, "-o", str(out))
        assert code == EXIT_OK, err
        assert out.is_file()
    assert not typo.exists(), "no folder, no diary, no lock file"


@contextlib.contextmanager
def _read_only_view(folder: Path, view: Path) -> Iterator[Path]:
    view.mkdir()
    for args in (["--bind", str(folder), str(view)], ["-o", "remount,bind,ro", str(view)]):
        done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
        if done.returncode:
            subprocess.run(["umount", "-l", str(view)], check=False)
            pytest.skip(f"mount failed: {done.stderr.strip()}")
    try:
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def test_programme_export_and_sheet_work_on_a_read_only_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root (.ci/run runs as root)")
    folder = tmp_path / "data"
    add(capsys, "--data-dir", str(folder))
    (folder / ".diary.lock").unlink()  # and none can be made in the view
    with _read_only_view(folder, tmp_path / "ro") as view:
        for command in (["export", "desk-break"], ["sheet", "desk-break"]):
            out = tmp_path / f"{command[0]}.out"
            code, _, err = run(
                capsys, "--data-dir", str(view), "programs", *command, "-o", str(out)
            )
            assert code == EXIT_OK, err
            assert out.is_file()


# -- 1 and 7: a restore says where the diary went ---------------------------------------------


def test_repeated_restores_each_name_a_pre_restore_copy_that_holds_the_diary(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys)
    run(capsys, "backup")
    code, _, _ = run(capsys, "add", "--pain", "9", "--stress", "9")
    assert code == EXIT_OK
    before_first = (data_dir / "diary.json").read_bytes()
    oldest = list_backups(data_dir)[-1].path
    named = []
    for _ in range(8):
        code, out, err = run(capsys, "restore", str(oldest))
        assert code == EXIT_OK, err
        last = out.strip().splitlines()[-1]
        assert last.startswith("The diary as it was is kept as a backup: ")
        named.append(Path(last.rsplit(": ", 1)[1]))
    assert named[0].read_bytes() == before_first
    assert all(p.is_file() for p in named)
    code, out, _ = run(capsys, "restore", "--list")
    assert all(str(p) in out for p in named)


def _newer(data_dir: Path) -> bytes:
    raw = encode_tables({"_meta": {"1": {"schema": 99}}, "entries": {}})
    (data_dir / "diary.json").write_bytes(raw)
    return raw


def test_restore_refuses_a_diary_from_a_newer_version_unless_forced(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys)
    run(capsys, "backup")
    newer = _newer(data_dir)
    before = files(data_dir)
    code, out, err = run(capsys, "restore")
    assert code == EXIT_DATA
    assert out == ""
    assert "written by a newer RugDiary (data version 99" in err
    assert f"file: {data_dir / 'diary.json'}" in err
    assert "nothing was restored; `rugdiary restore --force`" in err
    assert files(data_dir) == before
    code, out, err = run(capsys, "restore", "--force")
    assert code == EXIT_OK, err
    last = out.strip().splitlines()[-1]
    assert last.startswith("The diary as it was is set aside as: ")
    aside = Path(last.rsplit(": ", 1)[1])
    assert aside.name.startswith("diary.json.newer-")
    assert aside.read_bytes() == newer
    assert pains(data_dir / "diary.json") == [3]


def test_restore_of_a_damaged_diary_names_the_file_it_was_set_aside_as(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(capsys)
    (data_dir / "diary.json").write_bytes(b"{cut off")
    code, out, err = run(capsys, "restore")
    assert code == EXIT_OK, err
    last = out.strip().splitlines()[-1]
    assert last.startswith("The diary as it was is set aside as: ")
    assert Path(last.rsplit(": ", 1)[1]).read_bytes() == b"{cut off"


# -- 8: an empty --data-dir is bad input, not "not given" ---------------------------------------


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_data_dir_is_refused_naming_the_option(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    value: str,
) -> None:
    """RUGDIARY_DATA_DIR points at `data_dir`: an empty option used to write there, and
    one of spaces into a folder of that name in the current folder (here: tmp_path)."""
    monkeypatch.chdir(tmp_path)
    for command in (["add", "--pain", "1", "--stress", "1"], ["list"], ["restore"]):
        code, out, err = run(capsys, "--data-dir", value, *command)
        assert code == EXIT_BAD_INPUT, command
        assert out == ""
        assert err.strip() == (
            "rugdiary: --data-dir: the folder name is empty; give a folder, or leave the option out"
        )
    assert not data_dir.exists()
    assert list(tmp_path.iterdir()) == []
