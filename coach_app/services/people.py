"""People and the audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from coach_app.db.models import ROLES, AuditEvent, Person, Team
from coach_app.errors import CoachError


#: Person.name's column length
NAME_MAX = 200


def clean_name(name: str, what: str = "a person's name") -> str:
    name = " ".join((name or "").split())
    if not name:
        raise CoachError(f"{what} cannot be empty")
    if len(name) > NAME_MAX or any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in name):
        raise CoachError(f"{what} must be at most {NAME_MAX} characters of text "
                         f"(got {len(name)} characters{', with control characters' if len(name) <= NAME_MAX else ''})")
    return name


def get_or_create_person(session: Session, name: str, role: str = "agent") -> Person:
    """The person called ``name``, created with ``role`` if new (agents named at import).
    Two clients naming a new person at once both get the one row."""
    name = clean_name(name)
    if role not in ROLES:
        raise CoachError(f"role {role!r} is not one of: {', '.join(ROLES)}")
    person = session.exec(select(Person).where(Person.name == name)).first()
    if person is None:
        if session.get_bind().dialect.name == "sqlite":
            # pysqlite would turn a savepoint outside a transaction into a commit of its own:
            # insert-or-nothing instead, then read the one row whoever wrote it
            from sqlalchemy.dialects.sqlite import insert

            from coach_app.db.models import utcnow

            done = session.execute(insert(Person).values(name=name, role=role, created_at=utcnow())
                                   .on_conflict_do_nothing(index_elements=["name"]))
            person = session.exec(select(Person).where(Person.name == name)).one()
            if done.rowcount:
                audit(session, "person", person.id, "create", {"name": name, "role": role})
            return person
        try:
            with session.begin_nested():
                person = Person(name=name, role=role)
                session.add(person)
                session.flush()
        except IntegrityError:  # another client created them between our read and write
            person = session.exec(select(Person).where(Person.name == name)).one()
        else:
            audit(session, "person", person.id, "create", {"name": name, "role": role})
    return person


def add_person(engine: Engine, name: str, role: str, team: str | None, by: str | None,
               login: str | None = None, password: str | None = None) -> Person:
    """``person add``: an admin adds a person (or changes an existing one's role or team). A
    workspace without an admin first gets one: the first ``person add`` must be an admin, and
    needs nobody's permission."""
    from coach_app.services.access import actor, check_role, require_role, team_by_name

    check_role(role)
    from coach_app.services.access import login_person

    with Session(engine, expire_on_commit=False) as session:
        admin_exists = session.exec(select(Person.id).where(Person.role == "admin")).first() is not None
        if admin_exists:
            if not by and login_person(session) is None:
                raise CoachError("say who is adding the person: --as NAME (an admin)")
            me = actor(session, by)
            require_role(me, ("admin",), "add people")
            actor_id = me.id
        elif role != "admin":
            raise CoachError("this workspace has no admin yet; add yourself first: "
                             "coach person add 'YOUR NAME' --role admin")
        else:
            actor_id = None
        name = clean_name(name)
        team_id = team_by_name(session, team, create=True).id if team else None
        person = session.exec(select(Person).where(Person.name == name)).first()
        if person is None:
            person = Person(name=name, role=role, team_id=team_id)
            session.add(person)
            session.flush()
            audit(session, "person", person.id, "create", {"name": name, "role": role, "team": team},
                  actor_id=actor_id or person.id)
        else:
            before = {"role": person.role, "team_id": person.team_id}
            person.role = role
            if team is not None:
                person.team_id = team_id
            audit(session, "person", person.id, "update",
                  {"before": before, "after": {"role": person.role, "team_id": person.team_id}}, actor_id=actor_id)
        if login:
            from coach_app.db.team_mode import create_login

            create_login(session.connection(), login, password or "", person.role)
            person.db_login = login
            audit(session, "person", person.id, "login", {"login": login}, actor_id=actor_id)
        session.commit()
        return person


def list_people(engine: Engine) -> list[tuple[Person, str | None]]:
    with Session(engine) as session:
        teams = dict(session.exec(select(Team.id, Team.name)).all())
        return [(p, teams.get(p.team_id)) for p in session.exec(select(Person).order_by(Person.name)).all()]


def audit(
    session: Session,
    entity: str,
    entity_id: int | None,
    action: str,
    detail: dict[str, Any] | None = None,
    actor_id: int | None = None,
) -> None:
    """Record a change in the same transaction as the change itself."""
    session.add(AuditEvent(entity=entity, entity_id=entity_id, action=action, detail=detail, actor_id=actor_id))
