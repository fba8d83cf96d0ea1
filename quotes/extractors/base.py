"""Shared pieces for extractors: a base class that gives ``pipe`` from ``extract``."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..types import Document, Quote


class BaseExtractor:
    """Subclasses set ``name`` and implement ``extract``; ``pipe`` maps it over a stream."""

    name = "base"

    def extract(self, doc: Document) -> list[Quote]:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[list[Quote]]:
        for doc in docs:
            yield self.extract(doc)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"
