"""``speaker_id`` accuracy over matched quotes, by the kind of speaker mention.

A predicted quote is matched to a gold quote by a one-to-one assignment that maximises the total
character F1 of their contents; only pairs that overlap count as matched. A matched quote is right
when its ``speaker_id`` equals the gold one under ``speaker_key`` (case, leading articles and
inflection endings ignored: "der Staatsanwaltschaft Krefeld" = "Staatsanwaltschaft Krefeld"), or
when both are empty. Accuracy is reported overall and per mention kind of the gold quote: name,
partial_name, pronoun, description, none (no mention in the quote's sentences).

The speaker-id layer of ``annotations/speaker-ids/`` is standoff: document name, annotation
index, content offsets, canonical id and mention kind; ``load_speaker_id_layer`` joins it to the
corpus documents.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy
from scipy.optimize import linear_sum_assignment

from ..errors import FormatError
from ..speakers import MENTION_KINDS, mention_kind, speaker_key
from ..types import Document, Quote, Span


@dataclass(frozen=True)
class GoldSpeaker:
    """One gold quote with its canonical speaker and the kind of its speaker mention."""

    doc_id: str
    quote: Quote
    speaker_id: str | None
    kind: str
    index: int | None = None
    part: str | None = None


@dataclass(frozen=True)
class Accuracy:
    """Right out of total, by name."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: "Accuracy") -> "Accuracy":
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def as_dict(self) -> dict:
        return {"accuracy": self.accuracy, "correct": self.correct, "total": self.total}


@dataclass(frozen=True)
class SpeakerIdError:
    """A matched quote whose speaker_id is wrong: for reading, not for scoring."""

    doc_id: str
    kind: str
    gold: str | None
    predicted: str | None
    mention: str | None
    trace: str


@dataclass(frozen=True)
class SpeakerIdScores:
    """Accuracy over matched quotes, overall and by mention kind, with the counts behind it."""

    overall: Accuracy
    by_kind: Mapping[str, Accuracy]
    gold_quotes: int
    matched: int
    errors: tuple[SpeakerIdError, ...] = field(default=(), repr=False)

    def as_dict(self) -> dict:
        return {
            "overall": self.overall.as_dict(),
            "by_kind": {k: v.as_dict() for k, v in self.by_kind.items()},
            "gold_quotes": self.gold_quotes,
            "matched": self.matched,
        }


def _char_f1(a: Quote, b: Quote) -> float:
    sa = {(s.start, s.end) for s in a.content}
    sb = {(s.start, s.end) for s in b.content}
    overlap = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in sa for s2, e2 in sb)
    size = sum(e - s for s, e in sa) + sum(e - s for s, e in sb)
    return 2 * overlap / size if size else 0.0


