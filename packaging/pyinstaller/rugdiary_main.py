"""Entry script for the PyInstaller bundle: the same `main` as the `rugdiary` command."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--speech-child"]:
        # The voice process (rugdiary.ui.audio starts it so): the bundle has no python -m.
        from rugdiary.ui.speech_child import main as speech_main

        sys.exit(speech_main(sys.argv[2:]))
    from rugdiary.cli import main

    sys.exit(main())
