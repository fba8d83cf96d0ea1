"""The official scorer of the WikiNews quotation data set (german-news-quotes-2024, SpkAtt-2023 Task 2),
reimplemented from its description in the data set's SOURCE.md (the scorer itself, ``eval/eval.py``
of the origin repository, is not available here):

- per document, gold and predicted quotes are paired by ``linear_sum_assignment(maximize=True)`` on
  the token F1 of their quote spans; an equal type adds 0.01 and an equal medium 0.001, only where
  the overlap is above 0. Pairs with zero overlap are still assigned while both sides have quotes;
- each pair is scored per token for the quote and each role (addressee, cue, frame, speaker), as
  TP/FP/FN on token-id sets; unpaired quotes count all their tokens as false positives or negatives;
- Message, Roles and Joint P/R are macro averages over (pair × role) cells: the precision and the
  recall of each cell are averaged, a cell whose precision (or recall) is undefined (0/0) left out
  of that average. F is the harmonic mean of the averaged P and R;
- Form (type) and Medium are micro counts over the quotes: a pair with equal labels is a true
  positive, with different labels a false positive and a false negative; an unpaired gold quote is
  a false negative, an unpaired predicted one a false positive;
- the "simplified" variant keeps only top-level quotes (not ``nested``) and only quote and speaker.

Everything works on the gold document's own tokens: predicted character spans are mapped onto them
(a token counts when at least half of it is covered), which is what writing the predictions as
WikiNews JSON and running the data set's scorer on them would see. For the same reason a quote
without a medium counts as ``Speech`` (the WikiNews writer's default) and a quote's type label is
its corpus label when that agrees with its type, else the label of its type
(``free_indirect`` → ``IndirectFreeIndirect``, ``mixed`` → ``Indirect``).

Counting is kept apart from dividing: ``count_document`` gives one document's named counts (sums
of cell precisions and recalls, cell numbers, token TP/FP/FN), which add up over documents (and
over bootstrap samples); ``official_figures`` divides.

How fidelity to the data set's scorer was checked: ``tests/test_scoring_official.py`` works small
cases out by hand from the description above (zero-overlap pairing, both tie-breakers, skipped
undefined cells, unpaired quotes on either side, Form/Medium counting, the simplified variant),
gold scored against itself gives 1.0 everywhere, scoring Documents directly equals scoring the
same predictions after a round trip through WikiNews JSON files, and the quote-marks baseline
lands where the issue expects it (about 0.30 Message F1 and 0.10 Joint on dev).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import numpy
from scipy.optimize import linear_sum_assignment

from ..formats.wikinews import DEFAULT_MEDIUM, LABEL_FROM_TYPE, TYPE_FROM_LABEL
from ..types import Document, Quote, Span  # noqa: F401  (Span: for the doctests)
from .prf import PRF, PRFScore, add_counts, harmonic, ratio
from .tokens import TokenMap, Tokens, document_tokens

ROLE_NAMES = ("quote", "addressee", "cue", "frame", "speaker")
ROLES_ONLY = ("addressee", "cue", "frame", "speaker")
SIMPLIFIED_ROLES = ("quote", "speaker")
GROUPS = ("message", "roles", "joint")


def wikinews_label(q: Quote) -> str:
    """The WikiNews type label of a quote: its own corpus label when it agrees with its type.

    >>> wikinews_label(Quote((), "free_indirect")), wikinews_label(Quote((), "free_indirect", label="FreeIndirect"))
    ('IndirectFreeIndirect', 'FreeIndirect')
    """
    if q.label in TYPE_FROM_LABEL and TYPE_FROM_LABEL[q.label] == q.type:
        return q.label
    return LABEL_FROM_TYPE.get(q.type, "Reported")


@dataclass(frozen=True)
class TokenQuote:
    """A quote as sets of token ids per role, with its type label and medium."""

    roles: Mapping[str, frozenset]
    label: str
    medium: str


@dataclass(frozen=True)
class Pair:
    """A gold quote (index) paired with a predicted one (index), and the token F1 of their quotes."""

    gold: int
    pred: int
    overlap: float


def to_token_quotes(quotes: Iterable[Quote], tokens: Tokens | TokenMap, roles: Sequence[str] = ROLE_NAMES) -> list[TokenQuote]:
    """Each quote's roles as token-id sets on ``tokens`` (``quote`` is the content)."""
    tmap = tokens if isinstance(tokens, TokenMap) else TokenMap(tokens)
    return [
        TokenQuote({r: tmap.ids(q.role("content" if r == "quote" else r)) for r in roles}, wikinews_label(q), q.medium or DEFAULT_MEDIUM)
        for q in quotes
    ]


def token_f1(a: frozenset, b: frozenset) -> float:
    """The F1 of two token-id sets.

    >>> token_f1(frozenset({1, 2, 3}), frozenset({2, 3, 4, 5}))
    0.5714285714285714
    """
    tp = len(a & b)
    return 2 * tp / (len(a) + len(b)) if tp else 0.0


