"""The train documents of the third held-out part (``report3``) of the speaker-id layer: the rule.

    .venv/bin/python eval/speakers/choose_report3.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report3.py --show N        # the N-th chosen document, marked up

``report`` and ``report2`` had been scored several times, so a fresh held-out part was chosen,
before any further development, from the train split. The resolver is rule-based and is never
trained: the train documents it was not developed on (not in ``train`` or ``train2``) are as
unseen to it as dev documents. The rule looks only at the corpus' gold speaker spans, as
``choose_train2.py`` does: among the train documents not yet in the layer and with 2 to
``MAX_QUOTES`` annotations, keep those with at least one pronoun speaker span
(``choose_report2.is_pronoun``) or at least two description spans
(``choose_report2.is_description``), ranked by pronoun spans, then description spans, then
document name; the first ``N_DOCS``.

The cap of 8 annotations keeps a single article from dominating the part and every article short
enough to be read in full. ``--show`` prints the text with ⟦k … ⟧k around quote k and <<…>>
around speaker spans; nothing is written, and nothing is resolved or extracted.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_report2 import counts, earlier_documents, run  # noqa: E402

LAYER = ROOT / "annotations" / "speaker-ids" / "wikinews-train.jsonl"
EARLIER_PARTS = ("train", "train2")
MIN_QUOTES, MAX_QUOTES = 2, 8
N_DOCS = 30


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    taken = earlier_documents(LAYER, EARLIER_PARTS)
    out = []
    for d in docs:
        if d.id in taken or not MIN_QUOTES <= len(d.quotes) <= MAX_QUOTES:
            continue
        pron, desc = counts(d)
        if pron >= 1 or desc >= 2:
            out.append(d)
    out.sort(key=lambda d: (-counts(d)[0], -counts(d)[1], d.id))
    return out[:N_DOCS]


def main() -> None:
    run("train", chosen)


if __name__ == "__main__":
    main()
