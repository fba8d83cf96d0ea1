"""Render documents with their quotes as one self-contained HTML page, the function behind
``quotes render``.

Each article shows every quote's content highlighted (background in the colour of its resolved
speaker, underline style and a badge by type), its speaker and cue marked, and on hover the type,
``speaker_id``, confidence and trace. An index lists every speaker with links to their statements.
Given gold documents as well, each article shows gold and predictions side by side, with the
misses and false alarms outlined. The page has no network assets: CSS and JS are inline.

>>> t = "Er sagte: „Ja.“"
>>> q = Quote(content=(Span.of(t, 10, 15),), type="direct", speaker=(Span.of(t, 0, 2),), speaker_id="Olaf Scholz")
>>> page = render_html([Document("d1", t, (q,))])
>>> 'id="d0-q0"' in page and "Olaf Scholz" in page
True
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .batch import Failure, run
from .errors import FormatError, QuotesError
from .types import QUOTE_TYPES, Document, Quote, Span

ASSETS = Path(__file__).parent / "data" / "render"
DEFAULT_EXTRACTOR = "rules"
TYPE_BADGE = {"direct": "direct", "indirect": "indirect", "mixed": "mixed", "free_indirect": "free indirect", "reported": "reported"}
MARKED_ROLES = ("addressee", "speaker", "cue")  # the frame is shown on hover only
# Nesting order of marks that start together: content outside, then addressee, speaker, cue.
_KIND_ORDER = {"content": 0, "addressee": 1, "speaker": 2, "cue": 3}
# Colour-blind-friendly, well separated hues (Tableau 10); more speakers cycle through them.
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#17becf")
UNRESOLVED = "#8a8a8f"


# ---------------------------------------------------------------------------------------------
# Comparison with gold


@dataclass(frozen=True)
class Pairing:
    """How the predicted quotes of a document pair with its gold quotes.

    ``pairs`` maps a predicted quote's index to the gold quote's index; quotes pair one to one
    by the largest character overlap of their content (F1 of characters), never without overlap.
    """

    pairs: Mapping[int, int]
    overlap: Mapping[int, float]

    @property
    def gold_found(self) -> set[int]:
        return set(self.pairs.values())


def _chars(q: Quote) -> set[int]:
    return {i for s in q.content for i in range(s.start, s.end)}


def pair_quotes(gold: Sequence[Quote], predicted: Sequence[Quote]) -> Pairing:
    """Pair predicted with gold quotes one to one by content overlap (Hungarian assignment).

    >>> t = "abcdefghij"
    >>> g = [Quote(content=(Span(0, 4),), type="direct"), Quote(content=(Span(6, 10),), type="direct")]
    >>> p = [Quote(content=(Span(7, 10),), type="direct"), Quote(content=(Span(4, 6),), type="direct")]
    >>> dict(pair_quotes(g, p).pairs)
    {0: 1}
    """
    if not gold or not predicted:
        return Pairing({}, {})
    import numpy
    from scipy.optimize import linear_sum_assignment

    gold_chars = [_chars(q) for q in gold]
    pred_chars = [_chars(q) for q in predicted]
    scores = numpy.zeros((len(predicted), len(gold)))
    for i, p in enumerate(pred_chars):
        for j, g in enumerate(gold_chars):
            common = len(p & g)
            if common:
                scores[i, j] = 2 * common / (len(p) + len(g))
    rows, cols = linear_sum_assignment(scores, maximize=True)
    pairs = {int(i): int(j) for i, j in zip(rows, cols) if scores[i, j] > 0}
    return Pairing(pairs, {i: float(scores[i, j]) for i, j in pairs.items()})


def _differences(g: Quote, p: Quote) -> str:
    notes = []
    if g.type != p.type:
        notes.append(f"type: gold {g.type}, predicted {p.type}")
    if (g.speaker_id or None) != (p.speaker_id or None) and g.speaker_id:
        notes.append(f"speaker_id: gold {g.speaker_id}, predicted {p.speaker_id or '—'}")
    if g.speaker != p.speaker:
        notes.append(f"speaker: gold {g.speaker_text or '—'}, predicted {p.speaker_text or '—'}")
    if g.cue != p.cue:
        notes.append(f"cue: gold {g.cue_text or '—'}, predicted {p.cue_text or '—'}")
    return "; ".join(notes)


# ---------------------------------------------------------------------------------------------
# Marking up a text


@dataclass(frozen=True)
class Mark:
    """One highlighted range: a quote's content piece, or a role span shared by ``qids``."""

    start: int
    end: int
    kind: str  # content, or one of MARKED_ROLES
    qids: tuple[str, ...]
    classes: str
    anchor: str | None = None  # the id of a quote's first content piece
    badge: str | None = None


