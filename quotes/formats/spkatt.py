"""The SpkAtt JSON format of GermEval SpkAtt-2023: one file per document, tokens referenced as
``"SentenceId:TokenIndex"`` (both 0-based).

Two flavours, told apart by their annotations:

- Task 2 (news, ``spkatt2023-task2-news``): ``Message`` (content), ``Source`` (speaker), ``Cue``,
  ``Addr`` (addressee), ``Frame``, ``Form`` (type label), ``STWR`` (medium), ``IsNested`` and
  ``HasNested``: mapped like WikiNews (``quotes.formats.wikinews``), labels kept.
- Task 1 (parliamentary debates, ``spkatt2023-task1-gepade``): speech events with ``Cue``,
  ``Source``, ``Message``, ``Addr``, ``PTC`` (a separated verb particle), ``Topic``, ``Medium``
  and ``Evidence``. An event with a ``Message`` becomes a quote; the debates carry no quote type,
  so it comes in as ``indirect`` (type figures mean nothing on this data). ``PTC``, ``Topic``,
  ``Medium``, ``Evidence`` and the events without a message have no place in a ``Quote``: they
  are kept in ``meta["spkatt"]`` and written back as long as the quotes are the ones read (a
  digest of them tells), so gold converts there and back without loss.

The corpus holds tokens, not text: reading detokenises them (a space between tokens, none before
closing punctuation and after opening brackets and quote marks, one space between sentences) and
keeps each token's character offsets in ``Document.tokens`` and the sentences as token ranges in
``meta["sentences"]``, so writing gives back the same token references. A document without corpus
tokens is tokenized with the built-in German tokenizer when written.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ..errors import FormatError
from ..types import Document, Quote
from .wikinews import DEFAULT_MEDIUM, LABEL_FROM_TYPE, TYPE_FROM_LABEL, spans_to_token_ids, token_ids_to_spans

OnError = Callable[[FormatError], None]

TASK2_ROLES = {"Message": "content", "Source": "speaker", "Cue": "cue", "Addr": "addressee", "Frame": "frame"}
TASK1_ROLES = {"Message": "content", "Source": "speaker", "Cue": "cue", "Addr": "addressee"}
TASK1_EXTRA = ("PTC", "Topic", "Medium", "Evidence")
TASK1_KEYS = ("Addr", "Evidence", "Medium", "Message", "Source", "Topic", "Cue", "PTC")  # the corpus' key order
TASK1_TYPE = "indirect"

NO_SPACE_BEFORE = frozenset(".,;:!?)]}%“”«’›…")
NO_SPACE_AFTER = frozenset("([{„»‚‹")


def detokenize(sentences: Sequence[Sequence[str]]) -> tuple[str, list[tuple[int, int]], list[list[int]]]:
    """Text from tokenized sentences, with each token's character offsets and the sentences as
    token ranges.

    >>> text, tokens, sents = detokenize([["Er", "sagte", ":", "„", "Ja", ".", "“"], ["Gut", "."]])
    >>> text, tokens[3], sents
    ('Er sagte: „Ja.“ Gut.', (10, 11), [[0, 7], [7, 9]])
    """
    parts: list[str] = []
    tokens: list[tuple[int, int]] = []
    ranges: list[list[int]] = []
    pos = 0
    open_straight = False  # inside "…" (straight marks open and close alternately)
    prev = ""
    for sentence in sentences:
        begin = len(tokens)
        for k, tok in enumerate(sentence):
            closes_straight = tok == '"' and open_straight
            after_opening = prev in NO_SPACE_AFTER or (prev == '"' and open_straight)
            glued = k > 0 and (tok in NO_SPACE_BEFORE or closes_straight or after_opening)
            if tokens and not glued:
                parts.append(" ")
                pos += 1
            if tok == '"':
                open_straight = not open_straight
            tokens.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
            prev = tok
        ranges.append([begin, len(tokens)])
    return "".join(parts), tokens, ranges


def _digest(quotes: Iterable[Quote]) -> str:
    """A fingerprint of the quotes' spans and labels, to tell whether they are still the ones read."""
    data = [[q.type, q.label, q.medium, q.nested, *[[[s.start, s.end] for s in q.role(r)] for r in ("content", "speaker", "cue", "addressee", "frame")]]
            for q in quotes]
    return hashlib.sha1(json.dumps(data).encode("utf-8")).hexdigest()


def _ids(refs, starts: list[int], lengths: list[int], where: str, fail) -> list[int]:
    if not isinstance(refs, list):
        fail(f"{where}: expected a list of token references", where)
    out = []
    for ref in refs:
        try:
            s, t = (int(x) for x in str(ref).split(":"))
        except ValueError:
            fail(f"token reference {ref!r} is not SentenceId:TokenIndex", where)
        if not (0 <= s < len(starts) and 0 <= t < lengths[s]):
            fail(f"token reference {ref!r} points outside the sentences", where)
        out.append(starts[s] + t)
    return out


