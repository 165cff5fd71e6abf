#!/usr/bin/env python3
"""Scoring accuracy, in one run, for the semantic judge and for the earlier phrase rules:

1. the dev set (../shared/eval, 30 en + 30 fi): agreement per criterion and language. The judge
   is trained on training/corpus only, so the whole dev set is held out (stricter than the
   grouped cross-validation the data discipline allows; nothing is tuned on it);
2. STC-3 (the reserved last 400 dialogues of train_data_en.json): first_contact_resolution
   P(met) vs the annotators' task accomplishment (mean A > 0) as AUC, and the total vs mean
   satisfaction S as Spearman rho, each with a bootstrap 95 % interval, beside the dialogue-length
   baseline;
3. MAIA-DQE (176 chats, CC BY-ND, measured only): total vs task success (rho), empathy P(met) vs
   "an agent sentence is labelled empathy" (AUC), beside the length baseline;
4. the robustness suite (tests/data/robustness): pairs that differ by a paraphrase (verdict
   must stay) or by a meaning change (verdict must flip).

The earlier rules are the rubric as it was at commit 119b012 (phrase lists over Snowball stems),
read from git and run with Snowball alone, exactly as they scored then.

  .venv/bin/python bench/accuracy.py [--errors] [--only semantic|rules] [--boot 1000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict

import numpy as np
from _common import ROOT, SHARED
from _realdata import maia, stc3_reserved

from coach_app.core import text
from coach_app.core.formats import read_transcript_file
from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric, parse_rubric
from coach_app.core.scoring import score_segments
from coach_app.core.semantic.corpus import from_json
from coach_app.core.semantic.embedder import E5Embedder, EmbeddingCache, NpzStore

OLD_RULES_COMMIT = "119b012"
ROBUSTNESS = ROOT / "tests" / "data" / "robustness"


def old_rubric():
    src = subprocess.run(["git", "-C", str(ROOT), "show", f"{OLD_RULES_COMMIT}:rubrics/customer-encounter-model.yaml"],
                         capture_output=True, text=True, check=True).stdout
    # the one old pattern RE2 cannot take as written (a \b before "any character"): the same
    # condition spelt out — a non-word character after the word
    src = src.replace(r"(our|we|my)\\b.{0,30}", r"(our|we|my)\\W.{0,29}")
    return parse_rubric(src, f"{OLD_RULES_COMMIT}:rubrics/customer-encounter-model.yaml")


def p_met(score) -> float:
    if score.probabilities:
        return score.probabilities.get("met", 0.0)
    return {"met": 1.0, "na": 0.5}.get(score.status, 0.0)


def auc(y, s) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, s))


def rho(x, y) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


def boot(fn, *cols, n=1000, seed=0) -> tuple[float, float, float]:
    rng = np.random.default_rng(seed)
    cols = [np.asarray(c, float) for c in cols]
    k = len(cols[0])
    vals = []
    for _ in range(n):
        idx = rng.integers(0, k, k)
        sample = [c[idx] for c in cols]
        if len(set(sample[0])) < 2:
            continue
        vals.append(fn(*sample))
    return fn(*cols), float(np.percentile(vals, 2.5)), float(np.percentile(vals, 97.5))


def fmt(t) -> str:
    return f"{t[0]:.3f} [{t[1]:.3f}, {t[2]:.3f}]"


class Scorer:
    def __init__(self, name, rubric, cache):
        self.name, self.rubric, self.cache = name, rubric, cache

    def __call__(self, segments, lang, channel):
        return score_segments(segments, self.rubric, lang, channel, embeddings=self.cache)


def dev_set(scorer, errors: bool) -> dict:
    stats = defaultdict(lambda: [0, 0, 0])
    for f in sorted((SHARED / "eval").glob("dev-*.json")):
        labels = json.loads(f.read_text("utf-8"))["labels"]
        t = read_transcript_file(f)
        res = scorer(t.segments, t.language, t.channel_type)
        for s in res.scores:
            cid = s.criterion.id
            if cid in labels:
                ok = labels[cid] == s.status
                for key in ((cid, res.language), ("ALL", res.language)):
                    stats[key][0] += ok
                    stats[key][1] += 1
                if errors and not ok:
                    q = s.evidence[0].quote[:90] if s.evidence else ""
                    print(f"  {scorer.name} {f.stem} {cid}: label {labels[cid]}, got {s.status} "
                          f"(conf {s.confidence}) {q}")
    return {k: v[0] / v[1] for k, v in stats.items()}


def real_data(scorer, n_boot: int) -> dict:
    out = {}
    stc = stc3_reserved()
    fcr, tot, A, S, L = [], [], [], [], []
    for d in stc:
        res = scorer(d.segments, "en", "chat")
        s = next(x for x in res.scores if x.criterion.id == "first_contact_resolution")
        fcr.append(p_met(s))
        tot.append(res.total if res.total is not None else 50.0)
        A.append(d.target["A"] > 0)
        S.append(d.target["S"])
        L.append(d.words)
    out["stc3_fcr_auc"] = boot(auc, A, fcr, n=n_boot)
    out["stc3_total_rho"] = boot(rho, S, tot, n=n_boot)
    out["stc3_len_auc"] = boot(auc, A, L, n=n_boot)
    out["stc3_len_rho"] = boot(rho, S, L, n=n_boot)
    out["stc3_fcr_met_share"] = float(np.mean([p >= 0.5 for p in fcr]))
    ts, tot, Lts, emp, E, L = [], [], [], [], [], []
    for d in maia():
        res = scorer(d.segments, "en", "chat")
        s = next(x for x in res.scores if x.criterion.id == "empathy")
        emp.append(p_met(s))
        E.append(d.target["empathy"])
        L.append(d.words)
        if d.target["task_success"] not in (None, -1):
            ts.append(d.target["task_success"])
            tot.append(res.total if res.total is not None else 50.0)
            Lts.append(d.words)
    out["maia_total_rho"] = boot(rho, ts, tot, n=n_boot)
    out["maia_len_rho"] = boot(rho, ts, Lts, n=n_boot)
    out["maia_empathy_auc"] = boot(auc, E, emp, n=n_boot)
    out["maia_len_empathy_auc"] = boot(auc, E, L, n=n_boot)
    return out


def robustness(scorer) -> dict:
    stats = defaultdict(lambda: [0, 0, 0])
    for f in sorted(ROBUSTNESS.glob("pairs-*.json")):
        lang = f.stem.split("-")[1]
        for pair in json.loads(f.read_text("utf-8")):
            cid = pair["criterion"]
            got, got_res = [], []
            for side in ("a", "b"):
                conv = from_json(pair[side])
                res = scorer(conv.segments, conv.language, conv.channel)
                got_res.append(res)
                got.append(next(s.status for s in res.scores if s.criterion.id == cid))
            want = [pair["a"]["labels"][cid], pair["b"]["labels"][cid]]
            ok = got == want
            # "moved the right way": a paraphrase keeps its verdict; a meaning change moves
            # P(met) in the direction of the labels (a verdict need not cross the line)
            if want[0] == want[1]:
                moved = got[0] == got[1]
            else:
                p = [p_met(next(s for s in r.scores if s.criterion.id == cid)) for r in got_res]
                moved = (p[1] - p[0]) * ((want[1] == "met") - (want[0] == "met")) > 0
            for key in ((lang, pair["kind"]), (lang, "ALL")):
                stats[key][0] += ok
                stats[key][1] += 1
                stats[key][2] += moved
    return {k: tuple(v) for k, v in stats.items()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true", help="list dev-set disagreements")
    ap.add_argument("--only", choices=["semantic", "rules"])
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--judge", help="model id in coach_app/core/semantic/models to use instead of the rubric's")
    a = ap.parse_args()
    store = NpzStore(ROOT / ".cache" / "embeddings.npz")
    cache = EmbeddingCache(E5Embedder(), store)
    results = {}
    for name in ("semantic", "rules"):
        if a.only and a.only != name:
            continue
        if name == "rules":
            text.use_voikko(False)
            rubric = old_rubric()
        else:
            rubric = load_rubric(DEFAULT_RUBRIC)
            if a.judge:
                rubric = rubric.model_copy(update={"judge": a.judge})
        sc = Scorer(name, rubric, cache)
        results[name] = {"dev": dev_set(sc, a.errors), "real": real_data(sc, a.boot),
                         "robust": robustness(sc) if ROBUSTNESS.is_dir() else {}}
        store.save()
        if name == "rules":
            text.use_voikko(True)
    names = list(results)
    print("\n== dev set (../shared/eval; never trained on) ==")
    crits = sorted({k[0] for r in results.values() for k in r["dev"]}, key=lambda c: (c == "ALL", c))
    print(f"{'criterion':28}" + "".join(f"{n + ' ' + l:>14}" for n in names for l in ("en", "fi")))
    for cid in crits:
        print(f"{cid:28}" + "".join(f"{results[n]['dev'].get((cid, l), float('nan')):14.1%}" for n in names for l in ("en", "fi")))
    print("\n== real data (bootstrap 95 % intervals) ==")
    keys = ["stc3_fcr_auc", "stc3_len_auc", "stc3_total_rho", "stc3_len_rho", "stc3_fcr_met_share",
            "maia_total_rho", "maia_len_rho", "maia_empathy_auc", "maia_len_empathy_auc"]
    for k in keys:
        print(f"{k:22}" + "".join(f"  {n}: {fmt(results[n]['real'][k]) if isinstance(results[n]['real'][k], tuple) else format(results[n]['real'][k], '.1%'):26}" for n in names))
    print("\n== robustness suite: pairs whose two verdicts both match their labels; [moved the right way] ==")
    rk = sorted({k for r in results.values() for k in r["robust"]}, key=lambda k: (k[0], k[1] == "ALL", k[1]))
    for k in rk:
        print(f"{k[0]} {k[1]:18}" + "".join(f"  {n}: {results[n]['robust'][k][0]}/{results[n]['robust'][k][1]} "
                                           f"({results[n]['robust'][k][0] / results[n]['robust'][k][1]:.0%}) "
                                           f"[{results[n]['robust'][k][2] / results[n]['robust'][k][1]:.0%}]"
                                           for n in names if k in results[n]["robust"]))
    print(f"\nembeddings computed this run: {cache.computed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
