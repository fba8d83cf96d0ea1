"""Reading a speech verb's frame off a dependency parse: who speaks and what is said.

Works on the UD relations of ``builtin-parser`` and ``stanza:DIR`` and on the TIGER relations of
spaCy's German pipelines (``de_core_news_*``):

- the subject: ``nsubj``/``nsubj:pass``/``csubj`` (UD) or ``sb`` (TIGER), found on the verb or, for
  a participle under an auxiliary or modal (``hat … gesagt``, TIGER), on the verb it hangs from;
- the content: the clausal complement (``ccomp`` in UD, ``oc`` in TIGER), or, when the speech clause
  is inserted into or follows what was said (``Das sei gut, sagte er``: the verb is ``parataxis``
  or ``par`` of the content's head), the head's clause without the speech clause.

All spans are ``quotes.types.Span`` over ``doc.text``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..types import Span

SUBJECT = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass", "sb"})
COMPLEMENT = frozenset({"ccomp", "oc"})
INSERTED = frozenset({"parataxis", "par"})
# Relations along which a speech verb sits below the verb that carries the subject (TIGER: oc of an auxiliary).
CHAIN = frozenset({"oc", "xcomp"})
QUOTE_MARKS = frozenset("„“”»«‚‘’‹›\"'")


@dataclass(frozen=True)
class Frame:
    """A speech verb's subject and what was said, as the parse has them; either may be absent."""

    verb: Span
    subject: Span | None
    content: tuple[Span, ...]


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing from a participle to its auxiliary where needed.

    >>> from spacy.tokens import Doc; from spacy.vocab import Vocab
    >>> d = Doc(Vocab(), words=["Er", "hat", "gelogen"], heads=[1, 1, 1], deps=["sb", "ROOT", "oc"])
    >>> subject_of(d[2]).text
    'Er'
    """
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ in SUBJECT:
                return child
        if token.head is token or token.head.pos_ not in ("AUX", "VERB", ""):
            return None
        if token.dep_ == "conj":
            # "Die UN bestätigten den Vorfall, teilten aber mit, …": conjoined verbs share the subject.
            token = token.head
            continue
        if token.dep_ not in CHAIN:
            return None
        token = token.head
    return None


def _complement(verb: Token) -> tuple[Token, Token | None] | None:
    """The content's head and, when the speech clause sits inside it, the clause to leave out."""
    for child in verb.children:
        if child.dep_ in COMPLEMENT and child.pos_ != "AUX":
            return child, None
    if verb.dep_ in INSERTED and verb.head is not verb:
        return verb.head, verb
    return None


def _runs(tokens: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    for tok in tokens:
        if runs and tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return runs


def _trim(run: list[Token]) -> list[Token]:
    """Drop punctuation (other than quote marks) and whitespace at both ends of a run."""
    def loose(t: Token) -> bool:
        return t.is_space or (not any(c.isalnum() for c in t.text) and t.text not in QUOTE_MARKS)

    while run and loose(run[0]):
        run = run[1:]
    while run and loose(run[-1]):
        run = run[:-1]
    return run


def content_of(verb: Token) -> tuple[Span, ...]:
    """The spans of what was said, or ``()`` when the parse shows no complement.

    >>> from spacy.tokens import Doc; from spacy.vocab import Vocab
    >>> w = ["Das", "sei", "gut", ",", "sagte", "er", "."]
    >>> d = Doc(Vocab(), words=w, spaces=[1, 1, 0, 1, 1, 0, 0], heads=[1, 1, 1, 4, 1, 4, 1],
    ...         deps=["nsubj", "ROOT", "xcomp", "punct", "parataxis", "nsubj", "punct"])
    >>> [s.text for s in content_of(d[4])]
    ['Das sei gut']
    """
    found = _complement(verb)
    if found is None:
        return ()
    head, leave_out = found
    skip = {t.i for t in leave_out.subtree} if leave_out is not None else set()
    tokens = [t for t in head.subtree if t.i not in skip]
    text = verb.doc.text
    spans = []
    for run in _runs(tokens):
        run = _trim(run)
        if run:
            spans.append(Span.of(text, run[0].idx, run[-1].idx + len(run[-1].text)))
    return tuple(spans)


def subtree_span(token: Token) -> Span:
    """The characters of ``token``'s subtree, from its left to its right edge."""
    left, right = token.left_edge, token.right_edge
    return Span.of(token.doc.text, left.idx, right.idx + len(right.text))


def speech_frame(verb: Token) -> Frame:
    """Subject and content of the speech verb ``verb``, read off the parse.

    >>> from spacy.tokens import Doc; from spacy.vocab import Vocab
    >>> w = ["Der", "Minister", "sagte", ",", "er", "komme", "."]
    >>> d = Doc(Vocab(), words=w, spaces=[1, 1, 0, 1, 1, 0, 0], heads=[1, 2, 2, 5, 5, 2, 2],
    ...         deps=["det", "nsubj", "ROOT", "punct", "nsubj", "ccomp", "punct"])
    >>> f = speech_frame(d[2])
    >>> f.subject.text, [s.text for s in f.content]
    ('Der Minister', ['er komme'])
    """
    text = verb.doc.text
    subject = subject_of(verb)
    return Frame(
        verb=Span.of(text, verb.idx, verb.idx + len(verb.text)),
        subject=subtree_span(subject) if subject is not None else None,
        content=content_of(verb),
    )


def is_subjunctive(verb: Token) -> bool:
    """Konjunktiv: ``Mood=Sub`` on the verb or on one of its auxiliaries.

    >>> from spacy.tokens import Doc; from spacy.vocab import Vocab
    >>> d = Doc(Vocab(), words=["er", "sei", "da"], morphs=["", "Mood=Sub|VerbForm=Fin", ""])
    >>> is_subjunctive(d[1]), is_subjunctive(d[0])
    (True, False)
    """
    if "Sub" in verb.morph.get("Mood"):
        return True
    return any("Sub" in c.morph.get("Mood") for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop"))


def has_parse(doc: Doc) -> bool:
    """Whether ``doc`` carries dependencies (a backbone with a parser made it)."""
    return doc.has_annotation("DEP")
