"""Encounter Coach entry point: no arguments opens the app; subcommands run headless."""

import importlib.util
import sys


def run() -> int:
    if len(sys.argv) > 1 or importlib.util.find_spec("coach_app.ui") is None:
        from coach_app.cli import main

        if len(sys.argv) > 1:
            return main(sys.argv[1:])
        # The desktop app is a separate piece of work; until it exists the main job is the demo.
        print("The desktop app is not part of this build yet; running the headless demo instead.\n", file=sys.stderr)
        return main(["demo"])
    from coach_app.ui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(run())
