from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..compare import BOOTSTRAP_SAMPLES, compare_paths, load_variants, parse_predictions, parse_variant, stderr_progress, to_json, to_markdown
from ..errors import QuotesError
from . import app


@app.command("compare")
def compare_cli(
    gold: Path = typer.Argument(..., help="Gold documents: a file or folder in any registered format."),
    extractor: Optional[List[str]] = typer.Option(None, "--extractor", "-x", help="A variant to run: NAME or NAME:KEY=VALUE,KEY=VALUE (e.g. rules:backbone=stanza). Repeat for several."),
    pred: Optional[List[str]] = typer.Option(None, "--pred", "-p", help="Saved predictions to compare: [LABEL=]PATH, any registered format. Repeat for several."),
    variants: Optional[Path] = typer.Option(None, "--variants", help="A JSON file of named variants (see eval/variants.json)."),
    reference: Optional[str] = typer.Option(None, "--reference", help="The label differences are taken to (default: the first variant)."),
    gold_format: Optional[str] = typer.Option(None, "--gold-format", help="Format of GOLD where its path does not tell it."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N gold documents (a quick look)."),
    samples: int = typer.Option(BOOTSTRAP_SAMPLES, "--samples", min=10, help="Bootstrap resamples of the documents."),
    seed: int = typer.Option(0, "--seed", help="Seed of the bootstrap."),
    markdown: Optional[Path] = typer.Option(None, "--markdown", help="Also write the Markdown table to this file."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write everything as JSON to this file."),
) -> None:
    """Compare variants side by side on one gold set: every figure with its counts, paired bootstrap
    confidence intervals for the differences to the reference, and the time each variant took
    (against the spaCy blank German tokenizer over the same texts). Prints Markdown.

    A variant whose extractor is not registered is skipped with a message.
    """
    try:
        chosen = [parse_variant(s) for s in extractor or []] + [parse_predictions(s) for s in pred or []]
        if variants is not None:
            chosen = load_variants(variants) + chosen
        if not chosen:
            raise typer.BadParameter("give at least one --extractor, --pred or --variants")
        result = compare_paths(gold, chosen, gold_format, limit, reference=reference, samples=samples, seed=seed, progress=stderr_progress)
    except QuotesError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    text = to_markdown(result)
    typer.echo(text)
    if markdown is not None:
        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(text, encoding="utf-8")
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(to_json(result), ensure_ascii=False, indent=1), encoding="utf-8")
