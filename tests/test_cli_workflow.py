"""The review workflow's commands as a user runs them, on SQLite and PostgreSQL: person, review
(continued, all-or-nothing, blind), calibration, dispute, sample and queue — exit codes, one-line
errors, JSON."""

from __future__ import annotations

import json

from tests.conftest import ROOT
from tests.test_cli import coach
from tests.test_workflow import call_variant


def test_review_workflow_from_the_command_line(tmp_path, db_url):
    ws = tmp_path / "ws"

    def run(*args, ok=True):
        r = coach("--db", db_url, *args, ws=ws)
        if ok:
            assert r.returncode == 0, r.stderr
        else:
            assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
        return r

    assert "no admin yet" in run("person", "add", "Tiina Virtanen", "--role", "team_lead", ok=False).stderr
    run("person", "add", "Ada Admin", "--role", "admin")
    run("person", "add", "Tiina Virtanen", "--role", "team_lead", "--team", "North", "--as", "Ada Admin")
    run("person", "add", "Olli Lead", "--role", "team_lead", "--team", "North", "--as", "Ada Admin")
    run("person", "add", "Kelly", "--role", "agent", "--team", "North", "--as", "Ada Admin")
    people = {p["name"]: p for p in json.loads(run("person", "list", "--json").stdout)}
    assert people["Kelly"]["role"] == "agent" and people["Tiina Virtanen"]["team"] == "North"
    ids = []
    for n in range(3):
        ids.append(json.loads(run("analyze", call_variant(tmp_path, n), "--agent", "Kelly", "--json").stdout)["interaction"]["id"])
    first = ids[0]

    # the call's own agent cannot review it as a lead
    r = run("review", first, "--as", "Kelly", "--kind", "lead", "--set", "next_steps=met", "--submit", ok=False)
    assert "Kelly is an agent; only team leads or admins can review calls" in r.stderr
    # all-or-nothing: one bad --set, nothing stored
    r = run("review", first, "--as", "Tiina Virtanen", "--set", "gratitude=not_met", "--reason", "x",
            "--set", "greeting=bogus", ok=False)
    assert "'greeting': status 'bogus'" in r.stderr
    assert run("review", first, "--as", "Tiina Virtanen", "--json").stdout.count('"gratitude": "met"') == 1
    run("review", first, "--as", "Tiina Virtanen", "--set", "empathy=not_met", "--reason", "Scripted",
        "--comment", "empathy=Sounded robotic", "--submit")
    again = json.loads(run("review", first, "--as", "Tiina Virtanen", "--set", "next_steps=not_met",
                           "--reason", "late change", "--json").stdout)
    assert again["criteria"]["empathy"] == "not_met" and again["criteria"]["next_steps"] == "not_met"
    assert not again["submitted"]
    run("review", first, "--as", "Tiina Virtanen", "--submit")

    # blind: the agent sees no total and cannot export the lead's report before self-assessing
    listed = [json.loads(line)["id"] for line in run("list", "--as", "Kelly", "--json").stdout.splitlines()]
    assert sorted(listed) == ids
    r = run("export", first, "--pdf", tmp_path / "k.pdf", "--as", "Kelly", ok=False)
    assert "submit or skip your self-assessment" in r.stderr and not (tmp_path / "k.pdf").exists()
    r = run("dispute", "open", first, "--as", "Kelly", "--criterion", "empathy", "--want", "met",
            "--reason", "I said sorry twice", ok=False)
    assert "self-assessment" in r.stderr
    run("review", first, "--as", "Kelly", "--kind", "self", "--skip")
    run("export", first, "--pdf", tmp_path / "k.pdf", "--as", "Kelly")
    assert (tmp_path / "k.pdf").stat().st_size > 1000

    # dispute: opened by the agent, accepted by the lead
    d = json.loads(run("dispute", "open", first, "--as", "Kelly", "--criterion", "empathy", "--want", "met",
                       "--reason", "I said sorry twice", "--json").stdout)
    assert d["status"] == "open"
    assert [x["id"] for x in json.loads(run("dispute", "list", "--open", "--as", "Tiina Virtanen", "--json").stdout)] == [d["id"]]
    r = run("dispute", "resolve", d["id"], "--as", "Kelly", "--accept", "--reply", "mine", ok=False)
    assert "Kelly cannot answer disputes" in r.stderr
    assert json.loads(run("dispute", "resolve", d["id"], "--as", "Tiina Virtanen", "--accept", "--reply",
                          "Fair", "--json").stdout)["status"] == "accepted"
    assert json.loads(run("dispute", "list", "--open", "--json").stdout) == []

    # calibration: two leads score two calls blind
    cs = json.loads(run("calibration", "start", ids[1], ids[2], "--reviewers", "Tiina Virtanen,Olli Lead",
                        "--title", "Week 48", "--as", "Tiina Virtanen", "--json").stdout)["id"]
    criteria = list(json.loads(run("review", ids[1], "--as", "Olli Lead", "--kind", "calibration",
                                   "--session", cs, "--json").stdout)["criteria"])
    r = run("calibration", "report", cs, "--as", "Olli Lead", ok=False)  # it would unblind him
    assert "opens to Olli Lead once" in r.stderr
    for who in ("Tiina Virtanen", "Olli Lead"):
        for iid in ids[1:]:
            sets = [f"{c}={'not_met' if (who, iid, c) == ('Olli Lead', ids[2], 'empathy') else 'met'}"
                    for c in criteria if c != "product_knowledge"]
            run("review", iid, "--as", who, "--kind", "calibration", "--session", cs,
                *[x for s in sets for x in ("--set", s)], "--submit")
    rep = json.loads(run("calibration", "report", cs, "--json").stdout)
    assert set(rep) >= {"id", "interactions", "reviewers", "complete", "overall_agreement", "criteria", "differences"}
    assert rep["complete"] and rep["interactions"] == ids[1:] and rep["reviewers"] == ["Olli Lead", "Tiina Virtanen"]
    assert rep["differences"] == [{"interaction": ids[2], "criterion": "empathy", "agreed": None, "note": None,
                                   "verdicts": {"Olli Lead": "not_met", "Tiina Virtanen": "met"}}]
    emp = next(c for c in rep["criteria"] if c["id"] == "empathy")
    assert emp["agreement"] == 0.5 and set(emp) >= {"id", "agreement", "kappa"}

    # the queue: the two calls nobody has lead-reviewed go to Olli
    picked = json.loads(run("sample", "--per-agent", "5", "--seed", "1", "--reviewer", "Olli Lead",
                            "--as", "Tiina Virtanen", "--json").stdout)
    assert sorted(p["interaction"] for p in picked) == ids[1:]
    assert [q["interaction"] for q in json.loads(run("assigned", "--as", "Olli Lead", "--json").stdout)] == ids[1:]
    r = run("sample", "--per-agent", "1", "--as", "Kelly", ok=False)
    assert "only team leads or admins can assign reviews" in r.stderr
    team = run("report", "team").stdout
    assert "coverage Kelly" in team and "1/3 reviewed" in team
