"""Corrections to an interaction's own facts after import: when the call happened.

The import takes the file's modification time unless told otherwise, which is often the day
the recording was copied, not the day of the call; trends and period reports bucket by this
date, so a lead corrects it here (the CLI's ``date`` and the review's "Change date…").
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy.engine import Engine
from sqlmodel import Session

from coach_app.db.models import Interaction
from coach_app.errors import CoachError, NotFoundError
from coach_app.services.access import AccessError, actor, in_team, require_see
from coach_app.services.people import audit

#: no contact centre recorded calls before this; an earlier date is a typing mistake
EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
#: a little slack for a clock that runs ahead of the machine the call was recorded on
FUTURE_SLACK = timedelta(minutes=5)
EXAMPLE = "2026-11-23 14:05 or 23.11.2026 14:05"


def parse_call_date(text: str) -> datetime:
    """A date/time as people type it: ISO (2026-11-23, 2026-11-23 14:05, with T or an offset)
    or Finnish (23.11.2026, 23.11.2026 14:05). Naive values are local time."""
    s = " ".join((text or "").split())
    if not s:
        raise CoachError(f"a call's date cannot be empty: give a date/time such as {EXAMPLE}")
    value = None
    try:
        value = datetime.fromisoformat(s)
    except ValueError:
        for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%Y %H.%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y"):
            try:
                value = datetime.strptime(s, fmt)
                break
            except ValueError:
                continue
    if value is None:
        raise CoachError(f"{text!r} is not a date/time such as {EXAMPLE}")
    return value if value.tzinfo else value.astimezone()


def check_call_date(when: datetime, now: datetime | None = None) -> datetime:
    """``when`` as an aware datetime, or one line naming why it cannot be a call's date."""
    if when.tzinfo is None:
        when = when.astimezone()
    now = now or datetime.now(timezone.utc)
    shown = when.strftime("%Y-%m-%d %H:%M")
    if when > now + FUTURE_SLACK:
        raise CoachError(f"{shown} is in the future; a call's date is when it happened")
    if when < EARLIEST:
        raise CoachError(f"{shown} is before {EARLIEST:%Y}; check the year")
    return when


def set_occurred_at(engine: Engine, interaction_id: int, when: datetime | str, actor_name: str | None = None
                    ) -> tuple[Interaction, datetime | None]:
    """Correct when the interaction happened; the change and its audit event (old and new date,
    who) in one transaction. Returns the interaction and its previous date. Agents may not move
    calls: the date decides which period and week a call counts in."""
    if isinstance(when, str):
        when = parse_call_date(when)
    when = check_call_date(when)
    with Session(engine, expire_on_commit=False) as session:
        inter = session.get(Interaction, interaction_id)
        if inter is None:
            raise NotFoundError(f"no interaction with id {interaction_id}")
        person = actor(session, actor_name) if actor_name else None
        if person is not None:
            require_see(session, person, inter)
            if person.role == "agent" or (person.role == "team_lead" and not in_team(session, person, inter)):
                raise AccessError(f"{person.name} is {'an agent' if person.role == 'agent' else 'not a lead of this call'}"
                                  f"; only the call's team lead, trainers and admins can change a call's date")
        before = inter.occurred_at
        if before is not None and before.tzinfo is None:
            before = before.replace(tzinfo=timezone.utc)  # stored as UTC
        if before == when:  # the same date: nothing to change, nothing to record (the session rolls back)
            return inter, before
        inter.occurred_at = when
        session.add(inter)
        audit(session, "interaction", inter.id, "set_occurred_at",
              {"from": before.isoformat() if before else None, "to": when.isoformat()},
              actor_id=person.id if person else None)
        session.commit()
        session.refresh(inter)
        return inter, before
