"""`coach train`: the judge's weights from the training corpus, reproducibly (same corpus,
same embeddings, same solver -> the same file)."""

from __future__ import annotations

import time
from pathlib import Path

from coach_app.errors import CoachError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "training" / "corpus"
DEFAULT_CACHE = ROOT / ".cache" / "embeddings.npz"
#: real helpdesk dialogues with annotated outcomes (STC-3, CC BY; its reserved last 400 are never read)
DEFAULT_REAL = ROOT.parent / "shared" / "data" / "stc3_customer_helpdesk" / "train_data_en.json"


def cmd_train(ctx, args) -> int:
    from coach_app.core.semantic.corpus import load_corpus, stc3_dialogues
    from coach_app.core.semantic.embedder import E5Embedder, EmbeddingCache, NpzStore
    from coach_app.core.rubric import DEFAULT_JUDGE
    from coach_app.core.semantic.model import model_path
    from coach_app.core.semantic.training import featurize, real_outcomes, train

    model_id = args.id or DEFAULT_JUDGE
    out = Path(args.out) if args.out else model_path(model_id)
    if not out.parent.is_dir():
        raise CoachError(f"{out.parent}: folder does not exist")
    t0 = time.perf_counter()
    convs = load_corpus(args.corpus)
    store = NpzStore(args.cache)
    cache = EmbeddingCache(E5Embedder(), store)
    dialogues = []  # read (and refused when bad) before the slow embedding starts
    if args.real_outcomes != "none":
        path = Path(args.real_outcomes)
        if not path.is_file():
            raise CoachError(f"{path}: no such file (give --real-outcomes none to train on the corpus alone)")
        dialogues = stc3_dialogues(path)
    rows = featurize(convs, cache)
    real = real_outcomes(dialogues, cache)
    store.save()
    print(f"{len(convs)} conversations, {sum(len(r.ctx.agent_idx) for r in rows)} agent utterances, "
          f"{len(real)} real dialogues with outcomes ({cache.computed} newly embedded)")
    model = train(rows, model_id, cache.model_id, progress=lambda m: print(f"training: {m}", flush=True), real=real)
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {len(model.heads)} heads, "
          f"{len(model.aggregators)} criteria) in {time.perf_counter() - t0:.1f} s")
    return 0


def add_parser(sub) -> None:
    s = sub.add_parser("train", help="train the semantic judge's weights from the training corpus")
    s.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of training JSON files (training/SPEC.md)")
    # the default is the rubric module's, so a new judge is named in one place (imported when training runs)
    s.add_argument("--id", help="model id a rubric pins with `judge: ID` (default: the judge the default rubric pins)")
    s.add_argument("--out", help="output .npz (default: the shipped models folder, coach_app/core/semantic/models)")
    s.add_argument("--cache", default=str(DEFAULT_CACHE), help="embedding cache file (re-training embeds nothing new)")
    s.add_argument("--real-outcomes", default=str(DEFAULT_REAL) if DEFAULT_REAL.is_file() else "none",
                   metavar="PATH|none", help="STC-3 train_data_en.json for the outcome head (its last 400 dialogues "
                   "are reserved for measurement and never read); default: ../shared's copy when present")
    s.set_defaults(func=cmd_train)
