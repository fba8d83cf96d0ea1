"""What the tagger sees of a text: tokens, sentences and a few categorical features per token.

Everything here is computed from the text alone (and from word lists stored with the model), so a
model gives the same features wherever it runs. Tokens and sentences come from the built-in German
tokenizer (``quotes.nlp.builtin.tokenize_offsets``).

Features per token, each a small integer:

- ``shape``: capitalised, lower case, upper case, digits, or the kind of punctuation (opening,
  closing or straight quote mark, colon, comma, full stop, dash, bracket, other);
- ``marks``: where the token stands with respect to paired quote marks (outside, the opening or the
  closing mark, inside a short, medium or long marked stretch); short ones are mostly scare quotes;
- ``cue``: the token's stem is a reporting-verb stem seen as a cue in the training data;
- ``konj``: a Konjunktiv I or II form of a frequent verb ("sei", "habe", "könne", "wäre", "hätten");
- ``position``: first or last token of its sentence, first of a paragraph.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy


OPENING_MARKS = frozenset("„»‚‹")
CLOSING_MARKS = frozenset("“”«‘’›")
STRAIGHT_MARKS = frozenset("\"'")

SHAPES = ("pad", "cap", "lower", "upper", "digit", "open", "close", "straight", "colon", "comma", "stop", "dash",
          "bracket", "other")
MARKS = ("pad", "out", "open", "close", "in_short", "in_medium", "in_long")
POSITIONS = ("pad", "inner", "sent_start", "sent_end", "para_start")

KONJUNKTIV_I = frozenset(
    "sei seiest seien seiet habe habest werde werdest könne könnest müsse müssest solle wolle dürfe möge "
    "gebe gehe stehe liege komme wisse lasse bleibe brauche halte heiße sehe finde trage handle handele "
    "glaube hoffe plane fehle gelte laufe führe bestehe erfolge treffe nehme lebe arbeite".split()
)
KONJUNKTIV_II = frozenset(
    "wäre wären wärest hätte hätten hättest würde würden würdest könnte könnten müsste müssten müßte "
    "müßten dürfte dürften möchte möchten sollte sollten wollte wollten gäbe gäben ginge gingen käme "
    "kämen wüsste wüssten ließe ließen bliebe blieben stünde stünden läge lägen täte täten hielte "
    "fände fänden".split()
)
_VERB_ENDING = re.compile(r"(test|ten|tet|te|st|t|en|e)$")


def stem(word: str) -> str:
    """A crude verb stem, for matching inflected cue verbs against those seen in training.

    >>> stem("Erklärte"), stem("sagten"), stem("betont")
    ('erklär', 'sag', 'beton')
    """
    w = word.lower()
    s = _VERB_ENDING.sub("", w)
    return s if len(s) >= 3 else w


def konjunktiv(word: str) -> int:
    """1 for a Konjunktiv I form, 2 for a Konjunktiv II form, 0 otherwise.

    >>> konjunktiv("sei"), konjunktiv("Hätten"), konjunktiv("ist")
    (1, 2, 0)
    """
    w = word.lower()
    return 1 if w in KONJUNKTIV_I else 2 if w in KONJUNKTIV_II else 0


def shape(word: str) -> int:
    ch = word[0]
    if ch in OPENING_MARKS:
        name = "open"
    elif ch in CLOSING_MARKS:
        name = "close"
    elif ch in STRAIGHT_MARKS:
        name = "straight"
    elif ch.isalpha():
        name = "upper" if word.isupper() and len(word) > 1 else "cap" if ch.isupper() else "lower"
    elif ch.isdigit():
        name = "digit"
    else:
        name = {":": "colon", ",": "comma", ".": "stop", "!": "stop", "?": "stop", "-": "dash", "–": "dash",
                "—": "dash", "(": "bracket", ")": "bracket", "[": "bracket", "]": "bracket"}.get(ch, "other")
    return SHAPES.index(name)


@dataclass(frozen=True)
class Tokenized:
    """A text cut into tokens (character offsets) and sentences (token ranges)."""

    text: str
    offsets: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    sentence_of: numpy.ndarray

    @property
    def words(self) -> list[str]:
        return [self.text[s:e] for s, e in self.offsets]

    def __len__(self) -> int:
        return len(self.offsets)


def tokenize(text: str) -> Tokenized:
    """Tokens and sentences of a text.

    >>> t = tokenize("Er sagte: „Ja.“ Dann ging er.")
    >>> t.words[:4], t.sentences
    (['Er', 'sagte', ':', '„'], ((0, 7), (7, 11)))
    """
    from ..nlp.builtin import tokenize_offsets  # imported here: spaCy is needed only to tokenize

    offsets, sentences = tokenize_offsets(text)
    sentence_of = numpy.zeros(len(offsets), dtype=numpy.int64)
    for k, (b, e) in enumerate(sentences):
        sentence_of[b:e] = k
    return Tokenized(text, tuple(offsets), tuple((b, e) for b, e in sentences), sentence_of)


def mark_states(tok: Tokenized) -> list[int]:
    """Each token's ``MARKS`` state from the paired quote marks of the text."""
    from ..extractors.marks import quote_mark_spans

    states = [MARKS.index("out")] * len(tok)
    starts = [s for s, _ in tok.offsets]
    for s, e in quote_mark_spans(tok.text):
        i = bisect.bisect_left(starts, s)
        j = bisect.bisect_left(starts, e)
        if i >= len(tok) or i >= j:
            continue
        n = j - i - 2
        inner = "in_short" if n <= 3 else "in_medium" if n <= 12 else "in_long"
        for k in range(i, j):
            states[k] = MARKS.index(inner)
        states[i] = MARKS.index("open")
        if tok.text[tok.offsets[j - 1][0]] in CLOSING_MARKS | STRAIGHT_MARKS:
            states[j - 1] = MARKS.index("close")
    return states


def positions(tok: Tokenized) -> list[int]:
    out = [POSITIONS.index("inner")] * len(tok)
    for b, e in tok.sentences:
        out[e - 1] = POSITIONS.index("sent_end")
        before = tok.text[tok.offsets[b - 1][1]: tok.offsets[b][0]] if b > 0 else "\n"
        out[b] = POSITIONS.index("para_start" if "\n" in before else "sent_start")
    return out


def token_features(tok: Tokenized, cue_stems: frozenset) -> dict[str, list[int]]:
    """The categorical features of every token (see the module docstring)."""
    words = tok.words
    return {
        "shape": [shape(w) for w in words],
        "marks": mark_states(tok),
        "cue": [1 + (stem(w) in cue_stems) for w in words],
        "konj": [1 + konjunktiv(w) for w in words],
        "position": positions(tok),
    }


FEATURE_SIZES = {"shape": len(SHAPES), "marks": len(MARKS), "cue": 3, "konj": 4, "position": len(POSITIONS)}
