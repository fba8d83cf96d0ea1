"""Compare variants side by side on one gold set: the function behind ``quotes compare``.

A variant is a registered extractor with settings, or a file of saved predictions. On the command
line a variant is written ``NAME[:KEY=VALUE[,KEY=VALUE…]]`` (``rules``, ``rules:backbone=stanza``,
``model:path=models/m1,seed=3``; values are read as JSON where they parse, else as strings), and
saved predictions as ``[LABEL=]PATH``. A variants file (JSON: a list of objects with ``label``,
``extractor``, ``settings``, ``predictions``, ``description``) names them for a runner.

Each extractor variant runs over the gold documents with their quotes removed (one bad document
never stops it), timed against the spaCy blank German tokenizer over the same texts in the same
run. Every variant is scored with ``quotes.evaluate``; the differences to the reference variant
(the first, unless named) get paired bootstrap confidence intervals, resampling documents.
A variant whose extractor is not registered (yet) is skipped with a message.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy

from .batch import Failure, run
from .convert import read_path
from .errors import QuotesError
from .evaluate import Evaluation, evaluate, table
from .scoring.official import official_figures
from .scoring.strict import strict_figures
from .types import Document

BOOTSTRAP_SAMPLES = 1000
CONFIDENCE = 0.95
WARM_UP = 5  # documents an extractor runs over before it is timed


@dataclass(frozen=True)
class Figure:
    """A headline figure: its label, the metric it comes from and its name in that metric's figures."""

    label: str
    metric: str
    name: str


FIGURES = (
    Figure("Message F (official, macro)", "official", "message.f"),
    Figure("Roles F (official, macro)", "official", "roles.f"),
    Figure("Joint F (official, macro)", "official", "joint.f"),
    Figure("Joint F (official, micro)", "official", "joint_micro.f"),
    Figure("Content F (strict, ≥ 50%)", "strict", "content.overlap.f"),
    Figure("Content F (strict, exact)", "strict", "content.exact.f"),
    Figure("Speaker F (strict)", "strict", "speaker.f"),
    Figure("Cue F (strict)", "strict", "cue.f"),
    Figure("End-to-end F (content + speaker)", "strict", "end_to_end.f"),
)
STRICT_FIGURES = tuple(f for f in FIGURES if f.metric == "strict")


def figure_values(counts: Mapping[str, object], figures: Sequence[Figure] = FIGURES) -> dict[str, object]:
    """The headline figures from summed counts (numbers, or arrays of bootstrap samples)."""
    by_metric = {"official": official_figures(_metric(counts, "official")), "strict": strict_figures(_metric(counts, "strict"))}
    return {f.label: by_metric[f.metric][f.name] for f in figures}


def _metric(counts: Mapping[str, object], prefix: str) -> dict:
    start = len(prefix) + 1
    return {k[start:]: v for k, v in counts.items() if k.startswith(prefix + ".")}


@dataclass(frozen=True)
class Variant:
    """What is compared: a registered extractor with settings, or saved predictions."""

    label: str
    extractor: str | None = None
    settings: Mapping[str, object] = field(default_factory=dict)
    predictions: str | None = None
    description: str = ""
    corpora: tuple[str, ...] = ()  # where a runner applies it (empty: everywhere)
    against: str | None = None  # the label it is compared with (default: the reference)


