"""``quotes eval GOLD PRED``: figures from files in any format, as tables or one JSON object."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.convert import read_path
from quotes.evaluate import evaluate, speaker_mention_kind, worst_errors
from quotes.formats.jsonl import write_jsonl
from quotes.formats.wikinews import read_wikinews_dir, write_wikinews
from quotes.registry import get_extractor
from quotes.types import Document, Quote, Span

T1 = "Er sagte: „Wir kommen morgen.“ Dann ging er nach Hause."
T2 = "Die Lage sei ernst, so Merz. Niemand widersprach ihm dabei."


def _gold() -> list[Document]:
    q1 = Quote((Span.of(T1, 10, 30),), "direct", speaker=(Span.of(T1, 0, 2),), cue=(Span.of(T1, 3, 8),))
    q2 = Quote((Span.of(T2, 0, 18),), "indirect", speaker=(Span.of(T2, 23, 27),), cue=(Span.of(T2, 20, 22),))
    return [Document("a", T1, (q1,)), Document("b", T2, (q2,))]


def _pred() -> list[Document]:
    g = _gold()
    return [g[0], g[1].with_quotes([Quote((Span.of(T2, 29, 58),), "reported")])]


def _files(tmp_path, gold, pred):
    write_jsonl(gold, tmp_path / "gold.jsonl")
    write_jsonl(pred, tmp_path / "pred.jsonl")
    return str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl")


def test_eval_json_has_the_promised_keys(tmp_path):
    gold, pred = _files(tmp_path, _gold(), _pred())
    result = CliRunner().invoke(app, ["eval", gold, pred, "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    for key in ("official", "official_micro"):
        assert set(out[key]) >= {"message", "roles", "joint", "form", "medium"}
        assert all({"p", "r", "f"} <= set(v) for v in out[key].values())
    assert set(out["strict"]) >= {"content", "roles", "by_type", "speaker", "end_to_end"}
    assert set(out["seqeval"]) == {"content", "speaker", "cue", "addressee", "frame"}
    # One of two quotes found exactly, the other predicted elsewhere.
    assert out["strict"]["content"]["exact"] == {"p": 0.5, "r": 0.5, "f": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert out["documents"]["scored_on_builtin_tokens"] == 2


def test_eval_prints_readable_tables_and_the_worst_errors(tmp_path):
    gold, pred = _files(tmp_path, _gold(), _pred())
    result = CliRunner().invoke(app, ["eval", gold, pred, "--errors", "3"])
    assert result.exit_code == 0, result.output
    for heading in ("Official (WikiNews scorer)", "Strict", "seqeval", "Worst misses", "Worst false alarms"):
        assert heading in result.stdout
    assert "⟦Die Lage sei ernst⟧" in result.stdout
    assert "⟦Niemand widersprach ihm dabei⟧" in result.stdout


def test_eval_scores_the_good_documents_and_names_the_bad_ones(tmp_path):
    gold = _gold()
    pred = [gold[0], Document("b", T2 + " Anders.", ())]  # text differs from the gold
    g, p = _files(tmp_path, gold, pred)
    with open(p, "a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": 5}\n')
    result = CliRunner().invoke(app, ["eval", g, p, "--json"])
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert out["official"]["message"]["r"] == 0.5  # document a still scored
    assert "document b: the prediction's text differs" in result.stderr
    assert "broken" in result.stderr or "line 3" in result.stderr


def test_eval_counts_a_missing_prediction_as_predicting_nothing(tmp_path):
    g, p = _files(tmp_path, _gold(), _gold()[:1])
    result = CliRunner().invoke(app, ["eval", g, p, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"]["missing_predictions"] == ["b"]
    assert "1 gold documents have no prediction" in result.stderr


def test_eval_unreadable_gold_path_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nope.jsonl"), str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_worst_errors_are_largest_first():
    gold = _gold()
    pred = [d.with_quotes(()) for d in gold]
    misses = worst_errors(gold, pred, 5)["misses"]
    assert [e.doc_id for e in misses] == ["a", "b"]  # 9 tokens before 5 (built-in tokens)
    assert misses[0].tokens > misses[1].tokens


@pytest.mark.corpus
def test_eval_on_wikinews_folders_equals_the_function(wikinews_dev, tmp_path):
    golds = list(read_wikinews_dir(wikinews_dev))[:20]
    marks = get_extractor("quote-marks")
    for d in golds:
        write_wikinews(d.with_quotes(marks.extract(d)), tmp_path / "pred")
    write_jsonl(golds, tmp_path / "gold.jsonl")
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred"), "--json"])
    assert result.exit_code == 0, result.output
    expected = evaluate(golds, [d.with_quotes(marks.extract(d)) for d in golds])
    assert json.loads(result.stdout)["official"]["message"]["f"] == pytest.approx(expected.official.message.f)


def test_eval_splits_speaker_id_accuracy_by_mention_kind(tmp_path):
    seeds = list(read_path(Path(__file__).resolve().parents[1] / "annotations" / "seeds.jsonl"))
    # Predictions: the gold quotes, with the speaker id of every pronoun-mention quote wrong.
    pred = [d.with_quotes([q.replace(speaker_id="Niemand") if speaker_mention_kind(d, q) == "pronoun" else q for q in d.quotes])
            for d in seeds]
    g, p = _files(tmp_path, seeds, pred)
    out = json.loads(CliRunner().invoke(app, ["eval", g, p, "--json", "--speaker-kinds"]).stdout)
    by_kind = out["strict"]["speaker"]["id"]["by_kind"]
    assert by_kind["pronoun"]["correct"] == 0 and by_kind["pronoun"]["total"] > 0
    assert all(v["accuracy"] == 1.0 for k, v in by_kind.items() if k != "pronoun")
    assert out["strict"]["speaker"]["id"]["total"] == sum(len(d.quotes) for d in seeds)
