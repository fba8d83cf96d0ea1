"""A flat, read-only view of an annotated spaCy ``Doc`` for the rules: words, offsets, lemmas,
Konjunktiv, sentences and paragraphs, with whitespace tokens left out.

Lemmas and moods come from the rules' own word lists (:mod:`quotes.nlp.german`), computed
lazily, on every backbone: a tagger's lemmas and moods cost the rules more than they gained
(``eval/backbones/ablation.md``). A backbone's ``Mood=Sub`` is an extra signal for the forms the
lists cannot decide (``backbone_mood="extra"``); ``backbone_lemmas=True`` and
``backbone_mood="replace"`` hand lemmas and moods over to the backbone where it sets them.
"""

from __future__ import annotations

from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, MORPH, SENT_START

from ...nlp import german


class TokenView:
    """Token ``i`` of the view: ``words[i]`` at ``starts[i]:ends[i]`` of ``text``.

    ``units`` are sentences as ``(begin, end)`` token ranges; ``line_break[i]`` says a line
    break follows token ``i``. ``doc_index[i]`` is the token's index in the spaCy ``Doc``.

    >>> from quotes.nlp.builtin import make_builtin
    >>> v = TokenView(make_builtin()("Er sagte, es gehe.\\nNeu."))
    >>> v.words, v.units, v.mood(4)
    (['Er', 'sagte', ',', 'es', 'gehe', '.', 'Neu', '.'], [(0, 6), (6, 8)], 'I')
    """

    def __init__(self, doc, backbone_lemmas: bool = False, backbone_mood: str = "off") -> None:
        self.doc = doc
        self.text: str = doc.text
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.doc_index: list[int] = []
        self.line_break: list[bool] = []
        sent_starts: list[bool] = []
        self._lemmas: list | None = None
        self._moods: list | None = None
        self._has_dep: bool | None = None
        # Arrays and string slices instead of Token objects: this runs on every token.
        arr = doc.to_array([IDX, LENGTH, IS_SPACE, SENT_START, LEMMA, MORPH]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        lemmas, morphs = [], []
        text = self.text
        pending_start = True
        for i, (idx, length, is_space, sent_start, lemma, morph) in enumerate(arr):
            w = text[idx:idx + length]
            if is_space:
                if "\n" in w and self.line_break:
                    self.line_break[-1] = True
                pending_start = pending_start or sent_start == 1
                continue
            self.words.append(w)
            self.starts.append(idx)
            self.ends.append(idx + length)
            self.doc_index.append(i)
            self.line_break.append(False)
            sent_starts.append(pending_start or sent_start == 1)
            pending_start = False
            lemmas.append(lemma)
            morphs.append(morph)
        # Lemmas and moods of the backbone, where it sets them (a tagger, the morphology component).
        if backbone_lemmas and any(lemmas):
            self._lemmas = [strings[h].lower() if h else None for h in lemmas]
        if backbone_mood not in MOOD_MODES:
            raise ValueError(f"backbone_mood must be one of {', '.join(MOOD_MODES)}, not {backbone_mood!r}")
        self._mood_mode = backbone_mood
        if backbone_mood != "off" and any(morphs):
            self._moods = [_mood_of(strings[h]) if h else None for h in morphs]
        self.n = len(self.words)
        self.lower = [w.lower() for w in self.words]
        self.units: list[tuple[int, int]] = []
        begin = 0
        for i in range(1, self.n + 1):
            if i == self.n or sent_starts[i] or self.line_break[i - 1]:
                if i > begin:
                    self.units.append((begin, i))
                begin = i
        self.unit_of = [0] * self.n
        for k, (b, e) in enumerate(self.units):
            for i in range(b, e):
                self.unit_of[i] = k

    def lemma(self, i: int) -> str:
        if self._lemmas is not None and self._lemmas[i]:
            return self._lemmas[i]
        return german.lemma(self.words[i])

    def mood(self, i: int) -> str | None:
        if self._moods is None:
            return german.mood(self.words[i])
        if self._mood_mode == "replace":
            return self._moods[i]
        # "extra": the lists decide; the backbone adds the forms they leave open (a plural
        # Konjunktiv I that looks indicative is left to the lists' callers, not to the tagger).
        return german.mood(self.words[i]) or self._moods[i]

    def is_cap(self, i: int) -> bool:
        w = self.words[i]
        return bool(w) and w[0].isupper()

    def glued_left(self, i: int) -> bool:
        """No whitespace between token ``i - 1`` and token ``i``."""
        return i > 0 and self.ends[i - 1] == self.starts[i]

    def glued_right(self, i: int) -> bool:
        return i + 1 < self.n and self.ends[i] == self.starts[i + 1]

    def has_dependencies(self) -> bool:
        if self._has_dep is None:
            # Cached: Doc.has_annotation scans the whole document.
            self._has_dep = bool(self.doc.has_annotation("DEP"))
        return self._has_dep

    def span_chars(self, b: int, e: int) -> tuple[int, int]:
        """Character offsets of tokens ``[b, e)``."""
        return self.starts[b], self.ends[e - 1]


MOOD_MODES = ("off", "extra", "replace")


def _mood_of(feats: str) -> str | None:
    """Konjunktiv I/II from UD features: ``Mood=Sub`` with ``Tense=Past`` is Konjunktiv II."""
    if "Mood=Sub" not in feats:
        return None
    return "II" if "Tense=Past" in feats else "I"
