"""Who said what across a collection: each speaker with the names seen and every statement.

``collect_people`` groups the quotes of many documents by speaker. Within a document the speaker
is the quote's ``speaker_id`` (see ``quotes.speakers``). Across documents, a shorter name is merged
into a longer one only where that is unambiguous in the collection: "Putin" in one article joins
"Wladimir Putin" from another when no other full name in the collection ends with (or contains)
"Putin". Two different full names are never merged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .speakers import speaker_key
from .types import QUOTE_TYPES, Document


@dataclass(frozen=True)
class Statement:
    """One quote of a speaker: where it is and what it says."""

    doc_id: str
    start: int
    end: int
    type: str
    text: str
    mention: str | None


@dataclass(frozen=True)
class Person:
    """A speaker across the collection: the canonical name, the names seen and the statements."""

    name: str
    variants: tuple[str, ...]
    statements: tuple[Statement, ...]

    @property
    def counts(self) -> dict[str, int]:
        """Number of statements by quote type."""
        c = Counter(s.type for s in self.statements)
        return {t: c[t] for t in QUOTE_TYPES if c[t]}

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "variants": list(self.variants),
            "counts": self.counts,
            "statements": [s.__dict__ for s in self.statements],
        }


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(speaker_key(name).split())


def _contained(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def merge_names(names: Iterable[str]) -> dict[str, str]:
    """Map each name to the name it is merged into across the collection.

    A name goes into the one longer name that contains it word for word; where several different
    longer names contain it ("Clinton" in "Bill Clinton" and "Hillary Clinton"), it stays alone.

    >>> merge_names(["Putin", "Wladimir Putin", "Clinton", "Bill Clinton", "Hillary Clinton"])["Putin"]
    'Wladimir Putin'
    >>> merge_names(["Clinton", "Bill Clinton", "Hillary Clinton"])["Clinton"]
    'Clinton'
    """
    names = sorted(set(names), key=lambda n: (-len(_tokens(n)), n))
    keys = {n: _tokens(n) for n in names}
    # Names with the same key are one name ("der Staatsanwaltschaft" / "Staatsanwaltschaft").
    by_key: dict[tuple, str] = {}
    for n in names:
        by_key.setdefault(keys[n], n)
    out: dict[str, str] = {}
    for n in names:
        key = keys[n]
        # a group ("Nordkorea und Russland") takes no single name into it
        longer = {k for k in by_key if _contained(key, k) and "und" not in k}
        # only the maximal containing names count: "Putin" ⊂ "Wladimir Putin" ⊂ "Wladimir W. Putin"
        maximal = {k for k in longer if not any(_contained(k, other) for other in longer)}
        out[n] = by_key[next(iter(maximal))] if len(maximal) == 1 else by_key[key]
    return out


def collect_people(docs: Iterable[Document]) -> list[Person]:
    """Group the quotes of documents by their resolved speaker, most statements first.

    >>> from quotes.types import Quote, Span
    >>> a = Document("a", "x", (Quote((Span(0, 1, "x"),), "direct", speaker_id="Wladimir Putin"),))
    >>> b = Document("b", "y", (Quote((Span(0, 1, "y"),), "indirect", speaker_id="Putin"),))
    >>> [(p.name, p.variants, p.counts) for p in collect_people([a, b])]
    [('Wladimir Putin', ('Putin', 'Wladimir Putin'), {'direct': 1, 'indirect': 1})]
    """
    rows = []
    for doc in docs:
        for q in doc.quotes:
            if q.speaker_id:
                rows.append((q.speaker_id, Statement(doc.id, q.start, q.end, q.type, q.content_text, q.speaker_text)))
    merged = merge_names(sid for sid, _ in rows)
    groups: dict[str, list] = {}
    for sid, st in rows:
        groups.setdefault(merged[sid], []).append((sid, st))
    people = []
    for name, items in groups.items():
        variants = sorted({sid for sid, _ in items} | {st.mention for _, st in items if st.mention})
        statements = tuple(sorted((st for _, st in items), key=lambda s: (s.doc_id, s.start)))
        people.append(Person(name, tuple(variants), statements))
    return sorted(people, key=lambda p: (-len(p.statements), p.name))


def find_person(people: Iterable[Person], query: str) -> list[Person]:
    """The people whose name or a variant matches ``query`` (case-insensitive, word for word).

    >>> p = Person("Wladimir Putin", ("Putin", "Wladimir Putin"), ())
    >>> [x.name for x in find_person([p], "putin")]
    ['Wladimir Putin']
    """
    q = _tokens(query)
    out = []
    for p in people:
        names = [p.name, *p.variants]
        if any(_tokens(n) == q or _contained(q, _tokens(n)) for n in names):
            out.append(p)
    return out


GIVEN = "given"


def people_from_paths(paths: Iterable, extractor: str = "rules", speaker: str | None = None, on_error=None) -> list[Person]:
    """Read documents, extract their quotes (or keep the quotes they carry, with ``extractor="given"``),
    resolve speakers and group them by person; ``speaker`` keeps only the matching people."""
    from .batch import Failure, run
    from .formats import read_documents
    from .registry import get_extractor
    from .speakers import resolve_speakers

    docs = read_documents(paths, on_error=on_error, with_quotes=extractor == GIVEN)
    if extractor == GIVEN:
        resolved = (d.with_quotes(resolve_speakers(d, d.quotes)) for d in docs)
    else:
        ext = get_extractor(extractor)
        resolved = []
        for result in run(ext, docs):
            if isinstance(result, Failure):
                if on_error is not None:
                    on_error(result)
                continue
            resolved.append(result.with_quotes(resolve_speakers(result, result.quotes)))
    people = collect_people(resolved)
    return find_person(people, speaker) if speaker else people


def format_table(people: Iterable[Person], width: int = 100) -> str:
    """People as readable text: name, variants, counts by type, then one line per statement."""
    lines = []
    for p in people:
        counts = ", ".join(f"{n} {t}" for t, n in p.counts.items())
        lines.append(f"{p.name}  ({len(p.statements)} statements: {counts})")
        lines.append(f"  names seen: {'; '.join(p.variants)}")
        for s in p.statements:
            text = s.text if len(s.text) <= width else s.text[: width - 1] + "…"
            lines.append(f"  - {s.doc_id} [{s.start}:{s.end}] {s.type}: {text}")
        lines.append("")
    return "\n".join(lines)


def format_csv(people: Iterable[Person]) -> str:
    """One row per statement: speaker, document, start, end, type, mention, text."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["speaker", "document", "start", "end", "type", "mention", "text"])
    for p in people:
        for s in p.statements:
            w.writerow([p.name, s.doc_id, s.start, s.end, s.type, s.mention or "", s.text])
    return buf.getvalue()
