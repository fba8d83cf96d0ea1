from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import QuotesError
from . import app


@app.command("train")
def train_cli(
    config: Path = typer.Argument(..., help="TOML training config; eval/model/config.toml made the shipped model."),
    output: Path = typer.Option(..., "--output", "-o", help="Model folder to write (config.json, vocab.json, weights.pt)."),
    corpora: Optional[Path] = typer.Option(None, "--corpora", help="Folder the config's corpus paths are relative to (default: $QUOTES_CORPORA)."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Override the config's seed."),
    epochs: Optional[int] = typer.Option(None, "--epochs", help="Override the config's number of epochs."),
    max_docs: Optional[int] = typer.Option(None, "--max-docs", help="Only the first N documents of each corpus (quick trials)."),
    device: Optional[str] = typer.Option(None, "--device", help="torch device to train on (cpu, cuda); the model is saved for the CPU either way."),
) -> None:
    """Train the model-based extractor from the WikiNews corpus and write a model folder.

    The epoch with the best official Joint F1 on the development split is kept. Use the model with
    `quotes extract --extractor model --model OUTPUT`. The same config and seed give the same model.
    """
    from ..train import load_config, train, with_overrides  # imports torch: only when training

    try:
        cfg = with_overrides(load_config(config), seed=seed, epochs=epochs, max_docs=max_docs, device=device)
        report = train(cfg, output, corpora, log=lambda s: typer.echo(s, err=True))
    except QuotesError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    typer.echo(json.dumps({
        "model": str(report.path), "best_epoch": report.best_epoch, "dev": report.dev,
        "seconds": round(report.seconds), "peak_memory_mb": round(report.peak_memory_mb),
        "train_documents": report.train_docs, "dev_documents": report.dev_docs,
    }, ensure_ascii=False))