def pair_quotes(gold: Sequence[TokenQuote], pred: Sequence[TokenQuote]) -> list[Pair]:
    """The official pairing: maximal total token F1 with type/medium tie-breakers, zero overlap allowed.

    >>> g = [TokenQuote({"quote": frozenset({1, 2})}, "Direct", "Speech")]
    >>> p = [TokenQuote({"quote": frozenset({7})}, "Direct", "Speech")]
    >>> pair_quotes(g, p)
    [Pair(gold=0, pred=0, overlap=0.0)]
    """
    if not gold or not pred:
        return []
    m = numpy.zeros((len(gold), len(pred)))
    f1s = numpy.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            score = token_f1(g.roles["quote"], p.roles["quote"])
            f1s[i, j] = score
            if score > 0:
                score += 0.01 * (g.label == p.label) + 0.001 * (g.medium == p.medium)
            m[i, j] = score
    rows, cols = linear_sum_assignment(m, maximize=True)
    return [Pair(int(i), int(j), float(f1s[i, j])) for i, j in zip(rows, cols)]


def _add_cell(c: Counter, role: str, g: frozenset, p: frozenset) -> None:
    tp = len(g & p)
    fp, fn = len(p) - tp, len(g) - tp
    if tp + fp:
        c[f"{role}.p_sum"] += tp / (tp + fp)
        c[f"{role}.p_n"] += 1
    if tp + fn:
        c[f"{role}.r_sum"] += tp / (tp + fn)
        c[f"{role}.r_n"] += 1
    c[f"{role}.tp"] += tp
    c[f"{role}.fp"] += fp
    c[f"{role}.fn"] += fn


def count_document(gold: Document, pred: Document, simplified: bool = False, tokens: Tokens | None = None) -> Counter:
    """One document's official counts, by name; they add up over documents.

    ``tokens`` defaults to the gold document's own (or the built-in tokenizer's where it has none).
    """
    roles = SIMPLIFIED_ROLES if simplified else ROLE_NAMES
    tmap = TokenMap(tokens if tokens is not None else document_tokens(gold))
    g = to_token_quotes([q for q in gold.quotes if not (simplified and q.nested)], tmap, roles)
    p = to_token_quotes([q for q in pred.quotes if not (simplified and q.nested)], tmap, roles)
    pairs = pair_quotes(g, p)
    c: Counter = Counter({"documents": 1, "quotes.gold": len(g), "quotes.pred": len(p), "pairs": len(pairs),
                          "pairs.zero_overlap": sum(1 for x in pairs if x.overlap == 0)})
    empty: frozenset = frozenset()
    for pair in pairs:
        gq, pq = g[pair.gold], p[pair.pred]
        for r in roles:
            _add_cell(c, r, gq.roles[r], pq.roles[r])
        for name, same in (("form", gq.label == pq.label), ("medium", gq.medium == pq.medium)):
            c[f"{name}.tp"] += same
            c[f"{name}.fp"] += not same
            c[f"{name}.fn"] += not same
    paired_g = {x.gold for x in pairs}
    paired_p = {x.pred for x in pairs}
    for i, q in enumerate(g):
        if i not in paired_g:
            for r in roles:
                _add_cell(c, r, q.roles[r], empty)
            c["form.fn"] += 1
            c["medium.fn"] += 1
    for j, q in enumerate(p):
        if j not in paired_p:
            for r in roles:
                _add_cell(c, r, empty, q.roles[r])
            c["form.fp"] += 1
            c["medium.fp"] += 1
    return c


def _group_roles(group: str, simplified: bool) -> tuple[str, ...]:
    roles = SIMPLIFIED_ROLES if simplified else ROLE_NAMES
    return {"message": ("quote",), "roles": tuple(r for r in roles if r != "quote"), "joint": roles}[group]


def official_figures(c: Mapping[str, object], simplified: bool = False) -> dict:
    """The official figures from summed counts, flat by name (``message.f``, ``joint_micro.p``, ``form.r``).

    Values are numbers, or numpy arrays when the counts are arrays (one per bootstrap sample).
    """
    def get(k):
        return c.get(k, 0)

    out = {}
    for group in GROUPS:
        roles = _group_roles(group, simplified)
        p = ratio(sum(get(f"{r}.p_sum") for r in roles), sum(get(f"{r}.p_n") for r in roles))
        r_ = ratio(sum(get(f"{r}.r_sum") for r in roles), sum(get(f"{r}.r_n") for r in roles))
        out[f"{group}.p"], out[f"{group}.r"], out[f"{group}.f"] = p, r_, harmonic(p, r_)
        tp, fp, fn = (sum(get(f"{r}.{k}") for r in roles) for k in ("tp", "fp", "fn"))
        mp, mr = ratio(tp, tp + fp), ratio(tp, tp + fn)
        out[f"{group}_micro.p"], out[f"{group}_micro.r"], out[f"{group}_micro.f"] = mp, mr, harmonic(mp, mr)
    for name in ("form", "medium"):
        tp, fp, fn = get(f"{name}.tp"), get(f"{name}.fp"), get(f"{name}.fn")
        p, r_ = ratio(tp, tp + fp), ratio(tp, tp + fn)
        out[f"{name}.p"], out[f"{name}.r"], out[f"{name}.f"] = p, r_, harmonic(p, r_)
    return out


