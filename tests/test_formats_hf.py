"""Documents as a Hugging Face ``datasets.Dataset`` with a documented schema, local files only."""

from __future__ import annotations

import pytest
from quote_samples import sample_documents

from quotes.convert import detect_format, read_path, write_path
from quotes.errors import FormatError
from quotes.formats.hf import document_to_row, features, from_dataset, load_dataset, to_dataset
from quotes.types import Document


def test_hf_dataset_round_trip_keeps_every_quote_field():
    docs = sample_documents() + [Document("tok", "Er sagte: Ja.", tokens=((0, 2), (3, 8), (8, 9), (10, 12), (12, 13)), meta={"sentences": [[0, 5]]})]
    assert list(from_dataset(to_dataset(docs))) == docs
    back = list(from_dataset(to_dataset(docs)))
    assert [d.meta for d in back] == [d.meta for d in docs]
    assert back[0].tokens is None and back[-1].tokens == docs[-1].tokens


def test_hf_dataset_has_the_documented_columns():
    ds = to_dataset(sample_documents())
    assert ds.column_names == ["id", "text", "tokens", "quotes", "meta"]
    assert ds.features == features()
    row = ds[0]
    assert set(row["quotes"][0]) == {"type", "content", "speaker", "cue", "addressee", "frame", "speaker_id", "confidence",
                                     "trace", "label", "medium", "nested"}
    assert row["quotes"][0]["cue"][1]["text"] == "mit"  # a discontinuous role is a list of spans


def test_hf_bad_row_names_the_document():
    row = document_to_row(sample_documents()[0])
    row["quotes"][0]["content"][0]["text"] = "falsch"
    from datasets import Dataset

    ds = Dataset.from_list([row], features=features())
    with pytest.raises(FormatError, match="document artikel-1, field quotes\\[0\\].content\\[0\\]"):
        list(from_dataset(ds))


def test_hf_saved_dataset_is_read_back_through_the_registry(tmp_path):
    docs = sample_documents()
    assert write_path(docs, tmp_path / "ds", "hf") == 2
    assert detect_format(tmp_path / "ds") == "hf"
    assert list(read_path(tmp_path / "ds")) == docs


def test_hf_load_dataset_reads_any_registered_format(tmp_path):
    write_path(sample_documents(), tmp_path / "docs.jsonl")
    ds = load_dataset(tmp_path / "docs.jsonl")
    assert ds.num_rows == 2 and ds[0]["id"] == "artikel-1"


def test_hf_empty_dataset_keeps_the_schema():
    ds = to_dataset([])
    assert ds.num_rows == 0 and ds.features == features()
