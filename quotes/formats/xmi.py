"""UIMA CAS XMI, the format INCEpTION imports and exports: one ``ID.xmi`` per document and a
``TypeSystem.xml`` beside them.

The types follow INCEpTION's conventions for custom layers, so that a project with these layers
imports the files as they are (docs/rendering.md says how to set the layers up):

- ``webanno.custom.Quote``, a span layer over the quote's first content span, with the string
  features ``quoteType``, ``speakerId``, ``confidence``, ``trace``, ``label``, ``medium``, the
  boolean ``nested`` and the link feature ``roles``;
- ``webanno.custom.QuoteRole``, a span layer with a string feature ``role``: ``speaker``, ``cue``,
  ``addressee``, ``frame``, or ``content`` for the further spans of a discontinuous quote;
- ``webanno.custom.QuoteRolesLink``, the link from a quote to a role span, with ``role`` and
  ``target``. A span that plays the same role for several quotes is written once.

``confidence`` is a string feature so that it comes back exactly (INCEpTION has no double
feature). DKPro ``Sentence`` and ``Token`` annotations are written too (the document's own tokens,
or the built-in tokenizer's) since INCEpTION annotates on tokens, and come back as the
document's tokens; ``DocumentMetaData`` holds the document id.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import FormatError
from ..types import QUOTE_TYPES, ROLES, Document, Quote, Span

OnError = Callable[[FormatError], None]

QUOTE = "webanno.custom.Quote"
ROLE = "webanno.custom.QuoteRole"
LINK = "webanno.custom.QuoteRolesLink"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
SENTENCE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
TYPESYSTEM_FILE = "TypeSystem.xml"
STRING, BOOLEAN = "uima.cas.String", "uima.cas.Boolean"
LINK_ROLES = ("content",) + ROLES


@lru_cache(maxsize=None)
def _typesystem_xml() -> str:
    from cassis import TypeSystem

    ts = TypeSystem()
    metadata = ts.create_type(METADATA, "uima.tcas.DocumentAnnotation")
    for name in ("documentTitle", "documentId", "documentUri", "documentBaseUri", "collectionId"):
        ts.create_feature(metadata, name, STRING)
    ts.create_feature(metadata, "isLastSegment", BOOLEAN)
    ts.create_type(SENTENCE, "uima.tcas.Annotation")
    ts.create_type(TOKEN, "uima.tcas.Annotation")
    role = ts.create_type(ROLE, "uima.tcas.Annotation")
    ts.create_feature(role, "role", STRING)
    link = ts.create_type(LINK, "uima.cas.TOP")
    ts.create_feature(link, "role", STRING)
    ts.create_feature(link, "target", ROLE)
    quote = ts.create_type(QUOTE, "uima.tcas.Annotation")
    for name in ("quoteType", "speakerId", "confidence", "trace", "label", "medium"):
        ts.create_feature(quote, name, STRING)
    ts.create_feature(quote, "nested", BOOLEAN)
    ts.create_feature(quote, "roles", "uima.cas.FSArray", elementType=LINK)
    return ts.to_xml()


def typesystem():
    """The type system of the quote layers (a fresh ``cassis.TypeSystem``)."""
    from cassis import load_typesystem

    return load_typesystem(_typesystem_xml())


def document_to_cas(doc: Document, ts=None):
    """A ``cassis.Cas`` holding the document's text, tokens, sentences and quotes."""
    from cassis import Cas

    ts = ts or typesystem()
    cas = Cas(typesystem=ts)
    cas.sofa_string = doc.text
    cas.sofa_mime = "text/plain"
    Metadata, Sentence, Token = ts.get_type(METADATA), ts.get_type(SENTENCE), ts.get_type(TOKEN)
    Quote_, Role, Link = ts.get_type(QUOTE), ts.get_type(ROLE), ts.get_type(LINK)
    cas.add(Metadata(begin=0, end=len(doc.text), language="de", documentId=doc.id, documentTitle=doc.id))
    tokens, sentences = _tokens_and_sentences(doc)
    cas.add_all(Token(begin=s, end=e) for s, e in tokens)
    cas.add_all(Sentence(begin=tokens[b][0], end=tokens[e - 1][1]) for b, e in sentences if e > b)
    roles: dict[tuple[str, int, int], object] = {}
    for q in doc.quotes:
        first, *rest = sorted(q.content)
        links = []
        for role, spans in [("content", rest)] + [(r, q.role(r)) for r in ROLES]:
            for span in spans:
                key = (role, span.start, span.end)
                if key not in roles:
                    roles[key] = Role(begin=span.start, end=span.end, role=role)
                    cas.add(roles[key])
                links.append(Link(role=role, target=roles[key]))
        cas.add(Quote_(
            begin=first.start,
            end=first.end,
            quoteType=q.type,
            speakerId=q.speaker_id,
            confidence=repr(q.confidence),
            trace=q.trace,
            label=q.label,
            medium=q.medium,
            nested=q.nested,
            roles=ts.get_type("uima.cas.FSArray")(elements=links),
        ))
    return cas


