"""Domain model and scoring: pure Python. Nothing here may import Qt (enforced by tests)."""
