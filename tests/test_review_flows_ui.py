"""The review flows in the app, on SQLite and PostgreSQL: roles from the database decide what
the library shows, a lead's second pass continues their review (reopened, never a new one), a
cancelled reason leaves no open review, and the agent's self-assessment is blind."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from coach_app.db.models import AuditEvent, Evaluation  # noqa: E402
from tests.conftest import app_context  # noqa: E402
from tests.test_workflow import call_variant  # noqa: E402


@pytest.fixture
def ctx(tmp_path, db_url):
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric

    people = (("Ada Admin", "admin", None), ("Tiina Lead", "team_lead", "North"), ("Oskar Lead", "team_lead", "South"),
              ("Priya Shah", "agent", "North"), ("Sam South", "agent", "South"))
    with app_context(tmp_path, db_url, people) as c:
        version, rubric = resolve_rubric(c.engine, None)
        c.calls = {}
        for n, agent in enumerate(["Priya Shah", "Priya Shah", "Sam South"]):
            iid = import_file(c.ws, c.engine, call_variant(tmp_path, n), agent=agent).interaction.id
            score_interaction(c.engine, iid, version, rubric)
            c.calls.setdefault(agent, []).append(iid)
        yield c


def sign_in(ctx, name):
    from coach_app.ui.app import _sign_in

    assert _sign_in(ctx, name) is None


def library_ids(qtbot, ctx):
    """The library as the signed-in person sees it, once its background read has arrived."""
    from coach_app.ui.library_view import LibraryView

    view = LibraryView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.model.modelReset, timeout=10000):
        view.refresh()
    return view, sorted(view.model.row_at(i).id for i in range(view.model.rowCount()))


def test_the_library_shows_what_the_signed_in_role_may_see(qtbot, ctx):
    sign_in(ctx, "Oskar Lead")
    assert library_ids(qtbot, ctx)[1] == ctx.calls["Sam South"]
    sign_in(ctx, "Priya Shah")
    view, ids = library_ids(qtbot, ctx)
    assert ids == ctx.calls["Priya Shah"]
    rows = [view.model.row_at(i) for i in range(view.model.rowCount())]
    assert all(r.total is None and r.awaiting_self_assessment for r in rows)  # blind: no totals for her
    sign_in(ctx, "Ada Admin")
    assert len(library_ids(qtbot, ctx)[1]) == 3


def test_a_second_pass_continues_the_leads_review_and_a_cancelled_reason_stores_nothing(qtbot, ctx, monkeypatch):
    from coach_app.ui import reason_dialog
    from coach_app.ui.review_view import ReviewView

    iid = ctx.calls["Priya Shah"][0]
    sign_in(ctx, "Tiina Lead")
    view = ReviewView(ctx, iid)
    qtbot.addWidget(view)
    card = view.scorecard
    monkeypatch.setattr(reason_dialog, "ask_reason", lambda *a, **k: None)  # she cancels the reason
    combo = card.combos["greeting"]
    combo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: card.combos["greeting"] is not combo)
    with Session(ctx.engine) as s:
        assert s.exec(select(Evaluation).where(Evaluation.kind == "lead")).all() == []  # no open review left
    monkeypatch.setattr(reason_dialog, "ask_reason", lambda *a, **k: "No company name")
    combo = card.combos["greeting"]
    combo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: card.combos["greeting"] is not combo)
    card.submit()
    first = view.scorecard.evaluation.id
    second_view = ReviewView(ctx, iid)  # later: she opens the call again and changes her mind on empathy
    qtbot.addWidget(second_view)
    card = second_view.scorecard
    combo = card.combos["empathy"]
    combo.setCurrentIndex(2 if combo.currentIndex() != 2 else 1)
    qtbot.waitUntil(lambda: card.combos["empathy"] is not combo)
    with Session(ctx.engine) as s:
        leads = s.exec(select(Evaluation).where(Evaluation.kind == "lead")).all()
        reopened = s.exec(select(AuditEvent).where(AuditEvent.action == "reopen")).all()
    assert [e.id for e in leads] == [first] and leads[0].submitted_at is None and len(reopened) == 1
    assert card.combos["greeting"].currentIndex() == 2  # the earlier override is still there


def test_the_agents_self_assessment_is_blank_and_blind(qtbot, ctx):
    from coach_app.services.reviews import Change, review
    from coach_app.ui.review_view import ReviewView

    iid = ctx.calls["Priya Shah"][0]
    review(ctx.engine, iid, "Tiina Lead", "lead", [Change("empathy", status="not_met")], reason="Scripted", submit=True)
    sign_in(ctx, "Priya Shah")
    view = ReviewView(ctx, iid)
    qtbot.addWidget(view)
    card = view.scorecard
    assert card.review_kind == "self" and all(c.currentIndex() == 0 for c in card.combos.values())
    assert "Lead:" not in " ".join(w.text() for w in card.findChildren(type(card.header)))
