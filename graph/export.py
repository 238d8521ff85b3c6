"""Writing the tie network and the two-mode network for Gephi and spreadsheet users.

`gephi_graphs` prepares them from an analysis (`medgraph.graph.report.analyse`), reusing its
tables rather than computing anything again: every node's ``label`` is its name (the graph's
own label, e.g. "Organisation", becomes ``entity``), organisations carry their centralities
(the ``centrality`` table), their ``community`` and, for South-Med clusters, their level of
"met" (``met_levels`` when the analysis has it, else "none" when ``not_met_eu`` lists them,
"peer" when not); a tie's types are one attribute each (``type_co_attended``, ... its weight
of that type, 0 when absent) and its ``main_type``. Dates are ISO dates in Gephi's timeline format: ``start`` (and
``end`` for events) on nodes and edges, so GEXF files are written in dynamic mode (networkx's
GEXF writer does so as soon as an element has a ``start``) and Gephi's timeline plays them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import networkx as nx
import pandas as pd

from medgraph import schema
from medgraph.errors import MedgraphError
from medgraph.graph.maps.basis import met_levels

__all__ = ["FORMATS", "MEASURES", "flat", "flattened", "tables", "gephi_graphs", "export"]

FORMATS = ("graphml", "gexf", "csv")
#: The centrality table's columns that become node attributes.
MEASURES = ("degree", "weighted_degree", "betweenness", "eigenvector", "pagerank", "closeness", "constraint",
            "effective_size", "events")
COUNTS = ("degree", "events")


def flat(value):
    """An attribute value GraphML and GEXF can hold: lists, dicts and dates become text.

    >>> flat(["a", "b"]), flat({"visited": 0.5}), flat(dt.date(2019, 6, 10)), flat(None), flat(3)
    ('a; b', '{"visited": 0.5}', '2019-06-10', '', 3)
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, default=str)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def flattened(G: nx.Graph) -> nx.Graph:
    """A copy of G whose node and edge attributes are all scalars."""
    H = G.__class__()
    H.add_nodes_from((n, {k: flat(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, {k: flat(x) for k, x in d.items()}) for u, v, d in G.edges(data=True))
    return H


def tables(G: nx.Graph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and edges as two DataFrames (id first; source and target first)."""
    nodes = pd.DataFrame([{"id": n, **d} for n, d in flattened(G).nodes(data=True)])
    edges = pd.DataFrame([{"source": u, "target": v, **d} for u, v, d in flattened(G).edges(data=True)])
    return nodes, edges


def gephi_graphs(analysis) -> dict[str, nx.Graph]:
    """The analysis' tie network ("ties") and organisation–event network ("two_mode") with the
    attributes Gephi shows (see the module's docstring)."""
    K, T, B = analysis.K, analysis.ties, analysis.B
    attrs = organisation_attributes(analysis)
    first = {n: min(filter(None, (K.nodes[e].get("start") for e in B[n])), default=None)
             for n, d in B.nodes(data=True) if d.get("bipartite") == 0}
    ties = nx.Graph()
    ties.add_nodes_from((n, node_attributes(d, attrs.get(n), first.get(n))) for n, d in T.nodes(data=True))
    ties.add_edges_from((u, v, tie_attributes(d)) for u, v, d in T.edges(data=True))
    two_mode = nx.Graph()
    for n, d in B.nodes(data=True):
        if d.get("bipartite") == 1:
            two_mode.add_node(n, **node_attributes(d, None, d.get("start"), end=d.get("end")))
        else:
            two_mode.add_node(n, **node_attributes(d, attrs.get(n), first.get(n)))
    two_mode.add_edges_from((u, v, dated(dict(d), event_start(K, u, v))) for u, v, d in B.edges(data=True))
    return {"ties": ties, "two_mode": two_mode}


def organisation_attributes(analysis) -> dict[str, dict]:
    """Organisation id -> its centralities, community and level of "met" (from the tables)."""
    t = analysis.tables
    found = {row["id"]: {m: number(m, row[m]) for m in MEASURES if m in row}
             for row in t["centrality"].to_dict("records")}
    for row in t["communities"].to_dict("records"):
        found.setdefault(row["id"], {})["community"] = int(row["community"])
    south = [n for n, d in analysis.ties.nodes(data=True) if schema.is_south_med_cluster(d)]
    unmet = set(t["not_met_eu"]["id"])
    levels = met_levels(t) or {n: (None if n in unmet else "peer", False) for n in south}
    for n, (level, uncertain) in levels.items():
        found.setdefault(n, {}).update(met_level=level or "none", met_uncertain=uncertain)
    return found


def number(measure: str, value) -> float | int:
    """A table's figure as a plain int (the counts) or float (NaN stays NaN)."""
    return int(value) if measure in COUNTS else float(value)


def node_attributes(d: dict, measures: dict | None, start, end=None) -> dict:
    """A node's attributes for Gephi: label = its name, its graph label as ``entity``, the
    analysis' figures (organisations; defaults where a node has none), ``start``/``end`` dates."""
    node = {k: v for k, v in d.items() if k not in ("label", "name", "start", "end", "bipartite")}
    node.update(label=d.get("name") or "", entity=d.get("label") or "")
    if "bipartite" in d:
        node["bipartite"] = d["bipartite"]
    if d.get("label") == "Organisation":
        node.update({m: 0 if m in COUNTS else math.nan for m in MEASURES}, community=-1, met_level="", met_uncertain=False)
        node.update(measures or {})
    return dated(node, start, end)


def dated(attrs: dict, start, end=None) -> dict:
    """attrs with ISO ``start`` and ``end`` for Gephi's timeline when known."""
    attrs.update({k: v.isoformat() for k, v in (("start", start), ("end", end)) if isinstance(v, dt.date)})
    return attrs


def tie_attributes(d: dict) -> dict:
    """A tie's attributes for Gephi: one attribute per tie type, the main one, its first date."""
    types = d.get("types") or {}
    tie = {k: v for k, v in d.items() if k not in ("types", "first")}
    tie.update({f"type_{kind}": float(types.get(kind, 0.0)) for kind in schema.TIE_TYPES})
    tie["main_type"] = max(types.items(), key=lambda kv: (kv[1], kv[0]))[0] if types else ""
    tie["first"] = d.get("first")
    return dated(tie, d.get("first"))


def event_start(K: nx.MultiDiGraph, u, v):
    """The start of the event an attendance (u, v) is at."""
    return next((K.nodes[x].get("start") for x in (u, v) if K.nodes[x].get("label") == "Event"), None)


def export(graphs: dict[str, nx.Graph], out_dir: Path, fmt: str) -> list[Path]:
    """Write each named graph in one format; return the files written."""
    if fmt not in FORMATS:
        raise MedgraphError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, G in graphs.items():
        if fmt == "csv":
            nodes, edges = tables(G)
            written += [out_dir / f"{name}_nodes.csv", out_dir / f"{name}_edges.csv"]
            nodes.to_csv(written[-2], index=False)
            edges.to_csv(written[-1], index=False)
        else:
            written.append(out_dir / f"{name}.{fmt}")
            (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(flattened(G), written[-1])
    return written
