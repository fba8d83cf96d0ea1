"""Reproduce the comparison of the named variants on the dev splits and write the report.

    QUOTES_CORPORA=../shared/corpora nice .venv/bin/python eval/run_comparison.py
    .venv/bin/python eval/run_comparison.py --only quote-marks rules --samples 200   # a quick look

Variants come from ``eval/variants.json`` (label, extractor and settings, or saved predictions;
the corpora each applies to). Corpora:

- ``wikinews-dev``: the dev split of german-news-quotes-2024 (150 news articles), all figures;
- ``parliament-dev``: the dev split of SpkAtt-2023 Task 1 (18 Bundestag speeches); speech events
  with a message are the gold quotes, and only the strict figures are shown (the debates have no
  quote types or media, and the WikiNews scorer is not theirs).

A variant whose extractor is not registered yet is skipped with a message. Writes
``eval/reports/comparison-dev.md`` and ``.json`` (date, commit, machine and load included).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from machine import header, load_average, machine_info  # noqa: E402

from quotes.compare import FIGURES, STRICT_FIGURES, compare, load_variants, stderr_progress, to_json, to_markdown  # noqa: E402
from quotes.convert import read_path  # noqa: E402

CORPORA = {
    "wikinews-dev": {"path": "german-news-quotes-2024/data/dev", "format": "wikinews", "figures": FIGURES,
                     "title": "WikiNews dev (german-news-quotes-2024)"},
    "parliament-dev": {"path": "spkatt2023-task1-gepade/data/dev/task1", "format": "spkatt", "figures": STRICT_FIGURES,
                       "title": "Parliamentary debates dev (SpkAtt-2023 Task 1, GePaDe)"},
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", type=Path, default=HERE / "variants.json")
    ap.add_argument("--only", nargs="*", help="only these variant labels")
    ap.add_argument("--corpora", nargs="*", default=list(CORPORA), choices=list(CORPORA))
    ap.add_argument("--samples", type=int, default=1000, help="bootstrap resamples")
    ap.add_argument("--out", type=Path, default=HERE / "reports" / "comparison-dev")
    args = ap.parse_args()
    root = Path(os.environ.get("QUOTES_CORPORA", HERE.parent.parent / "shared" / "corpora"))
    variants = load_variants(args.variants)
    if args.only:
        variants = [v for v in variants if v.label in args.only]
    info = machine_info()
    sections, data = [], {"conditions": info, "corpora": {}}
    for name in args.corpora:
        corpus = CORPORA[name]
        chosen = [v for v in variants if not v.corpora or name in v.corpora]
        golds = list(read_path(root / corpus["path"], corpus["format"]))
        print(f"{corpus['title']}: {len(golds)} documents, {len(chosen)} variants", file=sys.stderr)
        result = compare(golds, chosen, gold_name=corpus["path"], figures=corpus["figures"], samples=args.samples,
                         progress=stderr_progress)
        sections.append(f"## {corpus['title']}\n\n{to_markdown(result)}")
        data["corpora"][name] = to_json(result)
    info["load_average_end"] = load_average()
    described = "\n".join(f"- **{v.label}**: {v.description}" + (f" (settings {json.dumps(dict(v.settings))})" if v.settings else "")
                          for v in variants)
    text = "\n".join([
        "# Comparison of the variants on the dev splits", "",
        "Written by `eval/run_comparison.py`; reproduce with", "",
        "    QUOTES_CORPORA=../shared/corpora nice .venv/bin/python eval/run_comparison.py", "",
        header(info), "",
        "Time is wall clock on a shared machine: compare variants by their ratio to the blank tokenizer, "
        "measured in the same run, rather than by seconds. The variants of one extractor run in one process and "
        "share its caches, so the first of them is timed colder than the rest.", "",
        "Variants:", "", described, "",
        *sections,
    ])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".md").write_text(text, encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
