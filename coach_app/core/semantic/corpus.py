"""The training corpus (training/corpus/*.json, format in training/SPEC.md) as segments with
utterance tags and conversation labels."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from coach_app.core.transcript import Segment
from coach_app.errors import CoachError

WPS = 2.6  # words per second (~156 wpm): phone turns get speaking-pace times


@dataclass
class Labelled:
    id: str
    writer: str
    language: str
    channel: str
    segments: list[Segment]
    tags: list[set[str]]
    labels: dict[str, str]
    informational: bool = False
    meta: dict = field(default_factory=dict)


def timed(turns: list[dict], channel: str) -> list[Segment]:
    out, t = [], 0.0
    for turn in turns:
        text = str(turn["text"]).strip()
        if channel == "chat":  # send times: start == end
            out.append(Segment(turn["speaker"], int(t * 1000), int(t * 1000), text))
            t += 20
        else:
            dur = max(1.2, len(text.split()) / WPS)
            out.append(Segment(turn["speaker"], int(t * 1000), int((t + dur) * 1000), text))
            t += dur + 0.6
    return out


def from_json(conv: dict, writer: str = "") -> Labelled:
    turns = conv["turns"]
    return Labelled(
        id=conv["id"], writer=writer or conv["id"].split("-")[0], language=conv["language"],
        channel=conv["channel"], segments=timed(turns, conv["channel"]),
        tags=[set(t.get("tags", ())) for t in turns], labels=dict(conv.get("labels", {})),
        informational=bool(conv.get("informational")),
        meta={k: conv.get(k) for k in ("domain", "register", "quality")})


def load_corpus(folder: str | Path) -> list[Labelled]:
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise CoachError(f"{folder}: no training files (*.json)")
    out: list[Labelled] = []
    for f in files:
        try:
            data = json.loads(f.read_text("utf-8"))
            out.extend(from_json(c) for c in data)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CoachError(f"{f}: not a training file ({exc})") from None
    return out


#: The last 400 dialogues (file order) of STC-3's train_data_en.json are reserved for
#: measurement (bench/accuracy.py): never trained or tuned on.
STC3_RESERVED = 400


@dataclass
class Outcome:
    """A real dialogue with only a conversation-level outcome: was the customer's matter
    accomplished (STC-3 annotators' mean A > 0)."""

    id: str
    segments: list[Segment]
    resolved: bool


def stc3_dialogues(path: str | Path, reserved: bool = False) -> list[Outcome]:
    """STC-3 customer-helpdesk dialogues (CC BY): by default those we may train on — all but
    the reserved last ``STC3_RESERVED``; ``reserved=True`` gives only those (for measuring)."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        part = data[-STC3_RESERVED:] if reserved else data[:-STC3_RESERVED]
        out = []
        for d in part:
            turns = [{"speaker": "customer" if t["sender"] == "customer" else "agent", "text": " ".join(t["utterances"])}
                     for t in d["turns"]]
            turns = [t for t in turns if t["text"].strip()]
            A = sum(a["quality"]["A"] for a in d["annotations"]) / len(d["annotations"])
            out.append(Outcome(str(d["id"]), timed(turns, "chat"), A > 0))
        return out
    except (OSError, ValueError, KeyError, TypeError, ZeroDivisionError) as exc:
        raise CoachError(f"{path}: not an STC-3 dialogue file ({exc})") from None
