"""The rule-based German extractor, registered as ``rules.v1`` (``rules`` names the newest).

It runs on a backbone (by default the built-in one: spaCy's blank German tokenizer, quote-aware
sentences, simplemma lemmas and a Konjunktiv I/II detector) and finds direct, indirect, mixed,
free indirect and reported quotes with their speaker, cue, addressee and frame. Each quote says
which rule produced it (``trace``) and how sure the rule is (``confidence``). ``speaker_id`` is
filled by :func:`quotes.speakers.resolve_speakers`.

>>> from quotes.registry import get_extractor
>>> from quotes.types import Document
>>> q = get_extractor("rules").extract(Document("d", "Er sagte, es gehe um Geld."))[0]
>>> q.type, q.content_text, q.speaker_text, q.cue_text, q.trace.split(";")[0]
('indirect', 'es gehe um Geld', 'Er', 'sagte', 'rules.v1 indirect: Konjunktiv clause (sagen)')
"""

from __future__ import annotations

import bisect
from dataclasses import fields
from typing import Iterable, Iterator

from ...batch import pieces, shift
from ...errors import QuotesError
from ...nlp import german
from ...registry import extractors
from ...speakers import resolve_speakers
from ...types import Document, Quote, Span
from ..base import BaseExtractor
from .core import Analysis, Found, Settings
from .lexicon import CUES_TSV, load_lexicon
from .view import TokenView

NAME = "rules.v1"
RESOLVE_WINDOW = 20_000


class RulesExtractor(BaseExtractor):
    """Rule-based German quotation extraction over a linguistic backbone."""

    def __init__(self, backbone: str = "builtin", lexicon: str | None = None, **settings) -> None:
        from ...nlp import load_backbone

        unknown = set(settings) - {f.name for f in fields(Settings)}
        if unknown:
            raise QuotesError(f"{NAME}: unknown settings {', '.join(sorted(unknown))}; known: {', '.join(f.name for f in fields(Settings))}")
        self.settings = Settings(**settings)
        self.backbone = backbone
        self.nlp = _builtin_backbone() if backbone == "builtin" else load_backbone(backbone)
        self.lexicon = load_lexicon(lexicon or CUES_TSV)
        german.lemma("sagte")  # loads the lemma dictionary now rather than on the first document
        self.name = "rules" if backbone == "builtin" and not settings and lexicon is None else f"rules[{backbone}{''.join(f',{k}={v}' for k, v in sorted(settings.items()))}]"

    def extract(self, doc: Document) -> list[Quote]:
        if not isinstance(doc.text, str):
            raise QuotesError(f"document {doc.id}: text is {type(doc.text).__name__}, not a string")
        return self._quotes(doc, self.nlp(doc.text))

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[list[Quote]]:
        docs = list(docs)
        for doc in docs:
            if not isinstance(doc.text, str):
                raise QuotesError(f"document {doc.id}: text is {type(doc.text).__name__}, not a string")
        for doc, parsed in zip(docs, self.nlp.pipe((d.text for d in docs), batch_size=batch_size)):
            yield self._quotes(doc, parsed)

    def _quotes(self, doc: Document, parsed) -> list[Quote]:
        view = TokenView(parsed, self.settings.backbone_lemmas, self.settings.backbone_mood)
        found = Analysis(view, self.lexicon, self.settings).run()
        quotes = [_to_quote(view, f) for f in sorted(found, key=lambda f: (f.content[0][0], f.nested))]
        return _resolve(doc, quotes)


def _resolve(doc: Document, quotes: list[Quote], window: int = RESOLVE_WINDOW) -> list[Quote]:
    """``resolve_speakers`` over the document, or, for a text longer than ``window`` (a feed
    pasted into one file, not an article), over paragraph-aligned pieces of it, so the cost
    stays linear in the length of the text."""
    if len(doc.text) <= window:
        return resolve_speakers(doc, quotes)
    out = list(quotes)
    by_piece: dict[tuple[int, int], list[int]] = {}
    bounds = pieces(doc.text, window)
    starts = [b for b, _ in bounds]
    for k, q in enumerate(quotes):
        by_piece.setdefault(bounds[bisect.bisect_right(starts, q.start) - 1], []).append(k)
    for (b, e), ks in by_piece.items():
        part = Document(doc.id, doc.text[b:e], meta=doc.meta)
        local = [shift(quotes[k], -b) for k in ks]
        if any(s.start < 0 or s.end > e - b for q in local for role in ("content", "speaker") for s in q.role(role)):
            continue  # a quote across the cut keeps no speaker_id rather than a wrong one
        for k, resolved in zip(ks, resolve_speakers(part, local)):
            out[k] = quotes[k].replace(speaker_id=resolved.speaker_id)
    return out


def _builtin_backbone():
    # Without the morphology component: the rules ask for lemmas and moods of the few words
    # they look at, which is faster than tagging every token (see quotes.nlp.german).
    from ...nlp.builtin import make_builtin

    return make_builtin()


def _spans(view: TokenView, ranges) -> tuple[Span, ...]:
    text = view.text
    out = []
    for b, e in ranges:
        if e > b:
            s, t = view.starts[b], view.ends[e - 1]
            out.append(Span(s, t, text[s:t]))
    return tuple(out)


def _to_quote(view: TokenView, f: Found) -> Quote:
    detail = f" ({f.detail})" if f.detail else ""
    return Quote(
        content=_spans(view, f.content),
        type=f.type,
        speaker=_spans(view, f.speaker),
        cue=_spans(view, f.cue),
        addressee=_spans(view, f.addressee),
        frame=_spans(view, f.frame),
        confidence=round(f.confidence, 2),
        trace=f"{NAME} {f.rule}{detail}",
        label=f.label,
        nested=f.nested,
    )


@extractors.register(NAME)
def make_rules(backbone: str = "builtin", lexicon: str | None = None, **settings) -> RulesExtractor:
    """Rule-based German extractor; ``backbone`` is a backbone spec (``builtin``, ``spacy:NAME``),
    ``settings`` switch rules on and off (see :class:`quotes.extractors.rules.core.Settings`)."""
    return RulesExtractor(backbone=backbone, lexicon=lexicon, **settings)


@extractors.register("rules-parser.v1")
def make_rules_parser(backbone: str = "builtin-parser", lexicon: str | None = None, **settings) -> RulesExtractor:
    """The rules on the built-in parser (``rules:backbone=builtin-parser``): the cue verb's subject
    and clausal complement read off the parse where the shape rules find none. A little more
    accurate than ``rules`` and about seven times slower (see ``eval/backbones/compare.md``).

    >>> from quotes.types import Document
    >>> q = make_rules_parser().extract(Document("d", "Die zur Universität gehörende Stiftung teilte mit, dass er starb."))[0]
    >>> q.content_text, q.speaker_text
    ('dass er starb', 'Die zur Universität gehörende Stiftung')
    """
    ext = RulesExtractor(backbone=backbone, lexicon=lexicon, **settings)
    if backbone == "builtin-parser" and not settings and lexicon is None:
        ext.name = "rules-parser"
    return ext

