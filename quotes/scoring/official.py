"""The official scorer of the WikiNews quotation data set (german-news-quotes-2024, SpkAtt-2023 Task 2),
reimplemented from its description:

- per document, gold and predicted quotes are paired by ``linear_sum_assignment(maximize=True)`` on
  the token F1 of their quote spans; an equal type adds 0.01 and an equal medium 0.001, only where
  the overlap is above 0; pairs with zero overlap are still assigned while both sides have quotes;
- each pair is scored per token for the quote and each role (addressee, cue, frame, speaker);
  unpaired quotes count all their tokens as false positives or negatives;
- Message, Roles and Joint P/R are macro averages over (pair × role) cells, a cell with an
  undefined precision or recall skipped for that figure; F is the harmonic mean of the two;
- Form (type) and Medium are micro counts over pairs.

Everything works on the gold document's own tokens: predicted character spans are mapped onto them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy
from scipy.optimize import linear_sum_assignment

from ..formats.wikinews import LABEL_FROM_TYPE, TYPE_FROM_LABEL, spans_to_token_ids
from ..types import Document, Quote
from .prf import PRF, PRFScore, f1

ROLE_NAMES = ("quote", "addressee", "cue", "frame", "speaker")
ROLES_ONLY = ("addressee", "cue", "frame", "speaker")
SIMPLIFIED_ROLES = ("quote", "speaker")


def wikinews_label(q: Quote) -> str:
    """The WikiNews type label of a quote: its own corpus label when it has one."""
    if q.label in TYPE_FROM_LABEL and TYPE_FROM_LABEL[q.label] == q.type:
        return q.label
    return LABEL_FROM_TYPE.get(q.type, "Reported")


@dataclass(frozen=True)
class TokenQuote:
    """A quote as sets of token ids per role, with its type label and medium."""

    roles: dict
    label: str
    medium: str | None


def to_token_quotes(doc: Document, tokens: Sequence[tuple[int, int]], roles=ROLE_NAMES) -> list[TokenQuote]:
    starts = [t[0] for t in tokens]
    out = []
    for q in doc.quotes:
        sets = {r: frozenset(spans_to_token_ids(q.role("content" if r == "quote" else r), tokens, starts)) for r in roles}
        out.append(TokenQuote(sets, wikinews_label(q), q.medium))
    return out


def token_f1(a: frozenset, b: frozenset) -> float:
    tp = len(a & b)
    return 2 * tp / (len(a) + len(b)) if tp else 0.0


def pair_quotes(gold: list[TokenQuote], pred: list[TokenQuote]) -> list[tuple[int, int]]:
    """The official pairing: maximal total token F1 with type/medium tie-breakers, zero overlap allowed."""
    if not gold or not pred:
        return []
    m = numpy.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            score = token_f1(g.roles["quote"], p.roles["quote"])
            if score > 0:
                score += 0.01 * (g.label == p.label) + 0.001 * (g.medium == p.medium)
            m[i, j] = score
    rows, cols = linear_sum_assignment(m, maximize=True)
    return list(zip(rows.tolist(), cols.tolist()))


@dataclass
class Cells:
    """Per-role lists of the defined cell precisions and recalls, plus micro counts."""

    precisions: dict = field(default_factory=lambda: {r: [] for r in ROLE_NAMES})
    recalls: dict = field(default_factory=lambda: {r: [] for r in ROLE_NAMES})
    micro: dict = field(default_factory=lambda: {r: PRFScore() for r in ROLE_NAMES})
    form: PRFScore = field(default_factory=PRFScore)
    medium: PRFScore = field(default_factory=PRFScore)

    def add(self, role: str, g: frozenset, p: frozenset) -> None:
        tp, fp, fn = len(g & p), len(p - g), len(g - p)
        if tp + fp:
            self.precisions[role].append(tp / (tp + fp))
        if tp + fn:
            self.recalls[role].append(tp / (tp + fn))
        self.micro[role] += PRFScore(tp, fp, fn)


def _macro(cells: Cells, roles: Iterable[str]) -> PRF:
    ps = [x for r in roles for x in cells.precisions[r]]
    rs = [x for r in roles for x in cells.recalls[r]]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return PRF(p, r, f1(p, r))


def _micro(cells: Cells, roles: Iterable[str]) -> PRF:
    total = PRFScore()
    for r in roles:
        total += cells.micro[r]
    return total.prf()


@dataclass(frozen=True)
class OfficialScores:
    """The official figures: macro (as the scorer reports them) and micro, by name."""

    message: PRF
    roles: PRF
    joint: PRF
    form: PRF
    medium: PRF
    message_micro: PRF
    roles_micro: PRF
    joint_micro: PRF
    per_role: dict
    documents: int
    gold_quotes: int
    pred_quotes: int
    pairs: int

    def as_dict(self) -> dict:
        return {
            "message": self.message.as_dict(), "roles": self.roles.as_dict(), "joint": self.joint.as_dict(),
            "form": self.form.as_dict(), "medium": self.medium.as_dict(),
        }

    def micro_dict(self) -> dict:
        return {
            "message": self.message_micro.as_dict(), "roles": self.roles_micro.as_dict(), "joint": self.joint_micro.as_dict(),
            "form": self.form.as_dict(), "medium": self.medium.as_dict(),
        }


def count_document(gold: Document, pred: Document, cells: Cells, simplified: bool = False) -> tuple[int, int, int]:
    """Add one document's cells; returns (gold quotes, predicted quotes, pairs)."""
    if gold.tokens is None:
        raise ValueError(f"document {gold.id}: the official scorer needs the gold document's tokens")
    roles = SIMPLIFIED_ROLES if simplified else ROLE_NAMES
    g_quotes = [q for q in gold.quotes if not (simplified and q.nested)]
    p_quotes = [q for q in pred.quotes if not (simplified and q.nested)]
    g = to_token_quotes(gold.with_quotes(g_quotes), gold.tokens, roles)
    p = to_token_quotes(pred.with_quotes(p_quotes), gold.tokens, roles)
    pairs = pair_quotes(g, p)
    empty: frozenset = frozenset()
    for i, j in pairs:
        for r in roles:
            cells.add(r, g[i].roles[r], p[j].roles[r])
        same_label = g[i].label == p[j].label
        cells.form += PRFScore(tp=int(same_label), fp=int(not same_label), fn=int(not same_label))
        same_medium = g[i].medium == p[j].medium
        cells.medium += PRFScore(tp=int(same_medium), fp=int(not same_medium), fn=int(not same_medium))
    paired_g = {i for i, _ in pairs}
    paired_p = {j for _, j in pairs}
    for i, q in enumerate(g):
        if i not in paired_g:
            for r in roles:
                cells.add(r, q.roles[r], empty)
            cells.form.fn += 1
            cells.medium.fn += 1
    for j, q in enumerate(p):
        if j not in paired_p:
            for r in roles:
                cells.add(r, empty, q.roles[r])
            cells.form.fp += 1
            cells.medium.fp += 1
    return len(g), len(p), len(pairs)


