"""Sentences of modern German news and web text with a speech cue (``ud-pud``, ``ud-gsd``): the rule.

    .venv/bin/python eval/speakers/choose_ud.py --part ud-pud            # the rule, applied now: the chosen sentences' ids
    .venv/bin/python eval/speakers/choose_ud.py --part ud-pud --show 0-39  # chosen sentences 0 to 39, with their text

Chosen after the nineteenth round, when every WikiNews document with an annotation was in the
layer and every non-fictional sample of Corpus REDEWIEDERGABE too, before anything was run on
these sentences. The Universal Dependencies treebanks German PUD (news and Wikipedia, translated)
and German GSD (news and web text, its dev and test files) hold single sentences: a sentence is
chosen where it has a quote mark, a word whose UD lemma is a verb or noun the cue lexicon
(``quotes/data/cues.tsv``, mined from the WikiNews train split) keeps, or "laut", "zufolge",
"gemäß". Every quote of a chosen sentence is annotated (content, type, speaker span, speaker id);
a sentence may hold none. The rule reads only the treebank's words and lemmas; nothing is
resolved or extracted. Sentences stand alone, so a speaker named only outside the sentence
("sagte er") cannot be resolved and such quotes are marked and left out of the figures.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval" / "backbones"))

from quotes.extractors.rules.lexicon import load_lexicon  # noqa: E402
from ud import parse_conllu, ud_root  # noqa: E402

FILES = {"ud-pud": ("de_pud-ud-test.conllu",), "ud-gsd": ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu")}
QUOTE_MARKS = frozenset("„“”\"»«")
SOURCE_WORDS = frozenset(("laut", "zufolge", "gemäß"))


@dataclass(frozen=True)
class UdSentence:
    id: str
    text: str
    lemmas: tuple[str, ...]


def read_sentences(path: Path) -> list[UdSentence]:
    """The sentences of a CoNLL-U file with their ``# text`` and the lemmas of their words, read as
    the backbones' training data reads them (``eval/backbones/ud.py``)."""
    return [
        UdSentence(f"{path.stem}:{s.id}", s.text, tuple(w.lemma for w in s.words))
        for s in parse_conllu(path.read_text(encoding="utf-8"), stts=False)
    ]


def cue_lemmas() -> frozenset[str]:
    """The verbs and nouns the reviewed cue lexicon keeps, in lower case."""
    lex = load_lexicon()
    return frozenset(lemma.lower() for lemma in (*lex.verbs, *lex.nouns))


def chosen(part: str, folder: Path | None = None) -> list[UdSentence]:
    """The sentences the rule picks for ``part``, in file order."""
    folder = folder or ud_root()
    cues = cue_lemmas()
    out = []
    for name in FILES[part]:
        for s in read_sentences(folder / name):
            words = {l.lower() for l in s.lemmas}
            if any(c in QUOTE_MARKS for c in s.text) or words & cues or words & SOURCE_WORDS:
                out.append(s)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=list(FILES), default="ud-pud")
    ap.add_argument("--show", help="a range of chosen sentences to print with their text, e.g. 0-39")
    args = ap.parse_args()
    sentences = chosen(args.part)
    if not args.show:
        print(f"{len(sentences)} sentences chosen for {args.part}")
        for k, s in enumerate(sentences):
            print(k, s.id)
        return
    a, _, b = args.show.partition("-")
    for k in range(int(a), min(len(sentences), int(b or a) + 1)):
        s = sentences[k]
        print(f"=== {k} {s.id}\n{s.text}\n")


if __name__ == "__main__":
    main()
