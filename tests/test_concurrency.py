"""Eight processes at once (#12), on SQLite and PostgreSQL: importing one file and files of their
own under one new agent name, scoring with a rubric none has stored yet, and reviewing (several
leads one call, one lead from two processes). No process fails, one interaction per content, no
duplicate rows, and the database intact."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

from sqlalchemy import create_engine, text

from tests.bad_inputs.runner import run_main
from tests.conftest import ROOT
from tests.figures import record

N = 8
RUNS = {}
RULES = ROOT / "tests" / "data" / "rubrics" / "phrase-rules.yaml"


def all_at_once(ws, db_url, commands: list[list]) -> list[tuple[int, str, str]]:
    procs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws), "--db", db_url,
                               *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for args in commands]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        results.append((p.returncode, out, err))
    kind = db_url.split(":")[0].split("+")[0]
    runs, fails = RUNS.get(kind, (0, 0))
    RUNS[kind] = (runs + len(results), fails + sum(rc != 0 for rc, _, _ in results))
    record(f"concurrent runs ({kind})", f"{RUNS[kind][0]} processes in waves of {N} / {RUNS[kind][1]} failed")
    return results


def call(path, n: int):
    path.write_text(json.dumps({"language": "en", "segments": [
        {"speaker": "agent", "start": 0, "end": 3, "text": f"Hello, I understand, sorry to hear that (call {n})."},
        {"speaker": "customer", "start": 3.5, "end": 5, "text": "Thanks."}]}), "utf-8")
    return path


def rows(db_url, sql: str) -> list[tuple]:
    eng = create_engine(db_url)
    try:
        with eng.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        eng.dispose()


def intact(db_url) -> None:
    if db_url.startswith("sqlite"):
        assert rows(db_url, "PRAGMA integrity_check") == [("ok",)]
    for table, key in [("interaction", "sha256"), ("person", "name"), ("rubric", "slug"),
                       ("rubric_version", "content_hash")]:
        assert rows(db_url, f"select {key}, count(*) from {table} group by {key} having count(*) > 1") == [], table
    assert rows(db_url, "select count(*) from transcript_segment where interaction_id not in "
                        "(select id from interaction)") == [(0,)]


def test_eight_processes_import_score_and_review_at_once(tmp_path, db_url):
    ws = tmp_path / "ws"
    shared = call(tmp_path / "shared.json", 0)
    own = [call(tmp_path / f"own-{i}.json", i + 1) for i in range(N)]
    # 1. one file in every process, and one of its own; a new agent named by all of them
    results = all_at_once(ws, db_url, [["import", shared, own[i], "--agent", "New Agent"] for i in range(N)])
    assert [rc for rc, _, _ in results] == [0] * N, [err for _, _, err in results]
    outs = "".join(out for _, out, _ in results)
    assert outs.count(f"imported: #") - outs.count("already imported") == N + 1  # each content stored once
    assert rows(db_url, "select count(*) from interaction") == [(N + 1,)]
    assert rows(db_url, "select count(*) from person") == [(1,)]
    intact(db_url)

    # 2. scoring with a rubric none has stored (its first use races), each process its own calls
    leads = [f"Lead {i}" for i in range(N)]
    for args in (["person", "add", "Ada Admin", "--role", "admin"],
                 *(["person", "add", name, "--role", "team_lead", "--as", "Ada Admin"] for name in leads)):
        o = run_main(ws, db_url, args)  # (setup: in this process)
        assert o.rc == 0, o.err
    results = all_at_once(ws, db_url, [["score", own[i], shared, "--save", "--rubric", RULES, "--json"]
                                       for i in range(N)])
    assert [rc for rc, _, _ in results] == [0] * N, [err for _, _, err in results]
    assert rows(db_url, "select count(*) from rubric_version") == [(1,)]
    assert rows(db_url, "select count(*) from evaluation where kind = 'automatic'") == [(2 * N,)]
    intact(db_url)

    # 3. reviews at once: four leads one call, two processes of one lead another, two more calls
    def review(iid, lead, status):
        return ["review", iid, "--as", lead, "--set", f"gratitude={status}", "--reason", "heard it", "--submit",
                "--json"]

    ids = [i for (i,) in rows(db_url, "select id from interaction order by id")]  # (PostgreSQL: not 1, 2, 3...)
    commands = [review(ids[0], leads[i], "met") for i in range(4)] + [review(ids[1], leads[4], "met")] * 2 + \
               [review(ids[2], leads[5], "na"), review(ids[3], leads[6], "na")]
    results = all_at_once(ws, db_url, commands)
    assert [rc for rc, _, _ in results] == [0] * N, [err for _, _, err in results]
    lead_reviews = rows(db_url, "select interaction_id, author_id, count(*) from evaluation where kind = 'lead' "
                                "group by interaction_id, author_id")
    assert sorted(Counter(i for i, _, _ in lead_reviews).items()) == [(ids[0], 4), (ids[1], 1), (ids[2], 1),
                                                                       (ids[3], 1)]
    assert all(n == 1 for _, _, n in lead_reviews)  # one review per reviewer and call, never two
    assert rows(db_url, "select count(*) from criterion_result r join evaluation e on e.id = r.evaluation_id "
                        "where e.kind = 'lead' and r.criterion_id = 'gratitude' and r.status = 'na'") == [(2,)]
    intact(db_url)
