"""Saving and loading models: a folder with ``config.json``, ``vocab.json`` and ``weights.pt``.

The shipped model and a model trained with ``quotes train`` load the same way. A folder that is
missing, incomplete or corrupt raises ``ModelError`` naming the folder, the file and the problem.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch

from ..errors import ModelError
from .data import Vocab
from .net import NetConfig, QuoteNet
from .predict import QuoteModel

FORMAT = "quotes-bilstm/1"
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODEL = MODELS_DIR / "de-news-v1"
FILES = ("config.json", "vocab.json", "weights.pt")


def save_model(model: QuoteModel, path: str | Path) -> Path:
    """Write a model folder (created if needed); returns its path."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    meta = {**model.meta, "format": FORMAT, "net": model.net.cfg.as_dict()}
    (path / "config.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (path / "vocab.json").write_text(json.dumps(model.vocab.as_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    state = {k: v.detach().to(torch.float16) if v.is_floating_point() else v for k, v in model.net.state_dict().items()}
    torch.save(state, path / "weights.pt")
    return path


def _read_json(path: Path) -> dict:
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelError(f"model {path.parent}: cannot read {path.name}: {e}") from None
    if not isinstance(obj, dict):
        raise ModelError(f"model {path.parent}: {path.name} is not a JSON object")
    return obj


def load_model(path: str | Path | None = None) -> QuoteModel:
    """Load a model folder; without a path, the shipped model.

    >>> load_model("/nonexistent")
    Traceback (most recent call last):
    ...
    quotes.errors.ModelError: no model at /nonexistent: the folder does not exist (train one with `quotes train`)
    """
    path = Path(path) if path is not None else DEFAULT_MODEL
    if not path.is_dir():
        raise ModelError(f"no model at {path}: the folder does not exist (train one with `quotes train`)")
    missing = [f for f in FILES if not (path / f).is_file()]
    if missing:
        raise ModelError(f"model {path} is incomplete: missing {', '.join(missing)}")
    meta = _read_json(path / "config.json")
    if meta.get("format") != FORMAT:
        raise ModelError(f"model {path}: config.json has format {meta.get('format')!r}, expected {FORMAT!r}")
    voc = _read_json(path / "vocab.json")
    try:
        vocab = Vocab(words=tuple(voc["words"]), chars=tuple(voc["chars"]), cue_stems=tuple(voc["cue_stems"]))
        net = QuoteNet(NetConfig(**meta["net"]))
    except (KeyError, TypeError, ValueError) as e:
        raise ModelError(f"model {path}: config.json or vocab.json is malformed: {e!r}") from None
    try:
        state = torch.load(path / "weights.pt", map_location="cpu", weights_only=True)
    except Exception as e:  # torch raises many kinds on a damaged file
        raise ModelError(f"model {path}: weights.pt cannot be loaded (corrupt or not a weights file): {e}") from None
    try:
        net.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in state.items()})
    except (RuntimeError, AttributeError, TypeError) as e:
        raise ModelError(f"model {path}: weights.pt does not fit config.json: {str(e).splitlines()[0]}") from None
    return QuoteModel(net, vocab, meta)
