"""Documents as training examples: tokens, features, tag layers and which mention fills which role.

Gold quotes are projected onto the built-in tokens (a token counts when at least half of it lies in
a span, as the scorer does). Each layer is encoded as tags and decoded again, so the mentions that
training links are exactly those decoding would give for perfect tags.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy

from ..formats.wikinews import LABEL_FROM_TYPE, TYPE_FROM_LABEL, spans_to_token_ids
from ..types import Document, Quote
from .features import Tokenized, stem, token_features, tokenize
from .tags import LAYERS, LINK_ROLES, ROLE_LAYER, Mention, decode, encode, runs_of

PAD, UNK = 0, 1


@dataclass(frozen=True)
class GoldQuote:
    """A gold quote as mention indices: its content in ``layer`` and, per role, the index of the
    mention that fills it in that role's layer (-1: the role is empty; None: not among the mentions)."""

    layer: str
    index: int
    roles: dict[str, int | None]


@dataclass
class Example:
    """One document as the network sees it; the gold part is empty for unannotated text."""

    doc_id: str
    tok: Tokenized
    features: dict[str, list[int]]
    tags: dict[str, numpy.ndarray] = field(default_factory=dict)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    quotes: list[GoldQuote] = field(default_factory=list)


def quote_label(q: Quote) -> str:
    """The WikiNews label of a quote (its own when it agrees with its type)."""
    if q.label in TYPE_FROM_LABEL and TYPE_FROM_LABEL[q.label] == q.type:
        return q.label
    return LABEL_FROM_TYPE.get(q.type, "Reported")


@dataclass(frozen=True)
class Vocab:
    """The word lists a model keeps: words, characters and cue stems."""

    words: tuple[str, ...]
    chars: tuple[str, ...]
    cue_stems: tuple[str, ...]

    def __post_init__(self):
        object.__setattr__(self, "_word_ids", {w: i for i, w in enumerate(self.words)})
        object.__setattr__(self, "_char_ids", {c: i for i, c in enumerate(self.chars)})
        object.__setattr__(self, "_cues", frozenset(self.cue_stems))

    def word_id(self, word: str) -> int:
        return self._word_ids.get(normalize(word), UNK)

    def char_ids(self, word: str, max_len: int) -> list[int]:
        w = word if len(word) <= max_len else word[: max_len // 2] + word[-(max_len - max_len // 2):]
        return [self._char_ids.get(c, UNK) for c in w]

    @property
    def cues(self) -> frozenset:
        return self._cues

    def as_dict(self) -> dict:
        return {"words": list(self.words), "chars": list(self.chars), "cue_stems": list(self.cue_stems)}


def normalize(word: str) -> str:
    """Lower case, digits folded to 0 ("2024" → "0000")."""
    return "".join("0" if c.isdigit() else c for c in word.lower())


def build_vocab(docs: Sequence[Document], word_min_count: int = 2, cue_min_count: int = 2, cue_min_ratio: float = 0.2) -> Vocab:
    """Words and characters seen at least ``word_min_count`` times; cue stems seen in gold cues at
    least ``cue_min_count`` times and as a cue in at least ``cue_min_ratio`` of their occurrences."""
    words: Counter = Counter()
    chars: Counter = Counter()
    stems: Counter = Counter()
    cue_stems: Counter = Counter()
    for doc in docs:
        tok = tokenize(doc.text)
        ws = tok.words
        words.update(normalize(w) for w in ws)
        chars.update(c for w in ws for c in w)
        stems.update(stem(w) for w in ws)
        starts = [s for s, _ in tok.offsets]
        for q in doc.quotes:
            for i in spans_to_token_ids(q.cue, tok.offsets, starts):
                cue_stems[stem(ws[i])] += 1
    cues = sorted(s for s, n in cue_stems.items() if n >= cue_min_count and n >= cue_min_ratio * stems[s] and any(ch.isalpha() for ch in s))
    return Vocab(
        words=("<pad>", "<unk>") + tuple(sorted(w for w, n in words.items() if n >= word_min_count)),
        chars=("<pad>", "<unk>") + tuple(sorted(c for c, n in chars.items() if n >= word_min_count)),
        cue_stems=tuple(cues),
    )


def make_example(doc: Document, vocab: Vocab, with_gold: bool = True) -> Example:
    """Tokens, features and (``with_gold``) tag layers and gold links of a document."""
    tok = tokenize(doc.text)
    ex = Example(doc.id, tok, token_features(tok, vocab.cues))
    if not with_gold:
        return ex
    n = len(tok)
    starts = [s for s, _ in tok.offsets]

    def ids(spans) -> tuple[int, ...]:
        return tuple(spans_to_token_ids(spans, tok.offsets, starts)) if spans else ()

    raw: dict[str, list[Mention]] = {layer: [] for layer in LAYERS}
    quote_tokens = []
    for q in doc.quotes:
        layer = "nested" if q.nested else "content"
        content = ids(q.content)
        roles = {r: ids(q.role(r)) for r in LINK_ROLES}
        quote_tokens.append((layer, quote_label(q), content, roles))
        if content:
            raw[layer].append(Mention(quote_label(q), runs_of(content)))
        for r, t in roles.items():
            if t:
                raw[ROLE_LAYER[r]].append(Mention(r, runs_of(t)))
    for layer, mentions in raw.items():
        unique = list({(m.label, m.runs): m for m in mentions}.values())
        ex.tags[layer] = encode(layer, unique, n)
        ex.mentions[layer] = decode(layer, ex.tags[layer], max_gap=n)
    index = {layer: {(m.label, m.tokens): k for k, m in enumerate(ms)} for layer, ms in ex.mentions.items()}
    for layer, label, content, roles in quote_tokens:
        k = index[layer].get((label, content))
        if k is None:
            continue
        links = {r: (index[ROLE_LAYER[r]].get((r, t)) if t else -1) for r, t in roles.items()}
        ex.quotes.append(GoldQuote(layer, k, links))
    return ex


def make_examples(docs: Iterable[Document], vocab: Vocab, with_gold: bool = True) -> list[Example]:
    return [make_example(d, vocab, with_gold) for d in docs]
