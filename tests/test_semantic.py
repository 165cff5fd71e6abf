"""The semantic judge: the real embedding model (English and Finnish), the embedding cache kept
in the database, verdicts with probabilities and real evidence, criteria judged by a trainer's
examples, the robustness suite and our own labelled conversations, and `coach train`."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from coach_app.core.rubric import DEFAULT_JUDGE, DEFAULT_RUBRIC, load_rubric, parse_rubric
from coach_app.core.scoring import score_segments
from coach_app.core.semantic.corpus import from_json
from coach_app.core.semantic.embedder import E5Embedder, EmbeddingCache
from coach_app.core.semantic.model import load_model
from coach_app.core.transcript import Segment
from coach_app.errors import CoachError
from tests.conftest import ROOT

ROBUSTNESS = ROOT / "tests" / "data" / "robustness"
SEMANTIC = ("empathy", "active_listening", "honest_promises", "ownership", "next_steps", "first_contact_resolution",
            "gratitude", "follow_up")


@pytest.fixture(scope="module")
def rubric():
    return load_rubric(DEFAULT_RUBRIC)


@pytest.fixture(scope="module")
def e5():
    return EmbeddingCache(E5Embedder())


@pytest.mark.real_model
@pytest.mark.parametrize("anchor, paraphrase, distractor", [
    ("I'm so sorry, that sounds really stressful.", "What an awful week you've had with this.",
     "Your parcel is at the depot."),
    ("Olen todella pahoillani, kuulostaa raskaalta.", "Onpa teillä ollut kurja viikko tämän kanssa.",
     "Paketti on noutopisteessä."),
])
def test_real_embedding_model_ranks_paraphrase_above_distractor(e5, anchor, paraphrase, distractor):
    V = e5.vectors([anchor, paraphrase, distractor])
    assert V.shape == (3, 384) and np.allclose(np.linalg.norm(V, axis=1), 1.0, atol=1e-3)
    assert V[0] @ V[1] > V[0] @ V[2]


def test_cache_embeds_each_text_once():
    class Counting:
        model_id, dim = "fake", 4

        def __init__(self):
            self.seen = []

        def embed(self, texts):
            self.seen += list(texts)
            return np.asarray([[len(t), 1, 0, 0] for t in texts], np.float32)

    store = {}

    class Store:
        def get_many(self, model_id, keys):
            return {k: store[k] for k in keys if k in store}

        def put_many(self, model_id, items):
            store.update(items)

    emb = Counting()
    cache = EmbeddingCache(emb, Store())
    cache.vectors(["a", "bb", "a"])
    assert emb.seen == ["a", "bb"] and cache.computed == 2
    fresh = EmbeddingCache(emb, Store())  # a new process: answered from the store
    assert fresh.vectors(["bb"])[0][0] == 2 and emb.seen == ["a", "bb"]


@pytest.mark.real_model
def test_scoring_stores_embeddings_and_rescoring_embeds_nothing(workspace, engine):
    from sqlmodel import Session, select

    from coach_app.db.models import CriterionResult, UtteranceEmbedding
    from coach_app.services.embeddings import DatabaseVectorStore
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import resolve_rubric
    from coach_app.services.transcripts import load_segments

    iid = import_file(workspace, engine, ROOT / "tests" / "data" / "scoring" / "own-en-001.json", agent="Priya").interaction.id
    version, rubric = resolve_rubric(engine, None)
    ev, _ = score_interaction(engine, iid, version, rubric)
    with Session(engine) as s:
        assert len(s.exec(select(UtteranceEmbedding)).all()) >= 8
        confs = {r.criterion_id: r.confidence for r in s.exec(select(CriterionResult).where(
            CriterionResult.evaluation_id == ev.id))}
    assert all(0 < confs[c] <= 1 for c in SEMANTIC) and confs["greeting"] is None
    # as a new process would: nothing in memory, only the database remembers
    fresh = EmbeddingCache(E5Embedder(), DatabaseVectorStore(engine))
    with Session(engine) as session:
        segments = load_segments(session, iid)
    score_segments(segments, rubric, "en", "phone", embeddings=fresh)
    assert fresh.computed == 0


def _fake_cache():
    """Vectors from keywords (deterministic, no model): enough to test the plumbing."""
    words = ["refund", "parcel", "weather", "sorry"]

    class Keywords:
        model_id, dim = "keywords", 4

        def embed(self, texts):
            V = np.asarray([[w in t.lower() for w in words] for t in texts], np.float32) + 1e-3
            return V / np.linalg.norm(V, axis=1, keepdims=True)

    return EmbeddingCache(Keywords())


def test_a_new_criterion_is_judged_by_its_examples():
    text = """id: trainer-made
