"""Shared fixtures. Corpus-backed tests read QUOTES_CORPORA and skip with a reason where it is unset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent


def corpora_root() -> Path | None:
    value = os.environ.get("QUOTES_CORPORA")
    return Path(value) if value else None


def corpus_path(*parts: str) -> Path:
    """A path inside QUOTES_CORPORA; skips the test with the reason when it is not there."""
    root = corpora_root()
    if root is None:
        pytest.skip("QUOTES_CORPORA is unset: point it at the gold corpora (e.g. ../shared/corpora) to run this test")
    path = root.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: QUOTES_CORPORA does not hold this corpus")
    return path


@pytest.fixture
def wikinews_dev() -> Path:
    return corpus_path("german-news-quotes-2024", "data", "dev")


@pytest.fixture
def wikinews_train() -> Path:
    return corpus_path("german-news-quotes-2024", "data", "train")


@pytest.fixture
def seeds_dir() -> Path:
    root = corpora_root()
    path = (root.parent / "seeds") if root else ROOT.parent / "shared" / "seeds"
    if not path.exists():
        pytest.skip(f"{path} is absent: the seed articles live next to the corpora (../shared/seeds)")
    return path
