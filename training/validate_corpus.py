#!/usr/bin/env python3
"""Checks training-corpus files (see SPEC.md): the format, and that every conversation label
follows from its utterance tags. Prints one line per problem; exit 1 when any.

  python3 training/validate_corpus.py training/corpus/*.json
"""

from __future__ import annotations

import json
import sys

CRITERIA = ("greeting", "empathy", "active_listening", "honest_promises", "ownership", "next_steps",
            "first_contact_resolution", "gratitude", "follow_up")
TAGS = {f"{c}{s}" for c in CRITERIA for s in "+-"}
STATUSES = {"met", "not_met", "na"}


#: what each label that the tags decide follows from (SPEC.md)
RULES = {"greeting": "greeting+ on one of the first two agent turns", "empathy": "empathy+",
         "active_listening": "active_listening+ and no active_listening-", "honest_promises": "honest_promises-",
         "ownership": "ownership-", "gratitude": "gratitude+", "follow_up": "follow_up+"}


def tag_labels(tags: dict[str, list[int]], agent_idx: list[int]) -> dict[str, str]:
    """The seven labels the tags decide alone (tag -> turn numbers; the agent turns' numbers)."""
    has = tags.__contains__
    first_two = set(agent_idx[:2])
    return {
        "greeting": "met" if any(i in first_two for i in tags.get("greeting+", [])) else "not_met",
        "empathy": "met" if has("empathy+") else "not_met",
        "active_listening": "met" if has("active_listening+") and not has("active_listening-") else "not_met",
        "honest_promises": "not_met" if has("honest_promises-") else "met",
        "ownership": "not_met" if has("ownership-") else "met",
        "gratitude": "met" if has("gratitude+") else "not_met",
        "follow_up": "met" if has("follow_up+") else "not_met",
    }


def problems(conv: dict) -> list[str]:
    out: list[str] = []
    cid = conv.get("id", "?")
    if conv.get("language") not in ("en", "fi"):
        out.append("language must be en or fi")
    if conv.get("channel") not in ("phone", "chat"):
        out.append("channel must be phone or chat")
    labels = conv.get("labels") or {}
    for c in CRITERIA:
        if labels.get(c) not in STATUSES:
            out.append(f"label {c} missing or not met/not_met/na")
    turns = conv.get("turns") or []
    if len(turns) < 2:
        out.append("fewer than 2 turns")
    tags: dict[str, list[int]] = {}
    agent_idx = [i for i, t in enumerate(turns) if t.get("speaker") == "agent"]
    for i, t in enumerate(turns):
        if t.get("speaker") not in ("agent", "customer"):
            out.append(f"turn {i}: speaker must be agent or customer")
        if not str(t.get("text", "")).strip():
            out.append(f"turn {i}: empty text")
        for tag in t.get("tags", []):
            if tag not in TAGS:
                out.append(f"turn {i}: unknown tag {tag!r}")
                continue
            if t.get("speaker") != "agent" and not tag.startswith("first_contact_resolution"):
                out.append(f"turn {i}: tag {tag} belongs on an agent turn")
            tags.setdefault(tag, []).append(i)
    if out:
        return [f"{cid}: {p}" for p in out]

    def has(tag: str) -> bool:
        return tag in tags

    def want(c: str, status: str, why: str) -> None:
        if labels[c] != status:
            out.append(f"label {c} is {labels[c]} but the tags say {status} ({why})")

    for c, status in tag_labels(tags, agent_idx).items():
        want(c, status, RULES[c])
    if labels["next_steps"] == "met" and not has("next_steps+"):
        out.append("label next_steps is met but no turn is tagged next_steps+")
    if has("next_steps+") and labels["next_steps"] != "met":
        out.append("a turn is tagged next_steps+ but label next_steps is not met")
    fcr = labels["first_contact_resolution"]
    if fcr == "met" and not has("first_contact_resolution+"):
        out.append("label first_contact_resolution is met but no turn is tagged first_contact_resolution+")
    if fcr == "not_met" and not has("first_contact_resolution-"):
        out.append("label first_contact_resolution is not_met but no turn is tagged first_contact_resolution-")
    if conv.get("informational") and fcr != "na":
        out.append("informational: true but first_contact_resolution is not na")
    return [f"{cid}: {p}" for p in out]


def main(paths: list[str]) -> int:
    bad = n = 0
    seen: set[str] = set()
    for p in paths:
        try:
            data = json.load(open(p, encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"{p}: cannot read ({exc})")
            bad += 1
            continue
        if not isinstance(data, list):
            print(f"{p}: must be a JSON list of conversations")
            bad += 1
            continue
        for conv in data:
            n += 1
            if conv.get("id") in seen:
                print(f"{p}: {conv.get('id')}: id used twice")
                bad += 1
            seen.add(conv.get("id"))
            for line in problems(conv):
                print(f"{p}: {line}")
                bad += 1
    print(f"{n} conversations, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
