"""Scoring: the official WikiNews scorer, a strict overlap-based scorer, and seqeval reports.

Each metric counts per document (named counts that add up over documents and bootstrap samples)
apart from dividing; ``quotes.evaluate`` runs them all at once.
"""

from .bio import score_bio
from .official import OfficialScores, score_official
from .prf import PRF, PRFScore
from .strict import StrictScores, score_strict

__all__ = ["score_official", "OfficialScores", "score_strict", "StrictScores", "score_bio", "PRF", "PRFScore"]
