"""Which mention fills which role of a quote: candidates, their features, the loss and the choice.

For a quote and a role (speaker, cue, addressee, frame) the candidates are the mentions of that role
from ``WINDOW_BEFORE`` tokens before the quote to ``WINDOW_AFTER`` tokens after it. The network scores
each and "none"; training maximises the likelihood of the gold choice, prediction takes the best.
Quotes are linked in text order so that a candidate can know whether it filled the same role for the
quote before (the speaker of a free indirect continuation is the previous quote's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy
import torch

from .net import DIST_EDGES, SENT_MAX, SENT_MIN, QuoteNet
from .tags import LINK_ROLES, ROLE_LAYER, Mention

WINDOW_BEFORE = 200
WINDOW_AFTER = 80


@dataclass(frozen=True)
class Link:
    """The mention chosen for a role (None: no mention) and the probability of that choice."""

    mention: int | None
    probability: float


def pair_features(q: Mention, cands: Sequence[Mention], content_mask: numpy.ndarray, sentence_of: numpy.ndarray,
                  other_quotes: numpy.ndarray, same_role: numpy.ndarray, previous: numpy.ndarray,
                  frame: Mention | None = None) -> dict[str, numpy.ndarray]:
    """Where each candidate mention stands relative to quote ``q`` (see ``net.PAIR_FEATURES``).

    ``content_mask`` marks the quote's tokens, ``other_quotes`` and ``same_role`` are ``(k, 2)``
    arrays of the extents of the other quotes and of the mentions of the role, ``previous`` flags
    the candidates that filled the role for the quote before, ``frame`` is the frame chosen for the
    quote (None: none, or the role is the frame itself).
    """
    ms = numpy.array([m.start for m in cands])
    me = numpy.array([m.end for m in cands])
    before, after = me <= q.start, ms >= q.end
    n_edges = len(DIST_EDGES)
    gap = numpy.where(before, q.start - me, numpy.where(after, ms - q.end, 0))
    bucket = numpy.searchsorted(DIST_EDGES, gap, side="right") - 1
    dist = numpy.where(before, bucket, numpy.where(after, n_edges + bucket, 2 * n_edges))
    sent = numpy.where(before, sentence_of[ms] - sentence_of[q.start],
                       numpy.where(after, sentence_of[ms] - sentence_of[q.end - 1], 0))
    cum = numpy.concatenate([[0], numpy.cumsum(content_mask)])
    inside = numpy.where(cum[me] - cum[ms] > 0, 2, numpy.where((ms >= q.start) & (me <= q.end), 1, 0))
    lo = numpy.where(before, me, numpy.where(after, q.end, 1))
    hi = numpy.where(before, q.start, numpy.where(after, ms, 0))

    def between(extents: numpy.ndarray) -> numpy.ndarray:
        if len(extents) == 0:
            return numpy.zeros(len(cands), dtype=numpy.int64)
        return ((extents[None, :, 0] >= lo[:, None]) & (extents[None, :, 1] <= hi[:, None])).sum(1)

    return {
        "dist": dist,
        "sent": numpy.clip(sent, SENT_MIN, SENT_MAX) - SENT_MIN,
        "inside": inside,
        "quotes_between": numpy.minimum(between(other_quotes), 3),
        "mentions_between": numpy.minimum(between(same_role), 3),
        "previous": previous.astype(numpy.int64),
        "in_frame": (numpy.zeros(len(cands), dtype=numpy.int64) if frame is None
                     else numpy.where((ms >= frame.start) & (me <= frame.end), 2, 1)),
    }


def candidates(q: Mention, mentions: Sequence[Mention], role: str) -> list[int]:
    """Indices of the mentions of ``role`` in the window around quote ``q``."""
    lo, hi = q.start - WINDOW_BEFORE, q.end + WINDOW_AFTER
    return [k for k, m in enumerate(mentions) if m.label == role and m.end > lo and m.start < hi]


def span_inputs(mentions: Sequence[Mention], n: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The mean weights, first and last token of each mention, for ``QuoteNet.spans``."""
    weights = numpy.zeros((len(mentions), n), dtype=numpy.float32)
    for k, m in enumerate(mentions):
        ids = list(m.tokens)
        weights[k, ids] = 1.0 / len(ids)
    first = torch.tensor([m.start for m in mentions], dtype=torch.long)
    last = torch.tensor([m.end - 1 for m in mentions], dtype=torch.long)
    return torch.from_numpy(weights), first, last


def represent(net: QuoteNet, states: torch.Tensor, mentions: Sequence[Mention]) -> torch.Tensor:
    if not mentions:
        return states.new_zeros((0, net.cfg.span_dim))
    weights, first, last = span_inputs(mentions, states.shape[0])
    d = states.device
    return net.spans(states, weights.to(d), first.to(d), last.to(d))


def _features_tensor(rows: list[dict[str, numpy.ndarray]], device: torch.device) -> dict[str, torch.Tensor]:
    return {k: torch.from_numpy(numpy.concatenate([r[k] for r in rows]).astype(numpy.int64)).to(device) for k in rows[0]}


