"""Reader for the column format of Corpus REDEWIEDERGABE (Brunner et al. 2020): historical German
(1840–1919), one token per line, speech, thought and writing representation (STWR) with frame,
speaker and introductory expression (the cue).

The corpus gives tokens, not the original text, so the text is rebuilt from them: one space
between tokens, none before closing punctuation or after an opening bracket or quotation mark.
All offsets point into that rebuilt text.

    >>> from pathlib import Path
    >>> rows = ["tok\\tnormtok\\tlemma\\tpos\\trfpos\\tsentstart\\tstwr\\tframe\\tspeaker\\tintexpr\\tnote",
    ...         "Er\\tEr\\ter\\tPPER\\t-\\tyes\\t-\\t-\\tspeaker.1\\t-\\t-",
    ...         "sagte\\tsagte\\tsagen\\tVVFIN\\t-\\tno\\t-\\t-\\t-\\tintexpr.1\\t-",
    ...         ",\\t,\\t--\\t$,\\t-\\tno\\t-\\t-\\t-\\t-\\t-",
    ...         "es\\tes\\tes\\tPPER\\t-\\tno\\tindirect.speech.1\\t-\\t-\\t-\\t-",
    ...         "regne\\tregne\\tregnen\\tVVFIN\\t-\\tno\\tindirect.speech.1\\t-\\t-\\t-\\t-",
    ...         ".\\t.\\t--\\t$.\\t-\\tno\\t-\\t-\\t-\\t-\\t-"]
    >>> doc = parse_redewiedergabe("\\n".join(rows), "example")
    >>> doc.text, doc.quotes[0].content_text, doc.quotes[0].speaker_text, doc.quotes[0].type
    ('Er sagte, es regne.', 'es regne', 'Er', 'indirect')
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Callable, Iterator

from ..errors import FormatError
from ..types import Document, Quote, Span

OnError = Callable[[FormatError], None]

COLUMNS = ("tok", "normtok", "lemma", "pos", "rfpos", "sentstart", "stwr", "frame", "speaker", "intexpr")
# The corpus' STWR types and ours; "indirect/freeIndirect" (also written with "_" or a space) is
# counted as indirect, its label keeps the corpus' value.
TYPES = {"direct": "direct", "indirect": "indirect", "freeIndirect": "free_indirect", "reported": "reported"}
_OPENING = frozenset("„‚([{")
_CLOSING = frozenset(",.;:!?)]}“‘%")
_TOGGLING = frozenset('"»«›‹')  # the same character opens and closes


def _attributes(cell: str) -> list[str]:
    """The entries of a cell: nesting levels separated by "|" ("-" is empty)."""
    return [] if cell in ("-", "") else [part for part in cell.split("|") if part]


def _role_ids(cell: str) -> list[str]:
    """The instance ids a role cell links to: "speaker.12_19" → ["12", "19"]."""
    out = []
    for part in _attributes(cell):
        _, _, ids = part.partition(".")
        out += [i for i in ids.split("_") if i]
    return out


def _rebuild(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The text and each token's offsets."""
    pieces, offsets, pos, glue, open_toggle = [], [], 0, True, False
    for tok in tokens:
        toggle_closes = tok in _TOGGLING and open_toggle
        space = not glue and not (tok in _CLOSING or toggle_closes)
        if space:
            pieces.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        pieces.append(tok)
        pos += len(tok)
        glue = tok in _OPENING or (tok in _TOGGLING and not open_toggle)
        if tok in _TOGGLING:
            open_toggle = not open_toggle
    return "".join(pieces), offsets


def _spans(text: str, offsets: list[tuple[int, int]], indices: list[int]) -> tuple[Span, ...]:
    """Runs of consecutive token indices as spans."""
    out: list[Span] = []
    run: list[int] = []
    for i in sorted(set(indices)):
        if run and i != run[-1] + 1:
            out.append(Span.of(text, offsets[run[0]][0], offsets[run[-1]][1]))
            run = []
        run.append(i)
    if run:
        out.append(Span.of(text, offsets[run[0]][0], offsets[run[-1]][1]))
    return tuple(out)


def parse_redewiedergabe(data: str, doc_id: str, meta: dict | None = None) -> Document:
    """One sample in the column format as a document with its STWR instances as quotes."""
    rows = list(csv.reader(data.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0][: len(COLUMNS)]) != COLUMNS:
        raise FormatError(f"not the REDEWIEDERGABE column format: the header must start with {' '.join(COLUMNS)}", doc_id=doc_id)
    col = {name: k for k, name in enumerate(rows[0])}
    body = rows[1:]
    for n, row in enumerate(body, 2):
        if len(row) < len(COLUMNS):
            raise FormatError(f"{len(row)} columns, expected at least {len(COLUMNS)}", line=n, doc_id=doc_id)
    text, offsets = _rebuild([row[col["tok"]] for row in body])
    content: dict[str, list[int]] = {}
    attrs: dict[str, tuple[str, str, int]] = {}
    roles: dict[str, dict[str, list[int]]] = {"speaker": {}, "intexpr": {}, "frame": {}}
    for i, row in enumerate(body):
        for level, entry in enumerate(_attributes(row[col["stwr"]])):
            fields = entry.split(".")
            if len(fields) < 3:
                raise FormatError(f"stwr entry {entry!r} lacks type, medium and id", line=i + 2, doc_id=doc_id)
            kind, medium, ident = fields[0], fields[1], fields[2]
            content.setdefault(ident, []).append(i)
            attrs.setdefault(ident, (kind, medium, level))
        for role, found in roles.items():
            for ident in _role_ids(row[col[role]]):
                found.setdefault(ident, []).append(i)
    quotes = []
    for ident in sorted(content, key=lambda k: (min(content[k]), k)):
        kind, medium, level = attrs[ident]
        first = re.split(r"[ _/]", kind)[0]
        quotes.append(Quote(
            content=_spans(text, offsets, content[ident]),
            type=TYPES.get(first, "reported"),
            speaker=_spans(text, offsets, roles["speaker"].get(ident, [])),
            cue=_spans(text, offsets, roles["intexpr"].get(ident, [])),
            frame=_spans(text, offsets, roles["frame"].get(ident, [])),
            label=kind,
            medium=medium.replace(" ", "_"),
            nested=level > 0,
        ))
    return Document(id=doc_id, text=text, quotes=tuple(quotes), meta=dict(meta or {}))


def _metadata(folder: Path) -> dict[str, dict]:
    path = folder / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {r["file"]: {k: r[k] for k in ("year", "source", "title", "fictional", "text_type") if k in r} for r in csv.DictReader(f, delimiter="\t")}


def read_redewiedergabe(path: str | Path, on_error: OnError | None = None) -> Iterator[Document]:
    """The samples of a ``.tsv`` file or a folder of them (``metadata.tsv`` gives their metadata).

    A sample that cannot be read goes to ``on_error`` (default: raise) and reading goes on.
    """
    path = Path(path)
    files = sorted(p for p in path.glob("*.tsv") if p.name != "metadata.tsv") if path.is_dir() else [path]
    meta = _metadata(path if path.is_dir() else path.parent)
    for f in files:
        try:
            yield parse_redewiedergabe(f.read_text(encoding="utf-8"), f.stem, {"path": str(f), **meta.get(f.name, {})})
        except FormatError as e:
            e = e if e.path else FormatError(e.message, path=f, line=e.line, doc_id=e.doc_id, field=e.field)
            if on_error is None:
                raise e
            on_error(e)


def _register() -> None:
    from ..registry import readers

    readers.register("redewiedergabe", func=read_redewiedergabe)


_register()
