"""A stand-in for rugdiary.ui.speech_child that misbehaves on request (tests start it).

python fake_speech_child.py MODE [--line N] [standard speech_child arguments]
Modes: ok, slow, hang-build, silent, hang-line, crash-line, error-CAUSE.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time


def send(**answer: object) -> None:
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def hang() -> None:
    # Stuck as a speech engine inside a system call would be; only SIGKILL ends it.
    threading.Event().wait()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode")
    parser.add_argument("--line", type=int, default=1)
    parser.add_argument("--parent-pid", type=int, default=None)
    args, _rest = parser.parse_known_args()
    sys.path.insert(0, os.environ.get("PYTHONPATH", "").split(os.pathsep)[0])
    from rugdiary.ui.speech_child import die_with_parent

    die_with_parent(args.parent_pid)
    if args.mode == "silent":
        hang()
    send(event="started")
    if args.mode == "hang-build":
        hang()
    if args.mode.startswith("error-"):
        send(event="error", cause=args.mode.removeprefix("error-"), detail="fake")
        return 3
    send(event="ready", locale="en_US")
    for count, raw in enumerate(sys.stdin, start=1):
        request = json.loads(raw)
        if args.mode == "hang-line" and count >= args.line:
            hang()
        if args.mode == "crash-line" and count >= args.line:
            os._exit(70)
        if args.mode == "slow":
            time.sleep(0.3)  # a busy machine: late, but well within the deadline
        send(event="said", id=request["id"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