def _tokens_and_sentences(doc: Document) -> tuple[list[tuple[int, int]], list[list[int]]]:
    if doc.tokens is not None:
        sentences = doc.meta.get("sentences") if doc.meta else None
        tokens = list(doc.tokens)
        return tokens, [list(s) for s in sentences] if sentences else ([[0, len(tokens)]] if tokens else [])
    from ..nlp.builtin import tokenize_offsets

    return tokenize_offsets(doc.text)


def document_from_cas(cas, doc_id: str | None = None, *, path=None) -> Document:
    """Build a document from a CAS with the quote layers; ``doc_id`` defaults to its metadata."""
    text = cas.sofa_string or ""
    try:
        meta = cas.select(METADATA)
    except Exception:  # noqa: BLE001 - a CAS without the DKPro metadata type
        meta = []
    if meta and getattr(meta[0], "documentId", None):
        doc_id = meta[0].documentId
    if doc_id is None:
        raise FormatError("the CAS names no document (no DocumentMetaData.documentId)", path=path)

    def fail(message: str, field: str | None = None):
        raise FormatError(message, path=path, doc_id=doc_id, field=field)

    def span(fs, field: str) -> Span:
        if fs.begin is None or fs.end is None or not 0 <= fs.begin < fs.end <= len(text):
            fail(f"offsets [{fs.begin}, {fs.end}) are not a non-empty range inside the text (length {len(text)})", field)
        return Span.of(text, fs.begin, fs.end)

    quotes = []
    annotations = cas.select(QUOTE) if _has_type(cas, QUOTE) else []
    # xmi:ids keep the order in which the quotes were written.
    for k, fs in enumerate(sorted(annotations, key=lambda fs: fs.xmiID or 0)):
        field = f"Quote {k + 1} at [{fs.begin}, {fs.end})"
        if fs.quoteType not in QUOTE_TYPES:
            fail(f"quoteType {fs.quoteType!r} is not one of {', '.join(QUOTE_TYPES)}", field)
        parts: dict[str, list[Span]] = {r: [] for r in LINK_ROLES}
        parts["content"].append(span(fs, field))
        for link in (fs.roles.elements if fs.roles is not None else []):
            if link is None or link.target is None:
                continue
            role = link.role or link.target.role
            if role not in LINK_ROLES:
                fail(f"role {role!r} is not one of {', '.join(LINK_ROLES)}", field)
            parts[role].append(span(link.target, field))
        try:
            confidence = float(fs.confidence) if fs.confidence not in (None, "") else 1.0
        except ValueError:
            fail(f"confidence {fs.confidence!r} is not a number", field)
        if not 0 <= confidence <= 1:
            fail(f"confidence must be from 0 to 1, got {confidence!r}", field)
        quotes.append(Quote(
            type=fs.quoteType,
            speaker_id=fs.speakerId or None,
            confidence=confidence,
            trace=fs.trace or "",
            label=fs.label,
            medium=fs.medium,
            nested=bool(fs.nested),
            **{r: tuple(sorted(set(spans))) for r, spans in parts.items()},
        ))
    tokens = tuple((t.begin, t.end) for t in cas.select(TOKEN)) if _has_type(cas, TOKEN) else ()
    return Document(id=str(doc_id), text=text, quotes=tuple(quotes), tokens=tokens or None, meta={"path": str(path)} if path else {})


