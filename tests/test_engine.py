"""The engine entry point: a batch of records in, the same records with quotes out, in
``datasets.Dataset.map`` and in a Dask cluster as in a plain call."""

from __future__ import annotations

import json

import pytest

import quotes.engine as engine
from quotes.engine import document_from_record, extract_batch
from quotes.registry import get_extractor
from quotes.types import Document

# The first records have no quotes: the case that breaks engines that infer nested column types.
RECORDS = [{"id": f"d{i}", "text": "Keine Zitate." if i < 6 else f"Sie sagte: »Antwort {i}.« Er: „Nein.“", "n": i} for i in range(12)]


def expected_quotes(text: str) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in get_extractor("quote-marks").extract(Document("x", text))]


def found(records) -> list[list[tuple[int, int]]]:
    return [[(q.start, q.end) for q in document_from_record(r).quotes] for r in records]


def test_extract_batch_adds_quotes_to_a_dict_of_columns():
    columns = {k: [r[k] for r in RECORDS] for k in ("id", "text", "n")}
    out = extract_batch(columns, extractor="quote-marks")
    assert set(out) == {"quotes", "quotes_error"}
    records = [{**r, "quotes": q} for r, q in zip(RECORDS, out["quotes"])]
    assert found(records) == [expected_quotes(r["text"]) for r in RECORDS]
    assert out["quotes_error"] == [""] * len(RECORDS)


def test_extract_batch_adds_quotes_to_a_list_of_records_keeping_their_fields():
    out = extract_batch(RECORDS, extractor="quote-marks")
    assert [{k: r[k] for k in ("id", "text", "n")} for r in out] == RECORDS
    assert found(out) == [expected_quotes(r["text"]) for r in RECORDS]


def test_extract_batch_adds_quotes_to_a_pandas_frame():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(RECORDS, index=range(100, 112))
    out = extract_batch(frame, extractor="quote-marks")
    assert list(out.index) == list(frame.index) and list(out.columns) == ["id", "text", "n", "quotes", "quotes_error"]
    assert found(out.to_dict("records")) == [expected_quotes(r["text"]) for r in RECORDS]
    assert extract_batch(frame.head(0), extractor="quote-marks").columns.tolist() == list(out.columns)


def test_extract_batch_marks_a_bad_record_and_keeps_the_others():
    out = extract_batch({"text": ["»Ja«", None, 42, "»Nein«"]}, extractor="quote-marks")
    assert out["quotes_error"] == ["", "the text is null", "the text is a int, not a string", ""]
    assert [len(json.loads(q)) for q in out["quotes"]] == [1, 0, 0, 1]


def test_extract_batch_builds_the_extractor_once_per_process(monkeypatch):
    built = []

    def counting(name, **settings):
        built.append(name)
        return get_extractor(name, **settings)

    monkeypatch.setattr(engine, "_extractors", {})
    monkeypatch.setattr(engine, "get_extractor", counting)
    for _ in range(3):
        extract_batch(RECORDS, extractor="quote-marks")
    assert built == ["quote-marks"]


@pytest.mark.slow
def test_extract_batch_as_is_in_datasets_map_with_two_processes():
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_list(RECORDS)
    out = ds.map(extract_batch, batched=True, batch_size=4, num_proc=2, fn_kwargs={"extractor": "quote-marks"})
    assert out.column_names == ["id", "text", "n", "quotes", "quotes_error"]
    assert found(out) == [expected_quotes(r["text"]) for r in RECORDS]


@pytest.mark.slow
def test_extract_batch_in_a_dask_local_cluster():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    pd = pytest.importorskip("pandas")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        ddf = dd.from_pandas(pd.DataFrame(RECORDS), npartitions=3)
        out = ddf.map_partitions(extract_batch, extractor="quote-marks", meta=extract_batch(ddf._meta)).compute()
    assert out["id"].tolist() == [r["id"] for r in RECORDS]
    assert found(out.to_dict("records")) == [expected_quotes(r["text"]) for r in RECORDS]
