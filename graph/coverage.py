"""Thin spots: where the graph rests on little evidence, so its analyses deserve caution."""

from __future__ import annotations

from itertools import chain

import networkx as nx
import numpy as np
import pandas as pd

from medgraph import schema
from medgraph.graph.metmatrix import joined
from medgraph.graph.ties.arrays import is_arrays

MIN_COUNTRY_TIES = 2


def documents_of(K: nx.MultiDiGraph, n, most: int | None = None) -> list[str]:
    """The documents stating any relationship of node n (the ``sources`` of its edges), sorted;
    with `most`, the search stops as soon as more than `most` are found."""
    found: set[str] = set()
    for by_key in chain(K.pred[n].values(), K.succ[n].values()):  # {key: attributes} per neighbour
        for d in by_key.values():
            found.update(d.get("sources") or ())
        if most is not None and len(found) > most:
            break
    return sorted(found)


def single_source_organisations(K: nx.MultiDiGraph) -> pd.DataFrame:
    """Organisations that at most one document says anything about.

    >>> from medgraph.graph.knowledge import example_graph
    >>> single_source_organisations(example_graph())["id"].tolist()
    ['agro', 'esith', 'fc', 'qoot', 'solar']
    """
    rows = []
    for n, d in sorted(K.nodes(data=True), key=lambda item: str(item[0])):
        docs = documents_of(K, n, most=1) if d.get("label") == "Organisation" else None
        if docs is not None and len(docs) <= 1:
            rows.append({"id": n, "name": d.get("name"), "country": d.get("country"), "documents": len(docs),
                         "sources": joined(docs)})
    return pd.DataFrame(rows, columns=["id", "name", "country", "documents", "sources"])


def delegates(K: nx.MultiDiGraph, event, most: int | None = None) -> int:
    """How many organisations and persons attended the event as delegates; with `most`, the
    count stops there."""
    count = 0
    for by_key in K.pred[event].values():  # {key: attributes} per participant
        d = by_key.get("ATTENDED")
        count += d is not None and (d.get("role") or schema.DELEGATE) == schema.DELEGATE
        if count == most:
            break
    return count


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
        count = delegates(K, n, most=None if d.get("participants_partial") else 1)  # listed only if partial
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
        ties = ties_touching(T, code, len(names))
        rows = [{"country": names[c], "organisations": int(n), "ties": int(ties[c])}
                for c, n in enumerate(np.bincount(code, minlength=len(names)).tolist()) if ties[c] < minimum]
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


def ties_touching(T, code: np.ndarray, groups: int) -> np.ndarray:
    """Per group of the rows of a `ties.TieArrays` (``code``: each row's group): its ties, once
    for a tie within it. That is its rows' degrees less its inner ties (each held twice in the
    symmetric matrix, so counted twice in the degrees), from the matrix's entries at once.

    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_arrays
    >>> A = tie_arrays(example_graph())
    >>> names, code = A.codes("country", "unknown")
    >>> dict(zip(names, ties_touching(A, code, len(names)).tolist()))
    {'ES': 2, 'FR': 4, 'LB': 0, 'MA': 5, 'TN': 3}
    """
    code = code.astype(np.min_scalar_type(groups))  # (a byte for under 256 groups: less memory to read)
    ends = np.repeat(code, T.degrees)  # the group of each entry's row
    inner = ends[ends == code[T.W.indices]]
    return np.bincount(code, weights=T.degrees, minlength=groups).astype(np.int64) - np.bincount(inner, minlength=groups) // 2


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
