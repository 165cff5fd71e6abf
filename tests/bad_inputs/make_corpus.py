"""The bad-input corpus of issue #12: hostile transcripts, recordings, rubrics, review and export
arguments, written into a folder (a test's tmp dir; nothing of it is committed).

    python -m tests.bad_inputs.make_corpus OUT_DIR     # writes the files, prints one line a case

Every case is a CLI command (without --workspace/--db) that must exit 1 with exactly one line
on stderr naming the file (``names``, where there is one) and the problem (``problem``, a
lower-case substring), and change nothing. The workspace it runs on (see ``SETUP``) holds
interaction 1 (scored with tests/data/rubrics/phrase-rules.yaml, empathy met), interaction 2
(imported, not scored) and the people Ada Admin (admin), Tiina Lead (team lead), Aino Agent."""

from __future__ import annotations

import json
import math
import os
import struct
import subprocess
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

from tests.bad_inputs.hostile_rubrics import rubric_cases

ROOT = Path(__file__).resolve().parents[2]
PHRASE_RULES = ROOT / "tests" / "data" / "rubrics" / "phrase-rules.yaml"


@dataclass
class Case:
    id: str
    group: str  # import, analyze, score, rubric validate, review, export
    argv: list[str]
    problem: str  # lower-case words the one stderr line must contain
    names: str | None = None  # the file the line must name
    outputs: tuple[str, ...] = ()  # files that must not exist afterwards


GOOD = {"language": "en", "channel": "phone", "segments": [
    {"speaker": "agent", "start": 0.0, "end": 3.0, "text": "Hello, thank you for calling, how can I help?"},
    {"speaker": "customer", "start": 3.5, "end": 6.0, "text": "My bill is wrong again."},
    {"speaker": "agent", "start": 6.5, "end": 10.0, "text": "I understand, that is annoying. Thanks for telling me."}]}


def good_transcripts(folder: Path) -> tuple[Path, Path]:
    """Interaction 1 (scored at setup) and 2 (imported only)."""
    one, two = folder / "good-1.json", folder / "good-2.json"
    one.write_text(json.dumps(GOOD), "utf-8")
    other = json.loads(json.dumps(GOOD))
    other["segments"][1]["text"] = "My parcel has not arrived."
    two.write_text(json.dumps(other), "utf-8")
    return one, two


def setup_commands(folder: Path) -> list[list[str]]:
    one, two = good_transcripts(folder)
    return [["person", "add", "Ada Admin", "--role", "admin"],
            ["person", "add", "Tiina Lead", "--role", "team_lead", "--as", "Ada Admin"],
            ["person", "add", "Aino Agent", "--role", "agent", "--as", "Ada Admin"],
            ["score", str(one), "--save", "--agent", "Aino Agent", "--rubric", str(PHRASE_RULES)],
            ["import", str(two), "--agent", "Aino Agent"]]


def _seg(**over) -> str:
    seg = {"speaker": "agent", "start": 0.0, "end": 2.0, "text": "Hello, how can I help?"}
    seg.update(over)
    return json.dumps({"language": "en", "segments": [seg]})


def _raw_seg(field: str, literal: str) -> str:
    """A segment whose ``field`` is written as ``literal`` verbatim (NaN, 1e300, true ...)."""
    return _seg(**{field: "@@"}).replace('"@@"', literal)


