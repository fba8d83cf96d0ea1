"""Registries of named factories: extractors and linguistic backbones.

Factories are registered under versioned names (``rules.v1``); the plain name (``rules``) points at
the current version. ``get_extractor("rules", backbone="builtin")`` builds one with its settings.
"""

from __future__ import annotations

import importlib

import catalogue

from .errors import QuotesError

extractors = catalogue.create("quotes", "extractors", entry_points=True)
backbones = catalogue.create("quotes", "backbones", entry_points=True)
# File formats by name: a reader maps a path to an iterator of Documents, a writer writes
# Documents to a path. ``quotes convert`` and ``quotes eval`` look formats up here.
readers = catalogue.create("quotes", "readers", entry_points=True)
writers = catalogue.create("quotes", "writers", entry_points=True)

# Modules whose import registers the built-in factories.
_BUILTIN_MODULES = ("quotes.extractors", "quotes.nlp", "quotes.formats")


def _load_builtins() -> None:
    for module in _BUILTIN_MODULES:
        importlib.import_module(module)


def _resolve(registry, kind: str, name: str):
    _load_builtins()
    names = registry.get_all()
    if name in names:
        return names[name]
    versions = sorted((n for n in names if n.startswith(name + ".v")), key=lambda n: int(n.rsplit("v", 1)[1]))
    if versions:
        return names[versions[-1]]
    raise QuotesError(f"unknown {kind} {name!r}; registered: {', '.join(sorted(names))}")


def get_extractor(name: str, **settings):
    """Build a registered extractor by name, with its settings.

    >>> get_extractor("quote-marks").name
    'quote-marks'
    """
    factory = _resolve(extractors, "extractor", name)
    return factory(**settings)


def extractor_names() -> list[str]:
    _load_builtins()
    return sorted(extractors.get_all())


def get_backbone_factory(name: str):
    return _resolve(backbones, "backbone", name)
