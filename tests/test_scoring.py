"""Automatic scoring: detectors in English and Finnish (inflection, negation, sarcasm), timing
metrics, totals, rubric validation, the score CLI and stored evaluations."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlmodel import Session, select

from coach_app.core.rubric import DEFAULT_RUBRIC, RubricError, load_rubric, parse_rubric
from coach_app.core.scoring import score_segments
from coach_app.core.transcript import Segment
from tests.conftest import ROOT, SHARED


@pytest.fixture(scope="module")
def rubric():
    return load_rubric(DEFAULT_RUBRIC)


@pytest.fixture(scope="module")
def rules():
    """Phrase-list criteria (the default rubric judges these four by meaning: test_semantic.py)."""
    return load_rubric(ROOT / "tests" / "data" / "rubrics" / "phrase-rules.yaml")


def conv(*turns, gap=1.0):
    """Segments from (speaker, text[, duration]) with natural gaps; times in ms."""
    out, t = [], 0.0
    for turn in turns:
        speaker, text = turn[0], turn[1]
        dur = turn[2] if len(turn) > 2 else max(1.5, len(text.split()) / 2.6)  # ~156 wpm
        out.append(Segment(speaker, int(t * 1000), int((t + dur) * 1000), text))
        t += dur + gap
    return out


def status(rubric, segments, lang, cid, channel="phone"):
    res = score_segments(segments, rubric, lang, channel)
    return next(s for s in res.scores if s.criterion.id == cid)


def test_default_rubric_has_the_14_criteria_of_the_model(rubric):
    ids = [c.id for c in rubric.criteria]
    assert ids == ["greeting", "empathy", "active_listening", "honest_promises", "ownership", "first_contact_resolution",
                   "hold_etiquette", "no_interruptions", "clear_communication", "next_steps", "gratitude", "follow_up",
                   "product_knowledge", "exceeds_expectations"]
    model = (SHARED / "customer-encounter-model.md")
    if model.exists():
        for cid in ids:
            assert f"`{cid}`" in model.read_text("utf-8")
    for c in rubric.criteria:
        assert c.title["en"] and c.title["fi"] and c.tips["en"] and c.tips["fi"]
    assert {c.id for c in rubric.criteria if c.scoring == "person"} == {"product_knowledge", "exceeds_expectations"}


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Oh no, I completely understand how annoying that must be.", "met"),
    ("en", "I don't understand why you're getting so worked up.", "not_met"),  # negated
    ("fi", "Ymmärrän hyvin, että tilanne on harmillinen.", "met"),
    ("fi", "Ymmärrettävästi ärsyttää, kun laskussa on jotain outoa.", "met"),  # inflected form
    ("fi", "En ymmärrä miksi te soitatte tästä.", "not_met"),  # negated in Finnish
    ("fi", "Selvä. Asiakasnumero?", "not_met"),
])
def test_empathy_with_negation_and_inflection(rules, lang, text, expected):
    segs = conv(("customer", "My bill is wrong again." if lang == "en" else "Laskussa on taas virhe."), ("agent", text))
    assert status(rules, segs, lang, "empathy").status == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Thanks a lot for shouting at me.", "not_met"),  # sarcasm
    ("en", "Thank you for calling Northwave.", "met"),
    ("fi", "Kiitos vaan että huusitte.", "not_met"),
    ("fi", "Kiitoksia soitostanne ja hyvää päivänjatkoa.", "met"),  # inflected
])
def test_gratitude_ignores_sarcasm(rules, lang, text, expected):
    s = status(rules, conv(("customer", "Hello"), ("agent", text)), lang, "gratitude")
    assert s.status == expected
    if expected == "met":
        assert s.evidence and s.evidence[0].quote == text and "0:" in s.rationale


def test_greeting_needs_name_and_offer_of_help_within_30_s(rubric):
    good = conv(("agent", "Good morning, you're through to Northwave Broadband, Kelly speaking, how can I help?"))
    assert status(rubric, good, "en", "greeting").status == "met"
    no_name = conv(("agent", "Hi there, how can I help?"))
    s = status(rubric, no_name, "en", "greeting")
    assert s.status == "not_met" and "name" in s.rationale
    late = [Segment("agent", 40000, 44000, "Hello, Mikko at Harbour Insurance, how can I help?")]
    assert status(rubric, late, "en", "greeting").status == "not_met"
    fi = conv(("agent", "Moi, Linjakkaan asiakaspalvelu, täällä Joonas, miten voin auttaa?"))
    assert status(rubric, fi, "fi", "greeting").status == "met"


@pytest.mark.parametrize("lang,text,expected", [
    # how Whisper writes a spoken opening: boundaries moved, a letter lost, names in lower case
    ("fi", "Hyvää päivää, lelukalppa napinasiakaspalvelu, huomas puhelimessa, miten voi nautta.", "met"),
    ("fi", "Hyvää huomenta kallio vakuutuksen vahinko palvelurikka puhelimessammiten voi palvela.", "met"),
    ("en", "hello youre through to kestrel energy my names dev how can i help today", "met"),
    # a negation is never read into a near-miss; short words only count as words
    ("fi", "Hyvää päivää, Kotivirta, täällä Sanna. En voi nyt auttaa, soittakaa myöhemmin.", "not_met"),
    ("en", "Hello. We are very sorry for this issue.", "not_met"),
])
def test_an_opening_counts_as_the_transcriber_wrote_it(rubric, lang, text, expected):
    assert status(rubric, conv(("agent", text)), lang, "greeting").status == expected


def test_near_misses_are_counted_in_letters():
    from coach_app.core.heard import edits_to_substring, phrase_letters, sounds_like

    assert edits_to_substring("mitenvoinauttaa", "hyvääpäiväämitenvoinautta") == 1
    assert edits_to_substring("abc", "xxabcxx") == 0 and edits_to_substring("abc", "xyz") == 3
    assert phrase_letters("asiakaspalvelu~") == "asiakaspalvelu"
    assert phrase_letters("* speaking") is None and phrase_letters("re:how.*help") is None
    assert phrase_letters("this is") is None  # too short to match inside other words
    assert sounds_like("kuinka voin autta", ["miten voin auttaa", "kuinka voin auttaa"]) == "kuinka voin auttaa"
    assert sounds_like("miten menee", ["miten voin auttaa"]) is None


def test_the_letter_triple_prefilter_never_drops_a_near_miss():
    """sounds_like skips the edit count when too few of a phrase's letter triples occur; on
    random slips it must agree with the edit count alone."""
    import random

    from coach_app.core.heard import LETTERS_PER_EDIT, edits_to_substring, letters, sounds_like

    rng = random.Random(5)
    phrase = "miten voin auttaa teitä"
    target = letters(phrase)
    for _ in range(400):
        s = list("hyvää päivää " + phrase + " tänään")
        for _ in range(rng.randrange(5)):  # drop, double or change a letter
            i = rng.randrange(len(s))
            s[i:i + 1] = rng.choice([[], [s[i], s[i]], [rng.choice("aeinostuv")]])
        text = "".join(s)
        by_edits = edits_to_substring(target, letters(text)) <= len(target) // LETTERS_PER_EDIT
        assert (sounds_like(text, [phrase]) is not None) == by_edits, text


def test_active_listening_reflects_details_or_fails_on_reasking(rules):
    reflect = conv(("customer", "My order 55120 arrived broken on Monday."),
                   ("agent", "I'm sorry. So order 55120 arrived broken — let me fix that."))
    assert status(rules, reflect, "en", "active_listening").status == "met"
    reask = conv(("customer", "My booking reference is KX4471Q and the flight was cancelled."),
                 ("agent", "Okay."), ("customer", "So can you help?"),
                 ("agent", "What's the booking reference?"))
    assert status(rules, reask, "en", "active_listening").status == "not_met"
    fi = conv(("customer", "Laskussa on neljäkymmentäviisi euroa viihdepalveluita."),
              ("agent", "Eli jos ymmärsin oikein, laskulla on viihdepalveluita, joita et ole tilannut?"))
    assert status(rules, fi, "fi", "active_listening").status == "met"


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "I guarantee it'll be with you tomorrow, 100%.", "not_met"),
    ("en", "I can't promise it arrives tomorrow, but what I can promise is that I'll chase it today.", "met"),
    ("fi", "Lupaan, että paketti on huomenna perillä.", "not_met"),
    ("fi", "En voi luvata huomista, mutta selvitän asian tänään.", "met"),
])
def test_honest_promises(rules, lang, text, expected):
    assert status(rules, conv(("customer", "When?"), ("agent", text)), lang, "honest_promises").status == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "You should have read the terms before you booked.", "not_met"),
    ("en", "The warehouse messed up again, honestly.", "not_met"),
    ("en", "I'm sorry, that was our mistake, and we'll put it right.", "met"),
    ("fi", "Teidän olis pitänyt lukea ehdot.", "not_met"),
    ("fi", "Se on varaston vika.", "not_met"),
    ("fi", "Pahoittelen, virhe on meidän, korjaamme sen.", "met"),
])
def test_ownership_blame(rules, lang, text, expected):
    assert status(rules, conv(("customer", "Why?"), ("agent", text)), lang, "ownership").status == expected


def test_hold_etiquette_from_timings(rubric):
    asked = [Segment("agent", 0, 4000, "May I put you on hold for a moment while I check?"),
             Segment("customer", 4500, 5500, "Sure."),
             Segment("agent", 30000, 34000, "Thank you so much for waiting. It's sorted.")]
    assert status(rubric, asked, "en", "hold_etiquette").status == "met"
    unannounced = [Segment("agent", 0, 3000, "Right."), Segment("customer", 3500, 4500, "Hello?"),
                   Segment("agent", 32000, 35000, "Yeah, it's an estimated bill.")]
    s = status(rubric, unannounced, "en", "hold_etiquette")
    assert s.status == "not_met" and "28 s silence not announced" in s.rationale  # English call, English detail
    short = [Segment("agent", 0, 3000, "Let me check."), Segment("agent", 6000, 9000, "Found it.")]
    assert status(rubric, short, "en", "hold_etiquette").status == "na"
    fi = [Segment("agent", 0, 4000, "Voinko laittaa sut hetkeks pitoon?"), Segment("customer", 4500, 5000, "Joo."),
          Segment("agent", 70000, 74000, "Kiitos, että jaksoit odottaa.")]
    assert status(rubric, fi, "fi", "hold_etiquette").status == "met"
    assert status(rubric, fi, "fi", "hold_etiquette", channel="chat").status == "na"


def test_talk_over_counts_agent_overlaps_only(rubric):
    segs = [Segment("agent", 0, 2000, "Hello, how can I help?")]
    t = 3000
    for _ in range(3):  # the agent starts 1.5 s before each customer turn ends
        segs.append(Segment("customer", t, t + 5000, "a long complaint about the bill"))
        segs.append(Segment("agent", t + 3500, t + 6000, "yes yes I know"))
        t += 8000
    s = status(rubric, segs, "en", "no_interruptions")
    assert s.status == "not_met" and "3 times" in s.rationale and len(s.evidence) == 3
    assert status(rubric, segs[:5], "en", "no_interruptions").status == "met"  # two are allowed
    assert status(rubric, segs, "en", "no_interruptions", channel="chat").status == "na"


def test_clear_communication_jargon_and_pace(rubric):
    jargon = conv(("customer", "Why is my bill so high?"), ("agent", "Your TP wasn't provisioned so OOB rates applied."))
    s = status(rubric, jargon, "en", "clear_communication")
    assert s.status == "not_met" and "TP" in s.rationale
    explained = conv(("customer", "Why?"), ("agent", "It's an EAC, which means an estimated annual consumption."))
    assert status(rubric, explained, "en", "clear_communication").status == "met"
    words = " ".join(["word"] * 100)
    fast = [Segment("agent", 0, 24000, words)]  # 250 words per minute
    s = status(rubric, fast, "en", "clear_communication")
    assert s.status == "not_met" and "250 words per minute" in s.rationale


def test_total_passed_and_person_only_criteria(rubric):
    segs = conv(("agent", "Good morning, Northwave, Kelly speaking, how can I help?"),
                ("customer", "My router light is orange since seven."),
                ("agent", "Oh no, that's annoying. So the light has been orange since seven. Let me reset the line."),
                ("agent", "Done. You'll get a text within the hour to confirm. May I call you Friday to check it works?"),
                ("customer", "Great, thanks."),
                ("agent", "Thank you for calling Northwave."))
    res = score_segments(segs, rubric, "en", "phone")
    by = {s.criterion.id: s for s in res.scores}
    assert by["product_knowledge"].status is None and by["product_knowledge"].score is None
    applicable = [s for s in res.scores if s.status in ("met", "not_met")]
    met = [s for s in applicable if s.status == "met"]
    assert res.total == round(100 * sum(s.criterion.weight for s in met) / sum(s.criterion.weight for s in applicable), 1)
    assert res.passed is (res.total >= 70)
    assert score_segments(segs, rubric, "en", "phone").total == res.total  # deterministic
    # a critical criterion not met fails the evaluation whatever the total
    strict = rubric.model_copy(update={"sections": [
        s.model_copy(update={"criteria": [c.model_copy(update={"critical": c.id == "follow_up"}) for c in s.criteria]})
        for s in rubric.sections]})
    no_follow_up = [s for s in segs if "Friday" not in s.text]
    r2 = score_segments(no_follow_up, strict, "en", "phone")
    assert next(s for s in r2.scores if s.criterion.id == "follow_up").status == "not_met"
    assert r2.passed is False


def test_language_is_detected_when_missing(rubric):
    segs = conv(("agent", "Hei, täällä Aino Virtasähköltä, miten voin auttaa?"), ("customer", "Mulla on kysymys laskusta."))
    assert score_segments(segs, rubric, None, "phone").language == "fi"


BASE = """id: test
name: {en: Test, fi: Testi}
version: "1"
languages: [en, fi]
sections:
  - id: main
    title: {en: Main, fi: Pää}
    criteria:
      - id: thanks
        title: {en: Thanks, fi: Kiitos}
        description: {en: Thanks, fi: Kiitos}
        weight: 1
        detector:
          kind: phrases
          met: {en: ["thank"], fi: ["kiitos"]}
