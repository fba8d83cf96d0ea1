"""brat standoff: one ``ID.txt`` and ``ID.ann`` per document, for correcting quotes in brat.

A quote is a text-bound annotation typed by its quote type (``direct``, ``indirect``, ``mixed``,
``free_indirect``, ``reported``) over all its content spans (brat writes discontinuous spans as
``start end;start end``). Each role is a text-bound annotation typed ``Speaker``, ``Cue``,
``Addressee`` or ``Frame``, tied to its quote by a relation ``speaker_of`` … (``Arg1`` the role,
``Arg2`` the quote); a span that plays the same role for several quotes is written once. The
quote's ``speaker_id``, ``confidence``, ``trace``, ``label``, ``medium`` and ``nested`` travel as a
JSON object in its AnnotatorNotes. ``annotation.conf`` and ``visual.conf`` tell brat the types.

    T1	direct 10 15	„Ja.“
    T2	Speaker 0 2	Er
    R1	speaker_of Arg1:T2 Arg2:T1
    #1	AnnotatorNotes T1	{"speaker_id": "Olaf Scholz", "confidence": 0.9, "trace": "rules"}
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import FormatError
from ..types import QUOTE_TYPES, ROLES, Document, Quote, Span

OnError = Callable[[FormatError], None]

ROLE_TYPE = {role: role.capitalize() for role in ROLES}  # speaker → Speaker
ROLE_OF_TYPE = {t: r for r, t in ROLE_TYPE.items()}
RELATION = {role: f"{role}_of" for role in ROLES}  # speaker → speaker_of
ROLE_OF_RELATION = {t: r for r, t in RELATION.items()}
NOTE_FIELDS = ("speaker_id", "confidence", "trace", "label", "medium", "nested")

TYPE_COLOURS = {
    "direct": "#8fb8ff",
    "indirect": "#ffd27a",
    "mixed": "#c6a4ff",
    "free_indirect": "#9fe0c0",
    "reported": "#e0e0e0",
}
ROLE_COLOURS = {"speaker": "#ff9f9f", "cue": "#b0b0b0", "addressee": "#ffc3e6", "frame": "#f4f4f4"}


def _file_stem(doc_id: str) -> str:
    return doc_id.replace("/", "_").replace("\\", "_")


def _offsets(spans: Iterable[Span]) -> str:
    return ";".join(f"{s.start} {s.end}" for s in spans)


def _one_line(text: str) -> str:
    # The reference text of a .ann line must stay on that line.
    return re.sub(r"[\r\n\t]", " ", text)


def _note(quote: Quote) -> str:
    note: dict = {"speaker_id": quote.speaker_id, "confidence": quote.confidence, "trace": quote.trace}
    if quote.label is not None:
        note["label"] = quote.label
    if quote.medium is not None:
        note["medium"] = quote.medium
    if quote.nested:
        note["nested"] = True
    return json.dumps(note, ensure_ascii=False)


def document_to_ann(doc: Document) -> str:
    """The ``.ann`` standoff of a document's quotes.

    >>> t = "Er sagte: „Ja.“"
    >>> q = Quote(content=(Span.of(t, 10, 15),), type="direct", speaker=(Span.of(t, 0, 2),))
    >>> print(document_to_ann(Document("d", t, (q,))))  # doctest: +NORMALIZE_WHITESPACE
    T1 direct 10 15 „Ja.“
    #1 AnnotatorNotes T1 {"speaker_id": null, "confidence": 1.0, "trace": ""}
    T2 Speaker 0 2 Er
    R1 speaker_of Arg1:T2 Arg2:T1
    """
    lines: list[str] = []
    n_quotes = len(doc.quotes)
    for k, q in enumerate(doc.quotes, start=1):
        lines.append(f"T{k}\t{q.type} {_offsets(q.content)}\t{_one_line(' '.join(s.text for s in q.content))}")
        lines.append(f"#{k}\tAnnotatorNotes T{k}\t{_note(q)}")
    role_ids: dict[tuple, str] = {}
    relations: list[str] = []
    for k, q in enumerate(doc.quotes, start=1):
        for role in ROLES:
            spans = q.role(role)
            if not spans:
                continue
            key = (role, tuple((s.start, s.end) for s in spans))
            if key not in role_ids:
                tid = f"T{n_quotes + len(role_ids) + 1}"
                role_ids[key] = tid
                lines.append(f"{tid}\t{ROLE_TYPE[role]} {_offsets(spans)}\t{_one_line(' '.join(s.text for s in spans))}")
            relations.append(f"R{len(relations) + 1}\t{RELATION[role]} Arg1:{role_ids[key]} Arg2:T{k}")
    return "\n".join(lines + relations) + ("\n" if lines else "")


def annotation_conf() -> str:
    """brat's ``annotation.conf`` for the quote types, roles and relations."""
    quote_types = "|".join(QUOTE_TYPES)
    entities = "\n".join(list(QUOTE_TYPES) + [ROLE_TYPE[r] for r in ROLES])
    relations = "\n".join(f"{RELATION[r]}\tArg1:{ROLE_TYPE[r]}, Arg2:{quote_types}" for r in ROLES)
    return f"[entities]\n{entities}\n\n[relations]\n{relations}\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n"


