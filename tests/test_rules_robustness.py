"""The rules extractor on hostile input: empty, whitespace, unbalanced marks, huge documents."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from quotes.errors import QuotesError
from quotes.extractors.rules.core import Analysis
from quotes.extractors.rules.view import TokenView
from quotes.registry import get_extractor
from quotes.types import Document

EXAMPLE = (Path(__file__).resolve().parent.parent / "quotes" / "data" / "example.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rules():
    return get_extractor("rules")


def check_offsets(text, quotes):
    for q in quotes:
        assert q.content
        for role in ("content", "speaker", "cue", "addressee", "frame"):
            for s in q.role(role):
                assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text


@pytest.mark.parametrize("text", [
    "",
    " ",
    "\n\n\t  \n",
    "„",
    "„„„„ »»» ««« \"\"\" ''' ‚‚ ‹›",
    "Er sagte: „Das ist gut.\nSie sagte: »Nein.\n\n„Ja“ \" und ‚ oder",
    "„Das ist, sagte er, nicht gut." * 50,
    "sagte sagte, sagte: so, laut zufolge nach wie, dass ob",
    "Er sagte\x00 es gehe\x0b um \u200b nichts.",
    "wort " * 20_000,
])
def test_rules_odd_input_gives_valid_quotes(rules, text):
    check_offsets(text, rules.extract(Document("odd", text)))


def test_rules_non_text_input_is_a_clear_error_naming_the_document(rules):
    with pytest.raises(QuotesError, match="document bad: text is bytes"):
        rules.extract(Document("bad", b"Er sagte: Ja."))


def test_rules_batch_keeps_the_good_documents_when_one_is_bad(rules):
    from quotes.batch import Failure, run

    docs = [Document("a", "Er sagte, es gehe."), Document("bad", b"x"), Document("c", "Sie sagte, es regne.")]
    results = list(run(rules, docs))
    assert [type(r).__name__ for r in results] == ["Document", "Failure", "Document"]
    assert isinstance(results[1], Failure) and results[1].doc_id == "bad"
    assert [len(r.quotes) for r in (results[0], results[2])] == [1, 1]


@pytest.mark.slow
def test_rules_analysis_time_grows_linearly_with_the_text(rules):
    def seconds(copies: int) -> float:
        view = TokenView(rules.nlp((EXAMPLE + "\n\n") * copies))
        t0 = time.perf_counter()
        Analysis(view, rules.lexicon, rules.settings).run()
        return time.perf_counter() - t0

    seconds(5)  # warm the lemma cache
    small, large = min(seconds(40) for _ in range(2)), min(seconds(320) for _ in range(2))
    # 8 times the text: a quadratic step would take 64 times as long.
    assert large < 20 * small + 0.5


@pytest.mark.slow
def test_rules_five_megabyte_document(rules):
    filler = "Die Stadt plant seit Jahren den Ausbau des Netzes, und der Rat hat darüber beraten. " * 5 + "\n\n"
    unit = EXAMPLE + "\n\n" + filler * 40 + "„Ein Zitat ohne Ende und ein »Zeichen \" hier.\n\n"
    text = unit * (5_000_000 // len(unit) + 1)
    t0 = time.perf_counter()
    quotes = rules.extract(Document("big", text))
    assert time.perf_counter() - t0 < 600
    check_offsets(text, quotes)
    per_copy = len(rules.extract(Document("one", unit)))
    assert len(quotes) == per_copy * (5_000_000 // len(unit) + 1)
