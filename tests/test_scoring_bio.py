"""seqeval reports: one IOB2 layer per role, counted as seqeval's strict mode counts."""

from __future__ import annotations

import warnings

import pytest
from seqeval.metrics import classification_report
from seqeval.scheme import IOB2

from quotes.formats.wikinews import read_wikinews_dir
from quotes.registry import get_extractor
from quotes.scoring.bio import LAYERS, layer_tags, read_entities, score_bio
from quotes.scoring.tokens import TokenMap
from quotes.types import Document, Quote, Span

TEXT = " ".join("abcdefghij")
TOKENS = tuple((2 * i, 2 * i + 1) for i in range(10))
TMAP = TokenMap(TOKENS)


def toks(first: int, last: int) -> Span:
    return Span.of(TEXT, 2 * first, 2 * last + 1)


@pytest.mark.parametrize("quotes, layer, tags", [
    # a discontinuous cue is two entities
    ([Quote((toks(0, 2),), "indirect", cue=(toks(4, 4), toks(6, 6)))], "cue", "O O O O B-cue O B-cue O O O"),
    # the content layer carries the quote type
    ([Quote((toks(1, 3),), "direct")], "content", "O B-direct I-direct I-direct O O O O O O"),
    # a nested quote inside its parent: the longer one is kept
    ([Quote((toks(0, 5),), "mixed"), Quote((toks(2, 3),), "direct", nested=True)], "content",
     "B-mixed I-mixed I-mixed I-mixed I-mixed I-mixed O O O O"),
    # two adjacent quotes stay two entities
    ([Quote((toks(0, 1),), "direct"), Quote((toks(2, 3),), "direct")], "content", "B-direct I-direct B-direct I-direct O O O O O O"),
    # one speaker span shared by two quotes is one entity
    ([Quote((toks(0, 1),), "direct", speaker=(toks(5, 5),)), Quote((toks(2, 3),), "direct", speaker=(toks(5, 5),))], "speaker",
     "O O O O O B-speaker O O O O"),
])
def test_bio_layer_tags(quotes, layer, tags):
    assert layer_tags(quotes, TMAP, layer) == tags.split()


def test_bio_counts_a_boundary_error_as_a_false_positive_and_a_false_negative():
    gold = Document("d", TEXT, (Quote((toks(0, 3),), "direct", speaker=(toks(5, 6),)),), tokens=TOKENS)
    pred = gold.with_quotes([Quote((toks(0, 2),), "direct", speaker=(toks(5, 6),))])
    r = score_bio([gold], [pred])
    assert (r["content"]["direct"]["tp"], r["content"]["direct"]["fp"], r["content"]["direct"]["fn"]) == (0, 1, 1)
    assert r["speaker"]["micro"]["f"] == 1.0


def _seqeval(golds, preds, layer):
    y_true = [layer_tags(g.quotes, TokenMap(g.tokens), layer) for g in golds]
    y_pred = [layer_tags(p.quotes, TokenMap(g.tokens), layer) for g, p in zip(golds, preds)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return classification_report(y_true, y_pred, mode="strict", scheme=IOB2, output_dict=True)


@pytest.mark.corpus
def test_bio_figures_equal_seqeval_strict_mode_on_dev(wikinews_dev):
    golds = list(read_wikinews_dir(wikinews_dev))[:40]
    marks = get_extractor("quote-marks")
    # Predictions with roles: gold roles on the baseline's contents, so every layer has hits and misses.
    preds = [g.with_quotes([q.replace(speaker=g.quotes[0].speaker) for q in marks.extract(g)] if g.quotes else []) for g in golds]
    ours = score_bio(golds, preds)
    for layer in LAYERS:
        theirs = _seqeval(golds, preds, layer)
        for label, row in ours[layer].items():
            key = "micro avg" if label == "micro" else label
            assert row["p"] == pytest.approx(theirs[key]["precision"])
            assert row["r"] == pytest.approx(theirs[key]["recall"])
            assert row["f"] == pytest.approx(theirs[key]["f1-score"])
            assert row["support"] == theirs[key]["support"]


def test_bio_reads_back_the_entities_it_writes():
    quotes = [Quote((toks(0, 1),), "direct"), Quote((toks(2, 3),), "direct"), Quote((toks(6, 8),), "reported")]
    assert read_entities(layer_tags(quotes, TMAP, "content")) == {(0, 2, "direct"), (2, 4, "direct"), (6, 9, "reported")}
