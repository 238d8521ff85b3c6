"""What the tie network reads from the knowledge graph K: nodes by label, held events and their
dates, relationships by type, employers, and the provenance (documents, lines) of each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import networkx as nx

from medgraph import schema

__all__ = ["Prov", "provenance", "label", "organisations", "held_events", "is_held_event", "event_date",
           "event_start", "relations", "employers", "attendance_count"]


@dataclass(frozen=True)
class Prov:
    """The documents and lines something rests on.

    >>> both = Prov(frozenset({"d1"}), frozenset({"d1:4"})) | Prov(frozenset({"d2"}))
    >>> sorted(both.sources), sorted(both.evidence)
    (['d1', 'd2'], ['d1:4'])
    """

    sources: frozenset[str] = frozenset()
    evidence: frozenset[str] = frozenset()

    def __or__(self, other: Prov) -> Prov:
        if not (other.sources or other.evidence):  # the usual case: nothing to add, nothing new made
            return self
        return Prov(self.sources | other.sources, self.evidence | other.evidence)


def provenance(d: dict) -> Prov:
    """The ``sources`` and ``evidence`` of a node's or relationship's properties."""
    return Prov(frozenset(d.get("sources") or ()), frozenset(d.get("evidence") or ()))


def label(K: nx.MultiDiGraph, node) -> str | None:
    """The label of a node of K; None for a node K does not hold (an unset ``met_at``, say)."""
    return K.nodes[node].get("label") if node in K else None


def organisations(K: nx.MultiDiGraph) -> list[str]:
    """The Organisation nodes of K, by id.

    >>> from medgraph.graph.knowledge import example_graph
    >>> organisations(example_graph())
    ['agro', 'esith', 'fc', 'olive', 'qoot', 'solar', 'textile']
    """
    return sorted(n for n, d in K.nodes(data=True) if d.get("label") == "Organisation")


def held_events(K: nx.MultiDiGraph) -> list[str]:
    """The held Event nodes of K, by id (`medgraph.schema.is_held`).

    >>> from medgraph.graph.knowledge import example_graph
    >>> held_events(example_graph())
    ['forum-2019', 'visit-2018']
    """
    return sorted(n for n, d in K.nodes(data=True) if d.get("label") == "Event" and schema.is_held(d))


def is_held_event(K: nx.MultiDiGraph, node) -> bool:
    """Whether a node is an Event of K that was held."""
    return label(K, node) == "Event" and schema.is_held(K.nodes[node])


def event_date(K: nx.MultiDiGraph, event) -> dt.date | None:
    """The date an event is over by: its end, else its start."""
    d = K.nodes[event]
    return d.get("end") or d.get("start")


def event_start(K: nx.MultiDiGraph, event) -> dt.date | None:
    """The date an event began: its start, else its end."""
    d = K.nodes[event]
    return d.get("start") or d.get("end")


def relations(K: nx.MultiDiGraph, kind: str) -> list[tuple[str, str, dict]]:
    """The (start, end, props) of every relationship of one type, in id order.

    >>> from medgraph.graph.knowledge import example_graph
    >>> [(u, v) for u, v, _ in relations(example_graph(), "MEMBER_OF")]
    [('esith', 'textile')]
    """
    found = [(u, v, d) for u, nbrs in K.adjacency() for v, keyed in nbrs.items() if (d := keyed.get(kind)) is not None]
    return sorted(found, key=lambda r: r[:2])


def employers(K: nx.MultiDiGraph, person) -> list[tuple[str, dict]]:
    """The organisations a person WORKS_FOR, with that relationship's properties, by id."""
    return sorted((v, d) for _, v, k, d in K.out_edges(person, keys=True, data=True)
                  if k == "WORKS_FOR" and label(K, v) == "Organisation")


def attendance_count(K: nx.MultiDiGraph, node) -> int:
    """How many ATTENDED relationships start at a node."""
    return sum(1 for _, _, k in K.out_edges(node, keys=True) if k == "ATTENDED")
