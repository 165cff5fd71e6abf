"""Errors a user may see. Each carries one readable line; the CLI prints it without a traceback."""

from __future__ import annotations


class CoachError(Exception):
    """A problem the user can act on. ``str(err)`` is the message shown to them."""


class InputFileError(CoachError):
    """An input file is missing, unreadable, empty, corrupt or of an unsupported kind."""

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ConfigurationError(CoachError):
    """A setting cannot work (e.g. an English-only model asked to transcribe Finnish)."""


class NotFoundError(CoachError):
    """A record the user named (by id) does not exist."""
