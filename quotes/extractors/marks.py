"""The trivial baseline: every pair of quote marks is a direct quote, with no speaker or cue."""

from __future__ import annotations

import re

from ..registry import extractors
from ..types import Document, Quote, Span
from .base import BaseExtractor

# Opening mark → the marks that may close it (mismatched pairs like "…“ are common in news).
PAIRS = {
    "„": "“”\"",
    "»": "«",
    "«": "»",
    "“": "”\"",
    '"': "\"“”",
    "‚": "‘’'",
    "‹": "›",
}
_MARK = re.compile("[„»«“\"‚‹”‘’›']")


def quote_mark_spans(text: str, max_len: int = 3000) -> list[tuple[int, int]]:
    """Spans from an opening mark to its closing mark, marks included; unclosed marks end at the
    paragraph end. Single marks (‚ ') only pair within one line.

    >>> quote_mark_spans('Er sagte: „Ja.“ Sie: »Nein«')
    [(10, 15), (21, 27)]
    """
    spans = []
    i, n = 0, len(text)
    while i < n:
        m = _MARK.search(text, i)
        if not m:
            break
        ch, start = m.group(), m.start()
        closers = PAIRS.get(ch)
        # An apostrophe inside a word ("Reuters'", "geht's") opens nothing.
        if closers is None or (ch in "'‚" and start > 0 and text[start - 1].isalnum()):
            i = start + 1
            continue
        limit = min(n, start + max_len)
        para = text.find("\n\n", start, limit)
        if ch in "‚'":
            para = text.find("\n", start, limit)
        stop = para if para != -1 else limit
        j = start + 1
        end = None
        while j < stop:
            c = text[j]
            if c in closers and not (c in "'’" and j + 1 < n and text[j + 1].isalpha()):
                end = j + 1
                break
            j += 1
        if end is None:
            # Unclosed: the quote runs to its paragraph's end (or the text's), not past it.
            at_paragraph_end = para != -1 or limit == n
            end = len(text[:stop].rstrip()) if at_paragraph_end else start + 1
            if end - start <= 1:
                i = start + 1
                continue
        spans.append((start, end))
        i = end
    return spans


class QuoteMarksExtractor(BaseExtractor):
    name = "quote-marks"

    def extract(self, doc: Document) -> list[Quote]:
        text = doc.text
        out = []
        for s, e in quote_mark_spans(text):
            span = Span.of(text, s, e)
            if not span.text.strip():
                continue
            out.append(Quote(content=(span,), type="direct", confidence=0.5, trace="quote-marks: paired marks"))
        return out


@extractors.register("quote-marks.v1")
def make_quote_marks() -> QuoteMarksExtractor:
    """Baseline: every pair of quote marks is a direct quote."""
    return QuoteMarksExtractor()
