"""UIMA CAS XMI (INCEpTION): round trips lose nothing; the files follow UIMA's conventions."""

from __future__ import annotations

from pathlib import Path

import pytest
from cassis import load_cas_from_xmi, load_typesystem
from quote_samples import sample_documents

from quotes.errors import FormatError
from quotes.formats.jsonl import read_jsonl
from quotes.formats.xmi import LINK, QUOTE, ROLE, TOKEN, read_xmi, write_xmi
from quotes.nlp.builtin import tokenize_offsets
from quotes.registry import extractor_names, readers, writers
from quotes.types import Document

SEEDS = Path(__file__).resolve().parents[1] / "annotations" / "seeds.jsonl"


def test_xmi_round_trip_keeps_every_quote_field(tmp_path):
    docs = sample_documents()
    assert write_xmi(docs, tmp_path) == len(docs)
    back = list(read_xmi(tmp_path))
    assert [(d.id, d.text, d.quotes) for d in back] == [(d.id, d.text, d.quotes) for d in docs]


def test_xmi_round_trip_of_the_seed_gold(tmp_path):
    docs = list(read_jsonl(SEEDS))
    write_xmi(docs, tmp_path / "xmi")
    assert [(d.id, d.text, d.quotes) for d in read_xmi(tmp_path / "xmi")] == [(d.id, d.text, d.quotes) for d in docs]


def test_xmi_keeps_quote_order_and_ids_that_are_no_file_names(tmp_path):
    doc = sample_documents()[0]
    reordered = Document("a/b", doc.text, tuple(reversed(doc.quotes)))
    write_xmi([reordered], tmp_path)
    (back,) = read_xmi(tmp_path / "a_b.xmi")
    assert back.id == "a/b" and back.quotes == reordered.quotes


def test_xmi_type_system_declares_the_quote_layers(tmp_path):
    write_xmi(sample_documents(), tmp_path)
    ts = load_typesystem((tmp_path / "TypeSystem.xml").read_text(encoding="utf-8"))
    for name in (QUOTE, ROLE, LINK, TOKEN):
        assert ts.contains_type(name)
    quote = ts.get_type(QUOTE)
    assert {f.name for f in quote.all_features} >= {"quoteType", "speakerId", "confidence", "trace", "roles", "nested"}


def test_xmi_offsets_are_utf16_as_uima_counts_them(tmp_path):
    """Java counts the emoji as two units: the quote after it starts one unit later in the file."""
    doc = sample_documents()[0]
    write_xmi([doc], tmp_path)
    xml = (tmp_path / "artikel-1.xmi").read_text(encoding="utf-8")
    reuters = doc.quotes[3].content[0]
    assert doc.text.index("🙂") < reuters.start
    assert f'begin="{reuters.start + 1}" end="{reuters.end + 1}"' in xml


def test_xmi_writes_tokens_and_reads_them_back_as_the_documents_tokens(tmp_path):
    doc = sample_documents()[0]
    with_tokens = Document("t", doc.text, doc.quotes, tokens=((0, 4), (5, 11)))
    write_xmi([doc, with_tokens], tmp_path)
    built_in, own = read_xmi(tmp_path)
    assert list(built_in.tokens) == tokenize_offsets(doc.text)[0]
    assert own.tokens == ((0, 4), (5, 11))


def test_xmi_is_registered_as_reader_and_writer():
    extractor_names()  # loads the built-in formats
    assert readers.get("xmi") is read_xmi and writers.get("xmi") is write_xmi


def test_xmi_reads_without_a_type_system_beside_it(tmp_path):
    write_xmi(sample_documents(), tmp_path)
    (tmp_path / "TypeSystem.xml").unlink()
    back = list(read_xmi(tmp_path))
    assert back[0].quotes == sample_documents()[0].quotes


def test_xmi_bad_quote_type_names_document(tmp_path):
    write_xmi(sample_documents(), tmp_path)
    path = tmp_path / "artikel-1.xmi"
    path.write_text(path.read_text(encoding="utf-8").replace('quoteType="reported"', 'quoteType="Zitat"'), encoding="utf-8")
    errors = []
    back = list(read_xmi(tmp_path, on_error=errors.append))
    assert [d.id for d in back] == ["leer"]
    assert "quoteType 'Zitat' is not one of" in str(errors[0]) and errors[0].doc_id == "artikel-1"


def test_xmi_broken_file_is_a_clear_error(tmp_path):
    write_xmi(sample_documents()[1:], tmp_path)
    (tmp_path / "leer.xmi").write_text("<xmi:XMI", encoding="utf-8")
    with pytest.raises(FormatError, match="cannot read the XMI"):
        list(read_xmi(tmp_path))


def test_xmi_cas_loads_in_cassis_with_links_to_role_spans(tmp_path):
    write_xmi(sample_documents()[:1], tmp_path)
    ts = load_typesystem((tmp_path / "TypeSystem.xml").read_text(encoding="utf-8"))
    cas = load_cas_from_xmi((tmp_path / "artikel-1.xmi").read_text(encoding="utf-8"), typesystem=ts)
    mixed = next(q for q in cas.select(QUOTE) if q.quoteType == "mixed")
    roles = sorted((link.role, link.target.get_covered_text()) for link in mixed.roles.elements)
    assert roles == [("addressee", "den Grünen"), ("cue", "mit"), ("cue", "teilte"), ("frame", "Merz teilte den Grünen mit"), ("speaker", "Merz")]
    # The speaker shared by two quotes is one annotation.
    assert sum(1 for r in cas.select(ROLE) if r.role == "speaker" and r.get_covered_text() == "Merz") == 1


def test_xmi_text_that_xml_cannot_hold_is_reported_and_the_others_written(tmp_path):
    errors = []
    n = write_xmi([Document("bad", "Seite\x0c2"), sample_documents()[1]], tmp_path, on_error=errors.append)
    assert n == 1 and [d.id for d in read_xmi(tmp_path)] == ["leer"]
    assert errors[0].doc_id == "bad" and "cannot be written as XMI" in str(errors[0])
