"""Writing the tie network and the two-mode network for Gephi and spreadsheet users."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import networkx as nx
import pandas as pd

from medgraph.errors import MedgraphError

FORMATS = ("graphml", "gexf", "csv")


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
