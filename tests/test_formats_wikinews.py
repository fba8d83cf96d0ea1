"""WikiNews JSON → our types → WikiNews JSON loses nothing the official scorer or a user cares about."""

from __future__ import annotations

import json

import pytest

from quotes.convert import convert, detect_format, read_path
from quotes.formats.wikinews import document_to_wikinews, read_wikinews, wikinews_files
from quotes.registry import readers, writers

ROLES = ("quote", "speaker", "cue", "addressee", "frame")


def _same_sentences(original: list[dict], written: list[dict]) -> None:
    assert len(original) == len(written)
    for a, b in zip(original, written):
        for key in ("id", "begin", "end", "charBegin", "charEnd", "tokens"):
            assert a[key] == b[key], key
        # The corpus' sentence text carries the whitespace up to the next sentence, ours does not.
        assert a["text"].strip() == b["text"].strip()


def _same_annotations(original: list[dict], written: list[dict], where: str) -> None:
    assert len(original) == len(written), where
    for a, b in zip(original, written):
        for key in ("id", "type", "medium", "isNested", "hasNested"):
            assert a[key] == b[key], f"{where}: {key}"
        for role in ROLES:
            # Token ids as sets: the corpus lists a few in annotation order or twice.
            assert set(a[role]["tokenIds"]) == set(b[role]["tokenIds"]), f"{where}: {role}"
            for span in b[role]["spans"]:
                assert span["end"] > span["begin"]


@pytest.mark.corpus
def test_wikinews_round_trip_over_the_dev_split(wikinews_dev):
    for path in wikinews_files(wikinews_dev):
        original = json.loads(path.read_text(encoding="utf-8"))
        written = document_to_wikinews(read_wikinews(path))
        assert written["documentName"] == original["documentName"]
        assert written["originalText"] == original["originalText"]
        assert written["tokens"] == original["tokens"]
        _same_sentences(original["sentences"], written["sentences"])
        _same_annotations(original["annotations"], written["annotations"], path.name)


@pytest.mark.corpus
def test_wikinews_round_trip_through_jsonl_files(wikinews_dev, tmp_path):
    files = wikinews_files(wikinews_dev)[:30]
    src = tmp_path / "src"
    src.mkdir()
    for f in files:
        (src / f.name).write_bytes(f.read_bytes())
    assert convert(src, tmp_path / "docs.jsonl").documents == 30
    assert convert(tmp_path / "docs.jsonl", tmp_path / "back", target_format="wikinews").quotes == sum(
        len(read_wikinews(f).quotes) for f in files)
    for f in files:
        original = json.loads(f.read_text(encoding="utf-8"))
        written = json.loads((tmp_path / "back" / f.name).read_text(encoding="utf-8"))
        assert written["tokens"] == original["tokens"]
        _same_sentences(original["sentences"], written["sentences"])
        _same_annotations(original["annotations"], written["annotations"], f.name)


@pytest.mark.corpus
def test_wikinews_is_read_as_documents_with_labels_kept(wikinews_dev):
    docs = list(read_path(wikinews_dev))
    assert detect_format(wikinews_dev) == "wikinews"
    assert len(docs) == 150 and sum(len(d.quotes) for d in docs) == 653
    labels = {q.label for d in docs for q in d.quotes}
    assert labels == {"Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported"}
    assert sum(q.nested for d in docs for q in d.quotes) == 73


def test_wikinews_is_registered_as_reader_and_writer():
    import quotes.formats  # noqa: F401

    assert "wikinews" in readers.get_all() and "wikinews" in writers.get_all()
