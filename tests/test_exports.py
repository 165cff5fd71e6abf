"""Exports: redaction (en/fi), the call coaching PDF, CSV, transcript formats, safe file names."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys

import pytest

from coach_app.core.redaction import find_personal_data, luhn_valid, redact, valid_hetu
from coach_app.core.transcript import Segment
from coach_app.export.files import safe_name, write_atomically
from coach_app.export.transcript_formats import render
from coach_app.errors import CoachError
from tests.conftest import ROOT, SHARED

PDFTOTEXT = shutil.which("pdftotext")  # poppler-utils: `make test` installs it; without it these tests fail


@pytest.mark.parametrize("text, kinds", [
    ("Se on 120345-4188.", ["hetu"]),
    ("Se on 120345-4187.", ["hetu"]),  # wrong check character: misheard or mistyped, still somebody's
    ("Se on 991345-4188.", []),  # no such date: not an identity code
    ("It's 4539 7702 1486 3326", ["card"]),
    ("It's 4539 7702 1486 3327", ["card"]),  # fails Luhn (a digit misheard) but has a card's shape
    ("my email is anna dot lee at example dot co dot uk", ["email"]),  # read aloud
    ("sähköposti on anna piste lee ät esimerkki piste fi", ["email"]),
    ("Plus 44 20 7946 0321, or (040) 123 4567, or 555-867-5309.", ["phone", "phone", "phone"]),
    ("the number is 4-1-1-1-1-1-1-1-1-1-1-1-1-1", ["spoken"]),  # digits one by one
    ("IBAN FI21 1234 5600 0007 85 please", ["iban"]),
    ("Soita 040 715 2283 tai +44 20 7946 0321.", ["phone", "phone"]),
    ("Mail me at dana.w@inboxly.com.", ["email"]),
    ("It says H H dash four four one nine zero two seven.", ["spoken"]),
    ("Hetki... kaksi nolla neljä neljä seitsemän yksi kaksi.", ["spoken"]),
    ("The bill was 412 pounds on 12.3.2026 at 10:30, order 55120.", []),  # amounts, dates, times stay
])
def test_personal_data_is_found_in_both_languages(text, kinds):
    assert [f.kind for f in find_personal_data(text)] == kinds


def test_validators_and_labels():
    assert valid_hetu("030591-157H") and not valid_hetu("030591-157J") and not valid_hetu("320591-157H")
    assert luhn_valid("4658221094753315") and not luhn_valid("4658221094753316")
    assert redact("Se on 120345-4188.", "fi") == "Se on [henkilötunnus]."
    assert redact("Card 4539 7702 1486 3326.", "en") == "Card [card number]."


def test_seeded_identifiers_are_redacted():
    """Our own seeded conversation always; the dev set's seeded identifiers too where ../shared exists."""
    own = json.loads((ROOT / "tests" / "data" / "redaction-seeded.json").read_text("utf-8"))
    cases = [(own["language"], s["text"]) for s in own["segments"]]
    seeded = list(own["seeded"])
    eval_dir = SHARED / "eval"
    if eval_dir.is_dir():
        seeded += ["100387-234V", "250748-262L", "vauriot@ajokaari.fi"]
        for f in sorted(eval_dir.glob("dev-*.json")):
            d = json.loads(f.read_text("utf-8"))
            cases += [(d["language"], s["text"]) for s in d["segments"]]
    assert all(any(ident in text for _, text in cases) for ident in own["seeded"])  # the fixture really has them
    for lang, text in cases:
        out = redact(text, lang)
        for ident in seeded:
            assert ident not in out, out


def test_safe_names_and_atomic_writes(tmp_path):
    assert safe_name("../../etc/passwd") == "etc-passwd"
    assert safe_name("Aino Ääkkönen / tiimi 2") == "Aino-Aakkonen-tiimi-2"
    assert safe_name("...") == "export"
    out = tmp_path / "r.txt"
    write_atomically(out, lambda p: p.write_text("one"))
    with pytest.raises(CoachError, match="already exists"):
        write_atomically(out, lambda p: p.write_text("two"))
    assert out.read_text() == "one"
    write_atomically(out, lambda p: p.write_text("two"), force=True)
    assert out.read_text() == "two" and [p.name for p in tmp_path.iterdir()] == ["r.txt"]


SEGS = [Segment("agent", 500, 4200, "Hello, Kettle support, Ash here. How can I help?"),
        Segment("customer", 4800, 9100, "My card 4539 7702 1486 3326 was charged twice."),
        Segment("agent", 3_723_000, 3_725_500, "Thanks, it's refunded.")]


