"""CSV for spreadsheets: one row per quote; round trips lose nothing, spreadsheet edits come back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from quote_samples import sample_documents

from quotes.errors import FormatError
from quotes.formats.csv import COLUMNS, read_csv, write_csv
from quotes.formats.jsonl import read_jsonl
from quotes.registry import extractor_names, readers, writers

SEEDS = Path(__file__).resolve().parents[1] / "annotations" / "seeds.jsonl"


def test_csv_round_trip_keeps_every_quote_field(tmp_path):
    docs = sample_documents()
    path = tmp_path / "quotes.csv"
    assert write_csv(docs, path) == len(docs)
    back = list(read_csv(path))
    assert [(d.id, d.text, d.quotes) for d in back] == [(d.id, d.text, d.quotes) for d in docs]


def test_csv_round_trip_of_the_seed_gold(tmp_path):
    docs = list(read_jsonl(SEEDS))
    write_csv(docs, tmp_path / "seeds.csv")
    assert [(d.id, d.text, d.quotes) for d in read_csv(tmp_path / "seeds.csv")] == [(d.id, d.text, d.quotes) for d in docs]


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_has_one_row_per_quote_with_the_named_columns(tmp_path):
    path = tmp_path / "quotes.csv"
    write_csv(sample_documents(), path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM spreadsheet programs need for umlauts
    rows = _rows(path)
    assert len(rows) == 5 + 1  # five quotes, and one row for the document without quotes
    for column in ("document", "type", "speaker_id", "speaker", "cue", "content", "content_offsets"):
        assert column in COLUMNS
    split = rows[2]
    assert (split["document"], split["quote"], split["type"], split["speaker_id"]) == ("artikel-1", "3", "direct", "Friedrich Merz")
    assert (split["speaker"], split["cue"], split["content"]) == ("er", "sagte", "„Wir kommen“ … „morgen 🙂.“")
    assert split["content_offsets"] == "67-79;91-102"
    assert rows[0]["text"] == sample_documents()[0].text and all(r["text"] == "" for r in rows[1:5])
    assert (rows[5]["document"], rows[5]["type"], rows[5]["text"]) == ("leer", "", "Kein Zitat hier.\n")


def test_csv_reads_rows_a_spreadsheet_sorted_and_edited(tmp_path):
    path = tmp_path / "quotes.csv"
    write_csv(sample_documents(), path)
    rows = _rows(path)
    rows[3]["speaker_id"] = "Thomson Reuters"  # a correction
    rows.reverse()  # sorted by some column
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, delimiter=";")  # and saved with German settings
        writer.writeheader()
        writer.writerows(rows)
    doc = next(d for d in read_csv(path) if d.id == "artikel-1")
    expected = sample_documents()[0].quotes
    assert [q.content for q in doc.quotes] == [q.content for q in expected]
    assert doc.quotes[3].speaker_id == "Thomson Reuters"


def test_csv_is_registered_as_reader_and_writer():
    extractor_names()  # loads the built-in formats
    assert readers.get("csv") is read_csv and writers.get("csv") is write_csv


@pytest.mark.parametrize(
    "column, value, message",
    [
        ("content", "„Wir gehen“", "differs from the text at"),
        ("content_offsets", "67-999", "not a non-empty range inside the text"),
        ("content_offsets", "67:79", "not start-end pairs"),
        ("content_offsets", "", "a quote needs content_offsets"),
        ("type", "quote", "type 'quote' is not one of"),
        ("confidence", "hoch", "confidence must be a number from 0 to 1"),
        ("nested", "vielleicht", "nested must be true or false"),
    ],
)
def test_csv_bad_cell_names_document_row_and_column(tmp_path, column, value, message):
    path = tmp_path / "quotes.csv"
    write_csv(sample_documents(), path)
    rows = _rows(path)
    rows[2][column] = value
    if column == "content_offsets" and value == "":
        rows[2]["content"] = ""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    errors = []
    docs = list(read_csv(path, on_error=errors.append))
    assert [d.id for d in docs] == ["leer"]  # the bad document is reported, the other one still read
    (error,) = errors
    assert message in str(error)
    assert (error.doc_id, error.line, error.field) == ("artikel-1", 4, column)


def test_csv_without_the_text_column_is_refused(tmp_path):
    path = tmp_path / "quotes.csv"
    path.write_text("document,type,content_offsets\na,direct,0-2\n", encoding="utf-8")
    with pytest.raises(FormatError, match="missing the column"):
        list(read_csv(path))
