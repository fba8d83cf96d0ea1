"""The train documents of the sixth held-out part (``report6``) of the speaker-id layer: the rule.

    .venv/bin/python eval/speakers/choose_report6.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report6.py --show N        # the N-th chosen document, marked up

``report5`` was scored once and its errors were then used for development (the second half of the
sixth round), so a fresh held-out part was chosen and annotated first. ``report5`` took the last
train documents with a pronoun speaker span, so this part is chosen for its **description**
speakers: train documents in no earlier part (``train``, ``train2``, ``report3``, ``report4``,
``report5``) with 2 to ``MAX_QUOTES`` annotations and at least two description speaker spans
(``choose_report2.is_description``), ranked by description spans, then document name; the first
``N_DOCS``. It looks only at the corpus' gold speaker spans; nothing is resolved or extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import counts, earlier_documents, run  # noqa: E402
from choose_report3 import LAYER  # noqa: E402

EARLIER_PARTS = ("train", "train2", "report3", "report4", "report5")
MAX_QUOTES = 15
N_DOCS = 25


def with_descriptions(docs, earlier_parts: tuple[str, ...], n_docs: int) -> list:
    """The first ``n_docs`` documents in none of ``earlier_parts`` with 2 to ``MAX_QUOTES``
    annotations and at least two description speaker spans, ranked by description spans, then
    document name: the rule of the parts chosen for their descriptions."""
    taken = earlier_documents(LAYER, earlier_parts)
    out = [d for d in docs if d.id not in taken and 2 <= len(d.quotes) <= MAX_QUOTES and counts(d)[1] >= 2]
    out.sort(key=lambda d: (-counts(d)[1], d.id))
    return out[:n_docs]


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    return with_descriptions(docs, EARLIER_PARTS, N_DOCS)


def main() -> None:
    run("train", chosen)


if __name__ == "__main__":
    main()
