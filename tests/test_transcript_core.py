"""Turn building, time lookup and metrics: pure Python, no display, no model."""

from hypothesis import given, settings
from hypothesis import strategies as st

from coach_app.core.metrics import talk_summary
from coach_app.core.transcript import AGENT, CUSTOMER, Segment, Timeline, Word, format_clock, merge_words_into_turns


def words(*items):
    return [Word(s, e, t) for s, e, t in items]


def test_hand_over_keeps_conversation_order():
    # agent asks, customer answers in the agent's short pause, agent thanks: three turns in order
    turns = merge_words_into_turns({
        AGENT: words((0, 500, " Your"), (500, 900, " number?"), (1700, 2100, " Thanks.")),
        CUSTOMER: words((1000, 1500, " 4572.")),
    })
    assert [(t.speaker, t.text) for t in turns] == [
        (AGENT, "Your number?"), (CUSTOMER, "4572."), (AGENT, "Thanks."),
    ]


def test_talk_over_stays_one_turn_each_and_overlaps():
    # the customer keeps talking; the agent starts 2 s before the customer finishes
    cust = words(*[(i * 400, i * 400 + 380, f" w{i}") for i in range(15)])  # 0 .. 5.98 s
    agent = words((4000, 4400, " Yes,"), (4400, 4800, " I"), (4800, 5200, " know."))
    turns = merge_words_into_turns({AGENT: agent, CUSTOMER: cust})
    assert [t.speaker for t in turns] == [CUSTOMER, AGENT]
    assert turns[0].end_ms > turns[1].start_ms  # the overlap is visible
    assert talk_summary(turns).talk_over_ms == [4000]


def test_long_pause_splits_a_turn():
    turns = merge_words_into_turns({AGENT: words((0, 500, " Please"), (500, 900, " hold."), (26000, 26500, " Thanks."))})
    assert [t.text for t in turns] == ["Please hold.", "Thanks."]


word_lists = st.lists(st.tuples(st.integers(0, 60000), st.integers(50, 900)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(word_lists, word_lists)
def test_every_word_lands_in_exactly_one_turn_of_its_speaker(a, c):
    by = {
        AGENT: [Word(s, s + d, f" a{i}") for i, (s, d) in enumerate(sorted(a))],
        CUSTOMER: [Word(s, s + d, f" c{i}") for i, (s, d) in enumerate(sorted(c))],
    }
    turns = merge_words_into_turns(by)
    for speaker, ws in by.items():
        got = [w for t in turns if t.speaker == speaker for w in t.words]
        assert sorted(got, key=lambda w: (w.start_ms, w.end_ms, w.text)) == sorted(ws, key=lambda w: (w.start_ms, w.end_ms, w.text))
    assert [t.start_ms for t in turns] == sorted(t.start_ms for t in turns)
    for t in turns:
        assert t.start_ms <= t.end_ms and t.text


def test_segment_at_finds_the_utterance_being_spoken():
    segs = [Segment(AGENT, 0, 4000, "a"), Segment(CUSTOMER, 4500, 9000, "b"),
            Segment(AGENT, 8000, 8500, "c"), Segment(CUSTOMER, 12000, 13000, "d")]
    tl = Timeline(segs)
    assert tl.segment_at(-1) is None
    assert tl.segment_at(0).text == "a"
    assert tl.segment_at(4200).text == "a"  # in a gap: the last one that started
    assert tl.segment_at(8200).text == "c"  # overlap: the latest-starting covering one
    assert tl.segment_at(8800).text == "b"  # c has ended; b still covers
    assert tl.segment_at(99999).text == "d"


@given(st.lists(st.tuples(st.integers(0, 100000), st.integers(0, 5000)), min_size=1, max_size=60), st.integers(0, 110000))
def test_segment_at_agrees_with_a_linear_scan(spans, t):
    segs = [Segment(AGENT, s, s + d, str(i)) for i, (s, d) in enumerate(spans)]
    tl = Timeline(segs)
    got = tl.segment_at(t)
    started = [s for s in tl.segments if s.start_ms <= t]
    if not started:
        assert got is None
        return
    covering = [s for s in started[-8:] if s.end_ms >= t]
    expected = covering[-1] if covering else started[-1]
    assert got is expected


def test_metrics_on_hand_made_timings():
    segs = [
        Segment(AGENT, 0, 6000, "one two three four five six seven eight nine ten eleven twelve"),
        Segment(CUSTOMER, 6500, 10000, "x"),
        Segment(AGENT, 35000, 38000, "thanks for waiting"),  # 25 s silence before this
    ]
    s = talk_summary(segs, hold_limit_ms=20000)
    assert s.agent_talk_ms == 9000 and s.customer_talk_ms == 3500
    assert round(s.agent_talk_ratio, 3) == round(9000 / 12500, 3)
    assert s.longest_silence_ms == 25000
    assert s.long_silences == [(10000, 35000)]
    assert s.talk_over_count == 0
    assert round(s.agent_wpm) == round(15 / (9000 / 60000))


def test_format_clock():
    assert format_clock(42_000) == "0:42"
    assert format_clock(723_400) == "12:03"
    assert format_clock(3_723_000) == "1:02:03"
