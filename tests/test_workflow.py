"""The review workflow on SQLite and PostgreSQL, through the services both the CLI and the app
call: roles from the person table, one lead review per reviewer per call, all-or-nothing
commands, blind self-assessment, calibration sessions, disputes and the review queue."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, func, select

from coach_app.db.models import AuditEvent, CriterionResult, Evaluation, Person
from coach_app.errors import CoachError
from coach_app.services.evaluations import score_interaction
from coach_app.services.importer import import_file
from coach_app.services.people import add_person
from coach_app.services.reviews import Change, review, start_review, visible_evaluations
from coach_app.services.rubrics import resolve_rubric
from tests.conftest import ROOT

CALLS = ROOT / "tests" / "data" / "scoring"
DAY0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


def call_variant(tmp_path, n: int):
    """A distinct recording-like transcript (import is content-addressed): the model call with
    one more closing line. The other turns are shared, so their embeddings are computed once."""
    data = json.loads((CALLS / "own-en-001.json").read_text())
    last = data["segments"][-1]
    data["segments"].append({"speaker": "agent", "start": last["end"] + 0.5, "end": last["end"] + 2.0,
                             "text": f"Reference number {1000 + n}."})
    out = tmp_path / f"call-{n}.json"
    out.write_text(json.dumps(data))
    return out


@pytest.fixture
def team(workspace, engine, tmp_path):
    """An admin, two teams with a lead each, three agents, and scored calls on several days."""
    add_person(engine, "Ada Admin", "admin", None, None)
    add_person(engine, "Tiina Lead", "team_lead", "North", "Ada Admin")
    add_person(engine, "Oskar Lead", "team_lead", "South", "Ada Admin")
    add_person(engine, "Tara Trainer", "trainer", None, "Ada Admin")
    add_person(engine, "Priya Shah", "agent", "North", "Ada Admin")
    add_person(engine, "Kelly Agent", "agent", "North", "Ada Admin")
    add_person(engine, "Sam South", "agent", "South", "Ada Admin")
    version, rubric = resolve_rubric(engine, None)
    ids = {}
    plan = [("Priya Shah", 6), ("Kelly Agent", 3), ("Sam South", 2)]
    n = 0
    for agent, count in plan:
        for k in range(count):
            path = call_variant(tmp_path, n)
            iid = import_file(workspace, engine, path, agent=agent, occurred_at=DAY0 + timedelta(days=3 * k)).interaction.id
            score_interaction(engine, iid, version, rubric)
            ids.setdefault(agent, []).append(iid)
            n += 1
    return ids


def statuses(engine, evaluation_id):
    with Session(engine) as s:
        return {r.criterion_id: r for r in s.exec(select(CriterionResult).where(CriterionResult.evaluation_id == evaluation_id))}


def count(engine, model):
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def self_assess(engine, iid, agent, status="met"):
    _, rubric = resolve_rubric(engine, None)
    return review(engine, iid, agent, "self", [Change(c.id, status=status) for c in rubric.criteria
                                                if c.scoring == "automatic"], submit=True)


# ----------------------------------------------------------------------------- people and roles

def test_the_first_person_is_the_admin_and_only_admins_add_people(engine):
    with pytest.raises(CoachError, match="no admin yet"):
        add_person(engine, "Tiina Lead", "team_lead", None, None)
    assert add_person(engine, "Ada Admin", "admin", None, None).role == "admin"
    with pytest.raises(CoachError, match="say who is adding"):
        add_person(engine, "Tiina Lead", "team_lead", None, None)
    add_person(engine, "Kelly Agent", "agent", "North", "Ada Admin")
    with pytest.raises(CoachError, match="Kelly Agent is an agent; only admins can add people"):
        add_person(engine, "Mallory", "admin", None, "Kelly Agent")
    with pytest.raises(CoachError, match="Mallory is not a person of this workspace"):
        add_person(engine, "Eve", "agent", None, "Mallory")
    with Session(engine) as s:
        assert sorted(s.exec(select(Person.name)).all()) == ["Ada Admin", "Kelly Agent"]


def test_roles_come_from_the_database_not_from_the_client(engine, team):
    priya = team["Priya Shah"][0]
    with pytest.raises(CoachError, match="Kelly Agent is an agent; only team leads or admins can review calls"):
        review(engine, priya, "Kelly Agent", "lead", [Change("next_steps", status="met")], reason="x", submit=True)
    with pytest.raises(CoachError, match="Priya Shah is an agent"):
        review(engine, priya, "Priya Shah", "lead")  # the call's own agent cannot lead-review it either
    with pytest.raises(CoachError, match="not a call of Oskar Lead's team"):
        review(engine, priya, "Oskar Lead", "lead")
    with pytest.raises(CoachError, match="Nobody is not a person of this workspace"):
        review(engine, priya, "Nobody", "lead")
    with pytest.raises(CoachError, match="not the agent of interaction"):
        review(engine, priya, "Kelly Agent", "self")
    assert count(engine, Evaluation) == 11  # only the automatic ones: every refusal stored nothing
    from coach_app.services.queries import library_rows, list_interactions

    assert {i.id for i, _ in list_interactions(engine, viewer="Priya Shah")} == set(team["Priya Shah"])
    assert {r.id for r in library_rows(engine, viewer="Oskar Lead")} == set(team["Sam South"])
    assert {r.id for r in library_rows(engine, viewer="Tiina Lead")} == set(team["Priya Shah"] + team["Kelly Agent"])
    assert len(library_rows(engine, viewer="Tara Trainer")) == 11
    with pytest.raises(CoachError, match=f"no interaction with id {team['Sam South'][0]}"):
        visible_evaluations(engine, team["Sam South"][0], "Priya Shah")  # others' calls do not exist for her


def test_only_trainers_and_admins_save_rubric_versions(engine, team):
    from coach_app.services.rubrics import store_rubric

    import re

    text = re.sub(r"(?m)^version: .*$", 'version: "9.9"', (ROOT / "rubrics" / "customer-encounter-model.yaml").read_text())
    with pytest.raises(CoachError, match="Tiina Lead is a team lead; only trainers or admins can save rubric versions"):
        store_rubric(engine, text, "edited", by="Tiina Lead")
    version, _, created = store_rubric(engine, text, "edited", by="Tara Trainer")
    with Session(engine) as s:
        assert created and version.created_by_id == s.exec(select(Person.id).where(Person.name == "Tara Trainer")).one()


# ----------------------------------------------------------------------------- one lead review per reviewer

def test_reviewing_again_continues_the_same_review_and_reports_name_the_latest(engine, team):
    from coach_app.services.reports import call_report_data

    iid = team["Priya Shah"][0]
    first = review(engine, iid, "Tiina Lead", "lead", [Change("empathy", status="not_met"),
                                                       Change("empathy", comment="Sounded robotic")],
                   reason="Scripted", submit=True)
    again = review(engine, iid, "Tiina Lead", "lead", [Change("next_steps", status="not_met")], reason="late change")
    assert again.id == first.id and again.submitted_at is None  # reopened, not replaced
    rows = statuses(engine, first.id)
    assert rows["empathy"].status == "not_met" and rows["empathy"].reviewer_comment == "Sounded robotic"
    assert rows["next_steps"].status == "not_met"
    with Session(engine) as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "reopen", AuditEvent.entity_id == first.id)).first()
        assert s.exec(select(func.count()).select_from(Evaluation).where(Evaluation.kind == "lead")).one() == 1
    # while it is open again the report speaks with the last submitted state ... of which there is none
    # now (the reopened one is not submitted): the automatic one, until a lead review is submitted
    assert call_report_data(engine, iid).main.evaluation.kind == "automatic"
    other = review(engine, iid, "Ada Admin", "lead", [Change("greeting", status="not_met")], reason="No name", submit=True)
    assert other.id != first.id
    data = call_report_data(engine, iid)
    assert (data.main.evaluation.id, data.main.author) == (other.id, "Ada Admin")
    review(engine, iid, "Tiina Lead", "lead", submit=True)
    data = call_report_data(engine, iid)
    assert (data.main.evaluation.id, data.main.author) == (first.id, "Tiina Lead")  # the latest submitted wins


def test_a_refused_change_leaves_no_trace(engine, team):
    iid = team["Priya Shah"][1]
    events, people = count(engine, AuditEvent), count(engine, Person)
    with pytest.raises(CoachError, match="'greeting': status 'bogus' is not one of"):
        review(engine, iid, "Tiina Lead", "lead", [Change("gratitude", status="not_met"),
                                                   Change("greeting", status="bogus")], reason="x")
    with pytest.raises(CoachError, match="needs a reason"):
        review(engine, iid, "Tiina Lead", "lead", [Change("gratitude", status="not_met")])
    assert count(engine, Evaluation) == 11 and count(engine, AuditEvent) == events and count(engine, Person) == people


def test_a_first_user_made_admin_by_a_refused_command_is_rolled_back_too(workspace, engine):
    iid = import_file(workspace, engine, CALLS / "own-en-002.json", agent="Priya Shah").interaction.id
    version, rubric = resolve_rubric(engine, None)
    score_interaction(engine, iid, version, rubric)
    with pytest.raises(CoachError, match="is not one of"):
        review(engine, iid, "First User", "lead", [Change("greeting", status="bogus")])
    with Session(engine) as s:
        assert s.exec(select(Person.name)).all() == ["Priya Shah"]  # nobody became admin
    assert review(engine, iid, "First User", "lead").kind == "lead"  # the first real user is the admin
    with Session(engine) as s:
        assert s.exec(select(Person.role).where(Person.name == "First User")).one() == "admin"


# ----------------------------------------------------------------------------- blind self-assessment

def test_the_lead_view_stays_hidden_from_the_agent_until_self_assessed(engine, team, tmp_path):
    from coach_app.export.csv_export import export_rows
    from coach_app.services.queries import library_rows
    from coach_app.services.reports import call_report_data, period_data

    iid = team["Priya Shah"][0]
    review(engine, iid, "Tiina Lead", "lead", [Change("empathy", status="not_met")], reason="Scripted", submit=True)
    row = next(r for r in library_rows(engine, viewer="Priya Shah") if r.id == iid)
    assert row.total is None and row.reviewed_by is None and row.awaiting_self_assessment
    lead_row = next(r for r in library_rows(engine, viewer="Tiina Lead") if r.id == iid)
    assert lead_row.total is not None and lead_row.reviewed_by == "Tiina Lead" and not lead_row.awaiting_self_assessment
    with pytest.raises(CoachError, match="submit or skip your self-assessment"):
        call_report_data(engine, iid, "Priya Shah")
    mine = review(engine, iid, "Priya Shah", "self", [Change("greeting", status="met")])
    assert [e.id for e in visible_evaluations(engine, iid, "Priya Shah")] == [mine.id]
    detail, summary = export_rows(engine, viewer="Priya Shah")
    assert {r[5] for r in summary if r[1] == iid} == {"self"}
    detail, summary = export_rows(engine, viewer="Tiina Lead")
    assert "self" not in {r[5] for r in summary if r[1] == iid}  # an unsubmitted self-assessment is in no export
    with pytest.raises(CoachError, match="no scored interactions"):  # none of hers is self-assessed yet
        period_data(engine, viewer="Priya Shah")
    review(engine, iid, "Priya Shah", "self", skip=False, submit=False)
    with pytest.raises(CoachError, match="score every criterion"):
        review(engine, iid, "Priya Shah", "self", submit=True)
    other = team["Priya Shah"][1]
    review(engine, other, "Priya Shah", "self", skip=True)  # skipping opens the lead's view too
    assert call_report_data(engine, other, "Priya Shah").self_assessment is None
    self_assess(engine, iid, "Priya Shah")
    data = call_report_data(engine, iid, "Priya Shah")
    assert data.main.author == "Tiina Lead" and data.self_assessment.evaluation.author_id is not None
    with pytest.raises(CoachError, match="can no longer change"):
        review(engine, iid, "Priya Shah", "self", [Change("greeting", status="not_met")])


# ----------------------------------------------------------------------------- calibration

def test_calibration_session_measures_agreement_blind(engine, team):
    from coach_app.services.calibration import calibration_report, record_verdict, start_calibration

    calls = team["Priya Shah"][:2]
    with pytest.raises(CoachError, match="at least two reviewers"):
        start_calibration(engine, calls, ["Tiina Lead"], "Tiina Lead")
    with pytest.raises(CoachError, match="Priya Shah is an agent"):
        start_calibration(engine, calls, ["Tiina Lead", "Ada Admin"], "Priya Shah")
    cs = start_calibration(engine, calls, ["Tiina Lead", "Ada Admin"], "Tara Trainer", title="November")
    with pytest.raises(CoachError, match="not a reviewer of calibration session"):
        review(engine, calls[0], "Oskar Lead", "calibration", session_id=cs.id)
    _, rubric = resolve_rubric(engine, None)
    auto_ids = [c.id for c in rubric.criteria if c.scoring == "automatic"]
    first = review(engine, calls[0], "Tiina Lead", "calibration", session_id=cs.id)
    assert all(r.status is None for r in statuses(engine, first.id).values())  # blind: from blank
    plan = {("Tiina Lead", calls[0]): {"empathy": "not_met"}, ("Ada Admin", calls[0]): {},
            ("Tiina Lead", calls[1]): {}, ("Ada Admin", calls[1]): {"next_steps": "not_met", "empathy": "not_met"}}
    done = 0
    for (who, iid), diff in plan.items():
        review(engine, iid, who, "calibration", [Change(c, status=diff.get(c, "met")) for c in auto_ids],
               session_id=cs.id, submit=True)
        done += 1
        if done == 1:  # Tiina has submitted one call of two: the report would unblind her
            with pytest.raises(CoachError, match="opens to Tiina Lead once"):
                calibration_report(engine, cs.id, "Tiina Lead")
            theirs = [e.kind for e in visible_evaluations(engine, calls[0], "Ada Admin")]
            assert "calibration" in theirs  # admins see everything
    rep = calibration_report(engine, cs.id, "Tiina Lead")
    assert rep["complete"] and rep["interactions"] == calls and rep["reviewers"] == ["Ada Admin", "Tiina Lead"]
    n = len(auto_ids) * 2
    assert rep["overall_agreement"] == round((n - 3) / n, 3)
    by_id = {c["id"]: c for c in rep["criteria"]}
    assert by_id["empathy"]["agreement"] == 0.0 and by_id["greeting"]["agreement"] == 1.0
    assert by_id["greeting"]["kappa"] is None  # everyone said met: kappa undefined, not 1.0
    assert {(d["interaction"], d["criterion"]) for d in rep["differences"]} == {
        (calls[0], "empathy"), (calls[1], "empathy"), (calls[1], "next_steps")}
    d = next(d for d in rep["differences"] if d["criterion"] == "next_steps")
    assert d["verdicts"] == {"Ada Admin": "not_met", "Tiina Lead": "met"}
    with pytest.raises(CoachError, match="only the session's owner"):
        record_verdict(engine, cs.id, calls[1], "next_steps", "met", "Tiina Lead")
    record_verdict(engine, cs.id, calls[1], "next_steps", "met", "Tara Trainer", note="Date was given")
    d = next(d for d in calibration_report(engine, cs.id)["differences"] if d["criterion"] == "next_steps")
    assert (d["agreed"], d["note"]) == ("met", "Date was given")


def test_team_report_agreement_comes_from_calibration_not_duplicate_scores(engine, team):
    from coach_app.services.reports import period_data

    version, rubric = resolve_rubric(engine, None)
    iid = team["Priya Shah"][0]
    score_interaction(engine, iid, version, rubric)  # a `make demo` re-run: the same call scored twice
    data = period_data(engine)
    assert data.multi == []
    assert data.coverage == {"Priya Shah": (0, 6), "Kelly Agent": (0, 3), "Sam South": (0, 2)}
    review(engine, iid, "Tiina Lead", "lead", submit=True)
    assert period_data(engine).coverage["Priya Shah"] == (1, 6)


# ----------------------------------------------------------------------------- disputes

def test_dispute_accepted_changes_the_lead_verdict_and_is_audited(engine, team):
    from coach_app.services.disputes import list_disputes, open_dispute, resolve_dispute
    from coach_app.services.reports import call_report_data

    iid = team["Priya Shah"][0]
    lead = review(engine, iid, "Tiina Lead", "lead", [Change("empathy", status="not_met")], reason="Scripted",
                  submit=True)
    with pytest.raises(CoachError, match="submit or skip your self-assessment"):
        open_dispute(engine, iid, "Priya Shah", "empathy", "met", "I acknowledged the delay")
    self_assess(engine, iid, "Priya Shah")
    with pytest.raises(CoachError, match="only the call's agent"):
        open_dispute(engine, iid, "Tiina Lead", "empathy", "met", "x")
    with pytest.raises(CoachError, match="already has 'greeting' as met"):
        open_dispute(engine, iid, "Priya Shah", "greeting", "met", "x")
    with pytest.raises(CoachError, match="reason cannot be empty"):
        open_dispute(engine, iid, "Priya Shah", "empathy", "met", "  ")
    d = open_dispute(engine, iid, "Priya Shah", "empathy", "met", "I acknowledged the delay")
    with pytest.raises(CoachError, match="already disputed"):
        open_dispute(engine, iid, "Priya Shah", "empathy", "met", "again")
    assert [x.id for x in list_disputes(engine, "Oskar Lead")] == []  # another team's
    assert [x.id for x in list_disputes(engine, "Tiina Lead", open_only=True)] == [d.id]
    with pytest.raises(CoachError, match="Oskar Lead cannot answer disputes"):
        resolve_dispute(engine, d.id, "Oskar Lead", True, "ok")
    with pytest.raises(CoachError, match="reply"):
        resolve_dispute(engine, d.id, "Tiina Lead", True, "")
    resolve_dispute(engine, d.id, "Tiina Lead", True, "Fair, you did")
    row = statuses(engine, lead.id)["empathy"]
    assert row.status == "met" and row.override_reason is None  # back to the automatic verdict
    data = call_report_data(engine, iid)
    assert [(x.status, x.reply) for x in data.disputes] == [("accepted", "Fair, you did")]
    with pytest.raises(CoachError, match="already accepted"):
        resolve_dispute(engine, d.id, "Tiina Lead", False, "no")
    d2 = open_dispute(engine, iid, "Priya Shah", "next_steps", "na", "Nothing was left open")
    resolve_dispute(engine, d2.id, "Tiina Lead", True, "Agreed")
    row = statuses(engine, lead.id)["next_steps"]
    assert row.status == "na" and row.override_reason == f"changed by dispute {d2.id}: Agreed"
    d3 = open_dispute(engine, iid, "Priya Shah", "gratitude", "not_met", "Test")
    resolve_dispute(engine, d3.id, "Tiina Lead", False, "It was there")
    assert statuses(engine, lead.id)["gratitude"].status == "met"
    with Session(engine) as s:
        actions = [e.action for e in s.exec(select(AuditEvent).where(AuditEvent.entity == "dispute")).all()]
    assert actions == ["open", "accepted", "open", "accepted", "open", "rejected"]


# ----------------------------------------------------------------------------- the review queue

def test_sample_spreads_over_each_agents_period_and_skips_reviewed_calls(engine, team):
    from coach_app.services.review_queue import review_queue, sample_for_review, spread_pick

    import random

    assert spread_pick(list(range(9)), 3, random.Random(1)) in ([a, b, c] for a in range(3) for b in range(3, 6)
                                                                for c in range(6, 9))
    review(engine, team["Priya Shah"][0], "Tiina Lead", "lead", submit=True)
    with pytest.raises(CoachError, match="Priya Shah is an agent; only team leads or admins can assign reviews"):
        sample_for_review(engine, 2, "Priya Shah")
    picked = sample_for_review(engine, 2, "Tiina Lead", seed=7)
    by_agent = {}
    for q in picked:
        by_agent.setdefault(q.agent, []).append(q.interaction_id)
    assert set(by_agent) == {"Priya Shah", "Kelly Agent"}  # Tiina's team only
    assert all(len(v) == 2 for v in by_agent.values())
    priya = team["Priya Shah"]
    assert priya[0] not in by_agent["Priya Shah"]  # already reviewed
    first_half, second_half = set(priya[1:3]), set(priya[3:])  # five candidates in time order: 2 + 3
    assert len(set(by_agent["Priya Shah"]) & first_half) == 1 and len(set(by_agent["Priya Shah"]) & second_half) == 1
    queue = review_queue(engine, "Tiina Lead")
    assert {q.interaction_id for q in queue} == {q.interaction_id for q in picked}
    again = sample_for_review(engine, 2, "Tiina Lead", seed=7)
    assert not {q.interaction_id for q in again} & {q.interaction_id for q in picked}  # never twice in queues
    done = queue[0].interaction_id
    review(engine, done, "Tiina Lead", "lead", submit=True)
    assert done not in {q.interaction_id for q in review_queue(engine, "Tiina Lead")}
    south = sample_for_review(engine, 5, "Ada Admin", reviewer="Oskar Lead",
                              date_from=DAY0 + timedelta(days=1))
    assert [q.interaction_id for q in south] == [team["Sam South"][1]]  # the period and Oskar's team


def test_many_clients_naming_a_new_person_at_once_all_get_the_one_row(engine):
    """Concurrent first use of a name (imports of one agent's calls from several machines)."""
    import threading

    from coach_app.services.people import get_or_create_person

    errors, ids, start = [], [], threading.Barrier(12)

    def use():
        try:
            with Session(engine) as s:
                start.wait()
                p = get_or_create_person(s, "Brand New Agent")
                s.commit()
                ids.append(p.id)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(repr(exc))

    threads = [threading.Thread(target=use) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and len(set(ids)) == 1 and len(ids) == 12
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Person).where(Person.name == "Brand New Agent")).one() == 1
