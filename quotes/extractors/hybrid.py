"""The hybrid extractor: the model's contents with the rules' attribution, registered as ``hybrid.v1``.

The model finds contents better; the rules attribute speakers and cues better. ``hybrid`` runs both
over the same documents and combines their quotes with one rule (see :func:`combine`):

- every model quote is kept, with its content, type and label;
- its partner is the rules quote (of the same nesting) whose content shares the most characters
  with it; where they share at least ``MIN_OVERLAP`` of the longer content (the strict metric's
  "same quote", in characters rather than tokens), each role the partner has (speaker, cue,
  addressee, frame) replaces the model's, and the roles it lacks stay the model's;
- a rules quote that no model quote touches is added when its type is in ``ADD_TYPES``: every type
  but ``direct`` (the model misses few direct quotes, so a direct quote only the rules find is
  mostly a false one).

``speaker_id`` is then resolved over the combined quotes by :func:`quotes.speakers.resolve_speakers`
(through the rules' wrapper, which splits a text far longer than an article into pieces).
Each quote's ``trace`` names where its content and roles came from, with the sub-extractors' traces.
How the choices were made and what they give: ``eval/model/HYBRID.md``.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from ..registry import extractors
from ..types import ROLES, Document, Quote
from .base import BaseExtractor

NAME = "hybrid.v1"
MIN_OVERLAP = 0.5
# Types of rules-only quotes to add (chosen on the train split; see eval/model/HYBRID.md).
ADD_TYPES: frozenset[str] = frozenset({"indirect", "mixed", "free_indirect", "reported"})


def shared_chars(a: Quote, b: Quote) -> int:
    """The number of characters the contents of two quotes share.

    >>> from quotes.types import Span
    >>> shared_chars(Quote((Span(0, 10),), "direct"), Quote((Span(5, 20),), "direct"))
    5
    """
    return sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in a.content for y in b.content)


def _size(q: Quote) -> int:
    return sum(len(s) for s in q.content)


def _own_trace(q: Quote) -> str:
    """A sub-extractor's trace without the speaker resolution it appended: it is resolved again."""
    head, sep, _ = q.trace.rpartition("; speaker: ")
    if sep:
        return head
    return "" if q.trace.startswith("speaker: ") else q.trace


def _partner(m: Quote, rules: Sequence[Quote]) -> tuple[int | None, int]:
    best, best_shared = None, 0
    for k, r in enumerate(rules):
        if r.nested != m.nested:
            continue
        n = shared_chars(m, r)
        if n > best_shared:
            best, best_shared = k, n
    return best, best_shared


def combine(model: Sequence[Quote], rules: Sequence[Quote], add_types: Iterable[str] = ADD_TYPES,
            min_overlap: float = MIN_OVERLAP) -> list[Quote]:
    """The combined quotes, ``speaker_id`` unset, sorted by position.

    >>> from quotes.types import Span
    >>> t = "„Wir schaffen das“, sagte Kanzlerin Merkel."
    >>> m = Quote((Span.of(t, 0, 18),), "direct", speaker=(Span.of(t, 36, 42),), trace="model")
    >>> r = Quote((Span.of(t, 1, 17),), "direct", speaker=(Span.of(t, 26, 42),), cue=(Span.of(t, 20, 25),), trace="rules")
    >>> [(q.content_text, q.speaker_text, q.cue_text) for q in combine([m], [r])]
    [('„Wir schaffen das“', 'Kanzlerin Merkel', 'sagte')]
    """
    add_types = frozenset(add_types)
    out: list[Quote] = []
    for m in model:
        k, n = _partner(m, rules)
        mine = _own_trace(m)
        base = m.replace(speaker_id=None)
        if k is None or n < min_overlap * max(_size(m), _size(rules[k])):
            why = "no rules quote there" if k is None else "no rules quote shares half the content"
            out.append(base.replace(trace=f"{NAME}: content and roles from the model ({why}) [{mine}]"))
            continue
        r = rules[k]
        roles = {role: r.role(role) for role in ROLES if r.role(role)}
        kept = [role for role in ROLES if role not in roles and m.role(role)]
        source = f"{', '.join(roles) or 'no roles'} from the rules" + (f", {', '.join(kept)} from the model" if kept else "")
        out.append(base.replace(**roles, trace=f"{NAME}: content from the model, {source} [{mine}] [{_own_trace(r)}]"))
    for r in rules:
        if r.type in add_types and not any(shared_chars(m, r) for m in model):
            out.append(r.replace(speaker_id=None, trace=f"{NAME}: content and roles from the rules (no model quote there) [{_own_trace(r)}]"))
    return sorted(out, key=lambda q: (q.start, q.end, q.nested))


class HybridExtractor(BaseExtractor):
    """The model's contents with the rules' attribution.

    >>> ext = HybridExtractor()
    >>> [(q.type, q.speaker_text, q.cue_text) for q in ext.extract(Document("d", "„Wir schaffen das“, sagte Merkel."))]
    [('direct', 'Merkel', 'sagte')]
    """

    def __init__(self, model_path: str | None = None, backbone: str = "builtin", batch_size: int = 16,
                 threads: int | None = 1) -> None:
        from .model import ModelExtractor
        from .rules import RulesExtractor, _resolve

        self._resolve = _resolve

        self.model = ModelExtractor(model_path, batch_size, threads)
        self.rules = RulesExtractor(backbone=backbone)
        self.batch_size = batch_size
        settings = ([f"model_path={model_path}"] if model_path else []) + ([f"backbone={backbone}"] if backbone != "builtin" else [])
        self.name = "hybrid" + (f"[{','.join(settings)}]" if settings else "")

    def extract(self, doc: Document) -> list[Quote]:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[list[Quote]]:
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= batch_size:
                yield from self._batch(chunk)
                chunk = []
        if chunk:
            yield from self._batch(chunk)

    def _batch(self, docs: list[Document]) -> list[list[Quote]]:
        by_rules = list(self.rules.pipe(docs, batch_size=len(docs)))
        by_model = list(self.model.pipe(docs))
        return [self._resolve(doc, combine(m, r)) for doc, m, r in zip(docs, by_model, by_rules)]


@extractors.register(NAME)
def make_hybrid(model_path: str | None = None, backbone: str = "builtin", batch_size: int = 16,
                threads: int | None = 1) -> HybridExtractor:
    """The model's quotes with the rules' speaker, cue, addressee and frame, plus rules-only non-direct quotes."""
    return HybridExtractor(model_path, backbone, batch_size, threads)
