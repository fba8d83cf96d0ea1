"""The WikiNews JSON format of ``german-news-quotes-2024`` (one ``*.pretty.json`` per article).

Reading maps its five quote types onto ours and keeps the original label, medium and nesting:
Direct → direct, Indirect → indirect (mixed when a Direct quote is nested inside it),
FreeIndirect and IndirectFreeIndirect → free_indirect, Reported → reported.
Writing maps every role onto the document's own tokens, so the dataset's scorer can read it.
"""

from __future__ import annotations

import bisect
import json
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ..errors import FormatError
from ..types import Document, Quote, Span

TYPE_FROM_LABEL = {
    "Direct": "direct",
    "Indirect": "indirect",
    "FreeIndirect": "free_indirect",
    "IndirectFreeIndirect": "free_indirect",
    "Reported": "reported",
}
LABEL_FROM_TYPE = {
    "direct": "Direct",
    "indirect": "Indirect",
    "mixed": "Indirect",
    "free_indirect": "IndirectFreeIndirect",
    "reported": "Reported",
}
WIKINEWS_ROLES = ("speaker", "cue", "addressee", "frame")
SUFFIX = ".pretty.json"
DEFAULT_MEDIUM = "Speech"


def token_ids_to_spans(ids: Iterable[int], tokens: Sequence[tuple[int, int]], text: str) -> tuple[Span, ...]:
    """Group token ids into runs of consecutive ids, one character span per run."""
    ids = sorted(set(ids))
    spans = []
    run_start = prev = None
    for i in ids + [None]:
        if i is not None and prev is not None and i == prev + 1:
            prev = i
            continue
        if run_start is not None:
            spans.append(Span.of(text, tokens[run_start][0], tokens[prev][1]))
        run_start = prev = i
    return tuple(spans)


def spans_to_token_ids(spans: Iterable[Span], tokens: Sequence[tuple[int, int]], starts: Sequence[int] | None = None) -> list[int]:
    """The ids of the tokens that lie at least half inside one of the spans.

    >>> spans_to_token_ids([Span(0, 5)], [(0, 2), (3, 5), (6, 8)])
    [0, 1]
    """
    if starts is None:
        starts = [t[0] for t in tokens]
    out: set[int] = set()
    for span in spans:
        i = max(bisect.bisect_right(starts, span.start) - 1, 0)
        while i < len(tokens) and tokens[i][0] < span.end:
            ts, te = tokens[i]
            overlap = min(te, span.end) - max(ts, span.start)
            if overlap > 0 and 2 * overlap >= te - ts:
                out.add(i)
            i += 1
    return sorted(out)


def document_from_wikinews(obj: dict, *, path=None, with_quotes: bool = True) -> Document:
    """Build a Document (gold quotes included) from a parsed WikiNews JSON object."""
    try:
        text = obj["originalText"]
        doc_id = obj.get("documentName") or (Path(path).name[: -len(SUFFIX)] if path else None)
        tokens = tuple((t["charBegin"], t["charEnd"]) for t in obj.get("tokens", []))
        sentences = [[s["begin"], s["end"]] for s in obj.get("sentences", [])]
    except (KeyError, TypeError) as e:
        raise FormatError(f"not a WikiNews document: missing {e}", path=path) from None
    if not isinstance(text, str):
        raise FormatError("originalText is not a string", path=path, doc_id=doc_id, field="originalText")
    quotes = []
    if with_quotes:
        annotations = obj.get("annotations", [])
        for k, ann in enumerate(annotations):
            try:
                quotes.append(_quote_from_annotation(ann, annotations, tokens, text))
            except (KeyError, TypeError, IndexError) as e:
                raise FormatError(f"malformed annotation: {e!r}", path=path, doc_id=doc_id, field=f"annotations[{k}]") from None
    return Document(id=str(doc_id), text=text, quotes=tuple(quotes), tokens=tokens, meta={"sentences": sentences})


def _quote_from_annotation(ann: dict, annotations: list[dict], tokens, text) -> Quote:
    label = ann["type"]
    qtype = TYPE_FROM_LABEL.get(label, "reported")
    content_ids = set(ann["quote"]["tokenIds"])
    if qtype == "indirect" and ann.get("hasNested"):
        nested_direct = any(
            other is not ann and other.get("isNested") and other["type"] == "Direct"
            and set(other["quote"]["tokenIds"]) <= content_ids
            for other in annotations
        )
        if nested_direct:
            qtype = "mixed"
    roles = {r: token_ids_to_spans(ann[r]["tokenIds"], tokens, text) for r in WIKINEWS_ROLES if r in ann}
    return Quote(
        content=token_ids_to_spans(ann["quote"]["tokenIds"], tokens, text),
        type=qtype,
        label=label,
        medium=ann.get("medium"),
        nested=bool(ann.get("isNested", False)),
        **roles,
    )


def read_wikinews(path: str | Path, *, with_quotes: bool = True) -> Document:
    """Read one WikiNews ``*.pretty.json`` file."""
    path = Path(path)
    try:
        obj = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as e:
        raise FormatError(f"not UTF-8: {e.reason} at byte {e.start}", path=path) from None
    except json.JSONDecodeError as e:
        raise FormatError(f"not valid JSON: {e.msg} at line {e.lineno}", path=path) from None
    if not isinstance(obj, dict):
        raise FormatError("not a WikiNews document: expected a JSON object", path=path)
    return document_from_wikinews(obj, path=path, with_quotes=with_quotes)


