"""The desktop app (PySide6). All Qt lives here; the views call the same services as the CLI."""
