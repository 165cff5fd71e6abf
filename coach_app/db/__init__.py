"""Storage: SQLModel tables, engine from a URL (SQLite by default, PostgreSQL for teams),
Alembic migrations, and the services the CLI and the desktop app share."""
