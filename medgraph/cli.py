"""The `medgraph` command: a thin layer over the library; errors become one line."""

from __future__ import annotations

import logging
import sys
import warnings
from pathlib import Path

import typer
from neo4j import PreviewWarning
from neo4j.exceptions import DriverError, Neo4jError

from medgraph import connection, server
from medgraph.errors import MedgraphError, ServerError
from medgraph.graph.maps import view_help
from medgraph.options import (
    PROGRAMME,
    AsOf,
    ClickException,
    ExportFormat,
    NoArgsIsHelpError,
    Period,
    QueryFormat,
    Replace,
    Seeds,
    SizeBy,
    View,
    country_codes,
    usage_message,
)

EXIT_CODES = """Exit codes: 0 success; 1 other error; 2 bad input data; 3 Neo4j server unreachable,
refused or failed to start; 4 missing tool (java, mvn) or failed download."""

app = typer.Typer(help=f"medgraph: the knowledge graph of Mediterranean cluster cooperation.\n\n{EXIT_CODES}",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
db_app = typer.Typer(help="Start, stop and inspect the local Neo4j server.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def connected():
    """The driver and database name of the configured server (NEO4J_URI, else the local one)."""
    config = connection.settings()
    return connection.connect(config), config.database


def read_knowledge_graph():
    """The whole knowledge graph K, read from the configured server (one connection, closed after)."""
    from medgraph.graph.readout import read_graph

    driver, database = connected()
    with driver:
        return read_graph(driver, database)


# --- the local server ------------------------------------------------------------------------

def report_status(status: server.Status) -> None:
    if status.running and status.version is None:
        status = connection.local_status()  # asks the server which version it is
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


# --- the commands ----------------------------------------------------------------------------

@app.command("run")
def run(
    seeds: Seeds = None,
    sources: Path = typer.Option(None, "--sources", envvar="MEDGRAPH_SOURCES",
                                 help="folder of your own source texts (default: data/sources): each document's "
                                      "`file` is checked there, then in --seeds; one absent is not verified"),
    out: Path = typer.Option(Path("out"), "--out", help="folder for the report, its tables and the map"),
    replace: Replace = False,
    period: Period = PROGRAMME,
) -> None:
    """The main job: start the local Neo4j (unless NEO4J_URI is set), load the project's data,
    analyse the graph, write the report and the map, and say where they are.

    Example: medgraph run --seeds ../shared/seeds --out out
    """
    from medgraph.graph import met
    from medgraph.graph.maps import write_map
    from medgraph.graph.readout import read_graph
    from medgraph.graph.report import analyse, write_report
    from medgraph.loaders.load import DEFAULT_SOURCES
    from medgraph.loaders.load import load as load_data

    if connection.settings_from_env() is None:
        report_status(server.start()[0])
    driver, database = connected()
    texts = [sources or DEFAULT_SOURCES] + ([seeds] if seeds else [])
    with driver:
        summary = load_data(driver, database, None, texts, replace)
        typer.echo(f"loaded {summary.documents} documents: {summary.nodes} nodes, {summary.relationships} relationships"
                   + (f" (checked against {seeds})" if seeds else ""))
        report_others(summary)
        K = read_graph(driver, database)
    analysis = analyse(K, period=period)
    typer.echo(met.headline(analysis.summary))
    report = write_report(analysis, out / "analysis")
    typer.echo(f"report: {report}, {report.with_suffix('.md').name}")
    typer.echo(f"map:    {write_map(analysis, out / 'map.html', period=period)}")


def shown_path(path: Path) -> Path:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def report_others(summary) -> None:
    """Say so when the database holds more than the data just loaded (earlier loads), and which
    documents were not verified against their texts."""
    for note in summary.notes:
        typer.echo(f"note: {note}")
    if others := summary.graph_nodes - summary.nodes:
        typer.echo(f"note: the database also holds {others:,} node{'s' * (others != 1)} from earlier loads, and the "
                   "analysis covers them; --replace loads the data alone")


@app.command("load")
def load(
    paths: list[Path] = typer.Argument(None, help="data files or folders (default: the project's data/)"),
    seeds: Seeds = None,
    replace: Replace = False,
    add_new: bool = typer.Option(False, "--add-new", help="add the organisations a spreadsheet names and the "
                                                         "registry lacks to the graph and to registry.yaml"),
    event: str = typer.Option(None, "--event", help="the event (id of one the data holds) of attendee lists "
                                                    "that have no event columns"),
) -> None:
    """Check, resolve and load data files (YAML, CSV or Excel .xlsx) into Neo4j: everything or, on
    any problem, nothing. Spreadsheets given without a registry are read beside the project's data/.

    Example: medgraph load attendees.xlsx --add-new
    """
    from medgraph.loaders.load import load as load_data

    driver, database = connected()
    with driver:
        summary = load_data(driver, database, paths or None, seeds, replace, event, add_new)
    typer.echo(f"loaded {summary.documents} documents: {summary.nodes} nodes, {summary.relationships} relationships")
    if summary.added:
        typer.echo(f"added {len(summary.added)} organisation{'s' * (len(summary.added) > 1)} to "
                   f"{shown_path(summary.registry)}: {', '.join(summary.added)}")
    report_others(summary)


@app.command("extract")
def extract(
    paths: list[Path] = typer.Argument(..., help="press releases: plain text, Markdown or HTML files"),
    out: Path = typer.Option(Path("out/proposed"), "--out", help="folder for the proposed facts files"),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0,
                                         help="leave out facts below this confidence (0 to 1)"),
    registry: Path = typer.Option(None, "--registry", help="registry to resolve names against (default: the "
                                                            "project's data/registry.yaml); the events of the "
                                                            "documents/ folder beside it are linked by id"),
) -> None:
    """Read press releases (English or French) and propose the facts they state, resolved against
    the registry, one facts file per document in the data/ format, for review before `medgraph load`.

    Example: medgraph extract release.txt page.html --out out/proposed --min-confidence 0.7
    """
    from medgraph.loaders.extract.run import extract as extract_files
    from medgraph.loaders.extract.run import review_table
    from medgraph.loaders.load import DEFAULT_DATA

    registry = registry or DEFAULT_DATA / "registry.yaml"
    results = extract_files(paths, registry, out, min_confidence, documents=registry.parent / "documents")
    typer.echo(review_table(results))
    failed = [r for r in results if r.error]
    for result in failed:
        typer.echo(f"Error: {result.error}", err=True)
    if failed:
        raise typer.Exit(2)


@app.command("stats")
def stats(
    checksum: bool = typer.Option(False, "--checksum", help="also print a SHA-256 of the whole graph's content"),
) -> None:
    """Node and relationship counts by label and type, and the POSSIBLY_SAME_AS judgement calls.

    Example: medgraph stats --checksum
    """
    from medgraph.stats import graph_checksum, graph_stats

    driver, database = connected()
    with driver:
        result = graph_stats(driver, database)
        digest = graph_checksum(driver, database) if checksum else None
    typer.echo(result.labels.to_string(index=False))
    typer.echo("")
    typer.echo(result.types.to_string(index=False))
    typer.echo("\nPossibly the same organisation (kept apart):")
    for row in result.possibly_same.itertuples():
        typer.echo(f"  {row.a_name} ({row.a_country}) ~ {row.b_name} ({row.b_country}): "
                   f"{row.confidence:.2f}, {row.reason}")
    if digest:
        typer.echo(f"\nchecksum: {digest}")


@app.command("analyze")
def analyze(
    as_of: AsOf = None,
    merge_possible: bool = typer.Option(False, "--merge-possible/--no-merge-possible",
                                        help="count POSSIBLY_SAME_AS pairs as one organisation"),
    members_for_cluster: bool = typer.Option(False, "--members-for-cluster/--members-as-themselves",
                                             help="count a member company's attendance for its cluster"),
    out: Path = typer.Option(Path("out/analysis"), "--out", help="folder for the CSV tables, report.html and report.md"),
    k: int = typer.Option(None, "--k", help="betweenness from k sampled organisations (0: exact; "
                                            "default: exact up to 10,000 organisations, else 200)"),
    max_pairs: int = typer.Option(None, "--max-pairs",
                                  help="refuse a tie network of more pair incidences than this (default 5,000,000)"),
    period: Period = PROGRAMME,
) -> None:
    """Brokers, met-matrix, gaps, next meetings and growth: CSV tables, report.html (charts) and report.md.

    Example: medgraph analyze --as-of 2019-06-30 --merge-possible --out out/june
    """
    from medgraph.graph import met
    from medgraph.graph.report import analyse, write_report
    from medgraph.graph.ties import MAX_PAIRS

    analysis = analyse(read_knowledge_graph(), as_of=as_of, merge_possible=merge_possible, members_for_cluster=members_for_cluster,
                       k=k, max_pairs=max_pairs or MAX_PAIRS, period=period)
    report = write_report(analysis, out)
    s = analysis.summary
    typer.echo(met.headline(s))
    if s["betweenness_k"]:
        typer.echo(f"betweenness estimated from {s['betweenness_k']} sampled organisations")
    typer.echo(f"report: {report}, {report.with_suffix('.md').name}")


@app.command("export")
def export(
    fmt: ExportFormat = typer.Option(ExportFormat.graphml, "--format", help="the file format"),
    out: Path = typer.Option(Path("out/export"), "--out", help="folder to write into"),
    as_of: AsOf = None,
) -> None:
    """The tie network and the two-mode organisation–event network, for Gephi or a spreadsheet:
    names as labels, centralities, community and level of "met" per organisation, one
    attribute per tie type, dates for Gephi's timeline.

    Example: medgraph export --format gexf --out out/gephi
    """
    from medgraph.graph.export import export as write_graphs
    from medgraph.graph.export import gephi_graphs
    from medgraph.graph.report import analyse

    for path in write_graphs(gephi_graphs(analyse(read_knowledge_graph(), as_of=as_of)), out, fmt):
        typer.echo(str(path))


def split_ids(values: list[str] | None) -> list[str]:
    """Repeated and comma-separated option values as one list: ["a,b", "c"] -> ["a", "b", "c"]."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


@app.command("map")
def map_command(
    view: View = typer.Option(next(iter(View)), "--view", help=view_help()),
    event: list[str] = typer.Option(None, "--event",
                                    help="only ties made at this event (repeat, or comma-separated ids)"),
    country: list[str] = typer.Option(None, "--country",
                                      help="only organisations of this country and their partners (ISO code or "
                                           "name in English or French; repeat)"),
    as_of: AsOf = None,
    size_by: SizeBy = typer.Option(SizeBy.betweenness, "--size-by", help="what a node's size shows"),
    max_nodes: int = typer.Option(400, "--max-nodes", help="above this many nodes, keep the most central"),
    out: Path = typer.Option(Path("out/map.html"), "--out", help="the HTML file to write"),
    period: Period = PROGRAMME,
) -> None:
    """An interactive network map: one self-contained HTML file that works offline.

    Example: medgraph map --view ties --country Tunisie --as-of 2019-12-31 --out out/tunisia.html
    """
    from medgraph.graph.maps import map_data, write_page

    codes = country_codes(country)  # a mistyped country fails before the graph is read
    K = read_knowledge_graph()
    data = map_data(K, view=view, events=split_ids(event), countries=codes, as_of=as_of,
                    size_by=size_by, max_nodes=max_nodes, period=period)
    path = write_page(data, out)
    typer.echo(f"{path}: {data.view} map, {len(data.nodes)} nodes, {len(data.edges)} edges")
    if data.notice:
        typer.echo(data.notice)


@app.command("query")
def query(
    name: str = typer.Argument(None, help="a query of queries/ (see --list) or the path of a .cypher file"),
    param: list[str] = typer.Option(None, "--param", "-p", help="a parameter as key=value (repeat for each)"),
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", help="how to print the rows"),
    list_them: bool = typer.Option(False, "--list", help="list the queries and what each answers"),
    write: bool = typer.Option(False, "--write", help="let the query write (it runs read-only otherwise)"),
) -> None:
    """Ask one of the Cypher questions of queries/ (or run a .cypher file of your own), read-only
    unless --write is given.

    Example: medgraph query who_met_whom -p a=C2TM -p b="Sun Coast Cluster" --format csv
    """
    from medgraph import queries

    if list_them:
        found = queries.list_queries()
        width = max(len(q.name) for q in found)
        for q in found:
            typer.echo(f"{q.name:<{width}}  {q.description}")
        return
    if name is None:
        raise MedgraphError("name a query (`medgraph query --list` lists them) or a .cypher file")
    chosen, parameters = queries.find_query(name), queries.parse_parameters(param)
    queries.check_parameters(chosen, parameters)
    driver, database = connected()
    with driver:
        frame = queries.run(driver, database, chosen, parameters, write=write)
        notes = queries.several_found(driver, database, chosen, parameters)
    for note in notes:
        typer.echo(f"note: {note}", err=True)
    typer.echo(queries.render(frame, fmt), nl=False)


def main() -> None:
    quiet_driver()
    try:
        code = app(standalone_mode=False)
    except NoArgsIsHelpError as error:  # `medgraph` alone: the help, as click shows it
        error.show()
        sys.exit(error.exit_code)
    except ClickException as error:  # a bad option or argument: one line too
        fail(usage_message(error), MedgraphError.exit_code)
    except MedgraphError as error:
        fail(str(error), error.exit_code)
    except (Neo4jError, DriverError) as error:  # the server failed or went away mid-command
        fail(f"Neo4j failed during the command: {connection.reason(error)}", ServerError.exit_code)
    except OSError as error:
        fail(f"{error.filename or 'a file'}: {error.strerror or error}", MedgraphError.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    if isinstance(code, int) and code:
        sys.exit(code)


def fail(message: str, exit_code: int) -> None:
    for line in message.splitlines():
        typer.echo(f"Error: {line}", err=True)
    sys.exit(exit_code)


def quiet_driver() -> None:
    """The driver's own log lines and preview warnings would repeat our one-line errors."""
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    logging.getLogger("neo4j").propagate = False
    warnings.filterwarnings("ignore", category=PreviewWarning)
