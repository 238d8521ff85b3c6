"""What every view of one knowledge graph is drawn from (`Basis`), and the filters.

A basis is made from an `Analysis` (`medgraph.graph.report.analyse`): its tie network,
organisation–event graph, betweenness and not-met list are reused, nothing is computed again.
Made from K alone, it computes only what the views it serves read, when they first read it.

On a network of more than ``LARGE_PAIRS`` pair incidences (two organisations at one event; see
`ties`) a basis made from K builds the tie network of only the ``PRESELECT`` × max_nodes
organisations that attended most events: the tie network of them all would take minutes to
derive and rank in NetworkX (benchmarks/README.md), the page shows the top of the network all
the same. It ranks them by one quick pass over K's attendances (`attended_events`), builds no
organisation–event graph unless a view draws it, and reads the levels of "met" of the South-Med
clusters among them from their own events (`levels.focused_levels`: the levels the whole
network gives them).
"""

from __future__ import annotations

import difflib
import itertools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from medgraph.errors import MedgraphError
from medgraph.graph import met, ties
from medgraph.graph.maps.levels import focused_levels
from medgraph.graph.maps.texts import event_order
from medgraph.graph.ties.accessors import organisations
from medgraph.graph.ties.links import attended_events
from medgraph.schema import is_south_med_cluster

__all__ = ["LARGE_PAIRS", "PRESELECT", "Basis", "basis_of", "check_filters", "met_levels", "restrict",
           "ranked", "ByDate"]

LARGE_PAIRS = 200_000
PRESELECT = 1


@dataclass(frozen=True)
class Basis:
    """K with the graphs the views draw: B (organisation–event, built on first use unless
    given), T (tie network, computed on first use unless given), who attended what, the
    South-Med clusters that met no EU and their levels of "met" when the analysis has them
    (``given_levels``: cluster -> (level or None, uncertain)), and the betweenness and
    weighted degree of T's nodes when already known."""

    K: nx.MultiDiGraph
    options: dict  # as_of, merge_possible, members_for_cluster (as for ties.tie_graph)
    max_nodes: int
    given_B: nx.Graph | None = field(default=None, repr=False)
    given_T: nx.Graph | None = field(default=None, repr=False)
    measures: dict[str, dict] = field(default_factory=dict, repr=False)  # measure -> node -> value, of T
    given_levels: dict | None = field(default=None, repr=False)

    @cached_property
    def B(self) -> nx.Graph:
        return self.given_B if self.given_B is not None else ties.two_mode(self.K, **self.options)

    @cached_property
    def events_of(self) -> dict[str, set[str]]:
        """Organisation id -> the events it attended, as B's edges (every organisation of B,
        those that attended none too): from B when given, else one quick pass over K."""
        if self.given_B is not None:
            return {n: set(self.B[n]) for n, d in self.B.nodes(data=True) if d.get("bipartite") == 0}
        options = ties.TieOptions(**self.options)
        att = ties.attribution(self.K, options)
        found = attended_events(self.K, ties.window(self.K, options.as_of), att)
        return {n: found.get(n, set()) for n in sorted({t for o in organisations(self.K) for t, _ in att.targets(o)})}

    @cached_property
    def attended(self) -> Mapping[str, list[str]]:
        """Organisation id -> the events it attended by date (as the ties count them: held
        events, in the as_of window, through its people too)."""
        return ByDate(self.events_of, {e: event_order(self.K, e) for e in set().union(*self.events_of.values())})

    @cached_property
    def organisations(self) -> int:
        return len(self.events_of)

    @cached_property
    def preselected(self) -> bool:
        """Whether T holds only the organisations that attended most events (see above)."""
        return (self.given_T is None and self.organisations > PRESELECT * self.max_nodes
                and ties.pair_incidences(Counter(itertools.chain.from_iterable(self.events_of.values())).values())
                > LARGE_PAIRS)

    @cached_property
    def T(self) -> nx.Graph:
        if self.given_T is not None:
            return self.given_T
        chosen = ranked(self.events_of)[:PRESELECT * self.max_nodes] if self.preselected else None
        return ties.tie_graph(self.K, **self.options, orgs=chosen)

    @cached_property
    def cluster_levels(self) -> dict:
        """South-Med cluster -> (its best level of "met" or None, uncertain): the analysis' when
        given, else computed (`medgraph.graph.met.met_levels`; for a preselected T those of its
        clusters, as the whole network gives them)."""
        if self.given_levels is not None:
            return self.given_levels
        options = ties.TieOptions(**self.options)
        if self.preselected:
            clusters = [n for n, d in self.T.nodes(data=True) if is_south_med_cluster(d)]
            return met_levels({"met_levels": focused_levels(self.K, options, clusters, self.events_of)})
        return met_levels({"met_levels": met.met_levels(self.K, options, self.T)})

    @cached_property
    def marks(self) -> dict[str, str]:
        """The South-Med clusters to mark -> their mark (a key of `style.MARKS`): "no_contact",
        or "uncertain" when an event it attended has a partial participant list."""
        return {n: "uncertain" if uncertain else "no_contact"
                for n, (level, uncertain) in self.cluster_levels.items() if level is None}

    @cached_property
    def levels(self) -> dict:
        """South-Med cluster -> its best level of "met" (None: none)."""
        return {n: level for n, (level, _) in self.cluster_levels.items()}

    def known(self, V: nx.Graph, measure: str) -> dict | None:
        """The `measure` of V's nodes when V is T itself and it is known, else None."""
        return self.measures.get(measure) if V is self.T else None


