"""Encounter Coach entry point: no subcommand opens the app (on --workspace DIR / --db URL when
given); a subcommand runs headless."""

import os
import sys


def _has_screen() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
                or sys.platform in ("win32", "darwin"))


def run() -> int:
    from coach_app.cli import build_parser, main

    argv = sys.argv[1:]
    # the CLI's own parser tells the global options from a subcommand: `--workspace DIR` alone
    # opens the app on DIR, `--workspace DIR list` runs the CLI (and -h prints the usage)
    args, extras = build_parser().parse_known_args(argv)
    if args.command or extras:
        return main(argv)
    if not _has_screen():
        print("No screen here (DISPLAY is not set): running the headless demo instead of the desktop app.\n",
              file=sys.stderr)
        return main([*argv, "demo"])
    # the app finds its workspace and database the way the CLI does: flag > environment
    if args.workspace:
        os.environ["COACH_WORKSPACE"] = os.path.abspath(os.path.expanduser(args.workspace))
    if args.db:
        os.environ["COACH_DB"] = args.db
    from coach_app.ui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(run())
