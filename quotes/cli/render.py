from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import QuotesError
from ..render import DEFAULT_EXTRACTOR, render_paths, screenshot
from . import app


@app.command("render")
def render_cli(
    paths: List[Path] = typer.Argument(..., help="Predictions in any registered format (project .jsonl, WikiNews .json, a brat folder, an XMI folder, .csv), shown as they are; or raw .txt files or folders of them, extracted first."),
    output: Path = typer.Option(..., "--output", "-o", help="The HTML page to write (self-contained: no network assets)."),
    gold: Optional[List[Path]] = typer.Option(None, "--gold", "-g", help="Gold documents in any readable format: each article then shows gold and predictions side by side, misses and false alarms outlined. Repeatable."),
    extractor: Optional[str] = typer.Option(None, "--extractor", "-x", help=f"Run this extractor on every input, ignoring any quotes the inputs carry. Without it, only raw .txt inputs are extracted, with {DEFAULT_EXTRACTOR}."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="The format of PATHS (a registered reader: jsonl, brat, xmi, csv, …, or txt); detected from each path when left out."),
    title: Optional[str] = typer.Option(None, "--title", help="The page title (default: the input names)."),
    png: Optional[Path] = typer.Option(None, "--screenshot", help="Also save a screenshot of the whole page (needs Chromium)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Show documents with their quotes marked, as one HTML page to open in a browser.

    Each quote's content is highlighted in the colour of its speaker, underlined and badged by type; speaker and cue are marked; hovering shows type, speaker_id, confidence and trace. An index lists every speaker with links to their statements.

    A document that cannot be read or rendered is listed on the page and on standard error; the others are all rendered, and the exit status is 1.
    """
    try:
        report = render_paths(paths, output, gold=gold or (), extractor=extractor, fmt=fmt, title=title, progress=not quiet)
    except QuotesError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    for failure in report.failures:
        typer.echo(f"error: {failure}", err=True)
    typer.echo(f"{report.documents} documents, {report.quotes} quotes, {len(report.failures)} failed → {output}", err=True)
    if png is not None:
        try:
            screenshot(output, png)
        except QuotesError as e:
            typer.echo(f"error: no screenshot: {e}", err=True)
            raise typer.Exit(1)
        typer.echo(f"screenshot → {png}", err=True)
    if report.failures:
        raise typer.Exit(1)
