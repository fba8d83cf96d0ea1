"""Extract the quotes of documents on disk and write them: the function behind ``quotes extract``."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from tqdm import tqdm

from .batch import Failure, run
from .errors import FormatError, QuotesError
from .formats import read_documents
from .formats.jsonl import dumps
from .formats.wikinews import write_wikinews
from .registry import get_extractor

DEFAULT_EXTRACTOR = "rules"
FORMATS = ("jsonl", "wikinews")
EXAMPLE = Path(__file__).parent / "data" / "example.txt"


@dataclass
class ExtractReport:
    """What a run did: documents written, quotes found, and the documents that failed."""

    documents: int = 0
    quotes: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def extract_paths(
    paths: Iterable[str | Path],
    output: str | Path,
    extractor: str = DEFAULT_EXTRACTOR,
    fmt: str = "jsonl",
    progress: bool = True,
    batch_size: int = 32,
) -> ExtractReport:
    """Extract quotes from files or folders and write them to ``output``.

    ``fmt="jsonl"`` writes one JSON line per document to a file (``-`` for standard output);
    ``fmt="wikinews"`` writes one WikiNews JSON per document into the folder ``output``.
    Unreadable or failing documents are reported in the returned report and skipped.

    >>> r = extract_paths([EXAMPLE], "-", extractor="quote-marks", progress=False)  # doctest: +ELLIPSIS
    {"id": "example", ...
    >>> r.ok
    True
    """
    if fmt not in FORMATS:
        raise QuotesError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    ext = get_extractor(extractor) if isinstance(extractor, str) else extractor
    report = ExtractReport()

    def on_error(e: FormatError) -> None:
        report.failures.append(Failure(e.doc_id, str(e.path) if e.path else None, str(e.message)))

    docs = read_documents(paths, on_error=on_error, with_quotes=False)
    bar = tqdm(desc=f"extract ({ext.name})", unit="doc", file=sys.stderr, disable=not progress)
    out = None
    if fmt == "jsonl":
        out = sys.stdout if str(output) == "-" else open(output, "w", encoding="utf-8")
    try:
        for result in run(ext, docs, batch_size=batch_size):
            bar.update(1)
            if isinstance(result, Failure):
                report.failures.append(result)
                continue
            if out is not None:
                out.write(dumps(result) + "\n")
            else:
                write_wikinews(result, output)
            report.documents += 1
            report.quotes += len(result.quotes)
    finally:
        bar.close()
        if out is not None and out is not sys.stdout:
            out.close()
    return report
