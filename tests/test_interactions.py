"""Correcting when a call happened: the service (SQLite and PostgreSQL) and `coach date`."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from coach_app.db.models import AuditEvent, Interaction
from coach_app.errors import CoachError
from tests.conftest import DATA, ROOT

CHAT = DATA / "scoring" / "own-en-001.json"


def _imported(workspace, engine, when=datetime(2026, 11, 2, 10, tzinfo=timezone.utc)) -> int:
    from coach_app.services.importer import import_file

    return import_file(workspace, engine, CHAT, agent="Priya Shah", occurred_at=when).interaction.id


def test_set_occurred_at_updates_and_audits_in_one_go(workspace, engine):
    from coach_app.services.interactions import set_occurred_at

    iid = _imported(workspace, engine)
    new = datetime(2026, 11, 23, 14, 5, tzinfo=timezone(timedelta(hours=2)))
    inter, before = set_occurred_at(engine, iid, new, "Tiina Lead")
    assert before == datetime(2026, 11, 2, 10, tzinfo=timezone.utc) and inter.occurred_at == new
    with Session(engine) as s:
        assert s.get(Interaction, iid).occurred_at == new  # the same instant, whatever zone it reads back in
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "set_occurred_at")).one()
        assert (ev.entity, ev.entity_id, ev.actor_id is not None) == ("interaction", iid, True)
        assert datetime.fromisoformat(ev.detail["from"]) == before and datetime.fromisoformat(ev.detail["to"]) == new
    # the same date again changes and records nothing
    set_occurred_at(engine, iid, new, "Tiina Lead")
    with Session(engine) as s:
        assert len(s.exec(select(AuditEvent).where(AuditEvent.action == "set_occurred_at")).all()) == 1


@pytest.mark.parametrize("text, problem", [
    ("2099-01-01 10:00", "is in the future"),
    ("1985-06-01", "is before 1990"),
    ("31.2.2026", "is not a date/time such as"),
    ("next tuesday", "is not a date/time such as"),
    ("", "cannot be empty"),
])
def test_a_bad_date_is_one_line_and_changes_nothing(workspace, engine, text, problem):
    from coach_app.services.interactions import set_occurred_at

    iid = _imported(workspace, engine)
    with pytest.raises(CoachError) as err:
        set_occurred_at(engine, iid, text, "Tiina Lead")
    assert problem in str(err.value) and "\n" not in str(err.value)
    with Session(engine) as s:
        assert s.get(Interaction, iid).occurred_at == datetime(2026, 11, 2, 10, tzinfo=timezone.utc)
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "set_occurred_at")).all() == []


def test_agents_cannot_move_calls(workspace, engine):
    from coach_app.services.interactions import set_occurred_at

    iid = _imported(workspace, engine)
    with pytest.raises(CoachError, match="Priya Shah is an agent"):
        set_occurred_at(engine, iid, "2026-11-20 09:00", "Priya Shah")
    with Session(engine) as s:
        assert s.get(Interaction, iid).occurred_at == datetime(2026, 11, 2, 10, tzinfo=timezone.utc)


def test_parse_call_date_reads_iso_and_finnish_forms():
    from coach_app.services.interactions import parse_call_date

    local = datetime(2026, 11, 23, 14, 5).astimezone()
    assert parse_call_date("2026-11-23 14:05") == local
    assert parse_call_date("2026-11-23T14:05") == local
    assert parse_call_date("23.11.2026 14:05") == local
    assert parse_call_date("23.11.2026 14.05") == local
    assert parse_call_date("23.11.2026") == datetime(2026, 11, 23).astimezone()
    assert parse_call_date("2026-11-23T14:05+00:00") == datetime(2026, 11, 23, 14, 5, tzinfo=timezone.utc)


def coach(ws, *args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_coach_date_command(tmp_path):
    ws = tmp_path / "ws"
    assert coach(ws, "import", CHAT, "--agent", "Priya Shah", "--occurred-at", "2026-11-02T10:00").returncode == 0
    r = coach(ws, "date", "1", "2026-11-23", "14:05", "--as", "Tiina Lead")  # date and time as two words
    assert r.returncode == 0 and r.stdout.strip() == "#1 own-en-001.json: 2026-11-23 14:05 (was 2026-11-02 10:00)"
    assert "2026-11-23 14:05" in coach(ws, "list").stdout
    for args, problem in [(["1", "30.2.2026"], "'30.2.2026' is not a date/time"),
                          (["1", "2099-05-05"], "is in the future"), (["7", "2026-11-23"], "no interaction with id 7")]:
        r = coach(ws, "date", *args)
        assert r.returncode == 1 and r.stderr.count("\n") == 1 and problem in r.stderr, r.stderr
    assert "2026-11-23 14:05" in coach(ws, "list").stdout  # nothing changed
