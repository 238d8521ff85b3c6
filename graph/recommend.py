"""Next meetings to plan: EU organisations each South-Med cluster has not met yet.

The score of a South-Med cluster s and an EU organisation e they are not tied to is

    Adamic–Adar(s, e) + 0.5 if they share a sector + 0.25 if e is a Cluster

where Adamic–Adar (networkx's ``adamic_adar_index`` on the unweighted tie network) sums
1/log(degree) over their common neighbours: a partner in common counts more the fewer ties it
has. Sectors match when both are given and equal, ignoring case. Candidates scoring 0 are left
out. Scores are rounded to 6 decimals, and equal scores ranked by the EU organisation's name,
then id, so the ranking never depends on floating-point noise or on the order of the graph.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from medgraph import schema
from medgraph.graph.metmatrix import name, south_clusters
from medgraph.schema import is_eu

SECTOR_BONUS = 0.5
CLUSTER_BONUS = 0.25
COLUMNS = ["south_id", "south_name", "south_country", "rank", "eu_id", "eu_name", "eu_country", "score", "reasons"]


def same_sector(a: dict, b: dict) -> bool:
    """Both have a sector, and it is the same (ignoring case).

    >>> same_sector({"sector": "Agri-food"}, {"sector": "agri-food"}), same_sector({}, {})
    (True, False)
    """
    return bool(a.get("sector") and b.get("sector") and a["sector"].casefold() == b["sector"].casefold())


def candidates(T: nx.Graph, s) -> list:
    """The EU organisations not tied to s, by id."""
    return sorted((e for e, d in T.nodes(data=True) if is_eu(d) and e != s and not T.has_edge(s, e)), key=str)


def scored(T: nx.Graph, s, e, adamic_adar: float) -> dict:
    """The score of meeting e for s, and the reasons for it in words."""
    common = sorted(name(T, w) for w in nx.common_neighbors(T, s, e))
    reasons = [f"common partners: {', '.join(common)}"] if common else []
    score = adamic_adar
    if same_sector(T.nodes[s], T.nodes[e]):
        score += SECTOR_BONUS
        reasons.append(f"same sector ({T.nodes[e]['sector']})")
    if T.nodes[e].get("kind") == schema.CLUSTER:
        score += CLUSTER_BONUS
        reasons.append("an EU cluster")
    return {"eu_id": e, "eu_name": name(T, e), "eu_country": T.nodes[e].get("country"),
            "score": round(score, 6), "reasons": "; ".join(reasons)}


def next_meetings(T: nx.Graph, *, top: int = 3) -> pd.DataFrame:
    """For each South-Med cluster, the `top` EU organisations it should meet next.

    Parameters
    ----------
    T : the tie network
    top : how many suggestions per cluster

    Returns
    -------
    DataFrame south_id, south_name, south_country, rank (from 1), eu_id, eu_name, eu_country,
    score, reasons; by south_name, then rank. Clusters with no candidate have no row.

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> table = next_meetings(tie_graph(example_graph()))
    >>> table[["south_id", "rank", "eu_id", "score"]].values.tolist()
    [['olive', 1, 'agro', 2.281574], ['qoot', 1, 'agro', 0.75], ['qoot', 2, 'solar', 0.25]]
    >>> table["reasons"][0]
    'common partners: France Clusters, Technical Textile Cluster; same sector (agri-food); an EU cluster'
    """
    rows = []
    for s in south_clusters(T):
        pairs = [(s, e) for e in candidates(T, s)]
        found = [scored(T, s, e, aa) for _, e, aa in nx.adamic_adar_index(T, pairs)]
        found = sorted((r for r in found if r["score"] > 0), key=lambda r: (-r["score"], r["eu_name"], str(r["eu_id"])))
        rows += [{"south_id": s, "south_name": name(T, s), "south_country": T.nodes[s].get("country"),
                  "rank": rank, **r} for rank, r in enumerate(found[:top], start=1)]
    rows.sort(key=lambda r: (r["south_name"], str(r["south_id"]), r["rank"]))
    return pd.DataFrame(rows, columns=COLUMNS)
