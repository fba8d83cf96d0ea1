"""The official WikiNews metric on small cases worked out by hand from its description
(../shared/corpora/german-news-quotes-2024/SOURCE.md), and its fidelity checks on the dev split."""

from __future__ import annotations

import pytest

from quotes.formats.wikinews import read_wikinews, read_wikinews_dir, write_wikinews
from quotes.registry import get_extractor
from quotes.scoring.official import score_official
from quotes.types import Document, Quote, Span

# Twenty one-letter words: token i covers characters [2i, 2i + 1).
TEXT = " ".join("abcdefghijklmnopqrst")
TOKENS = tuple((2 * i, 2 * i + 1) for i in range(20))


def toks(first: int, last: int) -> tuple[Span, ...]:
    """The span over tokens first..last (inclusive)."""
    return (Span.of(TEXT, 2 * first, 2 * last + 1),)


def quote(content, label="Direct", medium="Speech", nested=False, **roles) -> Quote:
    qtype = {"Direct": "direct", "Indirect": "indirect", "Reported": "reported"}[label]
    return Quote(toks(*content), qtype, label=label, medium=medium, nested=nested, **{r: toks(*v) for r, v in roles.items()})


def score(gold: list[Quote], pred: list[Quote], **kw):
    g = Document("d", TEXT, tuple(gold), tokens=TOKENS)
    return score_official([g], [g.with_quotes(pred)], **kw)


def test_official_gold_against_itself_is_perfect():
    gold = [quote((0, 3), speaker=(5, 5), cue=(6, 6), frame=(5, 6)), quote((10, 12), "Indirect", addressee=(14, 14))]
    s = score(gold, gold)
    for figure in (s.message, s.roles, s.joint, s.form, s.medium, s.joint_micro):
        assert (figure.p, figure.r, figure.f) == (1.0, 1.0, 1.0)


def test_official_pairs_quotes_with_zero_overlap_and_credits_their_roles():
    # The quotes share no token, yet they are paired: the message cell scores 0, the shared
    # speaker scores 1, and the empty cue/frame/addressee cells are skipped.
    s = score([quote((0, 3), speaker=(5, 5))], [quote((10, 11), speaker=(5, 5))])
    assert s.pairs == 1 and s.zero_overlap_pairs == 1
    assert (s.message.p, s.message.r) == (0.0, 0.0)
    assert (s.roles.p, s.roles.r, s.roles.f) == (1.0, 1.0, 1.0)
    assert (s.joint.p, s.joint.r, s.joint.f) == (0.5, 0.5, 0.5)


def test_official_partial_overlap_gives_cell_precision_and_recall():
    # gold tokens 0-3, predicted 2-7: 2 shared, P = 2/6, R = 2/4.
    s = score([quote((0, 3))], [quote((2, 7))])
    assert s.message.p == pytest.approx(2 / 6)
    assert s.message.r == pytest.approx(2 / 4)
    assert s.message.f == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))


def test_official_type_breaks_a_tie_between_equal_overlaps():
    gold = [quote((0, 3), "Direct", "Speech")]
    pred = [quote((0, 3), "Indirect", "Writing"), quote((0, 3), "Direct", "Writing")]
    s = score(gold, pred)
    # Paired with the Direct one: Form 1 TP, and the unpaired Indirect one is a Form FP.
    assert (s.counts["form.tp"], s.counts["form.fp"], s.counts["form.fn"]) == (1, 1, 0)
    # Medium: Speech vs Writing in the pair (FP + FN), and the unpaired one (FP).
    assert (s.counts["medium.tp"], s.counts["medium.fp"], s.counts["medium.fn"]) == (0, 2, 1)


def test_official_medium_breaks_a_tie_when_types_agree():
    gold = [quote((0, 3), "Direct", "Speech")]
    pred = [quote((0, 3), "Direct", "Writing"), quote((0, 3), "Direct", "Speech")]
    s = score(gold, pred)
    assert (s.counts["medium.tp"], s.counts["medium.fp"], s.counts["medium.fn"]) == (1, 1, 0)


def test_official_type_bonus_needs_overlap():
    # All four quotes are disjoint: without the bonus every assignment is worth 0, and scipy keeps
    # the first-come pairing (g0-p0, g1-p1), whose types disagree. A bonus at zero overlap would
    # have paired the equal types.
    gold = [quote((0, 3), "Direct"), quote((4, 7), "Indirect")]
    pred = [quote((10, 11), "Indirect"), quote((12, 13), "Direct")]
    s = score(gold, pred)
    assert s.pairs == 2 and s.zero_overlap_pairs == 2
    assert (s.counts["form.tp"], s.counts["form.fp"], s.counts["form.fn"]) == (0, 2, 2)


