"""Streaming extraction: Parquet and Hugging Face inputs, processes, error files, laziness."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from quotes.batch import Failure
from quotes.cli import app
from quotes.errors import QuotesError
from quotes.extraction import extract_paths
from quotes.formats.jsonl import read_jsonl
from quotes.stream import Extracted, extract_stream
from quotes.types import Document


def texts(n: int) -> list[str]:
    """Small German documents, some with quotes, some with none."""
    return [f"Meldung {i}. " + ("Sie sagte: „Wir kommen um {i}.“ " if i % 3 else "Keine Zitate hier. ") + "Ende." for i in range(n)]


def invoke(*args) -> tuple:
    result = CliRunner().invoke(app, ["extract", *map(str, args), "--quiet"])
    assert "Traceback" not in result.output, result.output
    return result


def test_extract_reads_parquet_with_named_id_and_text_columns(tmp_path):
    src = tmp_path / "news.parquet"
    pq.write_table(pa.table({"url": [f"u{i}" for i in range(5)], "body": texts(5), "date": ["2024-01-01"] * 5}), src, row_group_size=2)
    out = tmp_path / "out.jsonl"
    result = invoke(src, "-x", "quote-marks", "-o", out, "--id-column", "url", "--text-column", "body")
    assert result.exit_code == 0, result.output
    docs = list(read_jsonl(out))
    assert [d.id for d in docs] == ["u0", "u1", "u2", "u3", "u4"]
    assert [d.text for d in docs] == texts(5)
    assert [len(d.quotes) for d in docs] == [0, 1, 1, 0, 1]


def test_extract_numbers_parquet_rows_without_an_id_column(tmp_path):
    src = tmp_path / "feed.parquet"
    pq.write_table(pa.table({"text": texts(3)}), src)
    out = tmp_path / "out.jsonl"
    assert invoke(src, "-x", "quote-marks", "-o", out).exit_code == 0
    assert [d.id for d in read_jsonl(out)] == ["feed:0", "feed:1", "feed:2"]


def test_extract_reports_rows_with_null_text_and_writes_the_others(tmp_path):
    src = tmp_path / "news.parquet"
    pq.write_table(pa.table({"id": ["a", "b", "c"], "text": ["Ja.", None, "Nein."]}), src)
    out = tmp_path / "out.jsonl"
    result = invoke(src, "-x", "quote-marks", "-o", out)
    assert result.exit_code == 1
    assert [d.id for d in read_jsonl(out)] == ["a", "c"]
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [(e["id"], Path(e["source"]).name) for e in errors] == [("b", "news.parquet")]
    assert "row 1" in errors[0]["reason"] and "null" in errors[0]["reason"]


def test_extract_names_the_columns_when_the_text_column_is_missing(tmp_path):
    src = tmp_path / "news.parquet"
    pq.write_table(pa.table({"id": ["a"], "body": ["Ja."]}), src)
    result = invoke(src, "-x", "quote-marks", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1
    assert "no text column 'text'" in result.output and "id, body" in result.output


def test_extract_reads_a_dataset_saved_with_save_to_disk(tmp_path):
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_dict({"id": [f"d{i}" for i in range(7)], "text": texts(7), "label": list(range(7))})
    ds.save_to_disk(str(tmp_path / "ds"), num_shards=3)
    assert len(list((tmp_path / "ds").glob("*.arrow"))) == 3
    out = tmp_path / "out.jsonl"
    assert invoke(tmp_path / "ds", "-x", "quote-marks", "-o", out).exit_code == 0
    docs = list(read_jsonl(out))
    assert [d.id for d in docs] == [f"d{i}" for i in range(7)]
    assert [d.text for d in docs] == texts(7)


def test_extract_asks_for_one_split_of_a_saved_dataset_dict(tmp_path):
    datasets = pytest.importorskip("datasets")
    split = datasets.Dataset.from_dict({"id": ["a"], "text": ["Ja."]})
    datasets.DatasetDict({"train": split, "dev": split}).save_to_disk(str(tmp_path / "dd"))
    result = invoke(tmp_path / "dd", "-x", "quote-marks", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1
    assert "splits dev, train" in result.output and str(tmp_path / "dd" / "dev") in result.output


class Exploding:
    """Fails on every document that says BOOM."""

    name = "exploding"

    def extract(self, doc):
        if "BOOM" in doc.text:
            raise ValueError("cannot parse this")
        return []

    def pipe(self, docs, batch_size=32):
        for doc in docs:
            yield self.extract(doc)


def test_extract_writes_failures_to_the_error_file_and_goes_on(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": "BOOM" if i in (1, 4) else "ok"}) + "\n" for i in range(6)))
    report = extract_paths([src], tmp_path / "out.jsonl", extractor=Exploding(), progress=False, batch_size=4)
    assert [d.id for d in read_jsonl(tmp_path / "out.jsonl")] == ["d0", "d2", "d3", "d5"]
    errors = [json.loads(line) for line in report.errors_path.read_text().splitlines()]
    assert errors == [{"id": f"d{i}", "source": None, "reason": "ValueError: cannot parse this"} for i in (1, 4)]
    assert (report.documents, len(report.failures)) == (4, 2)


def endless():
    for i in itertools.count():
        yield Document(f"d{i}", f"Sie sagte: »Nummer {i}.«")


@pytest.mark.parametrize("n_process", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_extract_stream_reads_an_endless_input_lazily(n_process):
    results = list(itertools.islice(extract_stream(endless(), "quote-marks", n_process=n_process, batch_size=8), 50))
    assert [r.doc_id for r in results] == [f"d{i}" for i in range(50)]
    assert all(isinstance(r, Extracted) and r.quotes == 1 for r in results)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "wikinews"])
def test_two_processes_write_what_one_process_writes(tmp_path, fmt):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts(200))))
    outs = {}
    for n in (1, 2):
        out = tmp_path / (f"out{n}.jsonl" if fmt == "jsonl" else f"out{n}")
        report = extract_paths([src], out, extractor="quote-marks", fmt=fmt, n_process=n, batch_size=7, progress=False)
        assert report.ok and report.documents == 200
        outs[n] = out.read_bytes() if fmt == "jsonl" else {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert outs[1] == outs[2]
    assert len(outs[1]) > 0


@pytest.mark.parametrize("n_process", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_extract_stream_raises_when_the_extractor_cannot_be_built(n_process):
    with pytest.raises(QuotesError, match="unknown extractor 'no-such-extractor'"):
        list(extract_stream([Document("a", "Ja.")], "no-such-extractor", n_process=n_process))


def test_failure_names_file_and_document():
    assert str(Failure("d1", "in.jsonl", "ValueError: x")) == "in.jsonl, document d1: ValueError: x"


class Dying:
    """Kills its own process on every document that says DIE, as an out-of-memory kill would."""

    name = "dying"

    def extract(self, doc):
        if "DIE" in doc.text:
            os._exit(1)
        return []

    def pipe(self, docs, batch_size=32):
        for doc in docs:
            yield self.extract(doc)


@pytest.mark.slow
def test_a_dead_worker_costs_only_the_batches_in_flight():
    docs = [Document(f"d{i}", "DIE" if i == 20 else "ok") for i in range(60)]
    results = list(extract_stream(docs, Dying(), n_process=2, batch_size=4))
    assert [r.doc_id for r in results] == [d.id for d in docs]
    lost = [r for r in results if isinstance(r, Failure)]
    assert "d20" in {r.doc_id for r in lost}
    assert all(r.reason == "the worker process died while extracting this batch" for r in lost)
    # At most the batches in flight are lost (2 per process, 4 documents each); the rest is extracted.
    assert len(lost) <= 2 * 2 * 4


@pytest.mark.slow
def test_workers_that_always_die_stop_the_run_with_an_error():
    docs = [Document(f"d{i}", "DIE") for i in range(40)]
    with pytest.raises(QuotesError, match="keep dying"):
        list(extract_stream(docs, Dying(), n_process=2, batch_size=4))
