"""The built-in parser: a small German spaCy pipeline that ships with the package.

``builtin-parser`` is the built-in backbone plus a tagger (STTS ``tag_``), a morphologizer (UPOS
``pos_`` and ``morph`` with ``Mood=Sub`` for Konjunktiv), a lemmatizer (``lemma_``) and a
dependency parser (UD relations in ``dep_``, the root as ``ROOT``). It was trained on part of
UD German GSD + PUD (license CC BY-SA 4.0, see ``quotes/models/de_ud_parser/LICENSE.md``);
``python eval/backbones/train_parser.py`` trains it again, ``eval/backbones/evaluate.py``
scores it on the held-out part.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from ..errors import ModelError
from .spacy_backbone import load_spacy_pipeline

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "de_ud_parser"


@lru_cache(maxsize=None)
def make_builtin_parser() -> Language:
    """The ``builtin-parser`` backbone (shared, loaded once).

    >>> doc = make_builtin_parser()("Er sagte, er komme morgen.")
    >>> doc.has_annotation("DEP") and doc.has_annotation("MORPH")
    True
    """
    if not (MODEL_DIR / "config.cfg").is_file():
        raise ModelError(
            f"the built-in parser is missing from this installation ({MODEL_DIR}): reinstall quotes, "
            "or train it again with `python eval/backbones/train_parser.py` from the source tree"
        )
    return load_spacy_pipeline(MODEL_DIR)
