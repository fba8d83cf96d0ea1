"""The train documents of the held-out part ``report15``: every one left with an annotation.

    .venv/bin/python eval/speakers/choose_report15.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report15.py --show N        # the N-th chosen document, marked up

Chosen with ``report14``, after ``report13`` had been scored, before anything was run on these
documents: the train documents in no earlier part (``report14`` included) with 1 to
``MAX_QUOTES`` annotations, ranked by document name; all there are (131). Most hold one quote,
and none has a pronoun speaker span. After it, every train document with an annotation is in the
layer. It looks only at the number of annotations; nothing is resolved or extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import earlier_documents, run  # noqa: E402
from choose_report3 import LAYER  # noqa: E402
from choose_report6 import MAX_QUOTES  # noqa: E402
from choose_report14 import EARLIER_PARTS as BEFORE_REPORT14  # noqa: E402
from choose_report14 import chosen as report14  # noqa: E402

EARLIER_PARTS = (*BEFORE_REPORT14, "report14")


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    docs = list(docs)
    taken = earlier_documents(LAYER, EARLIER_PARTS) | {d.id for d in report14(docs)}
    return sorted((d for d in docs if d.id not in taken and 1 <= len(d.quotes) <= MAX_QUOTES), key=lambda d: d.id)


if __name__ == "__main__":
    run("train", chosen)
