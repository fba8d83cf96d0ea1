"""The ``quotes`` pipeline component for spaCy.

>>> import spacy
>>> nlp = spacy.blank("de")
>>> _ = nlp.add_pipe("quotes", config={"extractor": "quote-marks"})
>>> doc = nlp("Sie sagte: »Wir kommen.«")
>>> [(q.type, q.content_text) for q in doc._.quotes]
[('direct', '»Wir kommen.«')]
>>> [(s.text, s.label_) for s in doc.spans["quote_content"]]
[('»Wir kommen.«', 'direct')]

The component runs any registered extractor on the text of each ``Doc`` and sets:

- ``doc._.quotes``: a tuple of ``quotes.Quote`` with character offsets into ``doc.text``;
- span groups ``quote_content`` (labelled with the quote type), ``quote_speaker``, ``quote_cue``
  and ``quote_addressee`` (labelled with the role). Every span's ``id_`` is ``quote-K`` for the
  K-th quote of ``doc._.quotes``, so the spans of one quote, a discontinuous one included, can be
  found together; ``kb_id_`` is the quote's ``speaker_id``. Spans are snapped outwards to the
  pipeline's tokens; ``doc._.quotes`` keeps the exact offsets.

spaCy finds the factory through the ``spacy_factories`` entry point once the package is installed,
so ``nlp.add_pipe("quotes")`` works without importing ``quotes`` first, and a saved pipeline
loads again with ``spacy.load``.
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span as SpacySpan

from .registry import get_extractor
from .types import Document, Quote

SPAN_ROLES = ("content", "speaker", "cue", "addressee")

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=())


class QuotesComponent(Pipe):
    """Runs a quotes extractor on each Doc and stores its quotes on the Doc."""

    def __init__(self, nlp: Language, name: str = "quotes", extractor: str = "rules", settings: dict | None = None, spans_prefix: str = "quote"):
        self.name = name
        self.extractor_name = extractor
        self.settings = dict(settings or {})
        self.spans_prefix = spans_prefix
        self.extractor = get_extractor(extractor, **self.settings)

    def __call__(self, doc: Doc) -> Doc:
        try:
            quotes = self.extractor.extract(self._document(doc))
        except Exception as e:  # noqa: BLE001 - handed to spaCy's error handler, which raises by default
            self.get_error_handler()(self.name, self, [doc], e)
            return doc
        return self.set_annotations(doc, quotes)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Process Docs in batches through the extractor's own ``pipe``; a failing batch is
        retried Doc by Doc so that only the bad Docs reach the error handler."""
        it = iter(stream)
        while batch := list(islice(it, batch_size)):
            try:
                results = list(self.extractor.pipe([self._document(d) for d in batch], batch_size=batch_size))
            except Exception:  # noqa: BLE001 - retried one by one below
                results = None
            if results is None or len(results) != len(batch):
                yield from (self(doc) for doc in batch)
                continue
            for doc, quotes in zip(batch, results):
                yield self.set_annotations(doc, quotes)

    def _document(self, doc: Doc) -> Document:
        return Document(id=str(doc.user_data.get("id", "doc")), text=doc.text)

    def set_annotations(self, doc: Doc, quotes: Iterable[Quote]) -> Doc:
        quotes = tuple(quotes)
        doc._.quotes = quotes
        groups: dict[str, list[SpacySpan]] = {role: [] for role in SPAN_ROLES}
        for k, q in enumerate(quotes):
            for role in SPAN_ROLES:
                for s in q.role(role):
                    span = doc.char_span(s.start, s.end, alignment_mode="expand")
                    if span is None or len(span) == 0:
                        continue
                    label = q.type if role == "content" else role
                    groups[role].append(SpacySpan(doc, span.start, span.end, label=label, kb_id=q.speaker_id or "", span_id=f"quote-{k}"))
        for role, spans in groups.items():
            doc.spans[f"{self.spans_prefix}_{role}"] = spans
        return doc


@Language.factory(
    "quotes",
    default_config={"extractor": "rules", "settings": {}, "spans_prefix": "quote"},
    assigns=["doc._.quotes", "doc.spans"],
)
def make_quotes_component(nlp: Language, name: str, extractor: str, settings: dict, spans_prefix: str) -> QuotesComponent:
    """The factory behind ``nlp.add_pipe("quotes", config={"extractor": "rules"})``."""
    return QuotesComponent(nlp, name, extractor=extractor, settings=settings, spans_prefix=spans_prefix)
