"""The ``quotes`` command. Each subcommand lives in its own module here and registers itself on ``app``."""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="quotes",
    help="Find quotations in news text and attribute them: who said what, to whom, with which cue.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Find quotations in news text and attribute them: who said what, to whom, with which cue."""


for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")


def main() -> None:
    app()
