"""Score predictions against gold with every metric at once: the function behind ``quotes eval``.

``evaluate(golds, preds)`` matches documents by id and scores each pair on the gold document's
tokens with the official WikiNews metric (macro and micro, and its "simplified" variant), the
strict metric and the seqeval reports (see ``quotes.scoring``). A gold document without a
prediction counts as predicting nothing; a prediction whose text differs from its gold text is a
problem named in the result and counts as predicting nothing, and the others are scored all the
same. Per-document counts are kept, so ``quotes.compare`` can bootstrap over documents.

>>> from quotes.types import Quote, Span
>>> t = "Er sagte: „Ja.“"
>>> gold = Document("d", t, (Quote((Span.of(t, 10, 15),), "direct", speaker=(Span.of(t, 0, 2),)),))
>>> ev = evaluate([gold], [gold.with_quotes([Quote((Span.of(t, 10, 15),), "direct")])])
>>> ev.official.message.f, ev.strict.end_to_end["tp"]
(1.0, 0)
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .convert import read_path
from .errors import FormatError
from .scoring import bio, official, strict
from .scoring.official import OfficialScores
from .scoring.prf import add_counts
from .scoring.strict import KindOf, StrictScores
from .scoring.tokens import TokenMap, document_tokens
from .types import Document, Quote



@dataclass(frozen=True)
class Problem:
    """A document that could not be scored as given, and why."""

    doc_id: str | None
    reason: str

    def __str__(self) -> str:
        return f"document {self.doc_id}: {self.reason}" if self.doc_id else self.reason


@dataclass(frozen=True)
class Evaluation:
    """All figures of one set of predictions against gold, with the per-document counts behind them."""

    official: OfficialScores
    simplified: OfficialScores
    strict: StrictScores
    seqeval: dict
    gold_documents: int
    pred_documents: int
    missing: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    builtin_tokens: int = 0
    seconds: float = 0.0
    per_document: tuple[Counter, ...] = field(default=(), repr=False)
    doc_ids: tuple[str, ...] = field(default=(), repr=False)

    def to_json(self) -> dict:
        """One JSON-ready dict: ``official`` and ``official_micro`` (``message``, ``roles``, ``joint``,
        ``form``, ``medium``, each with ``p``, ``r``, ``f`` and counts), ``official_simplified``,
        ``official_details``, ``strict``, ``seqeval`` and ``documents``."""
        o = self.official.report()
        s = self.simplified.report()
        return {
            "official": o["macro"],
            "official_micro": o["micro"],
            "official_simplified": {"macro": s["macro"], "micro": s["micro"]},
            "official_details": {k: v for k, v in o.items() if k not in ("macro", "micro")},
            "strict": self.strict.report(),
            "seqeval": self.seqeval,
            "documents": {
                "gold": self.gold_documents, "predicted": self.pred_documents,
                "missing_predictions": list(self.missing), "unknown_predictions": list(self.unknown),
                "problems": [{"id": p.doc_id, "reason": p.reason} for p in self.problems],
                "scored_on_builtin_tokens": self.builtin_tokens,
            },
            "seconds": self.seconds,
        }


def _prefixed(prefix: str, c: Counter) -> Counter:
    return Counter({f"{prefix}.{k}": v for k, v in c.items()})


def document_counts(gold: Document, pred: Document, *, kind_of: KindOf | None = None, top_level: bool = False) -> Counter:
    """All counts of one document, keys prefixed by metric (``official.``, ``simplified.``, ``strict.``, ``bio.``)."""
    tokens = document_tokens(gold)
    c: Counter = Counter()
    add_counts(c, _prefixed("official", official.count_document(gold, pred, tokens=tokens)))
    add_counts(c, _prefixed("simplified", official.count_document(gold, pred, simplified=True, tokens=tokens)))
    add_counts(c, _prefixed("strict", strict.count_document(gold, pred, kind_of=kind_of, top_level=top_level, tokens=tokens)))
    add_counts(c, _prefixed("bio", bio.count_document(gold, pred, tokens=tokens)))
    return c


def part(c: Counter, prefix: str) -> Counter:
    """The counts of one metric, prefix removed."""
    start = len(prefix) + 1
    return Counter({k[start:]: v for k, v in c.items() if k.startswith(prefix + ".")})


def evaluate(golds: Iterable[Document], preds: Iterable[Document], *, kind_of: KindOf | None = None,
             top_level: bool = False) -> Evaluation:
    """Score predictions against gold with every metric; documents are matched by id.

    ``kind_of(doc, gold_quote)`` names the kind of speaker mention, to split ``speaker_id``
    accuracy by it; ``top_level=True`` leaves nested quotes out of the strict metric.
    """
    began = time.perf_counter()
    problems: list[Problem] = []
    pred_by_id: dict[str, Document] = {}
    n_pred = 0
    for d in preds:
        n_pred += 1
        if d.id in pred_by_id:
            problems.append(Problem(d.id, "predicted twice: the first prediction is scored"))
            continue
        pred_by_id[d.id] = d
    total: Counter = Counter()
    per_doc: list[Counter] = []
    ids: list[str] = []
    missing: list[str] = []
    seen: set[str] = set()
    builtin = 0
    for gold in golds:
        seen.add(gold.id)
        pred = pred_by_id.get(gold.id)
        if pred is None:
            missing.append(gold.id)
            pred = gold.with_quotes(())
        elif pred.text != gold.text:
            problems.append(Problem(gold.id, "the prediction's text differs from the gold text: scored as predicting nothing"))
            pred = gold.with_quotes(())
        builtin += gold.tokens is None
        c = document_counts(gold, pred, kind_of=kind_of, top_level=top_level)
        per_doc.append(c)
        ids.append(gold.id)
        add_counts(total, c)
    unknown = tuple(sorted(set(pred_by_id) - seen))
    return Evaluation(
        official=OfficialScores.from_counts(part(total, "official")),
        simplified=OfficialScores.from_counts(part(total, "simplified"), simplified=True),
        strict=StrictScores.from_counts(part(total, "strict")),
        seqeval=bio.bio_report(part(total, "bio")),
        gold_documents=len(ids), pred_documents=n_pred, missing=tuple(missing), unknown=unknown,
        problems=tuple(problems), builtin_tokens=builtin, seconds=time.perf_counter() - began,
        per_document=tuple(per_doc), doc_ids=tuple(ids),
    )


@dataclass
class Loaded:
    """Documents read from a path, and the ones that could not be read."""

    documents: list[Document]
    errors: list[FormatError]


def load(path: str | Path, fmt: str | None = None) -> Loaded:
    """Read all documents of a file or folder in any registered format; bad ones are listed, not raised."""
    errors: list[FormatError] = []
    docs = list(read_path(path, fmt, on_error=errors.append))
    return Loaded(docs, errors)


def speaker_mention_kind(doc: Document, quote: Quote) -> str:
    """The kind of a gold quote's speaker mention (name, partial_name, pronoun, description, none),
    to split ``speaker_id`` accuracy by it (``evaluate(..., kind_of=speaker_mention_kind)``)."""
    from .speakers import mention_kind

    return mention_kind(doc, quote, quote.speaker_id)


@dataclass
class PathEvaluation:
    """An evaluation of files on disk: the figures, the documents read and what could not be read."""

    evaluation: Evaluation
    golds: list[Document]
    preds: list[Document]
    read_errors: list[FormatError]


def evaluate_paths(gold: str | Path, pred: str | Path, gold_format: str | None = None, pred_format: str | None = None,
                   **options) -> PathEvaluation:
    """Read gold and predictions from files or folders (any registered format) and evaluate them."""
    g = load(gold, gold_format)
    p = load(pred, pred_format)
    return PathEvaluation(evaluate(g.documents, p.documents, **options), g.documents, p.documents, g.errors + p.errors)


# --- error analysis --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorCase:
    """A gold quote missed (``miss``) or a predicted quote with no gold one (``false alarm``),
    with its best partner on the other side and the text around it."""

    kind: str
    doc_id: str
    quote: Quote
    tokens: int
    overlap: float
    partner: Quote | None
    context: str


def context(text: str, start: int, end: int, width: int = 60) -> str:
    """The text around ``[start, end)``, the span marked with ⟦ ⟧, on one line; a long span is
    shortened in its middle.

    >>> context("Er sagte: Ja. Dann ging er.", 10, 13, width=6)
    '…agte: ⟦Ja.⟧ Dann …'
    """
    left = max(0, start - width)
    right = min(len(text), end + width)
    inner = text[start:end] if end - start <= 3 * width else text[start:start + width] + " … " + text[end - width:end]
    s = ("…" if left else "") + text[left:start] + "⟦" + inner + "⟧" + text[end:right] + ("…" if right < len(text) else "")
    return " ".join(s.split())


def _quote_context(text: str, q: Quote) -> str:
    return context(text, q.start, q.end)


def worst_errors(golds: Iterable[Document], preds: Iterable[Document], n: int = 10) -> dict[str, list[ErrorCase]]:
    """The ``n`` largest misses and false alarms of the strict metric (no match at ≥ 50% overlap),
    largest first (they cost the most tokens); each with its best-overlapping partner."""
    pred_by_id = {d.id: d for d in preds}
    misses: list[ErrorCase] = []
    alarms: list[ErrorCase] = []
    for gold in golds:
        pred = pred_by_id.get(gold.id, gold.with_quotes(()))
        if pred.text != gold.text:
            pred = gold.with_quotes(())
        tmap = TokenMap(document_tokens(gold))
        g = strict.token_quotes(gold.quotes, tmap)
        p = strict.token_quotes(pred.quotes, tmap)
        matched_g, matched_p = set(), set()
        for m in strict.match_quotes(g, p):
            if m.overlap >= strict.THRESHOLD:
                matched_g.add(m.gold)
                matched_p.add(m.pred)
        for side, own, other, matched, kind in ((misses, g, p, matched_g, "miss"), (alarms, p, g, matched_p, "false alarm")):
            for i, q in enumerate(own):
                if i in matched or not q.content:
                    continue
                best = max(other, key=lambda o: strict.overlap(q.content, o.content), default=None)
                best_overlap = strict.overlap(q.content, best.content) if best else 0.0
                side.append(ErrorCase(kind, gold.id, q.quote, len(q.content), best_overlap,
                                      best.quote if best and best_overlap > 0 else None, _quote_context(gold.text, q.quote)))
    key = lambda e: (-e.tokens, e.doc_id, e.quote.start)  # noqa: E731
    return {"misses": sorted(misses, key=key)[:n], "false_alarms": sorted(alarms, key=key)[:n]}


# --- readable tables -------------------------------------------------------------------------------


def _f(x: float) -> str:
    return f"{x:.3f}"


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table.

    >>> print(table(["a", "b"], [[1, 2]]))
    | a | b |
    |---|---|
    | 1 | 2 |
    """
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def format_evaluation(ev: Evaluation, errors: dict[str, list[ErrorCase]] | None = None) -> str:
    """The evaluation as readable Markdown tables."""
    out = []
    o, s = ev.official, ev.simplified
    rows = []
    for name, macro, micro in (("Message", o.message, o.message_micro), ("Roles", o.roles, o.roles_micro),
                               ("Joint", o.joint, o.joint_micro), ("Form", o.form, o.form), ("Medium", o.medium, o.medium)):
        counts = o.report()["macro"][name.lower()]
        n = f"{counts['cells_p']} / {counts['cells_r']}" if "cells_p" in counts else "–"
        rows.append([name, _f(macro.p), _f(macro.r), _f(macro.f), _f(micro.p), _f(micro.r), _f(micro.f),
                     f"{counts['tp']} / {counts['fp']} / {counts['fn']}", n])
    out.append("## Official (WikiNews scorer)\n")
    out.append(table(["", "P", "R", "F", "micro P", "micro R", "micro F", "TP / FP / FN", "P / R cells"], rows))
    out.append(f"\n{o.documents} documents; {o.gold_quotes} gold and {o.pred_quotes} predicted quotes; "
               f"{o.pairs} pairs, {o.zero_overlap_pairs} of them with zero overlap.\n")
    out.append("Simplified (top-level quotes; quote and speaker only): "
               f"Message F {_f(s.message.f)}, Roles F {_f(s.roles.f)}, Joint F {_f(s.joint.f)}.\n")

    st = ev.strict
    out.append(f"## Strict (pairs must overlap; a match shares ≥ {strict.THRESHOLD:.0%} of each quote's tokens)\n")
    rows = []
    for level, title in (("exact", "content, exact"), ("overlap", "content, ≥ 50%"), ("any", "content, any overlap")):
        c = st.content[level]
        rows.append([title, _f(c["p"]), _f(c["r"]), _f(c["f"]), c["tp"], c["fp"], c["fn"]])
    for role in strict.ROLES:
        for level in ("exact", "overlap"):
            c = st.roles[role][level]
            rows.append([f"{role}, {level}", _f(c["p"]), _f(c["r"]), _f(c["f"]), c["tp"], c["fp"], c["fn"]])
    c = st.end_to_end
    rows.append(["end to end (content + speaker)", _f(c["p"]), _f(c["r"]), _f(c["f"]), c["tp"], c["fp"], c["fn"]])
    out.append(table(["", "P", "R", "F", "TP", "FP", "FN"], rows))
    rows = []
    for t, v in st.by_type.items():
        lab, found = v["labelled"], v["found"]
        rows.append([t, lab["tp"] + lab["fn"], lab["tp"] + lab["fp"], _f(lab["p"]), _f(lab["r"]), _f(lab["f"]),
                     f"{found['correct']} / {found['total']} ({found['accuracy']:.1%})"])
    out.append("\nBy type (labelled: matched with the right type; found: matched, any type):\n")
    out.append(table(["type", "gold", "predicted", "P", "R", "F", "found"], rows))
    sp, sid = st.speaker["span"], st.speaker["id"]
    line = f"\nSpeaker accuracy over matched quotes: by span {sp['correct']} / {sp['total']} ({sp['accuracy']:.1%})"
    if sid["total"]:
        line += f"; by speaker_id {sid['correct']} / {sid['total']} ({sid['accuracy']:.1%})"
        line += "".join(f"; {k} {v['correct']} / {v['total']}" for k, v in sid["by_kind"].items())
    out.append(line + ".\n")

    out.append("## seqeval (token IOB2 per role, strict mode)\n")
    rows = []
    for layer, labels in ev.seqeval.items():
        for label, c in labels.items():
            if layer != "content" and label != "micro":
                continue
            name = layer if label == "micro" else f"{layer}: {label}"
            rows.append([name, _f(c["p"]), _f(c["r"]), _f(c["f"]), c["tp"], c["fp"], c["fn"]])
    out.append(table(["layer", "P", "R", "F", "TP", "FP", "FN"], rows))

    notes = []
    if ev.missing:
        notes.append(f"{len(ev.missing)} gold documents have no prediction and count as predicting nothing")
    if ev.unknown:
        notes.append(f"{len(ev.unknown)} predicted documents are not in the gold and were ignored")
    if ev.builtin_tokens:
        notes.append(f"{ev.builtin_tokens} gold documents have no corpus tokens and were scored on the built-in tokenizer's")
    notes += [str(p) for p in ev.problems]
    if notes:
        out.append("\n" + "\n".join(f"- note: {n}" for n in notes))
    if errors:
        for name, cases in errors.items():
            out.append(f"\n## Worst {name.replace('_', ' ')}\n")
            for e in cases:
                partner = f"; best partner ({e.overlap:.0%}): {e.partner.content_text[:80]!r}" if e.partner else ""
                out.append(f"- {e.doc_id} [{e.quote.type}, {e.tokens} tokens{partner}]\n  {e.context}")
    return "\n".join(out) + "\n"


def error_cases_json(errors: dict[str, list[ErrorCase]]) -> dict:
    def one(e: ErrorCase) -> dict:
        return {"document": e.doc_id, "type": e.quote.type, "start": e.quote.start, "end": e.quote.end, "tokens": e.tokens,
                "text": e.quote.content_text, "speaker": e.quote.speaker_text, "best_overlap": e.overlap,
                "partner": e.partner.content_text if e.partner else None, "context": e.context}

    return {k: [one(e) for e in v] for k, v in errors.items()}

