"""The train documents of the held-out part ``report11``: one description speaker span each.

    .venv/bin/python eval/speakers/choose_report11.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report11.py --show N        # the N-th chosen document, marked up

Chosen after ``report10`` had been scored, before anything was run on these documents. ``report10``
took the last train documents with two description speaker spans, so the rule relaxes
``choose_report6.with_descriptions`` to one: train documents in no earlier part with 2 to
``MAX_QUOTES`` annotations and exactly one description speaker span
(``choose_report2.is_description``), ranked by document name; the first 40. It looks only at the
corpus' gold speaker spans; nothing is resolved or extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import counts, earlier_documents, run  # noqa: E402
from choose_report3 import LAYER  # noqa: E402
from choose_report6 import MAX_QUOTES  # noqa: E402

EARLIER_PARTS = ("train", "train2", "report3", "report4", "report5", "report6", "report7", "report8", "report9", "report10")
N_DOCS = 40


def with_one_description(docs, earlier_parts: tuple[str, ...]) -> list:
    """The documents in none of ``earlier_parts`` with 2 to ``MAX_QUOTES`` annotations and exactly
    one description speaker span, ranked by document name."""
    taken = earlier_documents(LAYER, earlier_parts)
    out = [d for d in docs if d.id not in taken and 2 <= len(d.quotes) <= MAX_QUOTES and counts(d)[1] == 1]
    return sorted(out, key=lambda d: d.id)


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    return with_one_description(docs, EARLIER_PARTS)[:N_DOCS]


if __name__ == "__main__":
    run("train", chosen)
