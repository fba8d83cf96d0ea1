from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..people import GIVEN, format_csv, format_table, people_from_paths
from . import app

SPEAKER_FORMATS = ("table", "json", "csv")


@app.command("speakers")
def speakers_cli(
    paths: List[Path] = typer.Argument(..., help="Text files, folders, JSONL or WikiNews JSON files."),
    extractor: str = typer.Option("rules", "--extractor", "-x", help=f"Registered extractor, or '{GIVEN}' to use the quotes the input already carries (gold)."),
    fmt: str = typer.Option("table", "--format", "-f", help=f"Output: {', '.join(SPEAKER_FORMATS)}."),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only this speaker, e.g. \"Putin\" (matches any name seen)."),
) -> None:
    """List who said what: each speaker with the names seen, statements by type, and every statement
    (document, character offsets, text). Names are merged across documents only where unambiguous."""
    if fmt not in SPEAKER_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(SPEAKER_FORMATS)}")
    failures = []
    people = people_from_paths(paths, extractor=extractor, speaker=speaker, on_error=failures.append)
    if fmt == "json":
        typer.echo(json.dumps([p.as_dict() for p in people], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        typer.echo(format_csv(people), nl=False)
    else:
        typer.echo(format_table(people))
    for f in failures:
        typer.echo(f"error: {f}", err=True)
    if failures:
        raise typer.Exit(1)
