"""Encounter Coach entry point: no arguments opens the app; subcommands run headless."""

import os
import sys


def _has_screen() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
                or sys.platform in ("win32", "darwin"))


def run() -> int:
    if len(sys.argv) > 1:
        from coach_app.cli import main

        return main(sys.argv[1:])
    if not _has_screen():
        from coach_app.cli import main

        print("No screen here (DISPLAY is not set): running the headless demo instead of the desktop app.\n",
              file=sys.stderr)
        return main(["demo"])
    from coach_app.ui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(run())
