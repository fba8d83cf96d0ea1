from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..extraction import DEFAULT_EXTRACTOR, EXAMPLE, FORMATS, extract_paths
from . import app


@app.command("extract")
def extract_cli(
    paths: Optional[List[Path]] = typer.Argument(None, help="Text files (.txt), folders of them, JSONL files with id and text, or WikiNews JSON files or folders."),
    extractor: str = typer.Option(DEFAULT_EXTRACTOR, "--extractor", "-x", help="Registered extractor name, e.g. rules, model, quote-marks."),
    output: str = typer.Option("-", "--output", "-o", help="JSONL file (- for standard output), or a folder with --format wikinews."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    example: bool = typer.Option(False, "--example", help="Extract from the built-in example article."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Find the quotes in documents and write them as JSONL (or WikiNews JSON).

    A document that cannot be read or processed is reported on standard error and skipped; the
    others are all written, and the exit status is 1.
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
    report = extract_paths(paths, output, extractor=extractor, fmt=fmt, progress=not quiet)
    for failure in report.failures:
        typer.echo(f"error: {failure}", err=True)
    typer.echo(f"{report.documents} documents, {report.quotes} quotes, {len(report.failures)} failed", err=True)
    if report.failures:
        raise typer.Exit(1)
