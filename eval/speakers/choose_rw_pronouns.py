"""The pronoun speakers of the REDEWIEDERGABE speaker-id layer (``rw-pronouns``): the rule.

    .venv/bin/python eval/speakers/choose_rw_pronouns.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_rw_pronouns.py --show N        # the N-th chosen sample, marked up
    .venv/bin/python eval/speakers/choose_rw_pronouns.py --part rw-pronouns2   # the second set
    .venv/bin/python eval/speakers/choose_rw_pronouns.py --part rw-pronouns3   # the third set: every sample left

WikiNews has no pronoun speaker left outside the layer, so pronouns are measured on text from
outside that corpus: the historical newspaper samples of Corpus REDEWIEDERGABE (1840–1919,
sources ``mkhz.*``, non-fictional). The rule looks only at the corpus' speaker spans: a quote
counts where its speaker span is a single third-person pronoun of ``PRONOUNS``; the samples are
ranked by how many such quotes they hold, then by name, and the first ``N_SAMPLES`` are taken.
Only those quotes are annotated. Nothing is resolved or extracted. ``--show`` prints the sample
with ⟦k … ⟧k around each chosen quote k and <<…>> around its speaker span.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quotes.formats.redewiedergabe import read_redewiedergabe  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import choose_train  # noqa: E402

PRONOUNS = frozenset("er sie es der die dieser diese jener jene welcher welche derselbe dieselbe".split())
N_SAMPLES = 24
# The second set (``rw-pronouns2``, chosen after the first was scored): the next samples of the
# same ranking, enough of them for about as many quotes, since those left hold fewer each.
SECOND = slice(24, 84)
# The third set (``rw-pronouns3``, chosen after the second was scored): every sample left, one
# such quote each.
THIRD = slice(84, None)


def corpus_folder() -> Path:
    corpora = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    return corpora / "redewiedergabe-main" / "data" / "main" / "tsv"


def pronoun_quotes(doc) -> list[int]:
    """Indices of the quotes whose speaker span is one third-person pronoun."""
    return [k for k, q in enumerate(doc.quotes) if len(q.speaker) == 1 and q.speaker[0].text.lower() in PRONOUNS]


def ranked(docs) -> list:
    """The newspaper samples with a pronoun speaker span, most such quotes first."""
    news = [d for d in docs if d.meta.get("source", "").startswith("mkhz") and d.meta.get("fictional") == "no" and pronoun_quotes(d)]
    news.sort(key=lambda d: (-len(pronoun_quotes(d)), d.id))
    return news


def chosen(docs, part: str = "rw-pronouns") -> list:
    """The samples the rule picks for ``part`` (``rw-pronouns``, ``rw-pronouns2`` or ``rw-pronouns3``), in rank order."""
    return ranked(docs)[{"rw-pronouns": slice(0, N_SAMPLES), "rw-pronouns2": SECOND, "rw-pronouns3": THIRD}[part]]


def show(doc) -> None:
    """The sample with the chosen quotes and their speaker spans marked, then each one listed."""
    choose_train.show(doc, pronoun_quotes(doc), f"{doc.meta.get('year')}, {doc.meta.get('source')}: {doc.meta.get('title')}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, help="print the N-th chosen sample (0-based), marked up")
    ap.add_argument("--part", choices=("rw-pronouns", "rw-pronouns2", "rw-pronouns3"), default="rw-pronouns")
    args = ap.parse_args()
    docs = chosen(read_redewiedergabe(corpus_folder()), args.part)
    if args.show is not None:
        show(docs[args.show])
        return
    print("rank\tpronoun speakers\tquotes\tsample")
    for n, d in enumerate(docs):
        print(f"{n}\t{len(pronoun_quotes(d))}\t{len(d.quotes)}\t{d.id}")
    print(f"\n{len(docs)} samples, {sum(len(pronoun_quotes(d)) for d in docs)} quotes with a pronoun speaker")


if __name__ == "__main__":
    main()