def visual_conf() -> str:
    """brat's ``visual.conf``: a colour per quote type and role."""
    labels = [f"{t} | {t.replace('_', ' ').capitalize()}" for t in QUOTE_TYPES] + [f"{ROLE_TYPE[r]} | {ROLE_TYPE[r]}" for r in ROLES]
    drawing = [f"{t}\tbgColor:{TYPE_COLOURS[t]}" for t in QUOTE_TYPES] + [f"{ROLE_TYPE[r]}\tbgColor:{ROLE_COLOURS[r]}" for r in ROLES]
    return "[labels]\n" + "\n".join(labels) + "\n\n[drawing]\n" + "\n".join(drawing) + "\n"


def write_brat(docs: Iterable[Document], folder: str | Path) -> int:
    """Write each document as ``FOLDER/ID.txt`` and ``FOLDER/ID.ann``, with brat's configuration.

    Returns the number of documents written. A ``/`` in an id becomes ``_`` in the file name.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
    (folder / "visual.conf").write_text(visual_conf(), encoding="utf-8")
    n = 0
    for doc in docs:
        stem = _file_stem(doc.id)
        # newline="" keeps \r\n as it is, so offsets stay right.
        with open(folder / f"{stem}.txt", "w", encoding="utf-8", newline="") as f:
            f.write(doc.text)
        with open(folder / f"{stem}.ann", "w", encoding="utf-8", newline="") as f:
            f.write(document_to_ann(doc))
        n += 1
    return n


_OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")


def document_from_ann(doc_id: str, text: str, ann: str, *, path=None) -> Document:
    """Build a document from its text and ``.ann`` standoff; errors name the line and annotation."""

    def fail(message: str, line: int | None = None, field: str | None = None):
        raise FormatError(message, path=path, line=line, doc_id=doc_id, field=field)

    entities: dict[str, tuple[str, tuple[Span, ...]]] = {}
    notes: dict[str, dict] = {}
    links: list[tuple[str, str, str, int]] = []  # (role, role entity, quote entity, line)
    for line_no, line in enumerate(ann.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        ident = parts[0]
        if ident.startswith("T"):
            if len(parts) < 2 or " " not in parts[1]:
                fail("a text-bound annotation needs 'ID<TAB>TYPE START END[;START END…]<TAB>TEXT'", line_no, ident)
            etype, offsets = parts[1].split(" ", 1)
            if etype not in QUOTE_TYPES and etype not in ROLE_OF_TYPE:
                fail(f"unknown type {etype!r}; expected one of {', '.join(QUOTE_TYPES + tuple(ROLE_OF_TYPE))}", line_no, ident)
            if not _OFFSETS.match(offsets.strip()):
                fail(f"offsets {offsets!r} are not 'START END[;START END…]'", line_no, ident)
            spans = []
            for pair in offsets.strip().split(";"):
                start, end = map(int, pair.split())
                if not 0 <= start < end <= len(text):
                    fail(f"offsets [{start}, {end}) are not a non-empty range inside the text (length {len(text)})", line_no, ident)
                spans.append(Span.of(text, start, end))
            spans.sort()
            if len(parts) > 2 and " ".join(parts[2].split()) != " ".join(" ".join(s.text for s in spans).split()):
                fail(f"text {parts[2]!r} differs from the text at {offsets}: {' '.join(s.text for s in spans)!r}", line_no, ident)
            entities[ident] = (etype, tuple(spans))
        elif ident.startswith("R"):
            m = re.fullmatch(r"(\S+) Arg1:(\S+) Arg2:(\S+)\s*", parts[1] if len(parts) > 1 else "")
            if not m:
                fail("a relation needs 'ID<TAB>TYPE Arg1:ID Arg2:ID'", line_no, ident)
            rtype, arg1, arg2 = m.groups()
            if rtype not in ROLE_OF_RELATION:
                continue  # brat's own relations (overlap markers and the like) carry no quote data
            links.append((ROLE_OF_RELATION[rtype], arg1, arg2, line_no))
        elif ident.startswith("#"):
            fields = parts[1].split() if len(parts) > 1 else []
            if len(fields) != 2 or fields[0] != "AnnotatorNotes" or len(parts) < 3:
                continue
            try:
                note = json.loads(parts[2])
            except json.JSONDecodeError as e:
                fail(f"the note of {fields[1]} is not a JSON object: {e.msg}", line_no, fields[1])
            if not isinstance(note, dict):
                fail(f"the note of {fields[1]} is not a JSON object", line_no, fields[1])
            notes[fields[1]] = note
        # Other brat annotations (events, attributes, normalizations) carry no quote data.

    quote_ids = sorted((i for i, (t, _) in entities.items() if t in QUOTE_TYPES), key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)
    roles: dict[str, dict[str, list[Span]]] = {i: {r: [] for r in ROLES} for i in quote_ids}
    linked = set()
    for role, arg1, arg2, line_no in links:
        if arg1 not in entities or arg2 not in entities:
            fail(f"the relation refers to {arg1 if arg1 not in entities else arg2}, which is not an annotation here", line_no)
        if entities[arg1][0] != ROLE_TYPE[role] or arg2 not in roles:
            fail(f"{RELATION[role]} must go from a {ROLE_TYPE[role]} to a quote; got {entities[arg1][0]} → {entities[arg2][0]}", line_no)
        roles[arg2][role].extend(entities[arg1][1])
        linked.add(arg1)
    for ident, (etype, spans) in entities.items():
        if etype in ROLE_OF_TYPE and ident not in linked:
            fail(f"{etype} {' '.join(s.text for s in spans)!r} is linked to no quote: add a {RELATION[ROLE_OF_TYPE[etype]]} relation or delete it", field=ident)

    quotes = []
    for ident in quote_ids:
        note = notes.get(ident, {})
        confidence = note.get("confidence", 1.0)
        if not isinstance(confidence, (int, float)) or isinstance(confidence, bool) or not math.isfinite(confidence) or not 0 <= confidence <= 1:
            fail(f"confidence must be a number from 0 to 1, got {confidence!r}", field=f"{ident}.confidence")
        speaker_id = note.get("speaker_id")
        if speaker_id is not None and not isinstance(speaker_id, str):
            fail("speaker_id must be a string or null", field=f"{ident}.speaker_id")
        quotes.append(Quote(
            content=entities[ident][1],
            type=entities[ident][0],
            speaker_id=speaker_id,
            confidence=float(confidence),
            trace=str(note.get("trace", "")),
            label=note.get("label"),
            medium=note.get("medium"),
            nested=bool(note.get("nested", False)),
            **{r: tuple(sorted(set(spans))) for r, spans in roles[ident].items()},
        ))
    return Document(id=doc_id, text=text, quotes=tuple(quotes), meta={"path": str(path)} if path else {})


def _ann_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".ann" and not p.name.startswith("."))
        if not files:
            raise FormatError("the folder holds no brat .ann files", path=path)
        return files
    if path.suffix in (".ann", ".txt"):
        return [path.with_suffix(".ann")]
    raise FormatError("not brat standoff: expected a folder of .txt/.ann pairs or an .ann file", path=path)


def read_brat(path: str | Path, on_error: OnError | None = None) -> Iterator[Document]:
    """Read brat standoff: a folder of ``ID.txt``/``ID.ann`` pairs, or one ``.ann`` file.

    Without ``on_error`` the first bad document raises FormatError; with it, each bad document is
    passed to ``on_error`` and reading goes on.
    """
    for ann_path in _ann_files(Path(path)):
        txt_path = ann_path.with_suffix(".txt")
        try:
            if not ann_path.exists():
                raise FormatError("no such .ann file", path=ann_path, doc_id=ann_path.stem)
            if not txt_path.exists():
                raise FormatError("the .ann file has no .txt file beside it", path=ann_path, doc_id=ann_path.stem)
            try:
                text = txt_path.read_bytes().decode("utf-8")
                ann = ann_path.read_bytes().decode("utf-8")
            except UnicodeDecodeError as e:
                raise FormatError(f"not UTF-8: {e.reason} at byte {e.start}", path=ann_path, doc_id=ann_path.stem) from None
            yield document_from_ann(ann_path.stem, text, ann, path=ann_path)
        except FormatError as e:
            if on_error is None:
                raise
            on_error(e)


def _register() -> None:
    from ..registry import readers, writers

    readers.register("brat", func=read_brat)
    writers.register("brat", func=write_brat)


_register()
