"""The across-collection view: merging names and listing each speaker's statements."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.formats.jsonl import write_jsonl
from quotes.people import collect_people, find_person, merge_names
from quotes.types import Document, Quote, Span


@pytest.mark.parametrize("names, name, merged_into", [
    (["Putin", "Wladimir Putin"], "Putin", "Wladimir Putin"),
    (["Clinton", "Bill Clinton", "Hillary Clinton"], "Clinton", "Clinton"),
    (["Bill Clinton", "Hillary Clinton"], "Bill Clinton", "Bill Clinton"),
    (["Putin", "Wladimir Putin", "Wladimir Wladimirowitsch Putin"], "Putin", "Putin"),
    (["Nordkorea", "Nordkorea und Russland"], "Nordkorea", "Nordkorea"),
    (["der Staatsanwaltschaft Krefeld", "Staatsanwaltschaft Krefeld"], "der Staatsanwaltschaft Krefeld", "Staatsanwaltschaft Krefeld"),
])
def test_merge_names_only_where_unambiguous(names, name, merged_into):
    assert merge_names(names)[name] == merged_into


def doc(doc_id: str, text: str, *quotes: tuple[str, str, str]) -> Document:
    """A document with quotes given as (content substring, type, speaker_id)."""
    out = []
    for content, qtype, sid in quotes:
        s = text.index(content)
        out.append(Quote((Span.of(text, s, s + len(content)),), qtype, speaker=(), speaker_id=sid))
    return Document(doc_id, text, tuple(out))


DOCS = [
    doc("a", "Putin sagte, es gehe. Miller sagte, nein.", ("es gehe", "indirect", "Wladimir Putin"), ("nein", "indirect", "Matthew Miller")),
    doc("b", "„Ja“, so Putin. Clinton sagte, gut.", ("„Ja“", "direct", "Putin"), ("gut", "indirect", "Bill Clinton")),
    doc("c", "Clinton sagte, schlecht.", ("schlecht", "indirect", "Hillary Clinton")),
]


def test_collect_people_merges_across_documents_and_counts_by_type():
    people = {p.name: p for p in collect_people(DOCS)}
    putin = people["Wladimir Putin"]
    assert putin.counts == {"direct": 1, "indirect": 1}
    assert [(s.doc_id, s.text) for s in putin.statements] == [("a", "es gehe"), ("b", "„Ja“")]
    assert set(putin.variants) == {"Putin", "Wladimir Putin"}
    assert "Bill Clinton" in people and "Hillary Clinton" in people


def test_find_person_matches_any_name_seen():
    people = collect_people(DOCS)
    assert [p.name for p in find_person(people, "Putin")] == ["Wladimir Putin"]
    assert sorted(p.name for p in find_person(people, "Clinton")) == ["Bill Clinton", "Hillary Clinton"]
    assert find_person(people, "Merkel") == []


@pytest.fixture
def collection(tmp_path):
    path = tmp_path / "docs.jsonl"
    write_jsonl(DOCS, path)
    return path


def test_cli_speakers_json_filters_by_speaker(collection):
    result = CliRunner().invoke(app, ["speakers", str(collection), "--extractor", "given", "--format", "json", "--speaker", "Putin"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [p["name"] for p in data] == ["Wladimir Putin"]
    assert data[0]["statements"][1] == {"doc_id": "b", "start": 0, "end": 4, "type": "direct", "text": "„Ja“", "mention": None}


def test_cli_speakers_csv_has_one_row_per_statement(collection):
    result = CliRunner().invoke(app, ["speakers", str(collection), "-x", "given", "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 5 and {r["speaker"] for r in rows} == {"Wladimir Putin", "Matthew Miller", "Bill Clinton", "Hillary Clinton"}


def test_cli_speakers_table_lists_names_and_statements(collection):
    result = CliRunner().invoke(app, ["speakers", str(collection), "-x", "given"])
    assert result.exit_code == 0
    assert "Wladimir Putin  (2 statements: 1 direct, 1 indirect)" in result.output
    assert "  - a [13:20] indirect: es gehe" in result.output


def test_cli_speakers_rejects_unknown_format(collection):
    result = CliRunner().invoke(app, ["speakers", str(collection), "-x", "given", "-f", "xml"])
    assert result.exit_code != 0 and "--format" in result.output


def test_cli_speakers_reports_unreadable_file_and_lists_the_rest(collection, tmp_path):
    result = CliRunner().invoke(app, ["speakers", str(collection), str(tmp_path / "missing.jsonl"), "-x", "given"])
    assert result.exit_code == 1
    assert "Wladimir Putin" in result.output and "no such file" in result.output
