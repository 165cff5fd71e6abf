"""The services' refusals in the UI language. The services speak English (the CLI, the log); the
app renders the refusals a person meets most often — who may do what, calls they may not see —
in Finnish too, and shows any other message as it is."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from coach_app.ui.identity_dialog import role_text

_ROLE_KEYS = {"agent": "agent", "team lead": "team_lead", "trainer": "trainer", "admin": "admin"}
#: what the role rule was about (services.access.require_role's ``doing``) → the whole sentence
_DOING = {
    "add people": QT_TRANSLATE_NOOP("ServiceErrors", "Only admins can add people (%1: %2)."),
    "review calls": QT_TRANSLATE_NOOP("ServiceErrors", "Only team leads and admins can review calls (%1: %2)."),
    "save rubric versions": QT_TRANSLATE_NOOP("ServiceErrors",
                                              "Only trainers and admins can save rubric versions (%1: %2)."),
    "assign reviews": QT_TRANSLATE_NOOP("ServiceErrors", "Only team leads and admins can assign reviews (%1: %2)."),
    "be assigned reviews": QT_TRANSLATE_NOOP("ServiceErrors",
                                             "Only team leads and admins can be assigned reviews (%1: %2)."),
    "run calibration sessions": QT_TRANSLATE_NOOP(
        "ServiceErrors", "Only team leads, trainers and admins can run calibration sessions (%1: %2)."),
    "take part in calibration as reviewers": QT_TRANSLATE_NOOP(
        "ServiceErrors", "Only team leads, trainers and admins can review in calibration sessions (%1: %2)."),
}
_PATTERNS = [
    (re.compile(r"^(?P<a>.+) is not a person of this workspace(?:;.*)?$"),
     QT_TRANSLATE_NOOP("ServiceErrors", "%1 is not a person of this workspace; an admin adds people (File ▸ People…)."),
     ("a",)),
    (re.compile(r"^no interaction with id (?P<a>\d+)$"),
     QT_TRANSLATE_NOOP("ServiceErrors", "There is no call %1."), ("a",)),
    (re.compile(r"^submit or skip your self-assessment of interaction (?P<a>\d+) first.*$"),
     QT_TRANSLATE_NOOP("ServiceErrors", "Submit or skip your self-assessment of call %1 first; the lead's review "
                                        "opens to you then."), ("a",)),
    (re.compile(r"^this database login is (?P<a>.+)'s; it cannot act as (?P<b>.+)$"),
     QT_TRANSLATE_NOOP("ServiceErrors", "This database login is %1's; it cannot act as %2."), ("a", "b")),
    (re.compile(r"^interaction (?P<a>\d+) is not a call of (?P<b>.+)'s team$"),
     QT_TRANSLATE_NOOP("ServiceErrors", "Call %1 is not a call of %2's team."), ("a", "b")),
]
_ROLE_RULE = re.compile(r"^(?P<name>.+) is an? (?P<role>agent|team lead|trainer|admin); only .+ can (?P<doing>.+)$")


def error_text(message) -> str:
    """``message`` (a CoachError or its text) as a person reads it in the UI language."""
    text = str(message)
    m = _ROLE_RULE.match(text)
    if m and m.group("doing") in _DOING:
        return (QCoreApplication.translate("ServiceErrors", _DOING[m.group("doing")])
                .replace("%1", m.group("name")).replace("%2", role_text(_ROLE_KEYS[m.group("role")]).lower()))
    for pattern, template, groups in _PATTERNS:
        m = pattern.match(text)
        if m:
            out = QCoreApplication.translate("ServiceErrors", template)
            for i, g in enumerate(groups, start=1):
                out = out.replace(f"%{i}", m.group(g))
            return out
    return text
