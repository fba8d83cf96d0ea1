"""The train documents of the fifth held-out part (``report5``) of the speaker-id layer: the rule.

    .venv/bin/python eval/speakers/choose_report5.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report5.py --show N        # the N-th chosen document, marked up

``report4`` was scored once and its errors were then used for development (the sixth round), so
a fresh held-out part was chosen and annotated first, from the train documents in no earlier part
(``train``, ``train2``, ``report3``, ``report4``). ``report4`` took every such document with 2 to
15 annotations and a pronoun speaker span, so this rule takes **all** that are left with at least
one pronoun speaker span (``choose_report2.is_pronoun``), whatever their length: the long articles
(16 to 43 annotations) and those with a single annotation. Ranked by pronoun spans, then
description spans, then document name. It looks only at the corpus' gold speaker spans; nothing is
resolved or extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import earlier_documents, run, with_pronouns  # noqa: E402
from choose_report3 import LAYER  # noqa: E402

EARLIER_PARTS = ("train", "train2", "report3", "report4")


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    return with_pronouns(docs, earlier_documents(LAYER, EARLIER_PARTS))


def main() -> None:
    run("train", chosen)


if __name__ == "__main__":
    main()
