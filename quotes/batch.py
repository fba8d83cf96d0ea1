"""Running an extractor over many documents, so that one bad document never loses the others."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from .ty import Extractor
from .types import Document


@dataclass(frozen=True)
class Failure:
    """A document that could not be processed, and why."""

    doc_id: str | None
    source: str | None
    reason: str

    def __str__(self) -> str:
        where = ", ".join(x for x in (self.source, f"document {self.doc_id}" if self.doc_id else None) if x)
        return f"{where}: {self.reason}" if where else self.reason


def _failure(doc: Document, exc: BaseException) -> Failure:
    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return Failure(doc.id, str(doc.meta.get("path")) if doc.meta and doc.meta.get("path") else None, reason)


def run(extractor: Extractor, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document | Failure]:
    """Yield each document with the extractor's quotes (in order), or a Failure for it.

    Batches go through ``extractor.pipe``; when a batch fails, its documents are retried one by one
    so that only the bad ones fail.

    >>> from quotes.registry import get_extractor
    >>> [d.quotes[0].content_text for d in run(get_extractor("quote-marks"), [Document("a", "»Ja«")])]
    ['»Ja«']
    """
    it = iter(docs)
    while True:
        batch = list(islice(it, batch_size))
        if not batch:
            return
        try:
            results = list(extractor.pipe(batch, batch_size=batch_size))
            if len(results) != len(batch):
                raise RuntimeError(f"{extractor.name} returned {len(results)} results for {len(batch)} documents")
        except Exception:
            results = None
        if results is not None:
            for doc, quotes in zip(batch, results):
                yield doc.with_quotes(quotes)
            continue
        for doc in batch:
            try:
                yield doc.with_quotes(extractor.extract(doc))
            except Exception as exc:  # noqa: BLE001 - any failure of one document is reported, not raised
                yield _failure(doc, exc)
