"""The built-in German backbone: works offline from what installs with the package.

spaCy's blank German tokenizer plus a quote-aware sentence splitter: a closing quote mark after
a full stop stays with its sentence, an opening one starts the next, a number with its full stop
ends a sentence before an article or pronoun ("Typ MI-17. Der …", not "am 17. Dezember"), and a
line break always ends a sentence (headlines and list items carry no full stop). With ``morphology=True`` it also sets
lemmas (simplemma) and marks Konjunktiv verbs in ``Token.morph`` as UD does: ``Mood=Sub|Tense=Pres``
for Konjunktiv I (``gebe``, ``sei``), ``Mood=Sub|Tense=Past`` for Konjunktiv II (``gäbe``, ``hätte``).
"""

from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.attrs import LEMMA, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import german

OPENING = frozenset("„»‚‹")
CLOSING = frozenset("“”«‘’›")
AMBIGUOUS = frozenset("\"'")
QUOTE_MARKS = OPENING | CLOSING | AMBIGUOUS
SENTENCE_END = frozenset({".", "!", "?", "…", "?!", "!?", "...", "!!"})


def _is_closing(doc: Doc, i: int) -> bool:
    """A quote mark that closes: a closing mark, or a straight one glued to the word before."""
    tok = doc[i]
    if tok.text in CLOSING:
        return True
    if tok.text in AMBIGUOUS:
        return i > 0 and not doc[i - 1].whitespace_ and (i + 1 == len(doc) or bool(tok.whitespace_) or not doc[i + 1].is_alpha)
    return False


# Words that open a sentence and follow no ordinal number: articles, determiners, pronouns.
_OPENING_WORDS = german.DETERMINERS | german.PERSONAL_PRONOUNS


def _ordinal_before_article(doc: Doc, i: int) -> bool:
    """A number with its full stop as one token before an article or pronoun: the sentence ends
    there ("vom Typ MI-17. Der Hubschrauber …"), where "am 17. Dezember" goes on."""
    tok = doc[i]
    if len(tok.text) < 2 or not tok.text.endswith(".") or not tok.text[-2].isdigit() or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1].text
    return nxt[:1].isupper() and nxt.lower() in _OPENING_WORDS


@Language.component("quotes_sentences")
def quote_aware_sentences(doc: Doc) -> Doc:
    """Set sentence starts; see the module docstring for the rules."""
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    starts[0] = True
    i = 0
    while i < n:
        tok = doc[i]
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            j = i + 1
        elif tok.text in SENTENCE_END or _ordinal_before_article(doc, i):
            j = i + 1
            while j < n and (doc[j].text in SENTENCE_END or doc[j].text == ")" or _is_closing(doc, j)):
                j += 1
            # Not a boundary before a lower-case word ("Nr. drei") or a comma („Gut.“, sagte er);
            # whitespace stays behind.
            while j < n and doc[j].is_space:
                j += 1
            if j < n and (doc[j].text[:1].islower() or doc[j].text in (",", ";")):
                i = j
                continue
        else:
            i += 1
            continue
        while j < n and doc[j].is_space:
            j += 1
        if j < n:
            starts[j] = True
        i = max(j, i + 1)
    # One array write: setting Token.is_sent_start one by one is quadratic in spaCy.
    doc.from_array([SENT_START], numpy.array([[1 if s else -1] for s in starts], dtype="int32").reshape(n, 1).astype("uint64"))
    return doc


KONJUNKTIV_MORPH = {"I": "Mood=Sub|Tense=Pres", "II": "Mood=Sub|Tense=Past"}


@Language.component("quotes_morphology")
def german_morphology(doc: Doc) -> Doc:
    """Set lemmas and mark Konjunktiv I/II verb forms (see the module docstring)."""
    if len(doc) == 0:
        return doc
    strings = doc.vocab.strings
    words = [t.text for t in doc]
    doc.from_array([LEMMA], numpy.array([strings.add(german.lemma(w)) for w in words], dtype="uint64").reshape(-1, 1))
    for i, w in enumerate(words):
        m = german.mood(w)
        if m is not None:
            doc[i].set_morph(KONJUNKTIV_MORPH[m])
    return doc


@lru_cache(maxsize=None)
def make_builtin(morphology: bool = False) -> Language:
    """The built-in backbone as a spaCy pipeline (shared, built once per setting).

    >>> [s.text for s in make_builtin()("Er sagte: „Gut.“ Dann ging er.").sents]
    ['Er sagte: „Gut.“', 'Dann ging er.']
    >>> [(t.lemma_, str(t.morph)) for t in make_builtin(morphology=True)("sie hätten")]
    [('sie', ''), ('haben', 'Mood=Sub|Tense=Past')]
    """
    nlp = spacy.blank("de")
    # No parser or tagger here, so memory stays linear: long texts are fine.
    nlp.max_length = 100_000_000
    nlp.add_pipe("quotes_sentences")
    if morphology:
        nlp.add_pipe("quotes_morphology")
    return nlp


def tokenize_offsets(text: str) -> tuple[list[tuple[int, int]], list[list[int]]]:
    """Token character offsets (whitespace tokens left out) and sentences as token ranges."""
    doc = make_builtin()(text)
    tokens: list[tuple[int, int]] = []
    sentences: list[list[int]] = []
    for sent in doc.sents:
        begin = len(tokens)
        for tok in sent:
            if not tok.is_space:
                tokens.append((tok.idx, tok.idx + len(tok.text)))
        if len(tokens) > begin:
            sentences.append([begin, len(tokens)])
    return tokens, sentences
