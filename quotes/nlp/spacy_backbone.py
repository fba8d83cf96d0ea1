"""Backbones from spaCy pipelines: an installed package (``de_core_news_lg``) or a directory.

The pipeline runs as it is, with one addition: the quote-aware sentence splitter of the built-in
backbone goes first, so every backbone cuts sentences the same way (a parser keeps sentence
starts that are already set and parses within them).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from ..errors import ModelError
from . import builtin  # noqa: F401  (registers the quotes_sentences component)

SENTENCES = "quotes_sentences"


def install_hint(name: str) -> str:
    return (
        f"install it with `quotes download-models spacy {name}` (which runs `python -m spacy download {name}`; "
        "needs a network), or give the path of a pipeline directory written by `nlp.to_disk()`"
    )


def with_quote_sentences(nlp: Language) -> Language:
    """Put the quote-aware sentence splitter first in ``nlp`` (once)."""
    if SENTENCES not in nlp.pipe_names:
        nlp.add_pipe(SENTENCES, first=True)
    return nlp


def load_spacy_pipeline(name_or_path: str | Path) -> Language:
    """An installed spaCy pipeline or a pipeline directory, with quote-aware sentences.

    A name or path that does not load raises ``ModelError`` saying how to install it.

    >>> load_spacy_pipeline("de_no_such_pipeline")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    quotes.errors.ModelError: spaCy pipeline 'de_no_such_pipeline' is not installed: install it with ...
    """
    name = str(name_or_path)
    if not name:
        raise ModelError("the spacy backbone needs a pipeline name or directory, e.g. spacy:de_core_news_lg")
    path = Path(name).expanduser()
    looks_like_path = path.exists() or "/" in name or "\\" in name
    if looks_like_path and not (path / "config.cfg").is_file():
        raise ModelError(f"no spaCy pipeline in {path}: a pipeline directory holds config.cfg and meta.json (written by `nlp.to_disk()`)")
    try:
        nlp = spacy.load(path if looks_like_path else name)
    except (OSError, IOError) as e:
        if looks_like_path:
            raise ModelError(f"the spaCy pipeline in {path} does not load: {e}") from e
        raise ModelError(f"spaCy pipeline {name!r} is not installed: {install_hint(name)}") from e
    except ValueError as e:  # e.g. a component whose factory is not installed
        raise ModelError(f"the spaCy pipeline {name!r} does not load: {e}") from e
    return with_quote_sentences(nlp)


@lru_cache(maxsize=8)
def make_spacy(name_or_path: str = "") -> Language:
    """The ``spacy:NAME_OR_PATH`` backbone, loaded once per name."""
    return load_spacy_pipeline(name_or_path)
