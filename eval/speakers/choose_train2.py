"""The train documents of the second development part (``train2``) of the speaker-id layer: the rule.

    .venv/bin/python eval/speakers/choose_train2.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_train2.py --show N        # the N-th chosen document, marked up

The development pronouns of ``train`` and ``tune`` (54) were too few and too easy, so a second
train part was chosen for its pronoun speakers by a rule that looks only at the corpus' gold
speaker spans, as ``choose_report2.py`` does for dev: among the train documents not yet in the
layer (``train``) and with 2 to 12 annotations, keep those with at least one pronoun speaker span
(``choose_report2.is_pronoun``: er, sie, der, die, demnach, "eigene Angaben", …), ranked by
pronoun spans, then description spans, then document name; the first ``N_DOCS``.

The cap of 12 annotations keeps a single article from dominating the part. ``--show`` prints the
text with ⟦k … ⟧k around quote k and <<…>> around speaker spans; nothing is written, and nothing
is resolved or extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import earlier_documents, run, with_pronouns  # noqa: E402

LAYER = ROOT / "annotations" / "speaker-ids" / "wikinews-train.jsonl"
EARLIER_PARTS = ("train",)
MIN_QUOTES, MAX_QUOTES = 2, 12
N_DOCS = 35


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    return with_pronouns(docs, earlier_documents(LAYER, EARLIER_PARTS), MIN_QUOTES, MAX_QUOTES)[:N_DOCS]


def main() -> None:
    run("train", chosen)


if __name__ == "__main__":
    main()
