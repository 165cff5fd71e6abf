#!/usr/bin/env python3
"""Redaction of seeded identifiers (#12): how many leak through `coach export transcript`.

Copies conversations into a throw-away folder with one extra customer turn per identifier —
Finnish identity codes, card numbers, IBANs, phone numbers in several formats, e-mail addresses
(also read aloud in English and Finnish) and digit runs, freshly generated for each conversation
— imports the copies, exports every transcript as the CLI does (redacted by default) and counts,
per kind, the identifiers of which any part is still readable in the export.

  .venv/bin/python bench/redaction.py [FOLDER ...]   # default: ../shared/eval and tests/data/scoring
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
EN_DIGITS = "zero one two three four five six seven eight nine".split()
FI_DIGITS = "nolla yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän".split()


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _luhn_complete(body: str) -> str:
    total = 0
    for i, d in enumerate(reversed(body)):
        k = int(d) * (2 if i % 2 == 0 else 1)
        total += k - 9 if k > 9 else k
    return body + str((10 - total % 10) % 10)


def _hetu(rng: random.Random, wrong: bool = False) -> str:
    dd, mm, yy, nnn = rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 99), rng.randint(2, 899)
    date = f"{dd:02d}{mm:02d}{yy:02d}"
    check = _HETU_CHECK[int(f"{date}{nnn:03d}") % 31]
    if wrong:
        check = rng.choice([c for c in _HETU_CHECK if c != check])
    return f"{date}{rng.choice('-A')}{nnn:03d}{check}"


def _iban(rng: random.Random) -> str:
    bban = _digits(rng, 14)
    check = 98 - int(bban + "151800") % 97  # FI = 15 18, check digits 00
    raw = f"FI{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def _grouped(number: str) -> str:
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def _name(rng: random.Random) -> str:
    return rng.choice(["mira", "olli", "jade", "tomas", "kaisa", "reuben"]) + rng.choice([".", "_", ""]) + \
        rng.choice(["virta", "okoro", "lind", "haapala", "brook"])


KINDS = {  # kind -> identifier from a random source
    "henkilötunnus": lambda r: _hetu(r),
    "henkilötunnus (wrong check)": lambda r: _hetu(r, wrong=True),
    "card (Luhn, grouped)": lambda r: _grouped(_luhn_complete("4" + _digits(r, 14))),
    "card (Luhn, plain)": lambda r: _luhn_complete("5" + _digits(r, 14)),
    "card (no Luhn, grouped)": lambda r: _grouped((lambda b: b[:-1] + str((int(b[-1]) + 1) % 10))(
        _luhn_complete("4" + _digits(r, 14)))),
    "IBAN": _iban,
    "phone (040 …)": lambda r: f"04{r.randint(0, 9)} {_digits(r, 3)} {_digits(r, 4)}",
    "phone (+358 …)": lambda r: f"+358 4{r.randint(0, 9)} {_digits(r, 3)} {_digits(r, 4)}",
    "phone (plus 44 …)": lambda r: f"plus 44 20 {_digits(r, 4)} {_digits(r, 4)}",
    "phone ((040) …)": lambda r: f"(04{r.randint(0, 9)}) {_digits(r, 3)} {_digits(r, 4)}",
    "phone (555-…)": lambda r: f"{r.randint(200, 999)}-{_digits(r, 3)}-{_digits(r, 4)}",
    "e-mail": lambda r: f"{_name(r)}@{r.choice(['mailbox', 'posti', 'kotiverkko'])}.{r.choice(['fi', 'com', 'net'])}",
    "e-mail (spoken, en)": lambda r: f"{_name(r).replace('.', ' dot ')} at {r.choice(['mailbox', 'homenet'])} dot "
                                     f"{r.choice(['com', 'co dot uk'])}",
    "e-mail (spoken, fi)": lambda r: f"{_name(r).replace('.', ' piste ')} ät {r.choice(['posti', 'kotiverkko'])} piste fi",
    "digit run (hyphens)": lambda r: "-".join(_digits(r, r.randint(8, 14))),
    "digit run (spaces)": lambda r: " ".join(_digits(r, r.randint(8, 12))),
    "digit run (spoken, en)": lambda r: " ".join(EN_DIGITS[int(d)] for d in _digits(r, r.randint(7, 10))),
    "digit run (spoken, fi)": lambda r: " ".join(FI_DIGITS[int(d)] for d in _digits(r, r.randint(7, 10))),
}
TEMPLATE = {"en": "For the record, the customer reference is {} and that is all.",
            "fi": "Merkitsen muistiin: asiakkaan tunniste on {} ja siinä kaikki."}
_STOP = {"dot", "piste", "plus", "at", "ät", *EN_DIGITS, *FI_DIGITS}


def leaked(ident: str, line: str) -> bool:
    """Any readable part of ``ident`` left in ``line``: itself, a run of 3+ digits, a word of 4+
    letters that is not 'dot'/'piste'/a digit word, or three of its words in a row."""
    if ident in line:
        return True
    parts = [p for p in re.findall(r"\d{3,}|[^\W\d_]{4,}", ident) if p.lower() not in _STOP]
    if any(re.search(rf"(?<![\w]){re.escape(p)}(?![\w])", line) or (p.isdigit() and p in re.sub(r"\D", "", line))
           for p in parts):
        return True
    words = ident.split()
    return any(" ".join(words[i:i + 3]) in line for i in range(len(words) - 2)) if len(words) >= 3 else False


def seed(src: Path, dest: Path, rng: random.Random) -> list[tuple[str, str, str]]:
    """A copy of ``src`` with one seeded turn per kind; (kind, identifier, marker sentence)."""
    data = json.loads(src.read_text("utf-8"))
    lang = data.get("language") or "en"
    end = max((float(s["end"]) for s in data["segments"]), default=0.0)
    seeded = []
    for i, (kind, make) in enumerate(KINDS.items()):
        ident = make(rng)
        text = TEMPLATE.get(lang, TEMPLATE["en"]).format(ident)
        t = end + 1 + 3 * i
        data["segments"].append({"speaker": "customer", "start": t, "end": t + 2, "text": text})
        seeded.append((kind, ident, TEMPLATE.get(lang, TEMPLATE["en"]).split("{}")[0]))
    dest.write_text(json.dumps({k: data[k] for k in ("language", "channel", "segments") if k in data},
                               ensure_ascii=False), "utf-8")
    return seeded


def _coach(ws: Path, *args: str) -> tuple[int, str, str]:
    from coach_app.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(["--workspace", str(ws), *args])
    return rc, out.getvalue(), err.getvalue()


def measure(folder: Path, seed_value: int = 12) -> tuple[Counter, Counter, int]:
    """(seeded per kind, leaked per kind, conversations) for the transcripts in ``folder``."""
    rng = random.Random(seed_value)
    seeded_n, leaked_n = Counter(), Counter()
    sources = sorted(p for p in folder.glob("*.json") if "segments" in p.read_text("utf-8"))
    with tempfile.TemporaryDirectory(prefix="coach-redaction-") as tmp:
        tmp_path, ws = Path(tmp), Path(tmp) / "ws"
        plan = {}
        for src in sources:
            copy = tmp_path / "in" / src.name
            copy.parent.mkdir(exist_ok=True)
            plan[copy.name] = seed(src, copy, rng)
        rc, out, err = _coach(ws, "import", str(tmp_path / "in"))
        assert rc == 0, err
        for m in re.finditer(r"imported: #(\d+) (\S+)", out):
            iid, name = m.group(1), Path(m.group(2)).name
            target = tmp_path / "out" / f"{iid}.txt"
            rc, _, err = _coach(ws, "export", "transcript", iid, str(target))
            assert rc == 0, err
            lines = target.read_text("utf-8").splitlines()
            for kind, ident, marker in plan[name]:
                seeded_n[kind] += 1
                mine = [ln for ln in lines if marker.strip() in ln]
                # the seeded turns in order: the k-th marker line is the k-th kind
                line = mine[list(KINDS).index(kind)] if len(mine) == len(KINDS) else "\n".join(lines)
                line = line[line.find(marker.strip()):]  # the turn's text, not its [m:ss] time
                leaked_n[kind] += leaked(ident, line)
    return seeded_n, leaked_n, len(sources)


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [p for p in (ROOT.parent / "shared" / "eval", ROOT / "tests" / "data" / "scoring")
                                          if p.is_dir()]
    results = [(f, *measure(f)) for f in folders]
    print(f"{'kind':30}" + "".join(f"{f.parent.name + '/' + f.name:>28}" for f, *_ in results))
    for kind in KINDS:
        print(f"{kind:30}" + "".join(f"{f'{s[kind]} seeded / {lk[kind]} leaked':>28}" for _, s, lk, _ in results))
    print(f"{'all':30}" + "".join(f"{f'{sum(s.values())} seeded / {sum(lk.values())} leaked':>28}"
                                  for _, s, lk, _ in results))
    print("conversations: " + ", ".join(f"{f.name} {n}" for f, _, _, n in results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
