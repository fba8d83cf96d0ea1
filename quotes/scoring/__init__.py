"""Scoring: the official WikiNews scorer, a strict overlap-based scorer, and seqeval reports."""
