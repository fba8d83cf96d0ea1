"""The train documents of the held-out part ``report13``: every document left by ``report11``'s rule.

    .venv/bin/python eval/speakers/choose_report13.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report13.py --show N        # the N-th chosen document, marked up

Chosen after ``report11`` had been scored, before anything was run on these documents: train
documents in no earlier part with 2 to ``MAX_QUOTES`` annotations and exactly one description
speaker span (``choose_report11.with_one_description``), ranked by document name; all that are
left (42). (``report12`` is taken: it names ``report`` and ``report2`` together in ``score.py``.)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import run  # noqa: E402
from choose_report11 import EARLIER_PARTS as BEFORE_REPORT11  # noqa: E402
from choose_report11 import with_one_description  # noqa: E402

EARLIER_PARTS = (*BEFORE_REPORT11, "report11")


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    return with_one_description(docs, EARLIER_PARTS)


if __name__ == "__main__":
    run("train", chosen)
