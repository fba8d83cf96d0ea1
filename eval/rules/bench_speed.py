"""Speed of ``quotes extract --extractor rules`` on one core, against spaCy's tokenizer.

In one process, pinned to one CPU core, over the texts of a split of german-news-quotes-2024:

- baseline: ``spacy.blank("de")`` tokenizing every text (nothing else);
- extract: ``quotes.extraction.extract_paths`` (the function behind ``quotes extract``) over the
  split folder, writing JSONL to a temporary file, with the extractor built and warmed up first;
- load: building the extractor (spaCy pipeline, lemma dictionary, cue lexicon), reported apart.

Each timing is the best of ``--repeat`` runs (the machine may be shared), each run with the
tokenizers' caches emptied (spaCy caches the tokenization of words it has seen; a second pass over
the same texts would measure the cache); tokens are the non-whitespace tokens of the blank
tokenizer. Prints tokens/s of both, their ratio, and the load average before and after.

    .venv/bin/python eval/rules/bench_speed.py [--split dev] [--repeat 3] [--cli]

``--cli`` also times the command itself (``quotes extract``, a fresh process: start-up, imports and
loading included) once.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_dev import corpus_dir  # noqa: E402


def pin_one_core() -> str:
    """Run this process on a single CPU (the first it may use); returns a description."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here)"


def flush_cache(nlp) -> None:
    """Empty a spaCy tokenizer's cache (re-setting a rule flushes it)."""
    nlp.tokenizer.infix_finditer = nlp.tokenizer.infix_finditer


def best_of(repeat: int, fn, nlp) -> float:
    best = float("inf")
    for _ in range(repeat):
        flush_cache(nlp)
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--corpus", help="the german-news-quotes-2024 folder")
    ap.add_argument("--extractor", "-x", default="rules")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cli", action="store_true", help="also time the quotes extract command in a fresh process")
    args = ap.parse_args(argv)
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    pinned = pin_one_core()
    load_before = os.getloadavg()

    import spacy

    from quotes.extraction import extract_paths
    from quotes.formats.wikinews import read_wikinews_dir
    from quotes.registry import get_extractor

    folder = corpus_dir(args.corpus) / "data" / args.split
    texts = [d.text for d in read_wikinews_dir(folder, with_quotes=False)]
    blank = spacy.blank("de")
    blank.max_length = 10**8
    tokens = sum(1 for t in texts for tok in blank(t) if not tok.is_space)
    chars = sum(len(t) for t in texts)

    t_base = best_of(args.repeat, lambda: [blank(t) for t in texts], blank)
    t0 = time.perf_counter()
    ext = get_extractor(args.extractor)
    ext.extract(read_wikinews_dir(folder, with_quotes=False).__next__())
    t_load = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"

        def run() -> None:
            report = extract_paths([folder], out, extractor=ext, progress=False)
            if report.failures:
                raise SystemExit(f"{len(report.failures)} documents failed: {report.failures[0]}")

        t_ext = best_of(args.repeat, run, getattr(ext, "nlp", blank))
        cli_s = None
        if args.cli:
            cmd = [sys.executable, "-m", "quotes", "extract", str(folder), "--extractor", args.extractor, "--output", str(out), "--quiet"]
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            cli_s = time.perf_counter() - t0
    load_after = os.getloadavg()

    print(f"{args.extractor} on {folder}: {len(texts)} documents, {tokens} tokens, {chars} characters; {pinned}; best of {args.repeat}")
    print(f"load average before {load_before[0]:.2f} / after {load_after[0]:.2f} (1 min), {os.cpu_count()} CPUs")
    print(f"{'baseline: spacy.blank(de) tokenizer':<42} {t_base:8.3f} s {tokens / t_base:10,.0f} tokens/s")
    print(f"{'quotes extract --extractor ' + args.extractor:<42} {t_ext:8.3f} s {tokens / t_ext:10,.0f} tokens/s")
    print(f"{'ratio (extract time / tokenizer time)':<42} {t_ext / t_base:8.2f}x")
    print(f"{'one-off: building the extractor + 1 doc':<42} {t_load:8.3f} s")
    if cli_s is not None:
        print(f"{'the command in a fresh process (once)':<42} {cli_s:8.3f} s {tokens / cli_s:10,.0f} tokens/s (start-up and imports included)")


if __name__ == "__main__":
    main()
