"""Extraction at scale: speed per extractor, scaling from 1 to 2 processes, peak memory at 1x and 10x.

    QUOTES_CORPORA=../shared/corpora .venv/bin/python eval/scale/bench.py            # every extractor
    QUOTES_CORPORA=../shared/corpora .venv/bin/python eval/scale/bench.py -x rules   # one of them

Input: the dev split of german-news-quotes-2024 (150 WikiNews articles), written as JSONL to a
temporary folder, and the same replicated 10 times (``--times``; ids ``<id>#<k>``) for the 10x runs.

For each registered extractor:
- speed on one core, in a fresh process of its own: extraction alone (no reading or writing), the first pass
  over the texts (word-form caches cold, as for new text; the best later pass is shown as "warm"),
  as tokens/s and documents/s and as a ratio to the spaCy blank German tokenizer alone over the
  same texts (best of ``--repeats``), measured right before it (tokens are that tokenizer's);
- scaling: ``quotes extract`` with ``--n-process 1`` and ``2`` on the 1x and the 10x input, each
  a fresh process, wall clock from start to exit (start-up and model loading included). Two
  figures: the speed-up on the 10x input, and the marginal speed-up, (10x - 1x time with one
  process) / (the same with two), in which the start-up cancels out: what more input costs;
- peak memory (max RSS of the ``--n-process 1`` command) on the 1x and the 10x input.

Torch and BLAS are held to one thread (OMP_NUM_THREADS=1), so "one core" means one core.
The load average is recorded before and after, and a control: the speed-up of a pure CPU loop
from 1 to 2 processes, which shows how much of two cores the machine gave the run. The scaling
figure means something only on an otherwise quiet machine (control near 2.0).
Writes ``eval/scale/report.md`` and ``report.json`` and prints the report.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TARGETS = {"rules": 20_000, "model": 5_000}  # tokens/s on one core
SCALING_TARGET = 1.7
MEMORY_TARGET = 1.2
QUIET_CONTROL = 1.8  # the control speed-up below which the machine is too busy for a scaling verdict


def dev_documents() -> list[tuple[str, str]]:
    from quotes.formats.wikinews import read_wikinews_dir

    root = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    folder = root / "german-news-quotes-2024" / "data" / "dev"
    if not folder.is_dir():
        sys.exit(f"{folder} is absent: set QUOTES_CORPORA to the folder that holds german-news-quotes-2024")
    return [(d.id, d.text) for d in read_wikinews_dir(folder, with_quotes=False)]


def write_jsonl(path: Path, docs: list[tuple[str, str]], times: int) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for k in range(times):
            for doc_id, text in docs:
                f.write(json.dumps({"id": doc_id if times == 1 else f"{doc_id}#{k}", "text": text}, ensure_ascii=False) + "\n")
    return path


def tokenizer_pass(texts: list[str], repeats: int) -> tuple[int, float]:
    """Tokens and the best time of the spaCy blank German tokenizer over the texts."""
    import spacy

    tokens, best = 0, float("inf")
    for _ in range(repeats):
        tokenizer = spacy.blank("de").tokenizer  # a fresh one: its cache cold, like the extractor's first pass
        t = time.perf_counter()
        tokens = sum(len(doc) for doc in tokenizer.pipe(texts, batch_size=64))
        best = min(best, time.perf_counter() - t)
    return tokens, best


def extractor_pass(name: str, docs: list[tuple[str, str]], repeats: int) -> dict:
    """Build time and the best extraction time over the documents, in this process."""
    from quotes.batch import Failure, run
    from quotes.registry import get_extractor
    from quotes.types import Document

    t = time.perf_counter()
    ext = get_extractor(name)
    build = time.perf_counter() - t
    documents = [Document(i, text) for i, text in docs]
    list(run(ext, documents[:5]))  # anything loaded lazily is loaded now
    times, quotes, failed = [], 0, 0
    for _ in range(max(repeats, 2)):
        t = time.perf_counter()
        results = list(run(ext, documents))
        times.append(time.perf_counter() - t)
        quotes = sum(len(r.quotes) for r in results if not isinstance(r, Failure))
        failed = sum(isinstance(r, Failure) for r in results)
    # The first pass meets every word form for the first time (cold caches), as new text does;
    # later passes see the same text again.
    return {"build_s": build, "seconds": times[0], "seconds_warm": min(times[1:]), "quotes": quotes, "failed": failed}


def command(name: str, src: Path, out: Path, n_process: int) -> dict:
    """Run ``quotes extract`` in a fresh process: wall seconds, peak RSS in MiB, exit status."""
    cmd = [sys.executable, "-m", "quotes", "extract", str(src), "-x", name, "-o", str(out), "-q", "--n-process", str(n_process)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{stderr[-2000:]}")
    return {"wall_s": wall, "max_rss_mib": usage.ru_maxrss / 1024, "exit": proc.returncode}


def bench(name: str, docs, texts, files: dict, tmp: Path, repeats: int, times: int) -> dict:
    print(f"[{name}] one core ...", file=sys.stderr)
    tokens, tok_s = tokenizer_pass(texts, repeats)
    # A fresh interpreter for each extractor: caches an earlier extractor warmed (the hybrid runs the
    # rules inside it) must not flatter the first pass of the next.
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        one = pool.apply(extractor_pass, (name, docs, repeats))
    row = {
        "extractor": name,
        "documents": len(docs),
        "tokens": tokens,
        "tokenizer_tokens_per_s": tokens / tok_s,
        "tokens_per_s": tokens / one["seconds"],
        "docs_per_s": len(docs) / one["seconds"],
        "ratio_to_tokenizer": tok_s / one["seconds"],
        "tokens_per_s_warm": tokens / one["seconds_warm"],
        "build_s": one["build_s"],
        "quotes": one["quotes"],
        "failed": one["failed"],
    }
    print(f"[{name}] processes and memory ...", file=sys.stderr)
    runs = {
        "n1_1x": command(name, files["1x"], tmp / "o.jsonl", 1),
        "n1_10x": command(name, files["10x"], tmp / "o.jsonl", 1),
        "n2_1x": command(name, files["1x"], tmp / "o.jsonl", 2),
        "n2_10x": command(name, files["10x"], tmp / "o.jsonl", 2),
    }
    w1, w2 = runs["n1_10x"]["wall_s"], runs["n2_10x"]["wall_s"]
    m1, m2 = w1 - runs["n1_1x"]["wall_s"], w2 - runs["n2_1x"]["wall_s"]
    row.update({
        "runs": runs,
        "speedup_2_processes": w1 / w2,
        # (times - 1)x the input for the difference in time: start-up cancels out. Noise can swamp it when
        # the extra work takes a second or two (quote-marks).
        "speedup_2_processes_marginal": m1 / m2 if m1 > 2 and m2 > 0 else None,
        "tokens_per_s_2_processes_marginal": (times - 1) * tokens / m2 if m2 > 0 else None,
        "peak_mib_1x": runs["n1_1x"]["max_rss_mib"],
        "peak_mib_10x": runs["n1_10x"]["max_rss_mib"],
        "memory_ratio_10x": runs["n1_10x"]["max_rss_mib"] / runs["n1_1x"]["max_rss_mib"],
    })
    return row


def _spin(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def control_speedup(n: int = 20_000_000) -> float:
    """What 2 processes gain over 1 on pure CPU work with no I/O or start-up: how much of two
    cores this machine gives right now (2.0 on a quiet machine)."""
    from concurrent.futures import ProcessPoolExecutor

    t = time.perf_counter()
    _spin(n)
    _spin(n)
    serial = time.perf_counter() - t
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [10, 10]))
        t = time.perf_counter()
        list(pool.map(_spin, [n, n]))
        parallel = time.perf_counter() - t
    return serial / parallel


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def markdown(report: dict) -> str:
    m = report["machine"]
    lines = [
        "# Extraction at scale: benchmark report",
        "",
        f"Written by `eval/scale/bench.py` on {report['date']} (commit {report['commit']}, plus the working tree).",
        f"Machine: {m['cpus']} cores ({m['cpu']}), Python {m['python']}. Load average (1, 5, 15 min) before: "
        f"{', '.join(f'{x:.2f}' for x in report['load_before'])}; after: {', '.join(f'{x:.2f}' for x in report['load_after'])}.",
        "Control: a pure CPU loop in 2 processes ran "
        f"{report['control_speedup'][0]:.2f}× / {report['control_speedup'][1]:.2f}× (before / after) as fast as in one: "
        f"how much of two cores the machine gave this run (2.0 when quiet; below {QUIET_CONTROL} the scaling figures get no verdict).",
        f"Input: dev split of german-news-quotes-2024, {report['documents']} documents, {report['tokens']:,} tokens "
        f"(spaCy blank German tokenizer); \"10x\" = the same replicated {report['times']} times.",
        "",
        "## Speed on one core (extraction alone)",
        "",
        "First pass over the dev split (caches cold, as for new text); tokenizer: a fresh one each time, best of "
        f"{report['repeats']}; warm: best of the later passes of the extractor over the same text.",
        "",
        "| extractor | tokens/s | docs/s | ratio to tokenizer | tokenizer tokens/s | target tokens/s | warm tokens/s | build s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in report["results"]:
        target = TARGETS.get(r["extractor"])
        verdict = "" if target is None else f"{target:,} ({_met(r['tokens_per_s'] >= target)})"
        lines.append(f"| {r['extractor']} | {r['tokens_per_s']:,.0f} | {r['docs_per_s']:,.1f} | {r['ratio_to_tokenizer']:.3f} | "
                     f"{r['tokenizer_tokens_per_s']:,.0f} | {verdict or '–'} | {r['tokens_per_s_warm']:,.0f} | {r['build_s']:.1f} |")
    lines += [
        "",
        "## Scaling from 1 to 2 processes (`quotes extract` on the 10x input, fresh process each)",
        "",
        "| extractor | 1 process s, 1x / 10x | 2 processes s, 1x / 10x | speed-up at 10x | marginal speed-up (10x − 1x) | 2-process marginal tokens/s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    quiet = min(report["control_speedup"]) >= QUIET_CONTROL

    def verdict(x: float) -> str:
        # On a busy machine the figure says more about the other jobs than about us.
        return f"{_met(x >= SCALING_TARGET)} ≥ {SCALING_TARGET}" if quiet else "machine busy: no verdict"

    for r in report["results"]:
        runs = r["runs"]
        marginal = r["speedup_2_processes_marginal"]
        marginal = "n/a (too little work to tell)" if marginal is None else f"{marginal:.2f} ({verdict(marginal)})"
        rate = r["tokens_per_s_2_processes_marginal"]
        lines.append(f"| {r['extractor']} | {runs['n1_1x']['wall_s']:.1f} / {runs['n1_10x']['wall_s']:.1f} | "
                     f"{runs['n2_1x']['wall_s']:.1f} / {runs['n2_10x']['wall_s']:.1f} | "
                     f"{r['speedup_2_processes']:.2f} ({verdict(r['speedup_2_processes'])}) | "
                     f"{marginal} | {'–' if rate is None else f'{rate:,.0f}'} |")
    lines += [
        "",
        "## Peak memory (max RSS of `quotes extract --n-process 1`)",
        "",
        "| extractor | 1x MiB | 10x MiB | 10x / 1x |",
        "|---|---:|---:|---:|",
    ]
    for r in report["results"]:
        lines.append(f"| {r['extractor']} | {r['peak_mib_1x']:.0f} | {r['peak_mib_10x']:.0f} | "
                     f"{r['memory_ratio_10x']:.2f} ({_met(r['memory_ratio_10x'] <= MEMORY_TARGET)} ≤ {MEMORY_TARGET}) |")
    lines += [
        "",
        "Notes: the speed-up at 10x includes the start-up of each command (imports, and building the extractor "
        "once per worker), a constant that weighs less the larger the input; the marginal speed-up leaves it out. "
        "The scaling figures hold only when the load average before and after is near zero: on a machine shared "
        "with other jobs, two processes compete with them for two cores. The 10x input repeats the same texts, so "
        "it adds no new strings to spaCy's vocabulary or to the extractors' word-form caches (which are bounded), "
        "and after the first pass it runs on warm caches: it flatters the 10x time, and each worker process warms "
        "its own caches.",
        "",
    ]
    # The large input is called by its factor: "10x" in the labels above stands for --times.
    return "\n".join(lines).replace("10x", f"{report['times']}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-x", "--extractor", action="append", help="extractor to measure (repeatable; default: every registered one)")
    parser.add_argument("--repeats", type=int, default=3, help="passes for the one-core figures (the best counts)")
    parser.add_argument("--times", type=int, default=10, help="how often the large input repeats the dev split (default 10)")
    parser.add_argument("--out", type=Path, default=HERE / "report.md", help="the Markdown report (a .json goes next to it)")
    args = parser.parse_args()

    from quotes.registry import extractor_names

    names = args.extractor or sorted({n.rsplit(".v", 1)[0] for n in extractor_names()})
    docs = dev_documents()
    texts = [t for _, t in docs]
    load_before = os.getloadavg()
    control_before = control_speedup()
    results = []
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as tmp:
        tmp = Path(tmp)
        files = {"1x": write_jsonl(tmp / "dev.jsonl", docs, 1), "10x": write_jsonl(tmp / "devN.jsonl", docs, args.times)}
        for name in names:
            results.append(bench(name, docs, texts, files, tmp, args.repeats, args.times))
    report = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "machine": {"cpus": os.cpu_count(), "cpu": cpu_model(), "python": platform.python_version()},
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "control_speedup": [control_before, control_speedup()],
        "documents": len(docs),
        "tokens": results[0]["tokens"] if results else 0,
        "repeats": args.repeats,
        "times": args.times,
        "results": results,
    }
    text = markdown(report)
    args.out.write_text(text, encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