def _prf(fig: Mapping[str, float], name: str) -> PRF:
    return PRF(fig[f"{name}.p"], fig[f"{name}.r"], fig[f"{name}.f"])


@dataclass(frozen=True)
class OfficialScores:
    """The official figures: macro (as the scorer reports them) and micro, by name, with the counts."""

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
    zero_overlap_pairs: int = 0
    simplified: bool = False
    counts: Mapping[str, float] = field(default_factory=dict, repr=False)

    @classmethod
    def from_counts(cls, c: Counter, simplified: bool = False) -> "OfficialScores":
        fig = official_figures(c, simplified)
        roles = SIMPLIFIED_ROLES if simplified else ROLE_NAMES
        per_role = {}
        for r in roles:
            p, r_ = ratio(c[f"{r}.p_sum"], c[f"{r}.p_n"]), ratio(c[f"{r}.r_sum"], c[f"{r}.r_n"])
            per_role[r] = {
                "macro": {"p": p, "r": r_, "f": harmonic(p, r_), "cells_p": c[f"{r}.p_n"], "cells_r": c[f"{r}.r_n"]},
                "micro": PRFScore(c[f"{r}.tp"], c[f"{r}.fp"], c[f"{r}.fn"]).as_dict(),
            }
        return cls(
            message=_prf(fig, "message"), roles=_prf(fig, "roles"), joint=_prf(fig, "joint"),
            form=_prf(fig, "form"), medium=_prf(fig, "medium"),
            message_micro=_prf(fig, "message_micro"), roles_micro=_prf(fig, "roles_micro"), joint_micro=_prf(fig, "joint_micro"),
            per_role=per_role, documents=c["documents"], gold_quotes=c["quotes.gold"], pred_quotes=c["quotes.pred"],
            pairs=c["pairs"], zero_overlap_pairs=c["pairs.zero_overlap"], simplified=simplified, counts=dict(c),
        )

    def _group_counts(self, group: str) -> dict:
        roles = _group_roles(group, self.simplified)
        c = self.counts
        return {
            "cells_p": sum(c.get(f"{r}.p_n", 0) for r in roles), "cells_r": sum(c.get(f"{r}.r_n", 0) for r in roles),
            **{k: sum(c.get(f"{r}.{k}", 0) for r in roles) for k in ("tp", "fp", "fn")},
        }

    def _label_counts(self, name: str) -> dict:
        return {k: self.counts.get(f"{name}.{k}", 0) for k in ("tp", "fp", "fn")}

    def as_dict(self) -> dict:
        """Macro figures as the scorer reports them: ``message``, ``roles``, ``joint``, ``form``, ``medium``."""
        return {
            "message": self.message.as_dict(), "roles": self.roles.as_dict(), "joint": self.joint.as_dict(),
            "form": self.form.as_dict(), "medium": self.medium.as_dict(),
        }

    def micro_dict(self) -> dict:
        """The same figures with Message/Roles/Joint as micro counts over tokens."""
        return {
            "message": self.message_micro.as_dict(), "roles": self.roles_micro.as_dict(), "joint": self.joint_micro.as_dict(),
            "form": self.form.as_dict(), "medium": self.medium.as_dict(),
        }

    def report(self) -> dict:
        """Everything as JSON-ready dicts: macro and micro figures each with their counts."""
        macro = {g: {**getattr(self, g).as_dict(), **self._group_counts(g)} for g in GROUPS}
        micro = {g: {**getattr(self, f"{g}_micro").as_dict(), **self._group_counts(g)} for g in GROUPS}
        labels = {n: {**getattr(self, n).as_dict(), **self._label_counts(n)} for n in ("form", "medium")}
        return {
            "macro": {**macro, **labels},
            "micro": {**micro, **labels},
            "per_role": self.per_role,
            "documents": self.documents, "gold_quotes": self.gold_quotes, "pred_quotes": self.pred_quotes,
            "pairs": self.pairs, "zero_overlap_pairs": self.zero_overlap_pairs, "simplified": self.simplified,
        }


def score_official(golds: Iterable[Document], preds: Iterable[Document], simplified: bool = False) -> OfficialScores:
    """Score predictions against gold with the official WikiNews metric.

    Documents are matched by id; a gold document without a prediction counts as predicting nothing.

    >>> t = "Er sagte: „Ja.“"
    >>> gold = Document("d", t, (Quote((Span.of(t, 10, 15),), "direct"),), tokens=((0, 2), (3, 8), (8, 9), (10, 11), (11, 13), (13, 14), (14, 15)))
    >>> score_official([gold], [gold]).message
    PRF(p=1.0, r=1.0, f=1.0)
    """
    pred_by_id = {d.id: d for d in preds}
    total: Counter = Counter()
    for gold in golds:
        add_counts(total, count_document(gold, pred_by_id.get(gold.id, gold.with_quotes(())), simplified))
    return OfficialScores.from_counts(total, simplified)

