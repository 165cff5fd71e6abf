"""hypothesis fuzzing (#12) of the transcript parser (coach_app/core/formats.py) and the rubric
loader (coach_app/core/rubric.py): whatever the input, it parses to a valid object or raises
CoachError with a one-line message — never another exception."""

from __future__ import annotations

import json
import math
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach_app.core.formats import CHANNEL_TYPES, MAX_TIME_S, parse_chat_text, parse_transcript_json, read_transcript_file
from coach_app.core.rubric import MAX_WEIGHT, Rubric, RubricError, parse_rubric
from coach_app.core.transcript import AGENT, CUSTOMER, UNKNOWN
from coach_app.errors import CoachError
from tests.bad_inputs.hostile_rubrics import rubric as tiny_rubric

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.data_too_large])
PATH = Path("fuzzed.json")

#: any character, lone surrogates and NUL included
chars = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=40)
numbers = st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from([0, 0.5, 86400, 86400.0001, 1e300, -0.0]))
scalars = st.one_of(st.none(), st.booleans(), numbers, chars)
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(chars, inner, max_size=4)), max_leaves=20)
speakers = st.one_of(st.sampled_from(["agent", "customer", "Asiakas", "unknown", "CALLER", " agent "]), scalars)
segment = st.dictionaries(st.sampled_from(["speaker", "start", "end", "text", "extra"]),
                          st.one_of(speakers, numbers, chars, json_values), max_size=5)
transcripts = st.fixed_dictionaries(
    {"segments": st.one_of(st.lists(segment, max_size=5), json_values)},
    optional={"language": st.one_of(st.sampled_from(["en", "fi", "en-GB", "../../etc", "", "x" * 300]), scalars),
              "channel": st.one_of(st.sampled_from(["phone", "chat", "Chat", "fax"]), scalars)})


def check_transcript(parsed) -> None:
    """What a parsed transcript always is."""
    assert parsed.channel_type in CHANNEL_TYPES
    assert parsed.language is None or re.fullmatch(r"[a-z]{2,3}(?:[-_][a-z]{2,4})?", parsed.language)
    assert parsed.segments
    for s in parsed.segments:
        assert s.speaker in (AGENT, CUSTOMER, UNKNOWN)
        assert 0 <= s.start_ms <= s.end_ms <= MAX_TIME_S * 1000
        assert isinstance(s.text, str)


def one_line(exc: CoachError) -> None:
    assert str(exc) and "\n" not in str(exc), str(exc)


def read_as_file(content: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as folder:
        p = Path(folder) / f"t{suffix}"
        p.write_bytes(content)
        return read_transcript_file(p)


@FUZZ
@given(transcripts)
def test_transcript_shaped_json_parses_or_is_refused(data):
    text = json.dumps(data, allow_nan=True)  # NaN / Infinity written as JSON's tolerated extension
    try:
        check_transcript(read_as_file(text.encode("utf-8"), ".json"))
    except CoachError as exc:
        one_line(exc)


@FUZZ
@given(json_values)
def test_any_json_value_parses_or_is_refused(data):
    try:
        check_transcript(parse_transcript_json(PATH, json.dumps(data, allow_nan=True, ensure_ascii=False)))
    except CoachError as exc:
        one_line(exc)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".json", ".txt"]))
def test_any_bytes_as_a_transcript_file_parse_or_are_refused(content, suffix):
    try:
        check_transcript(read_as_file(content, suffix))
    except CoachError as exc:
        one_line(exc)


GOOD = json.dumps({"language": "en", "segments": [{"speaker": "agent", "start": 0, "end": 2.5, "text": "Hello!"},
                                                  {"speaker": "customer", "start": 3, "end": 4, "text": "Hi."}]})


@FUZZ
@given(st.integers(0, len(GOOD)), st.integers(0, 30), st.text(max_size=12), st.integers(1, 3000))
def test_a_damaged_transcript_parses_or_is_refused(at, cut, insert, nesting):
    text = GOOD[:at] + insert + GOOD[at + cut:]
    if nesting % 7 == 0:
        text = text.replace("[", "[" * nesting, 1)  # deep nesting somewhere
    for parse in (parse_transcript_json, parse_chat_text):
        try:
            check_transcript(parse(PATH, text))
        except CoachError as exc:
            one_line(exc)


# ----------------------------------------------------------------------------- rubrics

WORDS = ["id", "name", "version", "languages", "pass_mark", "sections", "criteria", "title", "description", "weight",
         "detector", "kind", "met", "not_met", "en", "fi", "phrases", "scoring", "person", "scale", "1-5", "hold_limit_s",
         "re:(a+)+$", "re:(?=x)", r"re:\1", "re:[", "&a", "*a", "<<", "!!python/object:os.system", ".nan", ".inf",
         "1e308", "-1", "yes", "~", "null"]
yaml_tokens = st.lists(st.one_of(st.sampled_from(WORDS + [": ", "- ", "\n", "  ", "[", "]", "{", "}", ", ", "'", '"',
                                                          "#", "|", ">", "\t", "\x00", "\ud800"]), chars), max_size=40)
yaml_values = st.recursive(st.one_of(scalars, st.sampled_from(WORDS)),
                           lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(st.sampled_from(WORDS), inner, max_size=4)),
                           max_leaves=25)


def check_rubric(r: Rubric) -> None:
    assert r.criteria and r.languages and 0 <= r.pass_mark <= 100 and r.hold_limit_s > 0
    for c in r.criteria:
        assert 0 < c.weight <= MAX_WEIGHT and math.isfinite(c.weight)
        assert c.scoring == "person" or c.detector is not None


def parse_or_refuse(text: str) -> None:
    try:
        check_rubric(parse_rubric(text, "fuzzed.yaml"))
    except CoachError as exc:
        one_line(exc)


@FUZZ
@given(yaml_tokens)
def test_yaml_ish_text_loads_or_is_refused(tokens):
    parse_or_refuse("".join(tokens))


@FUZZ
@given(yaml_values)
def test_yaml_documents_load_or_are_refused(data):
    parse_or_refuse(yaml.safe_dump(data, allow_unicode=True))


SETTINGS = ["pass_mark", "hold_limit_s", "version", "languages", "judge", "id", "name"]


@FUZZ
@given(st.sampled_from(SETTINGS), st.one_of(yaml_values, numbers), st.one_of(scalars, st.sampled_from(WORDS)),
       st.one_of(st.sampled_from(WORDS), chars))
def test_a_rubric_with_one_setting_weight_and_pattern_changed_loads_or_is_refused(key, value, weight, pattern):
    base = yaml.safe_load(tiny_rubric(weight="1"))
    base[key] = value
    crit = base["sections"][0]["criteria"][0]
    crit["weight"] = weight
    crit["detector"]["met"]["en"] = [pattern]
    parse_or_refuse(yaml.safe_dump(base, allow_unicode=True))


@FUZZ
@given(st.integers(0, 600), st.integers(0, 20), st.text(max_size=10))
def test_a_damaged_rubric_loads_or_is_refused(at, cut, insert):
    text = tiny_rubric()
    parse_or_refuse(text[:at] + insert + text[at + cut:])


@pytest.mark.parametrize("text", ["<<", "id: <<\n", "sections:\n  - <<\n"])
def test_a_bare_merge_key_is_refused_in_one_line(text):
    # found by the fuzzer: YAML cannot build a lone "<<" and raised past the rubric's own errors
    with pytest.raises(RubricError, match=r"^fuzzed\.yaml:\d+: not valid in a rubric \(could not determine a constructor"):
        parse_rubric(text, "fuzzed.yaml")
