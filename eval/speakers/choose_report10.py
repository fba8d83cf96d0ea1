"""The train documents of the held-out part ``report10``: ``report7``'s rule on the documents left.

    .venv/bin/python eval/speakers/choose_report10.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report10.py --show N        # the N-th chosen document, marked up

Chosen after ``report9`` had been scored, before anything was run on these documents; the rule
(``choose_report6.with_descriptions``) is described in ``choose_report7.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import run  # noqa: E402
from choose_report6 import with_descriptions  # noqa: E402

EARLIER_PARTS = ("train", "train2", "report3", "report4", "report5", "report6", "report7", "report8", "report9")


if __name__ == "__main__":
    run("train", lambda docs: with_descriptions(docs, EARLIER_PARTS, 40))
