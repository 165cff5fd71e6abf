"""Figures the hardening tests measure (inputs tried / handled cleanly, kills survived, ...),
shown at the end of the test run by tests/conftest.py's terminal summary."""

from __future__ import annotations

FIGURES: dict[str, str] = {}


def record(name: str, text: str) -> None:
    FIGURES[name] = text
