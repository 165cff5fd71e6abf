"""Team mode on PostgreSQL: the database itself enforces who sees what (row-level security), so
the rules hold for raw SQL too, not only for our client.

``setup_team(engine)`` (run once by an admin with a privileged URL: the owner of the tables)
creates the group roles, grants table privileges, installs the helper functions and enables
row-level security with policies on every table that holds calls, transcripts, evaluations,
results, disputes and audit events. A person's login (``create_login``) is a member of the
group of their role; the policies find the person by ``current_user`` (person.db_login), so
identity comes from the connection, never from what a client says.

The helper functions are SECURITY DEFINER (they read the tables as their owner, which RLS does
not restrict): a policy on ``evaluation`` that looked up other evaluations through RLS would
recurse. They take the login as an argument, and the policies always pass ``current_user``.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import Engine

from coach_app.errors import CoachError

GROUPS = {"agent": "coach_agent", "team_lead": "coach_team_lead", "trainer": "coach_trainer", "admin": "coach_admin"}
#: transcription/scoring workers: no person, the rights of the work they do
WORKER_GROUP = "coach_worker"
ALL_GROUPS = (*GROUPS.values(), WORKER_GROUP)
LOGIN_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

#: tables with row-level security, and those everyone of the team reads
PROTECTED = ("interaction", "transcript_segment", "transcription_job", "evaluation", "criterion_result",
             "audit_event", "dispute", "review_assignment", "calibration_session", "calibration_item",
             "calibration_reviewer", "calibration_verdict", "person", "team", "rubric", "rubric_version")

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION coach_me(login name) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT id FROM person WHERE db_login = login $$;

CREATE OR REPLACE FUNCTION coach_role(login name) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT COALESCE((SELECT role FROM person WHERE db_login = login),
                   CASE WHEN pg_has_role(login, 'coach_worker', 'MEMBER') THEN 'worker' END) $$;

-- policies judge a row by its own columns, never by looking the row up again: a row being
-- inserted is not yet visible to the functions' snapshot (INSERT ... RETURNING checks it)
CREATE OR REPLACE FUNCTION coach_sees_agent(agent integer, login name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT CASE coach_role(login)
     WHEN 'admin' THEN true WHEN 'trainer' THEN true WHEN 'worker' THEN true
     WHEN 'agent' THEN agent = coach_me(login)
     WHEN 'team_lead' THEN EXISTS (
        SELECT 1 FROM person me WHERE me.db_login = login
          AND (me.team_id IS NULL OR agent IS NULL
               OR EXISTS (SELECT 1 FROM person a WHERE a.id = agent AND a.team_id = me.team_id)))
     ELSE false END $$;

CREATE OR REPLACE FUNCTION coach_sees_call(iid integer, login name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT COALESCE((SELECT coach_sees_agent(agent_id, login) FROM interaction WHERE id = iid), false) $$;

CREATE OR REPLACE FUNCTION coach_self_done(iid integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM evaluation e JOIN interaction i ON i.id = e.interaction_id
                  WHERE e.interaction_id = iid AND e.kind = 'self' AND e.author_id = i.agent_id
                    AND e.submitted_at IS NOT NULL) $$;

-- services/reviews.py visible_to, in SQL: the call's agent sees only their own self-assessment
-- until it is submitted or skipped; nobody sees another's open self-assessment or calibration
-- review; a session's calibration reviews open to a reviewer once they submitted their own
CREATE OR REPLACE FUNCTION coach_sees_evaluation(iid integer, e_kind text, e_author integer,
    e_submitted timestamptz, e_session integer, login name) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
  me integer := coach_me(login); r text := coach_role(login); agent integer;
BEGIN
  IF NOT coach_sees_call(iid, login) THEN RETURN false; END IF;
  IF r = 'worker' OR r = 'admin' THEN RETURN true; END IF;
  SELECT agent_id INTO agent FROM interaction WHERE id = iid;
  IF me IS NOT NULL AND agent = me THEN
    IF NOT coach_self_done(iid) THEN RETURN e_kind = 'self' AND e_author = me; END IF;
    IF r = 'agent' THEN
      RETURN e_kind = 'automatic' OR e_author = me OR (e_kind = 'lead' AND e_submitted IS NOT NULL);
    END IF;
  END IF;
  IF e_author = me OR e_kind IN ('automatic', 'lead') THEN RETURN true; END IF;
  IF e_kind = 'self' THEN RETURN e_submitted IS NOT NULL; END IF;
  IF e_kind = 'calibration' AND e_submitted IS NOT NULL THEN
    RETURN EXISTS (SELECT 1 FROM calibration_session s WHERE s.id = e_session AND s.owner_id = me)
        OR EXISTS (SELECT 1 FROM evaluation o WHERE o.calibration_session_id = e_session
                   AND o.author_id = me AND o.interaction_id = iid AND o.submitted_at IS NOT NULL);
  END IF;
  RETURN false;
END $$;

CREATE OR REPLACE FUNCTION coach_sees_evaluation_id(eid integer, login name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT COALESCE((SELECT coach_sees_evaluation(interaction_id, kind, author_id, submitted_at,
                                                 calibration_session_id, login)
                    FROM evaluation WHERE id = eid), false) $$;

-- who may write an evaluation's rows: its author; a lead of the call for a lead review (an
-- accepted dispute changes it); workers and non-agents for automatic ones
CREATE OR REPLACE FUNCTION coach_writes_evaluation(eid integer, login name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM evaluation e WHERE e.id = eid AND (
     e.author_id = coach_me(login)
     OR (e.kind = 'lead' AND coach_role(login) IN ('team_lead', 'admin') AND coach_sees_call(e.interaction_id, login))
     OR (e.kind = 'automatic' AND coach_role(login) IN ('worker', 'team_lead', 'trainer', 'admin')
         AND coach_sees_call(e.interaction_id, login)))) $$;

-- the rubric version a call was scored with: what an agent needs to self-assess blind
CREATE OR REPLACE FUNCTION coach_scored_version(iid integer, login name) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT rubric_version_id FROM evaluation WHERE interaction_id = iid AND kind = 'automatic'
     AND coach_sees_call(iid, login) ORDER BY id DESC LIMIT 1 $$;

CREATE OR REPLACE FUNCTION coach_in_session(sid integer, login name) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM calibration_reviewer WHERE session_id = sid AND person_id = coach_me(login)) $$;
"""

