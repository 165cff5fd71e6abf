"""Personal-data redaction for exports and (optionally) the transcript view. One place, reused.

Finds Finnish personal identity codes (henkilötunnus, check character validated), payment
card numbers (Luhn-valid, 13–19 digits), IBANs, phone numbers, e-mail addresses, and long
digit sequences spoken as words ("four one one one …", "neljä yksi yksi …"), in English and
Finnish text. Each is replaced by a bracketed label such as ``[card number]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_HETU = re.compile(r"\b(\d{6})([-+A-FYXWVU])(\d{3})([0-9A-Y])\b", re.IGNORECASE)
_CARD = re.compile(r"\b\d(?:[ -]?\d){12,18}\b")
_IBAN = re.compile(r"[A-Z]{2} ?\d{2}(?: ?[A-Z0-9]){10,30}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[ -]?|\b0)\d{1,4}(?:[ -]?\d{2,5}){1,4}\b")
_DIGIT_WORDS = {
    "en": "zero oh one two three four five six seven eight nine double triple".split(),
    "fi": "nolla yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän".split()
          + "yks kaks viis kuus seittemän kaheksan yheksän".split(),
}
_WORD = "|".join(sorted({w for ws in _DIGIT_WORDS.values() for w in ws}, key=len, reverse=True))
_SPOKEN = re.compile(rf"\b(?:{_WORD})(?:[ ,.-]+(?:{_WORD}|dash|viiva)){{5,}}\b", re.IGNORECASE)

LABELS = {
    "en": {"hetu": "[personal ID]", "card": "[card number]", "iban": "[IBAN]", "email": "[e-mail]",
           "phone": "[phone number]", "spoken": "[number]"},
    "fi": {"hetu": "[henkilötunnus]", "card": "[korttinumero]", "iban": "[IBAN]", "email": "[sähköposti]",
           "phone": "[puhelinnumero]", "spoken": "[numero]"},
}


def valid_hetu(code: str) -> bool:
    m = _HETU.fullmatch(code.strip())
    if not m:
        return False
    dd, mm = int(m.group(1)[:2]), int(m.group(1)[2:4])
    if not (1 <= dd <= 31 and 1 <= mm <= 12):
        return False
    return _HETU_CHECK[int(m.group(1) + m.group(3)) % 31] == m.group(4).upper()


def luhn_valid(digits: str) -> bool:
    nums = [int(c) for c in digits if c.isdigit()][::-1]
    if not 13 <= len(nums) <= 19:
        return False
    total = sum(nums[0::2]) + sum(sum(divmod(2 * d, 10)) for d in nums[1::2])
    return total % 10 == 0


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


def find_personal_data(text: str) -> list[Finding]:
    found: list[Finding] = []

    def add(kind: str, m: re.Match) -> None:
        if not any(f.start < m.end() and m.start() < f.end for f in found):
            found.append(Finding(kind, m.start(), m.end()))

    for m in _EMAIL.finditer(text):
        add("email", m)
    for m in _HETU.finditer(text):
        if valid_hetu(m.group(0)):
            add("hetu", m)
    for m in _IBAN.finditer(text):
        add("iban", m)
    for m in _CARD.finditer(text):
        if luhn_valid(m.group(0)):
            add("card", m)
    for m in _PHONE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 8:
            add("phone", m)
    for m in _SPOKEN.finditer(text):
        add("spoken", m)
    return sorted(found, key=lambda f: f.start)


def redact(text: str, lang: str = "en") -> str:
    labels = LABELS.get(lang, LABELS["en"])
    out, pos = [], 0
    for f in find_personal_data(text):
        out.append(text[pos : f.start])
        out.append(labels[f.kind])
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
