"""Extraction inside data engines: map a batch of records to the same records with their quotes.

``extract_batch`` takes a batch as ``datasets`` (a dict of columns), Dask DataFrames (a pandas
DataFrame) or Dask bags (a list of dicts) hand it over, and adds two columns:

- ``quotes``: the document's quotes as a JSON string, a list in the project format
  (``annotations/FORMAT.md``: type, content, speaker, cue, addressee, speaker_id, confidence,
  trace); ``document_from_record`` turns a record back into a checked ``Document``;
- ``quotes_error``: ``""``, or why this document failed (it then has no quotes): one bad document
  never fails the batch.

Both are strings in every row, so every engine infers the same column types from any batch (a
nested column would come out typed as empty lists in a batch without quotes, and clash later).
The extractor is built once per process and kept, so workers load a model once, not per batch.
See ``docs/scale.md`` for the recipes.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from .batch import MAX_CHARS, Failure, run
from .formats.jsonl import document_from_dict, quote_to_dict
from .registry import get_extractor
from .ty import Extractor
from .types import Document

QUOTES_COLUMN = "quotes"
ERROR_COLUMN = "quotes_error"

_extractors: dict[str, Extractor] = {}


def cached_extractor(name: str, settings: Mapping | None = None) -> Extractor:
    """The extractor ``name`` with ``settings``, built on the first call in this process and reused.

    >>> cached_extractor("quote-marks") is cached_extractor("quote-marks")
    True
    """
    key = json.dumps([name, dict(settings or {})], sort_keys=True, default=str)
    if key not in _extractors:
        _extractors[key] = get_extractor(name, **dict(settings or {}))
    return _extractors[key]


def _extract(ids: list, texts: list, extractor: str, settings: Mapping | None, batch_size: int) -> tuple[list[str], list[str]]:
    """Quotes (JSON) and errors for parallel lists of ids and texts."""
    quotes = ["[]"] * len(texts)
    errors = [""] * len(texts)
    docs, where = [], []
    for i, (doc_id, text) in enumerate(zip(ids, texts)):
        if not isinstance(text, str):
            errors[i] = "the text is null" if text is None else f"the text is a {type(text).__name__}, not a string"
            continue
        docs.append(Document(str(doc_id), text))
        where.append(i)
    if docs:
        ext = cached_extractor(extractor, settings)
        for i, result in zip(where, run(ext, docs, batch_size=batch_size, max_chars=MAX_CHARS)):
            if isinstance(result, Failure):
                errors[i] = result.reason
            else:
                quotes[i] = json.dumps([quote_to_dict(q) for q in result.quotes], ensure_ascii=False)
    return quotes, errors


def extract_batch(
    batch: Any,
    extractor: str = "rules",
    settings: Mapping | None = None,
    id_column: str = "id",
    text_column: str = "text",
    batch_size: int = 32,
):
    """Add the columns ``quotes`` and ``quotes_error`` to a batch of records.

    - a dict of columns (a ``datasets`` batch): returns the two new columns, which
      ``Dataset.map(extract_batch, batched=True, num_proc=N)`` adds to the dataset;
    - a pandas DataFrame (a Dask DataFrame partition): returns a copy with the two columns;
    - a list of dicts (a Dask bag partition): returns new dicts with the two keys.

    The id column is optional (it only names documents in errors).

    >>> out = extract_batch({"id": ["a", "b"], "text": ["Sie sagte: »Ja.«", None]}, extractor="quote-marks")
    >>> [len(json.loads(q)) for q in out["quotes"]], out["quotes_error"]
    ([1, 0], ['', 'the text is null'])
    """
    args = (extractor, settings, batch_size)
    if isinstance(batch, Mapping):
        texts = list(batch[text_column])
        ids = list(batch[id_column]) if id_column in batch else list(range(len(texts)))
        quotes, errors = _extract(ids, texts, *args)
        return {QUOTES_COLUMN: quotes, ERROR_COLUMN: errors}
    if isinstance(batch, list):
        quotes, errors = _extract([r.get(id_column, i) for i, r in enumerate(batch)], [r.get(text_column) for r in batch], *args)
        return [{**r, QUOTES_COLUMN: q, ERROR_COLUMN: e} for r, q, e in zip(batch, quotes, errors)]
    if hasattr(batch, "assign") and hasattr(batch, "columns"):
        import pandas as pd

        texts = [None if _is_missing(t) else t for t in batch[text_column].tolist()]
        ids = batch[id_column].tolist() if id_column in batch.columns else list(range(len(texts)))
        quotes, errors = _extract(ids, texts, *args)
        return batch.assign(**{QUOTES_COLUMN: pd.Series(quotes, index=batch.index, dtype=str),
                                ERROR_COLUMN: pd.Series(errors, index=batch.index, dtype=str)})
    raise TypeError(f"extract_batch takes a dict of columns, a list of dicts or a pandas DataFrame, not {type(batch).__name__}")


def _is_missing(value) -> bool:
    # pandas gives NaN (a float) or NA for a missing string.
    return value is None or (isinstance(value, float) and value != value) or type(value).__name__ == "NAType"


def document_from_record(record: Mapping, id_column: str = "id", text_column: str = "text") -> Document:
    """A record with a ``quotes`` column as a checked ``Document`` (offsets and span texts verified).

    >>> r = extract_batch([{"id": "a", "text": "Sie sagte: »Ja.«"}], extractor="quote-marks")[0]
    >>> document_from_record(r).quotes[0].content_text
    '»Ja.«'
    """
    return document_from_dict({"id": str(record[id_column]), "text": record[text_column], "quotes": json.loads(record[QUOTES_COLUMN])})
