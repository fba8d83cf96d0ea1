"""Counting apart from dividing: a PRF counter with named results."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Mapping

import numpy


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1, by name (never a positional tuple)."""

    p: float
    r: float
    f: float

    def as_dict(self) -> dict:
        return {"p": self.p, "r": self.r, "f": self.f}


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PRFScore:
    """Counts of true positives, false positives and false negatives.

    >>> s = PRFScore(tp=3, fp=1, fn=2)
    >>> s.precision, s.recall, round(s.fscore, 3)
    (0.75, 0.6, 0.667)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: "PRFScore") -> "PRFScore":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def __add__(self, other: "PRFScore") -> "PRFScore":
        return PRFScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def fscore(self) -> float:
        return f1(self.precision, self.recall)

    def prf(self) -> PRF:
        return PRF(self.precision, self.recall, self.fscore)

    def as_dict(self) -> dict:
        return {"p": self.precision, "r": self.recall, "f": self.fscore, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def ratio(a, b):
    """``a / b``, and 0 where ``b`` is 0; on numbers and on numpy arrays alike (for the bootstrap).

    >>> ratio(1, 4), ratio(3, 0)
    (0.25, 0.0)
    """
    a = numpy.asarray(a, dtype=float)
    b = numpy.asarray(b, dtype=float)
    out = numpy.divide(a, b, out=numpy.zeros(numpy.broadcast(a, b).shape), where=b != 0)
    return float(out) if out.ndim == 0 else out


def harmonic(p, r):
    """The harmonic mean of precision and recall (0 where both are 0), on numbers or arrays."""
    return ratio(2 * numpy.asarray(p) * numpy.asarray(r), numpy.asarray(p) + numpy.asarray(r))


def add_counts(total: Counter, counts: Mapping[str, float]) -> Counter:
    """Add named counts into ``total`` (zeros kept, unlike ``Counter +``) and return it."""
    total.update(counts)
    return total