def _has_type(cas, name: str) -> bool:
    return cas.typesystem.contains_type(name)


def write_xmi(docs: Iterable[Document], folder: str | Path, on_error: OnError | None = None) -> int:
    """Write each document as ``FOLDER/ID.xmi``, with ``FOLDER/TypeSystem.xml``; returns the count.

    A ``/`` in an id becomes ``_`` in the file name; the id itself is kept in the metadata. A text
    that XML 1.0 cannot hold (control characters) raises FormatError, or, with ``on_error``, is
    passed to it and the other documents are written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ts = typesystem()
    (folder / TYPESYSTEM_FILE).write_text(_typesystem_xml(), encoding="utf-8")
    n = 0
    for doc in docs:
        try:
            xml = document_to_cas(doc, ts).to_xmi()
        except ValueError as e:  # lxml refuses characters that XML 1.0 cannot hold
            error = FormatError(f"cannot be written as XMI: {e}", doc_id=doc.id)
            if on_error is None:
                raise error from None
            on_error(error)
            continue
        name = doc.id.replace("/", "_").replace("\\", "_")
        (folder / f"{name}.xmi").write_text(xml, encoding="utf-8")
        n += 1
    return n


def _load_typesystem(folder: Path):
    from cassis import load_typesystem, merge_typesystems

    for name in (TYPESYSTEM_FILE, "typesystem.xml"):
        candidate = folder / name
        if candidate.exists():
            try:
                with open(candidate, "rb") as f:
                    theirs = load_typesystem(f)
            except Exception as e:  # noqa: BLE001 - cassis raises plain exceptions on bad XML
                raise FormatError(f"cannot read the type system: {e}", path=candidate) from None
            if theirs.contains_type(QUOTE):
                return theirs
            return merge_typesystems(theirs, typesystem())
    return typesystem()


def read_xmi(path: str | Path, on_error: OnError | None = None) -> Iterator[Document]:
    """Read XMI: a folder of ``.xmi`` files (with its ``TypeSystem.xml``), or one ``.xmi`` file.

    Without a ``TypeSystem.xml`` beside the files, the quote layers' own type system is used and
    unknown types are skipped. Without ``on_error`` the first bad document raises FormatError;
    with it, each bad document is passed to ``on_error`` and reading goes on.
    """
    from cassis import load_cas_from_xmi

    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".xmi" and not p.name.startswith("."))
        if not files:
            raise FormatError("the folder holds no .xmi files", path=path)
        folder = path
    elif path.suffix == ".xmi":
        files, folder = [path], path.parent
    else:
        raise FormatError("not XMI: expected a folder of .xmi files or an .xmi file", path=path)
    ts = _load_typesystem(folder)
    for f in files:
        try:
            if not f.exists():
                raise FormatError("no such file", path=f, doc_id=f.stem)
            try:
                with open(f, "rb") as fh:
                    cas = load_cas_from_xmi(fh, typesystem=ts, lenient=True)
            except Exception as e:  # noqa: BLE001 - lxml and cassis raise many kinds
                raise FormatError(f"cannot read the XMI: {e}", path=f, doc_id=f.stem) from None
            yield document_from_cas(cas, f.stem, path=f)
        except FormatError as e:
            if on_error is None:
                raise
            on_error(e)


def _register() -> None:
    from ..registry import readers, writers

    readers.register("xmi", func=read_xmi)
    writers.register("xmi", func=write_xmi)


_register()