def document_from_spkatt(obj: dict, *, path=None, doc_id: str | None = None, with_quotes: bool = True) -> Document:
    """Build a Document from a parsed SpkAtt JSON object (Task 1 or Task 2)."""
    doc_id = str(obj.get("DocumentName") or doc_id or (Path(path).stem if path else ""))

    def fail(message: str, field: str | None = None):
        raise FormatError(message, path=path, doc_id=doc_id or None, field=field)

    sentences = obj.get("Sentences")
    if not isinstance(sentences, list):
        fail("not a SpkAtt document: no Sentences list", "Sentences")
    try:
        ordered = sorted(sentences, key=lambda s: s["SentenceId"])
        token_lists = [[str(t) for t in s["Tokens"]] for s in ordered]
    except (KeyError, TypeError):
        fail("every sentence needs a SentenceId and a Tokens list", "Sentences")
    if [s["SentenceId"] for s in ordered] != list(range(len(ordered))):
        fail("SentenceIds must run 0, 1, 2, …", "Sentences")
    text, tokens, ranges = detokenize(token_lists)
    starts = [b for b, _ in ranges]
    lengths = [e - b for b, e in ranges]
    annotations = obj.get("Annotations", [])
    if not isinstance(annotations, list):
        fail("Annotations must be a list", "Annotations")
    task = 2 if "DocumentName" in obj or any(isinstance(a, dict) and "Form" in a for a in annotations) else 1
    meta: dict = {"sentences": ranges}
    if path is not None:
        meta["path"] = str(path)
    quotes: list[Quote] = []
    if with_quotes:
        extra: list[dict] = []
        events: list[dict] = []
        id_sets = []
        for k, ann in enumerate(annotations):
            where = f"Annotations[{k}]"
            if not isinstance(ann, dict):
                fail("an annotation must be an object", where)
            roles = TASK2_ROLES if task == 2 else TASK1_ROLES
            ids = {role: _ids(ann.get(key, []), starts, lengths, f"{where}.{key}", fail) for key, role in roles.items()}
            if not ids["content"]:
                if task == 2:
                    fail("the annotation has no Message", where)
                events.append({"index": k, "annotation": ann})
                continue
            for key in TASK1_EXTRA if task == 1 else ():
                _ids(ann.get(key, []), starts, lengths, f"{where}.{key}", fail)
            id_sets.append((ann, set(ids["content"])))
            spans = {role: token_ids_to_spans(v, tokens, text) for role, v in ids.items()}
            if task == 2:
                label = ann.get("Form")
                qtype = TYPE_FROM_LABEL.get(label, "reported")
                quote = Quote(type=qtype, label=label, medium=ann.get("STWR"), nested=bool(ann.get("IsNested", False)), **spans)
            else:
                quote = Quote(type=TASK1_TYPE, **spans)
                extra.append({key: list(ann.get(key, [])) for key in TASK1_EXTRA})
            quotes.append(quote)
        if task == 2:
            quotes = _mark_mixed(quotes, id_sets)
        meta["spkatt"] = {"task": task, "digest": _digest(quotes)}
        if task == 1:
            meta["spkatt"].update(extra=extra, events=events)
    else:
        meta["spkatt"] = {"task": task}
    return Document(id=doc_id, text=text, quotes=tuple(quotes), tokens=tuple(tokens), meta=meta)


def _mark_mixed(quotes: list[Quote], id_sets: list[tuple[dict, set]]) -> list[Quote]:
    """An Indirect quote with a nested Direct one inside is ``mixed`` (as in the WikiNews reader)."""
    out = []
    for q, (ann, ids) in zip(quotes, id_sets):
        if q.type == "indirect" and ann.get("HasNested") and any(
            other is not ann and other.get("IsNested") and other.get("Form") == "Direct" and other_ids <= ids
            for other, other_ids in id_sets
        ):
            q = q.replace(type="mixed")
        out.append(q)
    return out


def read_spkatt_file(path: str | Path, *, with_quotes: bool = True) -> Document:
    """Read one SpkAtt JSON file."""
    path = Path(path)
    try:
        obj = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as e:
        raise FormatError(f"not UTF-8: {e.reason} at byte {e.start}", path=path) from None
    except json.JSONDecodeError as e:
        raise FormatError(f"not valid JSON: {e.msg} at line {e.lineno}", path=path) from None
    if not isinstance(obj, dict):
        raise FormatError("not a SpkAtt document: expected a JSON object", path=path)
    return document_from_spkatt(obj, path=path, doc_id=path.stem, with_quotes=with_quotes)


