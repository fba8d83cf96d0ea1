"""Corpus REDEWIEDERGABE columns: the text rebuilt from tokens, STWR instances as quotes with their roles."""

from __future__ import annotations

import pytest

from conftest import corpus_path
from quotes.errors import FormatError
from quotes.formats.redewiedergabe import parse_redewiedergabe, read_redewiedergabe
from quotes.registry import readers

HEADER = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote"


def sample(rows: list[tuple[str, str, str, str, str]]) -> str:
    """Rows of (token, stwr, frame, speaker, intexpr) as a sample in the column format."""
    lines = [HEADER] + [f"{tok}\t{tok}\t{tok}\tX\tX\tno\t{stwr}\t{frame}\t{speaker}\t{intexpr}\t-" for tok, stwr, frame, speaker, intexpr in rows]
    return "\n".join(lines)


INVENTED = sample([
    ("Der", "-", "frame.1", "speaker.1", "-"),
    ("Minister", "-", "frame.1", "speaker.1", "-"),
    ("rief", "-", "frame.1", "-", "intexpr.1"),
    (":", "-", "-", "-", "-"),
    ("„", "direct.speech.1", "-", "-", "-"),
    ("Wir", "direct.speech.1", "-", "-", "-"),
    ("bleiben", "direct.speech.1", "-", "-", "-"),
    ("!", "direct.speech.1", "-", "-", "-"),
    ("“", "direct.speech.1", "-", "-", "-"),
    ("Er", "-", "-", "speaker.2_3", "-"),
    ("meinte", "-", "-", "-", "intexpr.2"),
    (",", "-", "-", "-", "-"),
    ("man", "indirect.speech.2", "-", "-", "-"),
    ("werde", "indirect.speech.2", "-", "-", "-"),
    ("es", "indirect.speech.2|reported.thought.3", "-", "-", "-"),
    ("wagen", "indirect.speech.2|reported.thought.3", "-", "-", "intexpr.3"),
    (".", "-", "-", "-", "-"),
])


def test_redewiedergabe_text_is_rebuilt_with_spaces_only_where_german_puts_them():
    doc = parse_redewiedergabe(INVENTED, "invented")
    assert doc.text == "Der Minister rief: „Wir bleiben!“ Er meinte, man werde es wagen."


def test_redewiedergabe_instances_become_quotes_with_speaker_cue_and_frame():
    doc = parse_redewiedergabe(INVENTED, "invented")
    direct, indirect, reported = doc.quotes
    assert (direct.type, direct.content_text, direct.speaker_text, direct.cue[0].text) == ("direct", "„Wir bleiben!“", "Der Minister", "rief")
    assert direct.frame[0].text == "Der Minister rief"
    assert (indirect.type, indirect.content_text, indirect.speaker_text, indirect.cue[0].text) == ("indirect", "man werde es wagen", "Er", "meinte")


def test_redewiedergabe_nested_instance_is_marked_and_keeps_its_medium():
    doc = parse_redewiedergabe(INVENTED, "invented")
    reported = doc.quotes[2]
    assert (reported.type, reported.medium, reported.nested, reported.content_text) == ("reported", "thought", True, "es wagen")
    assert reported.speaker_text == "Er"  # "speaker.2_3": one span, two instances
    assert not doc.quotes[1].nested


@pytest.mark.parametrize(
    "tokens, text",
    [
        (["Er", "sagte", ",", "»", "ja", "«", "."], "Er sagte, »ja«."),  # a chevron opens, the next one closes
        (["Er", "sagte", '"', "ja", '"', "."], 'Er sagte "ja".'),
        (["(", "Deutsch", ":", ")", "Gut"], "(Deutsch:) Gut"),
    ],
)
def test_redewiedergabe_spacing_around_quotation_marks_and_brackets(tokens, text):
    doc = parse_redewiedergabe(sample([(t, "-", "-", "-", "-") for t in tokens]), "spacing")
    assert doc.text == text


