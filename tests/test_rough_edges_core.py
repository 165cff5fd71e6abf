"""Rough edges from issue #8 that need no window: Finnish rationales wholly Finnish, and the
coaching PDF giving a person's reason where they changed the automatic verdict."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from coach_app.core.detectors import DETAILS
from coach_app.core.formats import read_transcript_file
from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric
from coach_app.core.scoring import score_segments
from coach_app.core.transcript import Segment
from tests.conftest import ROOT

OWN = ROOT / "tests" / "data" / "scoring"
# English words a detector or the fallback sentence used to put into Finnish rationales
ENGLISH = re.compile(r"\b(silence|announced|thanked|hold|words|minute|customer|agent|the|at|Met|Not|rule|chat)\b")


def _outside_quotes(text: str) -> str:
    return re.sub(r"[”“\"][^”“\"]*[”“\"]", "", text)  # a quote is what was said, in any language


def test_every_rationale_detail_has_a_finnish_wording():
    assert set(DETAILS["fi"]) == set(DETAILS["en"])
    assert all(DETAILS["fi"][k] != DETAILS["en"][k] for k in DETAILS["en"] if k != "missing_name")


@pytest.mark.parametrize("name", ["own-fi-001.json", "own-fi-002.json"])
def test_finnish_calls_get_wholly_finnish_rationales(name):
    parsed = read_transcript_file(OWN / name)
    result = score_segments(parsed.segments, load_rubric(DEFAULT_RUBRIC), "fi")
    rationales = [s.rationale for s in result.scores if s.rationale]
    assert len(rationales) >= 12
    english = [r for r in rationales if ENGLISH.search(_outside_quotes(r))]
    assert english == []
    if name == "own-fi-002.json":  # the unannounced silence, said in Finnish
        hold = next(s for s in result.scores if s.criterion.id == "hold_etiquette")
        assert "28 s hiljaisuutta ilman ilmoitusta" in hold.rationale


def test_a_finnish_fast_talker_is_told_so_in_finnish():
    words = " ".join(["sana"] * 100)
    fast = [Segment("agent", 0, 24000, words)]  # 250 words per minute
    s = next(x for x in score_segments(fast, load_rubric(DEFAULT_RUBRIC), "fi").scores
             if x.criterion.id == "clear_communication")
    assert s.status == "not_met" and "250 sanaa minuutissa" in s.rationale


def test_the_coaching_pdf_gives_the_persons_reason_for_a_changed_verdict(tmp_path):
    from coach_app.config import Workspace
    from coach_app.db.engine import open_database
    from coach_app.export.pdf import build_call_report
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.reports import call_report_data
    from coach_app.services.reviews import set_criterion, start_review, submit_review
    from coach_app.services.rubrics import resolve_rubric

    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) reads the PDF back"
    ws = Workspace(tmp_path / "ws", f"sqlite:///{tmp_path / 'ws' / 'coach.db'}")
    ws.ensure_dirs()
    engine = open_database(ws.db_url)
    iid = import_file(ws, engine, OWN / "own-en-001.json", agent="Priya Shah").interaction.id
    version, rubric = resolve_rubric(engine, None)
    score_interaction(engine, iid, version, rubric)
    automatic = call_report_data(engine, iid).main.results["first_contact_resolution"]
    assert automatic.status == "met" and automatic.rationale
    lead = start_review(engine, iid, "Tiina Lead")
    set_criterion(engine, lead.id, "first_contact_resolution", "Tiina Lead", status="not_met",
                  reason="The customer has to call back about the refund")
    submit_review(engine, lead.id, "Tiina Lead")  # the report speaks for a submitted review
    for lang, expected in (("en", "Changed by Tiina Lead from met: The customer has to call back about the refund"),
                           ("fi", "Tiina Lead muutti arviota (aiemmin: täyttyy): The customer has to call back")):
        out = tmp_path / f"{lang}.pdf"
        build_call_report(call_report_data(engine, iid), out, lang=lang)
        text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        focus = text.split("Focus areas" if lang == "en" else "Kehityskohteet", 1)[1]
        assert expected in focus
        assert automatic.rationale not in text  # the automatic reason contradicted the changed status
    engine.dispose()
