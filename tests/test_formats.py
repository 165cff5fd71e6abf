"""Reading transcript JSON and plain-text chats, including every kind of bad file."""

import json

import pytest

from coach_app.core.formats import read_transcript_file
from coach_app.errors import InputFileError
from tests.conftest import ROOT, SHARED


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, "utf-8")
    return p


def test_reads_eval_format_and_ignores_unknown_keys(tmp_path):
    p = write(tmp_path, "c.json", json.dumps({
        "id": "x", "language": "fi", "channel": "chat", "labels": {"greeting": "met"},
        "segments": [{"speaker": "customer", "start": 5, "end": 5, "text": "Hei"},
                     {"speaker": "agent", "start": 1.25, "end": 1.25, "text": " Moi! ", "extra": 1}],
    }))
    t = read_transcript_file(p)
    assert t.language == "fi" and t.channel_type == "chat"
    assert [(s.speaker, s.start_ms, s.text) for s in t.segments] == [("agent", 1250, "Moi!"), ("customer", 5000, "Hei")]


@pytest.mark.parametrize("content, problem", [
    ("{not json", "not valid JSON (line 1"),
    ("[1, 2]", "must be an object"),
    ('{"segments": []}', "no segments"),
    ('{"language": "en"}', "no 'segments' list"),
    ('{"segments": [{"speaker": "agent", "start": 0, "text": "hi"}]}', "segment 1 is missing end"),
    ('{"segments": [{"speaker": "boss", "start": 0, "end": 1, "text": "hi"}]}', "unknown speaker 'boss'"),
    ('{"segments": [{"speaker": "agent", "start": 3, "end": 1, "text": "hi"}]}', "end (1.0) is before start"),
    ('{"channel": "fax", "segments": [{"speaker": "agent", "start": 0, "end": 1, "text": "hi"}]}', "phone or chat"),
])
def test_bad_transcript_json_names_file_and_problem(tmp_path, content, problem):
    p = write(tmp_path, "bad.json", content)
    with pytest.raises(InputFileError) as err:
        read_transcript_file(p)
    assert str(p) in str(err.value) and problem in str(err.value)


def test_plain_text_chat_in_finnish_and_english(tmp_path):
    p = write(tmp_path, "chat.txt", "Asiakaspalvelija: Hei, miten voin auttaa?\nAsiakas: Laskussa on virhe.\n"
                                    "  joka toistuu\nAgent: Thanks!\n")
    t = read_transcript_file(p)
    assert t.channel_type == "chat"
    assert [(s.speaker, s.text) for s in t.segments] == [
        ("agent", "Hei, miten voin auttaa?"), ("customer", "Laskussa on virhe. joka toistuu"), ("agent", "Thanks!")]
    assert [s.start_ms for s in t.segments] == [0, 1000, 2000]


def test_plain_text_without_speakers_is_rejected(tmp_path):
    p = write(tmp_path, "notes.txt", "just some notes\n")
    with pytest.raises(InputFileError, match="line 1: expected 'Agent: ...'"):
        read_transcript_file(p)


def test_every_labelled_conversation_parses():
    """Our own labelled conversations and demo scripts always; the 60 dev conversations where ../shared exists."""
    files = sorted(f for f in (ROOT / "tests" / "data").glob("*/*.json") if f.parent.name != "robustness")
    dev = sorted((SHARED / "eval").glob("dev-*.json"))
    assert len(files) >= 7 and (not dev or len(dev) == 60)
    for f in files + dev:
        t = read_transcript_file(f)
        assert t.language in ("en", "fi") and t.segments, f
