"""Operations shared by the CLI and the desktop app. No Qt here; no printing either."""
