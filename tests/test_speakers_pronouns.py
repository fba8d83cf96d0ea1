"""Worked examples for pronoun speakers: short invented German sentences, one behaviour each."""

from __future__ import annotations

import pytest

from quotes.speakers import _noun_features, resolve_speakers
from quotes.types import Document, Quote, Span


def resolve(text: str, quotes: list[tuple[str, str]]) -> list[Quote]:
    """Resolve quotes given as (speaker, content), each found after the previous one; a speaker
    may mark its span in a longer context with brackets: "teilte [er] mit"."""
    out, pos = [], 0
    for speaker, content in quotes:
        needle = speaker.replace("[", "").replace("]", "")
        s = text.index(needle, pos) + (speaker.index("[") if "[" in speaker else 0)
        n = speaker.index("]") - speaker.index("[") - 1 if "[" in speaker else len(speaker)
        c = text.index(content, pos)
        out.append(Quote(content=(Span.of(text, c, c + len(content)),), type="indirect", speaker=(Span.of(text, s, s + n),)))
        pos = min(s, c) + 1
    return resolve_speakers(Document(id="example", text=text), out)


@pytest.mark.parametrize(
    "text, quotes, expected",
    [
        (  # the previous speaker is further back than the subject of the sentence before
            "Der Minister Karl Berger sagte, die Lage sei ernst. Auch Bürgermeister Paul Vogt kritisierte den Plan. "
            "Er forderte, die Schule zu erhalten.",
            [("Karl Berger", "die Lage sei ernst"), ("Er", "die Schule zu erhalten")],
            "Paul Vogt",
        ),
        (
            "Anna Kühn sagte, der Bau verzögere sich. Dann bemühte Maria Roth sich um eine Antwort. "
            "Sie erklärte, das Geld fehle.",
            [("Anna Kühn", "der Bau verzögere sich"), ("Sie", "das Geld fehle")],
            "Maria Roth",
        ),
    ],
)
def test_pronoun_opening_a_sentence_resolves_to_previous_subject_of_same_gender(text, quotes, expected):
    assert resolve(text, quotes)[-1].speaker_id == expected


@pytest.mark.parametrize(
    "text, speaker, content, expected",
    [
        ("Die Brandstifter drangen in das Haus ein. Sie schrieben, dass sie wiederkommen würden.", "Sie", "dass sie wiederkommen würden", "Brandstifter"),
        ("Die Verteidigung zweifelt an dem Befund. Sie argumentiert, die Wunden seien älter.", "Sie", "die Wunden seien älter", "Verteidigung"),
    ],
)
def test_pronoun_without_listed_antecedent_takes_noun_phrase_agreeing_by_article(text, speaker, content, expected):
    assert resolve(text, [(speaker, content)])[0].speaker_id == expected


def test_relative_pronoun_attaches_to_noun_before_its_comma():
    text = "Es kursiert eine gegenläufige Argumentation, die davon ausgeht, der Plan sei falsch."
    q = resolve(text, [("die", "der Plan sei falsch")])[0]
    assert q.speaker_id == "Gegenläufige Argumentation"
    assert "relative clause" in q.trace


def test_demnach_points_at_document_that_opens_sentence_before():
    text = "Der gefälschte Lebenslauf stand auf der Internetseite des Landtages. Demnach habe sie Jura studiert."
    assert resolve(text, [("Demnach", "habe sie Jura studiert")])[0].speaker_id == "Gefälschte Lebenslauf"


def test_title_frau_before_surname_resolves_to_full_name():
    text = "Petra Lang ist Abgeordnete. Nach dem Bericht hat Frau Lang angekündigt, ihr Mandat niederzulegen."
    assert resolve(text, [("Frau Lang", "ihr Mandat niederzulegen")])[0].speaker_id == "Petra Lang"


@pytest.mark.parametrize("mention, expected", [("Von Weber", "Hans Weber"), ("bei Radio Nord", "Radio Nord")])
def test_leading_preposition_without_article_is_not_part_of_the_speaker(mention, expected):
    text = f"Hans Weber leitet Radio Nord. {mention} hieß es, man sei zufrieden."
    assert resolve(text, [(mention, "man sei zufrieden")])[0].speaker_id == expected


def test_date_ordinal_does_not_end_the_sentence_for_pronoun_distance():
    text = (
        "Der Vizekanzler Otto Brandt hat am 21. November seinen Rücktritt erklärt. Er bleibe Abgeordneter. "
        "Vor Journalisten nannte er Gründe. „Es ist allein dieser Grund“, teilte er mit."
    )
    quotes = [("Der Vizekanzler Otto Brandt", "Er bleibe Abgeordneter"), ("teilte [er] mit", "„Es ist allein dieser Grund“")]
    assert resolve(text, quotes)[-1].speaker_id == "Otto Brandt"


@pytest.mark.parametrize(
    "det, noun, expected",
    [("der", "Mann", ("m", "sg")), ("das", "Gutachten", ("n", "sg")), ("die", "Firma", ("f", "sg")),
     ("die", "Firmen", (None, "pl")), ("die", "Brandstifter", (None, "pl")), ("beiden", "Länder", (None, "pl"))],
)
def test_noun_features_from_article_and_ending(det, noun, expected):
    assert _noun_features(det, noun) == expected