class ByDate(Mapping):
    """Organisation id -> the events it attended by date, each list sorted when first read
    (a map reads those of a few hundred of the organisations).

    >>> attended = ByDate({"a": {"e2", "e1"}}, {"e1": 1, "e2": 0})
    >>> attended["a"], attended.get("b"), len(attended)
    (['e2', 'e1'], None, 1)
    """

    def __init__(self, events_of: dict[str, set[str]], order: dict[str, tuple]):
        self._events, self._order, self._sorted = events_of, order, {}

    def __getitem__(self, n) -> list[str]:
        if n not in self._sorted:
            self._sorted[n] = sorted(self._events[n], key=self._order.__getitem__)
        return self._sorted[n]

    def __iter__(self):
        return iter(self._events)

    def __len__(self) -> int:
        return len(self._events)


def basis_of(source, *, max_nodes: int, as_of=None, merge_possible=None, members_for_cluster=None) -> Basis:
    """The basis of an Analysis (reused whole when the options are its own; None means "as
    the analysis") or of a knowledge graph K (options None mean the defaults)."""
    given = {"as_of": as_of, "merge_possible": merge_possible, "members_for_cluster": members_for_cluster}
    if isinstance(source, nx.Graph):
        options = {"as_of": as_of, "merge_possible": bool(merge_possible),
                   "members_for_cluster": bool(members_for_cluster)}
        return Basis(source, options, max_nodes)
    options = {**source.options, **{k: v for k, v in given.items() if v is not None}}
    if options != source.options:  # another time window or attribution: computed afresh
        return basis_of(source.K, max_nodes=max_nodes, **options)
    table = source.tables["centrality"]
    return Basis(source.K, dict(options), max_nodes, given_B=source.B, given_T=source.T,
                 measures={m: {n: float(x) for n, x in zip(table["id"], table[m])}
                           for m in ("betweenness", "weighted_degree")},
                 given_levels=met_levels(source.tables))


def met_levels(tables: dict) -> dict | None:
    """South-Med cluster -> (level or None, uncertain) from an analysis' ``met_levels`` table,
    or None when it has none."""
    if "met_levels" not in tables:
        return None
    return {row["south_id"]: (row["level"] if isinstance(row["level"], str) else None, bool(row["uncertain"]))
            for row in tables["met_levels"].to_dict("records")}


def ranked(events_of: dict[str, set[str]]) -> list[str]:
    """The organisations by the number of events they attended, most first (then by id).

    >>> ranked({"a": {"e1"}, "b": {"e1", "e2"}, "c": {"e2"}})
    ['b', 'a', 'c']
    """
    return sorted(events_of, key=lambda o: (-len(events_of[o]), str(o)))


def check_filters(K, events, countries) -> tuple[set[str], set[str]]:
    """The filters as sets, or a MedgraphError naming an unknown event or country."""
    events = set(events or ())
    countries = {c.upper() for c in countries or ()}
    known_events = sorted(n for n, d in K.nodes(data=True) if d.get("label") == "Event")
    if unknown := sorted(events - set(known_events)):
        closest = difflib.get_close_matches(unknown[0], known_events, n=3, cutoff=0.5)
        raise MedgraphError(f"unknown event {unknown[0]!r} (closest: {', '.join(closest) or 'none'})")
    known_countries = sorted({d["country"] for _, d in K.nodes(data=True)
                              if d.get("label") == "Organisation" and d.get("country")})
    if unknown := sorted(countries - set(known_countries)):
        raise MedgraphError(f"no organisation in country {unknown[0]!r} (countries: {', '.join(known_countries)})")
    return events, countries


def restrict(G: nx.Graph, K, attended, events: set[str], countries: set[str]) -> nx.Graph:
    """G with only the ties made at `events` and touching organisations of `countries` (G
    itself when there is no filter).

    Ties view: an edge stays when one of its events is selected; events view: when its event
    is. A node stays when it has a kept edge or itself passes the filter (attended a selected
    event, lies in a selected country), so isolates of the selection are still shown.
    """
    def country(n):
        return K.nodes[n].get("country") if K.nodes[n].get("label") == "Organisation" else None

    def edge_events(u, v, d):
        return set(d.get("events") or ()) | {x for x in (u, v) if K.nodes[x].get("label") == "Event"}

    def keep_edge(u, v, d):
        return ((not events or events & edge_events(u, v, d))
                and (not countries or country(u) in countries or country(v) in countries))

    def keep_node(n):
        return ((not events or n in events or events & set(attended.get(n, ())))
                and (not countries or country(n) in countries))

    if not events and not countries:
        return G
    edges = [(u, v) for u, v, d in G.edges(data=True) if keep_edge(u, v, d)]
    H = G.__class__()
    H.add_nodes_from((n, G.nodes[n]) for n in sorted({n for n in G if keep_node(n)} | {n for e in edges for n in e}))
    H.add_edges_from((u, v, G.edges[u, v]) for u, v in edges)
    return H
