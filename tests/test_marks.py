"""The quote-marks baseline: pairing of quote marks of every style."""

from __future__ import annotations

import pytest

from quotes.extractors.marks import quote_mark_spans
from quotes.registry import get_extractor
from quotes.types import Document


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Er sagte: „Ja.“", ["„Ja.“"]),
        ("Er sagte: »Ja.« Sie: «Nein»", ["»Ja.«", "«Nein»"]),
        ('Er sagte: "Ja." Sie: "Nein."', ['"Ja."', '"Nein."']),
        ("Er sagte: ‚Ja‘ und ging.", ["‚Ja‘"]),
        ('Er sagte: "Ja, gut“, und ging.', ['"Ja, gut“']),
        ("„Ein Satz. Noch einer.“ So er.", ["„Ein Satz. Noch einer.“"]),
        ("Er sagte: „Das bleibt offen\n\nNeuer Absatz.", ["„Das bleibt offen"]),
        ("Reuters' Bericht und geht's ohne Marken.", []),
        ("", []),
    ],
)
def test_marks_pair_quote_marks_of_every_style(text, expected):
    assert [text[s:e] for s, e in quote_mark_spans(text)] == expected


def test_marks_unclosed_quote_runs_to_the_end_of_the_text():
    assert quote_mark_spans("Er sagte: „Ja, so ist es.\n") == [(10, 25)]


def test_marks_lone_mark_at_text_end_opens_nothing():
    assert quote_mark_spans("Er sagte: „") == []


def test_marks_extractor_returns_direct_quotes_with_offsets_into_the_text():
    text = "Sie sagte: »Wir kommen.« Dann ging sie."
    (q,) = get_extractor("quote-marks").extract(Document("d", text))
    assert q.type == "direct" and q.content[0].text == text[q.start : q.end] == "»Wir kommen.«"
    assert q.speaker == () and "quote-marks" in q.trace
