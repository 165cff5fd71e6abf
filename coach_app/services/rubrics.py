"""Rubric templates in the database: every distinct content is an immutable version."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from coach_app.core.rubric import DEFAULT_RUBRIC, Rubric, content_hash, parse_rubric, read_rubric_text
from coach_app.db.models import Rubric as RubricRow
from coach_app.db.models import RubricVersion
from coach_app.errors import NotFoundError
from coach_app.services.people import audit


def store_rubric(engine: Engine, text: str, origin: str, by: str | None = None) -> tuple[RubricVersion, Rubric, bool]:
    """Validate and store; returns (version row, parsed rubric, created). Same content = same row.
    ``by`` (None: the local operator) must be a trainer or an admin: they own the templates."""
    rubric = parse_rubric(text, origin)
    for attempt in range(3):
        try:
            return _store_once(engine, text, origin, by, rubric)
        except IntegrityError:  # another client stored the same rubric or version just now: read theirs
            if attempt == 2:
                raise


def _store_once(engine: Engine, text: str, origin: str, by: str | None, rubric: Rubric):
    from coach_app.services.access import actor, require_role

    digest = content_hash(text)
    with Session(engine, expire_on_commit=False) as session:
        author = None
        if by:
            author = actor(session, by)
            require_role(author, ("trainer", "admin"), "save rubric versions")
        row = session.exec(select(RubricRow).where(RubricRow.slug == rubric.id)).first()
        if row is None:
            row = RubricRow(slug=rubric.id, name=rubric.name.get("en") or next(iter(rubric.name.values())))
            session.add(row)
            session.flush()
        version = session.exec(
            select(RubricVersion).where(RubricVersion.rubric_id == row.id, RubricVersion.content_hash == digest)
        ).first()
        if version is not None:
            return version, rubric, False
        version = RubricVersion(rubric_id=row.id, version=rubric.version, content_hash=digest, content=text,
                                created_by_id=author.id if author else None)
        session.add(version)
        session.flush()
        audit(session, "rubric_version", version.id, "create", {"rubric": rubric.id, "version": rubric.version,
                                                                "from": origin}, actor_id=author.id if author else None)
        session.commit()
        return version, rubric, True


def import_rubric_file(engine: Engine, path: str | Path, by: str | None = None) -> tuple[RubricVersion, Rubric, bool]:
    return store_rubric(engine, read_rubric_text(path), str(path), by)


def resolve_rubric(engine: Engine, ref: str | None) -> tuple[RubricVersion, Rubric]:
    """A rubric by file path, version id (number) or rubric id (its latest version).
    None = the default customer-encounter model (stored on first use)."""
    if ref is None:
        version, rubric, _ = import_rubric_file(engine, DEFAULT_RUBRIC)
        return version, rubric
    if Path(ref).is_file():
        version, rubric, _ = import_rubric_file(engine, ref)
        return version, rubric
    with Session(engine) as session:
        if ref.isdigit():
            version = session.get(RubricVersion, int(ref))
        else:
            row = session.exec(select(RubricRow).where(RubricRow.slug == ref)).first()
            version = None if row is None else session.exec(
                select(RubricVersion).where(RubricVersion.rubric_id == row.id).order_by(RubricVersion.id.desc())
            ).first()
        if version is None:
            raise NotFoundError(f"no rubric file, version id or rubric id {ref!r}")
        return version, parse_rubric(version.content, f"rubric version {version.id}")


def check_rubric(engine: Engine, ref: str | None) -> Rubric:
    """The rubric ``resolve_rubric`` would give, or its error now, storing nothing: a command
    checks its rubric before it imports anything (all or nothing)."""
    if ref is None:
        return parse_rubric(read_rubric_text(DEFAULT_RUBRIC), str(DEFAULT_RUBRIC))
    if Path(ref).is_file():
        return parse_rubric(read_rubric_text(ref), str(ref))
    return resolve_rubric(engine, ref)[1]  # a version or rubric id: only read


def list_rubric_versions(engine: Engine) -> list[tuple[RubricRow, RubricVersion]]:
    with Session(engine) as session:
        return list(session.exec(
            select(RubricRow, RubricVersion).join(RubricVersion, RubricVersion.rubric_id == RubricRow.id)
            .order_by(RubricRow.slug, RubricVersion.id)
        ).all())
