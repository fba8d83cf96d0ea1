"""The network: a BiLSTM over whole documents with tag heads per layer and a role linker.

Each token is its word embedding, a character CNN over its spelling and embeddings of the
categorical features of ``features.py``. A two-layer BiLSTM reads the whole document (quotes and
their speakers are often sentences apart). One linear head per tag layer gives tag scores. The
linker scores, for a quote and a role, each candidate mention of that role nearby and "none": a
small MLP over the two mentions' representations and features of where they stand.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from .features import FEATURE_SIZES
from .tags import LAYERS, LINK_ROLES, tag_names

# Where a candidate mention stands relative to the quote: signed token distance buckets, sentence
# distance, inside the quote's extent, quotes and same-role mentions in between, and whether it fills
# the same role for the quote before, and whether it lies inside the frame chosen for the quote.
DIST_EDGES = (0, 1, 2, 4, 8, 16, 32, 64, 128)
N_DIST = 2 * len(DIST_EDGES) + 1
SENT_MIN, SENT_MAX = -6, 3
PAIR_FEATURES = {"dist": N_DIST, "sent": SENT_MAX - SENT_MIN + 1, "inside": 3, "quotes_between": 4,
                 "mentions_between": 4, "previous": 2, "in_frame": 3}


@dataclass(frozen=True)
class NetConfig:
    """Sizes of the network."""

    n_words: int
    n_chars: int
    word_dim: int = 100
    char_dim: int = 24
    char_filters: int = 50
    feature_dim: int = 8
    hidden: int = 128
    layers: int = 2
    span_dim: int = 128
    pair_feature_dim: int = 16
    dropout: float = 0.3
    link_in_frame: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


class QuoteNet(nn.Module):
    def __init__(self, cfg: NetConfig):
        super().__init__()
        self.cfg = cfg
        self.words = nn.Embedding(cfg.n_words, cfg.word_dim, padding_idx=0)
        self.chars = nn.Embedding(cfg.n_chars, cfg.char_dim, padding_idx=0)
        self.char_cnn = nn.Conv1d(cfg.char_dim, cfg.char_filters, kernel_size=3, padding=1)
        self.features = nn.ModuleDict({k: nn.Embedding(n, cfg.feature_dim) for k, n in FEATURE_SIZES.items()})
        n_in = cfg.word_dim + cfg.char_filters + cfg.feature_dim * len(FEATURE_SIZES)
        self.lstm = nn.LSTM(n_in, cfg.hidden, num_layers=cfg.layers, bidirectional=True, batch_first=True,
                            dropout=cfg.dropout if cfg.layers > 1 else 0.0)
        self.drop = nn.Dropout(cfg.dropout)
        h = 2 * cfg.hidden
        self.heads = nn.ModuleDict({layer: nn.Linear(h, len(tag_names(layer))) for layer in LAYERS})
        self.span = nn.Sequential(nn.Linear(3 * h, cfg.span_dim), nn.Tanh())
        # Without in-frame linking the in_frame feature is constant, so the net leaves it out.
        self.pair_keys = tuple(k for k in PAIR_FEATURES if k != "in_frame" or cfg.link_in_frame)
        self.pair_features = nn.ModuleDict({k: nn.Embedding(PAIR_FEATURES[k], cfg.pair_feature_dim) for k in self.pair_keys})
        pair_in = 3 * cfg.span_dim + cfg.pair_feature_dim * len(self.pair_keys)
        self.link = nn.ModuleDict({
            r: nn.Sequential(nn.Linear(pair_in, cfg.span_dim), nn.ReLU(), nn.Linear(cfg.span_dim, 1)) for r in LINK_ROLES
        })
        self.null = nn.ModuleDict({r: nn.Linear(cfg.span_dim, 1) for r in LINK_ROLES})

    def encode(self, words: torch.Tensor, chars: torch.Tensor, char_index: torch.Tensor,
               features: dict[str, torch.Tensor], lengths: torch.Tensor) -> torch.Tensor:
        """Token states ``(batch, tokens, 2 * hidden)``.

        ``chars`` holds the character ids of the batch's distinct spellings ``(types, max_len)``;
        ``char_index`` maps each token to its spelling.
        """
        c = self.chars(chars).transpose(1, 2)
        c = torch.relu(self.char_cnn(c)).max(dim=2).values
        parts = [self.words(words), c[char_index]] + [self.features[k](features[k]) for k in FEATURE_SIZES]
        x = self.drop(torch.cat(parts, dim=-1))
        packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
        return self.drop(out)

    def tag_scores(self, states: torch.Tensor) -> dict[str, torch.Tensor]:
        return {layer: head(states) for layer, head in self.heads.items()}

    def spans(self, states: torch.Tensor, weights: torch.Tensor, first: torch.Tensor, last: torch.Tensor) -> torch.Tensor:
        """Mention representations from one document's states ``(tokens, 2h)``: the first and last
        token's states and the mean over the mention's tokens (``weights``: ``(mentions, tokens)``)."""
        mean = weights @ states
        return self.span(torch.cat([states[first], states[last], mean], dim=-1))

    def link_scores(self, role: str, quotes: torch.Tensor, mentions: torch.Tensor, pairs: torch.Tensor,
                    pair_features: dict[str, torch.Tensor]) -> torch.Tensor:
        """Scores of candidate pairs ``(quote index, mention index)`` for one role."""
        q, m = quotes[pairs[:, 0]], mentions[pairs[:, 1]]
        feats = [self.pair_features[k](pair_features[k]) for k in self.pair_keys]
        return self.link[role](torch.cat([q, m, q * m] + feats, dim=-1)).squeeze(-1)

    def null_scores(self, role: str, quotes: torch.Tensor) -> torch.Tensor:
        return self.null[role](quotes).squeeze(-1)
