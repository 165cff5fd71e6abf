"""Rubric regular expressions run on RE2 (linear time): patterns that made Python's engine take
exponential time now score, what RE2 cannot express is refused at validation with file, line
and criterion, Unicode word boundaries still hold, and one conversation's text is capped."""

from __future__ import annotations

import re

import pytest

from coach_app.core import scoring, text as text_mod
from coach_app.core.rubric import RubricError, parse_rubric
from coach_app.core.scoring import TranscriptTooLong, score_segments
from coach_app.core.text import Text, compile_pattern, find
from coach_app.core.transcript import MAX_CONVERSATION_CHARS, MAX_TURN_CHARS, Segment
from tests.conftest import ROOT

RULES = (ROOT / "tests" / "data" / "rubrics" / "phrase-rules.yaml").read_text("utf-8")
FIRST = re.search(r'en: \[("[^"]+")', RULES)  # empathy's first met.en pattern


def with_pattern(pattern: str) -> str:
    bad = RULES.replace(FIRST.group(1), '"' + pattern.replace("\\", "\\\\") + '"', 1)
    assert bad != RULES
    return bad


def pattern_line() -> int:
    return RULES[: FIRST.start()].count("\n") + 1


@pytest.mark.parametrize("pattern", [r"re:(a+)+$", r"re:^(\w+\s?)*$"])
def test_patterns_that_hung_pythons_engine_score_on_re2(pattern):
    rubric = parse_rubric(with_pattern(pattern), "hostile.yaml")  # validates now
    p = compile_pattern(pattern, "en")
    assert type(p.regex).__module__.startswith("re2")  # no backtracking engine anywhere
    # RE2's work per character is bounded by its program size, whatever the text
    assert p.regex.programsize < 5000  # (Unicode classes are a few hundred UTF-8 byte ranges)
    line = "a" * 34 + "!"
    result = score_segments([Segment("agent", 0, 3000, line)], rubric, "en")
    empathy = next(s for s in result.scores if s.criterion.id == "empathy")
    assert empathy.status == "not_met"  # neither pattern matches "aaa…!"
    assert find(p, Text.of("a" * 34, "en")) is not None  # and both still match what they should


@pytest.mark.parametrize("pattern, why", [
    (r"re:(ab)\1", "backreferences"),
    (r"re:(?P<x>a)(?P=x)", "backreferences"),
    (r"re:thank(?= you)", "lookahead and lookbehind"),
    (r"re:(?<!no )thanks", "lookahead and lookbehind"),
    (r"re:(?>thanks)", "atomic groups"),
    (r"re:(x{999}){999}", "regular expression"),
])
def test_what_re2_cannot_run_is_refused_naming_file_line_and_criterion(pattern, why):
    with pytest.raises(RubricError) as err:
        parse_rubric(with_pattern(pattern), "hostile.yaml")
    msg = str(err.value)
    assert msg.startswith(f"hostile.yaml:{pattern_line()}: criterion 'empathy': met.en: "), msg
    assert why in msg and "\n" not in msg


def test_rubric_validate_cli_names_the_pattern_line(tmp_path):
    import subprocess
    import sys

    f = tmp_path / "r.yaml"
    f.write_text(with_pattern(r"re:(a)\1"), "utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path), "rubric", "validate",
                           str(f)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{f}:{pattern_line()}: criterion 'empathy'" in lines[0], proc.stderr
    assert "backreferences" in lines[0]


@pytest.mark.parametrize("pattern, text, matches", [
    (r"re:\bpäivää\b", "hyvää päivää!", True),
    (r"re:\bpäivää\b", "päivääkin", False),       # ä is a letter: no boundary inside the word
    (r"re:\bpäivää\b", "hyväpäivää", False),
    (r"re:^\w+$", "ymmärrän", True),               # \w is Unicode, as in Python
    (r"re:\b100 ?%", "se on 100 % varma", True),
    (r"re:\b100 ?%", "ä100%", False),
    (r"re:Thank You", "thank you so much", True),  # case-insensitive
    (r"re:\bthanks\b", "thanksgiving", False),
    (r"re:\W\d+\W", "call 555 now", True),
    # an optional ending before \b: both ways end in a letter, so the boundary is known
    (r"re:\bratings?\b", "rate us: ratings help", True),
    (r"re:\bratings?\b", "rating!", True),
    (r"re:\bratings?\b", "ratingsx", False),
    (r"re:\bpalaute(tta|kysely\w*)?\b", "antakaa palautetta", True),
    (r"re:\bpalaute(tta|kysely\w*)?\b", "palautetaan", False),
])
def test_re2_keeps_unicode_words_and_boundaries(pattern, text, matches):
    assert (find(compile_pattern(pattern, "fi"), Text.of(text, "fi")) is not None) is matches


def test_a_match_maps_to_the_same_tokens_as_before():
    # the emulated \b takes the non-word character before the match; token spans are unchanged
    span = find(compile_pattern(r"re:\bno problem\b", "en"), Text.of("Oh no problem at all", "en"))
    assert span == (1, 3)


def test_a_boundary_the_pattern_leaves_open_is_refused_with_the_reason():
    with pytest.raises(RubricError, match=r"criterion 'empathy': met.en: .*\\b is supported where"):
        parse_rubric(with_pattern(r"re:(\bsorry)+"), "r.yaml")


def test_text_beyond_the_caps_is_refused_before_any_pattern_runs(monkeypatch):
    rubric = parse_rubric(RULES, "r.yaml")
    calls = []
    real = text_mod.PatternSet.spans
    monkeypatch.setattr(text_mod.PatternSet, "spans", lambda self, t: calls.append(len(t.lower)) or real(self, t))

    long_turn = [Segment("agent", 0, 1000, "x" * (MAX_TURN_CHARS + 1))]
    with pytest.raises(TranscriptTooLong, match=r"turn 1 has 20,001 characters; a turn may have at most 20,000"):
        score_segments(long_turn, rubric, "en")
    n = MAX_CONVERSATION_CHARS // MAX_TURN_CHARS + 1
    many = [Segment("agent", i * 1000, i * 1000 + 900, "y" * MAX_TURN_CHARS) for i in range(n)]
    with pytest.raises(TranscriptTooLong, match="at most 1,000,000 can be scored"):
        score_segments(many, rubric, "en")
    assert calls == []  # refused before scoring began

    score_segments([Segment("agent", 0, 1000, "thank you")], rubric, "en")
    assert calls and max(calls) <= MAX_TURN_CHARS  # patterns only ever see capped text


def test_a_transcript_file_beyond_the_caps_is_one_line_naming_it(tmp_path):
    import json

    from coach_app.core.formats import read_transcript_file
    from coach_app.errors import InputFileError

    f = tmp_path / "long.json"
    f.write_text(json.dumps({"segments": [{"speaker": "agent", "start": 0, "end": 1, "text": "z" * 30000}]}))
    with pytest.raises(InputFileError) as err:
        read_transcript_file(f)
    assert str(err.value).startswith(f"{f}: turn 1 has 30,000 characters") and "\n" not in str(err.value)
    assert scoring.TranscriptTooLong.__mro__[1].__name__ == "CoachError"
