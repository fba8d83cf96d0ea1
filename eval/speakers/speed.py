"""Speed of speaker resolution against the spaCy blank German tokenizer over the same texts,
measured in the same run: on the WikiNews dev split (its gold quotes), and on one long document.

    .venv/bin/python eval/speakers/speed.py [--repeat 3] [--long-mb 5] [--baseline FILE [--baseline-max-mb 2]]

The long document is the train and dev articles of german-news-quotes-2024 joined by blank lines
(repeated until it reaches ``--long-mb`` million characters; several sizes: ``--long-mb 0.5,1,2,5``),
with their gold quotes moved to their place in it: resolution over it should cost what it costs
over the articles one by one. ``--long-mb 0`` skips it. Prints tokens per second of each and the
ratio (resolution time / tokenizer time).

``--baseline FILE`` times another version of ``quotes/speakers.py`` in the same run, e.g. an
earlier commit's: ``git show 16bec84:quotes/speakers.py > /tmp/speakers_before.py``; on long
documents only up to ``--baseline-max-mb`` (an earlier, quadratic version takes minutes on 5 MB).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import spacy  # noqa: E402

from quotes.batch import shift  # noqa: E402
from quotes.formats.wikinews import read_wikinews_dir  # noqa: E402
from quotes.speakers import resolve_speakers  # noqa: E402
from quotes.types import Document  # noqa: E402
from machine import best_of  # noqa: E402


def load_baseline(path: str):
    """Another version of ``quotes/speakers.py``, loaded as if it were that module."""
    import types

    import quotes.speakers

    module = types.ModuleType("quotes._speakers_baseline")
    module.__file__ = quotes.speakers.__file__  # its word lists are read next to it
    module.__package__ = "quotes"
    sys.modules[module.__name__] = module
    exec(compile(Path(path).read_text(encoding="utf-8"), path, "exec"), module.__dict__)
    return module



def long_document(docs: list[Document], chars: int) -> tuple[Document, list]:
    """The documents joined by blank lines, repeated until ``chars`` characters, with their quotes."""
    parts, quotes, pos = [], [], 0
    while pos < chars:
        for d in docs:
            parts.append(d.text)
            quotes += [shift(q.replace(speaker_id=None, trace=""), pos) for q in d.quotes]
            pos += len(d.text) + 2
            if pos >= chars:
                break
    return Document("long", "\n\n".join(parts)), quotes


def report(title: str, n_docs: int, n_quotes: int, n_tokens: int, t_tok: float, t_res: float) -> None:
    print(f"{title}: documents {n_docs}, quotes {n_quotes}, tokens {n_tokens}")
    print(f"  spaCy blank German tokenizer: {n_tokens / t_tok:,.0f} tokens/s ({t_tok:.3f} s)")
    print(f"  resolve_speakers:             {n_tokens / t_res:,.0f} tokens/s ({t_res:.3f} s)")
    print(f"  ratio (resolution time / tokenizer time): {t_res / t_tok:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--long-mb", default="5", help="sizes of the long document in million characters, comma-separated (0: skip)")
    ap.add_argument("--baseline", help="another quotes/speakers.py to time in the same run")
    ap.add_argument("--baseline-max-mb", type=float, default=2.0, help="largest long document the baseline is timed on")
    args = ap.parse_args()
    baseline = load_baseline(args.baseline) if args.baseline else None
    corpora = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    data = corpora / "german-news-quotes-2024" / "data"
    docs = list(read_wikinews_dir(data / "dev"))
    plain = [(d, [q.replace(speaker_id=None) for q in d.quotes]) for d in docs]
    nlp = spacy.blank("de")
    nlp.max_length = 10**8
    print(f"load before: {os.getloadavg()[0]:.2f} (1-min average, 2 cores)")
    n_tokens = sum(len(nlp.make_doc(d.text)) for d in docs)
    t_tok = best_of(args.repeat, lambda: [nlp.make_doc(d.text) for d in docs])
    t_res = best_of(args.repeat, lambda: [resolve_speakers(d, qs) for d, qs in plain])
    report("WikiNews dev", len(docs), sum(len(q) for _, q in plain), n_tokens, t_tok, t_res)
    if baseline is not None:
        t_base = best_of(args.repeat, lambda: [baseline.resolve_speakers(d, qs) for d, qs in plain])
        print(f"  baseline {args.baseline}: {n_tokens / t_base:,.0f} tokens/s ({t_base:.3f} s), ratio {t_base / t_tok:.2f}")
    train = list(read_wikinews_dir(data / "train"))
    for mb in (float(x) for x in args.long_mb.split(",")):
        if mb <= 0:
            continue
        long, quotes = long_document(docs + train, int(mb * 1_000_000))
        n_tokens = len(nlp.make_doc(long.text))
        t_tok = best_of(1, lambda: nlp.make_doc(long.text))
        t_res = best_of(1, lambda: resolve_speakers(long, quotes))
        report(f"one long document of {len(long.text):,} characters", 1, len(quotes), n_tokens, t_tok, t_res)
        if baseline is not None and mb <= args.baseline_max_mb:
            t_base = best_of(1, lambda: baseline.resolve_speakers(long, quotes))
            print(f"  baseline {args.baseline}: {n_tokens / t_base:,.0f} tokens/s ({t_base:.3f} s), ratio {t_base / t_tok:.2f}")
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