def _open_tag(mark: Mark, first: bool, depth: int) -> str:
    qids = html.escape(" ".join(mark.qids))
    if mark.kind != "content":
        return f'<span class="r {mark.kind} {mark.classes}" data-q="{qids}">'
    classes = f"q {mark.classes}" + (f" n{min(depth, 3)}" if depth else "")
    extra = ""
    if first and mark.anchor:
        classes += " first"
        extra = f' id="{mark.anchor}" tabindex="0"'
        if mark.badge:
            extra += f' data-t="{html.escape(mark.badge)}"'
    return f'<mark class="{classes}" data-q="{qids}"{extra}>'


def _close_tag(mark: Mark) -> str:
    return "</mark>" if mark.kind == "content" else "</span>"


def _escape_text(text: str) -> str:
    # HTML parsing turns \r\n into \n; a character reference keeps the text as it is.
    return html.escape(text, quote=False).replace("\r", "&#13;")


def marked_text(text: str, marks: Sequence[Mark]) -> str:
    """The escaped text with every mark as an element, properly nested.

    Marks that nest (a direct quote inside an indirect one, a cue inside a quote) become nested
    elements; marks that cross are split at the crossing, each part keeping the mark's data.

    >>> marked_text("a<b>c", [Mark(1, 4, "cue", ("q",), "")])
    'a<span class="r cue " data-q="q">&lt;b&gt;</span>c'
    """
    for m in marks:
        if not 0 <= m.start < m.end <= len(text):
            raise QuotesError(f"span [{m.start}, {m.end}) is not a non-empty range inside the text (length {len(text)})")
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, _KIND_ORDER[marks[i].kind], i))
    rank = {i: r for r, i in enumerate(order)}
    starting: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(marks):
        starting[m.start].append(i)
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[int] = []
    active: set[int] = set()
    opened: set[int] = set()
    for a, b in zip(cuts, cuts[1:]):
        active = {i for i in active if marks[i].end > a} | set(starting.get(a, ()))
        want = sorted(active, key=rank.__getitem__)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] == want[keep]:
            keep += 1
        for i in reversed(stack[keep:]):
            out.append(_close_tag(marks[i]))
        del stack[keep:]
        for i in want[keep:]:
            depth = sum(1 for j in stack if marks[j].kind == "content")
            out.append(_open_tag(marks[i], i not in opened, depth))
            opened.add(i)
            stack.append(i)
        out.append(_escape_text(text[a:b]))
    out.extend(_close_tag(marks[i]) for i in reversed(stack))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# The page


