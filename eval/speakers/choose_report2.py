"""The dev documents of the second held-out part (``report2``) of the speaker-id layer: the rule.

    .venv/bin/python eval/speakers/choose_report2.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_report2.py --show N        # the N-th chosen document, marked up

The rule (see annotations/speaker-ids/README.md) looks only at the corpus gold speaker spans:
among the dev documents not yet in the layer's earlier parts (``tune``, ``report``) and with 1 to
20 annotations, keep those with at least one pronoun speaker span or at least two description
speaker spans, ranked by pronoun spans, then description spans, then document name.

- a **pronoun** span is, once "nach"/"laut"/"zufolge" are set aside, one of ``PRONOUN_SPANS``
  or "eigene(n/r) Angaben/Aussage";
- a **description** span is any other span that starts with a determiner or holds a role noun,
  and holds no first name (as ``choose_train.py`` judges them, with the word lists of
  ``quotes.speakers``).

Articles with more than 20 annotations (two: 29 and 45) are left out: either would make a sixth
to a quarter of the part on its own while adding two pronoun spans. ``--show`` prints the text
with ⟦k … ⟧k around quote k and <<…>> around speaker spans; nothing is written, and nothing is
resolved or extracted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_train import show  # noqa: E402
from quotes.formats.wikinews import read_wikinews_dir  # noqa: E402
from quotes.speakers import DETERMINERS, _is_first_name, is_role  # noqa: E402

LAYER = ROOT / "annotations" / "speaker-ids" / "wikinews-dev.jsonl"
EARLIER_PARTS = ("tune", "report")
MAX_QUOTES = 20
PRONOUN_SPANS = frozenset(
    "er sie es ich wir ihr ihm ihn ihnen man der die das dieser diese dieses jener jene demnach danach".split()
)


def is_pronoun(mention: str) -> bool:
    """Whether a gold speaker span is a pronoun ("Er", "ihm zufolge", "eigener Aussage").

    >>> [is_pronoun(m) for m in ("Er", "ihm zufolge", "eigener Aussage", "Der Mann")]
    [True, True, True, False]
    """
    words = [w for w in mention.lower().split() if w not in ("nach", "laut", "zufolge")]
    if len(words) == 2 and words[0].startswith("eigene") and words[1] in ("angaben", "aussage"):
        return True
    return " ".join(words) in PRONOUN_SPANS


def is_description(mention: str) -> bool:
    """Whether a gold speaker span that is no pronoun is a description ("die Forschergruppe")."""
    words = mention.split()
    if not words or is_pronoun(mention):
        return False
    role = words[0].lower() in DETERMINERS or any(is_role(w) for w in words if w[:1].isupper())
    return role and not any(_is_first_name(w) for w in words)


def counts(doc) -> tuple[int, int]:
    """(pronoun spans, description spans) among the gold speaker spans of a document."""
    mentions = [(q.speaker_text or "").strip() for q in doc.quotes]
    return sum(is_pronoun(m) for m in mentions if m), sum(is_description(m) for m in mentions if m)


def earlier_documents(layer: Path = LAYER, parts: tuple[str, ...] = EARLIER_PARTS) -> set[str]:
    """Documents already in the given parts of a layer file (by default: the dev layer's earlier parts)."""
    names = set()
    if layer.exists():
        for line in layer.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line) if line.strip() else None
            if rec and rec.get("part") in parts:
                names.add(rec["document"])
    return names


def with_pronouns(docs, taken: set[str], min_quotes: int = 1, max_quotes: int | None = None) -> list:
    """The documents not in ``taken``, with ``min_quotes`` to ``max_quotes`` annotations (no upper
    bound where None) and at least one pronoun speaker span, ranked by pronoun spans, then
    description spans, then document name: the rule of the parts chosen for their pronouns."""
    out = [
        d for d in docs
        if d.id not in taken and min_quotes <= len(d.quotes) and (max_quotes is None or len(d.quotes) <= max_quotes) and counts(d)[0] >= 1
    ]
    out.sort(key=lambda d: (-counts(d)[0], -counts(d)[1], d.id))
    return out


def chosen(docs) -> list:
    """The documents the rule picks, in rank order."""
    taken = earlier_documents()
    out = []
    for d in docs:
        if d.id in taken or not 1 <= len(d.quotes) <= MAX_QUOTES:
            continue
        pron, desc = counts(d)
        if pron >= 1 or desc >= 2:
            out.append(d)
    return sorted(out, key=lambda d: (-counts(d)[0], -counts(d)[1], d.id))


def run(split: str, choose) -> None:
    """The command line of a chooser: print the chosen documents of ``split``, or one marked up."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, help="print the N-th chosen document (0-based), marked up")
    args = ap.parse_args()
    corpora = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    docs = choose(read_wikinews_dir(corpora / "german-news-quotes-2024" / "data" / split))
    if args.show is not None:
        show(docs[args.show])
        return
    print("rank\tpronoun spans\tdescription spans\tquotes\tdocument")
    for n, d in enumerate(docs):
        print(f"{n}\t{counts(d)[0]}\t{counts(d)[1]}\t{len(d.quotes)}\t{d.id}")
    print(f"\n{len(docs)} documents, {sum(len(d.quotes) for d in docs)} quotes, "
          f"{sum(counts(d)[0] for d in docs)} pronoun and {sum(counts(d)[1] for d in docs)} description spans")


def main() -> None:
    run("dev", chosen)


if __name__ == "__main__":
    main()