def test_srt_and_vtt_are_well_formed():
    srt = render(SEGS, "srt", "en", "phone", redact_pii=True)
    blocks = srt.strip().split("\n\n")
    assert len(blocks) == 3
    for i, b in enumerate(blocks, 1):
        lines = b.split("\n")
        assert lines[0] == str(i)
        assert re.fullmatch(r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}", lines[1])
    assert "01:02:03,000 --> 01:02:05,500" in srt and "[card number]" in srt and "4539" not in srt
    vtt = render(SEGS, "vtt", "en", "phone")
    assert vtt.startswith("WEBVTT\n\n")
    cues = re.findall(r"^(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})$", vtt, re.M)
    assert cues[0] == ("00:00:00.500", "00:00:04.200") and len(cues) == 3
    assert "<v Customer>My card 4539" in vtt  # transcripts are not redacted unless asked
    assert render(SEGS, "txt", "fi", "phone").splitlines()[1].startswith("[0:04] Asiakas: My card")


def coach(ws, *args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def scored_workspace(tmp_path_factory):
    ws = tmp_path_factory.mktemp("exports")
    fi = ws / "fi.json"
    fi.write_text(json.dumps({"language": "fi", "channel": "phone", "segments": [
        {"speaker": "agent", "start": 0.4, "end": 4.0, "text": "Hyvää päivää, Verkkotähti, Sanna puhelimessa, miten voin auttaa?"},
        {"speaker": "customer", "start": 4.5, "end": 10.0, "text": "Laskuni on väärin. Henkilötunnus on 120345-4188."},
        {"speaker": "agent", "start": 10.5, "end": 16.0, "text": "Ymmärrän, harmillista. Eli lasku on väärin. Korjaan sen nyt."},
        {"speaker": "agent", "start": 16.5, "end": 22.0, "text": "Saat korjatun laskun sähköpostiin huomenna. Kiitos soitosta!"}]}, ensure_ascii=False), "utf-8")
    r = coach(ws, "score", fi, "--save", "--agent", "Aino Ääkkönen")
    assert r.returncode == 0, r.stderr
    return ws


def pdf_text(path) -> str:
    assert PDFTOTEXT, "pdftotext (Debian: poppler-utils) is needed to read the PDFs back"
    return subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_call_report_pdf_in_finnish_and_english(scored_workspace):
    ws = scored_workspace
    r = coach(ws, "export", "1", "--pdf")
    assert r.returncode == 0, r.stderr
    out = ws / "exports" / re.search(r"exports/(\S+\.pdf)", r.stdout).group(1)
    assert out.name.startswith("Aino-Aakkonen-1-")
    text = pdf_text(out)
    assert "Puhelun valmennusraportti" in text and "Arviointikortti" in text and "Kehityskohteet" in text
    assert "Aino Ääkkönen" in text
    shown = json.loads(coach(ws, "show", "1", "--json").stdout)
    from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric

    rubric = load_rubric(DEFAULT_RUBRIC)
    for c in rubric.criteria:
        assert c.title["fi"].split()[0] in text
    assert re.search(r"\b\d{1,3}\b\s*\n\s*(HYVÄKSYTTY|EI HYVÄKSYTTY)", text)
    assert "120345-4188" not in text and "Henkilötiedot peitetty" in text
    assert coach(ws, "export", "1", "--pdf", out).returncode == 1  # no overwrite without --force
    en = ws / "en.pdf"
    assert coach(ws, "export", "1", "--pdf", en, "--lang", "en").returncode == 0
    assert "Call coaching report" in pdf_text(en) and "Scorecard" in pdf_text(en)
    raw = ws / "raw.pdf"
    assert coach(ws, "export", "1", "--pdf", raw, "--no-redact").returncode == 0
    assert shown["segments"][1]["text"].endswith("120345-4188.")


def test_csv_round_trips_with_bom_and_finnish_separator(scored_workspace, tmp_path):
    ws = scored_workspace
    out = tmp_path / "evals.csv"
    r = coach(ws, "export", "csv", out, "--lang", "fi")
    assert r.returncode == 0, r.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 14 and {r["criterion_id"] for r in rows} >= {"greeting", "empathy", "product_knowledge"}
    assert rows[0]["agent"] == "Aino Ääkkönen"
    summary = list(csv.DictReader(io.StringIO((tmp_path / "evals-summary.csv").read_text("utf-8-sig")), delimiter=";"))
    assert len(summary) == 1 and int(summary[0]["met"]) + int(summary[0]["not_met"]) + int(summary[0]["na"]) == 12
    assert all("120345-4188" not in v for row in rows for v in row.values())


def test_transcript_json_export_reimports_losslessly(scored_workspace, tmp_path):
    ws = scored_workspace
    out = tmp_path / "t.json"
    assert coach(ws, "export", "transcript", "1", "--format", "json", out, "--no-redact").returncode == 0
    ws2 = tmp_path / "ws2"
    assert coach(ws2, "import", out).returncode == 0
    a = json.loads(coach(ws, "show", "1", "--json").stdout)["segments"]
    b = json.loads(coach(ws2, "show", "1", "--json").stdout)["segments"]
    assert a == b
    # by default an exported transcript is redacted, like every other export
    plain = tmp_path / "plain.txt"
    assert coach(ws, "export", "transcript", "1", "--format", "txt", plain).returncode == 0
    redacted = plain.read_text("utf-8")
    assert coach(ws, "export", "transcript", "1", "--format", "txt", tmp_path / "raw.txt", "--no-redact").returncode == 0
    raw = (tmp_path / "raw.txt").read_text("utf-8")
    assert redacted != raw and "[" in redacted  # a placeholder stands where the personal data was


def test_agent_and_team_reports(tmp_path):
    """Two agents over a month, one interaction reviewed by a lead and calibrated by two
    reviewers: trend, rates, calibration (from the session, never from duplicate scorings)."""
    from datetime import datetime, timezone

    from sqlmodel import Session, select

    from coach_app.config import Workspace
    from coach_app.db.engine import open_database
    from coach_app.db.models import CriterionResult, Evaluation
    from coach_app.services.calibration import start_calibration
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.people import add_person
    from coach_app.services.reviews import Change, review
    from coach_app.services.rubrics import resolve_rubric

    ws = Workspace(tmp_path / "ws", f"sqlite:///{tmp_path / 'ws' / 'coach.db'}")
    ws.ensure_dirs()
    engine = open_database(ws.db_url)
    version, rubric = resolve_rubric(engine, None)
    files = sorted((ROOT / "tests" / "data" / "scoring").glob("own-*.json"))
    for day, f in enumerate(files * 2, start=1):
        agent = "Aino Ääkkönen" if day % 2 else "Kelly Smith"
        inter = import_file(ws, engine, f if day <= len(files) else _copy(f, tmp_path, day), agent=agent,
                            occurred_at=datetime(2026, 11, day, 9, tzinfo=timezone.utc)).interaction
        score_interaction(engine, inter.id, version, rubric)
    # a lead reviews #1 (submitted); in a calibration session on #1 two reviewers differ on empathy only
    add_person(engine, "Ada Admin", "admin", None, None)
    add_person(engine, "Tiina Lead", "team_lead", None, "Ada Admin")
    review(engine, 1, "Tiina Lead", "lead", [Change("empathy", status="not_met")], reason="Scripted", submit=True)
    cs = start_calibration(engine, [1], ["Tiina Lead", "Ada Admin"], "Ada Admin")
    with Session(engine) as s:
        auto = s.exec(select(Evaluation).where(Evaluation.interaction_id == 1, Evaluation.kind == "automatic")).one()
        given = {r.criterion_id: r.status for r in s.exec(select(CriterionResult).where(
            CriterionResult.evaluation_id == auto.id)).all() if r.status}
    for who in ("Tiina Lead", "Ada Admin"):
        flip = {"empathy": "met" if given["empathy"] == "not_met" else "not_met"} if who == "Ada Admin" else {}
        review(engine, 1, who, "calibration", [Change(c, status=flip.get(c, st)) for c, st in given.items()],
               session_id=cs.id, submit=True)
    engine.dispose()
    out = tmp_path / "agent.pdf"
    r = coach(ws.root, "report", "agent", "Aino Ääkkönen", "--from", "2026-11-01", "--to", "2026-11-30", "--pdf", out)
    assert r.returncode == 0, r.stderr
    text = pdf_text(out)
    assert "Agent coaching report" in text and "Aino Ääkkönen" in text and "2026-11-30" in text
    assert "Totals over the period" in text and "Strongest criteria" in text and "Weakest criteria" in text
    assert text.count("own-") >= 4  # the evaluated interactions are listed
    team = tmp_path / "team.pdf"
    assert coach(ws.root, "report", "team", "--pdf", team, "--lang", "fi").returncode == 0
    text = pdf_text(team)
    assert "Tiimiraportti" in text and "Kelly Smith" in text and "Arvioijien yhtäpitävyys" in text
    # 11 of the 12 criteria both scored agree: 92 %, differing on empathy
    assert re.search(r"\b1\s+[^\n]*\s+92%\s+Asiakkaan huomioiminen", text), text
    assert "(Tiina Lead)" in text
    assert "Arvioitu" in text and "1/4 (25 %)" in text.replace("25%", "25 %")  # coverage: #1 of Aino's 4 reviewed
    r = coach(ws.root, "report", "agent", "Nobody")
    assert r.returncode == 1 and "no agent called 'Nobody'" in r.stderr


def _copy(src, tmp_path, n):
    data = json.loads(src.read_text("utf-8"))
    data["segments"][-1]["text"] += f" ({n})"  # different content: a different interaction
    out = tmp_path / f"{src.stem}-{n}.json"
    out.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return out
