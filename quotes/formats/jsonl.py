"""The project's JSONL format (annotations/FORMAT.md): one document per line.

Reading checks every document: offsets inside the text, each span's ``text`` equal to the text it
points at, known quote types. Errors name the file, the line, the document and the field.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from ..errors import FormatError
from ..types import QUOTE_TYPES, ROLES, Document, Quote, Span, Spans

OnError = Callable[[FormatError], None]


def span_to_dict(span: Span) -> dict:
    return {"start": span.start, "end": span.end, "text": span.text}


def role_to_json(spans: Spans):
    """A role as JSON: null when absent, a span, or a list of spans when discontinuous."""
    if not spans:
        return None
    if len(spans) == 1:
        return span_to_dict(spans[0])
    return [span_to_dict(s) for s in spans]


def quote_to_dict(quote: Quote) -> dict:
    """A quote as a JSON-ready dict, fields in the order of FORMAT.md."""
    out: dict[str, Any] = {
        "type": quote.type,
        "content": [span_to_dict(s) for s in quote.content],
        "speaker": role_to_json(quote.speaker),
        "cue": role_to_json(quote.cue),
        "addressee": role_to_json(quote.addressee),
        "speaker_id": quote.speaker_id,
        "confidence": quote.confidence,
        "trace": quote.trace,
    }
    if quote.frame:
        out["frame"] = role_to_json(quote.frame)
    if quote.label is not None:
        out["label"] = quote.label
    if quote.medium is not None:
        out["medium"] = quote.medium
    if quote.nested:
        out["nested"] = True
    return out


def document_to_dict(doc: Document) -> dict:
    """A document as a JSON-ready dict.

    >>> document_to_dict(Document("d1", "Hallo."))
    {'id': 'd1', 'text': 'Hallo.', 'quotes': []}
    """
    out: dict[str, Any] = {"id": doc.id, "text": doc.text, "quotes": [quote_to_dict(q) for q in doc.quotes]}
    if doc.tokens is not None:
        out["tokens"] = [list(t) for t in doc.tokens]
    if doc.meta:
        out["meta"] = dict(doc.meta)
    return out


def dumps(doc: Document) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False)


class _Checker:
    """Builds typed objects from JSON, raising FormatError with the full location."""

    def __init__(self, path, line, doc_id=None):
        self.path, self.line, self.doc_id = path, line, doc_id

    def fail(self, message: str, field: str | None = None):
        raise FormatError(message, path=self.path, line=self.line, doc_id=self.doc_id, field=field)

    def span(self, obj, text: str, field: str) -> Span:
        if not isinstance(obj, dict):
            self.fail(f"expected a span object with start, end and text, got {type(obj).__name__}", field)
        start, end = obj.get("start"), obj.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
            self.fail("start and end must be integers", field)
        if not 0 <= start < end <= len(text):
            self.fail(f"offsets [{start}, {end}) are not a non-empty range inside the text (length {len(text)})", field)
        if "text" not in obj:
            self.fail("the span has no text field", field)
        if obj["text"] != text[start:end]:
            self.fail(f"text {obj['text']!r} differs from the text at [{start}, {end}): {text[start:end]!r}", field)
        return Span(start, end, obj["text"])

    def role(self, obj, text: str, field: str) -> Spans:
        if obj is None:
            return ()
        if isinstance(obj, list):
            return tuple(self.span(s, text, f"{field}[{i}]") for i, s in enumerate(obj))
        return (self.span(obj, text, field),)

    def quote(self, obj, text: str, field: str) -> Quote:
        if not isinstance(obj, dict):
            self.fail("a quote must be an object", field)
        qtype = obj.get("type")
        if qtype not in QUOTE_TYPES:
            self.fail(f"type {qtype!r} is not one of {', '.join(QUOTE_TYPES)}", f"{field}.type")
        content = obj.get("content")
        if not isinstance(content, list) or not content:
            self.fail("content must be a non-empty list of spans", f"{field}.content")
        confidence = obj.get("confidence", 1.0)
        if not isinstance(confidence, (int, float)) or isinstance(confidence, bool) or not math.isfinite(confidence) or not 0 <= confidence <= 1:
            self.fail(f"confidence must be a number from 0 to 1, got {confidence!r}", f"{field}.confidence")
        speaker_id = obj.get("speaker_id")
        if speaker_id is not None and not isinstance(speaker_id, str):
            self.fail("speaker_id must be a string or null", f"{field}.speaker_id")
        roles = {r: self.role(obj.get(r), text, f"{field}.{r}") for r in ROLES}
        return Quote(
            content=tuple(self.span(s, text, f"{field}.content[{i}]") for i, s in enumerate(content)),
            type=qtype,
            speaker_id=speaker_id,
            confidence=float(confidence),
            trace=str(obj.get("trace", "")),
            label=obj.get("label"),
            medium=obj.get("medium"),
            nested=bool(obj.get("nested", False)),
            **roles,
        )

    def document(self, obj) -> Document:
        if not isinstance(obj, dict):
            self.fail(f"expected a JSON object per line, got {type(obj).__name__}")
        doc_id = obj.get("id")
        if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or str(doc_id) == "":
            self.fail("the document has no id (a non-empty string)", "id")
        self.doc_id = doc_id = str(doc_id)
        text = obj.get("text")
        if not isinstance(text, str):
            self.fail("the document has no text (a string)", "text")
        quotes = obj.get("quotes", [])
        if not isinstance(quotes, list):
            self.fail("quotes must be a list", "quotes")
        tokens = obj.get("tokens")
        if tokens is not None:
            try:
                tokens = tuple((int(s), int(e)) for s, e in tokens)
            except (TypeError, ValueError):
                self.fail("tokens must be a list of [start, end] pairs", "tokens")
            if any(not 0 <= s <= e <= len(text) for s, e in tokens):
                self.fail("a token lies outside the text", "tokens")
        meta = obj.get("meta") or {}
        if not isinstance(meta, dict):
            self.fail("meta must be an object", "meta")
        return Document(
            id=doc_id,
            text=text,
            quotes=tuple(self.quote(q, text, f"quotes[{i}]") for i, q in enumerate(quotes)),
            tokens=tokens,
            meta=meta,
        )


def document_from_dict(obj: Any, *, path=None, line=None) -> Document:
    """Check a parsed JSON object and build a Document from it.

    >>> document_from_dict({"id": "d1", "text": "Ja.", "quotes": []}).id
    'd1'
    """
    return _Checker(path, line).document(obj)


def loads(line: str, *, path=None, line_no=None) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise FormatError(f"not valid JSON: {e.msg} at column {e.colno}", path=path, line=line_no) from None
    return document_from_dict(obj, path=path, line=line_no)


def read_jsonl(path: str | Path, on_error: OnError | None = None) -> Iterator[Document]:
    """Read documents lazily from a JSONL file, checking each one.

    Without ``on_error`` the first bad line raises FormatError; with it, each bad line is passed to
    ``on_error`` and reading goes on.
    """
    path = Path(path)
    with open(path, "rb") as f:
        for line_no, raw in enumerate(f, start=1):
            try:
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    raise FormatError(f"not UTF-8: {e.reason} at byte {e.start}", path=path, line=line_no) from None
                if not line.strip():
                    continue
                yield loads(line, path=path, line_no=line_no)
            except FormatError as e:
                if on_error is None:
                    raise
                on_error(e)


def write_jsonl(docs: Iterable[Document], path_or_file: str | Path | IO[str]) -> int:
    """Write documents as JSONL; returns how many were written."""
    if hasattr(path_or_file, "write"):
        return _write(docs, path_or_file)
    with open(path_or_file, "w", encoding="utf-8") as f:
        return _write(docs, f)


def _write(docs: Iterable[Document], f: IO[str]) -> int:
    n = 0
    for doc in docs:
        f.write(dumps(doc) + "\n")
        n += 1
    return n
