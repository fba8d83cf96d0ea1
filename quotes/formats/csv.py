"""CSV for spreadsheets: one row per quote.

Columns: ``document``, ``quote`` (its number in the document), ``type``, ``speaker_id``, then the
text of each role (``speaker``, ``cue``, ``content``, ``addressee``, ``frame``; discontinuous spans
joined by `` … ``), ``confidence``, ``trace``, the offsets of each role (``content_offsets`` …:
half-open ``start-end`` pairs joined by ``;``), the corpus' ``label``, ``medium`` and ``nested``, and
``text``: the whole document text, on the document's first row only, so that the file reads back
into documents with nothing lost. A document without quotes has one row with no quote in it.

Files are written UTF-8 with a byte-order mark, which spreadsheet programs need to show umlauts;
reading accepts ``,``, ``;`` or tab as the delimiter. Offsets decide where a span is: a text cell
that no longer matches its offsets is an error, so an edit is never silently lost. Errors name the
spreadsheet row (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import FormatError
from ..types import QUOTE_TYPES, ROLES, Document, Quote, Span, Spans

OnError = Callable[[FormatError], None]

SPAN_ROLES = ("content",) + ROLES
COLUMNS = (
    ("document", "quote", "type", "speaker_id", "speaker", "cue", "content", "addressee", "frame", "confidence", "trace")
    + tuple(f"{r}_offsets" for r in SPAN_ROLES)
    + ("label", "medium", "nested", "text")
)
JOIN = " … "


def format_offsets(spans: Spans) -> str:
    """Spans as ``start-end`` pairs joined by ``;``.

    >>> format_offsets((Span(0, 2), Span(10, 15)))
    '0-2;10-15'
    """
    return ";".join(f"{s.start}-{s.end}" for s in spans)


def quote_row(doc_id: str, number: int, quote: Quote) -> dict:
    row = {
        "document": doc_id,
        "quote": number,
        "type": quote.type,
        "speaker_id": quote.speaker_id or "",
        "confidence": repr(quote.confidence),
        "trace": quote.trace,
        "label": quote.label or "",
        "medium": quote.medium or "",
        "nested": "true" if quote.nested else "false",
        "text": "",
    }
    for role in SPAN_ROLES:
        spans = quote.role(role)
        row[role] = JOIN.join(s.text for s in spans)
        row[f"{role}_offsets"] = format_offsets(spans)
    return row


def document_rows(doc: Document) -> list[dict]:
    """The rows of one document: one per quote, the text on the first."""
    rows = [quote_row(doc.id, k, q) for k, q in enumerate(doc.quotes, start=1)]
    if not rows:
        rows = [{c: "" for c in COLUMNS} | {"document": doc.id}]
    rows[0]["text"] = doc.text
    return rows


def write_csv(docs: Iterable[Document], path: str | Path, delimiter: str | None = None) -> int:
    """Write documents as CSV, one row per quote; returns the number of documents written.

    The delimiter is a comma, or a tab for a ``.tsv`` path, unless given.
    """
    if delimiter is None:
        delimiter = "\t" if Path(path).suffix.lower() == ".tsv" else ","
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, delimiter=delimiter)
        writer.writeheader()
        for doc in docs:
            writer.writerows(document_rows(doc))
            n += 1
    return n


class _Rows:
    """Builds documents from rows, raising FormatError with the file, line, document and column."""

    def __init__(self, path):
        self.path = path

    def fail(self, message: str, line: int, doc_id=None, field=None):
        raise FormatError(message, path=self.path, line=line, doc_id=doc_id, field=field)

    def spans(self, row: dict, role: str, text: str, line: int, doc_id: str) -> Spans:
        value = (row.get(f"{role}_offsets") or "").strip()
        if not value:
            return ()
        spans = []
        for pair in value.split(";"):
            try:
                start, end = (int(x) for x in pair.strip().split("-"))
            except ValueError:
                self.fail(f"offsets {value!r} are not start-end pairs joined by ';'", line, doc_id, f"{role}_offsets")
            if not 0 <= start < end <= len(text):
                self.fail(f"offsets [{start}, {end}) are not a non-empty range inside the text (length {len(text)})", line, doc_id, f"{role}_offsets")
            spans.append(Span.of(text, start, end))
        cell = row.get(role)
        if cell is not None and cell != JOIN.join(s.text for s in spans):
            self.fail(f"{cell!r} differs from the text at {value}: {JOIN.join(s.text for s in spans)!r}; change the offsets, not the text", line, doc_id, role)
        return tuple(spans)

    def quote(self, row: dict, text: str, line: int, doc_id: str) -> Quote:
        qtype = row.get("type", "")
        if qtype not in QUOTE_TYPES:
            self.fail(f"type {qtype!r} is not one of {', '.join(QUOTE_TYPES)}", line, doc_id, "type")
        try:
            confidence = float(row.get("confidence") or 1.0)
        except ValueError:
            confidence = math.nan
        if not math.isfinite(confidence) or not 0 <= confidence <= 1:
            self.fail(f"confidence must be a number from 0 to 1, got {row.get('confidence')!r}", line, doc_id, "confidence")
        nested = (row.get("nested") or "false").strip().lower()
        if nested not in ("true", "false", "1", "0", "yes", "no"):
            self.fail(f"nested must be true or false, got {nested!r}", line, doc_id, "nested")
        roles = {r: self.spans(row, r, text, line, doc_id) for r in SPAN_ROLES}
        if not roles["content"]:
            self.fail("a quote needs content_offsets", line, doc_id, "content_offsets")
        return Quote(
            type=qtype,
            speaker_id=row.get("speaker_id") or None,
            confidence=confidence,
            trace=row.get("trace") or "",
            label=row.get("label") or None,
            medium=row.get("medium") or None,
            nested=nested in ("true", "1", "yes"),
            **roles,
        )


def _sniff_delimiter(header: str) -> str:
    for ch in header:
        if ch in ",;\t":
            return ch
    return ","


def read_csv(path: str | Path, on_error: OnError | None = None) -> Iterator[Document]:
    """Read documents from a CSV written by ``write_csv`` (and perhaps edited in a spreadsheet).

    Rows of one document may come in any order (a spreadsheet may have sorted them); quotes come
    back in the order of their ``quote`` numbers, or of their rows where a number is missing. Without
    ``on_error`` the first bad document raises FormatError; with it, each bad document is passed
    to ``on_error`` and reading goes on.
    """
    path = Path(path)
    try:
        data = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise FormatError(f"not UTF-8: {e.reason} at byte {e.start}", path=path) from None
    f = io.StringIO(data, newline="")
    reader = csv.DictReader(f, delimiter=_sniff_delimiter(data.split("\n", 1)[0]))
    missing = [c for c in ("document", "type", "content_offsets", "text") if c not in (reader.fieldnames or ())]
    if missing:
        raise FormatError(f"not a quotes CSV: missing the column(s) {', '.join(missing)}", path=path)
    rows_of: dict[str, list[tuple[int, dict]]] = {}
    # Errors give the spreadsheet row (the header is row 1): a cell with line breaks spans
    # several lines of the file but stays one row.
    for line, row in enumerate(reader, start=2):
        doc_id = (row.get("document") or "").strip()
        if not doc_id:
            error = FormatError("the row has no document id", path=path, line=line, field="document")
            if on_error is None:
                raise error
            on_error(error)
            continue
        rows_of.setdefault(doc_id, []).append((line, row))
    build = _Rows(path)
    for doc_id, rows in rows_of.items():
        try:
            texts = [(line, row["text"]) for line, row in rows if row.get("text")]
            quote_rows = [(line, row) for line, row in rows if row.get("type") or row.get("content_offsets")]
            if not texts and quote_rows:
                build.fail("no row of this document holds its text (the text column)", rows[0][0], doc_id, "text")
            if len({t for _, t in texts}) > 1:
                build.fail("the rows of this document hold different texts", texts[1][0], doc_id, "text")
            text = texts[0][1] if texts else ""
            numbers = [(row.get("quote") or "").strip() for _, row in quote_rows]
            if all(n.isdigit() for n in numbers):
                # A spreadsheet may have sorted the rows: the quote numbers restore the order.
                quote_rows = [qr for _, qr in sorted(zip(map(int, numbers), quote_rows), key=lambda pair: pair[0])]
            quotes = [build.quote(row, text, line, doc_id) for line, row in quote_rows]
            yield Document(id=doc_id, text=text, quotes=tuple(quotes), meta={"path": str(path)})
        except FormatError as e:
            if on_error is None:
                raise
            on_error(e)


def _register() -> None:
    from ..registry import readers, writers

    readers.register("csv", func=read_csv)
    writers.register("csv", func=write_csv)


_register()
