"""Groups in the tie network, and how ties run between countries and regions."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from medgraph.errors import MedgraphError
from medgraph.graph import engine as eng
from medgraph.graph.ties.arrays import is_arrays
from medgraph.schema import EU, SOUTH_MED

UNKNOWN = "unknown"


def communities(T: nx.Graph, seed: int = 0, engine: str = "auto") -> pd.DataFrame:
    """Louvain communities of the tie network (weighted by ``weight``, seeded): networkx's, or
    NetworKit's PLM above `medgraph.graph.engine.COMPILED_ABOVE` ties (`engine` as for
    `centrality.centrality_table`).

    Communities are numbered from 0 by size (largest first), then by their smallest id; an
    isolated organisation is a community of its own.

    Returns a DataFrame id, name, community sorted by community, then name and id.

    Examples
    --------
    >>> G = nx.barbell_graph(3, 0)
    >>> communities(G).groupby("community")["id"].apply(list).tolist()
    [[0, 1, 2], [3, 4, 5]]
    """
    if len(T) and eng.compiled(T, engine):
        N = eng.network(T)
        found = [[N.ids[i] for i in part] for part in eng.louvain(N, seed=seed)]
    else:
        found = nx.community.louvain_communities(T, weight="weight", seed=seed) if len(T) else []
    found = sorted((sorted(c, key=str) for c in found), key=lambda c: (-len(c), str(c[0])))
    rows = [{"id": n, "name": T.nodes[n].get("name", n), "community": i} for i, c in enumerate(found) for n in c]
    rows.sort(key=lambda r: (r["community"], str(r["name"]), str(r["id"])))
    return pd.DataFrame(rows, columns=["id", "name", "community"])


def country_of(T: nx.Graph, n) -> str:
    return T.nodes[n].get("country") or UNKNOWN


def country_ties(T: nx.Graph, value: str = "ties") -> pd.DataFrame:
    """The country × country matrix of ties between their organisations.

    Parameters
    ----------
    T : the tie network
    value : "ties" (how many ties) or "weight" (their summed weights)

    Returns
    -------
    DataFrame with a ``country`` column and one column per country (codes in order, organisations
    without a country under "unknown", last); symmetric, a country's own ties on the diagonal.

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> print(country_ties(tie_graph(example_graph())).to_string(index=False))
    country  ES  FR  LB  MA  TN
         ES   0   0   0   1   1
         FR   0   1   0   2   1
         LB   0   0   0   0   0
         MA   1   2   0   1   1
         TN   1   1   0   1   0
    """
    if value not in ("ties", "weight"):
        raise MedgraphError(f"country_ties: unknown value {value!r}: one of ties, weight")
    if is_arrays(T):
        return _country_ties_arrays(T, value)
    codes = sorted({country_of(T, n) for n in T}, key=lambda c: (c == UNKNOWN, c))
    matrix = {a: dict.fromkeys(codes, 0 if value == "ties" else 0.0) for a in codes}
    for u, v, d in T.edges(data=True):
        a, b = country_of(T, u), country_of(T, v)
        amount = 1 if value == "ties" else d.get("weight", 1.0)
        matrix[a][b] += amount
        if a != b:
            matrix[b][a] += amount
    return pd.DataFrame([{"country": a, **matrix[a]} for a in codes], columns=["country", *codes])


def _country_ties_arrays(T, value: str) -> pd.DataFrame:
    """`country_ties` of a `ties.TieArrays`: one sparse pass over its ties."""
    names, code = T.codes("country", UNKNOWN)
    order = sorted(range(len(names)), key=lambda c: (names[c] == UNKNOWN, names[c]))
    C = T.group_ties(code, len(names), weight=value == "weight")[np.ix_(order, order)]
    codes = [names[c] for c in order]
    matrix = C.astype(np.int64) if value == "ties" else C
    table = pd.DataFrame(matrix, columns=codes)
    table.insert(0, "country", codes)
    return table


def tie_kind(T: nx.Graph, u, v) -> str:
    """south_south, south_north (South-Med with EU) or other, from the two regions."""
    return kind_of(str(T.nodes[u].get("region")), str(T.nodes[v].get("region")))


def kind_of(a: str, b: str) -> str:
    """`tie_kind` from the two regions.

    >>> kind_of("EU", "South-Med"), kind_of("EU", "EU")
    ('south_north', 'other')
    """
    regions = sorted((a, b))
    if regions == [SOUTH_MED, SOUTH_MED]:
        return "south_south"
    if regions == sorted([EU, SOUTH_MED]):
        return "south_north"
    return "other"


def south_north_shares(T: nx.Graph, weight: str | None = None) -> dict[str, float]:
    """The shares of South–South, South–North (South-Med with EU) and other ties.

    Shares of the number of ties, or of their summed `weight` attribute; all 0.0 without ties.

    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> south_north_shares(tie_graph(example_graph()))
    {'south_south': 0.25, 'south_north': 0.625, 'other': 0.125}
    """
    totals = dict.fromkeys(("south_south", "south_north", "other"), 0.0)
    if is_arrays(T):
        names, code = T.codes("region", "None")
        C = T.group_ties(code, len(names), weight=weight is not None)
        for g, h in zip(*np.triu_indices(len(names))):
            totals[kind_of(names[g], names[h])] += float(C[g, h])
    for u, v, d in () if is_arrays(T) else T.edges(data=True):
        totals[tie_kind(T, u, v)] += d.get(weight, 1.0) if weight else 1.0
    whole = sum(totals.values())
    return {kind: (amount / whole if whole else 0.0) for kind, amount in totals.items()}
