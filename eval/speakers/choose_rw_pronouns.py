"""The pronoun speakers of the REDEWIEDERGABE speaker-id layer (``rw-pronouns``): the rule.

    .venv/bin/python eval/speakers/choose_rw_pronouns.py                 # the rule, applied now
    .venv/bin/python eval/speakers/choose_rw_pronouns.py --show N        # the N-th chosen sample, marked up

WikiNews has no pronoun speaker left outside the layer, so pronouns are measured on text from
outside that corpus: the historical newspaper samples of Corpus REDEWIEDERGABE (1840–1919,
sources ``mkhz.*``, non-fictional). The rule looks only at the corpus' speaker spans: a quote
counts where its speaker span is a single third-person pronoun of ``PRONOUNS``; the samples are
ranked by how many such quotes they hold, then by name, and the first ``N_SAMPLES`` are taken.
Only those quotes are annotated. Nothing is resolved or extracted. ``--show`` prints the sample
with ⟦k … ⟧k around each chosen quote k and <<…>> around its speaker span.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quotes.formats.redewiedergabe import read_redewiedergabe  # noqa: E402

PRONOUNS = frozenset("er sie es der die dieser diese jener jene welcher welche derselbe dieselbe".split())
N_SAMPLES = 24


def corpus_folder() -> Path:
    corpora = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    return corpora / "redewiedergabe-main" / "data" / "main" / "tsv"


def pronoun_quotes(doc) -> list[int]:
    """Indices of the quotes whose speaker span is one third-person pronoun."""
    return [k for k, q in enumerate(doc.quotes) if len(q.speaker) == 1 and q.speaker[0].text.lower() in PRONOUNS]


def chosen(docs) -> list:
    """The samples the rule picks, in rank order."""
    news = [d for d in docs if d.meta.get("source", "").startswith("mkhz") and d.meta.get("fictional") == "no" and pronoun_quotes(d)]
    news.sort(key=lambda d: (-len(pronoun_quotes(d)), d.id))
    return news[:N_SAMPLES]


def show(doc) -> None:
    """The text with the chosen quotes and their speaker spans marked, then each one listed."""
    text, marks = doc.text, []
    for k in pronoun_quotes(doc):
        q = doc.quotes[k]
        marks += [(q.start, 1, f"⟦{k} "), (q.end, 0, f" ⟧{k}")]
        marks += [(s.start, 1, "<<") for s in q.speaker] + [(s.end, 0, ">>") for s in q.speaker]
    out, last = [], 0
    for pos, _, mark in sorted(set(marks)):
        out += [text[last:pos], mark]
        last = pos
    out.append(text[last:])
    print(f"=== {doc.id}  ({doc.meta.get('year')}, {doc.meta.get('source')}: {doc.meta.get('title')})\n")
    print("".join(out))
    print()
    for k in pronoun_quotes(doc):
        q = doc.quotes[k]
        print(f"  [{k}] {q.type:13} speaker={q.speaker_text!r} content={q.content_text[:60]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, help="print the N-th chosen sample (0-based), marked up")
    args = ap.parse_args()
    docs = chosen(read_redewiedergabe(corpus_folder()))
    if args.show is not None:
        show(docs[args.show])
        return
    print("rank\tpronoun speakers\tquotes\tsample")
    for n, d in enumerate(docs):
        print(f"{n}\t{len(pronoun_quotes(d))}\t{len(d.quotes)}\t{d.id}")
    print(f"\n{len(docs)} samples, {sum(len(pronoun_quotes(d)) for d in docs)} quotes with a pronoun speaker")


if __name__ == "__main__":
    main()
