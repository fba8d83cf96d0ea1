"""Errors that name where the problem is: the file, the line, the document and the field."""

from __future__ import annotations


class QuotesError(Exception):
    """Base class of the errors this package raises on purpose."""


class FormatError(QuotesError, ValueError):
    """Input that does not follow its format.

    >>> str(FormatError("offset outside the text", path="a.jsonl", line=3, doc_id="d1", field="quotes[0].content[0]"))
    'a.jsonl, line 3, document d1, field quotes[0].content[0]: offset outside the text'
    """

    def __init__(self, message: str, *, path=None, line=None, doc_id=None, field=None):
        self.message, self.path, self.line, self.doc_id, self.field = message, path, line, doc_id, field
        where = []
        if path is not None:
            where.append(str(path))
        if line is not None:
            where.append(f"line {line}")
        if doc_id is not None:
            where.append(f"document {doc_id}")
        if field is not None:
            where.append(f"field {field}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class ModelError(QuotesError):
    """A model or backbone that is missing, corrupt or cannot be loaded."""
