"""Who may do what, checked here for every client (the CLI and the app call the same checks).

Identity is a row of the ``person`` table: its role decides, never a setting the client sends.
On SQLite this is the application's rule (whoever holds the file holds the data); on
PostgreSQL the database enforces the same rules itself (row-level security, team mode).

- agent: their own calls and the evaluations of them; self-assesses and disputes only those.
- team_lead: the calls of their team's agents (a lead without a team: every call), reviews them.
- trainer: reads every call, saves rubric versions, may run calibration sessions.
- admin: everything, including adding people. The first person of a new workspace is its admin.
"""

from __future__ import annotations

from sqlmodel import Session, select

from coach_app.db.models import ROLES, Interaction, Person, Team
from coach_app.errors import CoachError, NotFoundError
from coach_app.services.people import audit, clean_name

ROLE_TITLES = {"agent": "agent", "team_lead": "team lead", "trainer": "trainer", "admin": "admin"}
REVIEWER_ROLES = ("team_lead", "trainer", "admin")


class AccessError(CoachError):
    """The person exists but may not do this."""


def find_person(session: Session, name: str) -> Person | None:
    return session.exec(select(Person).where(Person.name == clean_name(name))).first()


def _has_admin(session: Session) -> bool:
    return session.exec(select(Person.id).where(Person.role == "admin")).first() is not None


def login_person(session: Session) -> Person | None:
    """On a team database, the person whose login this connection is (``current_user``); None
    on SQLite and for the tables' owner (the privileged URL of ``team setup``)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    from sqlalchemy import text

    login = session.execute(text("SELECT current_user")).scalar()
    return session.exec(select(Person).where(Person.db_login == login)).first()


def viewer_of(session: Session, name: str | None) -> Person | None:
    """Whose view a read shows: the login's person on a team database, else the named person,
    else None (the local operator of a desktop workspace)."""
    me = login_person(session)
    if me is not None:
        return me
    if not name:
        return None
    person = find_person(session, name)
    if person is None:
        raise AccessError(f"{clean_name(name)} is not a person of this workspace")
    return person


def actor(session: Session, name: str | None) -> Person:
    """The person acting. On a team database signed in with a person's login, that person,
    whatever name the client sends. Otherwise the named person: the first person of a new
    workspace (no admin yet) becomes its admin; after that only people an admin added (or agents
    named at import) exist."""
    me = login_person(session)
    if me is not None:
        if name and clean_name(name) != me.name:
            raise AccessError(f"this database login is {me.name}'s; it cannot act as {clean_name(name)}")
        return me
    if not name:
        raise CoachError("say who you are: --as NAME")
    name = clean_name(name)
    person = find_person(session, name)
    if person is not None:
        return person
    if not _has_admin(session):
        person = Person(name=name, role="admin")
        session.add(person)
        session.flush()
        audit(session, "person", person.id, "create", {"name": name, "role": "admin", "first": True},
              actor_id=person.id)
        return person
    raise AccessError(f"{name} is not a person of this workspace; an admin adds people with "
                      f"'coach person add NAME --role agent|team_lead|trainer|admin'")


def require_role(person: Person, roles: tuple[str, ...], doing: str) -> None:
    if person.role not in roles:
        allowed = " or ".join(ROLE_TITLES[r] + "s" for r in roles)
        raise AccessError(f"{person.name} is {_a(ROLE_TITLES[person.role])}; only {allowed} can {doing}")


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def can_see(session: Session, person: Person | None, inter: Interaction) -> bool:
    """``person`` None: the local operator of a desktop workspace (the CLI without --as)."""
    if person is None or person.role in ("admin", "trainer"):
        return True
    if person.role == "agent":
        return inter.agent_id == person.id
    return in_team(session, person, inter)


def in_team(session: Session, lead: Person, inter: Interaction) -> bool:
    """A lead with no team leads the whole (single-team) workspace; calls without an agent
    belong to every lead."""
    if lead.team_id is None or inter.agent_id is None:
        return True
    agent = session.get(Person, inter.agent_id)
    return agent is not None and agent.team_id == lead.team_id


def require_see(session: Session, person: Person | None, inter: Interaction) -> None:
    if not can_see(session, person, inter):
        # the same words as for a missing call: an agent learns nothing about others' calls
        raise NotFoundError(f"no interaction with id {inter.id}")


def visible_agent_ids(session: Session, person: Person | None) -> set[int | None] | None:
    """The agent ids whose calls ``person`` sees (None in the set: calls without an agent), or
    None for everything."""
    if person is None or person.role in ("admin", "trainer"):
        return None
    if person.role == "agent":
        return {person.id}
    if person.team_id is None:
        return None
    ids: set[int | None] = set(session.exec(select(Person.id).where(Person.team_id == person.team_id)).all())
    ids.add(None)
    return ids


def can_review(session: Session, person: Person, inter: Interaction) -> bool:
    return person.role == "admin" or (person.role == "team_lead" and in_team(session, person, inter))


def require_review(session: Session, person: Person, inter: Interaction) -> None:
    if person.role not in ("team_lead", "admin"):
        require_role(person, ("team_lead", "admin"), "review calls")
    if not can_review(session, person, inter):
        raise AccessError(f"interaction {inter.id} is not a call of {person.name}'s team")


def team_by_name(session: Session, name: str, create: bool = False) -> Team:
    name = clean_name(name, "a team's name")
    team = session.exec(select(Team).where(Team.name == name)).first()
    if team is None:
        if not create:
            raise CoachError(f"no team called {name!r}")
        team = Team(name=name)
        session.add(team)
        session.flush()
    return team


def check_role(role: str) -> str:
    if role not in ROLES:
        raise CoachError(f"role {role!r} is not one of: {', '.join(ROLES)}")
    return role


def sign_in(engine, name: str) -> Person:
    """The app's user, from the person table (their role decides what they see). The first
    person of a workspace without an admin becomes its admin."""
    with Session(engine, expire_on_commit=False) as session:
        person = actor(session, name)
        session.commit()
        return person


def known_people(engine) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(Person.name).order_by(Person.name)).all())


def has_admin(engine) -> bool:
    with Session(engine) as session:
        return _has_admin(session)
