"""Team mode on real PostgreSQL: the database enforces who sees what, for raw SQL as much as for
our client. Logins per person (identity = current_user), row-level security on every table with
calls, transcripts, evaluations, results, disputes and audit events. Never skipped: a missing
server fails these tests."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from coach_app.config import Workspace
from coach_app.db.engine import make_engine, open_database
from coach_app.db.team_mode import setup_team
from coach_app.errors import CoachError
from coach_app.services.evaluations import score_interaction
from coach_app.services.importer import import_file
from coach_app.services.people import add_person
from coach_app.services.reviews import Change, review
from coach_app.services.rubrics import resolve_rubric
from tests.conftest import PG_URL, _pg_admin
from tests.test_workflow import call_variant

PW = "s3cret-pw"


@pytest.fixture
def team_db(tmp_path):
    """A team database set up by its owner, five people with logins, calls of two teams."""
    name = f"coach_team_{uuid.uuid4().hex[:10]}"
    tag = uuid.uuid4().hex[:6]
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    owner_url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    engines = []
    logins = {k: f"{k}_{tag}" for k in ("ada", "tiina", "oskar", "priya", "sam")}
    try:
        owner = open_database(owner_url)
        engines.append(owner)
        info = setup_team(owner)
        add_person(owner, "Ada Admin", "admin", None, None, logins["ada"], PW)
        add_person(owner, "Tiina Lead", "team_lead", "North", "Ada Admin", logins["tiina"], PW)
        add_person(owner, "Oskar Lead", "team_lead", "South", "Ada Admin", logins["oskar"], PW)
        add_person(owner, "Priya Shah", "agent", "North", "Ada Admin", logins["priya"], PW)
        add_person(owner, "Sam South", "agent", "South", "Ada Admin", logins["sam"], PW)
        ws = Workspace(tmp_path / "ws", owner_url)
        ws.ensure_dirs()
        version, rubric = resolve_rubric(owner, None)
        calls = {}
        for n, agent in enumerate(["Priya Shah", "Priya Shah", "Sam South"]):
            iid = import_file(ws, owner, call_variant(tmp_path, n), agent=agent).interaction.id
            score_interaction(owner, iid, version, rubric)
            calls.setdefault(agent, []).append(iid)

        def login(who):
            url = make_url(owner_url).set(username=logins[who], password=PW)
            eng = make_engine(url.render_as_string(hide_password=False))
            engines.append(eng)
            return eng

        yield {"owner": owner, "login": login, "calls": calls, "info": info, "logins": logins,
               "url": owner_url, "ws": ws}
    finally:
        for e in engines:
            e.dispose()
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for lg in logins.values():
                admin.execute(f'DROP ROLE IF EXISTS "{lg}"')


def rows(engine, sql, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).all()


PROTECTED = ["interaction", "transcript_segment", "transcription_job", "evaluation", "criterion_result",
             "audit_event", "dispute", "review_assignment", "calibration_session", "calibration_item",
             "calibration_reviewer", "calibration_verdict"]


def test_setup_enables_row_level_security_and_roles(team_db):
    owner = team_db["owner"]
    secured = {t for (t,) in rows(owner, "SELECT tablename FROM pg_tables WHERE schemaname='public' AND rowsecurity")}
    assert set(PROTECTED) <= secured
    groups = {r for (r,) in rows(owner, "SELECT rolname FROM pg_roles WHERE rolname LIKE 'coach_%'")}
    assert {"coach_agent", "coach_team_lead", "coach_trainer", "coach_admin"} <= groups
    assert team_db["info"]["policies"] >= len(PROTECTED)
    member = rows(owner, "SELECT pg_has_role(:l, 'coach_agent', 'MEMBER')", l=team_db["logins"]["priya"])[0][0]
    assert member
    assert setup_team(owner)["policies"] == team_db["info"]["policies"]  # idempotent: run again after upgrades


def test_an_agent_login_sees_only_their_own_rows(team_db):
    calls, owner = team_db["calls"], team_db["owner"]
    mine, sams = calls["Priya Shah"], calls["Sam South"]
    tiina = team_db["login"]("tiina")
    review(tiina, mine[0], None, "lead", [Change("empathy", status="not_met")], reason="Scripted", submit=True)
    priya = team_db["login"]("priya")
    assert sorted(i for (i,) in rows(priya, "SELECT id FROM interaction")) == mine
    assert {i for (i,) in rows(priya, "SELECT DISTINCT interaction_id FROM transcript_segment")} == set(mine)
    assert rows(priya, "SELECT id FROM evaluation") == []  # blind until she self-assesses
    assert rows(priya, "SELECT id FROM criterion_result") == []
    for table in ("dispute", "review_assignment", "calibration_session", "calibration_item",
                  "calibration_reviewer", "calibration_verdict", "transcription_job"):
        assert rows(priya, f"SELECT * FROM {table}") == [], table
    assert all(actor in (None,) or actor == rows(owner, "SELECT id FROM person WHERE name='Priya Shah'")[0][0]
               for (actor,) in rows(priya, "SELECT actor_id FROM audit_event"))
    assert rows(priya, "SELECT count(*) FROM audit_event WHERE actor_id IS NULL")[0][0] == 0
    # others' rows: changing or deleting them touches nothing
    with priya.begin() as conn:
        assert conn.execute(text("UPDATE interaction SET original_name = 'x' WHERE id = :i"), {"i": sams[0]}).rowcount == 0
        assert conn.execute(text("DELETE FROM transcript_segment WHERE interaction_id = :i"), {"i": sams[0]}).rowcount == 0
        assert conn.execute(text("UPDATE evaluation SET total = 100 WHERE interaction_id = :i"), {"i": mine[0]}).rowcount == 0
        assert conn.execute(text("DELETE FROM interaction WHERE id = :i"), {"i": mine[0]}).rowcount == 0
    # a lead evaluation of her own call is refused by the database
    me = rows(owner, "SELECT id FROM person WHERE name = 'Priya Shah'")[0][0]
    version = rows(owner, "SELECT id FROM rubric_version LIMIT 1")[0][0]
    with pytest.raises(DBAPIError, match="row-level security"):
        with priya.begin() as conn:
            conn.execute(text("INSERT INTO evaluation (interaction_id, rubric_version_id, kind, author_id, created_at) "
                              "VALUES (:i, :v, 'lead', :me, now())"), {"i": mine[0], "v": version, "me": me})
    # after her self-assessment (through our client, identity from the login), the lead's view opens
    review(priya, mine[0], None, "self", skip=True)
    kinds = sorted(k for (k,) in rows(priya, "SELECT kind FROM evaluation WHERE interaction_id = :i", i=mine[0]))
    assert kinds == ["automatic", "lead", "self"]
    assert rows(priya, "SELECT count(*) FROM evaluation WHERE interaction_id = :i", i=mine[1])[0][0] == 0
    from coach_app.services.reports import call_report_data

    data = call_report_data(priya, mine[0])  # her coaching report, through the database's rules
    assert data.main.author == "Tiina Lead" and data.main.results["empathy"].status == "not_met"
    with pytest.raises(CoachError, match="submit or skip your self-assessment"):
        call_report_data(priya, mine[1])


def test_a_team_lead_login_sees_only_their_teams_calls(team_db):
    calls = team_db["calls"]
    oskar = team_db["login"]("oskar")
    assert [i for (i,) in rows(oskar, "SELECT id FROM interaction")] == calls["Sam South"]
    assert {i for (i,) in rows(oskar, "SELECT DISTINCT interaction_id FROM evaluation")} == set(calls["Sam South"])
    with pytest.raises(CoachError, match="no interaction with id"):  # North's call does not exist for him
        review(oskar, calls["Priya Shah"][0], None, "lead")
    ada = team_db["login"]("ada")
    assert len(rows(ada, "SELECT id FROM interaction")) == 3


def test_identity_is_the_login_never_what_the_client_says(team_db):
    calls = team_db["calls"]
    priya = team_db["login"]("priya")
    with pytest.raises(CoachError, match="this database login is Priya Shah's; it cannot act as Tiina Lead"):
        review(priya, calls["Priya Shah"][0], "Tiina Lead", "lead", submit=True)
    with pytest.raises(CoachError, match="Priya Shah is an agent"):
        add_person(priya, "Mallory", "admin", None, None)
    assert rows(team_db["owner"], "SELECT count(*) FROM person WHERE name = 'Mallory'")[0][0] == 0


def test_audit_events_are_insert_only_for_everyone(team_db):
    ada = team_db["login"]("ada")
    assert rows(ada, "SELECT count(*) FROM audit_event")[0][0] > 0
    for sql in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="permission denied"):
            with ada.begin() as conn:
                conn.execute(text(sql))


def test_team_setup_and_person_logins_from_the_command_line(team_db, tmp_path):
    from tests.test_cli import coach

    r = coach("--db", team_db["url"], "team", "setup", "--json", ws=tmp_path / "w")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["tables_with_rls"] >= len(PROTECTED)
    login = f"kelly_{uuid.uuid4().hex[:6]}"
    ada_url = make_url(team_db["url"]).set(username=team_db["logins"]["ada"], password=PW)
    try:
        import os
        import subprocess
        import sys

        from tests.conftest import ROOT

        r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path / "w"), "--db",
                            ada_url.render_as_string(hide_password=False), "person", "add", "Kelly", "--role", "agent",
                            "--team", "North", "--login", login, "--password-stdin"],
                           input="kelly-pw\n", capture_output=True, text=True, cwd=ROOT, env=dict(os.environ), timeout=120)
        assert r.returncode == 0, r.stderr  # the admin's own login adds people (no superuser needed)
        assert rows(team_db["owner"], "SELECT db_login FROM person WHERE name = 'Kelly'")[0][0] == login
        kelly_url = make_url(team_db["url"]).set(username=login, password="kelly-pw")
        r = coach("--db", kelly_url.render_as_string(hide_password=False), "list", "--json", ws=tmp_path / "w")
        assert r.returncode == 0 and r.stdout == ""  # she has no calls yet: sees none of the three
        r = coach("--db", kelly_url.render_as_string(hide_password=False), "review", str(team_db["calls"]["Priya Shah"][0]),
                  "--as", "Tiina Lead", ws=tmp_path / "w")
        assert r.returncode == 1 and "this database login is Kelly's" in r.stderr
    finally:
        with _pg_admin() as admin:
            db = make_url(team_db["url"]).database
            admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            admin.execute(f'DROP ROLE IF EXISTS "{login}"')


def test_a_worker_login_does_the_work_and_nothing_of_peoples_reviews(team_db, tmp_path):
    from coach_app.db.team_mode import create_worker_login
    from coach_app.services.work_queue import queue_counts

    login = f"worker_{uuid.uuid4().hex[:6]}"
    owner = team_db["owner"]
    try:
        with owner.begin() as conn:
            create_worker_login(conn, login, PW)
        url = make_url(team_db["url"]).set(username=login, password=PW).render_as_string(hide_password=False)
        worker = make_engine(url)
        assert len(rows(worker, "SELECT id FROM interaction")) == 3  # every call's work
        version, rubric = resolve_rubric(worker, None)
        ev, _ = score_interaction(worker, team_db["calls"]["Sam South"][0], version, rubric)  # an automatic evaluation
        assert ev.id is not None
        assert queue_counts(url) == {"todo": 0, "doing": 0, "succeeded": 0, "failed": 0}  # the job queue is theirs
        with pytest.raises(DBAPIError, match="row-level security"):  # but no person's review
            with worker.begin() as conn:
                conn.execute(text("INSERT INTO evaluation (interaction_id, rubric_version_id, kind, author_id, created_at) "
                                  "VALUES (:i, :v, 'lead', 1, now())"), {"i": team_db["calls"]["Sam South"][0], "v": version.id})
        priya = team_db["login"]("priya")
        with pytest.raises(DBAPIError, match="permission denied"):  # agents queue nothing
            rows(priya, "SELECT count(*) FROM procrastinate_jobs")
        worker.dispose()
    finally:
        with _pg_admin() as admin:
            db = make_url(team_db["url"]).database
            admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            admin.execute(f'DROP ROLE IF EXISTS "{login}"')
