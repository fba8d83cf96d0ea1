"""Documents as a Hugging Face ``datasets.Dataset``, from local files only.

One row per document, with this feature schema (``features()``):

| column | type | meaning |
|---|---|---|
| ``id`` | string | the document id |
| ``text`` | string | the original text; every offset points into it |
| ``tokens`` | list of ``{start: int32, end: int32}`` or null | the corpus' own tokens, null where it has none |
| ``quotes`` | list of quote structs | see below |
| ``meta`` | string | the document's ``meta`` as a JSON object |

A quote struct has ``type`` (string: direct, indirect, mixed, free_indirect, reported), ``content``,
``speaker``, ``cue``, ``addressee`` and ``frame`` (each a list of ``{start: int32, end: int32,
text: string}``, empty when absent), ``speaker_id`` (string or null), ``confidence`` (float64),
``trace`` (string), ``label`` and ``medium`` (the corpus' labels, string or null) and ``nested``
(bool). Offsets are half-open character offsets into ``text``, as everywhere in ``quotes``.

``to_dataset`` builds a Dataset from Documents, ``from_dataset`` reads Documents back (checked like
JSONL: a span whose text differs from the text at its offsets is an error naming the document),
and ``load_dataset(path)`` reads any registered format into a Dataset:

>>> ds = to_dataset([Document("d1", "Er sagte: „Ja.“")])
>>> ds.num_rows, ds.column_names
(1, ['id', 'text', 'tokens', 'quotes', 'meta'])

Registered as the ``hf`` reader and writer: a folder written by ``Dataset.save_to_disk``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import FormatError
from ..types import ROLES, Document
from .jsonl import document_from_dict

OnError = Callable[[FormatError], None]

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def features():
    """The feature schema of the documents dataset (built on call: importing ``datasets`` takes a second)."""
    from datasets import Features, Value

    span = {"start": Value("int32"), "end": Value("int32"), "text": Value("string")}
    quote = {
        "type": Value("string"),
        "content": [span],
        **{role: [span] for role in ROLES},
        "speaker_id": Value("string"),
        "confidence": Value("float64"),
        "trace": Value("string"),
        "label": Value("string"),
        "medium": Value("string"),
        "nested": Value("bool"),
    }
    return Features({
        "id": Value("string"),
        "text": Value("string"),
        "tokens": [{"start": Value("int32"), "end": Value("int32")}],
        "quotes": [quote],
        "meta": Value("string"),
    })


def _spans(spans) -> list[dict]:
    return [{"start": s.start, "end": s.end, "text": s.text} for s in spans]


def document_to_row(doc: Document) -> dict:
    """One dataset row for a document."""
    quotes = []
    for q in doc.quotes:
        row = {"type": q.type, "content": _spans(q.content), **{r: _spans(q.role(r)) for r in ROLES},
               "speaker_id": q.speaker_id, "confidence": q.confidence, "trace": q.trace, "label": q.label,
               "medium": q.medium, "nested": q.nested}
        quotes.append(row)
    tokens = None if doc.tokens is None else [{"start": s, "end": e} for s, e in doc.tokens]
    return {"id": doc.id, "text": doc.text, "tokens": tokens, "quotes": quotes, "meta": json.dumps(dict(doc.meta or {}), ensure_ascii=False)}


def row_to_document(row: dict) -> Document:
    """A Document from one dataset row, checked like a JSONL line."""
    quotes = []
    for q in row.get("quotes") or []:
        d = dict(q)
        for r in ("content", *ROLES):
            d[r] = [dict(s) for s in d.get(r) or []] or None
        d["content"] = d["content"] or []
        d["nested"] = bool(d.get("nested"))
        quotes.append(d)
    meta = json.loads(row["meta"]) if row.get("meta") else {}
    tokens = row.get("tokens")
    obj = {"id": row.get("id"), "text": row.get("text"), "quotes": quotes, "meta": meta,
           "tokens": None if tokens is None else [[t["start"], t["end"]] for t in tokens]}
    return document_from_dict(obj)


def to_dataset(docs: Iterable[Document]):
    """A ``datasets.Dataset`` of the documents, with the schema ``features()``."""
    from datasets import Dataset

    schema = features()
    rows = [document_to_row(d) for d in docs]
    if not rows:  # from_list would lose the schema
        return Dataset.from_dict({name: [] for name in schema}, features=schema)
    return Dataset.from_list(rows, features=schema)


def from_dataset(dataset, on_error: OnError | None = None) -> Iterator[Document]:
    """The documents of a dataset with the schema ``features()``; a bad row goes to ``on_error`` (default: raise)."""
    for row in dataset:
        try:
            yield row_to_document(row)
        except FormatError as e:
            if on_error is None:
                raise
            on_error(e)


def load_dataset(path: str | Path, fmt: str | None = None):
    """Read documents in any registered format (a file or a folder) into a ``datasets.Dataset``."""
    from ..convert import read_path

    return to_dataset(read_path(path, fmt))


def read_hf(path: str | Path, on_error: OnError | None = None) -> Iterator[Document]:
    """Read the documents of a folder written by ``Dataset.save_to_disk`` with the schema ``features()``."""
    from datasets import load_from_disk

    try:
        dataset = load_from_disk(str(path))
    except Exception as e:  # noqa: BLE001 - datasets raises several types for a folder it cannot read
        raise FormatError(f"not a saved Hugging Face dataset: {e}", path=path) from None
    if "quotes" not in dataset.column_names:
        raise FormatError("the dataset has no quotes column: read it with the hf-dataset format", path=path)
    yield from from_dataset(dataset, on_error)


def write_hf(docs: Iterable[Document], folder: str | Path) -> int:
    """Save the documents with ``Dataset.save_to_disk``; returns how many were written."""
    dataset = to_dataset(docs)
    dataset.save_to_disk(str(folder))
    return dataset.num_rows


def has_quotes_column(folder: str | Path) -> bool:
    """Whether a ``save_to_disk`` folder holds a dataset with a ``quotes`` column (our schema)."""
    try:
        info = json.loads((Path(folder) / "dataset_info.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return "quotes" in (info.get("features") or {})


def _register() -> None:
    from ..registry import readers, writers

    readers.register("hf", func=read_hf)
    writers.register("hf", func=write_hf)


_register()
