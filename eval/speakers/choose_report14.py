"""The train documents of the held-out part ``report14``: the long ones.

    .venv/bin/python eval/speakers/choose_report14.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report14.py --show N        # the N-th chosen document, marked up

Chosen after ``report13`` had been scored, before anything was run on these documents. Every
earlier train part kept to documents with at most ``MAX_QUOTES`` annotations; this one takes the
train documents in no earlier part with more than ``MAX_QUOTES`` annotations, ranked by document
name: all there are (12). It looks only at the number of annotations; nothing is resolved or
extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import earlier_documents, run  # noqa: E402
from choose_report3 import LAYER  # noqa: E402
from choose_report6 import MAX_QUOTES  # noqa: E402
from choose_report13 import EARLIER_PARTS as BEFORE_REPORT13  # noqa: E402

EARLIER_PARTS = (*BEFORE_REPORT13, "report13")


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    taken = earlier_documents(LAYER, EARLIER_PARTS)
    return sorted((d for d in docs if d.id not in taken and len(d.quotes) > MAX_QUOTES), key=lambda d: d.id)


if __name__ == "__main__":
    run("train", chosen)
