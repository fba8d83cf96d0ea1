"""Score an extractor on a split of german-news-quotes-2024 with the official WikiNews metric.

Prints the official figures (macro, as the scorer reports them, and micro), token F1 per quote
type (content tokens of gold and predicted quotes of that type, pooled per document) and the
counts behind them.

    .venv/bin/python eval/rules/score_dev.py                       # rules on dev
    .venv/bin/python eval/rules/score_dev.py --split train --set reported=false
    .venv/bin/python eval/rules/score_dev.py --extractor quote-marks --json out.json

The corpus is read from ``--corpus`` or ``$QUOTES_CORPORA/german-news-quotes-2024``
(default ``../shared/corpora/german-news-quotes-2024``).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quotes.batch import Failure, run  # noqa: E402
from quotes.formats.wikinews import read_wikinews_dir, spans_to_token_ids  # noqa: E402
from quotes.registry import get_extractor  # noqa: E402
from quotes.scoring.official import score_official, wikinews_label  # noqa: E402
from quotes.scoring.prf import PRFScore  # noqa: E402

LABELS = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")


def corpus_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    root = os.environ.get("QUOTES_CORPORA")
    return (Path(root) if root else ROOT.parent / "shared" / "corpora") / "german-news-quotes-2024"


def parse_settings(pairs: list[str]) -> dict:
    """``key=value`` pairs; values true/false/ints are converted.

    >>> parse_settings(["reported=false", "min_direct_tokens=4", "backbone=builtin"])
    {'reported': False, 'min_direct_tokens': 4, 'backbone': 'builtin'}
    """
    out: dict = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        if value.lower() in ("true", "false"):
            out[key] = value.lower() == "true"
        elif value.lstrip("-").isdigit():
            out[key] = int(value)
        else:
            out[key] = value
    return out


def type_scores(golds, preds) -> dict[str, PRFScore]:
    """Token-level TP/FP/FN of quote content per WikiNews type label, top-level and nested quotes alike."""
    pred_by_id = {d.id: d for d in preds}
    scores = {label: PRFScore() for label in LABELS}
    for gold in golds:
        pred = pred_by_id.get(gold.id)
        tokens = gold.tokens or ()
        starts = [t[0] for t in tokens]
        for label in LABELS:
            g = {i for q in gold.quotes if wikinews_label(q) == label for i in spans_to_token_ids(q.content, tokens, starts)}
            p = {i for q in (pred.quotes if pred else ()) if wikinews_label(q) == label for i in spans_to_token_ids(q.content, tokens, starts)}
            scores[label] += PRFScore(len(g & p), len(p - g), len(g - p))
    return scores


def evaluate(split_dir: Path, extractor: str, settings: dict, limit: int | None = None) -> dict:
    golds = list(read_wikinews_dir(split_dir))[:limit]
    ext = get_extractor(extractor, **settings)
    inputs = [g.with_quotes(()) for g in golds]
    t0 = time.perf_counter()
    preds, failures = [], []
    for result in run(ext, inputs):
        (failures if isinstance(result, Failure) else preds).append(result)
    seconds = time.perf_counter() - t0
    official = score_official(golds, preds)
    rules = collections.Counter(q.trace.split(";")[0].split(" (")[0] for d in preds for q in d.quotes)
    return {
        "split": str(split_dir),
        "extractor": ext.name,
        "documents": official.documents,
        "gold_quotes": official.gold_quotes,
        "pred_quotes": official.pred_quotes,
        "pairs": official.pairs,
        "failures": [str(f) for f in failures],
        "seconds": round(seconds, 2),
        "macro": official.as_dict(),
        "micro": official.micro_dict(),
        "per_role": official.per_role,
        "types": {k: {"p": v.precision, "r": v.recall, "f": v.fscore, "tp": v.tp, "fp": v.fp, "fn": v.fn} for k, v in type_scores(golds, preds).items()},
        "rules": dict(rules.most_common()),
    }


def report(result: dict) -> str:
    lines = [
        f"{result['extractor']} on {result['split']}: {result['documents']} documents, "
        f"{result['gold_quotes']} gold quotes, {result['pred_quotes']} predicted, {result['pairs']} pairs, "
        f"{len(result['failures'])} failed, {result['seconds']} s",
        "",
        f"{'official':<10} {'macro P':>8} {'macro R':>8} {'macro F':>8}   {'micro P':>8} {'micro R':>8} {'micro F':>8}",
    ]
    for key in ("message", "roles", "joint", "form", "medium"):
        m, u = result["macro"][key], result["micro"][key]
        lines.append(f"{key:<10} {m['p']:8.3f} {m['r']:8.3f} {m['f']:8.3f}   {u['p']:8.3f} {u['r']:8.3f} {u['f']:8.3f}")
    lines += ["", f"{'role':<10} {'macro P':>8} {'macro R':>8} {'macro F':>8}   {'tp':>6} {'fp':>6} {'fn':>6}"]
    for role, d in result["per_role"].items():
        m, c = d["macro"], d["micro"]
        lines.append(f"{role:<10} {m['p']:8.3f} {m['r']:8.3f} {m['f']:8.3f}   {c.get('tp', 0):6d} {c.get('fp', 0):6d} {c.get('fn', 0):6d}")
    lines += ["", f"{'type':<22} {'P':>6} {'R':>6} {'F1':>6}   {'tp':>6} {'fp':>6} {'fn':>6}   (content tokens)"]
    for label, s in result["types"].items():
        lines.append(f"{label:<22} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f}   {s['tp']:6d} {s['fp']:6d} {s['fn']:6d}")
    if result["rules"]:
        lines += ["", "quotes per rule:"]
        lines += [f"  {n:5d}  {rule}" for rule, n in result["rules"].items()]
    for failure in result["failures"]:
        lines.append(f"failed: {failure}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", help="dev or train (default dev)")
    ap.add_argument("--corpus", help="the german-news-quotes-2024 folder")
    ap.add_argument("--extractor", "-x", default="rules", help="registered extractor (default rules)")
    ap.add_argument("--set", dest="settings", action="append", default=[], metavar="KEY=VALUE", help="extractor setting (repeatable)")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args(argv)
    result = evaluate(corpus_dir(args.corpus) / "data" / args.split, args.extractor, parse_settings(args.settings), args.limit)
    print(report(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
