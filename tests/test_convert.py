"""``quotes convert``: any registered format to any other, the format told from the path."""

from __future__ import annotations

import json

import pytest
from quote_samples import sample_documents
from typer.testing import CliRunner

from quotes.cli import app
from quotes.convert import convert, detect_format, read_path, write_path
from quotes.errors import QuotesError
from quotes.formats.jsonl import write_jsonl
from quotes.formats.spkatt import document_to_spkatt
from quotes.formats.wikinews import document_to_wikinews
from quotes.types import Document, Quote, Span


def _doc() -> Document:
    t = "Er sagte: „Wir kommen.“ Dann ging er."
    q = Quote((Span.of(t, 10, 23),), "direct", speaker=(Span.of(t, 0, 2),), cue=(Span.of(t, 3, 8),), label="Direct", medium="Speech")
    return Document("d1", t, (q,))


@pytest.mark.parametrize("name, content, expected", [
    ("a.jsonl", "", "jsonl"),
    ("a.csv", "", "csv"),
    ("w.json", json.dumps(document_to_wikinews(_doc())), "wikinews"),
    ("s.json", json.dumps(document_to_spkatt(_doc())), "spkatt"),
])
def test_convert_detects_the_format_of_a_file(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected


def test_convert_detects_the_format_of_a_folder(tmp_path):
    write_path([_doc()], tmp_path / "wn", "wikinews")
    write_path([_doc()], tmp_path / "sp", "spkatt")
    assert detect_format(tmp_path / "wn") == "wikinews"
    assert detect_format(tmp_path / "sp") == "spkatt"


@pytest.mark.parametrize("path, for_writing", [("out", True), ("data.xyz", False)])
def test_convert_asks_for_the_format_where_the_path_does_not_tell(tmp_path, path, for_writing):
    (tmp_path / "data.xyz").write_text("?", encoding="utf-8")
    with pytest.raises(QuotesError, match="--to" if for_writing else "--from"):
        detect_format(tmp_path / path, for_writing=for_writing)


@pytest.mark.parametrize("fmt", ["wikinews", "spkatt", "hf", "jsonl"])
def test_convert_there_and_back_keeps_the_quotes(tmp_path, fmt):
    doc = _doc()
    write_jsonl([doc], tmp_path / "in.jsonl")
    target = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out")
    assert convert(tmp_path / "in.jsonl", target, target_format=fmt).quotes == 1
    back = convert(target, tmp_path / "back.jsonl", source_format=fmt)
    assert back.documents == 1
    (got,) = read_path(tmp_path / "back.jsonl")
    q, g = doc.quotes[0], got.quotes[0]
    for role in ("content", "speaker", "cue"):
        assert ["".join(s.text.split()) for s in g.role(role)] == ["".join(s.text.split()) for s in q.role(role)]
    assert (g.type, g.label, g.medium) == (q.type, q.label, q.medium)


def test_convert_skips_a_bad_document_and_writes_the_others(tmp_path):
    docs = sample_documents()
    write_jsonl(docs, tmp_path / "in.jsonl")
    lines = (tmp_path / "in.jsonl").read_text(encoding="utf-8").splitlines()
    lines.insert(1, '{"id": "bad", "text": 3}')
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = convert(tmp_path / "in.jsonl", tmp_path / "out.jsonl")
    assert report.documents == 2 and len(report.errors) == 1 and "line 2" in str(report.errors[0])
    assert list(read_path(tmp_path / "out.jsonl")) == docs


def test_convert_cli_reports_counts_and_failures(tmp_path):
    write_jsonl([_doc()], tmp_path / "in.jsonl")
    result = CliRunner().invoke(app, ["convert", str(tmp_path / "in.jsonl"), str(tmp_path / "wn"), "--to", "wikinews"])
    assert result.exit_code == 0, result.output
    assert "1 documents, 1 quotes" in result.output
    assert detect_format(tmp_path / "wn") == "wikinews"
    result = CliRunner().invoke(app, ["convert", str(tmp_path / "in.jsonl"), str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "--to" in result.output
