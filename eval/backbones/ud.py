"""The German UD treebanks as training data for the backbones: reading, our own split, conversion.

The files in ``ud-german`` are official dev/test splits of their treebanks, so we cut our own
split from them, by position, the same for every file: the first 75 % of each file's sentences
train, the next 10 % are dev (early stopping and model selection), the last 15 % are held out and
used for nothing but the reported figures.

Only GSD (CC BY-SA 4.0) and PUD (CC BY-SA 3.0) are used; LIT is CC BY-NC-SA and stays out.
PUD's XPOS column holds English-style tags (``DT``, ``VBC``), not STTS: it is dropped (``xpos`` is
empty, a missing value for training and scoring), so ``tag_`` stays STTS.

Multiword tokens (``zum`` = ``zu`` + ``dem``) are merged into their surface token, as spaCy's
tokenizer and every backbone see them: the merged token takes the attributes of the part whose
head lies outside the token (the preposition), the STTS tag ``APPRART`` and the article's
morphology (its case).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

FILES = ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu", "de_pud-ud-test.conllu")
NOT_STTS = ("de_pud-ud-test.conllu",)
SPLITS = {"train": (0.0, 0.75), "dev": (0.75, 0.85), "heldout": (0.85, 1.0)}


@dataclass(frozen=True)
class Word:
    """One surface token of a sentence; ``head`` is 0 for the root, else a 1-based index."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool = True


@dataclass(frozen=True)
class Sentence:
    id: str
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return "".join(w.form + (" " if w.space_after else "") for w in self.words).rstrip()


def ud_root() -> Path:
    """The ``ud-german`` folder: ``$QUOTES_CORPORA/ud-german`` or ``../shared/corpora/ud-german``."""
    base = os.environ.get("QUOTES_CORPORA")
    root = Path(base) if base else Path(__file__).resolve().parents[3] / "shared" / "corpora"
    return root / "ud-german"


def _merge(parts: list[list[str]], form: str, misc: str, first: int, last: int) -> tuple[list[str], dict[int, int]]:
    """One row for the multiword token made of ``parts`` (ids first..last)."""
    outside = [p for p in parts if not (first <= int(p[6]) <= last)]
    main = outside[0] if outside else parts[0]
    row = list(main)
    row[1] = form
    row[9] = misc
    if [p[3] for p in parts] == ["ADP", "DET"]:
        row[4] = "APPRART"
        row[5] = parts[1][5]
    return row, {int(p[0]): first for p in parts}


def parse_conllu(text: str, stts: bool = True) -> list[Sentence]:
    """Sentences of a CoNLL-U text, multiword tokens merged, heads renumbered to surface tokens;
    ``stts=False`` drops the XPOS column."""
    sentences = []
    for block in text.strip().split("\n\n"):
        sent_id, rows, merged, idmap = "", [], {}, {}
        lines = [ln for ln in block.splitlines() if ln.strip()]
        for line in lines:
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
        cols = [ln.split("\t") for ln in lines if not ln.startswith("#")]
        i = 0
        while i < len(cols):
            c = cols[i]
            if "." in c[0]:
                i += 1
                continue
            if "-" in c[0]:
                first, last = (int(x) for x in c[0].split("-"))
                parts = cols[i + 1 : i + 2 + last - first]
                row, ids = _merge(parts, c[1], c[9], first, last)
                rows.append(row)
                idmap.update(ids)
                merged[first] = last
                i += 2 + last - first
                continue
            rows.append(c)
            idmap[int(c[0])] = int(c[0])
            i += 1
        # Renumber: surface position of each original word id.
        position = {first: n + 1 for n, first in enumerate(sorted(set(idmap.values())))}
        words = []
        for row in rows:
            head = int(row[6])
            words.append(
                Word(
                    form=row[1],
                    lemma=row[2],
                    upos=row[3],
                    xpos=row[4] if stts else "",
                    feats="" if row[5] == "_" else row[5],
                    head=position[idmap[head]] if head else 0,
                    deprel=row[7],
                    space_after="SpaceAfter=No" not in row[9],
                )
            )
        sentences.append(Sentence(sent_id, tuple(words)))
    return sentences


def split_sentences(name: str, root: Path | None = None) -> list[Sentence]:
    """One split (``train``, ``dev`` or ``heldout``) of every file in ``FILES``.

    >>> len(split_sentences("heldout")) > 300  # doctest: +SKIP
    True
    """
    lo, hi = SPLITS[name]
    out = []
    for fname in FILES:
        sents = parse_conllu((root or ud_root()).joinpath(fname).read_text(encoding="utf-8"), stts=fname not in NOT_STTS)
        out.extend(sents[round(lo * len(sents)) : round(hi * len(sents))])
    return out


def to_conllu(sentences: list[Sentence]) -> str:
    """CoNLL-U of the (merged) sentences, as Stanza's trainers read it."""
    out = []
    for s in sentences:
        lines = [f"# sent_id = {s.id}", f"# text = {s.text}"]
        for n, w in enumerate(s.words, 1):
            misc = "_" if w.space_after else "SpaceAfter=No"
            lines.append("\t".join([str(n), w.form, w.lemma, w.upos, w.xpos or "_", w.feats or "_", str(w.head), w.deprel, "_", misc]))
        out.append("\n".join(lines) + "\n")
    return "\n".join(out) + "\n"


def to_docs(sentences: list[Sentence], vocab, per_doc: int = 10):
    """spaCy Docs of ``per_doc`` sentences each, with every gold annotation; ``root`` becomes ``ROOT``."""
    from spacy.tokens import Doc

    docs = []
    for k in range(0, len(sentences), per_doc):
        words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
        for s in sentences[k : k + per_doc]:
            offset = len(words)
            for n, w in enumerate(s.words):
                words.append(w.form)
                spaces.append(w.space_after)
                tags.append(w.xpos)
                pos.append(w.upos)
                morphs.append(w.feats)
                lemmas.append(w.lemma)
                heads.append(offset + (w.head - 1 if w.head else n))
                deps.append("ROOT" if w.deprel == "root" else w.deprel)
                starts.append(n == 0)
            spaces[-1] = True
        spaces[-1] = False
        docs.append(Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas, heads=heads, deps=deps, sent_starts=starts))
    return docs
