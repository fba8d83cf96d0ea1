"""The data model: spans, quotes and documents.

Plain frozen dataclasses with no spaCy or Stanza import, shared by gold data and predictions.
Offsets are half-open character offsets into the original, unmodified ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Literal, Mapping

QuoteType = Literal["direct", "indirect", "mixed", "free_indirect", "reported"]
QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed", "free_indirect", "reported")
ROLES: tuple[str, ...] = ("speaker", "cue", "addressee", "frame")


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of a text, with the text it covers.

    >>> Span.of("Er sagte: Ja.", 10, 12)
    Span(start=10, end=12, text='Ja')
    """

    start: int
    end: int
    text: str = field(compare=False, default="")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


Spans = tuple[Span, ...]


def extent(spans: Iterable[Span]) -> tuple[int, int] | None:
    """The smallest ``(start, end)`` that covers all spans, or None for no spans."""
    spans = list(spans)
    if not spans:
        return None
    return min(s.start for s in spans), max(s.end for s in spans)


@dataclass(frozen=True)
class Quote:
    """One quotation: what was said (``content``), by whom, with which cue, to whom.

    Every role is a tuple of spans: empty when absent, several when discontinuous
    (``teilten … mit``). ``label``, ``medium`` and ``nested`` keep a corpus' own annotation.

    >>> t = "Er sagte: „Ja.“"
    >>> q = Quote(content=(Span.of(t, 10, 15),), type="direct", speaker=(Span.of(t, 0, 2),))
    >>> q.content_text, q.speaker_text
    ('„Ja.“', 'Er')
    """

    content: Spans
    type: str
    speaker: Spans = ()
    cue: Spans = ()
    addressee: Spans = ()
    frame: Spans = ()
    speaker_id: str | None = None
    confidence: float = 1.0
    trace: str = ""
    label: str | None = None
    medium: str | None = None
    nested: bool = False

    @property
    def start(self) -> int:
        return min(s.start for s in self.content)

    @property
    def end(self) -> int:
        return max(s.end for s in self.content)

    @property
    def content_text(self) -> str:
        return " … ".join(s.text for s in self.content)

    @property
    def speaker_text(self) -> str | None:
        return " … ".join(s.text for s in self.speaker) or None

    @property
    def cue_text(self) -> str | None:
        return " … ".join(s.text for s in self.cue) or None

    def role(self, name: str) -> Spans:
        """The spans of ``content`` or of one of ``ROLES``."""
        if name in ("content", "quote", "message"):
            return self.content
        if name not in ROLES:
            raise KeyError(f"unknown role {name!r}; expected content or one of {ROLES}")
        return getattr(self, name)

    def replace(self, **changes) -> "Quote":
        return replace(self, **changes)


@dataclass(frozen=True)
class Document:
    """A text with an id, its quotes and, when a corpus gives them, its own tokens.

    ``tokens`` are ``(start, end)`` character offsets of the corpus' tokens (WikiNews, SpkAtt);
    they let predictions be written back as token ids. ``meta`` keeps anything else a reader
    wants to carry through (a file name, a split).

    >>> Document("d1", "Er sagte nichts.").quotes
    ()
    """

    id: str
    text: str
    quotes: tuple[Quote, ...] = ()
    tokens: tuple[tuple[int, int], ...] | None = None
    meta: Mapping[str, object] = field(default_factory=dict, compare=False)

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def with_quotes(self, quotes: Iterable[Quote]) -> "Document":
        return replace(self, quotes=tuple(quotes))
