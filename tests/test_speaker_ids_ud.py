"""The speaker-id layer over single treebank sentences: a standoff layer that carries its own quotes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import corpus_path
from quotes.errors import FormatError
from quotes.scoring.speaker_ids import load_quote_layer

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Die Lage sei ernst, sagte die Polizei. „Wir warten“, sagte er."


def _write(tmp_path, *records) -> Path:
    path = tmp_path / "layer.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _record(**changes) -> dict:
    rec = {"document": "s1", "content": [[0, 18]], "type": "indirect", "speaker": [[26, 37]],
           "speaker_id": "Polizei", "kind": "description", "resolvable": True, "part": "ud-pud"}
    return {**rec, **changes}


def test_quote_layer_builds_gold_quotes_and_leaves_out_unresolvable_speakers(tmp_path):
    unresolvable = _record(content=[[39, 51]], type="direct", speaker=[[59, 61]], speaker_id=None, kind="pronoun", resolvable=False)
    docs, gold = load_quote_layer(_write(tmp_path, _record(), unresolvable), {"s1": TEXT})
    (doc,) = docs
    assert [q.content_text for q in doc.quotes] == ["Die Lage sei ernst", "„Wir warten“"]
    assert [q.speaker_text for q in doc.quotes] == ["die Polizei", "er"]
    assert [(g.speaker_id, g.kind, g.part) for g in gold] == [("Polizei", "description", "ud-pud")]


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"document": "s9"}, "no such text"),
        ({"content": [[0, 99]]}, "outside the text"),
        ({"kind": "title"}, "is not one of"),
    ],
)
def test_quote_layer_bad_line_names_document_and_problem(tmp_path, changes, problem):
    with pytest.raises(FormatError) as err:
        load_quote_layer(_write(tmp_path, _record(**changes)), {"s1": TEXT})
    assert problem in str(err.value) and changes.get("document", "s1") in str(err.value)


def test_ud_speaker_id_layer_points_into_the_chosen_sentences():
    folder = corpus_path("ud-german")
    sys.path.insert(0, str(ROOT / "eval" / "speakers"))
    import choose_ud

    texts = {s.id: s.text for part in choose_ud.FILES for s in choose_ud.chosen(part, folder)}
    layer = ROOT / "annotations" / "speaker-ids" / "ud.jsonl"
    docs, gold = load_quote_layer(layer, texts)  # raises where an offset falls outside its sentence
    assert {g.part for g in gold} == {"ud-pud", "ud-gsd"}
    assert len(gold) >= 300
    # every speaker span lies in its sentence and is no longer than a phrase with its apposition
    assert all(len(s.text.split()) <= 30 for d in docs for q in d.quotes for s in q.speaker)