def _value(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_variant(spec: str) -> Variant:
    """A variant from ``NAME[:KEY=VALUE[,KEY=VALUE…]]``; its label is the spec itself.

    >>> parse_variant("rules:backbone=stanza,max_len=400").settings
    {'backbone': 'stanza', 'max_len': 400}
    """
    name, _, rest = spec.partition(":")
    settings = {}
    for item in filter(None, rest.split(",")):
        key, eq, value = item.partition("=")
        if not eq or not key:
            raise QuotesError(f"variant {spec!r}: settings are KEY=VALUE pairs separated by commas, not {item!r}")
        settings[key.strip()] = _value(value.strip())
    if not name:
        raise QuotesError(f"variant {spec!r}: no extractor name")
    return Variant(label=spec, extractor=name, settings=settings)


def parse_predictions(spec: str) -> Variant:
    """Saved predictions from ``[LABEL=]PATH``; without a label, the file or folder name.

    >>> parse_predictions("baseline=runs/qm.jsonl").label, parse_predictions("runs/qm.jsonl").label
    ('baseline', 'qm')
    """
    label, eq, path = spec.partition("=")
    if not eq or "/" in label or Path(spec).exists():
        label, path = Path(spec).name.split(".")[0] or spec, spec
    return Variant(label=label, predictions=path)


def load_variants(path: str | Path) -> list[Variant]:
    """Variants from a JSON file: a list of objects with ``label`` and ``extractor`` (plus ``settings``)
    or ``predictions``, a ``description``, the ``corpora`` a runner applies it to, and the label
    it is compared ``against`` (an ablation against its full extractor; default: the reference);
    relative prediction paths are relative to the file."""
    path = Path(path)
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise QuotesError(f"{path}: cannot read the variants: {e}") from None
    if isinstance(items, dict):
        items = items.get("variants", [])
    out = []
    for k, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("label") or not (item.get("extractor") or item.get("predictions")):
            raise QuotesError(f"{path}: variant {k} needs a label and an extractor or predictions")
        preds = item.get("predictions")
        if preds and not Path(preds).is_absolute():
            preds = str(path.parent / preds)
        out.append(Variant(item["label"], item.get("extractor"), dict(item.get("settings") or {}), preds,
                           item.get("description", ""), tuple(item.get("corpora") or ()), item.get("against")))
    return out


@dataclass(frozen=True)
class Timing:
    """How long a variant took over the gold texts, against the blank tokenizer in the same run."""

    load_seconds: float
    seconds: float
    tokens: int
    tokenizer_seconds: float

    @property
    def ratio(self) -> float:
        """Times slower than the spaCy blank German tokenizer alone."""
        return self.seconds / self.tokenizer_seconds if self.tokenizer_seconds else 0.0

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class VariantResult:
    """A variant's evaluation, its timing (extractors only), failures, or why it was skipped."""

    variant: Variant
    evaluation: Evaluation | None = None
    timing: Timing | None = None
    failures: tuple[Failure, ...] = ()
    skipped: str | None = None
    predictions: tuple[Document, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Difference:
    """A figure of a variant minus the reference's, with its paired bootstrap confidence interval."""

    variant: str
    reference: str
    figure: str
    delta: float
    low: float
    high: float
    better: float  # share of bootstrap samples where the variant is ahead


@dataclass(frozen=True)
class Comparison:
    """Variants side by side on one gold set."""

    gold: str
    documents: int
    tokens: int
    tokenizer_seconds: float
    results: tuple[VariantResult, ...]
    differences: tuple[Difference, ...]
    figures: tuple[Figure, ...]
    samples: int
    seed: int

    @property
    def scored(self) -> list[VariantResult]:
        return [r for r in self.results if r.evaluation is not None]


@dataclass(frozen=True)
class TokenizerBaseline:
    """The speed baseline: the spaCy blank German tokenizer alone over the same texts."""

    tokens: int
    seconds: float


def tokenizer_baseline(texts: Sequence[str]) -> TokenizerBaseline:
    """Time the spaCy blank German tokenizer alone over the texts, one pass, warmed up like an
    extractor on the first ``WARM_UP`` texts."""
    import spacy

    nlp = spacy.blank("de")
    for _doc in nlp.pipe(texts[:WARM_UP]):
        pass
    began = time.perf_counter()
    n = sum(len(doc) for doc in nlp.pipe(texts))
    return TokenizerBaseline(n, time.perf_counter() - began)


def run_variant(variant: Variant, golds: Sequence[Document], progress: Callable[[str], None] | None = None) -> VariantResult:
    """Predictions of one variant over the gold documents, with its timing, or why it was skipped.

    The blank tokenizer is timed over the same texts right before the extractor runs, so both
    see the same load on a shared machine. Both are timed in one pass after the same warm-up:
    a run over the first ``WARM_UP`` documents (counted in the extractor's load time).
    """
    if variant.predictions:
        errors: list = []
        try:
            preds = list(read_path(variant.predictions, on_error=errors.append))
        except QuotesError as e:
            return VariantResult(variant, skipped=str(e))
        failures = tuple(Failure(e.doc_id, str(e.path) if e.path else None, e.message) for e in errors)
        return VariantResult(variant, failures=failures, predictions=tuple(preds))
    from .registry import get_extractor

    began = time.perf_counter()
    try:
        extractor = get_extractor(variant.extractor, **variant.settings)
    except QuotesError as e:
        return VariantResult(variant, skipped=f"not available: {e}")
    except Exception as e:  # noqa: BLE001 - a variant that cannot be built is skipped, the others run
        return VariantResult(variant, skipped=f"cannot be built: {type(e).__name__}: {e}")
    bare = [d.with_quotes(()) for d in golds]  # what ``quotes extract`` reads from the same files
    for _warm in run(extractor, bare[:WARM_UP]):
        pass
    loaded = time.perf_counter()
    baseline = tokenizer_baseline([d.text for d in golds])
    preds, failures = [], []
    started = time.perf_counter()
    for out in run(extractor, bare):
        if isinstance(out, Failure):
            failures.append(out)
        else:
            preds.append(out)
    seconds = time.perf_counter() - started
    if progress:
        progress(f"{variant.label}: {len(preds)} documents in {seconds:.1f} s ({len(failures)} failed)")
    timing = Timing(loaded - began, seconds, baseline.tokens, baseline.seconds)
    return VariantResult(variant, timing=timing, failures=tuple(failures), predictions=tuple(preds))


def _matrix(evaluation: Evaluation, keys: Sequence[str]) -> numpy.ndarray:
    return numpy.array([[c.get(k, 0) for k in keys] for c in evaluation.per_document], dtype=float)


def bootstrap_differences(results: Sequence[VariantResult], reference: int = 0, figures: Sequence[Figure] = FIGURES,
                          samples: int = BOOTSTRAP_SAMPLES, seed: int = 0) -> list[Difference]:
    """Paired bootstrap over documents: each variant's figures minus those of the variant it is
    compared against (its ``against`` label where that was scored, else the reference) on the same
    resampled documents; the interval holds the middle ``CONFIDENCE`` of the differences."""
    scored = [r for r in results if r.evaluation is not None]
    if len(scored) < 2 or not 0 <= reference < len(scored):
        return []
    n_docs = len(scored[reference].evaluation.per_document)
    if n_docs == 0:
        return []
    for r in scored:
        if r.evaluation.doc_ids != scored[reference].evaluation.doc_ids:
            raise QuotesError(f"{r.variant.label} and {scored[reference].variant.label} were scored on different documents")
    rng = numpy.random.default_rng(seed)
    picks = rng.integers(0, n_docs, size=(samples, n_docs))
    weights = numpy.stack([numpy.bincount(row, minlength=n_docs) for row in picks]).astype(float)
    keys = sorted({k for r in scored for c in r.evaluation.per_document for k in c if k.startswith(("official.", "strict."))})
    cache: dict[str, tuple[dict, dict]] = {}

    def figures_of(r: VariantResult) -> tuple[dict, dict]:
        """Sampled and observed figures of a variant."""
        if r.variant.label not in cache:
            sums = weights @ _matrix(r.evaluation, keys)
            cache[r.variant.label] = (figure_values({k: sums[:, i] for i, k in enumerate(keys)}, figures),
                                      figure_values(part_sum(r.evaluation), figures))
        return cache[r.variant.label]

    by_label = {r.variant.label: r for r in scored}
    lo, hi = (1 - CONFIDENCE) / 2 * 100, (1 + CONFIDENCE) / 2 * 100
    out = []
    for r in scored:
        base = by_label.get(r.variant.against) if r.variant.against else None
        base = base or scored[reference]
        if base is r:
            continue
        (s, o), (bs, bo) = figures_of(r), figures_of(base)
        for f in figures:
            d = numpy.asarray(s[f.label]) - numpy.asarray(bs[f.label])
            out.append(Difference(r.variant.label, base.variant.label, f.label, float(o[f.label] - bo[f.label]),
                                  float(numpy.percentile(d, lo)), float(numpy.percentile(d, hi)), float((d > 0).mean())))
    return out


def part_sum(evaluation: Evaluation) -> Counter:
    """All counts of an evaluation summed over its documents."""
    total: Counter = Counter()
    for c in evaluation.per_document:
        total.update(c)
    return total


def compare(golds: Sequence[Document], variants: Iterable[Variant], *, gold_name: str = "gold", reference: str | None = None,
            figures: Sequence[Figure] = FIGURES, samples: int = BOOTSTRAP_SAMPLES, seed: int = 0,
            progress: Callable[[str], None] | None = None) -> Comparison:
    """Run and score each variant on the gold documents and bootstrap the differences to the reference
    (the first variant scored, unless ``reference`` names one)."""
    golds = list(golds)
    baseline = tokenizer_baseline([d.text for d in golds])
    results = []
    for v in variants:
        result = run_variant(v, golds, progress)
        if result.skipped is None:
            result = VariantResult(v, evaluate(golds, result.predictions), result.timing, result.failures)
        elif progress:
            progress(f"skipping {v.label}: {result.skipped}")
        results.append(result)
    scored = [r for r in results if r.evaluation is not None]
    ref_index = 0
    if reference is not None:
        labels = [r.variant.label for r in scored]
        if reference not in labels:
            raise QuotesError(f"reference {reference!r} is not among the variants scored: {', '.join(labels)}")
        ref_index = labels.index(reference)
    diffs = bootstrap_differences(results, ref_index, figures, samples, seed)
    return Comparison(gold_name, len(golds), baseline.tokens, baseline.seconds, tuple(results), tuple(diffs), tuple(figures), samples, seed)


def compare_paths(gold: str | Path, variants: Iterable[Variant], gold_format: str | None = None, limit: int | None = None,
                  **options) -> Comparison:
    """``compare`` on the gold documents of a file or folder (the first ``limit`` of them)."""
    docs = list(read_path(gold, gold_format))
    if limit:
        docs = docs[:limit]
    return compare(docs, variants, gold_name=str(gold), **options)


# --- output ----------------------------------------------------------------------------------------


def _counts_note(ev: Evaluation, figure: Figure) -> str:
    """The counts behind a headline figure, short."""
    o, s = ev.official.report(), ev.strict.report()
    if figure.metric == "official":
        group, _, kind = figure.name.partition(".")
        macro = group.replace("_micro", "")
        c = (o["micro"] if group.endswith("_micro") else o["macro"])[macro]
        if group.endswith("_micro"):
            return f"{c['tp']}/{c['fp']}/{c['fn']}"
        return f"{c['cells_p']}/{c['cells_r']} cells"
    name = figure.name.rsplit(".", 1)[0]
    if name.startswith("content."):
        c = s["content"][name.split(".")[1]]
    elif name == "end_to_end":
        c = s["end_to_end"]
    else:
        c = s["roles"][name]["overlap"]
    return f"{c['tp']}/{c['fp']}/{c['fn']}"


def _signed(x: float) -> str:
    return f"{x:+.3f}"


def to_markdown(c: Comparison) -> str:
    """The comparison as Markdown: figures side by side with their counts, differences with CIs, time."""
    scored = c.scored
    lines = [f"Gold: {c.gold} ({c.documents} documents, {c.tokens} tokens by the blank tokenizer).", ""]
    if scored:
        header = ["figure"] + [r.variant.label for r in scored]
        rows = []
        for f in c.figures:
            rows.append([f.label] + [f"{figure_values(part_sum(r.evaluation), [f])[f.label]:.3f} ({_counts_note(r.evaluation, f)})"
                                     for r in scored])
        rows.append(["gold / predicted / matched quotes"] + [
            f"{r.evaluation.strict.gold_quotes} / {r.evaluation.strict.pred_quotes} / {r.evaluation.strict.matched}" for r in scored])
        rows.append(["time (s): load + run"] + [f"{r.timing.load_seconds:.1f} + {r.timing.seconds:.1f}" if r.timing else "saved" for r in scored])
        rows.append(["× blank tokenizer (timed just before)"] + [f"{r.timing.ratio:.3g}" if r.timing else "–" for r in scored])
        rows.append(["tokens / s"] + [f"{r.timing.tokens_per_second:,.0f}" if r.timing else "–" for r in scored])
        rows.append(["documents failed, missing or unscorable"] + [
            str(len(r.failures) + len(r.evaluation.missing) + len(r.evaluation.problems)) for r in scored])
        lines.append(table(header, rows))
        lines.append("")
        lines.append("Counts in brackets: TP/FP/FN, or for macro figures the number of (pair × role) cells averaged for P/R.")
        lines.append(f"Blank tokenizer: {c.tokenizer_seconds:.2f} s for {c.tokens} tokens before the first variant.")
    if c.differences:
        lines += ["", f"Differences (variant − the variant it is compared against), with paired bootstrap {CONFIDENCE:.0%} intervals "
                  f"({c.samples} resamples of the documents, seed {c.seed}); 'ahead' is the share of resamples where the variant is ahead:", ""]
        rows = [[d.variant, d.reference, d.figure, _signed(d.delta), f"[{_signed(d.low)}, {_signed(d.high)}]", f"{d.better:.1%}"]
                for d in c.differences]
        lines.append(table(["variant", "against", "figure", "Δ", "95% CI", "ahead"], rows))
    skipped = [r for r in c.results if r.skipped]
    if skipped:
        lines.append("")
        lines += [f"- skipped {r.variant.label}: {r.skipped}" for r in skipped]
    return "\n".join(lines) + "\n"


def to_json(c: Comparison) -> dict:
    """The comparison as one JSON-ready dict."""
    variants = []
    for r in c.results:
        v = r.variant
        item = {"label": v.label, "extractor": v.extractor, "settings": dict(v.settings), "predictions": v.predictions,
                "description": v.description, "skipped": r.skipped, "failures": [str(f) for f in r.failures]}
        if r.timing:
            item["timing"] = {"load_seconds": r.timing.load_seconds, "seconds": r.timing.seconds, "ratio_to_tokenizer": r.timing.ratio,
                              "tokens_per_second": r.timing.tokens_per_second}
        if r.evaluation is not None:
            item["figures"] = figure_values(part_sum(r.evaluation), c.figures)
            item["evaluation"] = r.evaluation.to_json()
        variants.append(item)
    return {
        "gold": c.gold, "documents": c.documents, "tokens": c.tokens, "tokenizer_seconds": c.tokenizer_seconds,
        "variants": variants,
        "differences": [d.__dict__ for d in c.differences],
        "bootstrap": {"samples": c.samples, "seed": c.seed, "confidence": CONFIDENCE, "unit": "document"},
    }


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr)
