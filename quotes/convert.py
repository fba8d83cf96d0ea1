"""Reading and writing any registered format, and converting between them: the functions behind
``quotes convert`` and the readers ``quotes eval`` and ``quotes compare`` use.

Formats are looked up by name in ``quotes.registry.readers`` and ``writers`` (``jsonl``,
``wikinews``, ``spkatt``, ``hf`` and whatever else registers there). ``detect_format`` tells the
format from a path where that is unambiguous: the file suffix (``.jsonl``, ``.csv``, ``.parquet`` …),
a peek into a ``.json`` file (WikiNews or SpkAtt), or the files of a folder; otherwise the caller
names it (``--from``/``--to``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import FormatError, QuotesError
from .registry import readers, writers
from .types import Document

OnError = Callable[[FormatError], None]

# File suffix → format, for suffixes that say it on their own.
SUFFIX_FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".tsv": "csv", ".parquet": "parquet", ".arrow": "arrow", ".xmi": "xmi", ".ann": "brat"}


def _load_formats() -> None:
    """Register the formats (only them: loading extractors and backbones would import spaCy)."""
    import quotes.formats  # noqa: F401


def reader_names() -> list[str]:
    _load_formats()
    return sorted(readers.get_all())


def writer_names() -> list[str]:
    _load_formats()
    return sorted(writers.get_all())


def _json_format(path: Path) -> str:
    from .formats.spkatt import looks_like_spkatt

    return "spkatt" if looks_like_spkatt(path) else "wikinews"


def _folder_format(folder: Path) -> str | None:
    from .formats.hf import has_quotes_column
    from .formats.records import is_hf_dataset

    if is_hf_dataset(folder):
        return "hf" if has_quotes_column(folder) else "hf-dataset"
    files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    suffixes = {p.suffix.lower() for p in files}
    for suffix in (".ann", ".xmi"):  # brat and XMI folders hold .txt and typesystem files beside them
        if suffix in suffixes:
            return SUFFIX_FORMATS[suffix]
    if ".json" in suffixes:
        kinds = {_json_format(p) for p in sorted(files)[:5] if p.suffix.lower() == ".json"}
        return kinds.pop() if len(kinds) == 1 else None
    known = {SUFFIX_FORMATS[s] for s in suffixes if s in SUFFIX_FORMATS}
    return known.pop() if len(known) == 1 else None


def detect_format(path: str | Path, for_writing: bool = False) -> str:
    """The format of ``path`` where the path tells it; raises QuotesError where it does not.

    >>> detect_format("runs/dev.jsonl", for_writing=True)
    'jsonl'
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    if path.is_file() and suffix == ".json":
        return _json_format(path)
    if path.is_dir() and any(path.iterdir()):
        fmt = _folder_format(path)
        if fmt:
            return fmt
    if suffix.lstrip(".") in (writer_names() if for_writing else reader_names()):
        return suffix.lstrip(".")
    option = "--to" if for_writing else "--from"
    known = ", ".join(writer_names() if for_writing else reader_names())
    raise QuotesError(f"{path}: cannot tell the format from the path; name it with {option} ({known})")


def _reader(fmt: str):
    _load_formats()
    found = readers.get_all()
    if fmt not in found:
        raise QuotesError(f"unknown format {fmt!r} to read; registered: {', '.join(sorted(found))}")
    return found[fmt]


def _writer(fmt: str):
    _load_formats()
    found = writers.get_all()
    if fmt not in found:
        raise QuotesError(f"unknown format {fmt!r} to write; registered: {', '.join(sorted(found))}")
    return found[fmt]


def read_path(path: str | Path, fmt: str | None = None, on_error: OnError | None = None) -> Iterator[Document]:
    """The documents of a file or folder in a registered format (detected when ``fmt`` is None).

    A document that cannot be read goes to ``on_error`` (default: raise) and reading goes on.
    """
    path = Path(path)
    if not path.exists():
        raise QuotesError(f"{path}: no such file or folder")
    reader = _reader(fmt or detect_format(path))
    return iter(reader(path, on_error=on_error))


def write_path(docs: Iterable[Document], path: str | Path, fmt: str | None = None) -> int:
    """Write documents to a file or folder in a registered format; returns how many were written."""
    return _writer(fmt or detect_format(path, for_writing=True))(docs, path)


@dataclass
class ConvertReport:
    """What a conversion did: documents and quotes written, and the read errors it skipped."""

    documents: int = 0
    quotes: int = 0
    errors: list[FormatError] = field(default_factory=list)


def convert(source: str | Path, target: str | Path, source_format: str | None = None, target_format: str | None = None) -> ConvertReport:
    """Convert documents from one format to another; a document that cannot be read is skipped
    and listed in the report.

    To WikiNews and SpkAtt JSON the roles are written as the ids of the documents' own tokens
    (the built-in tokenizer's where a document has none).
    """
    src_fmt = source_format or detect_format(source)
    dst_fmt = target_format or detect_format(target, for_writing=True)
    _writer(dst_fmt)
    report = ConvertReport()

    def counted(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            report.documents += 1
            report.quotes += len(doc.quotes)
            yield doc

    write_path(counted(read_path(source, src_fmt, on_error=report.errors.append)), target, dst_fmt)
    return report
