"""Words shown for stored values (languages), translated where shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

LANGUAGES = {"en": QT_TRANSLATE_NOOP("Language", "English"), "fi": QT_TRANSLATE_NOOP("Language", "Finnish"),
             "sv": QT_TRANSLATE_NOOP("Language", "Swedish")}


def language_text(code: str | None, probability: float | None) -> str:
    """'Finnish (98 %)' in the UI language; the probability only when it was detected."""
    if not code:
        return ""
    name = QCoreApplication.translate("Language", LANGUAGES[code]) if code in LANGUAGES else code
    return name if probability is None else f"{name} ({probability:.0%})"
