"""The cue lexicon (mined, then reviewed) and the helpers of the rules' evaluation scripts."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from quotes.extractors.rules.lexicon import CUES_TSV, load_lexicon
from quotes.types import Document, Quote, Span

EVAL_RULES = Path(__file__).resolve().parent.parent / "eval" / "rules"
TAKES = {"clause", "zu", "reported", "direct", "prep"}


def rows():
    with open(CUES_TSV, encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def test_cue_lexicon_is_fully_reviewed():
    table = rows()
    assert {r["keep"] for r in table} == {"yes", "no"}
    assert all(set(r["takes"].split(",")) <= TAKES for r in table if r["keep"] == "yes")
    assert all(r["note"] for r in table if r["keep"] == "no")


@pytest.mark.parametrize("lemma, kept", [("sagen", True), ("mitteilen", True), ("ankündigen", True), ("zeigen", False), ("sehen", False)])
def test_cue_lexicon_keeps_speech_verbs_and_drops_non_speech_verbs(lemma, kept):
    assert (load_lexicon().verb(lemma) is not None) == kept


def test_cue_lexicon_finds_separable_verbs_by_their_stem():
    lex = load_lexicon()
    assert {c.lemma for c in lex.separable_of("geben")} >= {"bekanntgeben", "angeben"}
    assert [c.particle for c in lex.separable_of("teilen")] == ["mit"]
    assert {"laut", "zufolge", "gemäß"} <= lex.preps


@pytest.fixture(scope="module")
def eval_modules():
    sys.path.insert(0, str(EVAL_RULES))
    import mine_cues
    import score_dev

    yield mine_cues, score_dev
    sys.path.remove(str(EVAL_RULES))


@pytest.mark.parametrize("words, head", [
    (["teilte", "mit"], ("mitteilen", "verb")),
    (["hatte", "gesagt"], ("sagen", "verb")),
    (["gab", "bekannt"], ("bekanntgeben", "verb")),
    (["heißt", "es"], ("heißen", "verb")),
    (["Laut"], ("laut", "prep")),
    (["zufolge"], ("zufolge", "prep")),
])
def test_mined_cue_head(eval_modules, words, head):
    mine_cues, _ = eval_modules
    assert mine_cues.cue_head(words) == head


def test_type_scores_count_content_tokens_per_type(eval_modules):
    _, score_dev = eval_modules
    text = "A b c d e f"
    tokens = tuple((i, i + 1) for i in range(0, 11, 2))  # six one-letter tokens

    def quote(s, e, qtype):
        return Quote(content=(Span.of(text, s, e),), type=qtype)

    gold = Document("d", text, quotes=(quote(0, 5, "direct"), quote(6, 11, "indirect")), tokens=tokens)
    pred = Document("d", text, quotes=(quote(0, 3, "direct"), quote(4, 11, "indirect")), tokens=tokens)
    scores = score_dev.type_scores([gold], [pred])
    # Direct: gold tokens {0,1,2}, predicted {0,1}: tp 2, fp 0, fn 1.
    # Indirect: gold {3,4,5}, predicted {2,3,4,5}: tp 3, fp 1, fn 0.
    assert (scores["Direct"].tp, scores["Direct"].fp, scores["Direct"].fn) == (2, 0, 1)
    assert (scores["Indirect"].tp, scores["Indirect"].fp, scores["Indirect"].fn) == (3, 1, 0)
    assert scores["Reported"].tp + scores["Reported"].fp + scores["Reported"].fn == 0


def test_parse_settings_converts_values(eval_modules):
    _, score_dev = eval_modules
    assert score_dev.parse_settings(["reported=false", "min_direct_tokens=4"]) == {"reported": False, "min_direct_tokens": 4}
