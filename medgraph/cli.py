"""The `medgraph` command: a thin layer over the library; errors become one line."""

from __future__ import annotations

import sys

import typer

from medgraph import server
from medgraph.errors import MedgraphError

EXIT_CODES = """Exit codes: 0 success; 1 other error; 2 bad input data; 3 Neo4j server unreachable,
refused or failed to start; 4 missing tool (java, mvn) or failed download."""

app = typer.Typer(help=f"medgraph: the knowledge graph of Mediterranean cluster cooperation.\n\n{EXIT_CODES}",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
db_app = typer.Typer(help="Start, stop and inspect the local Neo4j server.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def report_status(status: server.Status) -> None:
    if status.running:
        typer.echo(f"Neo4j {status.version} running at {status.uri} (pid {status.pid}, data {status.data_dir})")
    else:
        typer.echo(f"Neo4j not running (data {status.data_dir})")


@db_app.command("start")
def db_start() -> None:
    """Start the local Neo4j (fetching its jars once) and wait until Bolt answers.

    Example: medgraph db start
    """
    status, started = server.start()
    if not started:
        typer.echo("already running")
    report_status(status)


@db_app.command("status")
def db_status() -> None:
    """Say whether the local Neo4j runs, where, and which version answers.

    Example: medgraph db status
    """
    report_status(server.status())


@db_app.command("stop")
def db_stop() -> None:
    """Stop the local Neo4j that `medgraph db start` started (and nothing else).

    Example: medgraph db stop
    """
    typer.echo(server.stop())


@app.command("run")
def run() -> None:
    """The main job: start the local Neo4j and report where it is.

    Example: medgraph run
    """
    status, _ = server.start()
    report_status(status)


def main() -> None:
    try:
        app()
    except MedgraphError as error:
        typer.echo(f"Error: {error}", err=True)
        sys.exit(error.exit_code)
