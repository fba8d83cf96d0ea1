"""Tag layers: mentions (quotes, speakers, cues, frames) as token tags, and back.

A mention is one or more token runs with a label. In a layer each token belongs to at most one
mention; its tag is ``B-<label>`` on the first token of the mention, ``C-<label>`` on the first
token of each further run (a discontinuous quote, "teilte … mit"), ``I-<label>`` inside a run and
``O`` outside. Decoding finds the best tag sequence that obeys these rules (an ``I`` only after a
tag of its label) and joins each ``C`` run to the mention before it with the same label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy

# The WikiNews quote labels; nested quotes (a quote inside a quote) have a layer of their own.
QUOTE_LABELS = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
LAYERS: dict[str, tuple[str, ...]] = {
    "content": QUOTE_LABELS,
    "nested": QUOTE_LABELS,
    "role": ("speaker", "cue", "addressee"),
    "frame": ("frame",),
}
ROLE_LAYER = {"speaker": "role", "cue": "role", "addressee": "role", "frame": "frame"}
# The roles a quote links to, the frame first: the other roles lie mostly inside it.
LINK_ROLES = ("frame", "speaker", "cue", "addressee")


@dataclass(frozen=True)
class Mention:
    """A labelled mention as ``[begin, end)`` token runs, in text order.

    >>> Mention("cue", ((3, 4), (7, 8))).tokens
    (3, 7)
    """

    label: str
    runs: tuple[tuple[int, int], ...]
    score: float = 1.0

    @property
    def start(self) -> int:
        return self.runs[0][0]

    @property
    def end(self) -> int:
        return self.runs[-1][1]

    @property
    def tokens(self) -> tuple[int, ...]:
        return tuple(i for b, e in self.runs for i in range(b, e))


def tag_names(layer: str) -> list[str]:
    """The tags of a layer: ``O``, then ``B``, ``I``, ``C`` for each label.

    >>> tag_names("frame")
    ['O', 'B-frame', 'I-frame', 'C-frame']
    """
    return ["O"] + [f"{p}-{label}" for label in LAYERS[layer] for p in "BIC"]


def runs_of(ids: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Consecutive token ids as ``[begin, end)`` runs.

    >>> runs_of([4, 2, 3, 7])
    ((2, 5), (7, 8))
    """
    out: list[list[int]] = []
    for i in sorted(set(ids)):
        if out and out[-1][1] == i:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1])
    return tuple((b, e) for b, e in out)


def encode(layer: str, mentions: Sequence[Mention], n: int) -> numpy.ndarray:
    """Tag ids of ``n`` tokens for the mentions of a layer; a mention that collides with an earlier
    one (sorted by start, longer first) is left out.

    >>> names = tag_names("role")
    >>> [names[t] for t in encode("role", [Mention("cue", ((1, 2), (3, 4)))], 5)]
    ['O', 'B-cue', 'O', 'C-cue', 'O']
    """
    names = {t: k for k, t in enumerate(tag_names(layer))}
    tags = numpy.zeros(n, dtype=numpy.int64)
    for m in sorted(mentions, key=lambda m: (m.start, -len(m.tokens))):
        ids = m.tokens
        if not ids or max(ids) >= n or tags[list(ids)].any():
            continue
        for k, (b, e) in enumerate(m.runs):
            tags[b] = names[("B-" if k == 0 else "C-") + m.label]
            tags[b + 1:e] = names["I-" + m.label]
    return tags


def allowed_transitions(layer: str) -> numpy.ndarray:
    """``allowed[a, b]``: may tag ``b`` follow tag ``a``? ``I-x`` only follows a tag of ``x``."""
    names = tag_names(layer)
    allowed = numpy.ones((len(names), len(names)), dtype=bool)
    for b, tb in enumerate(names):
        if tb.startswith("I-"):
            for a, ta in enumerate(names):
                allowed[a, b] = ta != "O" and ta[2:] == tb[2:]
    return allowed


def allowed_starts(layer: str) -> numpy.ndarray:
    return numpy.array([not t.startswith("I-") for t in tag_names(layer)])


def viterbi(logp: numpy.ndarray, allowed: numpy.ndarray, start: numpy.ndarray) -> numpy.ndarray:
    """The best tag sequence under per-token log-probabilities that obeys ``allowed``."""
    n, k = logp.shape
    if n == 0:
        return numpy.zeros(0, dtype=numpy.int64)
    trans = numpy.where(allowed, 0.0, -numpy.inf)
    back = numpy.zeros((n, k), dtype=numpy.int64)
    score = numpy.where(start, logp[0], -numpy.inf)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(0)
        score = cand[back[i], numpy.arange(k)] + logp[i]
    out = numpy.zeros(n, dtype=numpy.int64)
    out[-1] = int(score.argmax())
    for i in range(n - 1, 0, -1):
        out[i - 1] = back[i, out[i]]
    return out


def decode(layer: str, tags: Sequence[int], probs: numpy.ndarray | None = None, max_gap: int = 60) -> list[Mention]:
    """The mentions a tag sequence describes; a ``C`` run joins the last mention of its label when
    it lies at most ``max_gap`` tokens after it, else it starts a mention of its own.

    >>> names = tag_names("role")
    >>> decode("role", [names.index(t) for t in ["B-cue", "O", "C-cue", "B-speaker", "I-speaker"]])
    [Mention(label='cue', runs=((0, 1), (2, 3)), score=1.0), Mention(label='speaker', runs=((3, 5),), score=1.0)]
    """
    names = tag_names(layer)
    found: list[tuple[str, list[list[int]]]] = []
    last_of: dict[str, int] = {}
    i, n = 0, len(tags)
    while i < n:
        t = names[int(tags[i])]
        if t == "O":
            i += 1
            continue
        label = t[2:]
        j = i + 1
        while j < n and names[int(tags[j])] == "I-" + label:
            j += 1
        k = last_of.get(label)
        if t.startswith("C-") and k is not None and i - found[k][1][-1][1] <= max_gap:
            found[k][1].append([i, j])
        else:
            last_of[label] = len(found)
            found.append((label, [[i, j]]))
        i = j
    out = []
    for label, runs in found:
        score = 1.0
        if probs is not None:
            ids = [x for b, e in runs for x in range(b, e)]
            score = float(probs[ids, numpy.asarray(tags)[ids]].mean())
        out.append(Mention(label, tuple((b, e) for b, e in runs), score))
    return out
