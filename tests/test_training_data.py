"""The training corpus as committed: every file follows SPEC.md, and the real STC-3 dialogues we
labelled come from the part training may read, word for word, never from the reserved 400."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"


def _module(name: str):
    sys.path.insert(0, str(TRAINING))
    try:
        spec = importlib.util.spec_from_file_location(name, TRAINING / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod
    finally:
        sys.path.remove(str(TRAINING))


def test_every_corpus_file_follows_the_spec():
    validate = _module("validate_corpus")
    files = sorted((TRAINING / "corpus").glob("*.json"))
    assert len(files) > 40
    bad = [p for f in files for c in json.loads(f.read_text("utf-8")) for p in validate.problems(c)]
    assert bad == []


def test_labelled_stc3_dialogues_are_trainable_ones_word_for_word():
    imp = _module("import_stc3_labels")
    assert imp.STC3.exists(), "../shared/data/stc3_customer_helpdesk is needed (the real data beside the repository)"
    data = json.loads(imp.STC3.read_text("utf-8"))
    reserved = {str(d["id"]) for d in data[-imp.RESERVED:]}
    pool = imp.trainable()
    seen = 0
    for f in sorted((TRAINING / "corpus").glob("r*-stc3.json")):
        for conv in json.loads(f.read_text("utf-8")):
            sid = conv["id"].split("-stc3-")[1]
            assert sid not in reserved and sid in pool
            assert [t["text"] for t in conv["turns"]] == [t["text"] for t in imp.turns(pool[sid])]
            seen += 1
    assert seen >= 400


def test_the_importer_refuses_the_reserved_dialogues_and_derives_labels():
    imp = _module("import_stc3_labels")
    assert imp.STC3.exists(), "../shared/data/stc3_customer_helpdesk is needed (the real data beside the repository)"
    data = json.loads(imp.STC3.read_text("utf-8"))
    answered = next(d for d in data[:-imp.RESERVED] if len(imp.turns(d)) >= 3
                    and imp.turns(d)[1]["speaker"] == "agent")
    sid = str(answered["id"])
    convs, errors = imp.build([{"id": str(data[-1]["id"]), "next_steps": "na", "first_contact_resolution": "na"}], "r0")
    assert convs == [] and "reserved" in errors[0]
    lab = {"id": sid, "next_steps": "not_met", "first_contact_resolution": "not_met",
           "tags": {"1": ["empathy-", "gratitude+", "next_steps-", "first_contact_resolution-"]}}
    convs, errors = imp.build([lab], "r0")
    assert errors == []
    labels = convs[0]["labels"]
    assert (labels["empathy"], labels["gratitude"], labels["ownership"], labels["greeting"]) == \
        ("not_met", "met", "met", "not_met")
    _, errors = imp.build([dict(lab, tags={"99": ["empathy+"]})], "r0")
    assert "out of range" in errors[0]
    _, errors = imp.build([dict(lab, first_contact_resolution="met")], "r0")  # met needs a + tag
    assert any("first_contact_resolution is met" in e for e in errors)
