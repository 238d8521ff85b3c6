"""The `medgraph` command: a thin layer over the library; errors become one line."""

from __future__ import annotations

import sys

import typer

from pathlib import Path

from medgraph import connection, server
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
def run(
    seeds: Path = typer.Option(None, "--seeds", envvar="MEDGRAPH_SEEDS",
                               help="folder of the source documents, to verify the data against"),
) -> None:
    """The main job: start the local Neo4j (unless NEO4J_URI is set), load the project's data.

    Example: medgraph run --seeds ../shared/seeds
    """
    from medgraph.loaders.load import load as load_data

    status = None if connection.settings_from_env() else server.start()[0]
    if status:
        report_status(status)
    driver, database = connected()
    with driver:
        summary = load_data(driver, database, None, seeds)
    typer.echo(f"loaded {summary.documents} documents: {summary.nodes} nodes, {summary.relationships} relationships")


def connected():
    """The driver and database name of the configured server (NEO4J_URI, else the local one)."""
    config = connection.settings()
    return connection.connect(config), config.database


@app.command("load")
def load(
    paths: list[Path] = typer.Argument(None, help="data files or folders (default: the project's data/)"),
    seeds: Path = typer.Option(None, "--seeds", envvar="MEDGRAPH_SEEDS",
                               help="folder of the source documents: check hashes and cited lines"),
) -> None:
    """Check, resolve and load data files into Neo4j: everything or, on any problem, nothing.

    Example: medgraph load data/ --seeds ../shared/seeds
    """
    from medgraph.loaders.load import load as load_data

    driver, database = connected()
    with driver:
        summary = load_data(driver, database, paths or None, seeds)
    typer.echo(f"loaded {summary.documents} documents: {summary.nodes} nodes, {summary.relationships} relationships")


@app.command("stats")
def stats() -> None:
    """Node and relationship counts by label and type, and the POSSIBLY_SAME_AS judgement calls.

    Example: medgraph stats
    """
    from medgraph.stats import graph_stats

    driver, database = connected()
    with driver:
        result = graph_stats(driver, database)
    typer.echo(result.labels.to_string(index=False))
    typer.echo("")
    typer.echo(result.types.to_string(index=False))
    typer.echo("\nPossibly the same organisation (kept apart):")
    for row in result.possibly_same.itertuples():
        typer.echo(f"  {row.a_name} ({row.a_country}) ~ {row.b_name} ({row.b_country}): "
                   f"{row.confidence:.2f}, {row.reason}")


def main() -> None:
    try:
        app()
    except MedgraphError as error:
        for line in str(error).splitlines():
            typer.echo(f"Error: {line}", err=True)
        sys.exit(error.exit_code)