@dataclass
class _Page:
    """Collects what the page needs while the articles are rendered."""

    colour_of: dict[str, int]
    data: dict[str, dict] = field(default_factory=dict)
    # side ("predicted" or "gold") → speaker_id → (anchor, document, quote) of each statement
    statements: dict[str, dict[str | None, list[tuple[str, Document, Quote]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))

    def speaker_class(self, q: Quote) -> str:
        return f"s{self.colour_of[q.speaker_id]}" if q.speaker_id in self.colour_of else "su"


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quote_data(doc: Document, q: Quote, side: str, status: str | None = None, note: str | None = None) -> dict:
    return {
        "doc": doc.id,
        "side": side,
        "type": q.type,
        "label": q.label,
        "speaker_id": q.speaker_id,
        "speaker": q.speaker_text,
        "cue": q.cue_text,
        "addressee": " … ".join(s.text for s in q.addressee) or None,
        "confidence": f"{q.confidence:.2f}",
        "trace": q.trace,
        "status": status,
        "note": note or None,
    }


def _article_text(page: _Page, doc: Document, quotes: Sequence[Quote], prefix: str, side: str, verdicts: Mapping[int, Verdict] | None = None) -> str:
    """The marked-up text of one side of one article; registers each quote's hover data."""
    marks: list[Mark] = []
    roles: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for k, q in enumerate(quotes):
        qid = f"{prefix}{k}"
        verdict = verdicts[k] if verdicts is not None else Verdict("")
        css = verdict.css
        page.data[qid] = _quote_data(doc, q, side, verdict.status or None, verdict.note)
        page.statements[side][q.speaker_id].append((qid, doc, q))
        colour = page.speaker_class(q)
        for n, span in enumerate(sorted(q.content)):
            marks.append(Mark(span.start, span.end, "content", (qid,), f"t-{q.type} {colour} {css}".strip(),
                              anchor=qid if n == 0 else None, badge=TYPE_BADGE.get(q.type, q.type) if n == 0 else None))
        for role in MARKED_ROLES:
            for span in q.role(role):
                roles[(role, span.start, span.end)].append(k)
    for (role, start, end), ks in roles.items():
        marks.append(Mark(start, end, role, tuple(f"{prefix}{k}" for k in ks), page.speaker_class(quotes[ks[0]])))
    try:
        return f'<div class="text" lang="de">{marked_text(doc.text, marks)}</div>'
    except QuotesError as e:
        raise QuotesError(f"document {doc.id}: {e}") from None


@dataclass(frozen=True)
class Verdict:
    """How one quote fares against the other side: its status, the CSS class that outlines it
    (``miss``, ``fa``, ``partial`` or none) and what else differs from its partner."""

    status: str
    css: str = ""
    note: str | None = None


@dataclass(frozen=True)
class Comparison:
    """The verdict on each gold and each predicted quote of a document (by index), and the counts."""

    gold: Mapping[int, Verdict]
    predicted: Mapping[int, Verdict]
    tally: Counter


def compare(gold: Document, predicted: Document) -> Comparison:
    """Pair a document's predicted quotes with its gold quotes and judge each one.

    >>> t = "Er sagte: „Ja.“ Sie: „Nein.“"
    >>> g = Document("d", t, (Quote(content=(Span.of(t, 10, 15),), type="direct"),))
    >>> p = Document("d", t, (Quote(content=(Span.of(t, 21, 28),), type="direct"),))
    >>> c = compare(g, p)
    >>> c.gold[0].css, c.predicted[0].css, dict(c.tally)
    ('miss', 'fa', {'false alarms': 1, 'missed': 1})
    """
    pairing = pair_quotes(gold.quotes, predicted.quotes)
    tally: Counter = Counter()
    verdicts: dict[int, Verdict] = {}
    for i, q in enumerate(predicted.quotes):
        if i not in pairing.pairs:
            verdicts[i] = Verdict("false alarm: no gold quote overlaps it", "fa")
            tally["false alarms"] += 1
            continue
        g = gold.quotes[pairing.pairs[i]]
        exact = g.content == q.content
        status = "match" if exact else f"partial match (overlap {pairing.overlap[i]:.2f})"
        verdicts[i] = Verdict(status, "" if exact else "partial", _differences(g, q) or None)
        tally["matched" if exact else "partial"] += 1
    by_gold = {j: i for i, j in pairing.pairs.items()}
    gold_verdicts: dict[int, Verdict] = {}
    for j, g in enumerate(gold.quotes):
        if j not in by_gold:
            gold_verdicts[j] = Verdict("missed: no prediction overlaps it", "miss")
            tally["missed"] += 1
            continue
        q = predicted.quotes[by_gold[j]]
        exact = g.content == q.content
        status = "found" if exact else f"found in part (overlap {pairing.overlap[by_gold[j]]:.2f})"
        gold_verdicts[j] = Verdict(status, "" if exact else "partial", _differences(g, q) or None)
    return Comparison(gold_verdicts, verdicts, tally)


def _tally_html(tally: Counter) -> str:
    parts = [f"{tally['matched']} matched", f"{tally['partial']} partly matched",
             f'<span class="bad">{tally["missed"]} missed</span>', f'<span class="bad">{tally["false alarms"]} false alarms</span>']
    return f'<span class="tally">{", ".join(parts)}</span>'


def _article(page: _Page, k: int, doc: Document, gold: Document | None, with_gold: bool, tally: Counter) -> str:
    """One article: its text with the quotes marked, or gold and predictions side by side
    (``tally`` then adds this article's counts)."""
    title = html.escape(doc.id)
    counts = Counter(q.type for q in doc.quotes)
    meta = f"{len(doc.quotes)} quotes" + (" (" + ", ".join(f"{counts[t]} {t.replace('_', ' ')}" for t in QUOTE_TYPES if counts[t]) + ")" if counts else "")
    if not with_gold or gold is None:
        body = _article_text(page, doc, doc.quotes, f"d{k}-q", "predicted")
        if with_gold:
            meta += "; no gold document with this id: predictions only"
        return f'<article id="d{k}"><h2>{title}</h2><p class="doc-meta">{meta}</p>{body}</article>'
    if gold.text != doc.text:
        raise QuotesError(f"document {doc.id}: the gold text differs from the predicted document's text, so their offsets cannot be compared")
    comparison = compare(gold, doc)
    tally.update(comparison.tally)
    left = _article_text(page, gold, gold.quotes, f"d{k}-g", "gold", comparison.gold)
    right = _article_text(page, doc, doc.quotes, f"d{k}-q", "predicted", comparison.predicted)
    cols = (f'<div class="cols"><div class="col"><h3>Gold · {len(gold.quotes)} quotes</h3>{left}</div>'
            f'<div class="col"><h3>Predicted · {len(doc.quotes)} quotes</h3>{right}</div></div>')
    return f'<article id="d{k}"><h2>{title}</h2><p class="doc-meta">{_tally_html(comparison.tally)}</p>{cols}</article>'


def _speaker_index(page: _Page, speakers: Sequence[str]) -> str:
    """Each speaker with numbered links to their statements (and, against gold, to the gold
    ones); unfolding a speaker lists the statements."""
    sides = [side for side in ("predicted", "gold") if page.statements.get(side)]
    unresolved = any(page.statements[side].get(None) for side in sides)
    items = []
    for sid in list(speakers) + ([None] if unresolved else []):
        name = html.escape(sid) if sid is not None else "<i>speaker not resolved</i>"
        colour = f"s{page.colour_of[sid]}" if sid is not None else "su"
        links, lists = [], []
        for side in sides:
            statements = page.statements[side].get(sid, [])
            numbers = " ".join(
                f'<a href="#{anchor}" title="{html.escape(_snippet(q.content_text))}">{n}</a>'
                for n, (anchor, doc, q) in enumerate(statements, start=1)
            )
            snippets = "".join(
                f'<li><a href="#{anchor}">{html.escape(_snippet(q.content_text))}</a> '
                f'<small>{html.escape(TYPE_BADGE.get(q.type, q.type))} · {html.escape(doc.id)}</small></li>'
                for anchor, doc, q in statements
            )
            label = f"{side} " if len(sides) > 1 else ""
            links.append(f'<span class="count">{label}({len(statements)})</span> <span class="links">{numbers}</span>')
            if statements:
                lists.append((f"<h4>{side}</h4>" if len(sides) > 1 else "") + f"<ol>{snippets}</ol>")
        items.append(f'<li><details><summary><span class="swatch {colour}"></span><span class="who">{name}</span> '
                     f'{" · ".join(links)}</summary>{"".join(lists)}</details></li>')
    if not items:
        return ""
    return f'<div class="panel" id="speakers"><h2>Speakers <small>(unfold a name for its statements)</small></h2><ul>{"".join(items)}</ul></div>'


def _hex_rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _speaker_css(n: int) -> str:
    rules = []
    for k in range(n):
        colour = PALETTE[k % len(PALETTE)]
        r, g, b = _hex_rgb(colour)
        rules.append(f".s{k}{{--fg:{colour};--bg:rgba({r},{g},{b},.24)}}")
    r, g, b = _hex_rgb(UNRESOLVED)
    rules.append(f".su{{--fg:{UNRESOLVED};--bg:rgba({r},{g},{b},.16)}}")
    return "\n".join(rules)


def _legend() -> str:
    samples = "".join(
        f'<span><mark class="q first t-{t} su sample">{html.escape(TYPE_BADGE[t])}</mark></span>' for t in QUOTE_TYPES
    )
    roles = ('<span><span class="r speaker su sample">speaker</span></span>'
             '<span><span class="r cue sample">cue</span></span>'
             '<span><span class="r addressee su sample">addressee</span></span>')
    return f'<div class="legend"><span>Quote types (underline):</span>{samples}<span>Roles:</span>{roles}<span>Colour: one per resolved speaker; grey: not resolved.</span></div>'


def _json_for_script(data) -> str:
    # Inside <script>, "</" would end the element: escape what HTML could read as markup.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_html(
    docs: Sequence[Document],
    gold: Mapping[str, Document] | None = None,
    title: str = "Quotes",
    failures: Sequence[Failure] = (),
    source: str | None = None,
) -> str:
    """One self-contained HTML page showing the documents with their quotes marked.

    With ``gold`` (documents by id), each article shows gold and predictions side by side.
    ``failures`` are listed at the end; ``source`` (e.g. the extractor's name) goes in the header.
    Raises QuotesError naming the document when a span lies outside its text or a gold text differs.
    """
    docs = list(docs)
    shown_gold = [gold[d.id] for d in docs if gold and d.id in gold]
    by_speaker = Counter(q.speaker_id for d in docs + shown_gold for q in d.quotes if q.speaker_id)
    speakers = sorted(by_speaker, key=lambda s: (-by_speaker[s], s))
    page = _Page(colour_of={s: k for k, s in enumerate(speakers)})
    with_gold = gold is not None
    total: Counter = Counter()
    articles = [_article(page, k, doc, (gold or {}).get(doc.id), with_gold, total) for k, doc in enumerate(docs)]
    n_quotes = sum(len(d.quotes) for d in docs)
    types = Counter(q.type for d in docs for q in d.quotes)
    summary = f"{len(docs)} documents, {n_quotes} quotes"
    if types:
        summary += " (" + ", ".join(f"{types[t]} {t.replace('_', ' ')}" for t in QUOTE_TYPES if types[t]) + ")"
    summary += f", {len(speakers)} speakers"
    if source:
        summary += f" · {source}"
    summary = html.escape(summary)
    if with_gold:
        summary += " · against gold: " + _tally_html(total)
    toc = ""
    if len(docs) > 1:
        toc = '<div class="panel articles"><h2>Articles</h2>' + "".join(
            f'<a href="#d{k}">{html.escape(d.id)}</a> ' for k, d in enumerate(docs)) + "</div>"
    failed = ""
    if failures:
        failed = ('<section class="failures"><h2>Not rendered</h2><ul>'
                  + "".join(f"<li>{html.escape(str(f))}</li>" for f in failures) + "</ul></section>")
    css = (ASSETS / "report.css").read_text(encoding="utf-8")
    js = (ASSETS / "report.js").read_text(encoding="utf-8")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{css}\n{_speaker_css(len(speakers))}</style></head><body>"
        f'<header><h1>{html.escape(title)}</h1><p class="summary">{summary}</p>{_legend()}</header>'
        f"<nav>{_speaker_index(page, speakers)}{toc}</nav>"
        f'<main>{"".join(articles)}</main>{failed}'
        f'<script id="quote-data" type="application/json">{_json_for_script(page.data)}</script>'
        f"<script>{js}</script></body></html>\n"
    )