def transcript_files(folder: Path) -> list[tuple[str, Path, str]]:
    """(case id, file, problem) — each refused by import, analyze and score alike."""
    deep = 100_000
    texts: dict[str, tuple[str | bytes, str]] = {
        "start-nan": (_raw_seg("start", "NaN"), "not a number"),
        "start-infinity": (_raw_seg("start", "Infinity"), "not a number"),
        "end-minus-infinity": (_raw_seg("end", "-Infinity"), "not a number"),
        "end-1e300": (_raw_seg("end", "1e300"), "between 0 and 86400"),
        "start-1e309": (_raw_seg("start", "1e309"), "between 0 and 86400"),
        "end-beyond-a-day": (_raw_seg("end", "86401"), "between 0 and 86400"),
        "start-after-end": (_seg(start=5.0, end=1.0), "before start"),
        "start-negative": (_seg(start=-1.0), "between 0 and 86400"),
        "start-true": (_raw_seg("start", "true"), "true/false"),
        "end-false": (_raw_seg("end", "false"), "true/false"),
        "start-string": (_seg(start="soon"), "must be numbers"),
        "start-null": (_raw_seg("start", "null"), "must be numbers"),
        "start-list": (_raw_seg("start", "[1]"), "must be numbers"),
        "start-huge-int": (_raw_seg("start", "9" * 400), "must be numbers"),
        "text-nul": (_seg(text="before\u0000after"), "nul"),
        "text-lone-surrogate": (_seg(text="x").replace('"x"', '"bad \\ud800 half"'), "surrogate"),
        "text-low-surrogate": (_seg(text="x").replace('"x"', '"\\udfff"'), "surrogate"),
        "text-number": (_raw_seg("text", "42"), "text must be a string"),
        "text-nested-deep": (_raw_seg("text", "[" * deep + "]" * deep), "nested too deeply"),
        "nested-deep-array": ("[" * deep + "]" * deep, "nested too deeply"),
        "nested-deep-object": ('{"a":' * deep + "1" + "}" * deep, "nested too deeply"),
        "turn-too-long": (_seg(text="word " * 4001), "characters"),
        "transcript-too-long": (json.dumps({"segments": [
            {"speaker": "agent", "start": i, "end": i, "text": "x" * 19_000} for i in range(60)]}), "characters"),
        "language-path": (_seg().replace('"en"', '"../../etc"'), "language"),
        "language-number": (_seg().replace('"en"', "42"), "language"),
        "language-sentence": (_seg().replace('"en"', '"english please"'), "language"),
        "language-empty": (_seg().replace('"en"', '""'), "language"),
        "language-5000": (_seg().replace('"en"', json.dumps("e" * 5000)), "language"),
        "channel-fax": (json.dumps({"channel": "fax", "segments": json.loads(_seg())["segments"]}), "channel"),
        "speaker-robot": (_seg(speaker="robot"), "unknown speaker"),
        "speaker-5000": (_seg(speaker="a" * 5000), "unknown speaker"),
        "no-segments": ('{"language": "en"}', "no 'segments' list"),
        "segments-object": ('{"segments": {}}', "no 'segments' list"),
        "segments-empty": ('{"segments": []}', "no segments"),
        "top-level-list": ("[1, 2, 3]", "must be an object"),
        "top-level-string": ('"segments"', "must be an object"),
        "segment-string": ('{"segments": ["hello"]}', "not an object"),
        "segment-missing-text": (json.dumps({"segments": [{"speaker": "agent", "start": 0, "end": 1}]}), "missing text"),
        "segment-missing-all": ('{"segments": [{}]}', "missing speaker, start, end, text"),
        "truncated": ('{"segments": [{"speaker": "ag', "not valid json"),
        "trailing-garbage": (_seg() + " }}", "not valid json"),
        "whitespace-only": (" \n\t\n", "file is empty"),
        "not-utf8": ('{"segments": "k\xe4\xe4k"}'.encode("latin-1"), "not utf-8"),
        "utf16": (_seg().encode("utf-16"), "not utf-8"),
        "binary": (bytes(range(256)) * 8, "not utf-8"),
        "yaml-not-json": ("segments:\n  - speaker: agent\n", "not valid json"),
    }
    out = []
    for name, (content, problem) in texts.items():
        p = folder / f"t-{name}.json"
        (p.write_bytes if isinstance(content, bytes) else lambda c: p.write_text(c, "utf-8"))(content)
        out.append((name, p, problem))
    (folder / "t-empty.json").write_bytes(b"")
    (folder / "t-folder.json").mkdir()
    (folder / "t-chat-unlabelled.txt").write_text("hello there\nAgent: hi\n", "utf-8")
    (folder / "t-chat-nul.txt").write_text("Agent: hi\u0000there\n", "utf-8")
    (folder / "t-chat-blank.txt").write_text("\n\n  \n", "utf-8")
    out += [("empty", folder / "t-empty.json", "file is empty"),
            ("missing", folder / "t-missing.json", "not found"),
            ("chat-unlabelled", folder / "t-chat-unlabelled.txt", "expected 'agent: ...'"),
            ("chat-nul", folder / "t-chat-nul.txt", "nul"),
            ("chat-blank", folder / "t-chat-blank.txt", "file is empty")]
    return out


def _tone_wav(path: Path, seconds: float = 2.0, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<hh", int(8000 * math.sin(k / 7)), int(6000 * math.sin(k / 11)))
                               for k in range(int(seconds * rate))))
    return path


