"""TinyDB's own JSONStorage tests, run against AtomicJSONStorage.

Adapted from tests/test_storages.py of TinyDB 4.9.0 (the sdist on PyPI), the tests that
exercise JSONStorage. Where AtomicJSONStorage differs on purpose (see its docstring), the
original expectation is kept in a comment next to the adapted one.

TinyDB: Copyright (C) 2013 Markus Siemens <markus@m-siemens.de>. MIT licence:

Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge,
publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB, where
from tinydb.storages import JSONStorage

from rugdiary.storage.atomic import AtomicJSONStorage
from rugdiary.storage.errors import CorruptDataError, StorageWriteError

doc: dict[str, Any] = {
    "none": [None, None],
    "int": 42,
    "float": 3.1415899999999999,
    "list": ["LITE", "RES_ACID", "SUS_DEXT"],
    "dict": {"hp": 13, "sp": 5},
    "bool": [True, False, True, False],
}


def test_json(tmp_path: Path) -> None:
    # Write contents
    path = str(tmp_path / "test.db")
    storage = AtomicJSONStorage(path)
    storage.write(doc)

    # Verify contents
    assert doc == storage.read()
    storage.close()


def test_json_kwargs(tmp_path: Path) -> None:
    db_file = tmp_path / "test.db"
    db = TinyDB(
        str(db_file), storage=AtomicJSONStorage, sort_keys=True, indent=4, separators=(",", ": ")
    )

    # Write contents
    db.insert({"b": 1})
    db.insert({"a": 1})

    assert (
        db_file.read_text()
        == """{
    "_default": {
        "1": {
            "b": 1
        },
        "2": {
            "a": 1
        }
    }
}"""
    )
    db.close()


def test_json_readwrite(tmp_path: Path) -> None:
    """Regression test for TinyDB issue #1."""
    path = str(tmp_path / "test.db")

    # Create TinyDB instance
    db = TinyDB(path, storage=AtomicJSONStorage)

    item = {"name": "A very long entry"}
    item2 = {"name": "A short one"}

    def get(s: str) -> Any:
        return db.get(where("name") == s)

    db.insert(item)
    assert get("A very long entry") == item

    db.remove(where("name") == "A very long entry")
    assert get("A very long entry") is None

    db.insert(item2)
    assert get("A short one") == item2

    db.remove(where("name") == "A short one")
    assert get("A short one") is None

    db.close()


def test_json_read(tmp_path: Path) -> None:
    """Open a database only for reading."""
    path = str(tmp_path / "test.db")
    with pytest.raises(FileNotFoundError):
        TinyDB(path, storage=AtomicJSONStorage, access_mode="r")
    # Create small database
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"b": 1})
    db.insert({"a": 1})
    db.close()
    # Access in read mode
    db = TinyDB(path, storage=AtomicJSONStorage, access_mode="r")
    assert db.get(where("a") == 1) == {"a": 1}  # reading is fine
    # TinyDB: pytest.raises(IOError). Here: StorageWriteError, which the app catches.
    with pytest.raises(StorageWriteError):
        db.insert({"c": 1})  # writing is not
    db.close()


def test_create_dirs(tmp_path: Path) -> None:
    db_dir = tmp_path / "new" / "folder"
    db_file = db_dir / "db.json"

    with pytest.raises(IOError):  # noqa: PT011 (TinyDB's own expectation)
        AtomicJSONStorage(db_file)

    AtomicJSONStorage(db_file, create_dirs=True).close()
    # TinyDB: the (empty) file exists now. Here the folder does, and the file appears with
    # the first write: an empty diary.json would read as damaged.
    assert db_dir.is_dir()
    assert not db_file.exists()
    storage = AtomicJSONStorage(db_file, create_dirs=True)
    storage.write({})
    assert db_file.exists()

    # Use create_dirs with already existing directory
    AtomicJSONStorage(db_file, create_dirs=True).close()
    assert db_file.exists()


def test_json_invalid_directory() -> None:
    with (
        pytest.raises(IOError),  # noqa: PT011 (TinyDB's own expectation)
        TinyDB("/this/is/an/invalid/path/db.json", storage=AtomicJSONStorage),
    ):
        pass


def test_encoding(tmp_path: Path) -> None:
    # TinyDB: {"Test": "こんにちは世界"}. Here a file must hold tables of records: what is
    # read from disk is checked, and anything else is a damaged diary.
    japanese_doc = {"_default": {"1": {"Test": "こんにちは世界"}}}

    path = str(tmp_path / "test.db")
    # cp936 is used for japanese encodings
    jap_storage = AtomicJSONStorage(path, encoding="cp936")
    jap_storage.write(japanese_doc)

    # TinyDB: json.decoder.JSONDecodeError. Here: CorruptDataError, naming the file.
    with pytest.raises(CorruptDataError):  # noqa: PT012 (TinyDB's own test)
        # cp037 is used for english encodings
        eng_storage = AtomicJSONStorage(path, encoding="cp037")
        eng_storage.read()

    jap_storage = AtomicJSONStorage(path, encoding="cp936")
    assert japanese_doc == jap_storage.read()


def test_json_invalid_mode_warning(tmp_path: Path) -> None:
    path = str(tmp_path / "test.db")
    with pytest.warns(UserWarning, match="Using an `access_mode` other than"):
        AtomicJSONStorage(path, access_mode="w")


# -- Beyond TinyDB's tests: the same behaviour, checked side by side with JSONStorage ------


@pytest.mark.parametrize("storage", [JSONStorage, AtomicJSONStorage], ids=["tinydb", "atomic"])
def test_both_storages_refuse_the_same_openings(tmp_path: Path, storage: Any) -> None:
    with pytest.raises(FileNotFoundError):
        storage(tmp_path / "missing.json", access_mode="r")
    with pytest.raises(FileNotFoundError):
        storage(tmp_path / "no-folder" / "db.json")
    with pytest.raises(LookupError):
        storage(tmp_path / "db.json", encoding="no-such-encoding")


@pytest.mark.parametrize("encoding", [None, "utf-8", "latin-1", "utf-16"])
def test_a_file_written_by_one_reads_in_the_other(tmp_path: Path, encoding: str | None) -> None:
    data = (
        {"_default": {"1": {"note": "Rugpijn ëé, 痛み"}}}
        if encoding != "latin-1"
        else {"_default": {"1": {"note": "Rugpijn ëé"}}}
    )
    theirs = JSONStorage(tmp_path / "theirs.json", encoding=encoding or "utf-8")
    theirs.write(data)
    theirs.close()
    assert AtomicJSONStorage(tmp_path / "theirs.json", encoding=encoding).read() == data
    AtomicJSONStorage(tmp_path / "ours.json", encoding=encoding).write(data)  # type: ignore[arg-type]
    ours = JSONStorage(tmp_path / "ours.json", encoding=encoding or "utf-8", access_mode="r")
    assert ours.read() == data
    ours.close()
