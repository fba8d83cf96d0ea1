"""How long scoring takes: all 850 train + dev documents of german-news-quotes-2024, every metric.

    QUOTES_CORPORA=../shared/corpora .venv/bin/python eval/bench_scoring.py

Reads both splits (timed apart), runs the quote-marks baseline over them (not timed), then times
``quotes.evaluate.evaluate`` (official macro and micro, the simplified variant, strict and seqeval,
per-document counts kept) for gold against itself and for the baseline's predictions, best of
``--repeats`` runs each. The target is under 10 s for scoring. Prints a Markdown report; ``--out``
also writes it to a file.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from machine import best_of, header, load_average, machine_info  # noqa: E402

from quotes.evaluate import evaluate  # noqa: E402
from quotes.formats.wikinews import read_wikinews_dir  # noqa: E402
from quotes.registry import get_extractor  # noqa: E402

TARGET_SECONDS = 10.0



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", type=Path, help="also write the report to this file")
    args = ap.parse_args()
    root = Path(os.environ.get("QUOTES_CORPORA", HERE.parent.parent / "shared" / "corpora")) / "german-news-quotes-2024" / "data"
    info = machine_info()
    began = time.perf_counter()
    docs = [d for split in ("train", "dev") for d in read_wikinews_dir(root / split)]
    read_seconds = time.perf_counter() - began
    marks = get_extractor("quote-marks")
    preds = [d.with_quotes(marks.extract(d)) for d in docs]
    rows = []
    for name, p in (("gold against itself", docs), ("quote-marks baseline", preds)):
        seconds = best_of(args.repeats, lambda p=p: evaluate(docs, p))
        rows.append((name, seconds))
    info["load_average_end"] = load_average()
    n_tokens = sum(len(d.tokens) for d in docs)
    n_quotes = sum(len(d.quotes) for d in docs)
    lines = [
        "# Scoring speed", "",
        header(info), "",
        f"{len(docs)} documents ({n_tokens} tokens, {n_quotes} gold quotes); reading them: {read_seconds:.2f} s.", "",
        f"| predictions | scoring, all metrics (best of {args.repeats}) | target |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {s:.2f} s | {'under' if s < TARGET_SECONDS else 'OVER'} {TARGET_SECONDS:.0f} s |" for name, s in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
