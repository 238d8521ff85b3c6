"""Tie evidence kept implicit on large networks, and listed when asked (`tie_evidence`).

Above `EXPLICIT_MAX` pair incidences `tie_graph` does not list, for every pair, the events it
shared and their documents (what took 4.7 GiB and a minute at the M benchmark's 1.9 million):
an attendance tie then carries ``weight``, ``types`` and ``count`` only, and the graph keeps
what lists it on demand, ``T.graph["attendance"]`` (organisation -> event -> `Attendance`) and
``T.graph["starts"]`` (event -> start date). ``T.graph["evidence"]`` says which: "explicit"
or "implicit". `tie_evidence(T, a, b)` gives the same ``events``, ``sources``, ``evidence``
and ``first`` either way; the ties from agreements, mentoring and memberships (few) keep
theirs on the edge in both modes.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["EXPLICIT_MAX", "tie_evidence", "EVIDENCE_KEYS"]

#: Above this many pair incidences (two organisations at one event) attendance evidence is implicit.
EXPLICIT_MAX = 500_000
#: The edge attributes that are absent from an implicit attendance tie (`tie_evidence` gives them).
EVIDENCE_KEYS = ("events", "sources", "evidence", "first")


def tie_evidence(T: nx.Graph, a, b) -> dict:
    """The ``events``, ``sources``, ``evidence`` and ``first`` of the tie between a and b.

    Read from the edge when the graph lists them (``T.graph["evidence"] != "implicit"``), else
    the edge's own (agreements, mentoring, memberships) joined with the events a and b both
    attended and the provenance of those attendances. Empty lists and None without a tie.

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> T = tie_graph(example_graph())
    >>> implicit = tie_graph(example_graph(), explicit_max=0)
    >>> tie_evidence(implicit, "agro", "textile") == tie_evidence(T, "agro", "textile")
    True
    >>> tie_evidence(T, "agro", "textile")["events"]
    ['forum-2019']
    """
    arrays = hasattr(T, "links")  # a TieArrays: its explicit links, no edge needed
    if arrays:
        tie = T.links.get((a, b) if a < b else (b, a))
        d = tie.attrs() if tie is not None else {}
    else:
        d = T.get_edge_data(a, b) or {}
    own = {"events": list(d.get("events") or ()), "sources": list(d.get("sources") or ()),
           "evidence": list(d.get("evidence") or ()), "first": d.get("first")}
    if T.graph.get("evidence") != "implicit" or not (d or arrays):
        return own
    attended = T.graph["attendance"]
    mine, theirs = attended.get(a, {}), attended.get(b, {})
    shared = sorted(set(mine) & set(theirs))
    events, sources, evidence = set(own["events"]) | set(shared), set(own["sources"]), set(own["evidence"])
    for event in shared:
        for p in (mine[event].prov, theirs[event].prov):
            sources |= p.sources
            evidence |= p.evidence
    starts = [s for s in [own["first"], *(T.graph["starts"].get(e) for e in shared)] if s is not None]
    return {"events": sorted(events), "sources": sorted(sources), "evidence": sorted(evidence),
            "first": min(starts, default=None)}
