"""Identifiers seeded into our own conversations (tests/data/scoring; the dev set too where
../shared/eval exists) never leak through `coach export transcript` (redacted by default).
The measurement is bench/redaction.py's; it prints the table per kind."""

from __future__ import annotations

import importlib.util

from tests.conftest import DATA, ROOT, SHARED
from tests.figures import record


def bench():
    spec = importlib.util.spec_from_file_location("bench_redaction", ROOT / "bench" / "redaction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_leak_check_sees_a_partial_leak():
    b = bench()
    assert b.leaked("4539 7702 1486 3326", "card 4539 7702 [phone number]")
    assert b.leaked("anna dot lee at example dot com", "write to lee at example dot com")
    assert b.leaked("four one one nine zero two seven", "it is [number] nine zero two")
    assert not b.leaked("4539 7702 1486 3326", "card [card number] and that is all")
    assert not b.leaked("010190-123A", "code [personal ID] given")


def test_no_seeded_identifier_leaks_from_an_exported_transcript():
    b = bench()
    folders = [DATA / "scoring"] + ([SHARED / "eval"] if (SHARED / "eval").is_dir() else [])
    for folder in folders:
        seeded, leaked, conversations = b.measure(folder)
        assert conversations >= 4 and set(seeded) == set(b.KINDS) and min(seeded.values()) == conversations
        record(f"seeded identifiers ({folder.parent.name}/{folder.name})",
               f"{sum(seeded.values())} seeded in {conversations} conversations / {sum(leaked.values())} leaked; "
               + ", ".join(f"{k} {leaked[k]}/{seeded[k]}" for k in b.KINDS))
        assert sum(leaked.values()) == 0, {k: v for k, v in leaked.items() if v}
