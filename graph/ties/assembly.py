"""The tie network and the two-mode graph, assembled from the links of every type."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator

import networkx as nx
import numpy as np

from medgraph import schema
from medgraph.graph.ties.accessors import Prov, event_start
from medgraph.graph.ties.evidence import EXPLICIT_MAX
from medgraph.graph.ties.links import (
    Attendance,
    Link,
    agreement_links,
    attendances,
    membership_links,
    mentoring_links,
    shared_events,
)
from medgraph.graph.ties.options import Attribution, TieOptions, Window, attribution, organisation_nodes, window
from medgraph.graph.ties.projection import MAX_PAIRS, check_pairs, pair_incidences, typed_weights

__all__ = ["tie_graph", "two_mode", "ties_in", "other_links"]


def tie_graph(K: nx.MultiDiGraph, *, as_of: dt.date | None = None, merge_possible: bool = False,
              members_for_cluster: bool = False, weighting: str = "newman", max_pairs: int = MAX_PAIRS,
              explicit_max: int = EXPLICIT_MAX, orgs: Collection[str] | None = None) -> nx.Graph:
    """The undirected tie network of the organisations of K (rules in the module docs).

    Parameters
    ----------
    K : the knowledge graph (`medgraph.graph.knowledge.knowledge_graph`)
    as_of, merge_possible, members_for_cluster, weighting : the options (`TieOptions`)
    max_pairs : refuse above this many pair incidences (see the module docs)
    explicit_max : above this many pair incidences the attendance evidence is implicit
        (`medgraph.graph.ties.evidence`: ``events``, ``sources``, ``evidence``, ``first`` then
        come from `tie_evidence`)
    orgs : only these nodes (tie-graph ids) and the ties between them, as if K held no other
        organisation: their attendances, and the links between two of them (None: all)

    Returns
    -------
    nx.Graph of every Organisation node, with their attributes, and one edge per tied pair
    (``weight``, ``types``, ``count``, ``events``, ``sources``, ``evidence``, ``first``);
    ``T.graph["evidence"]`` is "explicit" or "implicit".

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> T = tie_graph(example_graph())
    >>> T.number_of_nodes(), T.number_of_edges()
    (7, 8)
    >>> tie = T.edges["agro", "textile"]
    >>> tie["types"], tie["weight"], tie["count"], tie["events"]
    ({'co_attended': 0.5, 'mentoring': 1.0}, 1.5, 2, ['forum-2019'])
    >>> tie_graph(example_graph(), as_of=dt.date(2019, 1, 1)).number_of_edges()
    4
    >>> sorted(tie_graph(example_graph(), orgs={"agro", "fc", "textile"}).edges)
    [('agro', 'fc'), ('agro', 'textile'), ('fc', 'textile')]
    """
    options = TieOptions(as_of, merge_possible, members_for_cluster, weighting)
    return ties_in(K, window(K, options.as_of), attribution(K, options), options.weighting, max_pairs, explicit_max,
                   None if orgs is None else set(orgs))


def two_mode(K: nx.MultiDiGraph, *, as_of: dt.date | None = None, members_for_cluster: bool = False,
             merge_possible: bool = False) -> nx.Graph:
    """The bipartite organisation–event graph behind the co_attended and visited ties.

    Parameters as for `tie_graph`.

    Returns
    -------
    nx.Graph with the organisations (``bipartite`` 0) and the held events in scope
    (``bipartite`` 1), their attributes, and an edge per attendance with ``role`` ("host" or
    "delegate": the side it counts on), ``roles`` (as stated), ``sources`` and ``evidence``.

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> B = two_mode(example_graph())
    >>> sorted(B["visit-2018"]), B.edges["solar", "visit-2018"]["role"]
    (['olive', 'solar', 'textile'], 'host')
    """
    options = TieOptions(as_of, merge_possible, members_for_cluster)
    att, W = attribution(K, options), window(K, options.as_of)
    B = nx.Graph()
    B.add_nodes_from((n, {**d, "bipartite": 0}) for n, d in sorted(organisation_nodes(K, att).items()))
    B.add_nodes_from((e, {**K.nodes[e], "bipartite": 1}) for e in sorted(W.events))
    B.add_edges_from((a.org, a.event, {"role": schema.HOST if a.host else schema.DELEGATE, "roles": sorted(a.roles),
                                       "sources": sorted(a.prov.sources), "evidence": sorted(a.prov.evidence)})
                     for a in attendances(K, W, att))
    return B


def ties_in(K: nx.MultiDiGraph, W: Window, att: Attribution, weighting: str = "newman",
            max_pairs: int = MAX_PAIRS, explicit_max: int = EXPLICIT_MAX, orgs: Collection[str] | None = None) -> nx.Graph:
    """The tie graph of what falls in window W, organisations attributed by `att` (only the
    nodes `orgs` when given, as `tie_graph`'s).

    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties.options import Window
    >>> K = example_graph()
    >>> sorted(ties_in(K, Window(frozenset({"visit-2018"})), Attribution()).edges)[:2]
    [('esith', 'textile'), ('olive', 'solar')]
    """
    ties: dict[tuple[str, str], _Tie] = defaultdict(_Tie)
    attended = attendances(K, W, att, orgs=orgs)
    nodes = organisation_nodes(K, att)
    if orgs is not None:
        nodes = {n: d for n, d in nodes.items() if n in orgs}
    sizes = Counter(a.event for a in attended).values()
    check_pairs(sizes, max_pairs)
    implicit = pair_incidences(sizes) > explicit_max
    if not implicit:
        _add_attendance_ties(ties, K, attended, weighting)
    for link in other_links(K, W, att):
        if orgs is None or (link.a in orgs and link.b in orgs):
            ties[link.a, link.b].add_link(link)
    if implicit:
        return _assemble_implicit(K, nodes, attended, weighting, ties)
    T = _assemble(nodes, ties)
    T.graph["evidence"] = "explicit"
    return T


def other_links(K: nx.MultiDiGraph, W: Window, att: Attribution) -> Iterator[Link]:
    """The links that are not attendances: agreements, mentoring, memberships."""
    return itertools.chain(agreement_links(K, W, att), mentoring_links(K, W, att), membership_links(K, W, att))


def _add_attendance_ties(ties: dict[tuple[str, str], _Tie], K, attended: list[Attendance], weighting: str) -> None:
    """Add the co_attended and visited ties: weights from the projection, evidence per shared event."""
    if not attended:
        return
    orgs, events = sorted({a.org for a in attended}), sorted({a.event for a in attended})
    weights = typed_weights([(a.org, a.event) for a in attended if not a.host],
                            [(a.org, a.event) for a in attended if a.host], orgs, events, weighting)
    for kind, P in weights.items():
        for i, j, w in zip(P.row.tolist(), P.col.tolist(), P.data.tolist()):
            ties[orgs[i], orgs[j]].types[kind] += w
    starts = {e: event_start(K, e) for e in events}
    for pair, meetings in shared_events(attended).items():
        tie = ties[pair]
        for x, y in meetings:
            tie.note(("event", x.event), (x.event,), starts[x.event])
            tie.cite(x.prov)
            tie.cite(y.prov)


class _Tie:
    """The links of one pair of organisations, added up (built once, by `ties_in`)."""

    __slots__ = ("types", "items", "events", "sources", "evidence", "first")

    def __init__(self):
        self.types: dict[str, float] = defaultdict(float)
        self.items, self.events, self.sources, self.evidence = set(), set(), set(), set()
        self.first: dt.date | None = None

    def note(self, item: tuple, events: Iterable[str], date: dt.date | None) -> None:
        self.items.add(item)
        self.events.update(events)
        if date is not None and (self.first is None or date < self.first):
            self.first = date

    def cite(self, p: Prov) -> None:
        self.sources |= p.sources
        self.evidence |= p.evidence

    def add_link(self, link: Link) -> None:
        self.types[link.type] += link.weight
        for item in link.items:
            self.note(item, link.events, link.date)
        self.cite(link.prov)

    def attrs(self) -> dict:
        types = {kind: self.types[kind] for kind in sorted(self.types)}
        return {"weight": sum(types.values()), "types": types, "count": len(self.items),
                "events": sorted(self.events), "sources": sorted(self.sources), "evidence": sorted(self.evidence),
                "first": self.first}


def _assemble(nodes: dict[str, dict], ties: dict[tuple[str, str], _Tie]) -> nx.Graph:
    """The tie graph: the nodes, and one edge per tied pair."""
    T = nx.Graph()
    T.add_nodes_from(sorted(nodes.items()))
    T.add_edges_from((a, b, tie.attrs()) for (a, b), tie in sorted(ties.items()))
    return T


def _assemble_implicit(K, nodes: dict[str, dict], attended: list[Attendance], weighting: str,
                       links: dict[tuple[str, str], _Tie]) -> nx.Graph:
    """The tie graph with implicit attendance evidence (`medgraph.graph.ties.evidence`): the
    attendance ties' weights and counts straight from the sparse products, the other links'
    evidence on their edges."""
    orgs, events = sorted({a.org for a in attended}), sorted({a.event for a in attended})
    pairs = [(a.org, a.event) for a in attended]
    weights = typed_weights([p for p, a in zip(pairs, attended) if not a.host],
                            [p for p, a in zip(pairs, attended) if a.host], orgs, events, weighting)
    shared = typed_weights(pairs, [], orgs, events, "count")["co_attended"].tocsr()  # events shared per pair
    shared.sort_indices()
    rows, cols = np.repeat(np.arange(len(orgs)), np.diff(shared.indptr)), shared.indices
    typed = {kind: np.asarray(P.tocsr()[rows, cols]).ravel() for kind, P in weights.items()}
    T = nx.Graph(evidence="implicit", starts={e: event_start(K, e) for e in events}, attendance=_by_org(attended))
    T.add_nodes_from(sorted(nodes.items()))
    T.add_edges_from(_implicit_edges(orgs, rows.tolist(), cols.tolist(), shared.data.tolist(),
                                     {k: v.tolist() for k, v in typed.items()}, links))
    T.add_edges_from((a, b, tie.attrs()) for (a, b), tie in sorted(links.items()) if not T.has_edge(a, b))
    return T


def _implicit_edges(orgs: list, rows: list, cols: list, counts: list, typed: dict[str, list], links: dict):
    for e, (i, j) in enumerate(zip(rows, cols)):
        a, b = orgs[i], orgs[j]
        types = {kind: w[e] for kind, w in typed.items() if w[e]}
        count = int(counts[e])
        if (tie := links.get((a, b))) is not None:
            extra = tie.attrs()
            types = {kind: types.get(kind, 0.0) + extra["types"].get(kind, 0.0) for kind in sorted({*types, *extra["types"]})}
            yield a, b, {"weight": sum(types.values()), "types": types, "count": count + extra["count"],
                         **{key: extra[key] for key in ("events", "sources", "evidence", "first")}}
        else:
            yield a, b, {"weight": sum(types.values()), "types": dict(sorted(types.items())), "count": count}


def _by_org(attended: list[Attendance]) -> dict[str, dict[str, Attendance]]:
    found: dict[str, dict[str, Attendance]] = defaultdict(dict)
    for a in attended:
        found[a.org][a.event] = a
    return dict(found)
