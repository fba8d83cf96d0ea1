from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..convert import convert, reader_names, writer_names
from ..errors import QuotesError
from . import app


@app.command("convert")
def convert_cli(
    source: Path = typer.Argument(..., help="Documents to convert: a file or folder in any registered format."),
    target: Path = typer.Argument(..., help="Where to write them: a file (JSONL, CSV) or a folder (WikiNews, SpkAtt, hf, brat, …)."),
    source_format: Optional[str] = typer.Option(None, "--from", help="Format of SOURCE where its path does not tell it."),
    target_format: Optional[str] = typer.Option(None, "--to", help="Format of TARGET where its path does not tell it."),
) -> None:
    """Convert documents and their quotes between formats: the project's JSONL, WikiNews JSON,
    SpkAtt JSON, a Hugging Face dataset folder, and every other registered format.

    The format is told from the path where it can be (.jsonl, .csv, a WikiNews or SpkAtt .json,
    a folder of them); name it with --from/--to otherwise. To WikiNews and SpkAtt the roles are
    written as ids of the documents' own tokens (the built-in tokenizer's where there are none).
    A document that cannot be read is reported and skipped (exit status 1).
    """
    try:
        report = convert(source, target, source_format, target_format)
    except QuotesError as e:
        typer.echo(f"error: {e}", err=True)
        typer.echo(f"readers: {', '.join(reader_names())}; writers: {', '.join(writer_names())}", err=True)
        raise typer.Exit(2)
    for e in report.errors:
        typer.echo(f"error: {e}", err=True)
    typer.echo(f"{report.documents} documents, {report.quotes} quotes written to {target}; {len(report.errors)} failed", err=True)
    if report.errors:
        raise typer.Exit(1)
