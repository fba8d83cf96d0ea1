"""The SpkAtt JSON format: detokenised text with exact offsets, and gold there and back without loss."""

from __future__ import annotations

import json

import pytest

from quotes.errors import FormatError
from quotes.formats.spkatt import detokenize, document_from_spkatt, document_to_spkatt, read_spkatt, read_spkatt_file, write_spkatt
from quotes.formats.wikinews import read_wikinews_dir
from quotes.types import Quote, Span

from conftest import corpus_path


@pytest.mark.parametrize("sentences, text", [
    ([["Er", "sagte", ":", "„", "Ja", ".", "“"]], "Er sagte: „Ja.“"),
    ([["Sie", "nannte", "es", '"', "gut", '"', "."], ["Dann", "ging", "sie", "."]], 'Sie nannte es "gut". Dann ging sie.'),
    ([["(", "so", "Merz", ")"], ["»", "Nein", "«", "!"]], "(so Merz) »Nein«!"),
    ([["12,5", "%", "der", "Stimmen"]], "12,5% der Stimmen"),
    ([[], ["Allein", "."]], "Allein."),
])
def test_spkatt_detokenize(sentences, text):
    out, tokens, _ = detokenize(sentences)
    assert out == text
    assert [out[s:e] for s, e in tokens] == [t for s in sentences for t in s]


def _as_sets(annotations: list[dict]) -> list[dict]:
    return [{k: sorted(set(v)) if isinstance(v, list) else v for k, v in a.items()} for a in annotations]


def _round_trip(path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    written = document_to_spkatt(read_spkatt_file(path))
    assert written["Sentences"] == original["Sentences"], path.name
    # Token references as sets: the corpus lists some in annotation order.
    assert _as_sets(written["Annotations"]) == _as_sets(original["Annotations"]), path.name
    assert written.get("DocumentName") == original.get("DocumentName")


@pytest.mark.corpus
def test_spkatt_news_dev_round_trips():
    folder = corpus_path("spkatt2023-task2-news", "data", "dev", "task2")
    for path in sorted(folder.glob("*.json")):
        _round_trip(path)


@pytest.mark.corpus
def test_spkatt_debates_dev_round_trips_with_extra_roles_and_events_without_message():
    folder = corpus_path("spkatt2023-task1-gepade", "data", "dev", "task1")
    docs = list(read_spkatt(folder))
    assert len(docs) == 18
    assert sum(len(d.quotes) for d in docs) == 290  # the events with a message
    assert sum(len(d.meta["spkatt"]["events"]) for d in docs) == 515 - 290
    for path in sorted(folder.glob("*.json")):
        _round_trip(path)


@pytest.mark.corpus
def test_spkatt_written_from_wikinews_equals_the_shared_task_files(wikinews_dev):
    folder = corpus_path("spkatt2023-task2-news", "data", "dev", "task2")
    for doc in read_wikinews_dir(wikinews_dev):
        original = json.loads((folder / f"{doc.id}.json").read_text(encoding="utf-8"))
        written = document_to_spkatt(doc)
        assert written["Sentences"] == original["Sentences"]
        key = lambda a: json.dumps(a, sort_keys=True)  # noqa: E731
        assert sorted(map(key, _as_sets(written["Annotations"]))) == sorted(map(key, _as_sets(original["Annotations"])))


@pytest.mark.corpus
def test_spkatt_news_reads_like_wikinews(wikinews_dev):
    folder = corpus_path("spkatt2023-task2-news", "data", "dev", "task2")
    wikinews = {d.id: d for d in read_wikinews_dir(wikinews_dev)}
    for doc in list(read_spkatt(folder))[:30]:
        other = wikinews[doc.id]
        assert [(q.type, q.label, q.medium, q.nested) for q in doc.quotes] == [(q.type, q.label, q.medium, q.nested) for q in other.quotes]
        # The texts differ only in whitespace: ours is detokenised, theirs the original.
        assert ["".join(q.content_text.split()) for q in doc.quotes] == ["".join(q.content_text.split()) for q in other.quotes]


TASK1 = {"Sentences": [{"SentenceId": 0, "Tokens": ["Wir", "lehnen", "das", "ab", "."]},
                       {"SentenceId": 1, "Tokens": ["Sie", "sagen", ",", "es", "sei", "gut", "."]}],
         "Annotations": [{"Addr": [], "Evidence": [], "Medium": [], "Message": [], "Source": ["0:0"], "Topic": ["0:2"], "Cue": ["0:1"], "PTC": ["0:3"]},
                         {"Addr": [], "Evidence": [], "Medium": [], "Message": ["1:3", "1:4", "1:5"], "Source": ["1:0"], "Topic": [], "Cue": ["1:1"], "PTC": []}]}


def test_spkatt_debate_event_with_message_is_a_quote():
    doc = document_from_spkatt(TASK1, doc_id="rede")
    assert doc.text == "Wir lehnen das ab. Sie sagen, es sei gut."
    (q,) = doc.quotes
    assert (q.content_text, q.speaker_text, q.cue_text, q.type) == ("es sei gut", "Sie", "sagen", "indirect")
    assert document_to_spkatt(doc)["Annotations"] == TASK1["Annotations"]


def test_spkatt_predictions_are_written_without_the_gold_extras():
    gold = document_from_spkatt(TASK1, doc_id="rede")
    t = gold.text
    pred = gold.with_quotes([Quote((Span.of(t, 30, 40),), "indirect", speaker=(Span.of(t, 19, 22),))])
    written = document_to_spkatt(pred)["Annotations"]
    assert len(written) == 1 and written[0]["PTC"] == [] and written[0]["Message"] == ["1:3", "1:4", "1:5"]


def test_spkatt_writes_documents_without_tokens_on_the_builtin_tokenizer(tmp_path):
    t = "Er sagte: „Ja.“ Dann ging er."
    from quotes.types import Document

    doc = Document("d1", t, (Quote((Span.of(t, 10, 15),), "direct", speaker=(Span.of(t, 0, 2),)),))
    assert write_spkatt([doc], tmp_path) == 1
    back = read_spkatt_file(tmp_path / "d1.json")
    assert back.quotes[0].content_text == "„Ja.“" and back.quotes[0].speaker_text == "Er"


@pytest.mark.parametrize("change, message", [
    (lambda o: o["Annotations"][1].update(Message=["1:99"]), "points outside the sentences"),
    (lambda o: o["Annotations"][1].update(Source=["x"]), "is not SentenceId:TokenIndex"),
    (lambda o: o.update(Sentences="nope"), "no Sentences list"),
])
def test_spkatt_bad_document_names_document_and_field(change, message):
    obj = json.loads(json.dumps(TASK1))
    change(obj)
    with pytest.raises(FormatError, match=message) as e:
        document_from_spkatt(obj, doc_id="rede")
    assert "document rede" in str(e.value)


def test_spkatt_one_bad_file_does_not_lose_the_others(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(TASK1), encoding="utf-8")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(TASK1), encoding="utf-8")
    errors = []
    docs = list(read_spkatt(tmp_path, on_error=errors.append))
    assert [d.id for d in docs] == ["a", "c"]
    assert len(errors) == 1 and "b.json" in str(errors[0])
