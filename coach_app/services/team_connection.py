"""Connecting the app to a team (PostgreSQL) database: the URL in settings carries no password;
the password lives in the OS keyring where there is one (Secret Service, macOS Keychain, Windows
Credential Locker), else the app asks for it at each start. Qt-free: the dialogs call these."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

from coach_app.errors import CoachError

KEYRING_SERVICE = "encounter-coach"


def team_url(host: str, port: int, database: str, login: str) -> str:
    for value, what in ((host, "host"), (database, "database"), (login, "login")):
        if not (value or "").strip():
            raise CoachError(f"the team database's {what} cannot be empty")
    if not 1 <= int(port) <= 65535:
        raise CoachError(f"port {port} is not a TCP port (1-65535)")
    return URL.create("postgresql+psycopg", username=login.strip(), host=host.strip(), port=int(port),
                      database=database.strip()).render_as_string(hide_password=False)


def _key(url: str) -> str:
    u = make_url(url)
    return f"{u.username}@{u.host}:{u.port or 5432}/{u.database}"


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    return not isinstance(keyring.get_keyring(), fail.Keyring)


def remember_password(url: str, password: str) -> bool:
    """Keep the password in the OS keyring; False where there is none (the app then asks)."""
    if not keyring_available():
        return False
    import keyring

    keyring.set_password(KEYRING_SERVICE, _key(url), password)
    return True


def stored_password(url: str) -> str | None:
    if not keyring_available():
        return None
    import keyring

    return keyring.get_password(KEYRING_SERVICE, _key(url))


def needs_password(url: str) -> bool:
    u = make_url(url)
    return u.get_backend_name() == "postgresql" and bool(u.username) and u.password is None


def with_password(url: str, password: str | None) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False) if password else url


def check_connection(url: str) -> str:
    """Connect once; the person this login is (or the login's name), or one readable line."""
    from sqlalchemy import text

    from coach_app.db.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            login = conn.execute(text("SELECT current_user")).scalar()
            try:
                name = conn.execute(text("SELECT name FROM person WHERE db_login = current_user")).scalar()
            except Exception:  # noqa: BLE001 - a database not set up yet: no person table
                name = None
        return name or login
    except Exception as exc:  # noqa: BLE001 - any driver error becomes one line for the dialog
        first = str(getattr(exc, "orig", exc)).strip().splitlines()
        raise CoachError(f"cannot connect to {make_url(url).render_as_string(hide_password=True)}: "
                         f"{first[0] if first else type(exc).__name__}") from None
    finally:
        engine.dispose()
