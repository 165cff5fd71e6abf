"""Rubric regular expressions (``re:`` patterns) on RE2, a linear-time engine.

Python's ``re`` backtracks: a rubric pattern such as ``(a+)+$`` takes exponential time on a line
of a's ending in "!", so one rubric could hang scoring. RE2 never backtracks (time linear in the
text), but it differs from ``re`` where our patterns care:

* ``\\w``, ``\\d``, ``\\s`` and ``\\b`` are ASCII-only in RE2 ("päivää" is not one word). So a
  pattern is parsed with Python's own parser and written out again in RE2 syntax with Unicode
  classes (``\\p{L}\\p{N}_`` for a word character, as ``re`` has it).
* RE2 has no Unicode ``\\b``. A boundary is kept where the pattern itself says what lies on one
  side (``\\bword\\b``, ``\\b100 ?%``): next to a known word / non-word character it is decided
  when translating, and at the pattern's edge it becomes "start of text or a non-word
  character" (one extra non-word character in the match, which no token count sees). A ``\\b``
  whose neighbours the pattern leaves open is refused with the reason.
* What RE2 cannot express at all — backreferences, lookahead/lookbehind, atomic groups and
  possessive repeats — is refused, so ``rubric validate`` says so instead of scoring failing.

Matching is case-insensitive (texts are also matched lower-cased, as before).
"""

from __future__ import annotations

import re2

try:
    import re._parser as sre  # Python 3.11+
except ImportError:  # pragma: no cover - older layout
    import sre_parse as sre  # type: ignore[no-redef]

WORD = r"\p{L}\p{N}_"  # what Python's \w is for str patterns (alphanumeric or "_")
DIGIT = r"\p{Nd}"
SPACE = r"\t-\r\x{1c}-\x{20}\x{85}\p{Z}"  # str.isspace()
_CATEGORY = {sre.CATEGORY_WORD: (WORD, False), sre.CATEGORY_NOT_WORD: (WORD, True),
             sre.CATEGORY_DIGIT: (DIGIT, False), sre.CATEGORY_NOT_DIGIT: (DIGIT, True),
             sre.CATEGORY_SPACE: (SPACE, False), sre.CATEGORY_NOT_SPACE: (SPACE, True)}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)
#: RE2's memory for one compiled pattern: enough for any sensible rubric phrase, and a pattern
#: such as (x{999}){999} is refused instead of eating memory
MAX_MEM = 8 << 20

W, N, EDGE = "w", "n", "edge"  # what lies next to a position: word char, non-word char, pattern edge


class TranslateError(ValueError):
    """A Python regular expression RE2 cannot run; the message says why, in words."""


def _isword(c: str) -> bool:
    return c.isalnum() or c == "_"


def _esc(c: str) -> str:
    return c if c.isalnum() else "\\x{%x}" % ord(c)


def options() -> "re2.Options":
    opts = re2.Options()
    opts.case_sensitive = False
    opts.max_mem = MAX_MEM
    opts.log_errors = False  # the error comes back as an exception; nothing on stderr
    return opts


def compile_re2(body: str):
    """(compiled RE2 pattern, its RE2 source) for a rubric regular expression; ``re.error`` for
    bad syntax, TranslateError for what RE2 cannot express."""
    parsed = sre.parse(body)
    prefix = ""
    if parsed.state.flags & sre.SRE_FLAG_DOTALL:
        prefix += "(?s)"
    if parsed.state.flags & sre.SRE_FLAG_MULTILINE:
        prefix += "(?m)"
    source = prefix + _seq(list(parsed), EDGE, EDGE)
    try:
        return re2.compile(source, options()), source
    except re2.error as exc:
        raise TranslateError(str(exc.args[0].decode() if isinstance(exc.args[0], bytes) else exc)) from None


def compile_source(source: str):
    """An RE2 source written by compile_re2 (or an alternation of them), compiled."""
    return re2.compile(source, options())


