"""Linguistic backbones: what turns a text into an annotated spaCy ``Doc`` for the extractors.

A backbone is named by a spec: ``builtin`` (offline, ships with the package), ``spacy:NAME_OR_PATH``
(an installed spaCy pipeline or a directory) or ``stanza:DIR`` (Stanza models in a local directory).
"""

from __future__ import annotations

from ..registry import backbones, get_backbone_factory
from .builtin import make_builtin


@backbones.register("builtin.v1")
def builtin_backbone():
    return make_builtin()


def load_backbone(spec: str = "builtin"):
    """Load a backbone by its spec; ``NAME:ARG`` passes ARG to the factory registered as NAME.

    >>> load_backbone("builtin").lang
    'de'
    """
    name, _, arg = spec.partition(":")
    factory = get_backbone_factory(name)
    return factory(arg) if arg else factory()