#: the tables an agent's client touches (everything else, the job queue included, is staff's)
_AGENT_TABLES = ("team", "person", "interaction", "transcript_segment", "utterance_embedding", "transcription_job",
                 "rubric", "rubric_version", "evaluation", "criterion_result", "audit_event", "dispute",
                 "review_assignment", "calibration_session", "calibration_item", "calibration_reviewer",
                 "calibration_verdict")

_SIGNATURES = ("coach_me(name), coach_role(name), coach_sees_agent(integer, name), coach_sees_call(integer, name), "
               "coach_self_done(integer), coach_sees_evaluation(integer, text, integer, timestamptz, integer, name), "
               "coach_sees_evaluation_id(integer, name), coach_writes_evaluation(integer, name), "
               "coach_in_session(integer, name), coach_scored_version(integer, name)")

# (table, policy name, command, USING, WITH CHECK)
_STAFF = "coach_role(current_user) IN ('team_lead', 'trainer', 'admin', 'worker')"
_LEADS = "coach_role(current_user) IN ('team_lead', 'admin')"
_ADMIN = "coach_role(current_user) = 'admin'"
POLICIES = [
    ("interaction", "read", "SELECT", "coach_sees_agent(agent_id, current_user)", None),
    ("interaction", "add", "INSERT", None, _STAFF),
    ("interaction", "change", "UPDATE", f"coach_sees_agent(agent_id, current_user) AND {_STAFF}", _STAFF),
    ("interaction", "remove", "DELETE", _ADMIN, None),
    ("transcript_segment", "read", "SELECT", "coach_sees_call(interaction_id, current_user)", None),
    ("transcript_segment", "write", "ALL", f"coach_sees_call(interaction_id, current_user) AND {_STAFF}",
     f"coach_sees_call(interaction_id, current_user) AND {_STAFF}"),
    ("transcription_job", "write", "ALL", f"coach_sees_call(interaction_id, current_user) AND {_STAFF}",
     f"coach_sees_call(interaction_id, current_user) AND {_STAFF}"),
    ("evaluation", "read", "SELECT", "coach_sees_evaluation(interaction_id, kind, author_id, submitted_at, "
                                     "calibration_session_id, current_user)", None),
    ("evaluation", "add", "INSERT", None,
     "coach_sees_call(interaction_id, current_user) AND ("
     "(kind = 'self' AND author_id = coach_me(current_user)"
     " AND EXISTS (SELECT 1 FROM interaction i WHERE i.id = interaction_id AND i.agent_id = coach_me(current_user)))"
     f" OR (kind = 'lead' AND author_id = coach_me(current_user) AND {_LEADS})"
     " OR (kind = 'calibration' AND author_id = coach_me(current_user)"
     " AND coach_in_session(calibration_session_id, current_user))"
     " OR (kind = 'automatic' AND author_id IS NULL"
     " AND coach_role(current_user) IN ('worker', 'team_lead', 'trainer', 'admin')))"),
    ("evaluation", "change", "UPDATE", "coach_writes_evaluation(id, current_user)",
     "coach_sees_call(interaction_id, current_user)"),
    ("criterion_result", "read", "SELECT", "coach_sees_evaluation_id(evaluation_id, current_user)", None),
    ("criterion_result", "write", "ALL", "coach_writes_evaluation(evaluation_id, current_user)",
     "coach_writes_evaluation(evaluation_id, current_user)"),
    # audit events: everyone adds (in the same transaction as the change), admins read, nobody
    # changes or removes one (no policy for UPDATE/DELETE, and the privilege is not granted)
    ("audit_event", "add", "INSERT", None, "true"),
    # (a row must be readable to its writer: INSERT ... RETURNING; system events have no actor)
    ("audit_event", "read", "SELECT",
     f"{_ADMIN} OR actor_id = coach_me(current_user) OR (actor_id IS NULL AND {_STAFF})", None),
    ("dispute", "read", "SELECT", "coach_sees_call(interaction_id, current_user)", None),
    ("dispute", "add", "INSERT", None,
     "opened_by_id = coach_me(current_user) AND EXISTS (SELECT 1 FROM interaction i WHERE i.id = interaction_id"
     " AND i.agent_id = coach_me(current_user))"),
    ("dispute", "answer", "UPDATE", f"coach_sees_call(interaction_id, current_user) AND {_LEADS}", _LEADS),
    ("review_assignment", "read", "SELECT",
     f"reviewer_id = coach_me(current_user) OR ({_LEADS} AND coach_sees_call(interaction_id, current_user))", None),
    ("review_assignment", "write", "ALL", _LEADS, _LEADS),
    ("person", "read", "SELECT", "true", None),
    ("person", "add", "INSERT", None,
     f"{_ADMIN} OR (role = 'agent' AND db_login IS NULL AND {_STAFF})"),
    ("person", "change", "UPDATE", _ADMIN, _ADMIN),
    ("team", "read", "SELECT", "true", None),
    ("team", "write", "ALL", _ADMIN, _ADMIN),
    ("rubric", "read", "SELECT", "true", None),
    ("rubric", "write", "INSERT", None, "coach_role(current_user) IN ('trainer', 'admin', 'worker')"),
    ("rubric_version", "read", "SELECT", "true", None),
    ("rubric_version", "write", "INSERT", None, "coach_role(current_user) IN ('trainer', 'admin', 'worker')"),
]
for _t in ("calibration_session", "calibration_item", "calibration_reviewer", "calibration_verdict"):
    POLICIES.append((_t, "read", "SELECT", "coach_role(current_user) IN ('team_lead', 'trainer', 'admin')", None))
    POLICIES.append((_t, "write", "ALL", "coach_role(current_user) IN ('team_lead', 'trainer', 'admin')",
                     "coach_role(current_user) IN ('team_lead', 'trainer', 'admin')"))


