"""Quotes seen as tokens: every role of a quote as a set of token ids of the gold document.

The token-level metrics (official, strict, seqeval) all score on the gold document's own tokens
(WikiNews, SpkAtt); a document without corpus tokens (the project's JSONL gold) is tokenized with
the built-in German tokenizer. A predicted character span covers a token when at least half of
the token lies inside it, the rule the WikiNews writer uses.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ..formats.wikinews import spans_to_token_ids
from ..types import Document, Span

Tokens = Sequence[tuple[int, int]]


def document_tokens(doc: Document) -> Tokens:
    """The document's own tokens, or the built-in tokenizer's where it has none.

    >>> document_tokens(Document("d", "Er sagte: Ja.", tokens=((0, 2), (3, 8))))
    ((0, 2), (3, 8))
    """
    if doc.tokens is not None:
        return doc.tokens
    from ..nlp.builtin import tokenize_offsets

    return tuple(tokenize_offsets(doc.text)[0])


class TokenMap:
    """Maps character spans onto the ids of the tokens they cover.

    >>> TokenMap([(0, 2), (3, 8), (9, 12)]).ids([Span(3, 12)])
    frozenset({1, 2})
    """

    def __init__(self, tokens: Tokens):
        self.tokens = tokens
        self.starts = [t[0] for t in tokens]

    def ids(self, spans: Iterable[Span]) -> frozenset:
        spans = tuple(spans)
        if not spans:
            return frozenset()
        return frozenset(spans_to_token_ids(spans, self.tokens, self.starts))

    def runs(self, spans: Iterable[Span]) -> list[tuple[int, int]]:
        """Each span as a ``[first, last + 1)`` range of token ids, empty ones left out."""
        out = []
        for span in spans:
            ids = spans_to_token_ids((span,), self.tokens, self.starts)
            if ids:
                out.append((ids[0], ids[-1] + 1))
        return out
