"""seqeval reports: token-level IOB2 tagging per role, one layer per role, scored in strict mode.

Each document is one tag sequence over the gold document's tokens (see ``quotes.scoring.tokens``).
Layers: ``content`` (labelled with the quote type: ``B-direct``, ``I-indirect`` …), ``speaker``,
``cue``, ``addressee`` and ``frame``. Every span of a role is one entity (a discontinuous cue
``teilten … mit`` is two). A token carries one tag per layer, so where entities of a layer overlap
(a nested quote inside its parent; one speaker span for two quotes) the longer one is kept, then the
earlier, and the same rule applies to gold and predictions. The entities counted are exactly those that
seqeval's strict IOB2 reader finds in the tags (``read_entities``; the tests check the figures
against ``seqeval.metrics.classification_report(mode="strict", scheme=IOB2)``); counting them per
document directly lets the counts add up and keeps scoring fast.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from seqeval.scheme import IOB2, Entities

from ..types import Document, Quote
from .prf import PRFScore, add_counts
from .tokens import TokenMap, Tokens, document_tokens

LAYERS = ("content", "speaker", "cue", "addressee", "frame")


def layer_entities(quotes: Iterable[Quote], tmap: TokenMap, layer: str) -> set[tuple[int, int, str]]:
    """The entities ``(first token, last token + 1, label)`` of one layer, overlaps resolved.

    >>> from quotes.types import Span
    >>> q = Quote((Span(3, 12),), "direct", speaker=(Span(0, 2),))
    >>> sorted(layer_entities([q], TokenMap([(0, 2), (3, 8), (9, 12)]), "content"))
    [(1, 3, 'direct')]
    """
    candidates = set()
    for q in quotes:
        label = q.type if layer == "content" else layer
        for start, end in tmap.runs(q.role(layer)):
            candidates.add((start, end, label))
    taken = [False] * len(tmap.tokens)
    out = set()
    for start, end, label in sorted(candidates, key=lambda e: (e[0] - e[1], e[0], e[2])):
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        out.add((start, end, label))
    return out


def layer_tags(quotes: Iterable[Quote], tmap: TokenMap, layer: str) -> list[str]:
    """The IOB2 tags of one layer over all tokens.

    >>> from quotes.types import Span
    >>> q = Quote((Span(3, 12),), "direct", speaker=(Span(0, 2),))
    >>> layer_tags([q], TokenMap([(0, 2), (3, 8), (9, 12)]), "content")
    ['O', 'B-direct', 'I-direct']
    """
    tags = ["O"] * len(tmap.tokens)
    for start, end, label in layer_entities(quotes, tmap, layer):
        tags[start] = f"B-{label}"
        tags[start + 1:end] = [f"I-{label}"] * (end - start - 1)
    return tags


def read_entities(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """The entities of an IOB2 tag sequence as seqeval's strict mode reads them."""
    return {(e.start, e.end, e.tag) for e in Entities([list(tags)], IOB2).entities[0]}


def count_document(gold: Document, pred: Document, tokens: Tokens | None = None) -> Counter:
    """One document's entity counts per layer and label (``speaker.speaker.tp``, ``content.direct.fn``)."""
    tmap = TokenMap(tokens if tokens is not None else document_tokens(gold))
    c: Counter = Counter()
    for layer in LAYERS:
        g = layer_entities(gold.quotes, tmap, layer)
        p = layer_entities(pred.quotes, tmap, layer)
        for _, _, label in g & p:
            c[f"{layer}.{label}.tp"] += 1
        for _, _, label in p - g:
            c[f"{layer}.{label}.fp"] += 1
        for _, _, label in g - p:
            c[f"{layer}.{label}.fn"] += 1
    return c


def bio_report(c: Counter) -> dict:
    """Per layer, per label and micro over labels: P/R/F with TP/FP/FN and the gold ``support``."""
    out: dict = {}
    for layer in LAYERS:
        labels = sorted({k.split(".")[1] for k in c if k.startswith(f"{layer}.")})
        rows = {}
        total = PRFScore()
        for label in labels:
            s = PRFScore(c[f"{layer}.{label}.tp"], c[f"{layer}.{label}.fp"], c[f"{layer}.{label}.fn"])
            rows[label] = {**s.as_dict(), "support": s.tp + s.fn}
            total += s
        rows["micro"] = {**total.as_dict(), "support": total.tp + total.fn}
        out[layer] = rows
    return out


def score_bio(golds: Iterable[Document], preds: Iterable[Document]) -> dict:
    """The seqeval report of predictions against gold; documents are matched by id.

    >>> from quotes.types import Span
    >>> t = "Er sagte: Ja."
    >>> gold = Document("d", t, (Quote((Span.of(t, 10, 13),), "indirect", speaker=(Span.of(t, 0, 2),)),))
    >>> score_bio([gold], [gold.with_quotes([])])["speaker"]["micro"]["fn"]
    1
    """
    pred_by_id = {d.id: d for d in preds}
    total: Counter = Counter()
    for gold in golds:
        add_counts(total, count_document(gold, pred_by_id.get(gold.id, gold.with_quotes(()))))
    return bio_report(total)
