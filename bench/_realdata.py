"""Real labelled dialogues for measuring the scorer (read unmodified from ../shared/data)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from _common import SHARED

from coach_app.core.semantic.corpus import STC3_RESERVED  # the last 400: measurement only, never trained on
from coach_app.core.transcript import Segment

STC3 = SHARED / "data" / "stc3_customer_helpdesk" / "train_data_en.json"
MAIA = SHARED / "data" / "maia_dqe" / "data"


@dataclass
class Dialogue:
    id: str
    segments: list[Segment]
    target: dict  # what the annotators said

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.segments)


def _chat(turns: list[tuple[str, str]]) -> list[Segment]:
    return [Segment(who, k * 20000, k * 20000, text) for k, (who, text) in enumerate(turns) if text.strip()]


def _stc3(d: dict) -> Dialogue:
    turns = [("customer" if t["sender"] == "customer" else "agent", " ".join(t["utterances"])) for t in d["turns"]]
    A = sum(a["quality"]["A"] for a in d["annotations"]) / len(d["annotations"])
    S = sum(a["quality"]["S"] for a in d["annotations"]) / len(d["annotations"])
    return Dialogue(d["id"], _chat(turns), {"A": A, "S": S})


def stc3_reserved() -> list[Dialogue]:
    """The last 400 dialogues: measurement only."""
    return [_stc3(d) for d in json.loads(STC3.read_text("utf-8"))[-STC3_RESERVED:]]


def stc3_trainable() -> list[Dialogue]:
    """Every dialogue before the reserved 400 (what training may read)."""
    return [_stc3(d) for d in json.loads(STC3.read_text("utf-8"))[:-STC3_RESERVED]]


def maia() -> list[Dialogue]:
    out = []
    for f in sorted(MAIA.glob("*.json")):
        for d in json.loads(f.read_text("utf-8")):
            turns, empathy = [], False
            for t in d["turns"]:
                agent = t["floor"] == "outbound"
                # agents write English (text_src); customers German/Portuguese, read in its English MT
                turns.append(("agent" if agent else "customer", " ".join(t["text_src"] if agent else t["text_mt"])))
                empathy |= agent and 0 in (t.get("Emotion") or [])
            out.append(Dialogue(d["id"], _chat(turns), {"task_success": d["dialog"].get("Task Sucess"),
                                                        "empathy": empathy}))
    return out
