"""Fetching pretrained models for the ``spacy:`` and ``stanza:`` backbones: the one place that
uses the network. Nothing else in the package downloads anything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .errors import ModelError

DEFAULT_SPACY = ("de_core_news_lg",)
DEFAULT_STANZA_DIR = Path("~/stanza_resources")
STANZA_PROCESSORS = "tokenize,pos,lemma,depparse"
SOURCES = ("spacy", "stanza")


@dataclass(frozen=True)
class Download:
    """One download: a description, the command that does it, and the backbone spec to use after."""

    what: str
    argv: tuple[str, ...]
    spec: str


def plan_downloads(source: str, names: Sequence[str] = (), directory: str | Path | None = None) -> list[Download]:
    """The downloads for ``source`` (``spacy`` or ``stanza``), without running them.

    spaCy pipelines by package name (default ``de_core_news_lg``); Stanza's German models into
    ``directory`` (default ``~/stanza_resources``).

    >>> [d.spec for d in plan_downloads("spacy", ["de_core_news_md"])]
    ['spacy:de_core_news_md']
    >>> plan_downloads("spacy", ["de_core_news_md"])[0].argv[1:]
    ('-m', 'spacy', 'download', 'de_core_news_md')
    """
    if source == "spacy":
        if directory is not None:
            raise ModelError("--dir is for stanza; spaCy installs its pipelines as Python packages")
        return [
            Download(f"spaCy pipeline {name}", (sys.executable, "-m", "spacy", "download", name), f"spacy:{name}")
            for name in (names or DEFAULT_SPACY)
        ]
    if source == "stanza":
        if names:
            raise ModelError("stanza takes no names: it fetches the default German package; give --dir")
        target = Path(directory or DEFAULT_STANZA_DIR).expanduser()
        code = f"import stanza; stanza.download(\"de\", model_dir={json.dumps(str(target))}, processors=\"{STANZA_PROCESSORS}\")"
        return [Download(f"Stanza German models into {target}", (sys.executable, "-c", code), f"stanza:{target}")]
    raise ModelError(f"unknown model source {source!r}; expected one of {', '.join(SOURCES)}")


@dataclass(frozen=True)
class DownloadResult:
    download: Download
    ok: bool
    returncode: int


def run_downloads(downloads: Sequence[Download], runner: Callable[..., subprocess.CompletedProcess] | None = None) -> list[DownloadResult]:
    """Run each download (with ``subprocess.run`` unless ``runner`` is given); a failed one does
    not stop the others."""
    runner = runner or subprocess.run
    results = []
    for d in downloads:
        code = runner(list(d.argv)).returncode
        results.append(DownloadResult(d, code == 0, code))
    return results
