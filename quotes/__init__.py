"""quotes: who says what in German news.

>>> import quotes
>>> [q.content_text for q in quotes.extract("Sie sagte: »Wir kommen.«", extractor="quote-marks")]
['»Wir kommen.«']
"""

from __future__ import annotations

from .registry import extractor_names, get_extractor
from .types import QUOTE_TYPES, Document, Quote, Span

__version__ = "0.1.0"


def extract(text: str, extractor: str = "rules", doc_id: str = "text") -> list[Quote]:
    """The quotes of one text, found by the named extractor."""
    return get_extractor(extractor).extract(Document(doc_id, text))


__all__ = ["Document", "Quote", "Span", "QUOTE_TYPES", "extract", "get_extractor", "extractor_names"]
