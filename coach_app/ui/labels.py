"""Words shown for stored values (languages), translated where shown."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from coach_app.transcription.languages import LANGUAGE_NAMES

LANGUAGES = {"en": QT_TRANSLATE_NOOP("Language", "English"), "fi": QT_TRANSLATE_NOOP("Language", "Finnish"),
             "sv": QT_TRANSLATE_NOOP("Language", "Swedish")}


STATUS_WORDS = {"imported": QT_TRANSLATE_NOOP("Status", "imported"), "transcribing": QT_TRANSLATE_NOOP("Status", "transcribing"),
                "transcribed": QT_TRANSLATE_NOOP("Status", "transcribed"),
                "needs_review": QT_TRANSLATE_NOOP("Status", "needs review"), "failed": QT_TRANSLATE_NOOP("Status", "failed")}
CHANNEL_WORDS = {"phone": QT_TRANSLATE_NOOP("Status", "phone"), "chat": QT_TRANSLATE_NOOP("Status", "chat")}


def status_text(status: str) -> str:
    return QCoreApplication.translate("Status", STATUS_WORDS[status]) if status in STATUS_WORDS else status


def channel_text(channel: str) -> str:
    return QCoreApplication.translate("Status", CHANNEL_WORDS[channel]) if channel in CHANNEL_WORDS else channel


def language_text(code: str | None, probability: float | None) -> str:
    """'Finnish (98 %)' in the UI language; the probability only when it was detected."""
    if not code:
        return ""
    name = QCoreApplication.translate("Language", LANGUAGES[code]) if code in LANGUAGES else code
    return name if probability is None else f"{name} ({probability:.0%})"


def model_text(model: str | None) -> str:
    """A stored model name as shown: the embedded ones by their short name."""
    return (model or "").replace(" (embedded)", "")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StatusDetail", text)


# Why a transcript is held for review, as the transcription service words it (English, for the
# CLI and the log), and how the app says it: the sentence templates of transcription/whisper.py
# and quality.py, matched and rebuilt in the UI language.
_LOOP = QT_TRANSLATE_NOOP("StatusDetail", "{0} repeats “{1}” over and over: the model got stuck in a loop")
_ENGLISH_ONLY = QT_TRANSLATE_NOOP("StatusDetail", "{0} is in {1}, but the model {2} only understands English: transcribe it again with base or Automatic")
_INVENTED = QT_TRANSLATE_NOOP("StatusDetail", "{0} of {1} words of {2} come from passages the model was unsure of or repeated: likely invented text")
_LANGUAGES_DIFFER = QT_TRANSLATE_NOOP("StatusDetail", "The two channels speak different languages; each was transcribed in its own")
_BY_VOICE = QT_TRANSLATE_NOOP("StatusDetail", "Mono recording: agent and customer were told apart by their voices (estimated)")
_ONE_VOICE = QT_TRANSLATE_NOOP("StatusDetail", "Mono recording: only one voice was heard, so the speakers are not separated")
_NOT_COVERED = QT_TRANSLATE_NOOP("StatusDetail", "The call is in {0}, which the rubric {1} does not cover: it is not scored")
_CANCELLED = QT_TRANSLATE_NOOP("StatusDetail", "The transcription was cancelled: use Transcribe again to run it")
_INTERRUPTED = QT_TRANSLATE_NOOP("StatusDetail", "The previous transcription was interrupted; it runs again")
_WHO = {"agent": QT_TRANSLATE_NOOP("StatusDetail", "The agent's channel"),
        "customer": QT_TRANSLATE_NOOP("StatusDetail", "The customer's channel"),
        "": QT_TRANSLATE_NOOP("StatusDetail", "The recording")}

_DETAIL_PATTERNS = [
    (re.compile(r"^(?:the recording|the (agent|customer) channel) is in (.+?), but the model (.+?) only understands "
                r"English: transcribe it again with 'base' or 'auto'$"),
     lambda m: _tr(_ENGLISH_ONLY).format(_who(m.group(1)), _languages(m.group(2)), model_text(m.group(3)))),
    (re.compile(r"^the (agent|customer|recording) channel repeats “(.+)” over and over \(a decoding loop\)$"),
     lambda m: _tr(_LOOP).format(_who(m.group(1)), m.group(2))),
    (re.compile(r"^(\d+) of the (agent|customer|recording) channel's (\d+) words come from passages the model likely "
                r"invented: .*$"),
     lambda m: _tr(_INVENTED).format(m.group(1), m.group(3), _who(m.group(2)).lower())),
    (re.compile(r"^the channels' languages differ: .*$"), lambda m: _tr(_LANGUAGES_DIFFER)),
    (re.compile(r"^the call is in (.+?), which the rubric (\S+) does not cover .*$"),
     lambda m: _tr(_NOT_COVERED).format(_languages(m.group(1)), m.group(2))),
    (re.compile(r"^mono recording: agent and customer were told apart by their voices .*$"), lambda m: _tr(_BY_VOICE)),
    (re.compile(r"^mono recording: only one voice was heard.*$"), lambda m: _tr(_ONE_VOICE)),
    (re.compile(r"^the transcription was cancelled; .*$"), lambda m: _tr(_CANCELLED)),
    (re.compile(r"^the previous transcription was interrupted; .*$"), lambda m: _tr(_INTERRUPTED)),
]


def _who(group: str | None) -> str:
    return _tr(_WHO.get(group or "", _WHO[""]))


def _languages(text: str) -> str:
    """'Finnish (100%, 99%) / English (60%)' → 'suomi (100%, 99%) / englanti (60%)' in the UI language."""
    codes = {name: code for code, name in LANGUAGE_NAMES.items()}  # the names the service writes
    out = []
    for name, pcts in re.findall(r"(\w+) \(([\d%, ]+)\)", text):
        code = codes.get(name)
        shown = QCoreApplication.translate("Language", LANGUAGES[code]) if code in LANGUAGES else name
        out.append(f"{shown} ({pcts})")
    return " / ".join(out) or text


def detail_text(detail: str | None) -> str:
    """A stored status detail (one or more reasons joined by '; ') in the UI language; a reason
    this table does not know is shown as stored."""
    if not detail:
        return ""
    out = []
    for part in detail.split("; "):
        for pattern, render in _DETAIL_PATTERNS:
            m = pattern.match(part)
            if m:
                out.append(render(m))
                break
        else:
            out.append(part)
    return "; ".join(out)


# A criterion's verdict as a person reads it (the stored values are met / not_met / na).
VERDICT_WORDS = {"met": QT_TRANSLATE_NOOP("Verdict", "met"), "not_met": QT_TRANSLATE_NOOP("Verdict", "not met"),
                 "na": QT_TRANSLATE_NOOP("Verdict", "n/a")}
NOT_SCORED = QT_TRANSLATE_NOOP("Verdict", "not scored")


def verdict_text(status: str | None) -> str:
    """'not met' for 'not_met' in the UI language; 'not scored' for None."""
    if status is None:
        return QCoreApplication.translate("Verdict", NOT_SCORED)
    return QCoreApplication.translate("Verdict", VERDICT_WORDS[status]) if status in VERDICT_WORDS else status


# A dispute's state as a person reads it (stored: open / accepted / rejected).
DISPUTE_WORDS = {"open": QT_TRANSLATE_NOOP("Dispute", "open"), "accepted": QT_TRANSLATE_NOOP("Dispute", "accepted"),
                 "rejected": QT_TRANSLATE_NOOP("Dispute", "rejected")}
#: translated into the code of the UI language ("fi" in coach_fi.ts): which rubric title to show
UI_LANGUAGE = QT_TRANSLATE_NOOP("Language", "en")


def dispute_text(status: str) -> str:
    return QCoreApplication.translate("Dispute", DISPUTE_WORDS[status]) if status in DISPUTE_WORDS else status


def ui_language() -> str:
    """'fi' when the Finnish translation is installed, else 'en'."""
    return QCoreApplication.translate("Language", UI_LANGUAGE)


def title_text(title: dict, lang: str | None = None) -> str:
    """A rubric title (a dict keyed by language) in ``lang`` or the UI language, else any."""
    lang = lang or ui_language()
    return title.get(lang) or title.get("en") or next(iter(title.values()), "")


# The library's status filter beyond the call's own status: the state of its review.
REVIEW_FILTER_WORDS = {"not_reviewed": QT_TRANSLATE_NOOP("Status", "not yet reviewed"),
                       "disputed": QT_TRANSLATE_NOOP("Status", "open disputes"),
                       "awaiting_self": QT_TRANSLATE_NOOP("Status", "awaiting your self-assessment")}


def review_filter_text(key: str) -> str:
    return QCoreApplication.translate("Status", REVIEW_FILTER_WORDS[key]) if key in REVIEW_FILTER_WORDS else key
