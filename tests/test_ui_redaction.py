"""The app's transcript view and scorecard show personal data redacted; a team lead or an admin
may show it for the open view only ("Show personal data", never saved); agents and trainers
have no such switch."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton  # noqa: E402

from tests.conftest import app_context  # noqa: E402
from tests.test_ui import become  # noqa: E402

EMAIL, CARD, PHONE = "priya.shah@example.com", "4539 1488 0343 6467", "040 123 4567"


@pytest.fixture
def ctx(tmp_path):
    with app_context(tmp_path) as c:  # Tiina Lead (team lead) signed in
        yield c


@pytest.fixture
def call(ctx, tmp_path):
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric

    f = tmp_path / "pii.json"
    f.write_text(json.dumps({"language": "en", "channel": "phone", "segments": [
        {"speaker": "agent", "start": 0.5, "end": 5.0,
         "text": f"Hello, Parcelwise, this is Priya, {EMAIL}, what can I do for you today?"},
        {"speaker": "customer", "start": 5.6, "end": 12.0, "text": f"My card is {CARD} and my number is {PHONE}."},
        {"speaker": "agent", "start": 12.8, "end": 18.0, "text": "Thank you, I have sent the refund to that card."}]}),
        "utf-8")
    iid = import_file(ctx.ws, ctx.engine, f, agent="Priya Shah").interaction.id
    version, rubric = resolve_rubric(ctx.engine, None)
    score_interaction(ctx.engine, iid, version, rubric)
    return iid


def shown(view) -> str:
    """Everything the review view shows of the call's words: transcript rows, scorecard texts
    and the evidence buttons' tooltips."""
    model = view.transcript.model
    rows = [model.data(model.index(r, 2)) for r in range(model.rowCount())]
    card = view.scorecard
    labels = [w.text() for w in card.findChildren(QLabel)]
    tips = [b.toolTip() for b in card.findChildren(QPushButton) if b.text().startswith("▶")]
    return "\n".join(rows + labels + tips)


def switch(view) -> QCheckBox | None:
    return view.transcript.show_personal


def test_a_lead_sees_personal_data_redacted_until_showing_it_for_this_view(qtbot, ctx, call):
    from coach_app.ui.review_view import ReviewView

    view = ReviewView(ctx, call)
    qtbot.addWidget(view)
    text = shown(view)
    assert EMAIL not in text and CARD not in text and PHONE not in text
    assert "[card number]" in text and "[e-mail]" in text and "[phone number]" in text
    box = switch(view)
    assert box is not None and box.text() == "Show personal data" and not box.isChecked()

    box.setChecked(True)
    text = shown(view)
    assert CARD in text and PHONE in text and EMAIL in text
    quoted = [w.text() for w in view.scorecard.findChildren(QLabel)] + [
        b.toolTip() for b in view.scorecard.findChildren(QPushButton)]
    assert any(EMAIL in t for t in quoted)  # the scorecard's quotes follow the switch
    box.setChecked(False)
    assert CARD not in shown(view) and EMAIL not in shown(view)

    box.setChecked(True)
    again = ReviewView(ctx, call)  # nothing was saved: the next view opens redacted
    qtbot.addWidget(again)
    assert not switch(again).isChecked() and CARD not in shown(again)


@pytest.mark.parametrize("role", ["agent", "trainer"])
def test_agents_and_trainers_have_no_switch_and_see_it_redacted(qtbot, ctx, call, role):
    from coach_app.ui.review_view import ReviewView

    if role == "agent":
        ctx.user_name, ctx.user_role = "Priya Shah", "agent"  # the call's own agent
    else:
        become(ctx, "Terry Trainer", "trainer")
    view = ReviewView(ctx, call)
    qtbot.addWidget(view)
    assert switch(view) is None and not view.transcript.findChildren(QCheckBox)
    text = shown(view)
    assert CARD not in text and PHONE not in text and EMAIL not in text
