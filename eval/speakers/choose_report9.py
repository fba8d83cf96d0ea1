"""The train documents of the ninth held-out part (``report9``) of the speaker-id layer: the rule.

    .venv/bin/python eval/speakers/choose_report9.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report9.py --show N        # the N-th chosen document, marked up

``report8`` was scored once and its errors were then used for development (the ninth round),
so a fresh held-out part was chosen and annotated first. It follows ``report6``'s rule on the
documents left: train documents in no earlier part (``train``, ``train2``, ``report3`` to
``report8``) with 2 to ``MAX_QUOTES`` annotations and at least two description speaker spans
(``choose_report2.is_description``), ranked by description spans, then document name; the first
``N_DOCS``. It looks only at the corpus' gold speaker spans; nothing is resolved or extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import run  # noqa: E402
from choose_report6 import with_descriptions  # noqa: E402

EARLIER_PARTS = ("train", "train2", "report3", "report4", "report5", "report6", "report7", "report8")
N_DOCS = 40  # as report7 and report8


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    return with_descriptions(docs, EARLIER_PARTS, N_DOCS)


def main() -> None:
    run("train", chosen)


if __name__ == "__main__":
    main()
