"""Pairing quote marks on tokens, in one linear pass.

Double marks („…“ »…« «…» "…" “…” and mismatched pairs like "…“) make the top layer; single
marks (‚…‘ ‹…›) pair only within a line and only outside a double pair. A mark left open is
closed at the end of its paragraph (the next line break), so a quote that runs over several
paragraphs, each opened anew and never closed, becomes one quote per paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from .view import TokenView

DOUBLE_OPEN = {"„": "“”\"", "»": "«", "«": "»", "“": "”\"", '"': "\"“”"}
SINGLE_OPEN = {"‚": "‘’'", "‹": "›", "'": "'’"}
CLOSERS = frozenset("“”«\"‘’›'")
ALL_MARKS = frozenset(DOUBLE_OPEN) | frozenset(SINGLE_OPEN) | CLOSERS


@dataclass(frozen=True)
class QuoteSpan:
    """Tokens ``[begin, end)`` from the opening mark to the closing mark, both included;
    ``closed`` is False when the quote ran to the end of its paragraph."""

    begin: int
    end: int
    closed: bool = True

    @property
    def inner(self) -> int:
        """The number of tokens between the marks."""
        return self.end - self.begin - (2 if self.closed else 1)


def _can_open(v: TokenView, i: int) -> bool:
    """A mark that may open: not glued to a word on its left, glued to one on its right."""
    w = v.words[i]
    if w in "„»‚‹":
        return i + 1 < v.n
    left_free = i == 0 or not v.glued_left(i) or v.words[i - 1] in "([–-—/"
    return left_free and i + 1 < v.n and v.glued_right(i)


def _can_close(v: TokenView, i: int, opener: str) -> bool:
    w = v.words[i]
    if w not in DOUBLE_OPEN.get(opener, SINGLE_OPEN.get(opener, "")):
        return False
    if w in "“”«›‘":
        # “ also opens English-style quotes; as a closer it sits after a word or punctuation.
        return not (w == "“" and not v.glued_left(i) and v.glued_right(i)) or opener == "„"
    if w == "»" and opener == "«":
        return True
    # Straight marks and ’: close when glued to the word on their left.
    if w in "'’" and i + 1 < v.n and v.glued_right(i) and v.words[i + 1][:1].isalpha():
        return False
    return v.glued_left(i) or not _can_open(v, i)


def _can_close_glued(v: TokenView, i: int, opener: str) -> bool:
    w = v.words[i]
    if w[0] in DOUBLE_OPEN.get(opener, "") and v.glued_left(i):
        return True
    # the mark inside a compound the tokenizer kept whole: „Bild“-Zeitung
    k = next((k for k in range(1, len(w) - 1) if w[k] in DOUBLE_OPEN.get(opener, "")), None)
    return k is not None and w[k + 1] == "-" and w[k - 1].isalnum()


def pair_quotes(v: TokenView) -> list[QuoteSpan]:
    """All top-layer quote spans of the view, in text order (linear in the number of tokens).

    >>> from quotes.nlp.builtin import make_builtin
    >>> v = TokenView(make_builtin()('Er sagte: „Ja.“ Sie: "Nein“ und »gut« und ‚klein‘'))
    >>> [" ".join(v.words[q.begin:q.end]) for q in pair_quotes(v)]
    ['„ Ja . “', '" Nein “', '» gut «', '‚ klein ‘']
    """
    out: list[QuoteSpan] = []
    open_at: int | None = None
    single_at: int | None = None
    for i in range(v.n):
        w = v.words[i]
        if open_at is not None and len(w) > 1 and w not in ALL_MARKS and _can_close_glued(v, i, v.words[open_at]):
            # „Reuters“-Reporterin: the closing mark is glued to the next word in one token.
            out.append(QuoteSpan(open_at, i + 1))
            open_at = None
        elif w in ALL_MARKS:
            if open_at is not None:
                if _can_close(v, i, v.words[open_at]):
                    out.append(QuoteSpan(open_at, i + 1))
                    open_at = None
            elif w in DOUBLE_OPEN and _can_open(v, i):
                open_at = i
                single_at = None
            elif single_at is not None and _can_close(v, i, v.words[single_at]):
                out.append(QuoteSpan(single_at, i + 1))
                single_at = None
            elif w in SINGLE_OPEN and _can_open(v, i) and not (w == "'" and i > 0 and v.glued_left(i)):
                single_at = i
        if v.line_break[i] or i == v.n - 1:
            if open_at is not None and i > open_at:
                out.append(QuoteSpan(open_at, i + 1, closed=False))
            open_at = None
            single_at = None
    return out
