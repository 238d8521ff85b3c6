"""`medgraph analyze`: every analysis of the tie network, as CSV tables, report.md and report.html."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pandas as pd

from medgraph.graph import centrality, communities, coverage, growth, metmatrix, recommend, ties
from medgraph.graph.brokerage import brokerage_roles
from medgraph.schema import is_south_med_cluster


@dataclass(frozen=True)
class Analysis:
    """The tables of one analysis run, and the options that made them."""

    options: dict
    tables: dict[str, pd.DataFrame]
    summary: dict
    K: nx.MultiDiGraph = field(repr=False, default=None)  # the knowledge graph analysed
    T: nx.Graph = field(repr=False, default=None)  # its tie network (ties.tie_graph)
    B: nx.Graph = field(repr=False, default=None)  # its organisation-event graph (ties.two_mode)


def analyse(K: nx.MultiDiGraph, *, as_of: dt.date | None = None, merge_possible: bool = False,
            members_for_cluster: bool = False, seed: int = 0, k: int | None = None,
            max_pairs: int = ties.MAX_PAIRS) -> Analysis:
    """Run every analysis on the knowledge graph K (pure: no I/O).

    Betweenness is exact up to `centrality.EXACT_BETWEENNESS_MAX` organisations and sampled
    from `centrality.BETWEENNESS_SAMPLE` sources above (`k` sets the sample, 0 exact); the
    summary says which (``betweenness_k``, None when exact). `max_pairs` caps the tie network
    (`ties.tie_graph`).
    """
    options = {"as_of": as_of, "merge_possible": merge_possible, "members_for_cluster": members_for_cluster}
    T = ties.tie_graph(K, **options, max_pairs=max_pairs)
    k = centrality.auto_k(T.number_of_nodes(), k)
    ranking = centrality.centrality_table(T, k=k, seed=seed)
    B = ties.two_mode(K, **options)
    events = centrality.events_attended(K, B)
    ranking.insert(5, "events", [events.get(n, 0) for n in ranking["id"]])
    not_met = metmatrix.not_met_eu(T)
    south = [n for n, d in T.nodes(data=True) if is_south_med_cluster(d)]
    tables = {
        "centrality": ranking,
        "brokerage": brokerage_roles(T.to_directed(), group_attr="region"),
        "communities": communities.communities(T, seed=seed),
        "country_ties": communities.country_ties(T),
        "met_matrix": metmatrix.met_matrix(T),
        "not_met_eu": not_met,
        "coverage_by_country": metmatrix.coverage_by_country(T),
        "next_meetings": recommend.next_meetings(T),
        "growth": growth.growth(K, ties.TieOptions(merge_possible=merge_possible,
                                                   members_for_cluster=members_for_cluster)),
        **{f"thin_{name}": table for name, table in coverage.thin_spots(K, T).items()},
    }
    summary = {
        "organisations": T.number_of_nodes(),
        "ties": T.number_of_edges(),
        "south_med_clusters": len(south),
        "met_an_eu_peer": len(south) - len(not_met),
        "betweenness_k": k,
        **communities.south_north_shares(T),
    }
    return Analysis(options, tables, summary, K, T, B)


def write_report(analysis: Analysis, out_dir: Path) -> Path:
    """Write every table as CSV, report.md and report.html (its charts) into out_dir; return the HTML.

    Both reports show the same `summary.Summary`, built from the tables written as CSV.
    """
    from medgraph.graph.report_html import render_html
    from medgraph.graph.report_md import render_markdown
    from medgraph.graph.summary import summarise

    out_dir.mkdir(parents=True, exist_ok=True)
    for name, table in analysis.tables.items():
        table.to_csv(out_dir / f"{name}.csv", index=False)
    summary = summarise(analysis)
    (out_dir / "report.md").write_text(render_markdown(analysis, summary), encoding="utf-8")
    report = out_dir / "report.html"
    report.write_text(render_html(analysis, summary), encoding="utf-8")
    return report