"""


@pytest.mark.parametrize("change, message", [
    (("weight: 1", "weight: -2"), "test.yaml:12: criterion 'thanks': weight: weight must be a positive number up to 1000"),
    (("weight: 1", "weight: 1\n        wieght: 2"), "test.yaml:13: criterion 'thanks': unknown key 'wieght'"),
    (("weight: 1", "weight: lots"), "criterion 'thanks': weight: Input should be a valid number"),
    (('["thank"]', '["re:thank(("]'), "criterion 'thanks': met.en: bad regular expression"),
    (('fi: ["kiitos"]', 'sv: ["tack"]'), "criterion 'thanks': met has language 'sv' not in languages"),
    (("description: {en: Thanks, fi: Kiitos}", "description: {en: Thanks}"), "criterion 'thanks': description has no 'fi' text"),
    (("version: \"1\"\n", "version: \"1\"\nversion: \"2\"\n"), "test.yaml:4: key 'version' appears twice"),
    (("kind: phrases", "kind: magic"), "criterion 'thanks': detector: kind: Input should be"),
])
def test_malformed_rubrics_name_file_line_and_field(change, message):
    text = BASE.replace(*change, 1)
    with pytest.raises(RubricError) as err:
        parse_rubric(text, "test.yaml")
    assert message in str(err.value), str(err.value)


def test_duplicate_criterion_ids_are_rejected():
    crit = BASE[BASE.index("      - id: thanks"):]
    with pytest.raises(RubricError, match="criterion id 'thanks' is used twice"):
        parse_rubric(BASE + crit, "dup.yaml")


def test_score_cli_json_lines(tmp_path):
    files = sorted((SHARED / "eval").glob("dev-*.json"))[:3] if (SHARED / "eval").is_dir() else []
    chat = tmp_path / "chat.json"
    chat.write_text(json.dumps({"language": "en", "channel": "chat", "labels": {"x": 1}, "segments": [
        {"speaker": "agent", "start": 0, "end": 0, "text": "Hi, I'm Ash from Kettle, happy to help!"},
        {"speaker": "customer", "start": 20, "end": 20, "text": "My order 4471 is late."},
        {"speaker": "agent", "start": 40, "end": 40, "text": "Sorry, that's annoying. Order 4471 — I've resent it, you'll get tracking tonight. Thanks!"}]}))
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--workspace", str(tmp_path), "score", str(chat), *map(str, files),
                        "--json"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 1 + len(files)
    first = lines[0]
    assert first["source"] == str(chat)
    assert first["rubric"] == {"id": "customer-encounter-model", "version": "2.5", "language": "en"}
    assert set(first) >= {"total", "passed", "criteria", "metrics"}
    crit = {c["id"]: c for c in first["criteria"]}
    assert set(crit["gratitude"]) == {"id", "title", "status", "score", "weight", "critical", "evidence", "rationale",
                                      "confidence", "low_confidence"}
    assert 0.0 <= crit["gratitude"]["confidence"] <= 1.0  # judged by meaning: a probability
    assert crit["greeting"]["confidence"] is None and crit["greeting"]["status"] == "met"  # a rule: no probability
    quotes = {x["text"]: x["speaker"] for x in json.loads(chat.read_text())["segments"]}
    for c in first["criteria"]:
        for e in c["evidence"]:
            assert quotes[e["quote"]] == e["speaker"]  # evidence is a real utterance of its speaker
    assert crit["no_interruptions"]["status"] == "na" and first["metrics"]["agent_wpm"] is None
    assert not (tmp_path / "coach.db").exists()  # nothing stored without --save
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "score", str(bad)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and r.stderr.startswith(f"error: {bad}: transcript is not valid JSON")


def test_rubric_validate_cli(tmp_path):
    bad = tmp_path / "r.yaml"
    bad.write_text(BASE.replace("weight: 1", "weight: 0"))
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "rubric", "validate", str(bad)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "weight must be a positive number" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "rubric", "validate", str(DEFAULT_RUBRIC)], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "14 criteria" in r.stdout


def test_rubric_versions_and_evaluations_are_stored(workspace, engine, tmp_path):
    from coach_app.db.models import CriterionResult, Evaluation, RubricVersion
    from coach_app.services.evaluations import score_interaction
    from coach_app.services.importer import import_file
    from coach_app.services.rubrics import import_rubric_file, resolve_rubric

    chat = tmp_path / "c.txt"
    chat.write_text("Agent: Hello, Kettle support, Ash here, how can I help?\nCustomer: Order 4471 is late.\n"
                    "Agent: Sorry about that. Order 4471 is resent; you'll get tracking tonight. Thank you!\n")
    iid = import_file(workspace, engine, chat, agent="Ash").interaction.id
    v1, r1 = resolve_rubric(engine, None)
    again, _, created = import_rubric_file(engine, DEFAULT_RUBRIC)
    assert again.id == v1.id and not created  # same content, same immutable version
    ev1, res1 = score_interaction(engine, iid, v1, r1)
    edited = tmp_path / "edited.yaml"
    edited.write_text(DEFAULT_RUBRIC.read_text("utf-8").replace('version: "2.5"', 'version: "2.6"'), "utf-8")
    v2, r2, created = import_rubric_file(engine, edited)
    assert created and v2.id != v1.id
    ev2, _ = score_interaction(engine, iid, v2, r2)
    with Session(engine) as s:
        evs = s.exec(select(Evaluation).order_by(Evaluation.id)).all()
        assert [(e.kind, e.rubric_version_id) for e in evs] == [("automatic", v1.id), ("automatic", v2.id)]
        assert s.get(RubricVersion, v1.id).content == DEFAULT_RUBRIC.read_text("utf-8")  # old version untouched
        rows = s.exec(select(CriterionResult).where(CriterionResult.evaluation_id == ev1.id)).all()
    assert len(rows) == 14 and evs[0].total == res1.total
    grat = next(r for r in rows if r.criterion_id == "gratitude")
    assert grat.status == "met" and grat.evidence[0]["quote"].endswith("Thank you!")
    assert next(r for r in rows if r.criterion_id == "product_knowledge").status is None


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "data" / "scoring").glob("own-*.json")), ids=lambda p: p.stem)
def test_own_labelled_conversations(rubric, path):
    """Our own conversations (phrasing the dev set lacks): every label of a rule-scored criterion
    checked (the criteria judged by meaning are measured in test_semantic.py)."""
    from coach_app.core.formats import read_transcript_file

    labels = {k: v for k, v in json.loads(path.read_text("utf-8"))["labels"].items()
              if rubric.criterion(k).detector.kind != "semantic"}
    t = read_transcript_file(path)
    got = {s.criterion.id: s.status for s in score_segments(t.segments, rubric, t.language, t.channel_type).scores}
    assert {k: got[k] for k in labels} == labels


def test_what_a_finnish_opening_lacks_is_said_in_finnish():
    from coach_app.core.rubric import DEFAULT_RUBRIC, load_rubric
    from coach_app.core.scoring import score_segments
    from coach_app.core.transcript import Segment

    segs = [Segment("agent", 0, 2500, "Hyvää huomenta, täällä puhuu Sanna."),
            Segment("customer", 3000, 6000, "Huomenta, laskussani on virhe.")]
    s = next(x for x in score_segments(segs, load_rubric(DEFAULT_RUBRIC), "fi").scores if x.criterion.id == "greeting")
    assert s.status == "not_met" and "(avun tarjoaminen)" in s.rationale and "offer" not in s.rationale


def test_hostile_rubrics_are_refused_quickly_with_one_line():
    from coach_app.core.rubric import RubricError, parse_rubric

    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join(f"*{chr(97 + i)}" for _ in range(9)) + "]\n" for i in range(8))
    with pytest.raises(RubricError, match=r"<rubric>:\d+: YAML aliases .* are not allowed"):
        parse_rubric(laughs)  # 9 levels x 9 aliases: 387 million items if expanded
    text = DEFAULT_RUBRIC.read_text("utf-8").replace("weight: 1\n", "weight: 1.0e308\n", 1)
    assert text != DEFAULT_RUBRIC.read_text("utf-8")
    with pytest.raises(RubricError, match="weight must be a positive number up to 1000"):
        parse_rubric(text)


@pytest.mark.parametrize("start, why", [("NaN", "NaN is not a number"), ("Infinity", "Infinity is not a number"),
                                         ("1e300", "between 0 and 86400"), ("true", "not true/false")])
def test_transcript_times_that_are_not_times_are_refused(tmp_path, start, why):
    from coach_app.core.formats import read_transcript_file
    from coach_app.errors import InputFileError

    f = tmp_path / "t.json"
    f.write_text('{"segments": [{"speaker": "agent", "start": %s, "end": 2, "text": "hello"}]}' % start)
    with pytest.raises(InputFileError, match=why) as e:
        read_transcript_file(f)
    assert str(f) in str(e.value) and "\n" not in str(e.value)


def test_a_transcript_nested_beyond_reason_is_refused(tmp_path):
    from coach_app.core.formats import read_transcript_file
    from coach_app.errors import InputFileError

    f = tmp_path / "deep.json"
    f.write_text("[" * 100000 + "]" * 100000)
    with pytest.raises(InputFileError, match="nested too deeply"):
        read_transcript_file(f)


def test_first_contact_resolution_weighs_three_in_the_default_rubric():
    # whether the matter got solved weighs most (rubric comment: chosen on trainable STC-3 data)
    from coach_app.core.scoring import total_and_passed

    rubric = load_rubric(DEFAULT_RUBRIC)
    scored = [c.id for c in rubric.criteria if c.id not in ("product_knowledge", "exceeds_expectations")]
    all_met = dict.fromkeys(scored, "met")
    fcr_missed = dict(all_met, first_contact_resolution="not_met")
    thanks_missed = dict(all_met, gratitude="not_met")
    weight = sum(c.weight for c in rubric.criteria if c.id in scored)
    assert total_and_passed(rubric, fcr_missed)[0] == round(100 * (weight - 3) / weight, 1)
    assert total_and_passed(rubric, thanks_missed)[0] == round(100 * (weight - 1) / weight, 1)


def test_turns_that_hold_only_noise_marks_are_no_utterances(rubric):
    """Human transcripts and some transcribers write "[noise]" or "(laughs)" as turns of their
    own: they are never the customer's last word, a quote, or speech breaking a silence."""
    from coach_app.core.scoring import Conversation
    from coach_app.core.transcript import is_non_speech

    assert [is_non_speech(t) for t in ("[noise]", "<unk>", " (laughs) ", "[BLANK_AUDIO]", "...", "")] == [True] * 6
    assert not any(is_non_speech(t) for t in ("Bye.", "?", "ok [noise]", "(the old card, not the new one)"))
    call = [("agent", "Harbour Bank, this is Lee, how can I help?"),
            ("customer", "Hi, I lost my debit card and I need a new one."),
            ("agent", "I'm sorry to hear that. I've cancelled the lost card and a new one will arrive by Friday."),
            ("customer", "Great, that's all I needed, thank you."),
            ("agent", "You're welcome, have a good day.")]
    clean = conv(*call)
    noisy = conv(*call[:2], ("agent", "[noise]"), *call[2:], ("customer", "[noise]"), ("agent", "<unk>"))
    assert len(Conversation.prepare(noisy, "en", "phone").segments) == len(clean)
    a, b = score_segments(clean, rubric, "en", "phone"), score_segments(noisy, rubric, "en", "phone")
    assert {s.criterion.id: s.status for s in b.scores} == {s.criterion.id: s.status for s in a.scores}
    quotes = [e.quote for s in b.scores for e in s.evidence]
    assert quotes and not any(is_non_speech(q) for q in quotes)
    # in a chat the same marks are what the platform wrote for an attachment: a message
    chat = conv(*call[:2], ("customer", "[image] [image]"), *call[2:])
    assert len(Conversation.prepare(chat, "en", "chat").segments) == len(call) + 1
