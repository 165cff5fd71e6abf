"""The bad-input corpus (tests/bad_inputs/make_corpus.py, #12): every case exits 1 with one
line on stderr naming the file and the problem, no traceback, nothing 'unexpected', and the
database exactly as before (every row of every table) with no new workspace file.

All cases run on SQLite, a representative subset on PostgreSQL. They run through main() in
this process (what main.py calls); a few also run as real processes to show that is the same."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.bad_inputs.make_corpus import build, setup_commands
from tests.bad_inputs.runner import dump, files, run_main
from tests.conftest import ROOT
from tests.figures import record


def prepared(tmp_path: Path, db_url: str):
    cases = build(tmp_path / "corpus")
    ws = tmp_path / "ws"
    for argv in setup_commands(tmp_path / "corpus"):
        o = run_main(ws, db_url, argv)
        assert o.rc == 0, (argv, o.err)
    return ws, cases


def problems_of(case, o, changed: list[str], new_files: set[str]) -> list[str]:
    lines = o.err.strip().splitlines()
    bad = []
    if o.rc != 1:
        bad.append(f"exit {o.rc}")
    if len(lines) != 1:
        bad.append(f"{len(lines)} stderr lines")
    if "Traceback" in o.err or "unexpected" in o.err:
        bad.append("traceback/unexpected")
    first = lines[0] if lines else ""
    if not first.startswith("error: "):
        bad.append("not an 'error:' line")
    if case.names is not None and case.names not in first:
        bad.append(f"does not name {case.names}")
    if case.problem not in first.lower():
        bad.append(f"does not say {case.problem!r}")
    if changed:
        bad.append(f"data changed: {', '.join(changed)}")
    if new_files:
        bad.append(f"new files: {sorted(new_files)}")
    made = [p for p in case.outputs if os.path.exists(p)]
    if made:
        bad.append(f"wrote {made}")
    return bad


def run_corpus(tmp_path: Path, db_url: str, pick=lambda cases: cases) -> tuple[int, int, int]:
    ws, cases = prepared(tmp_path, db_url)
    cases = pick(cases)
    before, before_files = dump(db_url), files(ws)
    failures, changed_count = {}, 0
    for case in cases:
        o = run_main(ws, db_url, case.argv)
        after, after_files = dump(db_url), files(ws)
        changed = [t for t in sorted(set(before) | set(after)) if before.get(t) != after.get(t)]
        bad = problems_of(case, o, changed, after_files - before_files)
        if changed:
            changed_count += 1
            before = after  # judge the next case on its own
        if bad:
            failures[case.id] = f"{'; '.join(bad)} — {o.err.strip()[:300]!r}"
        before_files = after_files
    kind = db_url.split(":")[0].split("+")[0]
    groups = Counter(c.group for c in cases)
    record(f"bad inputs ({kind})", f"{len(cases)} tried / {len(cases) - len(failures)} handled cleanly / "
                                   f"{changed_count} changed data — " + ", ".join(f"{g} {n}" for g, n in sorted(groups.items())))
    assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())
    return len(cases), len(cases) - len(failures), changed_count


def postgres_subset(cases):
    """Every review and export case (where the databases differ most), every transcript case
    through import (what reaches the database), and every fifth of the rest."""
    keep = [c for c in cases if c.group in ("review", "export", "import")]
    rest = [c for c in cases if c not in keep]
    return keep + rest[::5]


def test_every_bad_input_is_refused_in_one_line_and_changes_nothing(tmp_path, db_url):
    pick = (lambda cases: cases) if db_url.startswith("sqlite") else postgres_subset
    tried, clean, changed = run_corpus(tmp_path, db_url, pick)
    assert tried >= (150 if db_url.startswith("sqlite") else 100) and clean == tried and changed == 0


def test_the_corpus_covers_every_command():
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        groups = Counter(c.group for c in build(Path(folder)))
    assert set(groups) == {"import", "analyze", "score", "rubric validate", "review", "export"}
    assert sum(groups.values()) >= 150 and min(groups.values()) >= 20, groups


def test_many_bad_files_in_one_command_get_one_line_each(tmp_path):
    ws, cases = prepared(tmp_path, f"sqlite:///{tmp_path / 'ws' / 'coach.db'}")
    db_url = f"sqlite:///{ws / 'coach.db'}"
    paths = [c.names for c in cases if c.id.startswith("score-") and not c.id.startswith("score-rubric")
             and c.names and "--save" not in c.argv]
    before = dump(db_url)
    for command in (["score"], ["import"]):
        o = run_main(ws, db_url, [*command, *paths])
        lines = o.err.strip().splitlines()
        assert o.rc == 1 and len(lines) == len(paths), (command, len(lines), len(paths))
        assert all(line.startswith("error: ") and p in line for line, p in zip(lines, paths)), command
        assert "Traceback" not in o.err and "unexpected" not in o.err
    assert dump(db_url) == before


def test_the_real_cli_answers_as_main_does(tmp_path):
    """main() in a process of its own (main.py) gives the same exit code and line."""
    db_url = f"sqlite:///{tmp_path / 'ws' / 'coach.db'}"
    ws, cases = prepared(tmp_path, db_url)
    wanted = ["import-start-nan", "analyze-wav-truncated-half", "rubric-billion-laughs", "score-rubric-weight-1e308",
              "review-bogus-status", "export-transcript-id-2-64"]
    for case in [c for c in cases if c.id in wanted]:
        inproc = run_main(ws, db_url, case.argv)
        r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), *case.argv],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert (r.returncode, r.stderr) == (inproc.rc, inproc.err) and r.returncode == 1, case.id
