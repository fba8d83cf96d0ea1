from __future__ import annotations

import shlex

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import ModelError
from ..download import SOURCES, plan_downloads, run_downloads
from . import app


@app.command("download-models")
def download_models_cli(
    source: str = typer.Argument(..., help=f"Where the models come from: {', '.join(SOURCES)}."),
    names: Optional[List[str]] = typer.Argument(None, help="spaCy pipeline packages (default de_core_news_lg)."),
    directory: Optional[Path] = typer.Option(None, "--dir", "-d", help="Stanza: the model directory (default ~/stanza_resources)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the commands and do nothing."),
) -> None:
    """Download pretrained models for the spacy: and stanza: backbones (needs a network).

    This is the only command that downloads anything; the backbones themselves load models from
    disk only. Afterwards, use the printed backbone spec, e.g. spacy:de_core_news_lg or
    stanza:~/stanza_resources.
    """
    try:
        downloads = plan_downloads(source, names or (), directory)
    except ModelError as e:
        raise typer.BadParameter(str(e)) from e
    if dry_run:
        for d in downloads:
            typer.echo(shlex.join(d.argv))
        return
    failed = 0
    for result in run_downloads(downloads):
        if result.ok:
            typer.echo(f"installed {result.download.what}; backbone: {result.download.spec}")
        else:
            failed += 1
            typer.echo(f"error: {result.download.what} failed (exit status {result.returncode})", err=True)
    if failed:
        raise typer.Exit(1)