# ----------------------------------------------------------------------------- what is next to what

def _set_kind(items) -> str | None:
    """W or N when every character of a class [...] is a word (non-word) character, else None."""
    if items and items[0][0] is sre.NEGATE:
        rest = items[1:]
        if rest == [(sre.CATEGORY, sre.CATEGORY_WORD)]:
            return N
        if rest == [(sre.CATEGORY, sre.CATEGORY_NOT_WORD)]:
            return W
        return None
    kinds = set()
    for op, av in items:
        if op is sre.LITERAL:
            kinds.add(W if _isword(chr(av)) else N)
        elif op is sre.RANGE and av[1] - av[0] < 5000:
            kinds |= {W if _isword(chr(x)) else N for x in range(av[0], av[1] + 1)}
        elif op is sre.CATEGORY and av in (sre.CATEGORY_WORD, sre.CATEGORY_DIGIT):
            kinds.add(W)
        elif op is sre.CATEGORY and av in (sre.CATEGORY_NOT_WORD, sre.CATEGORY_SPACE):
            kinds.add(N)
        else:
            return None
    return kinds.pop() if len(kinds) == 1 else None


def _nullable(op, av) -> bool:
    if op is sre.AT:
        return True
    if op in _REPEATS:
        return av[0] == 0 or all(_nullable(*i) for i in av[2])
    if op is sre.SUBPATTERN:
        return all(_nullable(*i) for i in av[-1])
    if op is sre.BRANCH:
        return any(all(_nullable(*i) for i in alt) for alt in av[1])
    return False


def _edge_kind(op, av, first: bool) -> str | None:
    """The kind of the first (``first``) or last character a non-nullable item consumes."""
    if op is sre.LITERAL:
        return W if _isword(chr(av)) else N
    if op is sre.IN:
        return _set_kind(av)
    if op in _REPEATS:
        return _seq_kind(list(av[2]), first, None)
    if op is sre.SUBPATTERN:
        return _seq_kind(list(av[-1]), first, None)
    if op is sre.BRANCH:
        kinds = {_seq_kind(list(alt), first, None) for alt in av[1]}
        return kinds.pop() if len(kinds) == 1 else None
    return None


def _seq_kind(items, first: bool, outer: str | None) -> str | None:
    """What lies at the start (``first``) or end of a sequence of items; ``outer`` when the items
    consume nothing there (what is next to the sequence itself)."""
    ordered = list(items if first else reversed(items))
    for k, (op, av) in enumerate(ordered):
        if op is sre.AT:
            # ^ and $ stand at the start / end of the text (or a line): a non-word side for \b
            if (first and av in (sre.AT_END, sre.AT_END_STRING)) or (
                    not first and av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)):
                return N
            continue
        if _nullable(op, av):
            # an optional item ("ratings?"): known only when it and what lies past it agree
            own = _edge_kind(op, av, first)
            rest = ordered[k + 1:]
            past = _seq_kind(rest if first else list(reversed(rest)), first, outer)
            return own if own is not None and own == past else None
        return _edge_kind(op, av, first)
    return outer


# ----------------------------------------------------------------------------- writing RE2 syntax

def _boundary(before: str | None, after: str | None, negate: bool) -> str:
    """RE2 for \\b (or \\B with ``negate``) between ``before`` and ``after``."""
    name = "\\B" if negate else "\\b"
    if before in (W, N) and after in (W, N):
        if (before != after) != negate:
            return ""  # always true here: nothing to check
        raise TranslateError(f"{name} between two {'word' if before == W else 'non-word'} characters "
                             "never matches" if not negate else f"{name} here never matches")
    word, other = f"[{WORD}]", f"(?:[^{WORD}]|%s)"
    if before == EDGE and after in (W, N):
        # the character before the match: non-word (or the text's start) for a boundary before a word
        wants_word_before = (after == N) != negate
        return word if wants_word_before else other % "\\A"
    if after == EDGE and before in (W, N):
        wants_word_after = (before == N) != negate
        return word if wants_word_after else other % "\\z"
    raise TranslateError(f"{name} is supported where the pattern shows a letter or a non-letter on one "
                         f"side (\\bword\\b, \\b100 ?%); write the characters next to it out")


