"""A loaded model: from documents to quotes."""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

import numpy
import torch

from ..speakers import resolve_speakers
from ..types import Document, Quote, Span
from .batch import make_batch
from .data import Example, Vocab, make_example
from .features import CLOSING_MARKS, OPENING_MARKS, STRAIGHT_MARKS, Tokenized
from .linking import Link, link
from .net import QuoteNet
from .tags import LAYERS, LINK_ROLES, ROLE_LAYER, Mention, allowed_starts, allowed_transitions, decode, viterbi

TYPE_OF_LABEL = {"Direct": "direct", "Indirect": "indirect", "FreeIndirect": "free_indirect",
                 "IndirectFreeIndirect": "free_indirect", "Reported": "reported"}
_ALLOWED = {layer: (allowed_transitions(layer), allowed_starts(layer)) for layer in LAYERS}


def _spans(tok: Tokenized, mention: Mention | None) -> tuple[Span, ...]:
    if mention is None:
        return ()
    return tuple(Span.of(tok.text, tok.offsets[b][0], tok.offsets[e - 1][1]) for b, e in mention.runs)


def _has_word(tok: Tokenized, m: Mention) -> bool:
    """A quote has a word in it, not only marks or punctuation."""
    return any(any(ch.isalnum() for ch in tok.text[tok.offsets[i][0]:tok.offsets[i][1]]) for i in m.tokens)


def _fully_marked(tok: Tokenized, m: Mention) -> bool:
    """The quote is one stretch between an opening and a closing quote mark, nothing else.

    In the train split such a content is labelled Direct 590 times in 591, so the label is set from
    the marks rather than left to the tagger, which sometimes calls a short marked quote Indirect.
    """
    if len(m.runs) != 1:
        return False
    b, e = m.runs[0]
    words = [tok.text[tok.offsets[i][0]:tok.offsets[i][1]] for i in range(b, e)]
    while words and words[-1] in {".", ",", ";", "!", "?"}:
        words.pop()
    if len(words) < 3:
        return False
    marks = [i for i, w in enumerate(words) if w in OPENING_MARKS or w in CLOSING_MARKS or w in STRAIGHT_MARKS]
    return marks == [0, len(words) - 1]


def _inside(m: Mention, outer: Sequence[Mention]) -> bool:
    """A nested quote lies within a quote of the content layer and is shorter than it."""
    return any(o.start <= m.start and m.end <= o.end and len(m.tokens) < len(o.tokens) for o in outer)


class QuoteModel:
    """A trained network with its vocabulary and description (``meta``: what ``config.json`` holds)."""

    def __init__(self, net: QuoteNet, vocab: Vocab, meta: dict):
        self.net = net.eval()
        self.vocab = vocab
        self.meta = meta
        self.name = str(meta.get("name", "model"))

    def examples(self, docs: Iterable[Document]) -> list[Example]:
        return [make_example(d, self.vocab, with_gold=False) for d in docs]

    @torch.no_grad()
    def predict(self, docs: Sequence[Document], batch_size: int = 16) -> list[list[Quote]]:
        """The quotes of each document, ``speaker_id`` resolved.

        >>> from quotes.model.io import load_model
        >>> [q.type for q in load_model().predict([Document("d", "„Wir schaffen das“, sagte Merkel.")])[0]]
        ['direct']
        """
        return self.predict_examples(docs, self.examples(docs), batch_size)

    @torch.no_grad()
    def predict_examples(self, docs: Sequence[Document], examples: Sequence[Example], batch_size: int = 16) -> list[list[Quote]]:
        """Like ``predict``, for documents already made into examples."""
        self.net.eval()
        out: list[list[Quote]] = []
        for i in range(0, len(docs), batch_size):
            out.extend(self._predict_batch(docs[i: i + batch_size], examples[i: i + batch_size]))
        return out

    def _predict_batch(self, docs: Sequence[Document], exs: Sequence[Example]) -> list[list[Quote]]:
        if not any(len(ex.tok) for ex in exs):
            return [[] for _ in docs]
        batch = make_batch(exs, self.vocab)
        states = self.net.encode(**batch.inputs())
        logp = {layer: torch.log_softmax(s, dim=-1).numpy() for layer, s in self.net.tag_scores(states).items()}
        results = []
        for i, (doc, ex) in enumerate(zip(docs, exs)):
            n = len(ex.tok)
            if n == 0:
                results.append([])
                continue
            mentions = {}
            for layer in LAYERS:
                lp = logp[layer][i, :n]
                tags = viterbi(lp, *_ALLOWED[layer])
                mentions[layer] = decode(layer, tags, numpy.exp(lp))
            mentions["content"] = [m for m in mentions["content"] if _has_word(ex.tok, m)]
            mentions["nested"] = [m for m in mentions["nested"] if _has_word(ex.tok, m) and _inside(m, mentions["content"])]
            quotes = [(layer, m) for layer in ("content", "nested") for m in mentions[layer]]
            links = link(self.net, states[i, :n], [m for _, m in quotes], mentions, ex.tok.sentence_of)
            results.append(resolve_speakers(doc, self._quotes(ex.tok, quotes, links, mentions)))
        return results

    def _quotes(self, tok: Tokenized, quotes: list[tuple[str, Mention]], links: list[dict[str, Link]],
                mentions: dict[str, list[Mention]]) -> list[Quote]:
        nested_direct = [m for layer, m in quotes if layer == "nested" and m.label == "Direct"]
        out = []
        for (layer, m), roles in zip(quotes, links):
            label = "Direct" if m.label == "Indirect" and _fully_marked(tok, m) else m.label
            qtype = TYPE_OF_LABEL[label]
            if qtype == "indirect" and any(n.start >= m.start and n.end <= m.end for n in nested_direct):
                qtype = "mixed"
            chosen = {r: (mentions[ROLE_LAYER[r]][roles[r].mention] if roles[r].mention is not None else None) for r in LINK_ROLES}
            linked = ", ".join(f"{r} p={roles[r].probability:.2f}" for r in LINK_ROLES if chosen[r] is not None)
            out.append(Quote(
                content=_spans(tok, m),
                type=qtype,
                label=label,
                nested=layer == "nested",
                confidence=round(m.score, 4),
                trace=f"{self.name}: {m.label} quote from the {layer} tags (p={m.score:.2f})"
                + (", labelled Direct as one marked stretch" if label != m.label else "") + (f"; linked {linked}" if linked else ""),
                **{r: _spans(tok, chosen[r]) for r in LINK_ROLES},
            ))
        return sorted(out, key=lambda q: (q.start, q.end))

    def pipe(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[list[Quote]]:
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) == batch_size:
                yield from self.predict(chunk, batch_size)
                chunk = []
        if chunk:
            yield from self.predict(chunk, batch_size)
