"""Linguistic backbones: what turns a text into an annotated spaCy ``Doc`` for the extractors.

A backbone is named by a spec and loaded with ``load_backbone(spec)``; every backbone is a spaCy
``Language``: ``nlp(text)`` gives a ``Doc`` over the original text (``doc.text == text``, so
``token.idx`` is a character offset), ``nlp.pipe(texts)`` a stream. All of them cut sentences with
the quote-aware splitter of the built-in backbone.

==========================  =====================================================================
spec                        what the ``Doc`` carries
==========================  =====================================================================
``builtin``                 tokens and sentences (offline, ships with the package)
``builtin-parser``          plus ``lemma_``, ``pos_`` (UPOS), ``tag_`` (STTS), ``morph`` (with
                            ``Mood=Sub``), ``dep_``/``head`` (UD relations); ships with the package
``spacy:NAME_OR_PATH``      an installed spaCy pipeline (``spacy:de_core_news_lg``: TIGER
                            relations) or a pipeline directory; whatever it annotates
``stanza:DIR``              Stanza German models in a local directory: built-in tokens, Stanza's
                            UPOS, XPOS, features, lemmas and UD relations
==========================  =====================================================================

``annotations(nlp)`` says which layers a backbone fills, so an extractor can use dependencies
where a parser is present; ``quotes.nlp.syntax`` reads subjects and clausal complements off a
parse in either relation scheme. A missing model raises ``quotes.errors.ModelError`` with the way
to install it; ``quotes download-models`` fetches models for users with a network.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from ..errors import ModelError
from ..registry import backbones, get_backbone_factory
from .builtin import make_builtin
from .parser import make_builtin_parser
from .spacy_backbone import make_spacy
from .stanza_backbone import make_stanza

DEFAULT_BACKBONE = "builtin"


@backbones.register("builtin.v1")
def builtin_backbone(arg: str = ""):
    if arg:
        raise ModelError(f"the builtin backbone takes no argument (got builtin:{arg}); the built-in parser is 'builtin-parser'")
    return make_builtin()


@backbones.register("builtin-parser.v1")
def builtin_parser_backbone(arg: str = ""):
    if arg:
        raise ModelError(f"the builtin-parser backbone takes no argument (got builtin-parser:{arg})")
    return make_builtin_parser()


@backbones.register("spacy.v1")
def spacy_backbone(name_or_path: str = ""):
    return make_spacy(name_or_path)


@backbones.register("stanza.v1")
def stanza_backbone(directory: str = ""):
    return make_stanza(directory)


def load_backbone(spec: str | Language = DEFAULT_BACKBONE):
    """Load a backbone by its spec; ``NAME:ARG`` passes ARG to the factory registered as NAME.
    A ``Language`` passes through unchanged.

    >>> load_backbone("builtin").lang
    'de'
    """
    if isinstance(spec, Language):
        return spec
    name, _, arg = spec.partition(":")
    factory = get_backbone_factory(name)
    return factory(arg) if arg else factory()


@dataclass(frozen=True)
class Annotations:
    """Which layers a backbone fills beyond tokens and sentences."""

    lemma: bool
    pos: bool
    tag: bool
    morph: bool
    dep: bool


def annotations(nlp: Language) -> Annotations:
    """The layers that the components of ``nlp`` assign.

    >>> annotations(load_backbone("builtin")).dep
    False
    >>> annotations(load_backbone("builtin-parser")).dep
    True
    """
    assigns = {a for name in nlp.pipe_names for a in nlp.get_pipe_meta(name).assigns}
    return Annotations(
        lemma="token.lemma" in assigns,
        pos="token.pos" in assigns,
        tag="token.tag" in assigns,
        morph="token.morph" in assigns,
        dep="token.dep" in assigns,
    )