def _class(items) -> str:
    negated = bool(items) and items[0][0] is sre.NEGATE
    members = items[1:] if negated else items
    parts, complements = [], []
    for op, av in members:
        if op is sre.LITERAL:
            parts.append(_esc(chr(av)))
        elif op is sre.RANGE:
            parts.append(f"{_esc(chr(av[0]))}-{_esc(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORY:
            cls, negative = _CATEGORY[av]
            (complements if negative else parts).append(cls)
        else:
            raise TranslateError(f"the character class item {op} is not supported")
    if not complements:
        return f"[{'^' if negated else ''}{''.join(parts)}]"
    if negated:
        if parts or len(complements) > 1:
            raise TranslateError("a negated class holding \\W, \\D or \\S is not supported; write it positively")
        return f"[{complements[0]}]"
    alts = [f"[^{c}]" for c in complements] + ([f"[{''.join(parts)}]"] if parts else [])
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _flags(add: int, remove: int) -> str:
    on = "".join(c for f, c in ((sre.SRE_FLAG_DOTALL, "s"), (sre.SRE_FLAG_MULTILINE, "m")) if add & f)
    off = "".join(c for f, c in ((sre.SRE_FLAG_DOTALL, "s"), (sre.SRE_FLAG_MULTILINE, "m")) if remove & f)
    return on + ("-" + off if off else "")


def _seq(items, before: str | None, after: str | None) -> str:
    out = []
    for i, (op, av) in enumerate(items):
        b = _seq_kind(items[:i], False, before)
        a = _seq_kind(items[i + 1:], True, after)
        out.append(_item(op, av, b, a))
    return "".join(out)


def _item(op, av, before: str | None, after: str | None) -> str:
    if op is sre.LITERAL:
        return _esc(chr(av))
    if op is sre.NOT_LITERAL:
        return f"[^{_esc(chr(av))}]"
    if op is sre.ANY:
        return "."
    if op is sre.IN:
        return _class(av)
    if op in _REPEATS:
        lo, hi, sub = av
        # the body's neighbour is the previous repetition when it can repeat: unknown then
        inner = _seq(list(sub), before, after) if hi == 1 else _seq(list(sub), None, None)
        q = {(0, sre.MAXREPEAT): "*", (1, sre.MAXREPEAT): "+", (0, 1): "?"}.get((lo, hi))
        if q is None:
            q = f"{{{lo},}}" if hi is sre.MAXREPEAT else f"{{{lo}}}" if lo == hi else f"{{{lo},{hi}}}"
        return f"(?:{inner}){q}{'?' if op is sre.MIN_REPEAT else ''}"
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = av
        flags = _flags(add, remove)
        return f"(?{flags}:{_seq(list(sub), before, after)})"
    if op is sre.BRANCH:
        return "(?:" + "|".join(_seq(list(alt), before, after) for alt in av[1]) + ")"
    if op is sre.AT:
        if av in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY):
            return _boundary(before, after, av is sre.AT_NON_BOUNDARY)
        return {sre.AT_BEGINNING: "^", sre.AT_BEGINNING_STRING: "\\A", sre.AT_END: "$",
                sre.AT_END_STRING: "\\z"}[av]
    if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
        raise TranslateError("backreferences (\\1, (?P=name), (?(1)...)) are not supported")
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        raise TranslateError("lookahead and lookbehind ((?=...), (?!...), (?<=...), (?<!...)) are not supported")
    raise TranslateError("atomic groups and possessive repeats ((?>...), a*+) are not supported")

