"""Counting apart from dividing: a PRF counter with named results."""

from __future__ import annotations

from dataclasses import dataclass


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
