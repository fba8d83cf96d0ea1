"""The interfaces, as small protocols: what an extractor and a backbone must offer."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Protocol, runtime_checkable

from .types import Document, Quote


@runtime_checkable
class Extractor(Protocol):
    """Finds the quotes in documents.

    ``name`` is the registered name with its settings (``rules``, ``model``), shown in reports.
    ``extract`` handles one document; ``pipe`` handles a stream and yields one list of quotes per
    document, in order. An extractor raises on a document it cannot process; callers that
    must go on (the CLI, ``quotes.batch``) catch it per document.
    """

    name: str

    def extract(self, doc: Document) -> list[Quote]: ...

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[list[Quote]]: ...


# A backbone turns a text into an annotated ``spacy.tokens.Doc``; only extractors see it.
Backbone = Callable[[str], object]
