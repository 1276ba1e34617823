"""Own pictures: one that cannot travel stays behind by itself, the pictures folder is the
data folder's own, and a picture no exercise names any more is removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from programme_samples import jpeg_header, own_exercise, png

from rugdiary.core.program_file import MAX_PICTURE_SIDE
from rugdiary.storage.database import Database, is_data_folder_file
from rugdiary.storage.program_files import (
    DataFolderFileError,
    LeftOutBecause,
    diary_copies,
    export_pictures,
    picture_names_in_use,
    remove_unused_pictures,
    write_new_file,
)
from rugdiary.storage.repositories import ExerciseRepository


def test_a_picture_that_cannot_travel_stays_behind_with_its_reason(data_dir: Path) -> None:
    pictures = data_dir / "pictures"
    pictures.mkdir(parents=True)
    (pictures / "good.png").write_bytes(png())
    (pictures / "damaged.png").write_bytes(b"MZ this is a program, not a picture")
    (pictures / "huge.jpg").write_bytes(jpeg_header(MAX_PICTURE_SIDE + 1, 10))
    (pictures / "drawn.svg").write_text("<svg/>")
    exercises = [
        own_exercise("good", "good.png"),
        own_exercise("damaged", "damaged.png"),
        own_exercise("huge", "huge.jpg"),
        own_exercise("drawn", "drawn.svg"),
        own_exercise("gone", "gone.png"),
        own_exercise("none", None),
    ]
    found, left_out = export_pictures(pictures, exercises)
    assert found == {"good": png()}
    assert [(left.exercise.id, left.because) for left in left_out] == [
        ("damaged", LeftOutBecause.UNREADABLE),
        ("huge", LeftOutBecause.UNREADABLE),
        ("drawn", LeftOutBecause.NOT_TRAVELLING),
        ("gone", LeftOutBecause.MISSING),
    ]


@pytest.mark.parametrize("name", ["pictures/wall-slide.png", "pictures/sheet.pdf"])
def test_the_pictures_folder_is_the_data_folders_own(data_dir: Path, name: str) -> None:
    picture = data_dir / name
    picture.parent.mkdir(parents=True)
    picture.write_bytes(png())
    assert is_data_folder_file(data_dir, picture)
    with pytest.raises(DataFolderFileError):
        write_new_file(picture, b"%PDF-", force=True, data_dir=data_dir)
    assert picture.read_bytes() == png()
    assert not is_data_folder_file(data_dir, data_dir / "pictures.pdf")


def test_pictures_no_exercise_names_are_removed_and_nothing_else(data_dir: Path) -> None:
    pictures = data_dir / "pictures"
    pictures.mkdir(parents=True)
    for name in ("kept.png", "orphan.jpg", "old.svg", ".staged.part"):
        (pictures / name).write_bytes(png())
    (pictures / "folder").mkdir()
    removed = remove_unused_pictures(pictures, lambda: {"kept.png"})
    assert sorted(p.name for p in removed) == ["old.svg", "orphan.jpg"]
    assert sorted(p.name for p in pictures.iterdir()) == [".staged.part", "folder", "kept.png"]


def test_the_folder_is_listed_before_the_records_are_read(data_dir: Path) -> None:
    """An import elsewhere writes its records first and then names its pictures: a picture
    that appears after the listing is not taken for an orphan."""
    pictures = data_dir / "pictures"
    pictures.mkdir(parents=True)
    (pictures / "kept.png").write_bytes(png())

    def records() -> set[str]:
        (pictures / "just-imported.png").write_bytes(png())
        return {"kept.png"}

    assert remove_unused_pictures(pictures, records) == []
    assert (pictures / "just-imported.png").exists()
    assert remove_unused_pictures(data_dir / "no such folder", set) == []


def test_a_record_the_app_cannot_read_still_owns_its_picture(data_dir: Path) -> None:
    """A record from a newer version (or hand-edited) is left out of the exercise list, but
    its picture is still its own: removing it would lose the person's photo."""
    with Database.open(data_dir) as db:
        ExerciseRepository(db).save(own_exercise("mine", "mine.png"))
        db.table(ExerciseRepository.TABLE).insert(
            {"id": "newer", "picture": "newer.png", "a_field_from_a_newer_version": 1}
        )
        assert [e.id for e in ExerciseRepository(db).list()] == ["mine"]
        pictures = data_dir / "pictures"
        pictures.mkdir()
        for name in ("mine.png", "newer.png", "orphan.png"):
            (pictures / name).write_bytes(png())
        removed = remove_unused_pictures(pictures, lambda: picture_names_in_use(db))
    assert [p.name for p in removed] == ["orphan.png"]
    assert sorted(p.name for p in pictures.iterdir()) == ["mine.png", "newer.png"]


def test_a_picture_a_backup_still_names_is_kept(data_dir: Path) -> None:
    """Restoring that backup brings the exercise back, with its picture."""
    pictures = data_dir / "pictures"
    pictures.mkdir(parents=True)
    for name in ("deleted-last-week.png", "never-named.png"):
        (pictures / name).write_bytes(png())
    backup = data_dir / "backup.json"
    backup.write_text('{"exercises": {"1": {"id": "x", "picture": "deleted-last-week.png"}}}')
    removed = remove_unused_pictures(pictures, set, [backup])
    assert [p.name for p in removed] == ["never-named.png"]
    assert (pictures / "deleted-last-week.png").exists()
    assert remove_unused_pictures(pictures, set, [data_dir / "unreadable.json"]) == []
    assert (pictures / "deleted-last-week.png").exists()


def test_with_the_diary_missing_no_picture_is_removed(data_dir: Path) -> None:
    """A diary moved away or on an unplugged disk reads as empty: every picture would look
    unused, so none may go."""
    with Database.open(data_dir) as db:
        ExerciseRepository(db).save(own_exercise("mine", "mine.png"))
        pictures = data_dir / "pictures"
        pictures.mkdir()
        (pictures / "mine.png").write_bytes(png())
        (data_dir / "diary.json").rename(data_dir / "moved.json")
        assert remove_unused_pictures(pictures, lambda: picture_names_in_use(db)) == []
    assert (pictures / "mine.png").exists()


def test_a_diary_set_aside_by_a_restore_counts_as_a_copy(data_dir: Path) -> None:
    """A damaged or newer-version diary set aside beside the diary can be brought back;
    the pictures it names stay with it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    aside = data_dir / "diary.json.damaged-20261208-101500-000000"
    aside.write_text('{"exercises": {"1": {"picture": "from-before.png"}}}')
    (data_dir / "diary.json.newer-20261208-101500-000000").write_text("{}")
    assert aside in diary_copies(data_dir)
    pictures = data_dir / "pictures"
    pictures.mkdir()
    (pictures / "from-before.png").write_bytes(png())
    assert remove_unused_pictures(pictures, set, diary_copies(data_dir)) == []
