"""brat standoff: round trips lose nothing, and annotators' edits come back as quotes."""

from __future__ import annotations

from pathlib import Path

import pytest
from quote_samples import sample_documents

from quotes.errors import FormatError
from quotes.formats.brat import document_from_ann, read_brat, write_brat
from quotes.formats.jsonl import read_jsonl
from quotes.registry import extractor_names, readers, writers
from quotes.types import Document

SEEDS = Path(__file__).resolve().parents[1] / "annotations" / "seeds.jsonl"


def test_brat_round_trip_keeps_every_quote_field(tmp_path):
    docs = sample_documents()
    assert write_brat(docs, tmp_path) == len(docs)
    back = list(read_brat(tmp_path))
    assert [(d.id, d.text, d.quotes) for d in back] == [(d.id, d.text, d.quotes) for d in docs]


def test_brat_round_trip_of_the_seed_gold(tmp_path):
    docs = list(read_jsonl(SEEDS))
    write_brat(docs, tmp_path / "brat")
    assert [(d.id, d.text, d.quotes) for d in read_brat(tmp_path / "brat")] == [(d.id, d.text, d.quotes) for d in docs]


def test_brat_writes_configuration_and_one_pair_of_files_per_document(tmp_path):
    write_brat(sample_documents(), tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["annotation.conf", "artikel-1.ann", "artikel-1.txt", "leer.ann", "leer.txt", "visual.conf"]
    # \r\n is kept byte for byte, so brat's offsets point where ours do.
    assert (tmp_path / "artikel-1.txt").read_bytes().decode("utf-8") == sample_documents()[0].text
    assert "speaker_of\tArg1:Speaker, Arg2:direct|indirect|mixed|free_indirect|reported" in (tmp_path / "annotation.conf").read_text()


def test_brat_writes_a_shared_role_once_and_discontinuous_spans_as_fragments(tmp_path):
    write_brat(sample_documents(), tmp_path)
    lines = (tmp_path / "artikel-1.ann").read_text(encoding="utf-8").splitlines()
    speakers = [line for line in lines if "\tSpeaker " in line]
    assert len(speakers) == 3  # Merz (shared by two quotes), er, Reuters
    cue = next(line for line in lines if "\tCue " in line and "teilte" in line)
    assert cue.split("\t")[1] == "Cue 5 11;23 26"


def test_brat_is_registered_as_reader_and_writer():
    extractor_names()  # loads the built-in formats
    assert readers.get("brat") is read_brat and writers.get("brat") is write_brat


TEXT = "Er sagte: „Ja.“ Sie nickte."


def test_brat_reads_a_quote_an_annotator_added_with_defaults():
    ann = "T1\tdirect 10 15\t„Ja.“\nT2\tSpeaker 0 2\tEr\nR1\tspeaker_of Arg1:T2 Arg2:T1\n"
    (quote,) = document_from_ann("d", TEXT, ann).quotes
    assert (quote.type, quote.content_text, quote.speaker_text) == ("direct", "„Ja.“", "Er")
    assert (quote.speaker_id, quote.confidence, quote.trace) == (None, 1.0, "")


def test_brat_ignores_annotations_that_carry_no_quote_data():
    ann = "T1\tdirect 10 15\t„Ja.“\nA1\tNegated T1\n#1\tAnnotatorNotes T1\t{\"speaker_id\": \"X\"}\n*\tEquiv T1 T1\n"
    (quote,) = document_from_ann("d", TEXT, ann).quotes
    assert quote.speaker_id == "X"


@pytest.mark.parametrize(
    "ann, message",
    [
        ("T1\tdirect 10 99\tJa", "not a non-empty range inside the text"),
        ("T1\tdirect 10 15\tNein", "differs from the text"),
        ("T1\tquote 10 15\t„Ja.“", "unknown type 'quote'"),
        ("T1\tdirect ten 15\t„Ja.“", "are not 'START END"),
        ("T1\tdirect 10 15\t„Ja.“\nT2\tSpeaker 0 2\tEr", "linked to no quote"),
        ("T1\tdirect 10 15\t„Ja.“\nR1\tspeaker_of Arg1:T7 Arg2:T1", "T7, which is not an annotation here"),
        ("T1\tdirect 10 15\t„Ja.“\nT2\tCue 3 8\tsagte\nR1\tspeaker_of Arg1:T2 Arg2:T1", "must go from a Speaker to a quote"),
        ("T1\tdirect 10 15\t„Ja.“\n#1\tAnnotatorNotes T1\tPutin, glaube ich", "is not a JSON object"),
        ("T1\tdirect 10 15\t„Ja.“\n#1\tAnnotatorNotes T1\t{\"confidence\": 3}", "confidence must be a number from 0 to 1"),
    ],
)
def test_brat_bad_standoff_names_document_and_problem(ann, message):
    with pytest.raises(FormatError, match=message) as info:
        document_from_ann("doc-7", TEXT, ann)
    assert "document doc-7" in str(info.value)


def test_brat_one_bad_document_does_not_lose_the_others(tmp_path):
    write_brat([Document("a", TEXT), Document("b", TEXT)], tmp_path)
    (tmp_path / "a.ann").write_text("T1\tdirect 10 99\tJa\n", encoding="utf-8")
    errors = []
    docs = list(read_brat(tmp_path, on_error=errors.append))
    assert [d.id for d in docs] == ["b"]
    assert len(errors) == 1 and errors[0].doc_id == "a"


def test_brat_missing_text_file_is_a_clear_error(tmp_path):
    (tmp_path / "a.ann").write_text("", encoding="utf-8")
    with pytest.raises(FormatError, match="no .txt file beside it"):
        list(read_brat(tmp_path))