# ---------------------------------------------------------------------------------------------
# From paths to a page


@dataclass
class RenderReport:
    """What a render did: documents and quotes shown, and the documents that failed."""

    documents: int = 0
    quotes: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def check_document(doc: Document, gold: Document | None = None) -> str | None:
    """What keeps a document from being rendered (a span outside its text, a gold text that
    differs), or None.

    >>> check_document(Document("d", "Ja.", (Quote(content=(Span(0, 9),), type="direct"),)))
    'quote 1: content span [0, 9) is not a non-empty range inside the text (length 3)'
    """
    for k, q in enumerate(doc.quotes, start=1):
        for role in ("content", "speaker", "cue", "addressee", "frame"):
            for s in q.role(role):
                if not 0 <= s.start < s.end <= len(doc.text):
                    return f"quote {k}: {role} span [{s.start}, {s.end}) is not a non-empty range inside the text (length {len(doc.text)})"
    if gold is not None and gold.text != doc.text:
        return "the gold text differs from this document's text, so their offsets cannot be compared"
    if gold is not None:
        return check_document(gold)
    return None


# Formats that hold texts only: their documents are extracted first. Every other format carries
# quotes, which are shown as they are.
TEXT_FORMATS = frozenset({"txt", "parquet", "arrow", "hf-dataset"})


