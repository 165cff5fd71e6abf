"""Language codes as the CLI and the service messages name them (the app translates its own)."""

from __future__ import annotations

LANGUAGE_NAMES = {"en": "English", "fi": "Finnish", "sv": "Swedish", "et": "Estonian", "ru": "Russian",
                  "de": "German", "fr": "French", "es": "Spanish", "no": "Norwegian", "da": "Danish"}


def language_name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", code or "unknown")
