"""`quotes extract` on hostile input, for every registered extractor: it never crashes, writes
every document it can, reports the others with file and reason, and exits non-zero if any failed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.engine import cached_extractor
from quotes.errors import ModelError
from quotes.formats.jsonl import read_jsonl
from quotes.registry import extractor_names


def registered_extractors() -> list[str]:
    """Every registered extractor once, by its plain name (``rules``, not ``rules.v1``)."""
    return sorted({name.rsplit(".v", 1)[0] for name in extractor_names()})


@pytest.fixture(params=registered_extractors())
def extractor(request) -> str:
    try:
        cached_extractor(request.param)
    except ModelError as e:
        pytest.skip(f"extractor {request.param} cannot be built here: {e}")
    return request.param


def extract(args: list, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", *map(str, args), "--output", str(out), "--quiet"])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    # read_jsonl checks every offset and span text against the document text.
    docs = list(read_jsonl(out)) if out.exists() else []
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    return result, docs, errors


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_extract_keeps_a_document_with_empty_text(extractor, tmp_path):
    result, docs, errors = extract([write(tmp_path / "leer.txt", ""), "-x", extractor], tmp_path)
    assert result.exit_code == 0, result.output
    assert [(d.id, d.text, d.quotes) for d in docs] == [("leer", "", ())]
    assert errors == []


def test_extract_keeps_a_document_of_whitespace_only(extractor, tmp_path):
    text = "  \n\n\t \u00a0\n  "
    result, docs, errors = extract([write(tmp_path / "blank.txt", text), "-x", extractor], tmp_path)
    assert result.exit_code == 0, result.output
    assert [(d.id, d.text, d.quotes) for d in docs] == [("blank", text, ())]


def test_extract_reports_non_utf8_bytes_with_file_and_reason(extractor, tmp_path):
    bad = write(tmp_path / "latin1.txt", "Er sagte: „Grüße aus Köln.“".encode("cp1252"))
    result, docs, errors = extract([bad, "-x", extractor], tmp_path)
    assert result.exit_code == 1
    assert "latin1.txt" in result.output and "not UTF-8" in result.output
    assert docs == []
    assert len(errors) == 1 and errors[0]["source"].endswith("latin1.txt") and "not UTF-8" in errors[0]["reason"]


def five_megabytes() -> str:
    """News-like text (about one quote per 60 words) repeated to 5 MB: a feed pasted into one file."""
    unit = (
        "Berlin – Der Bundestag hat am Donnerstag nach langer Debatte über den Haushalt für das kommende "
        "Jahr abgestimmt. Die Opposition hatte zuvor zahlreiche Änderungsanträge eingebracht, die jedoch "
        "keine Mehrheit fanden. Die Ministerin sagte am Montag: „Wir werden die Mittel verdoppeln.“\n\n"
        "Der Verband der Kommunen kritisierte, das sei viel zu spät. Die Städte warten seit Jahren auf "
        "mehr Geld für Schulen, Straßen und den Nahverkehr, heißt es in einer Mitteilung vom Mittwoch.\n\n"
    )
    return unit * (5_000_000 // len(unit.encode("utf-8")) + 1)


@pytest.mark.slow
def test_extract_handles_a_5mb_document(extractor, tmp_path):
    text = five_megabytes()
    assert len(text.encode("utf-8")) >= 5_000_000
    result, docs, errors = extract([write(tmp_path / "gross.txt", text), "-x", extractor], tmp_path)
    assert result.exit_code == 0, result.output
    assert len(docs) == 1 and docs[0].text == text
    # Quotes are found all through the text, offsets pointing into the whole of it.
    assert max(q.end for q in docs[0].quotes) > len(text) - len(text) // 10


@pytest.mark.parametrize("text", [
    "Er sagte: „Das ist noch nicht vorbei.\n\nDann ging er.",
    "»Wir bleiben« und dann noch » und «« und »",
    "Sie meinte: \"Ja.“ Und: “Nein\" oder „vielleicht",
    "„„„ “““ ‚‚ ‘‘ '' \"\" ‹ ›› «",
])
def test_extract_survives_unbalanced_quote_marks(extractor, tmp_path, text):
    result, docs, errors = extract([write(tmp_path / "marks.txt", text), "-x", extractor], tmp_path)
    assert result.exit_code == 0, result.output
    assert len(docs) == 1 and docs[0].text == text


def test_extract_writes_every_good_document_of_a_folder_with_one_bad(extractor, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a.txt", "Er sagte: „Wir kommen.“")
    write(folder / "b.txt", b"Sie sagte: \xff\xfe kaputt")
    write(folder / "c.txt", "Die Sprecherin sagte, man werde das pr\u00fcfen.")
    write(folder / "d.jsonl", '{"id": "d1", "text": "»Ja«, sagte sie."}\n{"id": "d2", "text": 5}\n{"id": "d3", "text": "Gut."}\n')
    result, docs, errors = extract([folder, "-x", extractor], tmp_path)
    assert result.exit_code == 1
    assert [d.id for d in docs] == ["a", "c", "d1", "d3"]
    assert "b.txt" in result.output and "d.jsonl" in result.output
    assert sorted((Path(e["source"]).name, e["id"]) for e in errors) == [("b.txt", "b"), ("d.jsonl", "d2")]
