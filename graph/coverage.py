"""Thin spots: where the graph rests on little evidence, so its analyses deserve caution."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from medgraph import schema
from medgraph.graph.metmatrix import joined
from medgraph.graph.ties.arrays import is_arrays

MIN_COUNTRY_TIES = 2


def documents_of(K: nx.MultiDiGraph, n) -> list[str]:
    """The documents stating any relationship of node n (the ``sources`` of its edges)."""
    edges = list(K.in_edges(n, data=True)) + list(K.out_edges(n, data=True))
    return sorted({s for _, _, d in edges for s in d.get("sources") or ()})


def single_source_organisations(K: nx.MultiDiGraph) -> pd.DataFrame:
    """Organisations that at most one document says anything about.

    >>> from medgraph.graph.knowledge import example_graph
    >>> single_source_organisations(example_graph())["id"].tolist()
    ['agro', 'esith', 'fc', 'qoot', 'solar']
    """
    rows = []
    for n, d in sorted(K.nodes(data=True), key=lambda item: str(item[0])):
        docs = documents_of(K, n) if d.get("label") == "Organisation" else None
        if docs is not None and len(docs) <= 1:
            rows.append({"id": n, "name": d.get("name"), "country": d.get("country"), "documents": len(docs),
                         "sources": joined(docs)})
    return pd.DataFrame(rows, columns=["id", "name", "country", "documents", "sources"])


def delegates(K: nx.MultiDiGraph, event) -> int:
    """How many organisations and persons attended the event as delegates."""
    return sum(1 for _, _, k, d in K.in_edges(event, keys=True, data=True)
               if k == "ATTENDED" and (d.get("role") or schema.DELEGATE) == schema.DELEGATE)


def partial_events(K: nx.MultiDiGraph) -> pd.DataFrame:
    """Events whose participant list is partial: flagged ``participants_partial``, or held with no delegate.

    >>> from medgraph.graph.knowledge import example_graph
    >>> K = example_graph()
    >>> K.nodes["forum-2019"]["participants_partial"] = True
    >>> partial_events(K)[["id", "delegates", "why"]].values.tolist()
    [['forum-2019', 3, 'participants_partial']]
    """
    rows = []
    for n, d in sorted(K.nodes(data=True), key=lambda item: str(item[0])):
        if d.get("label") != "Event":
            continue
        count = delegates(K, n)
        why = [reason for reason, applies in (("participants_partial", bool(d.get("participants_partial"))),
                                             ("no delegate", count == 0 and schema.is_held(d))) if applies]
        if why:
            rows.append({"id": n, "name": d.get("name"), "start": d.get("start"), "status": d.get("status"),
                         "delegates": count, "why": ", ".join(why)})
    return pd.DataFrame(rows, columns=["id", "name", "start", "status", "delegates", "why"])


def thin_countries(T: nx.Graph, minimum: int = MIN_COUNTRY_TIES) -> pd.DataFrame:
    """Countries whose organisations have fewer than `minimum` ties in all.

    A tie counts once for each country it touches (once for a tie within a country);
    organisations without a country are grouped under "unknown".

    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> thin_countries(tie_graph(example_graph())).values.tolist()
    [['LB', 1, 0]]
    """
    if is_arrays(T):
        names, code = T.codes("country", "unknown")
        C = T.group_ties(code, len(names))
        rows = [{"country": c, "organisations": int(n), "ties": int(t)}
                for c, n, t in zip(names, np.bincount(code, minlength=len(names)), C.sum(axis=1)) if t < minimum]
        rows.sort(key=lambda r: (r["ties"], r["country"]))
        return pd.DataFrame(rows, columns=["country", "organisations", "ties"])
    countries: dict[str, dict] = {}
    for _, d in T.nodes(data=True):
        countries.setdefault(d.get("country") or "unknown", {"organisations": 0, "ties": 0})["organisations"] += 1
    for u, v in T.edges():
        for code in {T.nodes[u].get("country") or "unknown", T.nodes[v].get("country") or "unknown"}:
            countries[code]["ties"] += 1
    rows = [{"country": c, **counts} for c, counts in countries.items() if counts["ties"] < minimum]
    rows.sort(key=lambda r: (r["ties"], r["country"]))
    return pd.DataFrame(rows, columns=["country", "organisations", "ties"])


def thin_spots(K: nx.MultiDiGraph, T: nx.Graph) -> dict[str, pd.DataFrame]:
    """Where the evidence is thin: three tables.

    Parameters
    ----------
    K : the knowledge graph
    T : its tie network

    Returns
    -------
    dict with ``organisations`` (seen in at most one document), ``events`` (participant list
    flagged partial, or held with no delegate) and ``countries`` (fewer than 2 ties).

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> K = example_graph()
    >>> {name: len(table) for name, table in thin_spots(K, tie_graph(K)).items()}
    {'organisations': 5, 'events': 0, 'countries': 1}
    """
    return {"organisations": single_source_organisations(K), "events": partial_events(K),
            "countries": thin_countries(T)}