def _mp3(src: Path, dst: Path) -> Path:
    import av

    with av.open(str(src)) as inp, av.open(str(dst), "w", format="mp3") as out:
        stream = out.add_stream("mp3", rate=16000)
        for frame in inp.decode(audio=0):
            frame.pts = None
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return dst


def audio_files(folder: Path) -> list[tuple[str, Path, str]]:
    """(case id, file, problem) — refused by import and analyze."""
    full = _tone_wav(folder / "full.wav", seconds=6.0)
    data = full.read_bytes()
    files: dict[str, bytes] = {
        "wav-empty": b"",
        "wav-text": b"hello, not audio at all",
        "wav-header-only": data[:44],
        "wav-truncated-half": data[: len(data) // 2],
        "wav-truncated-odd": data[:1001],
        "wav-garbage-body": data[:44] + os.urandom(4000),
        "wav-random": os.urandom(20000),
        "mp3-garbage": b"ID3\x03\x00\x00\x00\x00\x00\x00" + os.urandom(5000),
        "ogg-garbage": b"OggS" + os.urandom(5000),
        "flac-garbage": b"fLaC" + os.urandom(3000),
        "m4a-garbage": b"\x00\x00\x00\x20ftypM4A " + os.urandom(3000),
    }
    ogg = folder / "full.ogg"
    subprocess.run(["sox", str(full), str(ogg)], check=True, capture_output=True)
    files["ogg-truncated"] = ogg.read_bytes()[: ogg.stat().st_size // 2]
    files["ogg-header-only"] = ogg.read_bytes()[:200]
    mp3 = _mp3(full, folder / "full.mp3").read_bytes()
    files["mp3-header-only"] = mp3[:100]
    problems = {"wav-empty": "file is empty", "wav-text": "not a readable audio file", "wav-truncated-half": "truncated", "wav-header-only": "no audio samples",
                "wav-truncated-odd": "truncated", }
    out = []
    for name, content in files.items():
        p = folder / f"a-{name}.{name.split('-')[0]}"
        p.write_bytes(content)
        out.append((name, p, problems.get(name, "")))
    (folder / "a-folder.wav").mkdir()
    (folder / "a-unknown.xyz").write_bytes(b"\x00" * 100)
    out += [("folder-named-wav", folder / "a-folder.wav", ""),
            ("unknown-suffix", folder / "a-unknown.xyz", ""),
            ("missing-wav", folder / "a-missing.wav", "not found")]
    return out


def read_only_folder(folder: Path) -> Path:
    """A folder nobody may create files in: /sys for root (root writes anywhere else), else a 0500 one."""
    if os.geteuid() == 0:
        return Path("/sys")
    ro = folder / "read-only"
    ro.mkdir(exist_ok=True)
    ro.chmod(0o500)
    return ro


def build(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    one, _ = good_transcripts(folder)
    cases: list[Case] = []
    for name, path, problem in transcript_files(folder):
        cases.append(Case(f"import-{name}", "import", ["import", str(path), "--agent", "Aino Agent"], problem, str(path)))
        cases.append(Case(f"analyze-{name}", "analyze", ["analyze", str(path)], problem, str(path)))
        cases.append(Case(f"score-{name}", "score", ["score", str(path)], problem, str(path)))
    cases.append(Case("score-save-nul", "score", ["score", str(folder / "t-text-nul.json"), "--save",
                                                  "--rubric", str(PHRASE_RULES)], "nul", str(folder / "t-text-nul.json")))
    for name, path, problem in audio_files(folder):
        cases.append(Case(f"import-{name}", "import", ["import", str(path)], problem, str(path)))
        cases.append(Case(f"analyze-{name}", "analyze", ["analyze", str(path)], problem, str(path)))
    for name, path, problem in rubric_cases(folder):
        cases.append(Case(f"rubric-{name}", "rubric validate", ["rubric", "validate", str(path)], problem, str(path)))
        problem = "no rubric file" if name in ("folder", "missing") else problem  # then it may be an id
        cases.append(Case(f"score-rubric-{name}", "score", ["score", str(one), "--rubric", str(path)], problem, str(path)))
    cases += names_cases(folder, one)
    cases += review_cases()
    cases += export_cases(folder, one)
    return cases


def names_cases(folder: Path, one: Path) -> list[Case]:
    fresh = folder / "fresh.json"
    fresh.write_text(_seg(text="A brand new call."), "utf-8")
    f, ro = str(fresh), read_only_folder(folder)
    return [Case(f"import-agent-{n}", "import", ["import", f, "--agent", name], problem)
            for n, name, problem in [("5000-chars", "A" * 5000, "--agent"), ("nul", "Ann\x00Lee", "--agent"),
                                     ("control", "Ann\x07Lee", "control characters"), ("escape", "Ann\x1b[2J", "name"),
                                     ("surrogate", "Ann\udc80", "name"), ("blank", "   ", "cannot be empty")]] + [
        Case("import-occurred-at-bad", "import", ["import", f, "--occurred-at", "yesterday-ish"], "occurred-at"),
        Case("import-occurred-at-month-13", "import", ["import", f, "--occurred-at", "2026-13-01"], "occurred-at"),
        Case("analyze-pdf-missing-folder", "analyze", ["analyze", f, "--pdf", str(ro / "nope" / "x.pdf")],
             "not a writable folder", str(ro / "nope" / "x.pdf")),
        Case("analyze-pdf-under-a-file", "analyze", ["analyze", f, "--pdf", str(one / "x.pdf")],
             "not a writable folder", str(one / "x.pdf")),
        Case("analyze-pdf-read-only", "analyze", ["analyze", f, "--pdf", str(ro / "x.pdf")],
             "not a writable folder", str(ro / "x.pdf")),
        Case("analyze-pdf-exists", "analyze", ["analyze", f, "--pdf", str(one)], "already exists", str(one)),
        Case("analyze-rubric-unknown-id", "analyze", ["analyze", f, "--rubric", "no-such-rubric"], "no-such-rubric"),
        Case("score-save-agent-5000", "score", ["score", str(one), "--save", "--agent", "B" * 5000], "--agent"),
    ]


def review_cases() -> list[Case]:
    lead = ["--as", "Tiina Lead"]
    rows = [
        ("bogus-status", ["1", *lead, "--set", "empathy=bogus"], "bogus"),
        ("unknown-criterion", ["1", *lead, "--set", "no_such_thing=met"], "no_such_thing"),
        ("unknown-comment-criterion", ["1", *lead, "--comment", "no_such_thing=hi"], "no_such_thing"),
        ("missing-reason", ["1", *lead, "--set", "empathy=not_met"], "reason"),
        ("blank-reason", ["1", *lead, "--set", "empathy=not_met", "--reason", "   "], "reason"),
        ("nul-reason", ["1", *lead, "--set", "empathy=not_met", "--reason", "was\x00rude"], "control character"),
        ("nul-comment", ["1", *lead, "--comment", "empathy=fine\x00ok"], "control character"),
        ("lone-surrogate-comment", ["1", *lead, "--comment", "empathy=\udcff"], "surrogate"),
        ("score-on-met-criterion", ["1", *lead, "--set", "empathy=3"], "empathy"),
        ("score-nan", ["1", *lead, "--set", "empathy=nan"], "empathy"),
        ("score-inf", ["1", *lead, "--set", "empathy=inf"], "empathy"),
        ("set-no-equals", ["1", *lead, "--set", "empathy"], "criterion=value"),
        ("set-empty-key", ["1", *lead, "--set", "=met"], "criterion=value"),
        ("unknown-person", ["1", "--as", "Nobody Known", "--set", "empathy=met"], "nobody known"),
        ("person-5000", ["1", "--as", "N" * 5000, "--set", "empathy=met"], ""),
        ("no-author", ["1", "--set", "empathy=met"], "--as"),
        ("agent-as-lead", ["1", "--as", "Aino Agent", "--set", "empathy=met"], ""),
        ("missing-interaction", ["999", *lead, "--set", "empathy=met"], "999"),
        ("id-2-31-minus-1", [str(2**31 - 1), *lead], str(2**31 - 1)),
        ("unscored-interaction", ["2", *lead, "--set", "empathy=met"], "score it first"),
        ("session-without-calibration", ["1", *lead, "--session", "1"], "calibration"),
        ("calibration-unknown-session", ["1", *lead, "--kind", "calibration", "--session", "77"], "77"),
        ("calibration-no-session", ["1", *lead, "--kind", "calibration"], "session"),
        ("skip-lead-review", ["1", *lead, "--skip"], "skip"),
        ("self-by-lead", ["1", *lead, "--kind", "self", "--set", "empathy=met"], ""),
    ]
    return [Case(f"review-{n}", "review", ["review", *argv], p) for n, argv, p in rows]


def export_cases(folder: Path, one: Path) -> list[Case]:
    ro = read_only_folder(folder)
    missing = ro / "no-such-folder"  # a folder that cannot be made (a missing one elsewhere is made)
    (folder / "taken.csv").write_text("x")
    (folder / "half-summary.csv").write_text("keep")
    (folder / "taken.pdf").write_bytes(b"%PDF")
    big, huge = str(2**31), str(2**64)
    rows = [
        ("csv-missing-folder", ["csv", str(missing / "x.csv")], "", str(missing / "x.csv")),
        ("csv-read-only", ["csv", str(ro / "x.csv")], "", str(ro / "x.csv")),
        ("csv-under-a-file", ["csv", str(one / "x.csv")], "", str(one / "x.csv")),
        ("csv-exists", ["csv", str(folder / "taken.csv")], "already exists", str(folder / "taken.csv")),
        ("csv-summary-exists", ["csv", str(folder / "half.csv")], "already exists", str(folder / "half-summary.csv")),
        ("csv-bad-from", ["csv", str(folder / "c1.csv"), "--from", "last tuesday"], "last tuesday", None),
        ("csv-bad-to", ["csv", str(folder / "c2.csv"), "--to", "2026-02-30"], "2026-02-30", None),
        ("csv-unknown-viewer", ["csv", str(folder / "c3.csv"), "--as", "Nobody Known"], "nobody known", None),
        ("csv-no-out", ["csv"], "usage", None),
        ("transcript-missing-folder", ["transcript", "1", str(missing / "t.txt")], "", str(missing / "t.txt")),
        ("transcript-read-only", ["transcript", "1", str(ro / "t.txt")], "", str(ro / "t.txt")),
        ("transcript-into-a-folder", ["transcript", "1", str(folder)], "", str(folder)),
        ("transcript-exists", ["transcript", "1", str(one)], "already exists", str(one)),
        ("transcript-bad-format", ["transcript", "1", str(folder / "t.docx"), "--format", "docx"], "--format", None),
        ("transcript-id-2-64", ["transcript", huge, str(folder / "t1.txt")], huge, None),
        ("transcript-id-2-31", ["transcript", big, str(folder / "t2.txt")], big, None),
        ("transcript-id-missing", ["transcript", "999", str(folder / "t3.txt")], "999", None),
        ("transcript-id-zero", ["transcript", "0", str(folder / "t4.txt")], "", None),
        ("transcript-id-word", ["transcript", "one", str(folder / "t5.txt")], "usage", None),
        ("transcript-unknown-viewer", ["transcript", "1", str(folder / "t6.txt"), "--as", "Nobody Known"],
         "nobody known", None),
        ("pdf-id-2-64", [huge, "--pdf", str(folder / "p1.pdf")], huge, None),
        ("pdf-id-2-31", [big, "--pdf", str(folder / "p2.pdf")], big, None),
        ("pdf-id-missing", ["999", "--pdf", str(folder / "p3.pdf")], "999", None),
        ("pdf-unscored", ["2", "--pdf", str(folder / "p4.pdf")], "", None),
        ("pdf-missing-folder", ["1", "--pdf", str(missing / "p.pdf")], "", str(missing / "p.pdf")),
        ("pdf-read-only", ["1", "--pdf", str(ro / "p.pdf")], "", str(ro / "p.pdf")),
        ("pdf-exists", ["1", "--pdf", str(folder / "taken.pdf")], "already exists", str(folder / "taken.pdf")),
        ("pdf-no-flag", ["1"], "--pdf", None),
        ("what-word", ["everything"], "everything", None),
        ("what-2-64-csv-like", ["18446744073709551616csv"], "18446744073709551616csv", None),
    ]
    out = []
    for n, argv, problem, names in rows:
        written = [a for a in argv if a.endswith((".csv", ".txt", ".pdf", ".docx")) and not Path(a).exists()]
        summaries = [str(Path(w).with_name(Path(w).stem + "-summary.csv")) for w in written if w.endswith(".csv")]
        outputs = tuple(written + [s for s in summaries if not Path(s).exists()])
        out.append(Case(f"export-{n}", "export", ["export", *argv], problem, names, outputs))
    return out


if __name__ == "__main__":
    for c in build(Path(sys.argv[1])):
        print(f"{c.group:16} {c.id:44} {' '.join(a[:40] for a in c.argv)}")