def _extents(mentions: Sequence[Mention]) -> numpy.ndarray:
    return numpy.array([(m.start, m.end) for m in mentions], dtype=numpy.int64).reshape(-1, 2)


def _mask(q: Mention, n: int) -> numpy.ndarray:
    mask = numpy.zeros(n, dtype=numpy.int64)
    mask[list(q.tokens)] = 1
    return mask


def link_loss(net: QuoteNet, states: torch.Tensor, quotes: Sequence[Mention], gold: Sequence[dict[str, int | None]],
              layer_mentions: dict[str, list[Mention]], sentence_of: numpy.ndarray) -> tuple[torch.Tensor, int]:
    """The summed negative log-likelihood of the gold links of one document, and how many there are.

    ``gold[i][role]`` is the index of the mention in the role's layer, -1 for none, None to skip.
    """
    if not quotes:
        return states.new_zeros(()), 0
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, quotes[i].end))
    q_repr = represent(net, states, quotes)
    extents = _extents(quotes)
    n, d = states.shape[0], states.device
    total, count = states.new_zeros(()), 0
    for role in LINK_ROLES:
        mentions = layer_mentions[ROLE_LAYER[role]]
        m_repr = represent(net, states, mentions)
        same_role = _extents([m for m in mentions if m.label == role])
        pairs, rows, slots, targets, quote_rows = [], [], [], [], []
        prev = -1
        for qi in order:
            target = gold[qi][role]
            f = gold[qi]["frame"]
            frame = layer_mentions["frame"][f] if role != "frame" and net.cfg.link_in_frame and f is not None and f >= 0 else None
            cands = candidates(quotes[qi], mentions, role)
            if target is not None and (target == -1 or target in cands):
                if cands:
                    others = numpy.delete(extents, qi, axis=0)
                    rows.append(pair_features(quotes[qi], [mentions[k] for k in cands], _mask(quotes[qi], n), sentence_of,
                                              others, same_role, numpy.array([k == prev for k in cands]), frame))
                for slot, k in enumerate(cands, start=1):
                    pairs.append((qi, k))
                    slots.append((len(quote_rows), slot))
                targets.append(0 if target == -1 else 1 + cands.index(target))
                quote_rows.append((qi, len(cands)))
            if target is not None:
                prev = target
        if not quote_rows:
            continue
        width = 1 + max(c for _, c in quote_rows)
        scores = states.new_full((len(quote_rows), width), float("-inf"))
        qidx = torch.tensor([qi for qi, _ in quote_rows], dtype=torch.long, device=d)
        scores[:, 0] = net.null_scores(role, q_repr[qidx])
        if pairs:
            s = net.link_scores(role, q_repr, m_repr, torch.tensor(pairs, dtype=torch.long, device=d), _features_tensor(rows, d))
            r_idx = torch.tensor([a for a, _ in slots], dtype=torch.long, device=d)
            c_idx = torch.tensor([b for _, b in slots], dtype=torch.long, device=d)
            scores = scores.index_put((r_idx, c_idx), s)
        total = total + torch.nn.functional.cross_entropy(scores, torch.tensor(targets, dtype=torch.long, device=d), reduction="sum")
        count += len(quote_rows)
    return total, count


@torch.no_grad()
def link(net: QuoteNet, states: torch.Tensor, quotes: Sequence[Mention], layer_mentions: dict[str, list[Mention]],
         sentence_of: numpy.ndarray) -> list[dict[str, Link]]:
    """The chosen mention for every role of every quote, quotes taken in text order."""
    out: list[dict[str, Link]] = [dict() for _ in quotes]
    if not quotes:
        return out
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, quotes[i].end))
    q_repr = represent(net, states, quotes)
    extents = _extents(quotes)
    n, d = states.shape[0], states.device
    for role in LINK_ROLES:
        mentions = layer_mentions[ROLE_LAYER[role]]
        m_repr = represent(net, states, mentions)
        same_role = _extents([m for m in mentions if m.label == role])
        prev = None
        for qi in order:
            cands = candidates(quotes[qi], mentions, role)
            null = net.null_scores(role, q_repr[qi: qi + 1])
            f = out[qi]["frame"].mention if role != "frame" and net.cfg.link_in_frame else None
            frame = layer_mentions["frame"][f] if f is not None else None
            if cands:
                rows = [pair_features(quotes[qi], [mentions[k] for k in cands], _mask(quotes[qi], n), sentence_of,
                                      numpy.delete(extents, qi, axis=0), same_role, numpy.array([k == prev for k in cands]), frame)]
                pairs = torch.tensor([(qi, k) for k in cands], dtype=torch.long, device=d)
                scores = torch.cat([null, net.link_scores(role, q_repr, m_repr, pairs, _features_tensor(rows, d))])
            else:
                scores = null
            probs = torch.softmax(scores, dim=0)
            best = int(probs.argmax())
            chosen = None if best == 0 else cands[best - 1]
            out[qi][role] = Link(chosen, float(probs[best]))
            prev = chosen
    return out
