"""Running an extractor over documents: failure isolation, and very long documents in pieces."""

from __future__ import annotations

import pytest

from quotes.batch import Failure, extract_one, pieces, run
from quotes.registry import get_extractor
from quotes.types import Document


@pytest.mark.parametrize("text, max_chars, expected", [
    ("kurz", 10, [(0, 4)]),
    ("aa bb\n\ncc dd", 8, [(0, 7), (7, 12)]),          # at the paragraph break
    ("aa bb\ncc dd ee", 9, [(0, 6), (6, 14)]),          # at the line break
    ("aaa bbb ccc", 5, [(0, 4), (4, 8), (8, 11)]),      # at spaces
    ("abcdefghij", 4, [(0, 4), (4, 8), (8, 10)]),      # no break at all: hard cuts
    ("", 5, [(0, 0)]),
])
def test_pieces_cut_at_the_best_break_within_the_limit(text, max_chars, expected):
    assert pieces(text, max_chars) == expected


def test_a_long_document_is_extracted_in_pieces_with_offsets_on_the_whole_text():
    paragraph = "Er sagte: „Wir kommen.“ Sie antwortete: »Gut so.«\n\n"
    doc = Document("lang", paragraph * 40)
    ext = get_extractor("quote-marks")
    whole = ext.extract(doc)
    in_pieces = extract_one(ext, doc, max_chars=len(paragraph) * 3 + 5)
    assert [(q.start, q.end) for q in in_pieces] == [(q.start, q.end) for q in whole]
    assert all(s.text == doc.text[s.start:s.end] for q in in_pieces for s in q.content)
    assert len(in_pieces) == 80


class FailsOn:
    name = "fails-on"

    def __init__(self, bad: str):
        self.bad = bad

    def extract(self, doc):
        if self.bad in doc.text:
            raise RuntimeError(f"cannot handle {self.bad}")
        return []

    def pipe(self, docs, batch_size=32):
        for doc in docs:
            yield self.extract(doc)


def test_run_fails_only_the_bad_document_of_a_batch():
    docs = [Document("a", "gut"), Document("b", "schlecht", meta={"path": "in.jsonl"}), Document("c", "gut")]
    results = list(run(FailsOn("schlecht"), docs, batch_size=3))
    assert [r.id if isinstance(r, Document) else r for r in results] == [
        "a", Failure("b", "in.jsonl", "RuntimeError: cannot handle schlecht"), "c"]