def wikinews_files(folder: str | Path) -> list[Path]:
    """The WikiNews JSON files of a folder, sorted by name."""
    return sorted(p for p in Path(folder).iterdir() if p.name.endswith(".json"))


def read_wikinews_dir(folder: str | Path, *, with_quotes: bool = True) -> Iterator[Document]:
    for path in wikinews_files(folder):
        yield read_wikinews(path, with_quotes=with_quotes)


Tokenize = Callable[[str], tuple[list[tuple[int, int]], list[list[int]]]]


def document_to_wikinews(doc: Document, tokenize: Tokenize | None = None) -> dict:
    """A WikiNews JSON object for a document, each role's tokenIds mapped onto its tokens.

    Documents without corpus tokens are tokenized with ``tokenize`` (text → token offsets and
    sentence token ranges); by default with the built-in German tokenizer.
    """
    text = doc.text
    tokens = doc.tokens
    sentences = doc.meta.get("sentences") if doc.meta else None
    if tokens is None:
        if tokenize is None:
            from ..nlp.builtin import tokenize_offsets as tokenize
        tokens, sentences = tokenize(text)
    tokens = list(tokens)
    if not sentences:
        sentences = [[0, len(tokens)]] if tokens else []
    sentence_of = [0] * len(tokens)
    word_of = [0] * len(tokens)
    out_sentences = []
    for k, (b, e) in enumerate(sentences):
        for i in range(b, e):
            sentence_of[i], word_of[i] = k + 1, i - b + 1
        if e > b:
            cb, ce = tokens[b][0], tokens[e - 1][1]
            out_sentences.append({
                "begin": b, "charBegin": cb, "charEnd": ce, "end": e, "id": k, "text": text[cb:ce],
                "tokenIds": list(range(b, e)), "tokens": [text[s:t] for s, t in tokens[b:e]],
            })
    starts = [t[0] for t in tokens]

    def role(spans) -> dict:
        ids = spans_to_token_ids(spans, tokens, starts)
        runs = token_ids_to_spans(ids, tokens, text)
        groups, cur = [], []
        for i in ids:
            if cur and i != cur[-1] + 1:
                groups.append(cur)
                cur = []
            cur.append(i)
        if cur:
            groups.append(cur)
        return {
            "text": " ".join(s.text for s in runs),
            "tokenIds": ids,
            "spans": [{"begin": g[0], "end": g[-1] + 1, "charBegin": tokens[g[0]][0], "charEnd": tokens[g[-1]][1]} for g in groups],
        }

    annotations = []
    content_ids = [set(spans_to_token_ids(q.content, tokens, starts)) for q in doc.quotes]
    for k, q in enumerate(doc.quotes):
        label = q.label if q.label in TYPE_FROM_LABEL and TYPE_FROM_LABEL[q.label] == q.type else LABEL_FROM_TYPE.get(q.type, "Reported")
        ann = {
            "id": k,
            "type": label,
            "medium": q.medium or DEFAULT_MEDIUM,
            "isNested": q.nested,
            "hasNested": any(o.nested and j != k and content_ids[j] and content_ids[j] <= content_ids[k] for j, o in enumerate(doc.quotes)),
            "quote": role(q.content),
        }
        for r in WIKINEWS_ROLES:
            ann[r] = role(q.role(r))
        annotations.append(ann)
    return {
        "annotations": annotations,
        "documentName": doc.id,
        "originalText": text,
        "sentences": out_sentences,
        "tokens": [
            {"charBegin": s, "charEnd": e, "id": i, "sentence": sentence_of[i], "text": text[s:e], "word": word_of[i]}
            for i, (s, e) in enumerate(tokens)
        ],
    }


def write_wikinews(doc: Document, folder: str | Path, tokenize: Tokenize | None = None) -> Path:
    """Write one document as ``FOLDER/<id>.pretty.json``; returns the path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = doc.id.replace("/", "_")
    path = folder / f"{name}{SUFFIX}"
    path.write_text(json.dumps(document_to_wikinews(doc, tokenize), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read_wikinews_path(path: str | Path, on_error: Callable[[FormatError], None] | None = None, *, with_quotes: bool = True) -> Iterator[Document]:
    """Read a WikiNews ``.json`` file or a folder of them; a bad file goes to ``on_error`` (default: raise)."""
    path = Path(path)
    for f in wikinews_files(path) if path.is_dir() else [path]:
        try:
            yield read_wikinews(f, with_quotes=with_quotes)
        except FormatError as e:
            if on_error is None:
                raise
            on_error(e)


def write_wikinews_folder(docs: Iterable[Document], folder: str | Path) -> int:
    """Write each document as ``FOLDER/<id>.pretty.json``; returns how many were written."""
    n = 0
    for doc in docs:
        write_wikinews(doc, folder)
        n += 1
    return n


def _register() -> None:
    from ..registry import readers, writers

    readers.register("wikinews", func=read_wikinews_path)
    writers.register("wikinews", func=write_wikinews_folder)


_register()
