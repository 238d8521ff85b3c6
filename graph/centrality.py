"""Who is central in the tie network, and who brokers between otherwise separate organisations.

Distances for betweenness and closeness are ``1/weight``: a strong tie is a short one. Eigenvector
centrality is computed per connected component (networkx's power iteration, its numpy version
when that does not converge), each component's vector scaled by the component's share of the
nodes, so that a small separate group does not look as central as the main one; isolated nodes
score 0. Burt's constraint and effective size are networkx's, weighted; they are NaN for an
isolated node, which has no ego network.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from medgraph import progress
from medgraph.graph import engine as eng

# Above this many nodes `auto_k` samples betweenness from BETWEENNESS_SAMPLE sources (Brandes
# & Pich 2007): exact betweenness costs one shortest-path search per node.
EXACT_BETWEENNESS_MAX = 10_000
BETWEENNESS_SAMPLE = 200

COLUMNS = ["id", "name", "country", "region", "kind", "degree", "weighted_degree", "betweenness",
           "eigenvector", "pagerank", "closeness", "constraint", "effective_size"]


def centrality_table(T: nx.Graph, *, k: int | None = None, seed: int = 0, engine: str = "auto") -> pd.DataFrame:
    """Every node of the tie network with its centralities, most connected first.

    Parameters
    ----------
    T : the tie network (`medgraph.graph.ties.tie_graph`), edges weighted by ``weight``
    k : betweenness from k sampled sources (exact when None or k >= the number of nodes)
    seed : the seed of that sample
    engine : "auto" (NetworkX up to `medgraph.graph.engine.COMPILED_ABOVE` ties, the compiled
        path above), "networkx" or "compiled"; `engine.methods` says what each path computes

    Returns
    -------
    DataFrame with columns id, name, country, region, kind, degree, weighted_degree,
    betweenness, eigenvector, pagerank, closeness, constraint, effective_size; sorted by
    degree (descending), then name and id.

    Examples
    --------
    >>> star = nx.star_graph(3)
    >>> nx.set_node_attributes(star, {0: "hub", 1: "a", 2: "b", 3: "c"}, "name")
    >>> table = centrality_table(star)
    >>> table[["name", "degree", "betweenness", "constraint"]].values.tolist()
    [['hub', 3, 1.0, 0.3333333333333333], ['a', 1, 0.0, 1.0], ['b', 1, 0.0, 1.0], ['c', 1, 0.0, 1.0]]
    """
    if not len(T):
        return pd.DataFrame(columns=COLUMNS)
    if eng.compiled(T, engine):
        return compiled_table(T, k=k, seed=seed)
    D = with_distance(T)
    measures = {
        "betweenness": betweenness(D, k=k, seed=seed),
        "eigenvector": eigenvector(T),
        "pagerank": nx.pagerank(T, weight="weight"),
        "closeness": nx.closeness_centrality(D, distance="distance"),
        "constraint": nx.constraint(T, weight="weight"),
        "effective_size": nx.effective_size(T, weight="weight"),
    }
    rows = [row(T, n, measures) for n in T]
    rows.sort(key=lambda r: (-r["degree"], str(r["name"]), str(r["id"])))
    return pd.DataFrame(rows, columns=COLUMNS)


def compiled_table(T: nx.Graph, *, k: int | None = None, seed: int = 0) -> pd.DataFrame:
    """`centrality_table` on the compiled path (`medgraph.graph.engine`): same columns and order."""
    N = eng.network(T)
    holes = eng.degree_squares(N) <= eng.STRUCTURAL_HOLES_BUDGET
    nan = np.full(len(N.ids), math.nan)
    steps = {"betweenness": lambda: eng.betweenness(N, k=k, seed=seed), "eigenvector": lambda: eng.eigenvector(N),
             "pagerank": lambda: eng.pagerank(N), "closeness": lambda: eng.closeness(N, seed=seed),
             "constraint": lambda: eng.constraint(N) if holes else nan,
             "effective_size": lambda: eng.effective_size(N) if holes else nan}
    measures = {}
    with progress.bar("centralities", len(steps), unit="measures") as advance:
        for name, compute in steps.items():
            measures[name] = compute()
            advance()
    attrs = [T.nodes[n] for n in N.ids]
    table = pd.DataFrame({
        "id": N.ids, "name": [d.get("name", n) for n, d in zip(N.ids, attrs)],
        **{c: [d.get(c) for d in attrs] for c in ("country", "region", "kind")},
        "degree": N.degree, "weighted_degree": N.strength.astype(float), **measures}, columns=COLUMNS)
    table["_name"], table["_id"] = table["name"].map(str), table["id"].map(str)
    table = table.sort_values(["degree", "_name", "_id"], ascending=[False, True, True], kind="stable")
    return table.drop(columns=["_name", "_id"]).reset_index(drop=True)


def auto_k(n: int, k: int | None = None, compiled: bool = False, ties: int = 0) -> int | None:
    """The betweenness sample for a network of n nodes: k when given (0: exact), else exact
    (None) up to EXACT_BETWEENNESS_MAX nodes and BETWEENNESS_SAMPLE sources above; on the
    compiled path (`engine.compiled`) the engine's own EXACT_BETWEENNESS_MAX and BETWEENNESS_SAMPLE,
    fewer on a network of many `ties` (`engine.sources_for`).

    >>> auto_k(5_000), auto_k(100_000), auto_k(100_000, 0), auto_k(500, 50), auto_k(5_000, compiled=True)
    (None, 200, None, 50, 500)
    >>> auto_k(100_000, compiled=True, ties=35_390_831)
    25
    """
    if k is not None:
        return k if 0 < k < n else None
    exact_max, sample = ((eng.EXACT_BETWEENNESS_MAX, eng.BETWEENNESS_SAMPLE) if compiled
                         else (EXACT_BETWEENNESS_MAX, BETWEENNESS_SAMPLE))
    return (eng.sources_for(ties, sample) if compiled else sample) if n > exact_max else None


def occasion(K: nx.MultiDiGraph, event: str) -> str:
    """The event an event is part of, up to the top (a mission within a forum -> the forum).

    >>> from medgraph.graph.knowledge import knowledge_graph
    >>> K = knowledge_graph([("forum", "Event"), ("mission", "Event")], [("mission", "PART_OF", "forum")])
    >>> occasion(K, "mission")
    'forum'
    """
    seen = {event}
    while parent := next((p for _, p, key in K.out_edges(event, keys=True)
                          if key == "PART_OF" and K.nodes[p].get("label") == "Event" and p not in seen), None):
        event = parent
        seen.add(event)
    return event


def events_attended(K: nx.MultiDiGraph, B: nx.Graph) -> dict[str, int]:
    """Degree in the two-mode network, counting each occasion once.

    B is `medgraph.graph.ties.two_mode(K)`; a mission and the forum it is part of are one
    occasion, so attending both (say, the cluster and its manager) counts one.
    """
    by_org: dict[str, list[str]] = {}
    for org, event in B.edges():
        if B.nodes[org].get("bipartite") == 1:
            org, event = event, org
        by_org.setdefault(org, []).append(event)
    return occasions_attended(K, by_org)


def occasions_attended(K: nx.MultiDiGraph, by_org) -> dict[str, int]:
    """`events_attended` from each organisation's events (a mapping organisation -> its events,
    such as a `ties.TieArrays`' ``graph["attendance"]``), each event's occasion looked up once."""
    top: dict[str, str] = {}
    return {org: len({top[e] if e in top else top.setdefault(e, occasion(K, e)) for e in events})
            for org, events in by_org.items()}


def row(T: nx.Graph, n, measures: dict[str, dict]) -> dict:
    d = T.nodes[n]
    return {"id": n, "name": d.get("name", n), "country": d.get("country"), "region": d.get("region"),
            "kind": d.get("kind"), "degree": T.degree(n), "weighted_degree": float(T.degree(n, weight="weight")),
            **{name: float(values.get(n, math.nan)) for name, values in measures.items()}}


def with_distance(T: nx.Graph) -> nx.Graph:
    """A copy of T whose edges also carry ``distance`` = 1/weight (1 when unweighted)."""
    D = T.copy()
    for _, _, d in D.edges(data=True):
        d["distance"] = 1.0 / d.get("weight", 1.0)
    return D


def betweenness(D: nx.Graph, *, k: int | None, seed: int) -> dict:
    """Normalised betweenness over ``distance``; sampled from k sources when k < the node count."""
    if k is not None and k < len(D):
        return nx.betweenness_centrality(D, k=k, weight="distance", seed=seed)
    return nx.betweenness_centrality(D, weight="distance")


def eigenvector(T: nx.Graph, *, max_iter: int = 1000) -> dict:
    """Weighted eigenvector centrality per connected component, scaled by its share of the nodes.

    >>> G = nx.Graph([(1, 2), (3, 4), (4, 5)])
    >>> {n: round(x, 3) for n, x in eigenvector(G).items()}
    {1: 0.283, 2: 0.283, 3: 0.3, 4: 0.424, 5: 0.3}
    """
    scores = {}
    for nodes in nx.connected_components(T):
        C = T.subgraph(nodes)
        if len(C) == 1:
            scores.update(dict.fromkeys(nodes, 0.0))
            continue
        share = len(C) / len(T)
        scores.update({n: x * share for n, x in component_eigenvector(C, max_iter).items()})
    return scores


def component_eigenvector(C: nx.Graph, max_iter: int) -> dict:
    try:
        return nx.eigenvector_centrality(C, max_iter=max_iter, weight="weight")
    except nx.PowerIterationFailedConvergence:
        if len(C) == 2:  # the numpy version needs 3 nodes; two joined nodes are equally central
            return dict.fromkeys(C, math.sqrt(0.5))
        return nx.eigenvector_centrality_numpy(C, weight="weight")