name: {en: Trainer's rubric, fi: Kouluttajan lomake}
version: "1"
languages: [en, fi]
sections:
  - id: all
    title: {en: All, fi: Kaikki}
    criteria:
      - id: refund_offer
        title: {en: Refund offer, fi: Hyvitystarjous}
        description: {en: Offers a refund., fi: Tarjoaa hyvitystä.}
        detector: {kind: semantic}
        examples:
          en: {met: ["We will refund it"], not_met: ["Nice weather today"]}
          fi: {met: ["Hyvitämme sen, refund"], not_met: ["Hieno sää, weather"]}
"""
    rubric = parse_rubric(text, "custom.yaml")
    segs = [Segment("customer", 0, 2000, "Where is my parcel?"), Segment("agent", 3000, 6000, "Right, I'll refund that for you.")]
    res = score_segments(segs, rubric, "en", "phone", embeddings=_fake_cache())
    s = next(x for x in res.scores if x.criterion.id == "refund_offer")
    assert s.status == "met" and s.evidence[0].quote == "Right, I'll refund that for you." and s.confidence > 0.5
    segs[1] = Segment("agent", 3000, 6000, "Lovely weather, isn't it.")
    s = next(x for x in score_segments(segs, rubric, "en", "phone", embeddings=_fake_cache()).scores
             if x.criterion.id == "refund_offer")
    assert s.status == "not_met" and not s.evidence
    bare = parse_rubric(text.replace('          en: {met: ["We will refund it"], not_met: ["Nice weather today"]}\n'
                                     '          fi: {met: ["Hyvitämme sen, refund"], not_met: ["Hieno sää, weather"]}\n', "")
                        .replace("        examples:\n", ""), "bare.yaml")
    with pytest.raises(CoachError, match="no learned head .* no example"):
        score_segments(segs, bare, "en", "phone", embeddings=_fake_cache())


def test_rubric_pins_an_installed_judge_model():
    assert load_model(load_rubric(DEFAULT_RUBRIC).judge).criteria == sorted(SEMANTIC)
    assert load_rubric(DEFAULT_RUBRIC).judge == DEFAULT_JUDGE  # `coach train` writes DEFAULT_JUDGE by default
    with pytest.raises(CoachError, match="judge model 'judge-0' is not installed"):
        load_model("judge-0")


def _suite():
    for f in sorted(ROBUSTNESS.glob("pairs-*.json")):
        for pair in json.loads(f.read_text("utf-8")):
            yield pair


@pytest.mark.real_model
def test_real_judge_on_the_robustness_suite_and_own_conversations(rubric):
    """Every conversation of the robustness suite (both sides of each pair) and our labelled
    ones, all semantic criteria: agreement with the labels well above what phrase lists reach on
    such text, and every evidence quote a real utterance of its speaker."""

    convs = [from_json(p[side]) for p in _suite() for side in "ab"]
    convs += [from_json({"id": f.stem, **json.loads(f.read_text("utf-8")), "turns": [
        {"speaker": s["speaker"], "text": s["text"]} for s in json.loads(f.read_text("utf-8"))["segments"]]})
        for f in sorted((ROOT / "tests" / "data" / "scoring").glob("own-*.json"))]
    agree = total = 0
    for c in convs:
        res = score_segments(c.segments, rubric, c.language, c.channel)
        texts = {(s.speaker, s.text) for s in c.segments}
        for s in res.scores:
            for e in s.evidence:
                assert (e.speaker, e.quote) in texts
            if s.criterion.id in SEMANTIC and s.criterion.id in c.labels:
                agree += s.status == c.labels[s.criterion.id]
                total += 1
                assert 0.0 < s.confidence <= 1.0
    assert total > 1500 and agree / total >= 0.80, f"{agree}/{total}"


@pytest.mark.real_model
def test_coach_train_writes_a_model_that_scores(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first = sorted((ROOT / "training" / "corpus").glob("w1-*.json"))[0]
    (corpus / "part.json").write_text(first.read_text("utf-8"), "utf-8")
    out = tmp_path / "judge-test.npz"
    # real outcomes in STC-3's format: 6 dialogues to learn from, then the 400 reserved ones,
    # which must never be read (they would flip the head: all "resolved" with failing words)
    def dialogue(i, text, a):
        return {"id": f"d{i}", "turns": [{"sender": "customer", "utterances": ["my card does not work"]},
                                         {"sender": "helpdesk", "utterances": ["let me look"]},
                                         {"sender": "customer", "utterances": [text]}],
                "annotations": [{"quality": {"A": a, "S": a}}]}
    learn = [dialogue(i, *([("thanks, it works now", 1), ("still broken, useless", -1)][i % 2])) for i in range(6)]
    reserved = [dialogue(100 + i, "still broken, useless", 2) for i in range(400)]
    (tmp_path / "stc.json").write_text(json.dumps(learn + reserved))
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path), "train", "--corpus",
                        str(corpus), "--id", "judge-test", "--out", str(out), "--cache", str(tmp_path / "e.npz"),
                        "--real-outcomes", str(tmp_path / "stc.json")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    from coach_app.core.semantic.model import JudgeModel

    model = JudgeModel.load(out)
    assert model.id == "judge-test" and "empathy+" in model.heads and model.meta["trained_on"]["conversations"] == 10
    assert model.meta["trained_on"]["real_outcomes"] == {"dialogues": 6, "resolved_share": 0.5}  # none reserved
    assert "outcome@conversation" in model.heads
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "train", "--corpus", str(tmp_path / "none")],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and "no training files" in bad.stderr



def test_lexical_heads_read_word_pieces_as_scikit_learn_does(tmp_path):
    """The n-gram rows scored at inference equal scikit-learn's TfidfVectorizer rows (so the
    trained weights mean at scoring what they meant in training), a head learns a telling piece
    the embedding would average away, and the heads survive the model file."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from coach_app.core.semantic import lexical
    from coach_app.core.semantic.model import Aggregator, JudgeModel

    texts = ["Oh, poor you — having to read an email THREE whole times.", "Voi ei, ihan hirveetä   kaks viikkoo",
             "a ok", "Pahoittelen, että tilauksenne viivästyi!"]
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    X = vec.fit_transform(texts).toarray()
    heads = lexical.LexicalHeads({t: int(i) for t, i in vec.vocabulary_.items()}, vec.idf_.astype(np.float32),
                                 ["x"], np.zeros((X.shape[1], 1), np.float32), np.zeros(1, np.float32))
    for r, t in enumerate(texts):
        idx, val = heads.terms(t)
        row = np.zeros(X.shape[1])
        row[idx] = val
        assert np.allclose(row, X[r], atol=1e-6)

    rng = np.random.default_rng(0)
    fillers = ["the parcel", "your order", "the invoice", "this week", "the router", "my account"]
    train = [f"{'poor you, ' if k % 2 else ''}about {fillers[k % 6]} number {rng.integers(99)}" for k in range(200)]
    y = np.asarray([[k % 2] for k in range(200)])
    fitted = lexical.fit(train, y, ["empathy-"], C=1.0, min_df=2)
    p = fitted.logits(["oh poor you about the fridge", "about the fridge"])[:, 0]
    assert p[0] > 0 > p[1], p
    assert np.array_equal(fitted.logits(["about the fridge"])[:, 0], p[1:])  # the second time from the memo

    model = JudgeModel("judge-x", "e5", {"empathy-": (np.zeros(4, np.float32), 0.0)},
                       {"empathy": Aggregator(["met", "not_met"], np.zeros((2, 3), np.float32), np.zeros(2, np.float32))},
                       {"lexical_share": 0.5}, {"agent": fitted})
    model.save(tmp_path / "m.npz")
    back = JudgeModel.load(tmp_path / "m.npz")
    got = back.head_probs(np.zeros((2, 4), np.float32), ["empathy-"], ["oh poor you about the fridge", "about the fridge"])
    assert np.allclose(got["empathy-"], 0.5 * 0.5 + 0.5 / (1 + np.exp(-p)), atol=1e-5)
    # without the texts, or in a model without n-gram heads (judge-1 to judge-3), the embedding head alone
    assert np.allclose(back.head_probs(np.zeros((2, 4), np.float32), ["empathy-"])["empathy-"], 0.5)
    plain = JudgeModel("judge-y", "e5", model.heads, model.aggregators)
    plain.save(tmp_path / "p.npz")
    assert JudgeModel.load(tmp_path / "p.npz").lexical == {}
