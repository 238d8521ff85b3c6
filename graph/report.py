"""`medgraph analyze`: every analysis of the tie network, as CSV tables, report.md and report.html."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from medgraph.graph import centrality, communities, coverage, growth, met, metmatrix, recommend, ties
from medgraph.graph import engine as eng
from medgraph.graph.brokerage import tie_brokerage
from medgraph.schema import PEER


@dataclass(frozen=True)
class Analysis:
    """The tables of one analysis run, and the options that made them."""

    options: dict
    tables: dict[str, pd.DataFrame]
    summary: dict
    K: nx.MultiDiGraph = field(repr=False, default=None)  # the knowledge graph analysed
    T: nx.Graph | None = field(repr=False, default=None)  # its tie network (ties.tie_graph); None at scale
    ties: nx.Graph | ties.TieArrays = field(repr=False, default=None)  # what the tables read: T, or arrays
    two_mode: nx.Graph | None = field(repr=False, default=None)  # B when made by the analysis

    @cached_property
    def B(self) -> nx.Graph:
        """Its organisation–event graph (`ties.two_mode`): made when first asked on the arrays
        path (the analyses there do not need it; at L it holds a million attendances)."""
        return self.two_mode if self.two_mode is not None else ties.two_mode(self.K, **self.options)


#: On the arrays path growth lists this many new ties per event, then "… and N more".
NEW_TIES_LISTED = 20
#: On the arrays path the met matrix lists events and evidence for this many rows (its first).
MET_EVIDENCE_LISTED = 1_000


def tie_network(K: nx.MultiDiGraph, options: dict, *, engine: str = "auto",
                max_pairs: int = ties.MAX_PAIRS) -> nx.Graph | ties.TieArrays:
    """The tie network the analyses read: as arrays (`ties.tie_arrays`) above
    `engine.COMPILED_ABOVE` ties (or with engine "compiled"), else NetworkX's `ties.tie_graph`
    (engine "networkx" always: then `max_pairs` caps it).

    >>> from medgraph.graph.knowledge import example_graph
    >>> type(tie_network(example_graph(), {})).__name__, type(tie_network(example_graph(), {}, engine="compiled")).__name__
    ('Graph', 'TieArrays')
    """
    if engine != "networkx":
        A = ties.tie_arrays(K, **options)
        if engine == "compiled" or A.number_of_edges() > eng.COMPILED_ABOVE:
            return A
    return ties.tie_graph(K, **options, max_pairs=max_pairs)


def analyse(K: nx.MultiDiGraph, *, as_of: dt.date | None = None, merge_possible: bool = False,
            members_for_cluster: bool = False, seed: int = 0, k: int | None = None,
            max_pairs: int = ties.MAX_PAIRS, period=growth.PROGRAMME, engine: str = "auto") -> Analysis:
    """Run every analysis on the knowledge graph K (pure: no I/O).

    Up to `medgraph.graph.engine.COMPILED_ABOVE` ties the analyses read NetworkX's tie graph T
    (the reference); above, the same functions read the tie network as arrays (`tie_network`),
    T is None, growth lists `NEW_TIES_LISTED` new ties per event and the met matrix the events
    and evidence of its first `MET_EVIDENCE_LISTED` rows (the methods say so). `engine` ("auto",
    "networkx", "compiled") forces a path.

    Betweenness is exact up to `centrality.EXACT_BETWEENNESS_MAX` organisations and sampled
    from `centrality.BETWEENNESS_SAMPLE` sources above, or by the engine's thresholds on the
    compiled path (`medgraph.graph.engine`, above its number of ties; `k` sets the sample, 0
    exact); the summary says which (``betweenness_k``, None when exact, and ``methods``: the
    method of each measure). `max_pairs` caps the tie network (`ties.tie_graph`). `period` is
    growth's (`growth.growth`: the programme's own by default).
    """
    options = {"as_of": as_of, "merge_possible": merge_possible, "members_for_cluster": members_for_cluster}
    T = tie_network(K, options, engine=engine, max_pairs=max_pairs)
    at_scale = ties.is_arrays(T)
    k = centrality.auto_k(T.number_of_nodes(), k, compiled=eng.compiled(T, engine), ties=T.number_of_edges())
    ranking = centrality.centrality_table(T, k=k, seed=seed, engine=engine)
    B = None if at_scale else ties.two_mode(K, **options)
    events = (centrality.occasions_attended(K, T.graph["attendance"].events_by_org()) if at_scale
              else centrality.events_attended(K, B))
    ranking.insert(5, "events", [events.get(n, 0) for n in ranking["id"]])
    tie_options = ties.TieOptions(**options)
    # the attendances the arrays hold (as arrays): met levels and growth read them, not K again
    levels = met.met_levels(K, tie_options, T, attended=T.attendances() if at_scale else None)
    not_met = met.unmet(levels)
    counts = met.level_counts(levels)
    tables = {
        "centrality": ranking,
        "brokerage": tie_brokerage(T, group_attr="region", engine=engine),
        "communities": communities.communities(T, seed=seed, engine=engine),
        "country_ties": communities.country_ties(T),
        "met_matrix": metmatrix.met_matrix(T, listed=MET_EVIDENCE_LISTED if at_scale else None),
        "met_levels": levels,
        "met_levels_by_country": met.levels_by_country(levels),
        "not_met_eu": not_met,
        "coverage_by_country": metmatrix.coverage_by_country(T),
        "next_meetings": recommend.next_meetings(T),
        "growth": growth.growth(K, tie_options, period=period, listed=NEW_TIES_LISTED if at_scale else None,
                                attended=T.graph["attendance"].pairs() if at_scale else None),
        **{f"thin_{name}": table for name, table in coverage.thin_spots(K, T).items()},
    }
    summary = {
        "organisations": T.number_of_nodes(),
        "ties": T.number_of_edges(),
        "south_med_clusters": len(levels),
        "met_an_eu_peer": counts[PEER],
        "met_levels": counts,
        "met_none": len(not_met),
        "met_uncertain": int(not_met["uncertain"].sum()),
        "betweenness_k": k,
        "methods": {**eng.methods_of(T, k, engine), **({"met_matrix": f"events and evidence of the first "
                    f"{MET_EVIDENCE_LISTED:,} rows (ties.tie_evidence lists any tie's)",
                    "next_meetings": recommend.method()} if at_scale else {})},
        **communities.south_north_shares(T),
    }
    return Analysis(options, tables, summary, K, None if at_scale else T, T, B)


def write_report(analysis: Analysis, out_dir: Path) -> Path:
    """Write every table as CSV, report.md and report.html (its charts) into out_dir; return the HTML.

    Both reports show the same `summary.Summary`, built from the tables written as CSV.
    """
    from medgraph.graph.report_html import render_html
    from medgraph.graph.report_md import render_markdown
    from medgraph.graph.summary import summarise

    out_dir.mkdir(parents=True, exist_ok=True)
    for name, table in analysis.tables.items():
        write_csv(table, out_dir / f"{name}.csv")
    summary = summarise(analysis)
    (out_dir / "report.md").write_text(render_markdown(analysis, summary), encoding="utf-8")
    report = out_dir / "report.html"
    report.write_text(render_html(analysis, summary), encoding="utf-8")
    return report


#: Tables of more rows than this are written by `write_csv`'s own path (below: pandas' `to_csv`).
CSV_FAST_ROWS = 100_000
#: ... whose cells repeat: columns are taken together while their distinct rows stay under this share.
_DISTINCT_SHARE = 0.25
_CSV_ROWS = 200_000  # rows per write


def write_csv(table: pd.DataFrame, path: Path, *, fast_rows: int = CSV_FAST_ROWS) -> None:
    """The table as `table.to_csv(path, index=False)` writes it, byte for byte. Above `fast_rows`
    rows (and two columns) each distinct cell is formatted once by pandas and the rows are
    assembled from the cells' codes (a million-row met matrix repeats its organisations' names
    on every row): runs of columns whose combinations stay few are formatted together, once."""
    segments = _segments(table) if len(table) > fast_rows and table.shape[1] > 1 else None
    if segments is None:
        table.to_csv(path, index=False)
        return
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(table.head(0).to_csv(index=False))
        for start in range(0, len(table), _CSV_ROWS):
            rows = [cells[codes[start:start + _CSV_ROWS]] for codes, cells in segments]
            line = rows[0]
            for more in rows[1:]:
                line = line + "," + more
            out.write("\n".join(line.tolist()) + "\n")


def _segments(table: pd.DataFrame) -> list[tuple[np.ndarray, np.ndarray]] | None:
    """Runs of adjacent columns as (each row's code, the run's distinct rows formatted as CSV
    cells joined by commas); None when a column's cells cannot be told apart (lists)."""
    try:
        columns = [pd.factorize(table.iloc[:, c], use_na_sentinel=False)[0] for c in range(table.shape[1])]
    except TypeError:  # unhashable cells
        return None
    runs, names, code = [], [], None
    for name, codes in enumerate(columns):
        joint = codes.astype(np.int64) if code is None else code * (codes.max(initial=0) + 1) + codes
        joined, distinct = pd.factorize(joint)
        if code is not None and len(distinct) > _DISTINCT_SHARE * len(table):
            runs.append((names, code))
            joined, names = codes.astype(np.int64), []
        names, code = [*names, name], joined
    runs.append((names, code))
    return [(code, _cells(table, names, _firsts(code))) for names, code in runs]


def _firsts(codes: np.ndarray) -> np.ndarray:
    """Where each code first appears, codes numbered in order of appearance (as `pd.factorize` does).

    >>> _firsts(np.array([0, 1, 0, 2, 1])).tolist()
    [0, 1, 3]
    """
    return np.flatnonzero(np.diff(np.maximum.accumulate(codes), prepend=-1) > 0)


def _cells(table: pd.DataFrame, names: list[int], rows: np.ndarray) -> np.ndarray:
    """The given rows of the columns at positions `names`, as `to_csv` writes them (without a line end)."""
    cells = table.iloc[rows, names]
    cells.insert(len(names), "end", 0, allow_duplicates=True)  # a last cell: no row is a lone empty cell
    text = cells.to_csv(index=False, header=False, lineterminator="\n\x00")  # "\n" in it: quoted as to_csv does
    return np.array(text.split(",0\n\x00")[:-1], dtype=object)