def input_format(path: Path, fmt: str | None = None) -> str:
    """The format to read ``path`` in: ``fmt`` if given, ``txt`` for a ``.txt`` file or a folder of
    them, else what ``quotes.convert.detect_format`` tells from the path.

    >>> input_format(Path("article.txt")), input_format(Path("predictions.csv"))
    ('txt', 'csv')
    """
    from .convert import detect_format

    if fmt:
        return fmt
    if path.suffix.lower() == ".txt":
        return "txt"
    if path.is_dir():
        suffixes = {p.suffix.lower() for p in path.iterdir() if p.is_file() and not p.name.startswith(".")}
        if suffixes == {".txt"}:
            return "txt"
    return detect_format(path)


def read_path(path: str | Path, fmt: str | None = None, on_error=None) -> Iterable[Document]:
    """The documents of one file or folder in ``fmt`` (any registered reader, or ``txt``),
    detected from the path when not given."""
    from .convert import read_path as read_format
    from .formats import read_documents

    path = Path(path)
    fmt = input_format(path, fmt)
    if fmt == "txt":
        return read_documents([path], on_error=on_error)
    return read_format(path, fmt, on_error=on_error)


def render_paths(
    paths: Iterable[str | Path],
    output: str | Path,
    gold: Iterable[str | Path] = (),
    extractor: str | None = None,
    fmt: str | None = None,
    title: str | None = None,
    progress: bool = True,
) -> RenderReport:
    """Render predictions (or raw texts, extracted first) from files to one HTML page.

    Files in a format that carries quotes (project JSONL, WikiNews or SpkAtt JSON, brat, XMI,
    CSV, …) are shown with the quotes they carry. Inputs that hold texts only (``.txt``, Parquet,
    Arrow, a Hugging Face dataset without quotes) are run through ``extractor`` (default
    ``rules``) first. Naming ``extractor`` runs it on every input, whatever quotes the input carries.
    ``gold`` paths (any readable format) add the side-by-side comparison. Documents that cannot be
    read or processed are listed on the page and in the report; the rest is rendered.
    """
    from tqdm import tqdm

    from .registry import get_extractor

    paths = [Path(p) for p in paths]
    report = RenderReport()

    def on_error(e: FormatError) -> None:
        report.failures.append(Failure(e.doc_id, str(e.path) if e.path else None, str(e.message)))

    ready: list[Document] = []
    raw: list[Document] = []
    for path in paths:
        if not path.exists():
            on_error(FormatError("no such file or folder", path=path))
            continue
        try:
            kind = input_format(path, fmt)
            for doc in read_path(path, kind, on_error):
                (raw if extractor or kind in TEXT_FORMATS else ready).append(doc)
        except FormatError as e:
            on_error(e)
        except QuotesError as e:  # a format that cannot be told from the path, or is unknown
            report.failures.append(Failure(None, str(path), str(e)))
    source = None
    if raw:
        ext = get_extractor(extractor or DEFAULT_EXTRACTOR)
        source = f"extracted by {ext.name}"
        bar = tqdm(total=len(raw), desc=f"extract ({ext.name})", unit="doc", file=sys.stderr, disable=not progress)
        for result in run(ext, (d.with_quotes(()) for d in raw)):
            bar.update(1)
            if isinstance(result, Failure):
                report.failures.append(result)
            else:
                ready.append(result)
        bar.close()
    gold_docs: dict[str, Document] | None = None
    if gold:
        gold_docs = {}
        for path in gold:
            try:
                for doc in read_path(path, None, on_error):
                    gold_docs[doc.id] = doc
            except FormatError as e:
                on_error(e)
            except QuotesError as e:
                report.failures.append(Failure(None, str(path), f"gold: {e}"))
    # A document whose spans or gold text do not fit is listed as a failure; the rest renders.
    shown = []
    for doc in ready:
        problem = check_document(doc, gold_docs.get(doc.id) if gold_docs else None)
        if problem:
            report.failures.append(Failure(doc.id, str(doc.meta.get("path")) if doc.meta and doc.meta.get("path") else None, problem))
        else:
            shown.append(doc)
    title = title or "Quotes · " + ", ".join(p.name for p in paths)
    page = render_html(shown, gold_docs, title=title, failures=report.failures, source=source)
    Path(output).write_text(page, encoding="utf-8")
    report.documents = len(shown)
    report.quotes = sum(len(d.quotes) for d in shown)
    return report


