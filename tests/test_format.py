"""The JSONL format: the worked example of FORMAT.md, the schema, the checks on reading, round trips."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from quotes.errors import FormatError
from quotes.formats.jsonl import document_to_dict, dumps, loads, read_jsonl, write_jsonl
from quotes.types import Document, Quote, Span

ANNOTATIONS = Path(__file__).resolve().parents[1] / "annotations"
SCHEMA = json.loads((ANNOTATIONS / "document.schema.json").read_text(encoding="utf-8"))


def format_example() -> dict:
    """The JSON block of the worked example in FORMAT.md."""
    md = (ANNOTATIONS / "FORMAT.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", md, re.S).group(1)
    return json.loads(block)


def test_format_worked_example_follows_schema_and_reads():
    obj = format_example()
    jsonschema.validate(obj, SCHEMA)
    doc = loads(json.dumps(obj, ensure_ascii=False))
    direct, indirect = doc.quotes
    assert direct.content_text == "„Wir bauen die Bahn.“"
    assert (direct.speaker_text, direct.cue_text, direct.speaker_id) == ("Bürgermeisterin Anna Berger", "sagte", "Anna Berger")
    assert indirect.type == "indirect" and indirect.speaker_text == "Berger" and indirect.speaker_id == "Anna Berger"
    assert indirect.frame[0].text == ", so Berger weiter"


def test_format_worked_example_round_trips():
    obj = format_example()
    doc = loads(json.dumps(obj, ensure_ascii=False))
    again = json.loads(dumps(doc))
    assert loads(json.dumps(again, ensure_ascii=False)) == doc
    assert again["quotes"][0]["content"] == obj["quotes"][0]["content"]


def test_seed_gold_follows_schema_and_every_quote_has_a_speaker_id():
    docs = list(read_jsonl(ANNOTATIONS / "seeds.jsonl"))
    assert {d.id for d in docs} == {"000_6a8e36ddd207b9bf", "003_9a32aa55c16fcf43"}
    for line in (ANNOTATIONS / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), SCHEMA)
    for doc in docs:
        for q in doc.quotes:
            assert q.speaker_id, f"{doc.id}: quote {q.content_text[:40]!r} has no speaker_id"


def test_seed_gold_round_trips_through_write_and_read(tmp_path):
    docs = list(read_jsonl(ANNOTATIONS / "seeds.jsonl"))
    path = tmp_path / "again.jsonl"
    assert write_jsonl(docs, path) == len(docs)
    assert list(read_jsonl(path)) == docs
    assert path.read_text(encoding="utf-8") == (ANNOTATIONS / "seeds.jsonl").read_text(encoding="utf-8")


def test_discontinuous_role_is_written_as_a_list_and_read_back():
    text = "Sie teilten daraufhin mit: „Ja.“"
    q = Quote(
        content=(Span.of(text, 27, 32),),
        type="direct",
        speaker=(Span.of(text, 0, 3),),
        cue=(Span.of(text, 4, 11), Span.of(text, 22, 25)),
    )
    doc = Document("d", text, (q,))
    obj = document_to_dict(doc)
    assert isinstance(obj["quotes"][0]["cue"], list)
    assert isinstance(obj["quotes"][0]["speaker"], dict)
    assert obj["quotes"][0]["addressee"] is None
    jsonschema.validate(obj, SCHEMA)
    assert loads(dumps(doc)) == doc
    assert loads(dumps(doc)).quotes[0].cue_text == "teilten … mit"


GOOD = {"id": "d1", "text": "Er sagte: „Ja.“", "quotes": [{"type": "direct", "content": [{"start": 10, "end": 15, "text": "„Ja.“"}], "speaker": {"start": 0, "end": 2, "text": "Er"}}]}


def _bad(path: str, value) -> dict:
    obj = json.loads(json.dumps(GOOD))
    target = obj
    keys = path.split(".")
    for k in keys[:-1]:
        target = target[int(k)] if k.isdigit() else target[k]
    last = keys[-1]
    if value is _DELETE:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return obj


_DELETE = object()


@pytest.mark.parametrize(
    "change, value, field, message",
    [
        ("quotes.0.content.0.end", 99, "quotes[0].content[0]", "inside the text"),
        ("quotes.0.content.0.start", -1, "quotes[0].content[0]", "inside the text"),
        ("quotes.0.content.0.start", 15, "quotes[0].content[0]", "non-empty range"),
        ("quotes.0.content.0.text", "Ja", "quotes[0].content[0]", "differs from the text"),
        ("quotes.0.content.0.text", _DELETE, "quotes[0].content[0]", "no text field"),
        ("quotes.0.content.0.start", "10", "quotes[0].content[0]", "integers"),
        ("quotes.0.speaker.text", "Sie", "quotes[0].speaker", "differs from the text"),
        ("quotes.0.type", "quote", "quotes[0].type", "is not one of"),
        ("quotes.0.content", [], "quotes[0].content", "non-empty list"),
        ("quotes.0.confidence", 1.5, "quotes[0].confidence", "from 0 to 1"),
        ("text", None, "text", "no text"),
        ("id", "", "id", "no id"),
    ],
)
def test_reading_rejects_bad_documents_naming_file_line_document_and_field(tmp_path, change, value, field, message):
    path = tmp_path / "bad.jsonl"
    lines = [json.dumps(GOOD, ensure_ascii=False), json.dumps(_bad(change, value), ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FormatError) as info:
        list(read_jsonl(path))
    err = info.value
    assert (err.line, err.field) == (2, field)
    assert message in str(err)
    assert str(path) in str(err) and "line 2" in str(err)
    if field not in ("id", "text"):
        assert "document d1" in str(err)


def test_reading_goes_on_past_bad_lines_when_asked(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        json.dumps(GOOD).encode() + b"\n" + b"{not json\n" + b'{"id": "x", "text": "\xff\xfe"}\n' + json.dumps({**GOOD, "id": "d2"}).encode() + b"\n"
    )
    errors: list[FormatError] = []
    docs = list(read_jsonl(path, on_error=errors.append))
    assert [d.id for d in docs] == ["d1", "d2"]
    assert [e.line for e in errors] == [2, 3]
    assert "not valid JSON" in str(errors[0]) and "not UTF-8" in str(errors[1])


def test_offsets_count_characters_not_bytes():
    text = "„Ä“ sagte er."
    doc = loads(json.dumps({"id": "u", "text": text, "quotes": [{"type": "direct", "content": [{"start": 0, "end": 3, "text": "„Ä“"}]}]}))
    assert doc.quotes[0].content[0] == Span(0, 3, "„Ä“")
