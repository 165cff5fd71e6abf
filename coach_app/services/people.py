"""People and the audit log."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from coach_app.db.models import ROLES, AuditEvent, Person
from coach_app.errors import CoachError


#: Person.name's column length
NAME_MAX = 200


def get_or_create_person(session: Session, name: str, role: str = "agent") -> Person:
    name = " ".join(name.split())
    if not name:
        raise CoachError("a person's name cannot be empty")
    if len(name) > NAME_MAX or any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in name):
        raise CoachError(f"a person's name must be at most {NAME_MAX} characters of text "
                         f"(got {len(name)} characters{', with control characters' if len(name) <= NAME_MAX else ''})")
    if role not in ROLES:
        raise CoachError(f"role {role!r} is not one of: {', '.join(ROLES)}")
    person = session.exec(select(Person).where(Person.name == name)).first()
    if person is None:
        person = Person(name=name, role=role)
        session.add(person)
        session.flush()
        audit(session, "person", person.id, "create", {"name": name, "role": role})
    return person


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
