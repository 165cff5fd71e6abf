"""Personal-data redaction for exports and (optionally) the transcript view. One place, reused.

Finds Finnish personal identity codes (henkilötunnus; by its shape and date, the check
character validated or not), payment card numbers (Luhn-valid 13–19 digits, or grouped in fours),
IBANs, phone numbers (also "plus 44 …", "(040) …", "555-867-5309"), e-mail addresses (also read
aloud: "anna dot lee at example dot co dot uk", "… piste … ät …"), and long digit sequences
spoken as words ("four one one one …", "neljä yksi yksi …") or as single digits ("4-1-1-1-…"),
in English and Finnish text. Each is replaced by a bracketed label such as ``[card number]``.
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
# what speech recognisers and people write besides: "Plus 44 20 7946 0321", "(040) 123 4567",
# "555-867-5309"
_PHONE_SPOKEN_PLUS = re.compile(r"\b(?:plus|plussa)[ ]?\d{1,3}(?:[ -]?\d{1,5}){2,5}\b", re.IGNORECASE)
_PHONE_PAREN = re.compile(r"\(\+?\d{1,4}\)[ ]?\d{2,5}(?:[ -]?\d{2,5}){0,3}\b")
_PHONE_NANP = re.compile(r"\b\d{3}[-. ]\d{3}[-. ]\d{4}\b")
# a card number by its shape (groups of four), also when a digit was misheard and Luhn fails
_CARD_SHAPE = re.compile(r"\b\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?\b")
# single digits strung together ("4-1-1-1-1-…", "4 1 1 1 …"): a number read out digit by digit
_DIGIT_CHAIN = re.compile(r"\b\d(?:[ -]\d){5,}\b")
# an e-mail address read aloud: "anna dot lee at example dot co dot uk", "anna piste lee ät firma piste fi"
_DOT = r"(?:dot|piste)"
_EMAIL_SPOKEN = re.compile(
    rf"\b[\w-]+(?: {_DOT} [\w-]+)* (?:at|ät|miukumauku|kissanhäntä) [\w-]+(?: {_DOT} [\w-]+)+\b", re.IGNORECASE)
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


def _hetu_date(ddmmyy: str) -> bool:
    dd, mm = int(ddmmyy[:2]), int(ddmmyy[2:4])
    return 1 <= dd <= 31 and 1 <= mm <= 12


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
    for m in _EMAIL_SPOKEN.finditer(text):
        add("email", m)
    for m in _HETU.finditer(text):
        # the shape with a real date is enough: a wrong check character is a mistyped or
        # misheard code, and still somebody's
        if valid_hetu(m.group(0)) or _hetu_date(m.group(1)):
            add("hetu", m)
    for m in _IBAN.finditer(text):
        add("iban", m)
    for m in _CARD.finditer(text):
        if luhn_valid(m.group(0)):
            add("card", m)
    for m in _CARD_SHAPE.finditer(text):
        add("card", m)
    for pattern in (_PHONE_SPOKEN_PLUS, _PHONE_PAREN, _PHONE_NANP):
        for m in pattern.finditer(text):
            add("phone", m)
    for m in _PHONE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 8:
            add("phone", m)
    for m in _DIGIT_CHAIN.finditer(text):
        add("spoken", m)
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
