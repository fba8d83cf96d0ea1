"""Running an extractor over many documents, so that one bad document never loses the others.

Documents longer than ``MAX_CHARS`` characters (far beyond any news article; think of a whole
feed pasted into one file) are cut at paragraph breaks into pieces of at most that length, each
piece is extracted on its own, and the offsets are shifted back onto the whole text. A quote that
runs across a cut comes out as two quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from .ty import Extractor
from .types import Document, Quote, Span

MAX_CHARS = 100_000


@dataclass(frozen=True)
class Failure:
    """A document that could not be processed, and why."""

    doc_id: str | None
    source: str | None
    reason: str

    def __str__(self) -> str:
        where = ", ".join(x for x in (self.source, f"document {self.doc_id}" if self.doc_id else None) if x)
        return f"{where}: {self.reason}" if where else self.reason


def failure(doc: Document, exc: BaseException) -> Failure:
    """The Failure of ``doc`` because of ``exc``, with the file it came from when known."""
    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return Failure(doc.id, str(doc.meta.get("path")) if doc.meta and doc.meta.get("path") else None, reason)


def pieces(text: str, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``max_chars``, preferring paragraph
    breaks, then line breaks, then spaces; the pieces cover the text without gaps.

    >>> pieces("aa bb\\n\\ncc dd", max_chars=8)
    [(0, 7), (7, 12)]
    """
    out, start, n = [], 0, len(text)
    while n - start > max_chars:
        limit = start + max_chars
        cut = -1
        for sep in ("\n\n", "\n", " "):
            k = text.rfind(sep, start + 1, limit)
            if k != -1:
                cut = k + len(sep)
                break
        if cut <= start:
            cut = limit
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _shift_spans(spans: tuple[Span, ...], offset: int) -> tuple[Span, ...]:
    return tuple(Span(s.start + offset, s.end + offset, s.text) for s in spans)


def shift(quote: Quote, offset: int) -> Quote:
    """The quote with every span moved by ``offset`` characters."""
    return quote.replace(**{r: _shift_spans(getattr(quote, r), offset) for r in ("content", "speaker", "cue", "addressee", "frame")})


def extract_one(extractor: Extractor, doc: Document, max_chars: int = MAX_CHARS) -> list[Quote]:
    """The quotes of one document; a document over ``max_chars`` is extracted piece by piece."""
    if len(doc.text) <= max_chars:
        return list(extractor.extract(doc))
    quotes: list[Quote] = []
    for start, end in pieces(doc.text, max_chars):
        part = Document(doc.id, doc.text[start:end], meta=doc.meta)
        quotes.extend(shift(q, start) for q in extractor.extract(part))
    return quotes


def run(extractor: Extractor, docs: Iterable[Document], batch_size: int = 32, max_chars: int = MAX_CHARS) -> Iterator[Document | Failure]:
    """Yield each document with the extractor's quotes (in order), or a Failure for it.

    Batches go through ``extractor.pipe``; when a batch fails, its documents are retried one by one
    so that only the bad ones fail. Documents over ``max_chars`` go one by one, in pieces.

    >>> from quotes.registry import get_extractor
    >>> [d.quotes[0].content_text for d in run(get_extractor("quote-marks"), [Document("a", "»Ja«")])]
    ['»Ja«']
    """
    it = iter(docs)
    while True:
        batch = list(islice(it, batch_size))
        if not batch:
            return
        short = [d for d in batch if len(d.text) <= max_chars]
        results: list | None = None
        if short:
            try:
                results = list(extractor.pipe(short, batch_size=batch_size))
                if len(results) != len(short):
                    raise RuntimeError(f"{extractor.name} returned {len(results)} results for {len(short)} documents")
            except Exception:  # noqa: BLE001 - the batch is retried document by document below
                results = None
        piped = iter(results) if results is not None else None
        for doc in batch:
            if piped is not None and len(doc.text) <= max_chars:
                yield doc.with_quotes(next(piped))
                continue
            try:
                yield doc.with_quotes(extract_one(extractor, doc, max_chars))
            except Exception as exc:  # noqa: BLE001 - any failure of one document is reported, not raised
                yield failure(doc, exc)
