"""Fit the pronoun weights (``quotes.speakers.PRONOUN_WEIGHTS``) to the speaker-id layer and compare
them with the hand-set ones, across parts: does a learned ranking of antecedents do better?

    .venv/bin/python eval/speakers/fit_pronoun_weights.py            # the development parts
    .venv/bin/python eval/speakers/fit_pronoun_weights.py --test rw-pronouns3   # a held-out part, once

For every gold quote whose speaker mention is a pronoun, the resolver runs over its document as
``score.py gold`` does, and the candidates it weighed for that pronoun are kept, each with its
features and whether it is the gold speaker. A conditional logit (softmax over a pronoun's
candidates, L2-penalised, plain gradient descent) is fitted on some parts and the argmax is
scored on others, against the hand-set weights on the same pronouns. Only pronouns whose gold
speaker is among the candidates count ("reachable"): the weights choose among candidates, they
do not find new ones. Corpora come from QUOTES_CORPORA (default ../shared/corpora).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import score  # noqa: E402

from quotes.scoring.speaker_ids import same_speaker  # noqa: E402
from quotes.speakers import PRONOUN_WEIGHTS, Resolver, resolve_in_order  # noqa: E402

FEATURES = list(PRONOUN_WEIGHTS)
RW = ("rw-pronouns", "rw-pronouns2")


def collect(part: str, corpora: Path, cache: dict) -> list[tuple[numpy.ndarray, numpy.ndarray]]:
    """(features of each candidate, which is the gold speaker) for every pronoun quote of ``part``."""
    docs, gold = score.layer_part(part, corpora, cache)
    out = []
    for d in docs:
        wanted = {g.index: g for g in gold if g.doc_id == d.id and g.kind == "pronoun" and g.speaker_id}
        if not wanted:
            continue
        quotes = [q.replace(speaker_id=None, trace="") for q in d.quotes]
        resolver = Resolver(d)
        for k, _ in resolve_in_order(resolver, quotes):
            if k in wanted and resolver.last_candidates:
                x = numpy.array([[f[n] for n in FEATURES] for f, _ in resolver.last_candidates], dtype=float)
                y = numpy.array([same_speaker(c.id, wanted[k].speaker_id) for _, c in resolver.last_candidates], dtype=float)
                out.append((x, y))
    return out


def fit(data, l2: float = 0.1, steps: int = 2000, rate: float = 0.1) -> numpy.ndarray:
    """Weights maximising the likelihood of the gold candidates (softmax over each pronoun's candidates)."""
    data = [(x, y / y.sum()) for x, y in data if y.any()]
    w = numpy.zeros(len(FEATURES))
    for _ in range(steps):
        grad = l2 * w
        for x, target in data:
            s = x @ w
            p = numpy.exp(s - s.max())
            grad -= x.T @ (target - p / p.sum())
        w -= rate * grad / len(data)
    return w


def right(data, w: numpy.ndarray) -> tuple[int, int]:
    """(argmax right, reachable) over the pronouns whose gold speaker is among the candidates."""
    reachable = [(x, y) for x, y in data if y.any()]
    return sum(int(y[int(numpy.argmax(x @ w))]) for x, y in reachable), len(reachable)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--test", choices=list(score.PARTS), help="also fit on all development parts and score this held-out part")
    args = ap.parse_args()
    corpora = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    cache: dict = {}
    parts = {p: collect(p, corpora, cache) for p in ("develop", *RW)}
    hand = numpy.array([PRONOUN_WEIGHTS[n] for n in FEATURES])
    rows = [
        ("develop (WikiNews)", ["develop"], list(RW)),
        ("rw-pronouns + rw-pronouns2", list(RW), ["develop"]),
        ("develop + rw-pronouns", ["develop", "rw-pronouns"], ["rw-pronouns2"]),
        ("develop + rw-pronouns2", ["develop", "rw-pronouns2"], ["rw-pronouns"]),
    ]
    if args.test:
        parts[args.test] = collect(args.test, corpora, cache)
        rows.append(("all development parts", ["develop", *RW], [args.test]))
    print("| fitted on | scored on | hand-set weights | fitted weights |\n|---|---|---|---|")
    for name, train, test in rows:
        w = fit([d for p in train for d in parts[p]])
        data = [d for p in test for d in parts[p]]
        (h, n), (f, _) = right(data, hand), right(data, w)
        print(f"| {name} | {' + '.join(test)} | {h}/{n} ({h / n:.1%}) | {f}/{n} ({f / n:.1%}) |")
    w = fit([d for p in ("develop", *RW) for d in parts[p]])
    print("\nfitted on all development parts:", ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w)))


if __name__ == "__main__":
    main()
