"""``quotes compare``: variants side by side, paired bootstrap intervals on the differences, time."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.compare import (FIGURES, Variant, bootstrap_differences, compare, figure_values, load_variants, parse_predictions,
                            parse_variant, part_sum, to_json, to_markdown)
from quotes.errors import QuotesError
from quotes.formats.jsonl import write_jsonl
from quotes.types import Document, Quote, Span


def _docs(n: int = 6) -> list[Document]:
    out = []
    for i in range(n):
        t = f"Er sagte: „Wir kommen {i}.“ Sie sagte: „Nein.“ Dann ging er."
        a = t.index("„Wir")
        b = t.index("„Nein")
        quotes = (Quote((Span.of(t, a, t.index("“", a) + 1),), "direct", speaker=(Span.of(t, 0, 2),), cue=(Span.of(t, 3, 8),)),
                  Quote((Span.of(t, b, b + 7),), "direct", speaker=(Span.of(t, b - 11, b - 8),)))
        out.append(Document(f"d{i}", t, quotes))
    return out


@pytest.mark.parametrize("spec, name, settings", [
    ("rules", "rules", {}),
    ("rules:backbone=stanza", "rules", {"backbone": "stanza"}),
    ("model:path=/models/m1:v2,seed=3,fast=true", "model", {"path": "/models/m1:v2", "seed": 3, "fast": True}),
])
def test_compare_variant_syntax(spec, name, settings):
    v = parse_variant(spec)
    assert (v.label, v.extractor, dict(v.settings)) == (spec, name, settings)


@pytest.mark.parametrize("spec", ["rules:backbone", ":x=1"])
def test_compare_bad_variant_is_a_clear_error(spec):
    with pytest.raises(QuotesError, match="variant"):
        parse_variant(spec)


def test_compare_saved_predictions_spec(tmp_path):
    assert parse_predictions("base=runs/a.jsonl") == Variant("base", predictions="runs/a.jsonl")
    assert parse_predictions("runs/a.jsonl").label == "a"


def test_compare_variants_file(tmp_path):
    (tmp_path / "v.json").write_text(json.dumps([
        {"label": "qm", "extractor": "quote-marks", "corpora": ["wikinews-dev"]},
        {"label": "saved", "predictions": "runs/p.jsonl"}]), encoding="utf-8")
    qm, saved = load_variants(tmp_path / "v.json")
    assert qm.corpora == ("wikinews-dev",)
    assert saved.predictions == str(tmp_path / "runs" / "p.jsonl")


def test_compare_runs_extractors_and_saved_predictions_and_skips_unknown_ones(tmp_path):
    golds = _docs()
    write_jsonl(golds, tmp_path / "gold.jsonl")
    variants = [parse_variant("quote-marks"), parse_variant("no-such-extractor"), parse_predictions(f"perfect={tmp_path / 'gold.jsonl'}")]
    c = compare(golds, variants, samples=200)
    labels = [r.variant.label for r in c.scored]
    assert labels == ["quote-marks", "perfect"]
    (skipped,) = [r for r in c.results if r.skipped]
    assert "no-such-extractor" in skipped.skipped
    perfect = c.scored[1].evaluation
    assert perfect.official.joint.f == 1.0
    assert c.scored[0].timing.tokens > 0 and c.scored[0].timing.ratio > 0
    md = to_markdown(c)
    assert "| figure | quote-marks | perfect |" in md and "skipped no-such-extractor" in md
    assert json.loads(json.dumps(to_json(c)))["variants"][1]["skipped"]


def test_compare_headline_figures_equal_the_evaluation():
    golds = _docs()
    c = compare(golds, [Variant("marks", extractor="quote-marks")], samples=10)
    ev = c.scored[0].evaluation
    fig = figure_values(part_sum(ev))
    assert fig["Message F (official, macro)"] == pytest.approx(ev.official.message.f)
    assert fig["Joint F (official, micro)"] == pytest.approx(ev.official.joint_micro.f)
    assert fig["Content F (strict, ≥ 50%)"] == pytest.approx(ev.strict.content["overlap"]["f"])
    assert fig["End-to-end F (content + speaker)"] == pytest.approx(ev.strict.end_to_end["f"])


def _result(golds, preds, label):
    from quotes.compare import VariantResult
    from quotes.evaluate import evaluate

    return VariantResult(Variant(label, extractor=label), evaluate(golds, preds))


def test_bootstrap_of_identical_variants_is_zero():
    golds = _docs()
    preds = [d.with_quotes(d.quotes[:1]) for d in golds]
    diffs = bootstrap_differences([_result(golds, preds, "a"), _result(golds, preds, "b")], samples=100)
    assert len(diffs) == len(FIGURES)
    assert all((d.delta, d.low, d.high, d.better) == (0.0, 0.0, 0.0, 0.0) for d in diffs)


def test_bootstrap_interval_holds_the_observed_difference_and_is_paired():
    golds = _docs(8)
    half = [d.with_quotes(d.quotes[:1]) for d in golds]
    # b is right on every document where a is, and better on half of them.
    mixed = [d if i % 2 else h for i, (d, h) in enumerate(zip(golds, half))]
    diffs = {d.figure: d for d in bootstrap_differences([_result(golds, half, "a"), _result(golds, mixed, "b")], samples=300)}
    d = diffs["Content F (strict, ≥ 50%)"]
    assert d.delta > 0 and d.low <= d.delta <= d.high
    assert d.low >= 0  # paired: b is never behind on any resample
    assert d.better > 0.9


def test_compare_cli_writes_markdown_and_json(tmp_path):
    golds = _docs()
    write_jsonl(golds, tmp_path / "gold.jsonl")
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "gold.jsonl"), "-x", "quote-marks", "-x", "nope",
                                      "-p", f"gold={tmp_path / 'gold.jsonl'}", "--samples", "50",
                                      "--markdown", str(tmp_path / "c.md"), "--json", str(tmp_path / "c.json")])
    assert result.exit_code == 0, result.output
    assert "Differences (variant − the variant it is compared against)" in result.stdout
    assert "skipping nope" in result.stderr
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert [v["label"] for v in data["variants"]] == ["quote-marks", "nope", "gold"]
    assert data["bootstrap"]["unit"] == "document"
    assert (tmp_path / "c.md").read_text(encoding="utf-8") == result.stdout.rstrip("\n") + "\n"


def test_compare_cli_needs_a_variant(tmp_path):
    write_jsonl(_docs(1), tmp_path / "gold.jsonl")
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "gold.jsonl")])
    assert result.exit_code != 0


def test_bootstrap_compares_an_ablation_against_its_full_variant():
    golds = _docs(4)
    half = [d.with_quotes(d.quotes[:1]) for d in golds]
    none = [d.with_quotes(()) for d in golds]
    ablation = replace(_result(golds, half, "ablation"), variant=Variant("ablation", extractor="x", against="full"))
    results = [_result(golds, none, "baseline"), _result(golds, golds, "full"), ablation]
    diffs = bootstrap_differences(results, samples=50)
    pairs = {(d.variant, d.reference) for d in diffs}
    assert pairs == {("full", "baseline"), ("ablation", "full")}
    content = next(d for d in diffs if d.variant == "ablation" and d.figure.startswith("Content F (strict, ≥"))
    assert content.delta < 0 and content.high <= 0
