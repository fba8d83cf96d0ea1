"""The train documents of the fourth held-out part (``report4``) of the speaker-id layer: the rule.

    .venv/bin/python eval/speakers/choose_report4.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report4.py --show N        # the N-th chosen document, marked up

``report3`` was scored once and its errors were then used for development (the fifth round), so a
fresh held-out part was chosen first, from the train documents in no earlier part (``train``,
``train2``, ``report3``). Pronouns are the kind the figures are least sure of, and the train
documents with pronoun speaker spans and at most 8 annotations were nearly used up (14 left), so
the rule takes every such document with 2 to ``MAX_QUOTES`` annotations and at least one pronoun
speaker span (``choose_report2.is_pronoun``), ranked by pronoun spans, then description spans,
then document name. It looks only at the corpus' gold speaker spans; nothing is resolved or
extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import earlier_documents, run, with_pronouns  # noqa: E402
from choose_report3 import LAYER, MIN_QUOTES  # noqa: E402

EARLIER_PARTS = ("train", "train2", "report3")
MAX_QUOTES = 15


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    return with_pronouns(docs, earlier_documents(LAYER, EARLIER_PARTS), MIN_QUOTES, MAX_QUOTES)


def main() -> None:
    run("train", chosen)


if __name__ == "__main__":
    main()
