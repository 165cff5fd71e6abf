"""People's evaluations on SQLite and PostgreSQL: a lead's override needs a reason and is
audited; a self-assessment starts blank and hides the lead's view until submitted. The workflow
around them (roles, calibration, disputes, the queue) is in test_workflow.py."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric
from coach_app.db.models import AuditEvent, CriterionResult, Evaluation
from coach_app.errors import CoachError
from coach_app.services.evaluations import score_interaction
from coach_app.services.importer import import_file
from coach_app.services.reviews import set_criterion, start_review, submit_review, visible_evaluations
from coach_app.services.rubrics import resolve_rubric
from tests.conftest import ROOT

CALL = ROOT / "tests" / "data" / "scoring" / "own-en-001.json"


@pytest.fixture
def scored(workspace, engine):
    iid = import_file(workspace, engine, CALL, agent="Priya Shah").interaction.id
    version, rubric = resolve_rubric(engine, None)
    auto, _ = score_interaction(engine, iid, version, rubric)
    return iid, auto


def results(engine, evaluation_id):
    with Session(engine) as s:
        return {r.criterion_id: r for r in s.exec(select(CriterionResult).where(CriterionResult.evaluation_id == evaluation_id))}


def test_lead_override_needs_a_reason_and_is_audited(engine, scored):
    iid, auto = scored
    ev = start_review(engine, iid, "Tiina Lead")
    assert ev.total == auto.total and results(engine, ev.id)["greeting"].status == "met"
    with pytest.raises(CoachError, match="needs a reason"):
        set_criterion(engine, ev.id, "greeting", "Tiina Lead", status="not_met")
    assert results(engine, ev.id)["greeting"].status == "met"  # the refused change stored nothing
    set_criterion(engine, ev.id, "greeting", "Tiina Lead", status="not_met", reason="Only procedural")
    r = results(engine, ev.id)["greeting"]
    assert (r.status, r.overridden_from, r.override_reason) == ("not_met", "met", "Only procedural")
    with Session(engine) as s:
        ev_now = s.get(Evaluation, ev.id)
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "override")).one()
    applicable = [x for x in results(engine, ev.id).values() if x.status in ("met", "not_met")]
    assert len(applicable) == 12 and ev_now.total < auto.total  # the greeting no longer met: recomputed
    weight = {c.id: c.weight for c in load_rubric(DEFAULT_RUBRIC).criteria}  # the weighted share
    assert ev_now.total == round(100 * sum(weight[x.criterion_id] for x in applicable if x.status == "met")
                                 / sum(weight[x.criterion_id] for x in applicable), 1)
    assert event.detail["criterion"] == "greeting" and event.detail["reason"] == "Only procedural"
    assert event.detail["before"]["status"] == "met" and event.detail["after"]["status"] == "not_met"
    assert start_review(engine, iid, "Tiina Lead").id == ev.id  # reopening continues the same review
    set_criterion(engine, ev.id, "product_knowledge", "Tiina Lead", status="met")  # person-only: no reason needed
    set_criterion(engine, ev.id, "greeting", "Tiina Lead", status="met")  # back to the automatic status
    assert results(engine, ev.id)["greeting"].overridden_from is None
    submit_review(engine, ev.id, "Tiina Lead")
    with pytest.raises(CoachError, match="review the call again to reopen it"):
        set_criterion(engine, ev.id, "gratitude", "Tiina Lead", status="not_met", reason="x")


def test_self_assessment_is_blank_and_hides_the_lead_view_until_submitted(engine, scored):
    iid, auto = scored
    lead = start_review(engine, iid, "Tiina Lead")
    with pytest.raises(CoachError, match="not the agent"):
        start_review(engine, iid, "Tiina Lead", kind="self")
    mine = start_review(engine, iid, "Priya Shah", kind="self")
    assert all(r.status is None for r in results(engine, mine.id).values())
    assert [e.id for e in visible_evaluations(engine, iid, "Priya Shah")] == [mine.id]
    assert {e.id for e in visible_evaluations(engine, iid, "Tiina Lead")} == {auto.id, lead.id}  # not the open self
    with pytest.raises(CoachError, match="still open"):
        submit_review(engine, mine.id, "Priya Shah")
    version, rubric = resolve_rubric(engine, None)
    for c in rubric.criteria:
        if c.scoring == "automatic":
            set_criterion(engine, mine.id, c.id, "Priya Shah", status="met")
    submit_review(engine, mine.id, "Priya Shah")
    assert {e.id for e in visible_evaluations(engine, iid, "Priya Shah")} == {auto.id, mine.id}  # lead's still open
    submit_review(engine, lead.id, "Tiina Lead")
    assert {e.id for e in visible_evaluations(engine, iid, "Priya Shah")} == {auto.id, lead.id, mine.id}


def test_numeric_scales_for_person_criteria(engine, scored, tmp_path):
    iid, _ = scored
    ev = start_review(engine, iid, "Tiina Lead")
    with pytest.raises(CoachError, match="not with a number"):
        set_criterion(engine, ev.id, "product_knowledge", "Tiina Lead", score=4)
    with pytest.raises(CoachError, match="no criterion 'empaty'"):
        set_criterion(engine, ev.id, "empaty", "Tiina Lead", status="met")
    with pytest.raises(CoachError, match="Somebody Else is not a person of this workspace"):
        set_criterion(engine, ev.id, "greeting", "Somebody Else", status="met")
    with pytest.raises(CoachError, match="belongs to someone else"):
        set_criterion(engine, ev.id, "greeting", "Priya Shah", status="met")


def test_call_report_shows_self_assessment_beside_the_review(workspace, engine, scored, tmp_path):
    import shutil
    import subprocess

    from coach_app.export.pdf import build_call_report
    from coach_app.services.reports import call_report_data

    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed; make test installs it")
    iid, _ = scored
    lead = start_review(engine, iid, "Tiina Lead")
    set_criterion(engine, lead.id, "follow_up", "Tiina Lead", status="not_met", reason="Call-back offer was vague")
    submit_review(engine, lead.id, "Tiina Lead")
    mine = start_review(engine, iid, "Priya Shah", kind="self")
    version, rubric = resolve_rubric(engine, None)
    for c in rubric.criteria:
        if c.scoring == "automatic":
            set_criterion(engine, mine.id, c.id, "Priya Shah", status="met")
    submit_review(engine, mine.id, "Priya Shah")
    data = call_report_data(engine, iid)
    assert data.main.evaluation.id == lead.id and data.self_assessment.evaluation.id == mine.id
    out = tmp_path / "r.pdf"
    build_call_report(data, out, "en")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Self-assessment and review side by side" in text and "Tiina Lead" in text
    flat = " ".join(text.split())
    assert "changed from" in flat and "Call-back offer was" in flat and "vague" in flat  # the override's reason
    assert "Not met" in text.split("Self-assessment and review side by side")[1]
