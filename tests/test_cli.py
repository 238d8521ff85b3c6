"""Every command explains itself with an example; --help documents the exit codes; the main job runs."""

import re
import subprocess
import sys

import pytest

from medgraph.cli import app, db_app
from medgraph.loaders.load import DEFAULT_DATA, read_rows


def help_of(*args):
    return subprocess.run([sys.executable, "-m", "medgraph", *args, "--help"], capture_output=True, text=True).stdout


@pytest.mark.parametrize("command", [c.name for c in app.registered_commands] + [f"db {c.name}" for c in db_app.registered_commands])
def test_every_command_has_help_with_an_example(command):
    assert "Example: medgraph " in help_of(*command.split())


def test_the_exit_codes_are_documented():
    text = " ".join(help_of().split())
    assert "2 bad input data" in text and "3 Neo4j server unreachable" in text


def test_the_main_job_loads_analyses_and_says_where_the_report_and_map_are(db, neo4j_settings, medgraph_cli,
                                                                            tmp_path):
    rows = read_rows([DEFAULT_DATA])
    db.execute_query("CREATE (:Entity:Organisation {id: 'left-over', name: 'An earlier load'})",
                     database_=neo4j_settings.database)
    texts = tmp_path / "texts"  # no text at hand: every document loads, one line says none was verified
    code, out, err = medgraph_cli("run", "--out", str(tmp_path), "--replace", "--sources", str(texts))
    assert (code, err) == (0, "")
    loaded, unverified, analysed, report, page = out.splitlines()
    documents = sum("Document" in n["labels"] for n in rows.nodes.values())
    assert unverified.startswith(f"note: not verified: {documents} documents whose text (its `file`) is not in {texts}: ")
    assert loaded == f"loaded {documents} documents: {len(rows.nodes)} nodes, {len(rows.relationships)} relationships"
    assert re.fullmatch(r"\d+ organisations, \d+ ties; \d+ of \d+ South-Med clusters have met a named EU peer, "
                        r"\d+ more an EU organiser or host, \d+ more attended an EU event; \d+ met none \(\d+ uncertain\)",
                        analysed)
    assert report == f"report: {tmp_path / 'analysis' / 'report.html'}, report.md"
    assert page == f"map:    {tmp_path / 'map.html'}"
    assert "South-Med" in (tmp_path / "analysis" / "report.md").read_text()
    assert "vis.Network" in (tmp_path / "map.html").read_text()


def medgraph(*args):
    done = subprocess.run([sys.executable, "-m", "medgraph", *args], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def test_a_bad_option_is_one_line_that_says_what_was_expected():
    assert medgraph("analyze", "--as-of", "2019-13-01") == (
        1, "", "Error: --as-of: expected a date YYYY-MM-DD, found '2019-13-01'\n")
    assert medgraph("map", "--period", "2019") == (
        1, "", "Error: --period: expected programme, all or START..END (YYYY-MM-DD), found '2019'\n")
    assert medgraph("map", "--view", "globe") == (
        1, "", "Error: --view: expected one of ties, events, countries, found 'globe'\n")
    assert medgraph("query", "counts_by_type", "--format", "xml") == (
        1, "", "Error: --format: expected one of table, csv, json, found 'xml'\n")
    assert medgraph("load", "--seed", "x") == (1, "", "Error: No such option: --seed (Possible options: --event, --seeds)\n")


def test_the_commands_offer_the_views_sizes_and_formats_the_library_takes():
    from medgraph import options, queries
    from medgraph.graph import export, maps

    assert [v.value for v in options.View] == list(maps.VIEWS)
    assert tuple(s.value for s in options.SizeBy) == maps.SIZE_BY
    assert tuple(f.value for f in options.ExportFormat) == export.FORMATS
    assert tuple(f.value for f in options.QueryFormat) == queries.FORMATS


def test_the_dated_commands_share_one_as_of_option():
    from medgraph import options

    for command in ("analyze", "export", "map"):
        callback = next(c.callback for c in app.registered_commands if c.name == command)
        assert callback.__annotations__["as_of"] == "AsOf", command
    assert options.day(options.dt.datetime(2019, 6, 30)) == options.dt.date(2019, 6, 30)
