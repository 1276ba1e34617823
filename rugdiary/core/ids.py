"""Finding a record by its id, or by the start of it that the command line's lists show."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=HasId)


def find_by_id(records: Iterable[R], key: str) -> R | None:
    """The record with id `key`, or whose id starts with `key` when only one does.

    The lists print the first characters of each id; a person types those back. A key
    that fits two records finds none, so a command never acts on a guess.
    """
    items = list(records)
    for item in items:
        if item.id == key:
            return item
    matches = [item for item in items if key and item.id.startswith(key)]
    return matches[0] if len(matches) == 1 else None