def test_redewiedergabe_offsets_point_into_the_rebuilt_text():
    doc = parse_redewiedergabe(INVENTED, "invented")
    for q in doc.quotes:
        for span in (*q.content, *q.speaker, *q.cue, *q.frame):
            assert doc.text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "data, problem",
    [
        ("tok\tlemma\n", "not the REDEWIEDERGABE column format"),
        (HEADER + "\nEr\tEr\ter\n", "3 columns"),
        (HEADER + "\nEr\tEr\ter\tPPER\t-\tno\tdirect.1\t-\t-\t-\t-\n", "lacks type, medium and id"),
    ],
)
def test_redewiedergabe_bad_sample_names_document_and_problem(data, problem):
    with pytest.raises(FormatError, match=problem) as err:
        parse_redewiedergabe(data, "broken")
    assert "broken" in str(err.value)


def test_redewiedergabe_folder_keeps_reading_past_a_bad_sample(tmp_path):
    (tmp_path / "a.tsv").write_text(INVENTED, encoding="utf-8")
    (tmp_path / "b.tsv").write_text("tok\tlemma\n", encoding="utf-8")
    (tmp_path / "c.tsv").write_text(INVENTED, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text("file\tyear\tsource\na.tsv\t1884\tmkhz.test\n", encoding="utf-8")
    errors = []
    docs = list(read_redewiedergabe(tmp_path, on_error=errors.append))
    assert [d.id for d in docs] == ["a", "c"]
    assert docs[0].meta["year"] == "1884" and docs[0].meta["source"] == "mkhz.test"
    assert len(errors) == 1 and "b.tsv" in str(errors[0])


def test_redewiedergabe_reader_is_registered_by_name(tmp_path):
    (tmp_path / "a.tsv").write_text(INVENTED, encoding="utf-8")
    assert [d.id for d in readers.get("redewiedergabe")(tmp_path)] == ["a"]


@pytest.mark.slow
def test_redewiedergabe_corpus_counts_match_its_source_notes():
    # SOURCE.md counts 838 samples and 11,819 unique STWR instances in the main corpus
    docs = list(read_redewiedergabe(corpus_path("redewiedergabe-main", "data", "main", "tsv")))
    assert len(docs) == 838
    assert sum(len(d.quotes) for d in docs) == 11_819


@pytest.mark.slow
def test_redewiedergabe_speaker_id_layer_points_at_pronoun_speakers_and_whole_samples():
    from pathlib import Path

    from quotes.scoring.speaker_ids import load_speaker_id_layer

    layer = Path(__file__).resolve().parents[1] / "annotations" / "speaker-ids" / "redewiedergabe.jsonl"
    docs = list(read_redewiedergabe(corpus_path("redewiedergabe-main", "data", "main", "tsv")))
    gold = load_speaker_id_layer(layer, docs)  # raises where a line's offsets differ from the corpus
    assert {g.part for g in gold} == {"rw-pronouns", "rw-pronouns2", "rw-pronouns3", "rw-news", "rw-news2", "rw-news3", "rw-grenz", "rw-grenz2", "rw-grenz3", "rw-grenz4", "rw-grenz5", "rw-fiction", "rw-fiction2"}
    pronouns = [g for g in gold if g.part.startswith("rw-pronouns")]
    assert len(pronouns) >= 300 and {g.kind for g in pronouns} == {"pronoun"}
    assert all(len(g.quote.speaker) == 1 and len(g.quote.speaker[0].text.split()) == 1 for g in pronouns)
    # rw-news to rw-news3, rw-grenz to rw-grenz5, rw-fiction and rw-fiction2 hold every quote of their samples, and no sample of the pronoun parts
    news = [g for g in gold if not g.part.startswith("rw-pronouns")]
    by_id = {d.id: d for d in docs}
    assert {g.doc_id for g in news}.isdisjoint({g.doc_id for g in pronouns})
    assert all(len([g for g in news if g.doc_id == doc_id]) == len(by_id[doc_id].quotes) for doc_id in {g.doc_id for g in news})
