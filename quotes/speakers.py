"""Speaker resolution within one document: from a speaker mention to the person it denotes.

``resolve_speakers`` fills ``speaker_id`` on every quote: the fullest name the article gives for
the mention ("Wladimir Putin" for "Putin", "er" or "Russlands Präsident"). It works on text and
spans only, so every extractor shares it.
"""

from __future__ import annotations

import re
from typing import Sequence

from .types import Document, Quote

PRONOUNS = frozenset("er sie es ihm ihr ihn wir ich man".split())
_NAME = re.compile(r"(?:[A-ZÄÖÜ][\w\-.'’]+)(?:\s+(?:von|van|de|der|al|bin)?\s*[A-ZÄÖÜ][\w\-'’]+)*")


def _names(text: str) -> list[str]:
    return [m.group() for m in _NAME.finditer(text)]


def resolve_speakers(doc: Document, quotes: Sequence[Quote]) -> list[Quote]:
    """Fill ``speaker_id`` on each quote from its speaker span, resolved within the document.

    Names resolve to the longest name in the text that ends with them; pronouns to the previous
    quote's speaker. Quotes that already have a ``speaker_id`` keep it.

    >>> from quotes.types import Span
    >>> t = "Wladimir Putin kam. Putin sagte: „Ja.“"
    >>> q = Quote(content=(Span.of(t, 33, 38),), type="direct", speaker=(Span.of(t, 20, 25),))
    >>> resolve_speakers(Document("d", t), [q])[0].speaker_id
    'Wladimir Putin'
    """
    full_names = _names(doc.text)
    out: list[Quote] = []
    previous: str | None = None
    for q in sorted(quotes, key=lambda q: q.start):
        sid = q.speaker_id
        if sid is None and q.speaker:
            mention = q.speaker_text or ""
            if mention.lower() in PRONOUNS:
                sid = previous
            else:
                tail = mention.split()[-1] if mention.split() else mention
                candidates = [n for n in full_names if n.split()[-1] == tail]
                sid = max(candidates, key=len) if candidates else mention
        out.append(q.replace(speaker_id=sid) if sid != q.speaker_id else q)
        previous = sid or previous
    order = {id(q): k for k, q in enumerate(quotes)}
    back = sorted(zip(sorted(quotes, key=lambda q: q.start), out), key=lambda pair: order[id(pair[0])])
    return [resolved for _, resolved in back]
