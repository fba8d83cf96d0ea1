"""The train documents of the speaker-id layer: how they were ranked, and their quotes for annotating.

    .venv/bin/python eval/speakers/choose_train.py                 # the ranking rule, applied now
    .venv/bin/python eval/speakers/choose_train.py --show N        # the N-th layer document, marked up

The rule (see annotations/speaker-ids/README.md): train documents with 4 to 12 annotations and at
least 3 different speaker mentions, ranked by how many of their speaker spans are pronouns or
descriptions (a determiner or role noun and no first name), then by document name; the first 40.
The spans are judged with the word lists of ``quotes.speakers``; the layer was chosen with the lists
as of commit 2dcd252, so applied today the ranking may shift a little: the layer file
itself is the record of what was chosen (``*`` marks its documents below). ``--show`` prints the text
with ⟦k … ⟧k around quote k and <<…>> around speaker spans; nothing is written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quotes.formats.wikinews import read_wikinews_dir  # noqa: E402
from quotes.speakers import DETERMINERS, PRONOUNS, _is_first_name, is_role  # noqa: E402

LAYER = ROOT / "annotations" / "speaker-ids" / "wikinews-train.jsonl"
N_DOCS = 40


def hard_mentions(doc) -> int:
    """Speaker spans that are pronouns or descriptions, judged from the span text alone."""
    n = 0
    for q in doc.quotes:
        mention = (q.speaker_text or "").strip()
        if not mention:
            continue
        words = mention.split()
        if mention.lower() in PRONOUNS or words[0].lower() in ("er", "sie", "es"):
            n += 1
        elif (words[0].lower() in DETERMINERS or any(is_role(w) for w in words if w[:1].isupper())) and not any(_is_first_name(w) for w in words):
            n += 1
    return n


def ranked(docs) -> list:
    """Documents that pass the size filter, most pronoun and description speakers first."""
    out = []
    for d in docs:
        mentions = {(q.speaker_text or "").strip() for q in d.quotes} - {""}
        if 4 <= len(d.quotes) <= 12 and len(mentions) >= 3:
            out.append(d)
    out.sort(key=lambda d: (-hard_mentions(d), d.id))
    return out


def layer_documents() -> list[str]:
    """Document names of the train layer, in the order they were annotated."""
    names: list[str] = []
    for line in LAYER.read_text(encoding="utf-8").splitlines():
        if line.strip():
            name = json.loads(line)["document"]
            if name not in names:
                names.append(name)
    return names


def show(doc, indices=None, title: str | None = None) -> None:
    """The text with ⟦k quote starts and ⟧k ends marked, then each quote's type and speaker span;
    ``indices`` limits both to some quotes, ``title`` replaces the heading's quote count."""
    text = doc.text
    indices = range(len(doc.quotes)) if indices is None else indices
    marks = []
    for k in indices:
        q = doc.quotes[k]
        marks += [(q.start, 1, f"⟦{k} "), (q.end, 0, f" ⟧{k}")]
        marks += [(s.start, 1, "<<") for s in q.speaker] + [(s.end, 0, ">>") for s in q.speaker]
    out, last = [], 0
    for pos, _, mark in sorted(set(marks)):
        out += [text[last:pos], mark]
        last = pos
    out.append(text[last:])
    print(f"=== {doc.id}  ({title or f'{len(doc.quotes)} quotes'})\n")
    print("".join(out))
    print()
    for k in indices:
        q = doc.quotes[k]
        print(f"  [{k}] {q.type:13} speaker={q.speaker_text!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, help="print the N-th document of the layer (0-based), marked up")
    args = ap.parse_args()
    corpora = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    docs = list(read_wikinews_dir(corpora / "german-news-quotes-2024" / "data" / "train"))
    chosen = layer_documents() if LAYER.exists() else []
    if args.show is not None:
        show(next(d for d in docs if d.id == chosen[args.show]))
        return
    for n, d in enumerate(ranked(docs)[: N_DOCS + 10]):
        print(f"{n}\t{'*' if d.id in chosen else ' '}\t{hard_mentions(d)}\t{len(d.quotes)}\t{d.id}")


if __name__ == "__main__":
    main()
