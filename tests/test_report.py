"""`medgraph analyze` on the invented fixture programme, read back from the real Neo4j."""

import datetime as dt
from pathlib import Path

from medgraph.graph.readout import read_graph
from medgraph.graph.report import analyse, write_report
from medgraph.loaders.load import load

DATA = Path(__file__).parent / "fixtures" / "data"


def fixture_graph(db, settings):
    load(db, settings.database, [DATA])
    return read_graph(db, settings.database)


def test_the_met_matrix_shows_each_delegate_with_the_host_and_the_mentoring(db, neo4j_settings):
    analysis = analyse(fixture_graph(db, neo4j_settings))
    met = {(r.south_id, r.eu_id, r.how) for r in analysis.tables["met_matrix"].itertuples()}
    assert met == {("dates-ps", "solartys", "visited"), ("dates-tn", "solartys", "visited"),
                   ("c2tm", "solartys", "visited"), ("olive-nw", "solartys", "visited"),
                   ("c2tm", "sun-coast", "co_attended, mentoring"), ("olive-nw", "france-clusters", "agreement")}
    assert analysis.tables["not_met_eu"].empty


def test_nothing_is_tied_before_the_first_event(db, neo4j_settings):
    analysis = analyse(fixture_graph(db, neo4j_settings), as_of=dt.date(2018, 11, 1))
    assert analysis.summary["ties"] == 0 and analysis.summary["met_an_eu_peer"] == 0
    assert analysis.summary["organisations"] == 9


def test_merging_possible_pairs_changes_the_counts(db, neo4j_settings):
    K = fixture_graph(db, neo4j_settings)
    kept, merged = analyse(K), analyse(K, merge_possible=True)
    assert (kept.summary["organisations"], merged.summary["organisations"]) == (9, 8)


def test_two_runs_give_identical_tables(db, neo4j_settings, tmp_path):
    K = fixture_graph(db, neo4j_settings)
    first = write_report(analyse(K), tmp_path / "one").read_text()
    assert write_report(analyse(K), tmp_path / "two").read_text() == first
    assert sorted(p.name for p in (tmp_path / "one").iterdir())[:3] == ["brokerage.csv", "centrality.csv", "communities.csv"]


def test_the_analyze_command_prints_a_summary_and_the_report_path(db, neo4j_settings, tmp_path, medgraph_cli):
    fixture_graph(db, neo4j_settings)
    assert medgraph_cli("analyze", "--out", str(tmp_path)) == (0, (
        "9 organisations, 14 ties; 4 of 4 South-Med clusters have met a named EU peer, 0 more an EU organiser or "
        "host, 0 more attended an EU event; 0 met none (0 uncertain)\n"
        f"report: {tmp_path / 'report.md'}\n"), "")
    assert medgraph_cli("analyze", "--as-of", "June") == (
        1, "", "Error: --as-of: expected a date YYYY-MM-DD, found 'June'\n")
