"""The detector kinds a rubric criterion can use. Each returns a Verdict: status, the
utterances that decided it (evidence) and a detail for the rationale."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from coach_app.core.heard import sounds_like
from coach_app.core.rubric import Detector, Rubric
from coach_app.core.text import _TOKEN, PatternSet, Text, compile_pattern, stem_generation, stopwords
from coach_app.core.transcript import AGENT, CUSTOMER, Segment

if TYPE_CHECKING:
    from coach_app.core.scoring import Conversation

NEGATION_WINDOW = 3


@dataclass
class Verdict:
    status: str
    segments: list[Segment] = field(default_factory=list)
    detail: str = ""
    #: probability of this verdict (semantic judge); None for rule verdicts
    confidence: float | None = None
    #: P(status) for every status the judge weighed (ranking calls by P(met), benchmarks)
    probabilities: dict[str, float] | None = None


#: The details a detector puts into its rationale sentence, in each rubric language: a Finnish
#: call gets a wholly Finnish sentence. Every language has every key (a test checks).
DETAILS = {
    "en": {"no_agent_start": "no agent words at the start", "missing_help": "offer of help", "missing_name": "name",
           "missing_both": "name and offer of help", "reasked": "asked again for a detail the customer had given",
           "not_reflected": "nothing the customer said was reflected back", "chat": "chat",
           "silence_not_announced": "{secs} s silence not announced", "hold_not_thanked": "{secs} s hold not thanked",
           "wpm": "{wpm} words per minute", "not_understood": "customer did not understand", "rule": "a rule matched"},
    "fi": {"no_agent_start": "asiakaspalvelija ei puhunut alussa", "missing_help": "avun tarjoaminen",
           "missing_name": "nimi", "missing_both": "nimi ja avun tarjoaminen",
           "reasked": "kysyi uudelleen tietoa, jonka asiakas oli jo antanut",
           "not_reflected": "mitään asiakkaan kertomaa ei toistettu", "chat": "tekstikeskustelu",
           "silence_not_announced": "{secs} s hiljaisuutta ilman ilmoitusta",
           "hold_not_thanked": "{secs} s pidosta ei kiitetty", "wpm": "{wpm} sanaa minuutissa",
           "not_understood": "asiakas ei ymmärtänyt", "rule": "sääntö täsmäsi"},
}


def detail_text(lang: str, key: str, **values: str) -> str:
    return DETAILS.get(lang, DETAILS["en"])[key].format(**values)


@lru_cache(maxsize=4096)
def _compiled(patterns: tuple[str, ...], lang: str, generation: int) -> PatternSet:
    return PatternSet([compile_pattern(p, lang) for p in patterns])


def _patterns(lists: dict[str, list[str]], lang: str) -> PatternSet:
    return _compiled(tuple(lists.get(lang, ())), lang, stem_generation())


def _has_negation(tokens: list[str], rubric: Rubric, lang: str) -> bool:
    neg = set(rubric.negations.get(lang, ()))
    return any(t in neg or t.endswith("n't") for t in tokens)


def _negated(text: Text, start: int, rubric: Rubric, lang: str) -> bool:
    return _has_negation(text.tokens[max(0, start - NEGATION_WINDOW) : start], rubric, lang)


def _in_window(conv: "Conversation", seg: Segment, det: Detector) -> bool:
    if det.within_first_s is not None and seg.start_ms > det.within_first_s * 1000:
        return False
    if det.within_last_s is not None and seg.start_ms < conv.duration_ms - det.within_last_s * 1000:
        return False
    return True


def _question_tokens(text: Text) -> set[int]:
    """Token positions inside questions ("What's your e-mail?" states no next step)."""
    if "?" not in text.raw:
        return set()
    out, pos = set(), 0
    for sentence in _SENTENCE.findall(text.lower):
        n = len(_TOKEN.findall(sentence))
        if sentence.rstrip().endswith("?"):
            out.update(range(pos, pos + n))
        pos += n
    return out


_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def matching(conv: "Conversation", det: Detector, rubric: Rubric, lang: str, lists: dict[str, list[str]],
             speaker: str | None = None, guard: bool = True, skip_questions: bool = False,
             only: list[int] | None = None) -> list[int]:
    """Indexes of utterances (by ``speaker``, in the detector's window) matching any pattern,
    skipping ignored utterances and negated matches."""
    pats = _patterns(lists, lang)
    if not pats:
        return []
    ignore = _patterns(det.ignore, lang)
    who = speaker or det.speaker
    # with `only` the caller has chosen the utterances (the greeting: the first ones, also in chats)
    windowed = only is None and (det.within_first_s is not None or det.within_last_s is not None)
    out = []
    for i in (only if only is not None else conv.by_speaker(who)):
        seg = conv.segments[i]
        if windowed and not _in_window(conv, seg, det):
            continue
        text = conv.texts[i]
        questions = _question_tokens(text) if skip_questions else ()
        for span in pats.spans(text):
            if span[0] in questions:
                continue
            if not (guard and det.negation_guard and _negated(text, span[0], rubric, lang)):
                # ignored utterances (sarcasm, hedges) are checked only once something matched
                if not (guard and ignore and next(ignore.spans(text), None)):
                    out.append(i)
                break
    return out


def phrases(conv, det: Detector, rubric: Rubric, lang: str) -> Verdict:
    if det.na_for_chat and conv.is_chat:
        return Verdict("na", detail=detail_text(lang, "chat"))
    if hits := matching(conv, det, rubric, lang, det.na):
        return Verdict("na", [conv.segments[hits[0]]])
    if hits := matching(conv, det, rubric, lang, det.not_met):
        return Verdict("not_met", [conv.segments[i] for i in hits[:3]])
    if hits := matching(conv, det, rubric, lang, det.extra.get("customer_not_met", {}), speaker=CUSTOMER):
        return Verdict("not_met", [conv.segments[i] for i in hits[:3]])
    hits = matching(conv, det, rubric, lang, det.met, skip_questions=bool(det.params.get("skip_questions")))
    if hits:
        return Verdict("met", [conv.segments[i] for i in hits[:3]])
    return Verdict(det.default)


def _heard(conv, only: list[int], phrases: list[str], rubric: Rubric, lang: str) -> list[int]:
    """Utterances that say one of the phrases as a transcriber may have written it (a word
    boundary moved, a letter lost: coach_app.core.heard); none with a negation in it, since a
    near-miss has no word position to check the negation against."""
    return [i for i in only if sounds_like(conv.segments[i].text, phrases)
            and not _has_negation(conv.texts[i].tokens, rubric, lang)]


_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÅÄÖ][a-zåäö]+")


def greeting(conv, det: Detector, rubric: Rubric, lang: str) -> Verdict:
    window = (det.within_first_s or 30) * 1000
    first = [i for i, s in enumerate(conv.segments) if s.speaker == AGENT and s.start_ms <= window]
    if conv.is_chat:  # chat times are send times, not speech: the first two agent messages count
        first = [i for i, s in enumerate(conv.segments) if s.speaker == AGENT][:2]
    if not first:
        return Verdict("not_met", detail=detail_text(lang, "no_agent_start"))
    def said(part: str) -> list[int]:  # word by word, else as a transcriber may have written it
        lists = det.extra.get(part, {})
        return matching(conv, det, rubric, lang, lists, only=first) or \
            _heard(conv, first, lists.get(lang, []), rubric, lang)

    help_hits, intro_hits = said("help"), said("intro")
    if not intro_hits and _PROPER.search(conv.segments[first[0]].text):
        intro_hits = [first[0]]
    bad = matching(conv, det, rubric, lang, det.not_met, only=first[:1])
    if bad:
        return Verdict("not_met", [conv.segments[bad[0]]])
    customer_first = any(s.speaker == CUSTOMER for s in conv.segments[: first[0]])
    if customer_first and not help_hits:  # the customer opened with the matter: answering it is the help
        help_hits = [first[0]]
    if help_hits and intro_hits:
        return Verdict("met", [conv.segments[min(intro_hits[0], help_hits[0])]])
    key = "help" if intro_hits else "name" if help_hits else "both"
    # the detail goes into the rationale sentence of the rubric's language
    return Verdict("not_met", [conv.segments[first[0]]], detail=detail_text(lang, f"missing_{key}"))


def _numbers(conv, i: int, number_words: set[str]) -> set[str]:
    return {t for t in conv.texts[i].tokens if t[0].isdigit() or t in number_words} | \
           {s for s in conv.texts[i].stems if s in number_words}


def _gave_identifier(conv, i: int, number_words: set[str]) -> bool:
    """Did utterance ``i`` contain something like an order/account number or reference?"""
    toks = conv.texts[i].tokens
    if any(sum(ch.isdigit() for ch in t) >= 4 for t in toks):
        return True
    if re.search(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9-]{5,}\b", conv.segments[i].text):
        return True
    return sum(1 for t, st in zip(toks, conv.texts[i].stems) if t in number_words or st in number_words) >= 4


def reflection(conv, det: Detector, rubric: Rubric, lang: str) -> Verdict:
    """Active listening: the agent paraphrases/checks understanding, or repeats a detail the
    customer gave just before (a number, a date, a name, key nouns). Asking again for an
    identifier the customer already gave (``not_met`` patterns) fails it."""
    numwords = set(det.extra.get("number_words", {}).get(lang, ()))
    stop = stopwords(lang) | set(det.extra.get("stop", {}).get(lang, ()))
    min_shared = int(det.params.get("min_shared_words", 2))
    reask = set(matching(conv, det, rubric, lang, det.not_met))
    paraphrase = set(matching(conv, det, rubric, lang, det.met))
    gave_id = False
    recent_numbers: set[str] = set()
    recent_words: set[str] = set()
    evidence_met: list[Segment] = []
    for i, seg in enumerate(conv.segments):
        if seg.speaker == CUSTOMER:
            gave_id = gave_id or _gave_identifier(conv, i, numwords)
            recent_numbers |= _numbers(conv, i, numwords)
            recent_words |= {s for t, s in zip(conv.texts[i].tokens, conv.texts[i].stems)
                             if len(t) >= 4 and t not in stop and not t[0].isdigit()}
            continue
        if seg.speaker != AGENT:
            continue
        if i in reask and gave_id:
            return Verdict("not_met", [seg], detail=detail_text(lang, "reasked"))
        if not evidence_met:
            if i in paraphrase:
                evidence_met.append(seg)
            else:
                nums = _numbers(conv, i, numwords) & recent_numbers
                shared = {s for t, s in zip(conv.texts[i].tokens, conv.texts[i].stems)
                          if len(t) >= 4 and t not in stop} & recent_words
                if nums or len(shared) >= min_shared:
                    evidence_met.append(seg)
        recent_numbers, recent_words = set(), set()  # reflect what was *just* said
    if evidence_met:
        return Verdict("met", evidence_met[:1])
    return Verdict("not_met", detail=detail_text(lang, "not_reflected"))


def talk_over(conv, det: Detector, rubric: Rubric, lang: str) -> Verdict:
    if conv.is_chat:
        return Verdict("na", detail=detail_text(lang, "chat"))
    times = conv.summary.talk_over_ms
    limit = int(det.params.get("max_events", 2))
    if len(times) > limit:
        segs = [s for s in conv.segments if s.speaker == AGENT and s.start_ms in set(times)]
        return Verdict("not_met", segs[:3], detail=f"{len(times)}")
    return Verdict("met", detail=f"{len(times)}")


def hold(conv, det: Detector, rubric: Rubric, lang: str) -> Verdict:
    if conv.is_chat:
        return Verdict("na", detail=detail_text(lang, "chat"))
    req = set(matching(conv, det, rubric, lang, det.extra.get("request", {})))
    thanks = set(matching(conv, det, rubric, lang, det.extra.get("thanks", {})))
    silences = conv.summary.long_silences
    if not silences:  # a short look-up is not a hold
        return Verdict("na")
    segs = conv.segments
    for start, end in silences:
        before = [i for i, s in enumerate(segs) if s.end_ms <= start and s.speaker == AGENT]
        after = [i for i, s in enumerate(segs) if s.start_ms >= end and s.speaker == AGENT]
        secs = f"{(end - start) / 1000:.0f}"
        asked = before and any(i in req for i in before[-2:])
        thanked = after and any(i in thanks for i in after[:2])
        if not asked:
            return Verdict("not_met", [segs[before[-1]]] if before else [],
                           detail=detail_text(lang, "silence_not_announced", secs=secs))
        if not thanked:
            return Verdict("not_met", [segs[after[0]]] if after else [],
                           detail=detail_text(lang, "hold_not_thanked", secs=secs))
    ev = [segs[i] for i in sorted(req)[:1]]
    return Verdict("met", ev, detail=f"{len(silences)}")


_ACRONYM = re.compile(r"\b(?=[A-ZÅÄÖ0-9]*[A-ZÅÄÖ][A-ZÅÄÖ0-9]*\b)(?=\w*[A-ZÅÄÖ]\w*[A-ZÅÄÖ0-9])[A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,5}\b")


def _is_code(text: str, m: re.Match) -> bool:
    """A reference or code read out (QX7PLM, HH-4419027), not jargon."""
    tok = m.group(0)
    if sum(ch.isdigit() for ch in tok) and len(tok) >= 5:
        return True
    return bool(re.match(r"[-‐ ]?\d", text[m.end() : m.end() + 2]))


def clarity(conv, det: Detector, rubric: Rubric, lang: str) -> Verdict:
    s = conv.summary
    if not conv.is_chat and s.agent_talk_ms >= det.params.get("min_agent_talk_s", 20) * 1000:
        wpm = s.agent_wpm
        if wpm > det.params.get("wpm_max", 190) or wpm < det.params.get("wpm_min", 110):
            return Verdict("not_met", detail=detail_text(lang, "wpm", wpm=f"{wpm:.0f}"))
    allowed = {a.upper() for a in det.extra.get("allowed", {}).get(lang, ())}
    explained = set(matching(conv, det, rubric, lang, det.extra.get("explain", {}), guard=False))
    customer_terms = {t for s in conv.segments if s.speaker == CUSTOMER for t in _ACRONYM.findall(s.text)}
    for i, seg in enumerate(conv.segments):
        if seg.speaker != AGENT:
            continue
        terms = [m.group(0) for m in _ACRONYM.finditer(seg.text)
                 if m.group(0).upper() not in allowed and m.group(0) not in customer_terms and not _is_code(seg.text, m)]
        if terms and i not in explained:
            return Verdict("not_met", [seg], detail=", ".join(dict.fromkeys(terms)))
    confused = matching(conv, det, rubric, lang, det.not_met, speaker=CUSTOMER)
    if confused:
        return Verdict("not_met", [conv.segments[confused[0]]], detail=detail_text(lang, "not_understood"))
    return Verdict("met")


KINDS = {
    "phrases": phrases,
    "greeting": greeting,
    "reflection": reflection,
    "talk_over": talk_over,
    "hold": hold,
    "clarity": clarity,
}
