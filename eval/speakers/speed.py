"""Speed of speaker resolution on the WikiNews dev split (its gold quotes), against the spaCy blank
German tokenizer over the same texts, measured in the same run.

    .venv/bin/python eval/speakers/speed.py [--repeat 3]

Prints tokens per second of each and the ratio (resolution time / tokenizer time).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from quotes.formats.wikinews import read_wikinews_dir  # noqa: E402
from quotes.speakers import resolve_speakers  # noqa: E402


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpora = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    docs = list(read_wikinews_dir(corpora / "german-news-quotes-2024" / "data" / "dev"))
    plain = [(d, [q.replace(speaker_id=None) for q in d.quotes]) for d in docs]
    nlp = spacy.blank("de")
    n_tokens = sum(len(nlp.make_doc(d.text)) for d in docs)
    t_tok = best_of(args.repeat, lambda: [nlp.make_doc(d.text) for d in docs])
    t_res = best_of(args.repeat, lambda: [resolve_speakers(d, qs) for d, qs in plain])
    print(f"documents {len(docs)}, quotes {sum(len(q) for _, q in plain)}, tokens {n_tokens}; load: {os.getloadavg()[0]:.2f} (1-min average, 2 cores)")
    print(f"spaCy blank German tokenizer: {n_tokens / t_tok:,.0f} tokens/s")
    print(f"resolve_speakers:             {n_tokens / t_res:,.0f} tokens/s")
    print(f"ratio (resolution time / tokenizer time): {t_res / t_tok:.2f}")


if __name__ == "__main__":
    main()
