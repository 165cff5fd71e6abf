"""The review workflow's screenshots for scripts/screenshots.py: disputes (the agent's, answered
and open, on the lead's Disputes page and under the agent's scorecard) and the lead's review
queue after sampling. Seeded on the dated history calls, so the demo calls the other shots open
stay as they were."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

DISPUTED = [  # (agent, criterion the lead marks not met, the agent's reason, answer: None open, else (accept, reply))
    ("Priya Shah", "gratitude", "I thanked the customer for waiting right after the hold.",
     (True, "You did — I missed it on the first listen. Changed to met.")),
    ("Priya Shah", "greeting", "I said the company name and my own name at the start.",
     (False, "Only your first name is heard; the company name is missing.")),
    ("Priya Shah", "next_steps", "I told her the parcel arrives on Tuesday and that I will call back.", None),
    ("Aino Ääkkönen", "empathy", "Pahoittelin asiakkaalle viivästystä heti alussa.", None),
]


def _wait(app, view, timeout_s: float = 30) -> None:
    """Let a view's background reads arrive (its ``loaded`` signal, and none still running)."""
    got = []
    view.loaded.connect(lambda *_: got.append(True))
    deadline = time.monotonic() + timeout_s
    while (not got or view.ctx.io_pool.activeThreadCount()) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(10):
        app.processEvents()
        time.sleep(0.02)


def seed(ctx) -> list[int]:
    """Lead reviews of some history calls, the agents' skipped self-assessments and disputes
    (two answered, two open), and a sampled review queue with one call done. Returns the
    disputed call ids."""
    from coach_app.services.disputes import open_dispute, resolve_dispute
    from coach_app.services.queries import list_interactions
    from coach_app.services.review_queue import sample_for_review
    from coach_app.services.reviews import Change, review

    lead = "Tiina Lead"
    used: dict[str, int] = {}
    calls = []
    for agent, cid, reason, answer in DISPUTED:
        history = [inter.id for inter, _ in list_interactions(ctx.engine, agent=agent) if inter.id >= 8]
        iid = history[used.get(agent, 0)]
        used[agent] = used.get(agent, 0) + 1
        review(ctx.engine, iid, lead, "lead", [Change(cid, status="not_met")], reason="Not heard on the call",
               submit=True)
        review(ctx.engine, iid, agent, "self", skip=True)
        d = open_dispute(ctx.engine, iid, agent, cid, "met", reason)
        if answer is not None:
            resolve_dispute(ctx.engine, d.id, lead, answer[0], answer[1])
        calls.append(iid)
    now = datetime.now(timezone.utc)
    items = sample_for_review(ctx.engine, 2, lead, date_from=now - timedelta(weeks=6), date_to=now, seed=7)
    review(ctx.engine, items[0].interaction_id, lead, "lead", submit=True)  # one already done
    return calls


def english(app, ctx, window, save) -> None:
    calls = seed(ctx)
    ctx.user_name, ctx.user_role = "Priya Shah", "agent"
    window._show_user()
    window.open_review(calls[0])  # the agent's view: the accepted dispute under its criterion
    card = window.review.scorecard
    app.processEvents()
    card.scroll.ensureWidgetVisible(card.dispute_buttons[DISPUTED[0][1]], 0, 160)
    app.processEvents()
    save(window, "app-dispute-agent")
    ctx.user_name, ctx.user_role = "Tiina Lead", "team_lead"
    window._show_user()
    window.show_disputes()
    _wait(app, window.disputes)
    save(window, "app-disputes")
    window.show_queue()
    window.queue.show_done.setChecked(True)
    _wait(app, window.queue)
    save(window, "app-queue")


def finnish(app, window, save) -> None:
    window.show_disputes()
    _wait(app, window.disputes)
    save(window, "app-disputes-fi")
    window.show_queue()
    window.queue.show_done.setChecked(True)
    _wait(app, window.queue)
    save(window, "app-queue-fi")
