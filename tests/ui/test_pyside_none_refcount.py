"""Regression guard: PySide6 6.12.0 on Python 3.11 drops a reference to None per void call."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, QPoint


def test_void_calls_keep_none_alive() -> None:
    """10,000 calls that return nothing must not lower None's reference count.

    The broken build aborts with "Fatal Python error: none_dealloc" after about 5,000.
    """
    point = QPoint()
    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(5000):
        point.setX(i)
        obj.setObjectName("x")
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references over 10,000 calls"


def test_installed_pyside_respects_the_pin() -> None:
    major, minor = (int(p) for p in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), "pyproject pins PySide6 < 6.12 on Python < 3.12"
