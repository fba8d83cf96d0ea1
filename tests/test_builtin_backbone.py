"""The built-in backbone: quote-aware sentences, lemmas and Konjunktiv marks, offsets."""

from __future__ import annotations

import pytest

from quotes.nlp import german
from quotes.nlp.builtin import make_builtin, tokenize_offsets


@pytest.mark.parametrize("text, sentences", [
    ("Er sagte: „Gut.“ Dann ging er.", ["Er sagte: „Gut.“", "Dann ging er."]),
    ("„Gut.“, sagte er. Dann ging er.", ["„Gut.“, sagte er.", "Dann ging er."]),
    ("Das ist Nr. drei. Dann kam vier.", ["Das ist Nr. drei.", "Dann kam vier."]),
    ("Überschrift ohne Punkt\nErster Satz.", ["Überschrift ohne Punkt\n", "Erster Satz."]),
    # a number with its full stop ends the sentence before an article, not before a month
    ("Typ MI-17. Der Hubschrauber stürzte ab.", ["Typ MI-17.", "Der Hubschrauber stürzte ab."]),
    ("Er kam am 17. Dezember. Das war gut.", ["Er kam am 17. Dezember.", "Das war gut."]),
])
def test_builtin_sentences_keep_quote_marks_and_commas_with_their_sentence(text, sentences):
    assert [s.text_with_ws if s.text_with_ws.endswith("\n") else s.text for s in make_builtin()(text).sents] == sentences


@pytest.mark.parametrize("word, lemma", [("sagte", "sagen"), ("hätten", "haben"), ("wäre", "sein"), ("Angaben", "angabe"), ("mitteilte", "mitteilen")])
def test_builtin_lemmas(word, lemma):
    assert german.lemma(word) == lemma


@pytest.mark.parametrize("word, mood", [
    ("sei", "I"), ("seien", "I"), ("habe", "I"), ("gebe", "I"), ("gehe", "I"), ("betrachte", "I"), ("ändere", "I"), ("tue", "I"),
    ("hätte", "II"), ("würden", "II"), ("wäre", "II"), ("gäbe", "II"), ("käme", "II"), ("läge", "II"),
    ("gibt", None), ("sagte", None), ("gingen", None), ("große", None), ("meine", None), ("eigenen", None), ("Rede", None), ("sagen", None),
])
def test_konjunktiv_detection(word, mood):
    assert german.mood(word) == mood


def test_builtin_morphology_marks_konjunktiv_as_ud_features():
    doc = make_builtin(morphology=True)("Er sagte, es gebe Streit, sie hätten Zeit.")
    marked = {t.text: str(t.morph) for t in doc if t.morph}
    assert marked == {"gebe": "Mood=Sub|Tense=Pres", "hätten": "Mood=Sub|Tense=Past"}
    assert [t.lemma_ for t in doc][:2] == ["er", "sagen"]


def test_builtin_default_pipeline_sets_no_morphology():
    assert make_builtin().pipe_names == ["quotes_sentences"]
    assert make_builtin(morphology=True).pipe_names == ["quotes_sentences", "quotes_morphology"]


@pytest.mark.parametrize("text", ["", "   \n\n\t ", "„„„ »«« \"' ‚"])
def test_builtin_handles_empty_and_odd_text(text):
    tokens, sentences = tokenize_offsets(text)
    assert all(text[s:e].strip() for s, e in tokens)
    assert all(b < e for b, e in sentences)


def test_tokenize_offsets_are_half_open_character_offsets():
    text = "Er sagte: „Ja.“\nDann"
    tokens, sentences = tokenize_offsets(text)
    assert [text[s:e] for s, e in tokens] == ["Er", "sagte", ":", "„", "Ja", ".", "“", "Dann"]
    assert sentences == [[0, 7], [7, 8]]


def test_builtin_accepts_texts_longer_than_spacys_default_limit():
    assert make_builtin().max_length > 5_000_000