# ---------------------------------------------------------------------------------------------
# A real browser: the DOM after the page's script ran, and screenshots


CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars")


def find_chromium() -> str | None:
    """The path of a Chromium (or Chrome) binary: ``$CHROMIUM`` if set, else the first on PATH."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _chromium(args: Sequence[str], timeout: float) -> str:
    """Run headless Chromium with a throwaway profile; its standard output, as it is."""
    binary = find_chromium()
    if binary is None:
        raise QuotesError("no Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM to its path")
    with tempfile.TemporaryDirectory(prefix="quotes-chromium-") as profile:
        try:
            result = subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise QuotesError(f"chromium took more than {timeout:.0f} s") from None
    if result.returncode != 0:
        stderr = result.stderr.decode("utf-8", "replace").strip()
        raise QuotesError(f"chromium failed with status {result.returncode}: {stderr[-2000:]}")
    # Bytes, not text mode: text mode would turn the page's \r\n into \n.
    return result.stdout.decode("utf-8", "replace")


def dump_dom(page: str | Path, width: int = 1400, timeout: float = 120) -> str:
    """The page's DOM as Chromium serializes it after loading it and running its scripts."""
    url = Path(page).resolve().as_uri()
    return _chromium([f"--window-size={width},1000", "--dump-dom", url], timeout)


