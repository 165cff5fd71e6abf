"""Encounter Coach entry point: no arguments opens the app; subcommands run headless."""

import sys


def run() -> int:
    if len(sys.argv) > 1:
        from coach_app.cli import main

        return main(sys.argv[1:])
    try:
        from coach_app.ui.app import main as gui_main  # the desktop app (separate issue)
    except ImportError:
        from coach_app.cli import main

        print("The desktop app is not part of this build yet; running the headless demo instead.\n", file=sys.stderr)
        return main(["demo"])
    return gui_main()


if __name__ == "__main__":
    sys.exit(run())
