"""Extract the quotes of documents on disk and write them as it goes: the function behind ``quotes extract``.

Output is written in input order, one document at a time, so an interrupted run leaves a prefix of
the full output (at worst with a cut last line). ``resume=True`` keeps that prefix, drops a cut
last line, skips the documents already written and appends the rest: the result is the same file
an uninterrupted run writes. Failures go to an error file (one JSON line each: id, source, reason)
while the run goes on; the file is rewritten by every run, and a resumed run tries the failed
documents again.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator, Mapping

from tqdm import tqdm

from .batch import MAX_CHARS, Failure
from .errors import FormatError, QuotesError
from .formats.wikinews import SUFFIX
from .stream import FORMATS, Extracted, extract_stream, iter_documents, wikinews_filename
from .types import Document

DEFAULT_EXTRACTOR = "rules"
EXAMPLE = Path(__file__).parent / "data" / "example.txt"

__all__ = ["DEFAULT_EXTRACTOR", "EXAMPLE", "FORMATS", "ExtractReport", "extract_paths", "default_errors_path", "written_ids"]


@dataclass
class ExtractReport:
    """What a run did: documents written, quotes found, documents skipped because an earlier run
    had written them (``resume``), the documents that failed, and where the failures were written."""

    documents: int = 0
    quotes: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    errors_path: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.failures


def default_errors_path(output: str | Path) -> Path | None:
    """Where the failures of a run writing ``output`` go: ``out.jsonl`` → ``out.errors.jsonl``,
    a folder ``out/`` → ``out.errors.jsonl``; None for standard output.

    >>> str(default_errors_path("runs/out.jsonl")), str(default_errors_path("runs/wikinews/"))
    ('runs/out.errors.jsonl', 'runs/wikinews.errors.jsonl')
    """
    if str(output) == "-":
        return None
    path = Path(output)
    stem = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.name
    return path.with_name(stem + ".errors.jsonl")


def written_ids(path: str | Path, truncate: bool = False) -> Counter:
    """How often each document id occurs in a JSONL output; ``truncate=True`` cuts off a last line
    that an interrupted run left unfinished.

    A complete line that is not a JSON object with an id is an error: it is not an output of ours.
    """
    path = Path(path)
    done: Counter = Counter()
    decoder = json.JSONDecoder()
    good = 0
    with open(path, "rb") as f:
        for line_no, raw in enumerate(f, start=1):
            if not raw.endswith(b"\n"):
                break
            if not raw.strip():
                good += len(raw)
                continue
            try:
                line = raw.decode("utf-8")
                # Our lines start with the id: read just that, not the whole document.
                doc_id = decoder.raw_decode(line, 7)[0] if line.startswith('{"id": ') else json.loads(line).get("id")
            except (UnicodeDecodeError, ValueError, AttributeError):
                doc_id = None
            if not isinstance(doc_id, (str, int)):
                raise QuotesError(f"{path}, line {line_no}: cannot resume: the line is not a document with an id")
            done[str(doc_id)] += 1
            good += len(raw)
    if truncate and good < path.stat().st_size:
        with open(path, "r+b") as f:
            f.truncate(good)
    return done


class _JsonlOutput:
    def __init__(self, output: str | Path, resume: bool):
        self.done: Counter = Counter()
        if str(output) == "-":
            if resume:
                raise QuotesError("--resume needs an output file: give it with --output")
            self.file: IO[str] = sys.stdout
            return
        path = Path(output)
        if resume and path.exists():
            self.done = written_ids(path, truncate=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(path, "a" if resume else "w", encoding="utf-8")

    def key(self, doc_id: str) -> str:
        return doc_id

    def write(self, result: Extracted) -> None:
        self.file.write(result.payload + "\n")

    def close(self) -> None:
        if self.file is sys.stdout:
            self.file.flush()
        else:
            self.file.close()


class _WikinewsOutput:
    """One ``<id>.pretty.json`` per document, each written whole (to a temporary name, then renamed)."""

    def __init__(self, output: str | Path, resume: bool):
        if str(output) == "-":
            raise QuotesError("--format wikinews writes a folder: give it with --output")
        self.folder = Path(output)
        self.folder.mkdir(parents=True, exist_ok=True)
        for tmp in self.folder.glob(".*.tmp"):
            tmp.unlink()
        self.done = Counter(p.name for p in self.folder.iterdir() if p.name.endswith(SUFFIX)) if resume else Counter()

    def key(self, doc_id: str) -> str:
        return wikinews_filename(doc_id)

    def write(self, result: Extracted) -> None:
        tmp = self.folder / f".{result.filename}.tmp"
        tmp.write_text(result.payload, encoding="utf-8")
        os.replace(tmp, self.folder / result.filename)

    def close(self) -> None:
        pass


def extract_paths(
    paths: Iterable[str | Path],
    output: str | Path,
    extractor=DEFAULT_EXTRACTOR,
    fmt: str = "jsonl",
    progress: bool = True,
    batch_size: int = 32,
    n_process: int = 1,
    resume: bool = False,
    errors: str | Path | None = None,
    id_column: str = "id",
    text_column: str = "text",
    settings: Mapping | None = None,
    max_chars: int = MAX_CHARS,
) -> ExtractReport:
    """Extract quotes from files or folders and write them to ``output`` as it goes.

    ``fmt="jsonl"`` writes one JSON line per document to a file (``-`` for standard output);
    ``fmt="wikinews"`` writes one WikiNews JSON per document into the folder ``output``.
    ``n_process`` processes extract (each builds the extractor once); ``resume`` skips the
    documents already in ``output``. Failures are listed in the report and written to ``errors``
    (default: ``default_errors_path(output)``) and the run goes on.

    >>> r = extract_paths([EXAMPLE], "-", extractor="quote-marks", progress=False)  # doctest: +ELLIPSIS
    {"id": "example", ...
    >>> r.ok
    True
    """
    if fmt not in FORMATS:
        raise QuotesError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out = _JsonlOutput(output, resume) if fmt == "jsonl" else _WikinewsOutput(output, resume)
    report = ExtractReport(errors_path=Path(errors) if errors else default_errors_path(output))
    error_file = None
    try:
        if report.errors_path is not None:
            report.errors_path.parent.mkdir(parents=True, exist_ok=True)
            error_file = open(report.errors_path, "w", encoding="utf-8")

        def fail(failure: Failure) -> None:
            report.failures.append(failure)
            if error_file is not None:
                error_file.write(json.dumps({"id": failure.doc_id, "source": failure.source, "reason": failure.reason}, ensure_ascii=False) + "\n")
                error_file.flush()

        def on_read_error(e: FormatError) -> None:
            fail(Failure(None if e.doc_id is None else str(e.doc_id), str(e.path) if e.path else None, _reason(e)))

        def todo(docs: Iterable[Document]) -> Iterator[Document]:
            for doc in docs:
                key = out.key(doc.id)
                if out.done[key] > 0:
                    out.done[key] -= 1
                    report.skipped += 1
                    continue
                yield doc

        name = extractor if isinstance(extractor, str) else getattr(extractor, "name", type(extractor).__name__)
        if progress and sum(out.done.values()):
            print(f"resuming: {sum(out.done.values())} documents already in {output} are skipped", file=sys.stderr)
        docs = todo(iter_documents(paths, on_error=on_read_error, id_column=id_column, text_column=text_column))
        with tqdm(desc=f"extract ({name})", unit="doc", file=sys.stderr, disable=not progress) as bar:
            for result in extract_stream(docs, extractor, fmt, n_process=n_process, batch_size=batch_size,
                                         settings=settings, max_chars=max_chars):
                bar.update(1)
                if isinstance(result, Failure):
                    fail(result)
                    continue
                out.write(result)
                report.documents += 1
                report.quotes += result.quotes
    finally:
        out.close()
        if error_file is not None:
            error_file.close()
    return report


def _reason(e: FormatError) -> str:
    """The message of a read error with its line and field, the file and document being named apart."""
    where = [f"line {e.line}"] if e.line is not None else []
    where += [f"field {e.field}"] if e.field is not None else []
    return f"{', '.join(where)}: {e.message}" if where else str(e.message)
