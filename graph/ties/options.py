"""What counts, and for whom: the time and attribution options of the tie network.

`TieOptions` holds them, checked once when made. From them come the `Window` (the held events
that count by ``as_of``) and the `Attribution` (which node of the tie network each Organisation
of K counts for, with ``merge_possible`` and ``members_for_cluster``); the module docs of
`medgraph.graph.ties` give the rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from medgraph import schema
from medgraph.errors import MedgraphError
from medgraph.graph.ties.accessors import (
    Prov,
    attendance_count,
    event_date,
    held_events,
    label,
    organisations,
    provenance,
    relations,
)

__all__ = ["WEIGHTINGS", "check_weighting", "TieOptions", "Window", "window", "Attribution", "attribution",
           "organisation_nodes"]

#: How a shared event weighs: 1/(k-1) for k attendees (Newman 2001), or 1.
WEIGHTINGS = ("newman", "count")


@dataclass(frozen=True)
class TieOptions:
    """The options of a tie network, checked when made.

    as_of : only what had happened by this date (a datetime becomes its date)
    merge_possible : contract POSSIBLY_SAME_AS pairs into one node
    members_for_cluster : count a Cluster member's links for its cluster
    weighting : "newman" or "count", for co_attended and visited ties

    >>> TieOptions(as_of=dt.datetime(2019, 6, 30, 12, 0)).as_of
    datetime.date(2019, 6, 30)
    >>> TieOptions(weighting="sum")
    Traceback (most recent call last):
    ...
    medgraph.errors.MedgraphError: unknown tie weighting 'sum': one of newman, count
    """

    as_of: dt.date | None = None
    merge_possible: bool = False
    members_for_cluster: bool = False
    weighting: str = "newman"

    def __post_init__(self):
        check_weighting(self.weighting)
        object.__setattr__(self, "as_of", _checked_date(self.as_of))

    def replace(self, **changes) -> TieOptions:
        """A copy with some options changed (checked again)."""
        return dataclasses.replace(self, **changes)


def check_weighting(weighting: str) -> None:
    """A one-line MedgraphError unless `weighting` is one of `WEIGHTINGS`."""
    if weighting not in WEIGHTINGS:
        raise MedgraphError(f"unknown tie weighting {weighting!r}: one of {', '.join(WEIGHTINGS)}")


def _checked_date(as_of) -> dt.date | None:
    """as_of as a date: a datetime becomes its date; anything else is an error."""
    if as_of is None or type(as_of) is dt.date:
        return as_of
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    raise MedgraphError(f"as_of: expected a date, found {as_of!r}")


@dataclass(frozen=True)
class Window:
    """What counts: the held events in scope and the date; undated links count when `undated`."""

    events: frozenset[str]
    as_of: dt.date | None = None

    @property
    def undated(self) -> bool:
        return self.as_of is None or bool(self.events)


def window(K: nx.MultiDiGraph, as_of: dt.date | None = None) -> Window:
    """The held events that count as of a date (all held events without one).

    >>> from medgraph.graph.knowledge import example_graph
    >>> sorted(window(example_graph()).events)
    ['forum-2019', 'visit-2018']
    >>> window(example_graph(), dt.date(2018, 11, 22)).undated
    False
    """
    as_of = _checked_date(as_of)
    return Window(frozenset(e for e in held_events(K) if as_of is None or _on_or_before(event_date(K, e), as_of)),
                  as_of)


def _on_or_before(date: dt.date | None, as_of: dt.date) -> bool:
    return date is not None and date <= as_of


@dataclass(frozen=True)
class Attribution:
    """Which node of the tie graph each Organisation of K counts for.

    `canon` maps a merged organisation to the one kept; `moved` maps a (kept) member to the
    clusters it counts for, each with the evidence of its MEMBER_OF relationship.
    """

    canon: dict[str, str] = field(default_factory=dict)
    moved: dict[str, tuple[tuple[str, Prov], ...]] = field(default_factory=dict)

    def targets(self, org: str) -> tuple[tuple[str, Prov], ...]:
        """The nodes `org` counts for, each with the evidence that moved it there."""
        kept = self.canon.get(org, org)
        return self.moved.get(kept) or ((kept, Prov()),)


def attribution(K: nx.MultiDiGraph, options: TieOptions = TieOptions()) -> Attribution:
    """Which tie-graph node each organisation of K counts for (see the module docs).

    >>> from medgraph.graph.knowledge import example_graph
    >>> attribution(example_graph(), TieOptions(members_for_cluster=True)).targets("esith")[0][0]
    'textile'
    """
    canon = _merged_into(K) if options.merge_possible else {}
    return Attribution(canon, _member_clusters(K, canon) if options.members_for_cluster else {})


def _merged_into(K) -> dict[str, str]:
    """Each organisation of a POSSIBLY_SAME_AS group -> the one kept (most attendances, then id)."""
    S = nx.Graph((u, v) for u, v, _ in relations(K, "POSSIBLY_SAME_AS")
                 if label(K, u) == label(K, v) == "Organisation")
    canon = {}
    for group in nx.connected_components(S):
        kept = min(group, key=lambda o: (-attendance_count(K, o), o))
        canon.update({o: kept for o in group})
    return canon


def _member_clusters(K, canon: dict[str, str]) -> dict[str, tuple[tuple[str, Prov], ...]]:
    """Each (kept) non-cluster member of a Cluster -> the clusters it counts for."""
    found: dict[str, dict[str, Prov]] = defaultdict(dict)
    for u, v, d in relations(K, "MEMBER_OF"):
        member, cluster = canon.get(u, u), canon.get(v, v)
        if (member != cluster and label(K, member) == label(K, cluster) == "Organisation"
                and K.nodes[cluster].get("kind") == schema.CLUSTER and K.nodes[member].get("kind") != schema.CLUSTER):
            found[member][cluster] = found[member].get(cluster, Prov()) | provenance(d)
    return {m: tuple(sorted(clusters.items())) for m, clusters in found.items()}


def organisation_nodes(K: nx.MultiDiGraph, att: Attribution) -> dict[str, dict]:
    """The tie-graph nodes and their attributes (plus ``merged`` and ``members`` lists).

    >>> from medgraph.graph.knowledge import example_graph
    >>> K = example_graph()
    >>> nodes = organisation_nodes(K, attribution(K, TieOptions(members_for_cluster=True)))
    >>> sorted(nodes), nodes["textile"]["members"]
    (['agro', 'fc', 'olive', 'qoot', 'solar', 'textile'], ['esith'])
    """
    nodes = {t: dict(K.nodes[t]) for o in organisations(K) for t, _ in att.targets(o)}
    for other, kept in sorted(att.canon.items()):
        if other != kept and kept in nodes:
            nodes[kept].setdefault("merged", []).append(other)
    for member, clusters in sorted(att.moved.items()):
        for cluster, _ in clusters:
            nodes[cluster].setdefault("members", []).append(member)
    return nodes
