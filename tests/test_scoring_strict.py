"""The strict metric: quotes paired only where they overlap, on small cases worked out by hand."""

from __future__ import annotations

import pytest

from quotes.formats.wikinews import read_wikinews_dir
from quotes.scoring.strict import overlap, score_strict
from quotes.types import Document, Quote, Span

TEXT = " ".join("abcdefghijklmnopqrst")
TOKENS = tuple((2 * i, 2 * i + 1) for i in range(20))


def toks(first: int, last: int) -> tuple[Span, ...]:
    return (Span.of(TEXT, 2 * first, 2 * last + 1),)


def quote(content, qtype="direct", speaker_id=None, nested=False, **roles) -> Quote:
    return Quote(toks(*content), qtype, speaker_id=speaker_id, nested=nested, **{r: toks(*v) for r, v in roles.items()})


def score(gold, pred, **kw):
    g = Document("d", TEXT, tuple(gold), tokens=TOKENS)
    return score_strict([g], [g.with_quotes(pred)], **kw)


@pytest.mark.parametrize("a, b, expected", [
    ({1, 2, 3, 4}, {1, 2, 3, 4}, 1.0),
    ({1, 2, 3, 4}, {3, 4}, 0.5),
    ({1, 2}, {2, 3, 4, 5}, 0.25),
    ({1, 2}, {3}, 0.0),
    (set(), {3}, 0.0),
])
def test_strict_overlap_is_shared_tokens_over_the_larger_side(a, b, expected):
    assert overlap(frozenset(a), frozenset(b)) == expected


@pytest.mark.parametrize("gold, pred, exact, half, any_", [
    ((0, 3), (0, 3), 1, 1, 1),
    ((0, 3), (2, 3), 0, 1, 1),  # 2 of 4 tokens: exactly the 50% threshold
    ((0, 3), (3, 6), 0, 0, 1),  # 1 of 4
    ((0, 3), (10, 12), 0, 0, 0),  # no overlap: never paired
])
def test_strict_content_levels(gold, pred, exact, half, any_):
    s = score([quote(gold)], [quote(pred)])
    assert (s.content["exact"]["tp"], s.content["overlap"]["tp"], s.content["any"]["tp"]) == (exact, half, any_)
    assert s.content["overlap"]["fp"] == 1 - half and s.content["overlap"]["fn"] == 1 - half


def test_strict_does_not_credit_roles_of_quotes_that_do_not_overlap():
    # The official scorer pairs these two and credits the speaker; the strict metric does not.
    s = score([quote((0, 3), speaker=(5, 5))], [quote((10, 11), speaker=(5, 5))])
    assert s.roles["speaker"]["overlap"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 1, "fn": 1}


def test_strict_roles_exact_and_overlap():
    gold = [quote((0, 3), speaker=(5, 7), cue=(8, 8))]
    pred = [quote((0, 3), speaker=(6, 7), cue=(9, 9), addressee=(12, 12))]
    s = score(gold, pred)
    assert s.roles["speaker"]["exact"]["tp"] == 0 and s.roles["speaker"]["overlap"]["tp"] == 1  # 2 of 3 tokens
    assert s.roles["cue"]["overlap"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert s.roles["addressee"]["overlap"]["fp"] == 1 and s.roles["addressee"]["overlap"]["fn"] == 0


def test_strict_by_type_separates_labelled_from_found():
    gold = [quote((0, 3), "indirect"), quote((5, 8), "reported")]
    pred = [quote((0, 3), "indirect"), quote((5, 8), "indirect")]
    s = score(gold, pred)
    assert s.by_type["indirect"]["labelled"] == {"p": 0.5, "r": 1.0, "f": pytest.approx(2 / 3), "tp": 1, "fp": 1, "fn": 0}
    assert s.by_type["reported"]["labelled"]["tp"] == 0
    assert s.by_type["reported"]["found"] == {"accuracy": 1.0, "correct": 1, "total": 1}


@pytest.mark.parametrize("gold_speaker, pred_speaker, right", [
    ((5, 5), (5, 5), 1),
    ((5, 5), None, 0),
    (None, None, 1),  # no speaker on either side is right
    (None, (5, 5), 0),
])
def test_strict_end_to_end_needs_content_and_speaker(gold_speaker, pred_speaker, right):
    g = quote((0, 3), **({"speaker": gold_speaker} if gold_speaker else {}))
    p = quote((0, 3), **({"speaker": pred_speaker} if pred_speaker else {}))
    assert score([g], [p]).end_to_end["tp"] == right


def test_strict_speaker_accuracy_by_span_and_by_id_with_a_kind_hook():
    gold = [quote((0, 3), speaker=(5, 5), speaker_id="Olaf Scholz"), quote((10, 12), speaker=(14, 14), speaker_id="Annalena Baerbock"),
            quote((16, 17), speaker_id="Reuters")]
    pred = [quote((0, 3), speaker=(5, 5), speaker_id="Scholz"), quote((10, 12), speaker=(15, 15), speaker_id="Annalena Baerbock")]
    kinds = {"Olaf Scholz": "pronoun", "Annalena Baerbock": "name", "Reuters": "name"}
    s = score(gold, pred, kind_of=lambda doc, q: kinds[q.speaker_id])
    assert s.speaker["span"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert s.speaker["id"]["total"] == 2  # the third gold quote was not matched
    assert s.speaker["id"]["by_kind"]["name"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    assert s.speaker["id"]["by_kind"]["pronoun"]["total"] == 1


def test_strict_without_gold_speaker_ids_reports_none():
    s = score([quote((0, 3), speaker=(5, 5))], [quote((0, 3), speaker=(5, 5), speaker_id="X")])
    assert s.speaker["id"]["total"] == 0 and s.speaker["id"]["by_kind"] == {}


def test_strict_top_level_leaves_nested_quotes_out():
    gold = [quote((0, 7), "mixed"), quote((2, 4), nested=True)]
    pred = [quote((0, 7), "mixed")]
    assert score(gold, pred).content["overlap"]["fn"] == 1
    assert score(gold, pred, top_level=True).content["overlap"] == {"p": 1.0, "r": 1.0, "f": 1.0, "tp": 1, "fp": 0, "fn": 0}


def test_strict_pairs_one_to_one():
    # Two predictions over one gold quote: one matches, the other is a false alarm.
    s = score([quote((0, 3))], [quote((0, 3)), quote((0, 2))])
    assert (s.content["overlap"]["tp"], s.content["overlap"]["fp"]) == (1, 1)


@pytest.mark.corpus
def test_strict_gold_against_itself_on_dev_is_perfect(wikinews_dev):
    docs = list(read_wikinews_dir(wikinews_dev))
    s = score_strict(docs, docs)
    assert s.content["exact"]["f"] == 1.0 and s.end_to_end["f"] == 1.0
    assert all(s.roles[r]["exact"]["f"] == 1.0 for r in ("speaker", "cue", "addressee", "frame"))
