"""Examples as padded tensors for the network."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy
import torch

from .data import Example, Vocab
from .features import FEATURE_SIZES
from .tags import LAYERS

MAX_WORD_CHARS = 20
IGNORE = -100


@dataclass
class Batch:
    examples: Sequence[Example]
    words: torch.Tensor
    chars: torch.Tensor
    char_index: torch.Tensor
    features: dict[str, torch.Tensor]
    lengths: torch.Tensor
    tags: dict[str, torch.Tensor]

    def inputs(self, device: str | torch.device = "cpu") -> dict:
        return {"words": self.words.to(device), "chars": self.chars.to(device), "char_index": self.char_index.to(device),
                "features": {k: v.to(device) for k, v in self.features.items()}, "lengths": self.lengths}


def make_batch(examples: Sequence[Example], vocab: Vocab, word_dropout: float = 0.0, rng: numpy.random.Generator | None = None) -> Batch:
    """Pad a list of examples; ``word_dropout`` replaces that share of known words by the unknown word."""
    lengths = [max(len(ex.tok), 1) for ex in examples]
    b, t = len(examples), max(lengths)
    words = numpy.zeros((b, t), dtype=numpy.int64)
    char_index = numpy.zeros((b, t), dtype=numpy.int64)
    features = {k: numpy.zeros((b, t), dtype=numpy.int64) for k in FEATURE_SIZES}
    tags = {layer: numpy.full((b, t), IGNORE, dtype=numpy.int64) for layer in LAYERS}
    spellings: dict[str, int] = {"": 0}
    for i, ex in enumerate(examples):
        ws = ex.tok.words
        n = len(ws)
        words[i, :n] = [vocab.word_id(w) for w in ws]
        char_index[i, :n] = [spellings.setdefault(w, len(spellings)) for w in ws]
        for k in FEATURE_SIZES:
            features[k][i, :n] = ex.features[k]
        for layer, tag in ex.tags.items():
            tags[layer][i, :n] = tag
    if word_dropout and rng is not None:
        drop = (rng.random(words.shape) < word_dropout) & (words > 1)
        words[drop] = 1
    chars = numpy.zeros((len(spellings), MAX_WORD_CHARS), dtype=numpy.int64)
    for w, k in spellings.items():
        ids = vocab.char_ids(w, MAX_WORD_CHARS)
        chars[k, :len(ids)] = ids
    return Batch(
        examples=examples,
        words=torch.from_numpy(words),
        chars=torch.from_numpy(chars),
        char_index=torch.from_numpy(char_index),
        features={k: torch.from_numpy(v) for k, v in features.items()},
        lengths=torch.tensor(lengths, dtype=torch.long),
        tags={layer: torch.from_numpy(v) for layer, v in tags.items() if (v != IGNORE).any()},
    )