def read_spkatt(path: str | Path, on_error: OnError | None = None, *, with_quotes: bool = True) -> Iterator[Document]:
    """Read a SpkAtt JSON file or a folder of them (sorted by name); a bad file goes to ``on_error``
    (default: raise) and reading goes on."""
    path = Path(path)
    files = sorted(p for p in path.iterdir() if p.name.endswith(".json")) if path.is_dir() else [path]
    for f in files:
        try:
            yield read_spkatt_file(f, with_quotes=with_quotes)
        except FormatError as e:
            if on_error is None:
                raise
            on_error(e)


def _layout(doc: Document) -> tuple[list[tuple[int, int]], list[list[int]]]:
    """The document's tokens and sentence ranges: its own where they cover every token, else the built-in tokenizer's."""
    tokens = list(doc.tokens) if doc.tokens is not None else None
    sentences = doc.meta.get("sentences") if doc.meta else None
    if tokens is None:
        from ..nlp.builtin import tokenize_offsets

        return tokenize_offsets(doc.text)
    flat = [i for b, e in (sentences or []) for i in range(b, e)]
    if flat != list(range(len(tokens))):
        sentences = [[0, len(tokens)]] if tokens else []
    return tokens, [list(s) for s in sentences]


def document_to_spkatt(doc: Document) -> dict:
    """A SpkAtt JSON object for a document: Task 1 keys for a document read from Task 1, else Task 2.

    >>> from quotes.types import Span
    >>> t = "Er sagte: Ja."
    >>> d = Document("d", t, (Quote((Span.of(t, 10, 13),), "indirect", speaker=(Span.of(t, 0, 2),)),))
    >>> a = document_to_spkatt(d)["Annotations"][0]
    >>> a["Message"], a["Source"], a["Form"]
    (['0:3', '0:4'], ['0:0'], 'Indirect')
    """
    tokens, sentences = _layout(doc)
    text = doc.text
    ref = [""] * len(tokens)
    for k, (b, e) in enumerate(sentences):
        for i in range(b, e):
            ref[i] = f"{k}:{i - b}"
    starts = [t[0] for t in tokens]

    def refs(spans) -> list[str]:
        return [ref[i] for i in spans_to_token_ids(spans, tokens, starts)]

    info = (doc.meta or {}).get("spkatt") or {}
    task = info.get("task", 2)
    keep = info.get("digest") == _digest(doc.quotes)
    annotations = []
    content_ids = [set(spans_to_token_ids(q.content, tokens, starts)) for q in doc.quotes]
    for k, q in enumerate(doc.quotes):
        if task == 1:
            extra = info["extra"][k] if keep else {}
            roles = {key: refs(q.role(role)) for key, role in TASK1_ROLES.items()}
            ann = {key: roles[key] if key in roles else list(extra.get(key, [])) for key in TASK1_KEYS}
        else:
            label = q.label if q.label in TYPE_FROM_LABEL and TYPE_FROM_LABEL[q.label] == q.type else LABEL_FROM_TYPE.get(q.type, "Reported")
            has_nested = any(o.nested and j != k and content_ids[j] and content_ids[j] <= content_ids[k] for j, o in enumerate(doc.quotes))
            ann = {
                "Addr": refs(q.addressee), "Cue": refs(q.cue), "Form": label, "Frame": refs(q.frame), "HasNested": has_nested,
                "IsNested": q.nested, "Message": refs(q.content), "STWR": q.medium or DEFAULT_MEDIUM, "Source": refs(q.speaker),
            }
        annotations.append(ann)
    if task == 1 and keep:
        for event in info.get("events", []):
            annotations.insert(event["index"], event["annotation"])
    out: dict = {}
    if task == 2:
        out["DocumentName"] = doc.id
    out["Sentences"] = [{"SentenceId": k, "Tokens": [text[s:e] for s, e in tokens[b:e_]]} for k, (b, e_) in enumerate(sentences)]
    out["Annotations"] = annotations
    return out


def write_spkatt(docs: Iterable[Document], folder: str | Path) -> int:
    """Write each document as ``FOLDER/<id>.json``; returns how many were written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for doc in docs:
        path = folder / f"{doc.id.replace('/', '_')}.json"
        path.write_text(json.dumps(document_to_spkatt(doc), ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


def looks_like_spkatt(path: str | Path) -> bool:
    """Whether a ``.json`` file starts like a SpkAtt document (``Sentences``/``Annotations`` keys)."""
    with open(path, "rb") as f:
        head = f.read(4096).decode("utf-8", errors="ignore")
    return '"Sentences"' in head or '"Annotations"' in head or '"DocumentName"' in head


def _register() -> None:
    from ..registry import readers, writers

    readers.register("spkatt", func=read_spkatt)
    writers.register("spkatt", func=write_spkatt)


_register()
