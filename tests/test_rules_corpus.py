"""The rules extractor against gold: the project's seed articles and the WikiNews dev split."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.batch import Failure, run
from quotes.registry import get_extractor
from quotes.types import Span

SEEDS_GOLD = Path(__file__).resolve().parent.parent / "annotations" / "seeds.jsonl"


@pytest.fixture(scope="module")
def rules():
    return get_extractor("rules")


def chars(spans: tuple[Span, ...]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end) if not s.text[i - s.start].isspace()}


def seed_quotes():
    if not SEEDS_GOLD.exists():
        pytest.skip(f"{SEEDS_GOLD} is absent: the seed articles have not been annotated yet")
    from quotes.formats.jsonl import read_jsonl

    return [(doc, q) for doc in read_jsonl(SEEDS_GOLD) for q in doc.quotes if not q.nested]


def test_rules_find_every_quotation_of_the_seed_articles_with_its_speaker(rules):
    pairs = seed_quotes()
    predicted = {}
    missed = []
    for doc, gold in pairs:
        if doc.id not in predicted:
            predicted[doc.id] = rules.extract(doc.with_quotes(()))
        want = chars(gold.content)
        # Found: a predicted quote covers at least half of the gold content and names an
        # overlapping speaker (or none where the gold has none).
        found = [
            q for q in predicted[doc.id]
            if len(want & chars(q.content)) >= len(want) / 2 and (bool(chars(q.speaker) & chars(gold.speaker)) or not gold.speaker)
        ]
        if not found:
            missed.append((doc.id, gold.content_text[:60], gold.speaker_text))
    assert missed == []


@pytest.mark.slow
@pytest.mark.corpus
def test_rules_meet_the_official_targets_on_the_dev_split(rules, wikinews_dev):
    from quotes.formats.wikinews import read_wikinews_dir
    from quotes.scoring.official import score_official

    golds = list(read_wikinews_dir(wikinews_dev))
    results = list(run(rules, [g.with_quotes(()) for g in golds]))
    assert not [r for r in results if isinstance(r, Failure)]
    scores = score_official(golds, results)
    assert scores.message.f >= 0.55 and scores.joint.f >= 0.45


@pytest.mark.corpus
def test_rules_dev_documents_carry_speakers_cues_and_frames(rules, wikinews_dev):
    from quotes.formats.wikinews import read_wikinews_dir

    docs = list(read_wikinews_dir(wikinews_dev, with_quotes=False))[:5]
    quotes = [q for d in docs for q in rules.extract(d)]
    assert quotes
    with_cue = [q for q in quotes if q.cue]
    assert all(q.frame for q in with_cue if q.type in ("direct", "indirect", "mixed"))
    assert sum(bool(q.speaker) for q in quotes) >= len(quotes) / 2
