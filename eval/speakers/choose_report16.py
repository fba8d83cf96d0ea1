"""The dev documents of the held-out part ``report16``: every one left with an annotation.

    .venv/bin/python eval/speakers/choose_report16.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report16.py --show N        # the N-th chosen document, marked up

Chosen after ``report14`` and ``report15`` had been scored, before anything was run on these
documents: the dev documents in none of the dev layer's parts (``tune``, ``report``, ``report2``)
with at least one annotation, ranked by document name; all there are (36). After it, every
WikiNews document with an annotation, train and dev, is in the layer. It looks only at the
number of annotations; nothing is resolved or extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import LAYER, earlier_documents, run  # noqa: E402

EARLIER_PARTS = ("tune", "report", "report2")


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    taken = earlier_documents(LAYER, EARLIER_PARTS)
    return sorted((d for d in docs if d.id not in taken and d.quotes), key=lambda d: d.id)


if __name__ == "__main__":
    run("dev", chosen)
