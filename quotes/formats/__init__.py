"""Readers and writers. ``read_documents`` reads any supported input, lazily.

Supported inputs: a ``.txt`` file (id = file stem), a folder of ``.txt`` files, a ``.jsonl`` file
in the project format (quotes optional), a WikiNews or SpkAtt ``*.json`` file or a folder of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import FormatError
from ..types import Document
from .jsonl import read_jsonl, write_jsonl
from .wikinews import read_wikinews, write_wikinews

OnError = Callable[[FormatError], None]


def _raise(e: FormatError) -> None:
    raise e


def read_text_file(path: str | Path) -> Document:
    """A plain UTF-8 text file as a document; its id is the file stem."""
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise FormatError(f"not UTF-8: {e.reason} at byte {e.start}", path=path, doc_id=path.stem) from None
    return Document(id=path.stem, text=text, meta={"path": str(path)})


def _files_in(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    kinds = {_kind(p) for p in files} - {None}
    if not kinds:
        raise FormatError("the folder holds no .txt, .jsonl or .json files", path=folder)
    return [p for p in files if _kind(p) is not None]


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".txt"):
        return "txt"
    if name.endswith(".jsonl"):
        return "jsonl"
    if name.endswith(".json"):
        return "wikinews"
    return None


def read_documents(paths: Iterable[str | Path], on_error: OnError | None = None, with_quotes: bool = True) -> Iterator[Document]:
    """Read documents from files and folders of any supported format, one at a time.

    A file that cannot be read is passed to ``on_error`` (default: raise) and reading goes on.
    ``with_quotes=False`` drops any annotations the input carries.
    """
    on_error = on_error or _raise
    for path in paths:
        path = Path(path)
        if not path.exists():
            on_error(FormatError("no such file or folder", path=path))
            continue
        files = [path]
        if path.is_dir():
            try:
                files = _files_in(path)
            except FormatError as e:
                on_error(e)
                continue
        for f in files:
            kind = _kind(f)
            try:
                if kind == "jsonl":
                    for doc in read_jsonl(f, on_error=on_error):
                        yield doc if with_quotes else doc.with_quotes(())
                elif kind == "wikinews":
                    from .spkatt import looks_like_spkatt, read_spkatt_file

                    if looks_like_spkatt(f):
                        yield read_spkatt_file(f, with_quotes=with_quotes)
                    else:
                        yield read_wikinews(f, with_quotes=with_quotes)
                elif kind == "txt":
                    yield read_text_file(f)
                else:
                    raise FormatError("unknown file type: expected .txt, .jsonl or .json", path=f)
            except FormatError as e:
                on_error(e)
            except OSError as e:
                on_error(FormatError(f"cannot read: {e.strerror or e}", path=f))


__all__ = ["read_documents", "read_jsonl", "write_jsonl", "read_wikinews", "write_wikinews", "read_text_file"]


def _register() -> None:
    """Register the formats that ship with the package under their names."""
    import importlib
    import pkgutil

    from ..registry import readers, writers

    readers.register("jsonl", func=read_jsonl)
    writers.register("jsonl", func=lambda docs, path: write_jsonl(docs, path))
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")


_register()
