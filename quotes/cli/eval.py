from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import QuotesError
from ..evaluate import error_cases_json, evaluate_paths, format_evaluation, speaker_mention_kind, worst_errors
from . import app


@app.command("eval")
def eval_cli(
    gold: Path = typer.Argument(..., help="Gold documents: a file or folder in any registered format (JSONL, WikiNews, SpkAtt, …)."),
    pred: Path = typer.Argument(..., help="Predicted documents, matched to the gold by document id; any registered format."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
    gold_format: Optional[str] = typer.Option(None, "--gold-format", help="Format of GOLD where its path does not tell it."),
    pred_format: Optional[str] = typer.Option(None, "--pred-format", help="Format of PRED where its path does not tell it."),
    errors: int = typer.Option(0, "--errors", min=0, help="Also list the N largest misses and false alarms, with their context."),
    top_level: bool = typer.Option(False, "--top-level", help="Strict metric: leave nested quotes out on both sides."),
    speaker_kinds: bool = typer.Option(False, "--speaker-kinds", help="Split speaker_id accuracy by the kind of the gold speaker mention."),
) -> None:
    """Score predictions against gold: the official WikiNews metric (macro as published, and micro),
    the strict overlap metric and seqeval reports per role.

    Every figure comes with its counts. Gold documents without a prediction count as predicting
    nothing; documents that cannot be read, or whose text differs from the gold, are reported on
    standard error and the rest is scored (exit status 1).
    """
    try:
        run = evaluate_paths(gold, pred, gold_format, pred_format, top_level=top_level,
                             kind_of=speaker_mention_kind if speaker_kinds else None)
    except QuotesError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    ev = run.evaluation
    cases = worst_errors(run.golds, run.preds, errors) if errors else None
    if as_json:
        out = ev.to_json()
        if cases is not None:
            out["errors"] = error_cases_json(cases)
        typer.echo(json.dumps(out, ensure_ascii=False))
    else:
        typer.echo(format_evaluation(ev, cases))
    for e in run.read_errors:
        typer.echo(f"error: {e}", err=True)
    for p in ev.problems:
        typer.echo(f"error: {p}", err=True)
    if ev.missing:
        typer.echo(f"warning: {len(ev.missing)} gold documents have no prediction (scored as predicting nothing)", err=True)
    if ev.unknown:
        typer.echo(f"warning: {len(ev.unknown)} predicted documents are not in the gold (ignored)", err=True)
    if run.read_errors or ev.problems:
        raise typer.Exit(1)
