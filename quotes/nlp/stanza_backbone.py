"""The ``stanza:DIR`` backbone: Stanza German models from a local directory, never the network.

The directory is what ``stanza.download("de", model_dir=DIR)`` (or ``quotes download-models stanza
--dir DIR``) writes: ``resources.json`` and ``de/<processor>/<package>.pt``. It is loaded with
``stanza.Pipeline("de", dir=DIR, download_method=None, ...)``.

Tokens and sentences come from the built-in backbone (spaCy's German tokenizer and the quote-aware
splitter); Stanza tags, lemmatizes and parses those tokens as given (``tokenize_pretokenized``), so
the ``Doc`` is over the original text and every offset stays exact. Multiword tokens (``zum``) are
not expanded: Stanza sees the surface token. Whitespace tokens get ``pos_`` ``SPACE`` and hang on
the nearest word of their sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError
from . import builtin  # noqa: F401  (registers the quotes_sentences component)

PROCESSORS = "tokenize,pos,lemma,depparse"
ASSIGNS = ["token.pos", "token.tag", "token.morph", "token.lemma", "token.dep", "token.head", "token.is_sent_start", "doc.sents"]


def install_hint(directory: Path) -> str:
    return f"install them with `quotes download-models stanza --dir {directory}` (needs a network)"


def check_directory(directory: str | Path) -> Path:
    """The model directory, or a ``ModelError`` that says what is missing and how to install it."""
    path = Path(directory).expanduser()
    if not str(directory):
        raise ModelError("the stanza backbone needs a model directory, e.g. stanza:~/stanza_resources")
    if not (path / "resources.json").is_file() or not (path / "de").is_dir():
        raise ModelError(f"no Stanza German models in {path} (resources.json and de/ are missing): {install_hint(path)}")
    return path


def load_stanza_pipeline(directory: str | Path):
    """The Stanza pipeline over pre-tokenized German text, from ``directory`` only."""
    path = check_directory(directory)
    try:
        import stanza
    except ImportError as e:  # pragma: no cover - stanza is a dependency
        raise ModelError("the stanza backbone needs the stanza package: pip install stanza") from e
    try:
        return stanza.Pipeline(
            "de",
            dir=str(path),
            processors=PROCESSORS,
            tokenize_pretokenized=True,
            download_method=None,
            logging_level="WARN",
        )
    except (OSError, ValueError, KeyError, RuntimeError) as e:
        raise ModelError(f"the Stanza German models in {path} do not load ({e}): {install_hint(path)}") from e


@dataclass(frozen=True)
class _Word:
    """Stanza's annotation of one spaCy token; ``head`` is a token index in the Doc."""

    pos: str
    tag: str
    morph: str
    lemma: str
    head: int
    dep: str


SPACE_WORD = dict(pos="SPACE", tag="_SP", morph="")


class StanzaAnnotator:
    """A spaCy component that copies Stanza's annotation onto the Doc's own tokens."""

    def __init__(self, directory: str):
        self.pipeline = load_stanza_pipeline(directory)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate(batch)
                batch = []
        if batch:
            yield from self._annotate(batch)

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        # One Stanza call for the sentences of all docs: its batching is per call.
        sentences = [[[t for t in sent if not t.is_space] for sent in doc.sents] if len(doc) else [] for doc in docs]
        words = [[t.text for t in s] for doc_sents in sentences for s in doc_sents if s]
        tagged = iter(self.pipeline(words).sentences if words else [])
        out = []
        for doc, doc_sents in zip(docs, sentences):
            if not len(doc):
                out.append(doc)
                continue
            rows: dict[int, _Word] = {}
            for sent in doc_sents:
                if not sent:
                    continue
                stanza_sent = next(tagged)
                if len(stanza_sent.words) != len(sent):
                    raise ModelError(f"Stanza returned {len(stanza_sent.words)} words for a sentence of {len(sent)} tokens")
                for tok, word in zip(sent, stanza_sent.words):
                    head = sent[word.head - 1].i if word.head else tok.i
                    dep = "ROOT" if word.deprel == "root" else (word.deprel or "dep")
                    rows[tok.i] = _Word(word.upos or "X", word.xpos or "", word.feats or "", word.lemma or tok.text, head, dep)
            out.append(_rebuild(doc, rows))
        return out


def _rebuild(doc: Doc, rows: dict[int, _Word]) -> Doc:
    """A Doc over the same tokens with the annotation in ``rows``; whitespace tokens hang on a word."""
    words: list[_Word] = []
    for sent in doc.sents:
        anchors = [t.i for t in sent if t.i in rows]
        for tok in sent:
            if tok.i in rows:
                words.append(rows[tok.i])
                continue
            before = [a for a in anchors if a < tok.i]
            head = before[-1] if before else (anchors[0] if anchors else sent.start)
            words.append(_Word(**SPACE_WORD, lemma=tok.text, head=head, dep="dep" if head != tok.i else "ROOT"))
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        pos=[w.pos for w in words],
        tags=[w.tag for w in words],
        morphs=[w.morph for w in words],
        lemmas=[w.lemma for w in words],
        heads=[w.head for w in words],
        deps=[w.dep for w in words],
    )


@Language.factory("quotes_stanza", assigns=ASSIGNS, default_config={"directory": ""})
def create_stanza_annotator(nlp: Language, name: str, directory: str) -> StanzaAnnotator:
    return StanzaAnnotator(directory)


@lru_cache(maxsize=4)
def make_stanza(directory: str = "") -> Language:
    """The ``stanza:DIR`` backbone: built-in tokens and sentences, Stanza's tags, lemmas and parse.

    >>> make_stanza("/no/such/dir")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    quotes.errors.ModelError: no Stanza German models in /no/such/dir ...
    """
    path = check_directory(directory)
    nlp = spacy.blank("de")
    nlp.add_pipe("quotes_sentences")
    nlp.add_pipe("quotes_stanza", config={"directory": str(path)})
    return nlp
