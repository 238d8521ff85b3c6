"""The levels of "met" of a few South-Med clusters, read from their own events only.

`medgraph.graph.met.met_levels` reads every attendance of K and the whole tie network; a map
that shows a few hundred organisations of a large network needs the levels of the clusters
among them only. A cluster's level rests on its ties (to everyone who attended its events, and
its agreements, mentoring and memberships), on the organisers and hosts of its events and of
the events they are part of, and on who else attended those: `focused_levels` reads just that
and hands it to `met_levels`, so the levels are the ones the whole network gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

import networkx as nx
import pandas as pd

from medgraph.graph import met
from medgraph.graph.ties import TieOptions, attribution, window
from medgraph.graph.ties.assembly import other_links
from medgraph.graph.ties.links import attendances
from medgraph.graph.ties.options import organisation_nodes
from medgraph.schema import is_eu

__all__ = ["focused_levels"]


def focused_levels(K: nx.MultiDiGraph, options: TieOptions, clusters: Collection[str],
                   events_of: dict[str, set[str]]) -> pd.DataFrame:
    """The rows of `met.met_levels(K, options)` for `clusters` only (South-Med cluster ids),
    from their attendances and those of EU organisations at their events (`events_of`:
    organisation -> the events it attended, `medgraph.graph.ties.links.attended_events`) and at
    the events those are part of: all `met_levels` reads of them (the other attendees, and
    hosts and organisers outside the EU, make no level).

    The tie network handed to `met_levels` holds only what it reads: the clusters, the EU
    organisations, and the clusters' ties to them (from shared events, and their other ties),
    without weights and evidence. The rows' levels, counts and uncertainty are the whole
    network's; the ``evidence`` of a peer level lists no documents.

    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties.links import attended_events
    >>> K = example_graph()
    >>> rows = focused_levels(K, TieOptions(), {"olive"}, attended_events(K, window(K), attribution(K)))
    >>> rows[["south_id", "level", "peers"]].values.tolist()
    [['olive', 'peer', 2]]
    """
    att, W = attribution(K, options), window(K, options.as_of)
    clusters, nodes = set(clusters), organisation_nodes(K, att)
    eu = {n for n, d in nodes.items() if is_eu(d)}
    events = {whole for c in clusters for e in events_of.get(c, ()) for whole in met.events_within(K, e)}
    attended = attendances(K, W, att, events=events, orgs=clusters | eu)
    T = nx.Graph()
    T.add_nodes_from((n, nodes[n]) for n in sorted(clusters | eu))
    eu_at = defaultdict(list)  # event -> its EU attendees
    for a in attended:
        if a.org in eu:
            eu_at[a.event].append(a.org)
    T.add_edges_from((a.org, other) for a in attended if a.org in clusters for other in eu_at[a.event] if other != a.org)
    T.add_edges_from((link.a, link.b) for link in other_links(K, W, att)
                     if link.a in clusters and link.b in eu or link.b in clusters and link.a in eu)
    return met.met_levels(K, options, T, attended)

