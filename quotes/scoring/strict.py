"""The strict metric: quotes count only where they overlap, with every figure's counts.

The official WikiNews scorer pairs quotes even when they share no token, so a wrong quote can earn
role credit. Here, per document, gold and predicted quotes are paired one to one by maximal total
token F1 of their contents, among pairs that share at least one token (no type bonus). On the gold
document's tokens (see ``quotes.scoring.tokens``), a pair

- **matches** when they share at least half of each one's tokens
  (``|G ∩ P| / max(|G|, |P|) ≥ 0.5``); ``exact`` when the token sets are equal; ``any`` when paired;
- gets a **role** right (speaker, cue, addressee, frame) when both have it and the role's token sets
  are equal (``exact``) or share at least half of each (``overlap``).

Figures (P = TP / predicted, R = TP / gold, F their harmonic mean):

- ``content``: quotes found, at ``exact``, ``overlap`` (the headline) and ``any``;
- ``roles``: per role, quotes whose role is right among matched pairs, against all quotes that have
  the role (a role predicted for a wrong quote is a false positive, one missed a false negative);
- ``by_type``: per gold/predicted quote type, matched quotes of the same type (``labelled``), and
  the gold quotes of the type that were found at all, whatever type was predicted (``found``);
- ``speaker``: accuracy over matched pairs whose gold quote has a speaker (``span``: the predicted
  speaker overlaps the gold one) and whose gold quote has a ``speaker_id`` (``id``: the ids name
  the same speaker, ``quotes.speakers.speaker_key``); ``kind_of(doc, quote)`` splits ``id`` by the
  kind of speaker mention;
- ``end_to_end``: quotes whose content matches and whose speaker is right (overlap; a quote with no
  gold speaker is right when none is predicted).

``count_document`` gives one document's named counts, which add up over documents and bootstrap
samples; ``strict_figures`` divides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping, Sequence

import numpy
from scipy.optimize import linear_sum_assignment

from ..types import QUOTE_TYPES, Document, Quote
from .prf import PRFScore, add_counts, harmonic, ratio
from .tokens import TokenMap, Tokens, document_tokens

ROLES = ("speaker", "cue", "addressee", "frame")
LEVELS = ("exact", "overlap", "any")
THRESHOLD = 0.5

KindOf = Callable[[Document, Quote], str]


def overlap(a: frozenset, b: frozenset) -> float:
    """The share of tokens two sets have in common, over the larger one: ``|a ∩ b| / max(|a|, |b|)``.

    >>> overlap(frozenset({1, 2, 3, 4}), frozenset({3, 4}))
    0.5
    """
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def same_speaker(a: str | None, b: str | None) -> bool:
    from ..speakers import speaker_key

    return speaker_key(a) == speaker_key(b)


@dataclass(frozen=True)
class Match:
    """A gold quote (index) paired with an overlapping predicted quote (index), and their content overlap."""

    gold: int
    pred: int
    overlap: float
    exact: bool


@dataclass(frozen=True)
class QuoteTokens:
    """A quote with its content and roles as token-id sets."""

    quote: Quote
    content: frozenset
    roles: Mapping[str, frozenset]


def token_quotes(quotes: Iterable[Quote], tmap: TokenMap) -> list[QuoteTokens]:
    return [QuoteTokens(q, tmap.ids(q.content), {r: tmap.ids(q.role(r)) for r in ROLES}) for q in quotes]


def match_quotes(gold: Sequence[QuoteTokens], pred: Sequence[QuoteTokens]) -> list[Match]:
    """Pairs of overlapping quotes, one to one, maximising the total token F1 of their contents."""
    if not gold or not pred:
        return []
    m = numpy.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            tp = len(g.content & p.content)
            if tp:
                m[i, j] = 2 * tp / (len(g.content) + len(p.content))
    rows, cols = linear_sum_assignment(m, maximize=True)
    return [
        Match(int(i), int(j), overlap(gold[i].content, pred[j].content), gold[i].content == pred[j].content)
        for i, j in zip(rows, cols) if m[i, j] > 0
    ]


def _role_right(g: frozenset, p: frozenset, level: str) -> bool:
    if level == "exact":
        return bool(g) and g == p
    return overlap(g, p) >= THRESHOLD


def count_document(gold: Document, pred: Document, *, kind_of: KindOf | None = None, top_level: bool = False,
                   tokens: Tokens | None = None) -> Counter:
    """One document's strict counts, by name; they add up over documents.

    ``top_level=True`` leaves nested quotes out on both sides.
    """
    tmap = TokenMap(tokens if tokens is not None else document_tokens(gold))
    g = token_quotes([q for q in gold.quotes if not (top_level and q.nested)], tmap)
    p = token_quotes([q for q in pred.quotes if not (top_level and q.nested)], tmap)
    matches = match_quotes(g, p)
    c: Counter = Counter({"documents": 1, "quotes.gold": len(g), "quotes.pred": len(p)})
    for q in g:
        c[f"type.{q.quote.type}.gold"] += 1
        for r in ROLES:
            c[f"{r}.gold"] += bool(q.roles[r])
    for q in p:
        c[f"type.{q.quote.type}.pred"] += 1
        for r in ROLES:
            c[f"{r}.pred"] += bool(q.roles[r])
    for m in matches:
        gq, pq = g[m.gold], p[m.pred]
        c["content.any.tp"] += 1
        c["content.exact.tp"] += m.exact
        if m.overlap < THRESHOLD:
            continue
        c["content.overlap.tp"] += 1
        gtype = gq.quote.type
        c[f"type.{gtype}.found"] += 1
        c[f"type.{gtype}.tp"] += gtype == pq.quote.type
        for r in ROLES:
            for level in ("exact", "overlap"):
                c[f"{r}.{level}.tp"] += _role_right(gq.roles[r], pq.roles[r], level)
        gs, ps = gq.roles["speaker"], pq.roles["speaker"]
        speaker_right = overlap(gs, ps) >= THRESHOLD if gs else not ps
        c["end_to_end.tp"] += speaker_right
        if gs:
            c["speaker.span.total"] += 1
            c["speaker.span.correct"] += overlap(gs, ps) >= THRESHOLD
        if gq.quote.speaker_id:
            ok = same_speaker(gq.quote.speaker_id, pq.quote.speaker_id)
            c["speaker.id.total"] += 1
            c["speaker.id.correct"] += ok
            if kind_of is not None:
                kind = kind_of(gold, gq.quote)
                c[f"speaker.id.kind.{kind}.total"] += 1
                c[f"speaker.id.kind.{kind}.correct"] += ok
    return c


def _prf_counts(tp, gold, pred) -> dict:
    p, r = ratio(tp, pred), ratio(tp, gold)
    return {"p": p, "r": r, "f": harmonic(p, r)}


def strict_figures(c: Mapping[str, object]) -> dict:
    """The headline strict figures from summed counts, flat by name (``content.overlap.f``, ``end_to_end.f``).

    Values are numbers, or numpy arrays when the counts are arrays (one per bootstrap sample).
    """
    def get(k):
        return c.get(k, 0)

    out = {}
    gold, pred = get("quotes.gold"), get("quotes.pred")
    for level in LEVELS:
        for k, v in _prf_counts(get(f"content.{level}.tp"), gold, pred).items():
            out[f"content.{level}.{k}"] = v
    for r in ROLES:
        for k, v in _prf_counts(get(f"{r}.overlap.tp"), get(f"{r}.gold"), get(f"{r}.pred")).items():
            out[f"{r}.{k}"] = v
    for k, v in _prf_counts(get("end_to_end.tp"), gold, pred).items():
        out[f"end_to_end.{k}"] = v
    out["speaker.span.accuracy"] = ratio(get("speaker.span.correct"), get("speaker.span.total"))
    out["speaker.id.accuracy"] = ratio(get("speaker.id.correct"), get("speaker.id.total"))
    return out


def _score(tp: int, gold: int, pred: int) -> dict:
    return PRFScore(int(tp), int(pred - tp), int(gold - tp)).as_dict()


def _accuracy(correct: int, total: int) -> dict:
    return {"accuracy": ratio(correct, total), "correct": int(correct), "total": int(total)}


@dataclass(frozen=True)
class StrictScores:
    """The strict figures, each with its counts (``tp``, ``fp``, ``fn``; ``correct``, ``total``)."""

    content: Mapping[str, dict]
    roles: Mapping[str, Mapping[str, dict]]
    by_type: Mapping[str, Mapping[str, dict]]
    speaker: Mapping[str, dict]
    end_to_end: dict
    documents: int
    gold_quotes: int
    pred_quotes: int
    matched: int
    counts: Mapping[str, float] = field(default_factory=dict, repr=False)

    @classmethod
    def from_counts(cls, c: Counter) -> "StrictScores":
        gold, pred = c["quotes.gold"], c["quotes.pred"]
        content = {level: _score(c[f"content.{level}.tp"], gold, pred) for level in LEVELS}
        roles = {r: {level: _score(c[f"{r}.{level}.tp"], c[f"{r}.gold"], c[f"{r}.pred"]) for level in ("exact", "overlap")} for r in ROLES}
        types = [t for t in QUOTE_TYPES if c[f"type.{t}.gold"] or c[f"type.{t}.pred"]]
        types += sorted({k.split(".")[1] for k in c if k.startswith("type.")} - set(types))
        by_type = {
            t: {
                "labelled": _score(c[f"type.{t}.tp"], c[f"type.{t}.gold"], c[f"type.{t}.pred"]),
                "found": _accuracy(c[f"type.{t}.found"], c[f"type.{t}.gold"]),
            }
            for t in types
        }
        kinds = sorted({k.split(".")[3] for k in c if k.startswith("speaker.id.kind.")})
        speaker = {
            "span": _accuracy(c["speaker.span.correct"], c["speaker.span.total"]),
            "id": {**_accuracy(c["speaker.id.correct"], c["speaker.id.total"]),
                   "by_kind": {k: _accuracy(c[f"speaker.id.kind.{k}.correct"], c[f"speaker.id.kind.{k}.total"]) for k in kinds}},
        }
        return cls(content, roles, by_type, speaker, _score(c["end_to_end.tp"], gold, pred), c["documents"], gold, pred,
                   c["content.overlap.tp"], dict(c))

    def report(self) -> dict:
        """Everything as JSON-ready dicts."""
        return {
            "content": self.content, "roles": self.roles, "by_type": self.by_type, "speaker": self.speaker,
            "end_to_end": self.end_to_end, "documents": self.documents, "gold_quotes": self.gold_quotes,
            "pred_quotes": self.pred_quotes, "matched": self.matched, "threshold": THRESHOLD,
        }


def score_strict(golds: Iterable[Document], preds: Iterable[Document], *, kind_of: KindOf | None = None,
                 top_level: bool = False) -> StrictScores:
    """Score predictions against gold with the strict metric; documents are matched by id.

    >>> from quotes.types import Span
    >>> t = "Er sagte: „Ja, gut.“"
    >>> gold = Document("d", t, (Quote((Span.of(t, 10, 20),), "direct", speaker=(Span.of(t, 0, 2),)),))
    >>> pred = gold.with_quotes([Quote((Span.of(t, 10, 13),), "direct")])
    >>> s = score_strict([gold], [pred])
    >>> s.content["any"]["tp"], s.content["overlap"]["tp"]
    (1, 0)
    """
    pred_by_id = {d.id: d for d in preds}
    total: Counter = Counter()
    for gold in golds:
        add_counts(total, count_document(gold, pred_by_id.get(gold.id, gold.with_quotes(())), kind_of=kind_of, top_level=top_level))
    return StrictScores.from_counts(total)