def _is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def setup_team(engine: Engine) -> dict:
    """Migrate, then install roles, grants, functions and policies (idempotent: run it again
    after an upgrade). Needs the tables' owner (the privileged URL)."""
    from coach_app.db.engine import migrate
    from coach_app.services.rubrics import resolve_rubric

    if not _is_postgres(engine):
        raise CoachError("team setup needs a PostgreSQL database (--db postgresql://...); a SQLite workspace "
                         "is a single desktop's")
    from coach_app.services.work_queue import ensure_schema

    migrate(engine)
    resolve_rubric(engine, None)  # the default rubric stored once, by the owner
    # the job queue's tables and functions exist before the grants, so workers and the people
    # who queue recordings can use them
    ensure_schema(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        for group in ALL_GROUPS:
            conn.execute(text(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
                              f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$"))
        db = conn.execute(text("SELECT current_database()")).scalar()
        everyone = ", ".join(ALL_GROUPS)
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{db}" TO {everyone}'))
        conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {everyone}"))
        conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {everyone}"))
        conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}"))
        conn.execute(text(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {everyone}"))  # procrastinate's
        conn.execute(text(f"REVOKE UPDATE, DELETE ON audit_event FROM {everyone}"))
        conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {everyone}"))
        conn.execute(text(FUNCTIONS))
        # agents queue nothing and run no worker: the job queue is staff business
        conn.execute(text("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM coach_agent"))
        conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(_AGENT_TABLES)} TO coach_agent"))
        conn.execute(text("REVOKE UPDATE, DELETE ON audit_event FROM coach_agent"))
        conn.execute(text("GRANT SELECT ON alembic_version TO coach_agent"))  # clients check the schema
        conn.execute(text(f"REVOKE ALL ON FUNCTION {_SIGNATURES} FROM PUBLIC"))
        conn.execute(text(f"GRANT EXECUTE ON FUNCTION {_SIGNATURES} TO {everyone}"))
        for table in PROTECTED:
            conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
            for (name,) in conn.execute(text("SELECT policyname FROM pg_policies WHERE tablename = :t"), {"t": table}):
                conn.execute(text(f'DROP POLICY "{name}" ON {table}'))
        for table, name, command, using, check in POLICIES:
            sql = f'CREATE POLICY "{table}_{name}" ON {table} FOR {command}'
            if using:
                sql += f" USING ({using})"
            if check:
                sql += f" WITH CHECK ({check})"
            conn.execute(text(sql))
        policies = conn.execute(text("SELECT count(*) FROM pg_policies WHERE schemaname = 'public'")).scalar()
        secured = conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND rowsecurity")).scalar()
    return {"database": db, "groups": list(ALL_GROUPS), "policies": policies, "tables_with_rls": secured}


def _check_login(login: str, password: str) -> None:
    """A login name safe to quote into CREATE ROLE, and a password."""
    if not LOGIN_RE.match(login or ""):
        raise CoachError(f"login {login!r} must be lower-case letters, digits and _ (at most 63, not starting "
                         f"with a digit)")
    if not password:
        raise CoachError("a login needs a password (--password-stdin)")


def create_login(conn, login: str, password: str, role: str) -> None:
    """The PostgreSQL login that is a person, in the group of their role (moved there if it
    exists), inside the caller's transaction: the person row and the login commit together."""
    if conn.dialect.name != "postgresql":
        raise CoachError("database logins exist on a team (PostgreSQL) database; on SQLite whoever holds the file "
                         "holds the data")
    _check_login(login, password)
    group = GROUPS[role]
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": GROUPS["agent"]}).first() is None:
        raise CoachError("this database is not set up for a team yet: run 'coach --db PRIVILEGED_URL team setup'")
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).first()
    quoted = conn.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar()
    extra = " CREATEROLE" if role == "admin" else ""  # admins add the others' logins
    if exists:
        conn.execute(text(f'ALTER ROLE "{login}" LOGIN{extra} PASSWORD {quoted}'))
        for other in GROUPS.values():
            conn.execute(text(f'REVOKE {other} FROM "{login}"'))
    else:
        conn.execute(text(f'CREATE ROLE "{login}" LOGIN{extra} PASSWORD {quoted}'))
    conn.execute(text(f'GRANT {group} TO "{login}"'))


def create_worker_login(conn, login: str, password: str) -> None:
    """A login for transcription workers: no person, the rights of the work (every call's
    transcript and automatic evaluation, the job queue), nothing of people's reviews to write."""
    if conn.dialect.name != "postgresql":
        raise CoachError("worker logins exist on a team (PostgreSQL) database")
    _check_login(login, password)
    quoted = conn.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar()
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).first()
    conn.execute(text(f'{"ALTER" if exists else "CREATE"} ROLE "{login}" LOGIN PASSWORD {quoted}'))
    conn.execute(text(f'GRANT {WORKER_GROUP} TO "{login}"'))
