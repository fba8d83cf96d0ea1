"""Every speaker of some historical newspaper samples of Corpus REDEWIEDERGABE (``rw-news``): the rule.

    .venv/bin/python eval/speakers/choose_rw_news.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_rw_news.py --show N        # the N-th chosen sample, marked up
    .venv/bin/python eval/speakers/choose_rw_news.py --part rw-news2 # the second set
    .venv/bin/python eval/speakers/choose_rw_news.py --part rw-news3 # the third set: every sample left
    .venv/bin/python eval/speakers/choose_rw_news.py --part rw-grenz # a periodical: the Grenzboten
    .venv/bin/python eval/speakers/choose_rw_news.py --part rw-grenz2 # its next samples
    .venv/bin/python eval/speakers/choose_rw_news.py --part rw-grenz3 # and the next
    .venv/bin/python eval/speakers/choose_rw_news.py --part rw-grenz4 # and the next
    .venv/bin/python eval/speakers/choose_rw_news.py --part rw-grenz5 # every sample left
    .venv/bin/python eval/speakers/choose_rw_news.py --part rw-fiction # stories the papers printed
    .venv/bin/python eval/speakers/choose_rw_news.py --part rw-fiction2 # every story left

Chosen after the fourteenth round, when every WikiNews document with an annotation was in the
layer, before anything was run on these samples: the historical newspaper samples of Corpus
REDEWIEDERGABE (1840–1919, sources ``mkhz.*``, non-fictional) that are in no earlier part of
``redewiedergabe.jsonl`` and hold at least one quote, ranked by sample name; the first
``N_SAMPLES``; the second set (``rw-news2``, chosen after ``rw-news`` had been scored) the next
``N_SAMPLES`` of the same ranking; the third (``rw-news3``, chosen after ``rw-news2`` had been
scored) every sample left. ``rw-grenz`` (chosen after ``rw-news3`` had been scored, with no
newspaper sample left) takes the first ``N_GRENZ`` non-fictional samples of another source, the
periodical "Die Grenzboten" (``grenz``, 1841–1922), ranked the same way; ``rw-grenz2`` (chosen after ``rw-grenz`` had been scored) the next ``N_GRENZ``, ``rw-grenz3``
(chosen after ``rw-grenz2`` had been scored) the ``N_GRENZ`` after those, ``rw-grenz4`` (chosen
after ``rw-grenz3`` had been scored) the next ``N_GRENZ``, ``rw-grenz5`` (chosen after
``rw-grenz4`` had been scored) every sample left. ``rw-fiction`` (chosen after ``ud`` had been
scored, with no non-fictional sample left) takes the first ``N_FICTION`` fictional samples of the
same two sources, the stories the newspapers and "Die Grenzboten" printed, ranked the same way;
``rw-fiction2`` (chosen after ``rw-fiction`` had been scored) every such sample left.
Unlike the ``rw-pronouns`` parts, every quote of a chosen sample is annotated,
whatever its speaker. The rule looks only at the corpus' quotes; nothing is resolved or extracted.
``--show`` prints the sample with ⟦k … ⟧k around each quote k and <<…>> around its speaker span.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import choose_train  # noqa: E402
from choose_report2 import earlier_documents  # noqa: E402
from choose_rw_pronouns import ROOT, corpus_folder  # noqa: E402
from quotes.formats.redewiedergabe import read_redewiedergabe  # noqa: E402

LAYER = ROOT / "annotations" / "speaker-ids" / "redewiedergabe.jsonl"
EARLIER_PARTS = ("rw-pronouns", "rw-pronouns2", "rw-pronouns3")
N_SAMPLES = 50
N_GRENZ = 30
N_FICTION = 20
PARTS = ("rw-news", "rw-news2", "rw-news3", "rw-grenz", "rw-grenz2", "rw-grenz3", "rw-grenz4", "rw-grenz5", "rw-fiction", "rw-fiction2")


def chosen(docs, part: str = "rw-news") -> list:
    """The samples the rule picks for ``part`` (``rw-news``, ``rw-news2``, ``rw-news3``, ``rw-grenz``
    to ``rw-grenz5``, ``rw-fiction``, ``rw-fiction2``), in rank order."""
    taken = earlier_documents(LAYER, EARLIER_PARTS)
    if part.startswith("rw-fiction"):
        stories = [
            d for d in docs
            if d.meta.get("source", "").startswith(("mkhz", "grenz")) and d.meta.get("fictional") == "yes" and d.quotes and d.id not in taken
        ]
        ranked = sorted(stories, key=lambda d: d.id)
        return ranked[:N_FICTION] if part == "rw-fiction" else ranked[N_FICTION:]
    source = "grenz" if part.startswith("rw-grenz") else "mkhz"
    news = [
        d for d in docs
        if d.meta.get("source", "").startswith(source) and d.meta.get("fictional") == "no" and d.quotes and d.id not in taken
    ]
    ranked = sorted(news, key=lambda d: d.id)
    return {
        "rw-news": ranked[:N_SAMPLES], "rw-news2": ranked[N_SAMPLES : 2 * N_SAMPLES], "rw-news3": ranked[2 * N_SAMPLES :],
        "rw-grenz": ranked[:N_GRENZ], "rw-grenz2": ranked[N_GRENZ : 2 * N_GRENZ], "rw-grenz3": ranked[2 * N_GRENZ : 3 * N_GRENZ],
        "rw-grenz4": ranked[3 * N_GRENZ : 4 * N_GRENZ], "rw-grenz5": ranked[4 * N_GRENZ :],
    }[part]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, help="print the N-th chosen sample (0-based), marked up")
    ap.add_argument("--part", choices=PARTS, default="rw-news")
    args = ap.parse_args()
    docs = chosen(read_redewiedergabe(corpus_folder()), args.part)
    if args.show is not None:
        d = docs[args.show]
        choose_train.show(d, None, f"{d.meta.get('year')}, {d.meta.get('source')}: {len(d.quotes)} quotes")
        return
    print("rank\tquotes\twith a speaker span\tsample")
    for n, d in enumerate(docs):
        print(f"{n}\t{len(d.quotes)}\t{sum(1 for q in d.quotes if q.speaker)}\t{d.id}")
    print(f"\n{len(docs)} samples, {sum(len(d.quotes) for d in docs)} quotes")


if __name__ == "__main__":
    main()