def test_official_skips_undefined_cells():
    # The cue is in the gold only: its precision is 0/0 and left out, its recall 0 counts.
    # The addressee is on neither side: both of its cells are left out.
    s = score([quote((0, 3), speaker=(5, 5), cue=(6, 6))], [quote((0, 3), speaker=(5, 5))])
    assert s.per_role["addressee"]["macro"]["cells_p"] == 0 and s.per_role["addressee"]["macro"]["cells_r"] == 0
    assert s.per_role["cue"]["macro"]["cells_p"] == 0 and s.per_role["cue"]["macro"]["cells_r"] == 1
    assert (s.roles.p, s.roles.r) == (1.0, 0.5)
    assert s.roles.f == pytest.approx(2 / 3)
    assert (s.joint.p, s.joint.r) == (1.0, pytest.approx(2 / 3))


@pytest.mark.parametrize("gold, pred, message_p, message_r, micro_p, micro_r", [
    # an unpaired gold quote: a recall cell of 0, no precision cell
    ([(0, 3), (10, 12)], [(0, 3)], 1.0, 0.5, 1.0, 4 / 7),
    # an unpaired predicted quote: a precision cell of 0, no recall cell
    ([(0, 3)], [(0, 3), (10, 11)], 0.5, 1.0, 4 / 6, 1.0),
    # nothing predicted at all
    ([(0, 3)], [], 0.0, 0.0, 0.0, 0.0),
])
def test_official_counts_unpaired_quotes(gold, pred, message_p, message_r, micro_p, micro_r):
    s = score([quote(g) for g in gold], [quote(p) for p in pred])
    assert (s.message.p, s.message.r) == (pytest.approx(message_p), pytest.approx(message_r))
    assert (s.message_micro.p, s.message_micro.r) == (pytest.approx(micro_p), pytest.approx(micro_r))


def test_official_simplified_keeps_top_level_quote_and_speaker():
    gold = [quote((0, 7), "Indirect", speaker=(9, 9), cue=(10, 10)), quote((2, 4), "Direct", nested=True)]
    pred = [quote((0, 7), "Indirect", speaker=(9, 9))]
    full = score(gold, pred)
    simple = score(gold, pred, simplified=True)
    assert full.message.r == 0.5  # the nested gold quote is missed
    assert full.roles.r == 0.5  # and the cue
    assert simple.gold_quotes == 1
    assert (simple.message.f, simple.roles.f, simple.joint.f) == (1.0, 1.0, 1.0)


def test_official_predicted_spans_count_tokens_they_cover_at_least_half():
    # A predicted span over "a b" and half of nothing else: characters 0-3 cover tokens 0 and 1.
    g = Document("d", TEXT, (quote((0, 1)),), tokens=TOKENS)
    p = g.with_quotes([Quote((Span.of(TEXT, 0, 3),), "direct", label="Direct", medium="Speech")])
    assert score_official([g], [p]).message.f == 1.0


def test_official_gold_document_without_prediction_counts_as_predicting_nothing():
    g = Document("d", TEXT, (quote((0, 3)),), tokens=TOKENS)
    s = score_official([g], [])
    assert s.documents == 1 and s.message.r == 0.0 and s.counts["quote.fn"] == 4


# --- on the corpus ---------------------------------------------------------------------------


@pytest.mark.corpus
def test_official_gold_against_itself_on_dev_is_perfect(wikinews_dev):
    docs = list(read_wikinews_dir(wikinews_dev))
    for simplified in (False, True):
        s = score_official(docs, docs, simplified=simplified)
        assert (s.message.f, s.roles.f, s.joint.f, s.form.f, s.medium.f) == (1.0, 1.0, 1.0, 1.0, 1.0)


@pytest.mark.corpus
def test_official_quote_marks_baseline_on_dev_lands_near_the_expected_anchor(wikinews_dev):
    # The issue expects "about 0.30 / 0.10" Message / Joint F1 for the quote-marks baseline.
    docs = list(read_wikinews_dir(wikinews_dev))
    marks = get_extractor("quote-marks")
    s = score_official(docs, [d.with_quotes(marks.extract(d)) for d in docs])
    assert 0.25 < s.message.f < 0.40
    assert 0.07 < s.joint.f < 0.15
    assert s.roles.f == 0.0  # the baseline predicts no roles


@pytest.mark.corpus
def test_official_scores_documents_as_their_wikinews_files_would_score(wikinews_dev, tmp_path):
    # What the data set's scorer reads is our predictions written as WikiNews JSON: scoring the
    # Documents directly must give the same figures as scoring those files read back.
    docs = list(read_wikinews_dir(wikinews_dev))[:40]
    marks = get_extractor("quote-marks")
    preds = [d.with_quotes(marks.extract(d)) for d in docs]
    files = [read_wikinews(write_wikinews(p, tmp_path)) for p in preds]
    direct, via_files = score_official(docs, preds), score_official(docs, files)
    assert direct.as_dict() == via_files.as_dict()
    assert direct.micro_dict() == via_files.micro_dict()
