"""Documents that exercise everything a quote can carry, for the interchange and render tests.

Discontinuous content and cue, a direct quote nested in a mixed one, every role, a role shared by
two quotes, speaker ids, confidences, traces with markup and line breaks, corpus labels, a
document without quotes, and text with \\r\\n, an emoji (two UTF-16 units), <, & and quote marks.
"""

from __future__ import annotations

from quotes.types import Document, Quote, Span

TEXT = (
    'Merz teilte den Grünen mit, die Lage sei „sehr ernst“ & <unklar>.\r\n'
    '„Wir kommen“, sagte er, „morgen 🙂.“ Laut Reuters: "Ja".'
)


def span(text: str, part: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``part`` in ``text`` as a span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span.of(text, start, start + len(part))


def sample_documents() -> list[Document]:
    t = TEXT
    assert t.count("sagte er") == 1
    merz = (span(t, "Merz"),)
    cue = (span(t, "teilte"), span(t, "mit"))
    mixed = Quote(
        content=(span(t, "die Lage sei „sehr ernst“ & <unklar>"),),
        type="mixed",
        speaker=merz,
        cue=cue,
        addressee=(span(t, "den Grünen"),),
        frame=(span(t, "Merz teilte den Grünen mit"),),
        speaker_id="Friedrich Merz",
        confidence=0.8734,
        trace='rules: Konjunktiv "sei"\n\t<b>&amp;</b>',
        label="Indirect",
        medium="Speech",
    )
    nested = Quote(
        content=(span(t, "„sehr ernst“"),), type="direct", speaker=merz, cue=cue,
        speaker_id="Friedrich Merz", confidence=0.61, trace="rules: nested marks", label="Direct", nested=True,
    )
    split = Quote(
        content=(span(t, "„Wir kommen“"), span(t, "„morgen 🙂.“")), type="direct",
        speaker=(Span.of(t, t.index("sagte er") + 6, t.index("sagte er") + 8),), cue=(span(t, "sagte"),), speaker_id="Friedrich Merz", confidence=0.5, trace="rules: split quote",
    )
    reuters = Quote(content=(span(t, '"Ja"'),), type="direct", speaker=(span(t, "Reuters"),), cue=(span(t, "Laut"),), speaker_id="Reuters")
    bare = Quote(content=(span(t, "<unklar>"),), type="reported", confidence=0.0)
    return [
        Document("artikel-1", t, (mixed, nested, split, reuters, bare)),
        Document("leer", "Kein Zitat hier.\n"),
    ]
