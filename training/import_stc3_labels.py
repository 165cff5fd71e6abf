#!/usr/bin/env python3
"""Turns our labels of real STC-3 helpdesk dialogues into a training-corpus file (SPEC.md).

The dialogues are real (NTCIR-14 STC-3, English translations of Weibo customer-helpdesk
exchanges, CC BY 4.0, ../shared/data/stc3_customer_helpdesk); the tags and labels are ours,
given by the rules in SPEC.md. A label file is a JSON list of
{"id": STC-3 id, "informational": bool, "next_steps": "met|not_met|na",
 "first_contact_resolution": "met|not_met|na", "tags": {"<turn>": ["empathy+", ...]}}
where <turn> counts the dialogue's non-empty turns from 0 (as `turns` prints them). The other
labels follow from the tags (SPEC.md). The reserved last 400 dialogues are refused; a post the
helpdesk never answered is left out.

  python3 training/import_stc3_labels.py turns ID...            # print dialogues to label
  python3 training/import_stc3_labels.py build LABELS.json OUT.json --writer r1
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STC3 = ROOT.parent / "shared" / "data" / "stc3_customer_helpdesk" / "train_data_en.json"
RESERVED = 400  # coach_app.core.semantic.corpus.STC3_RESERVED (this script runs without the app)
sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_corpus import problems, tag_labels  # noqa: E402


def trainable() -> dict[str, dict]:
    data = json.loads(STC3.read_text("utf-8"))
    return {str(d["id"]): d for d in data[:-RESERVED]}


def turns(d: dict) -> list[dict]:
    out = []
    for t in d["turns"]:
        text = " ".join(u.strip() for u in t["utterances"] if u.strip())
        if text:
            out.append({"speaker": "customer" if t["sender"] == "customer" else "agent", "text": text})
    return out


def build(labels: list[dict], writer: str) -> tuple[list[dict], list[str]]:
    pool = trainable()
    convs, errors = [], []
    for lab in labels:
        sid = str(lab["id"])
        if sid not in pool:
            errors.append(f"{sid}: not among the trainable STC-3 dialogues (reserved or unknown)")
            continue
        ts = turns(pool[sid])
        if len(ts) < 2 or "agent" not in {t["speaker"] for t in ts}:
            continue  # a post nobody answered: nothing of the agent's to learn from
        tags = {int(k): list(v) for k, v in (lab.get("tags") or {}).items()}
        if any(k >= len(ts) or k < 0 for k in tags):
            errors.append(f"{sid}: a tagged turn number is out of range (0..{len(ts) - 1})")
            continue
        for i, t in enumerate(ts):
            if tags.get(i):
                t["tags"] = sorted(set(tags[i]))
        agent_idx = [i for i, t in enumerate(ts) if t["speaker"] == "agent"]
        by_tag: dict[str, list[int]] = {}
        for i, names in tags.items():
            for name in names:
                by_tag.setdefault(name, []).append(i)
        conv = {"id": f"{writer}-stc3-{sid}", "language": "en", "channel": "chat",
                "domain": "real helpdesk (STC-3, CC BY 4.0)", "register": "written-formal",
                "quality": "real", "informational": bool(lab.get("informational")),
                "labels": dict(tag_labels(by_tag, agent_idx), next_steps=lab.get("next_steps"),
                               first_contact_resolution=lab.get("first_contact_resolution")),
                "turns": ts}
        errors += problems(conv)
        convs.append(conv)
    return convs, errors


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("turns")
    t.add_argument("ids", nargs="+")
    b = sub.add_parser("build")
    b.add_argument("labels")
    b.add_argument("out")
    b.add_argument("--writer", required=True)
    a = ap.parse_args()
    if a.cmd == "turns":
        pool = trainable()
        for sid in a.ids:
            print(f"== {sid}")
            for i, turn in enumerate(turns(pool[sid])):
                print(f"[{i}] {turn['speaker']}: {turn['text']}")
        return 0
    convs, errors = build(json.loads(Path(a.labels).read_text("utf-8")), a.writer)
    for e in errors:
        print(e)
    if errors:
        return 1
    Path(a.out).write_text(json.dumps(convs, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {a.out}: {len(convs)} dialogues")
    return 0


if __name__ == "__main__":
    sys.exit(main())
