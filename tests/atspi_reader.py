"""Read RugDiary through AT-SPI as a screen reader does; run by tests/test_atspi_smoke.py.

Runs under the system python3 (`/usr/bin/python3 atspi_reader.py`), where Debian's
python3-pyatspi lives, with DISPLAY and DBUS_SESSION_BUS_ADDRESS of the app under test.
It finds the app on the accessibility bus, opens Insights by selecting it in the page list,
reads the finding, opens the exercise session page, presses Start, picks a pain score and
reads it back, starts and reads the player's texts. Prints one JSON object; on failure, a
message on stderr and exit status 1.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pyatspi

DEADLINE_S = 20.0


class NotFoundError(Exception):
    pass


def poll(what: str, probe: Callable[[], Any], timeout: float = DEADLINE_S) -> Any:
    """`probe()`'s first true answer; the app is another process: no signal to wait on."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            answer = probe()
        except Exception:  # an object went away while the page was being rebuilt
            answer = None
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise NotFoundError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.05)


def showing(node: Any) -> Iterator[Any]:
    """`node` and what is on screen below it, in reading order (hidden pages are skipped)."""
    yield node
    for child in node:
        if child is not None and child.getState().contains(pyatspi.STATE_SHOWING):
            yield from showing(child)


def find(root: Any, role: str, *, name: str | None = None, description: str | None = None) -> Any:
    for node in showing(root):
        if node.getRoleName() != role:
            continue
        if name is not None and node.name != name:
            continue
        if description is not None and node.description != description:
            continue
        return node
    return None


def described_texts(root: Any, *descriptions: str) -> dict[str, str] | None:
    """What a screen reader says for the labels described so, read in one pass; None until
    each of them has text."""
    texts = {
        str(node.description): str(node.name)
        for node in showing(root)
        if node.getRoleName() == "label" and node.description in descriptions
    }
    return texts if all(texts.get(d) for d in descriptions) else None


def open_page(window: Any, title: str) -> None:
    """Choose a page as a screen reader does: select its item in the page list."""
    pages = poll("the page list", lambda: find(window, "list", name="Pages"))
    titles = [item.name for item in pages]
    if title not in titles:
        raise NotFoundError(f"no page {title!r} in {titles}")
    pages.querySelection().selectChild(titles.index(title))


def act(node: Any, *wanted: str) -> None:
    """Do the first of the `wanted` actions that `node` offers (Qt calls a press "Press")."""
    actions = node.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    chosen = next((name for name in wanted if name in names), None)
    if chosen is None:
        raise NotFoundError(f"{node.name!r} offers {names}, not {list(wanted)}")
    actions.doAction(names.index(chosen))


def press(root: Any, name: str) -> None:
    act(poll(f"the button {name!r}", lambda: find(root, "push button", name=name)), "Press")


def next_to(root: Any, role: str, heading: str) -> Any:
    """The first `role` after the label `heading`, as a screen reader reads on."""
    seen = False
    for node in showing(root):
        if node.getRoleName() == "label" and node.name == heading:
            seen = True
        elif seen and node.getRoleName() == role:
            return node
    return None


def read_app() -> dict[str, Any]:
    desktop = pyatspi.Registry.getDesktop(0)
    app = poll(
        "RugDiary on the accessibility bus",
        lambda: next((a for a in desktop if a is not None and a.name == "RugDiary"), None),
    )
    window = poll("the main window", lambda: find(app, "frame"))

    open_page(window, "Insights")
    # The finding is worked out in the background: it is there once the label has text.
    shows = "What your diary shows"
    finding = poll("the Insights finding", lambda: described_texts(window, shows))[shows]

    open_page(window, "Exercise session")
    program = poll("the next program", lambda: next_to(window, "label", "Next program")).name
    press(window, f"Start {program}")
    # Before the session: pain now, chosen on the 0-10 scale, then Start.
    scale = poll("the pain scale", lambda: find(window, "filler", name="Pain right now"))
    act(next(box for box in scale if box.name == "3 of 10"), "Press", "Toggle")
    # The chosen value is read out with the scale (its description starts with it).
    chosen = poll("the chosen pain", lambda: scale.description.startswith("Chosen:") and scale)
    pain = str(chosen.description)
    press(window, "Start")
    started = time.monotonic()
    # Read together, straight away: the session moves on from "Get ready" in a few seconds.
    texts = ("Program", "Exercise", "What to do now", "How to do this exercise")
    player = poll("the player's texts", lambda: described_texts(window, *texts))
    player["seconds after Start"] = f"{time.monotonic() - started:.2f}"
    return {"finding": finding, "next_program": program, "pain": pain, "player": player}


def main() -> int:
    try:
        result = read_app()
    except NotFoundError as exc:
        print(f"atspi_reader: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