def match_quotes(gold: Sequence[Quote], pred: Sequence[Quote]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of overlapping quotes, maximising total character F1.

    >>> from quotes.types import Span
    >>> g = [Quote((Span(0, 10),), "direct"), Quote((Span(20, 30),), "direct")]
    >>> p = [Quote((Span(22, 30),), "direct"), Quote((Span(40, 50),), "direct")]
    >>> match_quotes(g, p)
    [(1, 0)]
    """
    if not gold or not pred:
        return []
    m = numpy.array([[_char_f1(g, p) for p in pred] for g in gold])
    rows, cols = linear_sum_assignment(m, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols) if m[i, j] > 0]


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two speaker ids name the same speaker (see ``speaker_key``)."""
    return speaker_key(a) == speaker_key(b)


def score_speaker_ids(gold: Iterable[GoldSpeaker], predictions: Mapping[str, Sequence[Quote]]) -> SpeakerIdScores:
    """Score predicted quotes (by document id) against gold speaker ids.

    >>> from quotes.types import Span
    >>> g = GoldSpeaker("d", Quote((Span(0, 10),), "direct"), "Wladimir Putin", "pronoun")
    >>> s = score_speaker_ids([g], {"d": [Quote((Span(0, 9),), "direct", speaker_id="Wladimir Putin")]})
    >>> s.overall.accuracy, s.by_kind["pronoun"].total
    (1.0, 1)
    """
    by_doc: dict[str, list[GoldSpeaker]] = {}
    for g in gold:
        by_doc.setdefault(g.doc_id, []).append(g)
    counts = {k: Accuracy() for k in MENTION_KINDS}
    errors: list[SpeakerIdError] = []
    n_gold = n_matched = 0
    for doc_id, items in by_doc.items():
        pred = list(predictions.get(doc_id, ()))
        n_gold += len(items)
        for i, j in match_quotes([g.quote for g in items], pred):
            g, p = items[i], pred[j]
            ok = same_speaker(g.speaker_id, p.speaker_id)
            counts[g.kind] = counts.get(g.kind, Accuracy()) + Accuracy(int(ok), 1)
            n_matched += 1
            if not ok:
                errors.append(SpeakerIdError(doc_id, g.kind, g.speaker_id, p.speaker_id, p.speaker_text, p.trace))
    overall = sum(counts.values(), Accuracy())
    return SpeakerIdScores(overall, counts, n_gold, n_matched, tuple(errors))


def gold_from_documents(docs: Iterable[Document]) -> list[GoldSpeaker]:
    """Gold speakers from documents whose quotes carry ``speaker_id`` (e.g. the seed gold);
    the mention kind is worked out from the gold speaker span."""
    out = []
    for doc in docs:
        for k, q in enumerate(doc.quotes):
            out.append(GoldSpeaker(doc.id, q, q.speaker_id, mention_kind(doc, q, q.speaker_id), k))
    return out


def _check_kind(rec: dict, path: Path, line: int) -> None:
    if rec["kind"] not in MENTION_KINDS:
        raise FormatError(f"kind {rec['kind']!r} is not one of {', '.join(MENTION_KINDS)}", path=path, line=line, doc_id=rec["document"])


def load_speaker_id_layer(path: str | Path, docs: Iterable[Document], part: str | None = None) -> list[GoldSpeaker]:
    """Join the standoff layer at ``path`` to the corpus documents it points into.

    Each line names a document, an annotation index and the content offsets of that annotation;
    a line whose document is missing or whose offsets differ from the corpus raises FormatError.
    ``part`` keeps only the lines of one part ("tune" or "report").
    """
    path = Path(path)
    by_id = {d.id: d for d in docs}
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if part is not None and rec.get("part") != part:
            continue
        doc = by_id.get(rec["document"])
        if doc is None:
            raise FormatError("no such document in the corpus given", path=path, line=n, doc_id=rec["document"])
        k = rec["annotation"]
        if not 0 <= k < len(doc.quotes):
            raise FormatError(f"annotation {k} does not exist (the document has {len(doc.quotes)})", path=path, line=n, doc_id=doc.id)
        q = doc.quotes[k]
        if [[s.start, s.end] for s in q.content] != rec["content"]:
            raise FormatError(f"annotation {k}: content offsets {rec['content']} differ from the corpus", path=path, line=n, doc_id=doc.id)
        _check_kind(rec, path, n)
        out.append(GoldSpeaker(doc.id, q, rec["speaker_id"], rec["kind"], k, rec.get("part")))
    return out


def load_quote_layer(path: str | Path, texts: Mapping[str, str]) -> tuple[list[Document], list[GoldSpeaker]]:
    """A standoff layer that carries its own quotes, for texts no corpus annotates (single
    sentences of a treebank): each line names a text, the quote's content and speaker offsets,
    its type, the canonical speaker, the mention kind and whether the text itself can resolve
    it (``resolvable``: false for "sagte er" with no one named). Gives the documents, with
    their gold quotes, and the gold speakers of the resolvable quotes.

    >>> import tempfile, os
    >>> line = '{"document": "s1", "content": [[0, 11]], "type": "indirect", "speaker": [[19, 30]], "speaker_id": "Polizei", "kind": "description", "resolvable": true}'
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    ...     _ = f.write(line)
    >>> docs, gold = load_quote_layer(f.name, {"s1": "Es war Mord, sagte die Polizei."})
    >>> docs[0].quotes[0].speaker_text, gold[0].speaker_id
    ('die Polizei', 'Polizei')
    >>> os.unlink(f.name)
    """
    path = Path(path)
    quotes: dict[str, list[tuple[Quote, dict, int]]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        text = texts.get(rec["document"])
        if text is None:
            raise FormatError("no such text given", path=path, line=n, doc_id=rec["document"])
        spans = [*rec["content"], *rec["speaker"]]
        if any(not 0 <= a < b <= len(text) for a, b in spans):
            raise FormatError(f"offsets {spans} outside the text (length {len(text)})", path=path, line=n, doc_id=rec["document"])
        _check_kind(rec, path, n)
        q = Quote(
            content=tuple(Span.of(text, a, b) for a, b in rec["content"]), type=rec["type"],
            speaker=tuple(Span.of(text, a, b) for a, b in rec["speaker"]), speaker_id=rec["speaker_id"],
        )
        quotes.setdefault(rec["document"], []).append((q, rec, n))
    docs, gold = [], []
    for doc_id, items in quotes.items():
        docs.append(Document(doc_id, texts[doc_id], tuple(q for q, _, _ in items)))
        for k, (q, rec, _) in enumerate(items):
            if rec["resolvable"]:
                gold.append(GoldSpeaker(doc_id, q, rec["speaker_id"], rec["kind"], k, rec.get("part")))
    return docs, gold