def score_official(golds: Iterable[Document], preds: Iterable[Document], simplified: bool = False) -> OfficialScores:
    """Score predictions against gold with the official WikiNews metric.

    Documents are matched by id; a gold document without a prediction counts as predicting nothing.
    """
    pred_by_id = {d.id: d for d in preds}
    cells = Cells()
    n_docs = n_gold = n_pred = n_pairs = 0
    for gold in golds:
        pred = pred_by_id.get(gold.id, gold.with_quotes(()))
        ng, np_, npairs = count_document(gold, pred, cells, simplified)
        n_docs += 1
        n_gold += ng
        n_pred += np_
        n_pairs += npairs
    roles = SIMPLIFIED_ROLES if simplified else ROLE_NAMES
    role_part = [r for r in roles if r != "quote"]
    return OfficialScores(
        message=_macro(cells, ["quote"]),
        roles=_macro(cells, role_part),
        joint=_macro(cells, roles),
        form=cells.form.prf(),
        medium=cells.medium.prf(),
        message_micro=_micro(cells, ["quote"]),
        roles_micro=_micro(cells, role_part),
        joint_micro=_micro(cells, roles),
        per_role={r: {"macro": _macro(cells, [r]).as_dict(), "micro": cells.micro[r].as_dict()} for r in roles},
        documents=n_docs,
        gold_quotes=n_gold,
        pred_quotes=n_pred,
        pairs=n_pairs,
    )
