from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import QuotesError
from ..extraction import DEFAULT_EXTRACTOR, EXAMPLE, FORMATS, extract_paths
from . import app

SHOWN_FAILURES = 20


@app.command("extract")
def extract_cli(
    paths: Optional[List[Path]] = typer.Argument(
        None, help="Text files (.txt) and folders of them, JSONL files with id and text, WikiNews JSON files or folders, "
        "Parquet or Arrow files, or a folder written by datasets' save_to_disk."),
    extractor: str = typer.Option(DEFAULT_EXTRACTOR, "--extractor", "-x", help="Registered extractor name, e.g. rules, model, quote-marks."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="Model folder for --extractor model, e.g. one written by `quotes train` (default: the shipped model)."),
    output: str = typer.Option("-", "--output", "-o", help="JSONL file (- for standard output), or a folder with --format wikinews."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    n_process: int = typer.Option(1, "--n-process", "-n", min=1, help="Processes that extract; each loads the extractor once."),
    resume: bool = typer.Option(False, "--resume", help="Keep what OUTPUT already holds, skip those documents, and add the rest."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Where failures go, one JSON line each (default: OUTPUT with .errors.jsonl)."),
    id_column: str = typer.Option("id", "--id-column", help="Parquet/Arrow column with the document id (without it: row numbers)."),
    text_column: str = typer.Option("text", "--text-column", help="Parquet/Arrow column with the text."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per batch handed to the extractor."),
    example: bool = typer.Option(False, "--example", help="Extract from the built-in example article."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Find the quotes in documents and write them as JSONL (or WikiNews JSON), as it goes.

    Input is read lazily and output written in input order, so memory stays flat on any input size. A document that cannot be read or processed is reported on standard error and in the error file, and skipped; the others are all written, and the exit status is 1. An interrupted run picks up where it stopped with --resume.
    """
    paths = list(paths or [])
    if example:
        paths.append(EXAMPLE)
    if not paths:
        raise typer.BadParameter("give at least one PATH, or --example")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if fmt == "wikinews" and output == "-":
        raise typer.BadParameter("--format wikinews writes a folder: give it with --output")
    if resume and output == "-":
        raise typer.BadParameter("--resume needs an output file: give it with --output")
    if model is not None and not extractor.startswith("model"):
        raise typer.BadParameter("--model goes with --extractor model")
    settings = {"model_path": str(model)} if model is not None else None
    try:
        report = extract_paths(paths, output, extractor=extractor, fmt=fmt, progress=not quiet, batch_size=batch_size,
                               n_process=n_process, resume=resume, errors=errors, id_column=id_column, text_column=text_column,
                               settings=settings)
    except QuotesError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    except KeyboardInterrupt:
        typer.echo("interrupted: what is written stays; run the same command with --resume to go on", err=True)
        raise typer.Exit(130)
    for failure in report.failures[:SHOWN_FAILURES]:
        typer.echo(f"error: {failure}", err=True)
    if len(report.failures) > SHOWN_FAILURES:
        typer.echo(f"... and {len(report.failures) - SHOWN_FAILURES} more", err=True)
    if report.failures and report.errors_path is not None:
        typer.echo(f"failures written to {report.errors_path}", err=True)
    skipped = f", {report.skipped} already written" if report.skipped else ""
    typer.echo(f"{report.documents} documents, {report.quotes} quotes, {len(report.failures)} failed{skipped}", err=True)
    if report.failures:
        raise typer.Exit(1)
