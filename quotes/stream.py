"""Streaming extraction: documents in lazily, results out in input order, on one or N processes.

``iter_documents`` reads every supported input one document at a time. ``extract_stream`` runs an
extractor over such a stream and yields, in input order, an ``Extracted`` (the document's output,
already serialized) or a ``Failure`` per document. With ``n_process > 1`` the extractor is built
once in each worker process and the main process only reads, hands out batches and writes; at most
``2 * n_process`` batches are in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

import json
import multiprocessing
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from .batch import MAX_CHARS, Failure, run
from .errors import FormatError, QuotesError
from .formats import read_documents
from .formats.jsonl import dumps
from .formats.records import is_hf_dataset, is_hf_dataset_dict, read_arrow, read_hf_dataset, read_parquet
from .formats.wikinews import SUFFIX, document_to_wikinews
from .registry import get_extractor
from .ty import Extractor
from .types import Document

OnError = Callable[[FormatError], None]
FORMATS = ("jsonl", "wikinews")
_KNOWN = (".txt", ".jsonl", ".json", ".parquet", ".arrow")


def _raise(e: FormatError) -> None:
    raise e


# --- input -------------------------------------------------------------------------------------


def iter_documents(
    paths: Iterable[str | Path], on_error: OnError | None = None, id_column: str = "id", text_column: str = "text",
) -> Iterator[Document]:
    """Read documents from any supported input, one at a time, without their annotations.

    PATH may be a ``.txt`` file (id = file stem), a JSONL file with ``id`` and ``text``, a WikiNews
    ``.json`` file, a ``.parquet`` or ``.arrow`` file, a folder written by ``Dataset.save_to_disk``,
    or a folder of such files. For Parquet and Arrow the id and text come from ``id_column`` and
    ``text_column``. A file that cannot be read goes to ``on_error`` (default: raise), and
    reading goes on with the next.

    >>> from quotes.extraction import EXAMPLE
    >>> [d.id for d in iter_documents([EXAMPLE])]
    ['example']
    """
    on_error = on_error or _raise
    columns = {"id_column": id_column, "text_column": text_column, "on_error": on_error}
    for path in map(Path, paths):
        try:
            if path.is_dir() and (is_hf_dataset(path) or is_hf_dataset_dict(path)):
                yield from read_hf_dataset(path, **columns)
            elif path.is_dir() and any(p.suffix == ".parquet" for p in path.iterdir()):
                for f in sorted(p for p in path.iterdir() if p.is_file() and p.suffix in _KNOWN and not p.name.startswith(".")):
                    yield from iter_documents([f], on_error, id_column, text_column)
            elif path.suffix == ".parquet" and path.is_file():
                yield from read_parquet(path, **columns)
            elif path.suffix == ".arrow" and path.is_file():
                yield from read_arrow(path, **columns)
            else:
                yield from read_documents([path], on_error=on_error, with_quotes=False)
        except FormatError as e:
            on_error(e)
        except OSError as e:
            on_error(FormatError(f"cannot read: {e.strerror or e}", path=path))


# --- one batch ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Extracted:
    """One document's result, ready to write: its id, how many quotes, the serialized output
    (a JSONL line without its newline, or a WikiNews JSON text) and, for WikiNews, the file name."""

    doc_id: str
    quotes: int
    payload: str
    filename: str | None = None


def wikinews_filename(doc_id: str) -> str:
    """The file a document is written to with ``--format wikinews`` (as ``write_wikinews`` names it)."""
    return doc_id.replace("/", "_") + SUFFIX


def serialize(doc: Document, fmt: str) -> Extracted:
    """A document with its quotes, serialized for ``fmt``."""
    if fmt == "jsonl":
        return Extracted(doc.id, len(doc.quotes), dumps(doc))
    text = json.dumps(document_to_wikinews(doc), ensure_ascii=False, indent=1)
    return Extracted(doc.id, len(doc.quotes), text, wikinews_filename(doc.id))


def _failed(doc: Document, reason: str) -> Failure:
    path = doc.meta.get("path") if doc.meta else None
    return Failure(doc.id, str(path) if path else None, reason)


def process_batch(extractor: Extractor, docs: list[Document], fmt: str, max_chars: int = MAX_CHARS) -> list[Extracted | Failure]:
    """Extract and serialize a batch; each document that fails becomes a Failure."""
    out: list[Extracted | Failure] = []
    for result in run(extractor, docs, batch_size=max(len(docs), 1), max_chars=max_chars):
        if isinstance(result, Failure):
            out.append(result)
            continue
        try:
            out.append(serialize(result, fmt))
        except Exception as exc:  # noqa: BLE001 - a document that cannot be written fails alone
            out.append(_failed(result, f"cannot write as {fmt}: {type(exc).__name__}: {exc}"))
    return out


# --- the extractor, once per process -------------------------------------------------------------

def build_extractor(spec, settings: Mapping | None = None) -> Extractor:
    """An extractor from a registered name (built with ``settings``) or an extractor object as is."""
    if isinstance(spec, str):
        return get_extractor(spec, **dict(settings or {}))
    return spec


_worker: dict[str, Extractor] = {}


def _init_worker(spec, settings) -> None:
    # Ctrl-C reaches the whole process group: the main process alone handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _worker["extractor"] = build_extractor(spec, settings)
    except Exception as exc:  # noqa: BLE001 - raised again with the first batch, in the main process
        _worker["error"] = exc
        return
    if "torch" in sys.modules:
        # One process per core: a worker's own thread pool would only fight the other workers.
        sys.modules["torch"].set_num_threads(1)


def _work(docs: list[Document], fmt: str, max_chars: int) -> list[Extracted | Failure]:
    if "error" in _worker:
        raise _worker["error"]
    return process_batch(_worker["extractor"], docs, fmt, max_chars)


def _pool(n_process: int, spec, settings) -> ProcessPoolExecutor:
    # forkserver: workers fork from a clean server process that has already imported the package
    # (quick to start, and safe with libraries that hold threads, which plain fork is not).
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["quotes.stream", "quotes.extractors", "quotes.nlp", "quotes.formats"])
    return ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_init_worker, initargs=(spec, settings))


# --- the stream ---------------------------------------------------------------------------------


def extract_stream(
    docs: Iterable[Document],
    extractor="rules",
    fmt: str = "jsonl",
    n_process: int = 1,
    batch_size: int = 32,
    settings: Mapping | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[Extracted | Failure]:
    """Yield an ``Extracted`` or a ``Failure`` for every document, in input order.

    ``extractor`` is a registered name (built once per process, with ``settings``) or an
    extractor object (pickled to the workers when ``n_process > 1``). An extractor that cannot be
    built raises here, or with ``n_process > 1`` at the first batch.

    >>> [r.quotes for r in extract_stream([Document("a", "»Ja«"), Document("b", "Nein.")], "quote-marks")]
    [1, 0]
    """
    if fmt not in FORMATS:
        raise QuotesError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if n_process < 1:
        raise QuotesError(f"n_process must be at least 1, got {n_process}")
    batches = _batches(docs, batch_size)
    if n_process == 1:
        ext = build_extractor(extractor, settings)
        for batch in batches:
            yield from process_batch(ext, batch, fmt, max_chars)
        return
    yield from _parallel(batches, extractor, settings, fmt, n_process, max_chars)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def _submit(pool: ProcessPoolExecutor, batch: list[Document], fmt: str, max_chars: int) -> Future:
    try:
        return pool.submit(_work, batch, fmt, max_chars)
    except BrokenProcessPool as exc:  # the pool broke since the last result: handled with the results
        future: Future = Future()
        future.set_exception(exc)
        return future


def _parallel(batches: Iterator[list[Document]], spec, settings, fmt: str, n_process: int, max_chars: int) -> Iterator[Extracted | Failure]:
    pool = _pool(n_process, spec, settings)
    pending: deque[tuple[list[Document], Future]] = deque()
    deaths = 0  # pools that died in a row without finishing a batch
    try:
        while True:
            while len(pending) < 2 * n_process:
                batch = next(batches, None)
                if batch is None:
                    break
                pending.append((batch, _submit(pool, batch, fmt, max_chars)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool as exc:
                # A worker died (killed for memory, or crashed in native code): the batches in
                # flight are lost with it. Report their documents and go on with a fresh pool,
                # unless two pools in a row died without finishing a batch: then none will.
                deaths += 1
                if deaths == 2:
                    raise QuotesError(f"the worker processes keep dying without finishing a batch: {exc}") from exc
                lost = [batch] + [b for b, _ in pending]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                for b in lost:
                    for doc in b:
                        yield _failed(doc, "the worker process died while extracting this batch")
                pool = _pool(n_process, spec, settings)
                continue
            deaths = 0
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
