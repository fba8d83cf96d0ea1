"""Columnar inputs, read lazily: Parquet files and Hugging Face datasets on disk.

Each row with an id column and a text column becomes a ``Document``; other columns are ignored.
Rows are read in record batches of a few hundred, so memory does not grow with the input:

- a ``.parquet`` file (or a folder of them, e.g. the ``data/`` files of a dataset repository);
- a folder written by ``datasets.Dataset.save_to_disk`` (its ``state.json`` lists the Arrow files);
- a single ``.arrow`` file as ``datasets`` writes it (Arrow IPC stream, or IPC file).

Without an id column, a row's id is ``<input name>:<row number>`` (counted from 0), which stays the
same from run to run. A row whose text is null or not a string is passed to ``on_error`` and skipped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import FormatError
from ..types import Document

OnError = Callable[[FormatError], None]
BATCH_ROWS = 256


def _raise(e: FormatError) -> None:
    raise e


def is_hf_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a folder written by ``Dataset.save_to_disk``."""
    path = Path(path)
    return (path / "state.json").is_file() and (path / "dataset_info.json").is_file()


def is_hf_dataset_dict(path: str | Path) -> bool:
    """Whether ``path`` is a folder written by ``DatasetDict.save_to_disk`` (one subfolder per split)."""
    return (Path(path) / "dataset_dict.json").is_file()


def read_batches(
    batches: Iterable, *, source: str | Path, name: str, id_column: str = "id", text_column: str = "text",
    on_error: OnError | None = None,
) -> Iterator[Document]:
    """Documents from Arrow record batches (anything with ``schema``, ``column`` and ``num_rows``).

    >>> import pyarrow as pa
    >>> b = pa.record_batch({"id": ["a", "b"], "text": ["Ja.", None]})
    >>> errors = []
    >>> [d.id for d in read_batches([b], source="x.parquet", name="x", on_error=errors.append)]
    ['a']
    >>> str(errors[0])
    'x.parquet, document b, field text: row 1: the text is null'
    """
    on_error = on_error or _raise
    row = 0
    for batch in batches:
        names = batch.schema.names
        if text_column not in names:
            raise FormatError(f"no text column {text_column!r}; the columns are: {', '.join(names)}", path=source)
        texts = batch.column(names.index(text_column)).to_pylist()
        ids = batch.column(names.index(id_column)).to_pylist() if id_column in names else [None] * len(texts)
        for i, (doc_id, text) in enumerate(zip(ids, texts)):
            n = row + i
            doc_id = f"{name}:{n}" if id_column not in names else doc_id
            if doc_id is None or str(doc_id) == "":
                on_error(FormatError(f"row {n}: the id is empty", path=source, field=id_column))
                continue
            doc_id = str(doc_id)
            if not isinstance(text, str):
                what = "null" if text is None else f"a {type(text).__name__}, not a string"
                on_error(FormatError(f"row {n}: the text is {what}", path=source, doc_id=doc_id, field=text_column))
                continue
            yield Document(id=doc_id, text=text, meta={"path": str(source)})
        row += len(texts)


def read_parquet(path: str | Path, *, id_column: str = "id", text_column: str = "text", on_error: OnError | None = None) -> Iterator[Document]:
    """Read documents from a Parquet file, a few hundred rows at a time."""
    import pyarrow.parquet as pq

    path = Path(path)
    try:
        pf = pq.ParquetFile(path)
    except Exception as e:  # noqa: BLE001 - pyarrow raises several types for a file that is not Parquet
        raise FormatError(f"not a Parquet file: {e}", path=path) from None
    names = pf.schema_arrow.names
    columns = [c for c in (id_column, text_column) if c in names]
    if text_column not in names:
        raise FormatError(f"no text column {text_column!r}; the columns are: {', '.join(names)}", path=path)
    yield from read_batches(pf.iter_batches(batch_size=BATCH_ROWS, columns=columns), source=path, name=path.stem,
                            id_column=id_column, text_column=text_column, on_error=on_error)


def _arrow_batches(path: Path) -> Iterator:
    """Record batches of an Arrow IPC stream (as ``datasets`` writes) or IPC file, read one at a time."""
    import pyarrow as pa

    with pa.OSFile(str(path)) as source:
        try:
            reader = pa.ipc.open_stream(source)
        except pa.ArrowInvalid:
            reader = None
        if reader is not None:
            yield from reader
            return
    with pa.OSFile(str(path)) as source:
        try:
            reader = pa.ipc.open_file(source)
        except pa.ArrowInvalid as e:
            raise FormatError(f"not an Arrow file: {e}", path=path) from None
        for i in range(reader.num_record_batches):
            yield reader.get_batch(i)


def read_arrow(path: str | Path, *, id_column: str = "id", text_column: str = "text", on_error: OnError | None = None) -> Iterator[Document]:
    """Read documents from one Arrow file (a ``datasets`` cache or ``save_to_disk`` data file)."""
    path = Path(path)
    yield from read_batches(_arrow_batches(path), source=path, name=path.stem,
                            id_column=id_column, text_column=text_column, on_error=on_error)


def read_hf_dataset(folder: str | Path, *, id_column: str = "id", text_column: str = "text", on_error: OnError | None = None) -> Iterator[Document]:
    """Read documents from a folder written by ``datasets.Dataset.save_to_disk``, lazily.

    The rows are read from its Arrow files in the order ``state.json`` lists them; row numbers
    (for rows without an id) run on across the files.
    """
    folder = Path(folder)
    if is_hf_dataset_dict(folder):
        splits = sorted(p.name for p in folder.iterdir() if is_hf_dataset(p))
        raise FormatError(f"a DatasetDict with the splits {', '.join(splits)}: give one split's folder, e.g. {folder / splits[0]}" if splits
                          else "a DatasetDict with no split folders", path=folder)
    try:
        state = json.loads((folder / "state.json").read_text(encoding="utf-8"))
        files = [folder / f["filename"] for f in state["_data_files"]]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise FormatError(f"not a saved Hugging Face dataset: cannot read state.json ({e})", path=folder) from None

    def batches():
        for f in files:
            yield from _arrow_batches(f)

    yield from read_batches(batches(), source=folder, name=folder.name,
                            id_column=id_column, text_column=text_column, on_error=on_error)


def _register() -> None:
    from ..registry import readers

    readers.register("parquet", func=read_parquet)
    readers.register("arrow", func=read_arrow)
    readers.register("hf-dataset", func=read_hf_dataset)


_register()
