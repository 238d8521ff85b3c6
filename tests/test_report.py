"""`medgraph analyze` on the invented fixture programme, read back from the real Neo4j."""

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from medgraph.graph import report_tables
from medgraph.graph.readout import read_graph
from medgraph.graph.report import Analysis, analyse, write_csv, write_report
from medgraph.graph.report_html import render_html
from medgraph.graph.report_md import render_markdown
from medgraph.graph.summary import summarise
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
    assert (tmp_path / "one" / "report.md").read_text() == (tmp_path / "two" / "report.md").read_text()
    assert sorted(p.name for p in (tmp_path / "one").iterdir())[:3] == ["brokerage.csv", "centrality.csv", "communities.csv"]


def test_the_analyze_command_prints_a_summary_and_the_report_path(db, neo4j_settings, tmp_path, medgraph_cli):
    fixture_graph(db, neo4j_settings)
    assert medgraph_cli("analyze", "--out", str(tmp_path)) == (0, (
        "9 organisations, 14 ties; 4 of 4 South-Med clusters have met a named EU peer, 0 more an EU organiser or "
        "host, 0 more attended an EU event; 0 met none (0 uncertain)\n"
        f"report: {tmp_path / 'report.html'}, report.md\n"), "")
    assert medgraph_cli("analyze", "--as-of", "June") == (
        1, "", "Error: --as-of: expected a date YYYY-MM-DD, found 'June'\n")


# --- the reports of a small analysis made here, with the levels of "met" -------------------------

def small_analysis(**extra: pd.DataFrame) -> Analysis:
    """Two South-Med clusters: Agrinova met Solartys at a visit; QOOT only an organiser's event."""
    tables = {
        "centrality": pd.DataFrame({"id": ["agrinova", "solartys", "qoot"], "name": ["Agrinova", "Solartys", "QOOT"],
                                    "country": ["MA", "ES", "LB"], "degree": [1, 1, 0],
                                    "betweenness": [0.0, 0.5, 0.0]}),
        "met_matrix": pd.DataFrame({"south_id": ["agrinova"], "south_name": ["Agrinova"], "south_country": ["MA"],
                                    "eu_id": ["solartys"], "eu_name": ["Solartys"], "eu_country": ["ES"],
                                    "how": ["visited"], "events": ["visit"], "evidence": ["doc:3"]}),
        "not_met_eu": pd.DataFrame({"id": ["qoot"], "name": ["QOOT"], "country": ["LB"], "ties": [0],
                                    "uncertain": [True]}),
        "coverage_by_country": pd.DataFrame({"country": ["LB", "MA"], "clusters": [1, 1], "met_eu": [0, 1],
                                             "share": [0.0, 1.0]}),
        "growth": pd.DataFrame({"date": [dt.date(2019, 6, 14)], "event": ["visit"], "name": ["Visit"],
                                "tied_organisations": [2], "ties": [1], "eu_share": [0.5],
                                "new_ties": [["Agrinova—Solartys"]]}),
        **extra,
    }
    return Analysis({"as_of": None, "merge_possible": False, "members_for_cluster": False}, tables, {"ties": 1})


def levels_table() -> pd.DataFrame:
    return pd.DataFrame({"south_id": ["agrinova", "qoot"], "south_name": ["Agrinova", "QOOT"],
                         "south_country": ["MA", "LB"], "level": ["peer", "organiser_or_host"], "peers": [1, 0],
                         "organisers_hosts": [0, 1], "eu_events": [0, 0], "uncertain": [False, True],
                         "evidence": ["doc:3", "doc:9"]})


def test_the_summary_takes_its_figures_from_the_tables():
    s = summarise(small_analysis())
    assert (s.organisations, s.ties, s.south_med_clusters, s.met_an_eu_peer) == (3, 1, 2, 1)
    assert s.brokers[0] == ("Solartys", "ES", 0.5)
    assert s.not_met == [("QOOT", "LB", True)] and s.met_levels is None
    assert [(c.name, c.peers, c.ways) for c in s.met] == [("Agrinova", ["Solartys"], ["visited"])]


def test_with_levels_of_met_the_not_met_list_holds_only_clusters_with_no_contact():
    s = summarise(small_analysis(met_levels=levels_table()))
    assert s.met_levels == {"organiser_or_host": 1, "peer": 1} and s.not_met == []
    markdown, page = render_markdown(small_analysis(met_levels=levels_table())), render_html(small_analysis(
        met_levels=levels_table()))
    assert "- **Levels of met.** South-Med clusters by the strongest EU contact they have: " in markdown
    assert "| QOOT         | LB              | organiser or host |" in markdown
    assert "organiser or host" in page and "Levels of met" in page


def test_without_levels_the_uncertain_clusters_are_flagged():
    markdown = render_markdown(small_analysis())
    assert "- **No EU contact yet.** QOOT (LB) — uncertain. 1 of them uncertain" in markdown
    assert "Levels of met" not in markdown


def test_the_html_report_holds_a_chart_per_section_that_has_one_and_links_the_csvs():
    page = render_html(small_analysis())
    assert page.count("<svg") == 5      # met by organisation and by country, coverage, brokers, growth
    assert 'href="met_matrix.csv"' in page and 'href="growth.csv"' in page
    assert "Burt 1992" in page and "Gould &amp; Fernandez 1989" in page


def a_long_table(rows: int = 60) -> pd.DataFrame:
    """Names repeated row after row, some needing quotes, missing cells, numbers of each kind."""
    names = ["Cluster A", "Cluster, B", 'The "C"', "Line\nbreak", "", None]
    return pd.DataFrame({
        "id": [f"org-{i % 7}" for i in range(rows)],
        "name": [names[i % len(names)] for i in range(rows)],
        "country": [["MA", None, float("nan")][i % 3] for i in range(rows)],
        "peer": [f"eu-{i}" for i in range(rows)],  # a new value on every row
        "weight": [[0.1, 1e-07, 2.0, float("nan"), 123456.789][i % 5] for i in range(rows)],
        "ties": [i * 3 for i in range(rows)],
        "uncertain": [i % 2 == 0 for i in range(rows)],
        "evidence": [f"doc-{i}:1, doc-{i}:2" if i < 5 else None for i in range(rows)],
    })


def test_a_long_table_is_written_byte_for_byte_as_pandas_writes_it(tmp_path):
    table = a_long_table()

    write_csv(table, tmp_path / "cells.csv", fast_rows=0)
    table.to_csv(tmp_path / "pandas.csv", index=False)

    assert (tmp_path / "cells.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()


def test_a_table_with_lists_in_its_cells_is_written_by_pandas(tmp_path):
    table = pd.DataFrame({"event": ["e1", "e2"], "new_ties": [["A—B"], []]})

    write_csv(table, tmp_path / "growth.csv", fast_rows=0)

    assert (tmp_path / "growth.csv").read_text(encoding="utf-8") == table.to_csv(index=False)


@pytest.mark.parametrize("descending", [(), ("a",), ("b",), ("a", "b")])
def test_the_first_rows_of_a_long_table_are_those_of_the_whole_sorted_table(monkeypatch, descending):
    monkeypatch.setattr(report_tables, "NARROW_ABOVE", 0)
    rng = np.random.default_rng(7)
    t = pd.DataFrame({"a": rng.choice(["x", "y", "z", "é", None], 200), "b": rng.choice([1.0, 2.0, np.nan], 200),
                      "c": np.arange(200)})

    for top in (1, 5, 40, 199):
        order = report_tables.by("a", "b", descending=descending)
        pd.testing.assert_frame_equal(order.head(t, top), order(t).head(top))