def screenshot(page: str | Path, png: str | Path, width: int = 1400, height: int | None = None, timeout: float = 120) -> Path:
    """Take a screenshot of an HTML page with headless Chromium; the whole page unless ``height``.

    The page's height is measured in a first run of the browser (in a copy of the page), since
    Chromium's command line takes the window size as given.
    """
    page, png = Path(page).resolve(), Path(png).resolve()
    if height is None:
        marker = "<script>document.documentElement.dataset.pageHeight = document.documentElement.scrollHeight;</script>"
        with tempfile.TemporaryDirectory(prefix="quotes-measure-") as tmp:
            probe = Path(tmp) / "page.html"  # the page is self-contained, so a copy anywhere renders alike
            probe.write_text(page.read_text(encoding="utf-8").replace("</body>", marker + "</body>"), encoding="utf-8")
            dom = dump_dom(probe, width, timeout)
        m = re.search(r'data-page-height="(\d+)"', dom)
        height = min(int(m.group(1)), 16000) if m else 3000
    png.parent.mkdir(parents=True, exist_ok=True)
    png.unlink(missing_ok=True)
    _chromium([f"--window-size={width},{height}", f"--screenshot={png}", page.as_uri()], timeout)
    if not png.exists():
        raise QuotesError(f"chromium wrote no screenshot to {png}")
    return png
