"""Text matching that survives inflection: tokens, stems, phrase patterns, language.

A phrase pattern is a string of words matched as a sequence of *stems*, so "ymmärrän" matches
"ymmärrät" and "thanks" matches "thank you". Finnish words are reduced to their dictionary
form with Voikko (Debian libvoikko1 + voikko-fi: "ymmärsinkö" -> "ymmärtää", "tekstiviestillä"
-> "tekstiviesti", where Snowball leaves many inflected forms apart); words Voikko does not know
(and every word when it is not installed) fall back to Snowball. English uses Snowball.
Inside a pattern:
  ``*``        any one word
  ``...``      up to four words
  ``word~``    any word starting with "word" (for compounds: "tekstivies~")
  ``#num``     a number (digits, possibly with separators)
A pattern starting with ``re:`` is a regular expression on the text instead, matched
case-insensitively by RE2 in linear time (see coach_app.core.regex for what it refuses).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import snowballstemmer

from coach_app.core.regex import TranslateError, compile_re2, compile_source

_TOKEN = re.compile(r"\d+(?:[.,:/-]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_STEMMERS = {"en": "english", "fi": "finnish"}
MAX_GAP = 4


@lru_cache(maxsize=8)
def _stemmer(lang: str):
    return snowballstemmer.stemmer(_STEMMERS.get(lang, "english"))


def tokenize(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]


_voikko = None
_voikko_lock = threading.Lock()


def _voikko_instance():
    """The Finnish analyser, or False when libvoikko / voikko-fi is not installed."""
    global _voikko
    if _voikko is None:
        with _voikko_lock:
            if _voikko is None:
                try:
                    import libvoikko

                    _voikko = libvoikko.Voikko("fi")
                except Exception:  # library or dictionary missing: Snowball alone
                    _voikko = False
    return _voikko


_generation = 0


def stem_generation() -> int:
    """Changes whenever stemming changes (see use_voikko): part of the key of any cache that
    holds compiled patterns."""
    return _generation


def use_voikko(enabled: bool) -> None:
    """Switch Finnish lemmas off (Snowball alone, as before Voikko) or back on; benchmarks use it
    to measure the earlier rules exactly as they ran."""
    global _voikko, _generation
    _voikko = None if enabled else False
    _generation += 1
    _stem_one.cache_clear()
    _STEM_CACHE.clear()


@lru_cache(maxsize=200_000)
def _stem_one(lang: str, word: str) -> str:
    if word[0].isdigit():
        return word
    if lang == "fi" and (v := _voikko_instance()):
        with _voikko_lock:  # one Voikko handle is not safe across threads
            analyses = v.analyze(word)
        if analyses and analyses[0].get("BASEFORM"):
            return analyses[0]["BASEFORM"].lower()
    return _stemmer(lang).stemWord(word)


def stems(tokens: list[str], lang: str) -> list[str]:
    return [_stem_one(lang, t) for t in tokens]


@dataclass(frozen=True)
class Tok:
    kind: str  # "stem" | "prefix" | "any" | "gap" | "num"
    value: str = ""


@dataclass(frozen=True)
class Pattern:
    source: str
    tokens: tuple[Tok, ...] = ()
    #: a compiled RE2 pattern (coach_app.core.regex: linear time, whatever the rubric says)
    regex: Any = None
    #: its RE2 source, for joining many into one alternation
    regex_source: str = ""


class PatternError(ValueError):
    pass


def compile_pattern(source: str, lang: str) -> Pattern:
    text = source.strip()
    if not text:
        raise PatternError("empty pattern")
    if text.startswith("re:"):
        body = text[3:].strip()
        try:
            regex, translated = compile_re2(body)
        except re.error as exc:
            raise PatternError(f"bad regular expression {body!r}: {exc}") from None
        except TranslateError as exc:
            raise PatternError(f"regular expression {body!r}: {exc}") from None
        return Pattern(source, regex=regex, regex_source=translated)
    toks: list[Tok] = []
    for raw in text.lower().split():
        if raw == "*":
            toks.append(Tok("any"))
        elif raw == "...":
            toks.append(Tok("gap"))
        elif raw == "#num":
            toks.append(Tok("num"))
        elif raw.endswith("~"):
            toks.append(Tok("prefix", raw[:-1]))
        else:
            words = tokenize(raw)
            if not words:
                raise PatternError(f"pattern {source!r}: {raw!r} has no letters or digits")
            toks.extend(Tok("stem", _stem_one(lang, w)) for w in words)
    if all(t.kind in ("any", "gap") for t in toks):
        raise PatternError(f"pattern {source!r} matches anything")
    return Pattern(source, tokens=tuple(toks))


@dataclass
class Text:
    """An utterance prepared for matching: tokens, their stems and the set of stems present
    (a pattern is tried only when every stem it needs is there — scoring a 1-hour call
    against hundreds of patterns stays in milliseconds)."""

    raw: str
    lang: str
    tokens: list[str]
    stems: list[str]
    lower: str = ""
    present: frozenset[str] = frozenset()

    @classmethod
    def of(cls, raw: str, lang: str) -> "Text":
        lower = raw.lower()
        toks = _TOKEN.findall(lower)
        if "’" in lower:
            toks = [t.replace("’", "'") for t in toks]
        cache = _STEM_CACHE.setdefault(lang, {})
        get = cache.get
        st = [get(tok) or _remember(cache, lang, tok) for tok in toks]
        return cls(raw, lang, toks, st, lower, frozenset(st))

    def positions(self, stem: str) -> list[int]:
        return [i for i, s in enumerate(self.stems) if s == stem]


def _remember(cache: dict[str, str], lang: str, tok: str) -> str:
    stem = cache[tok] = _stem_one(lang, tok)
    return stem


_STEM_CACHE: dict[str, dict[str, str]] = {}  # a plain dict: the hot path of scoring


def _match_at(p: tuple[Tok, ...], words: Text, i: int) -> int | None:
    """End index if pattern tokens ``p`` match starting at word ``i``."""
    if not p:
        return i
    head, rest = p[0], p[1:]
    if head.kind == "gap":
        for j in range(i, min(i + MAX_GAP, len(words.tokens)) + 1):
            end = _match_at(rest, words, j)
            if end is not None:
                return end
        return None
    if i >= len(words.tokens):
        return None
    tok, stem = words.tokens[i], words.stems[i]
    ok = (
        head.kind == "any"
        or (head.kind == "stem" and stem == head.value)
        or (head.kind == "prefix" and tok.startswith(head.value))
        or (head.kind == "num" and tok[0].isdigit())
    )
    return _match_at(rest, words, i + 1) if ok else None


def find(pattern: Pattern, text: Text) -> tuple[int, int] | None:
    """(start, end) token span of the first match (for regexes: a character span mapped to
    the tokens before it), or None."""
    if pattern.regex is not None:
        m = pattern.regex.search(text.lower)
        if not m:
            return None
        before = len(tokenize(text.raw[: m.start()]))
        return before, before + max(1, len(tokenize(m.group(0))))
    first = pattern.tokens[0]
    starts = text.positions(first.value) if first.kind == "stem" else range(len(text.tokens))
    for i in starts:
        end = _match_at(pattern.tokens, text, i)
        if end is not None:
            return i, end
    return None


_STOP = {
    "en": set("the a an and or but to of in on for with is are was were be been it this that you i we he she they "
              "my your our me us do does did have has had not no yes so if at by from as can will would just".split()),
    "fi": set("ja tai mutta on ei en et se ne ole oli olen olet ovat että kun niin jos kuin mä sä mun sun minä sinä te "
              "me tää tämä tuo joo nyt vaan vain myös siis eli kyllä sitten mitä mikä miten missä".split()),
}


def stopwords(lang: str) -> set[str]:
    return _STOP.get(lang, _STOP["en"])


def detect_language(texts: list[str]) -> str:
    """'fi' or 'en' from function-word counts (the two languages the default rubric covers)."""
    words = [t for x in texts for t in tokenize(x)]
    fi = sum(w in _STOP["fi"] or w.endswith(("ssa", "ssä", "sta", "stä", "lla", "llä")) for w in words)
    en = sum(w in _STOP["en"] for w in words)
    return "fi" if fi > en else "en"


class PatternSet:
    """Many patterns tried at once: only those whose first word occurs in the text are tried,
    and all regular expressions run as one alternation."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        self.by_first: dict[str, list[Pattern]] = {}
        self.scan: list[Pattern] = []
        regexes = []
        for p in patterns:
            if p.regex is not None:
                regexes.append(f"(?:{p.regex_source})")
            elif p.tokens[0].kind == "stem":
                self.by_first.setdefault(p.tokens[0].value, []).append(p)
            else:
                self.scan.append(p)
        self.regex = compile_source("|".join(regexes)) if regexes else None  # RE2, texts matched lower-cased
        # every stem a pattern needs must occur in the text before it is worth trying
        self.required = {p.source: {t.value for t in p.tokens if t.kind == "stem"} for p in patterns if p.regex is None}
        self.prefixes = {p.source: [t.value for t in p.tokens if t.kind == "prefix"] for p in patterns if p.regex is None}

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def spans(self, text: Text):
        """Token spans of matching patterns (one per pattern that matches)."""
        if self.regex is not None:
            m = self.regex.search(text.lower)
            if m:
                before = len(tokenize(text.raw[: m.start()]))
                yield before, before + max(1, len(tokenize(m.group(0))))
        present = text.present
        for stem in present & self.by_first.keys():
            for p in self.by_first[stem]:
                if self.required[p.source] <= present and all(x in text.lower for x in self.prefixes[p.source]):
                    span = find(p, text)
                    if span:
                        yield span
        for p in self.scan:
            if self.required[p.source] <= present and all(x in text.lower for x in self.prefixes[p.source]):
                span = find(p, text)
                if span:
                    yield span
