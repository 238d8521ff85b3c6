"""The organisation tie network: who met whom, derived from the knowledge graph K.

Ties
----
Two organisations are tied when

- ``co_attended``: both attended the same held event as delegates (a speaker, or an attendance
  with no role, counts as a delegate), or both hosted it;
- ``visited``: one attended an event as a delegate and the other hosted it;
- ``mentoring``: a person working for one MENTORS a person working for the other (a person
  with no WORKS_FOR makes no tie);
- ``agreement``: both are PARTY_TO the same agreement;
- ``membership``: one is MEMBER_OF the other.

An organisation attends an event through its own ATTENDED relationship or that of a person who
WORKS_FOR it (a person's attendance counts for each employer, and its evidence includes the
WORKS_FOR line). When one organisation attends an event more than once this way, hosting wins.

Projection and weights
----------------------
`two_mode` is the bipartite organisation–event graph of these attendances. Its one-mode
projection onto the organisations gives the co_attended and visited ties (`projection`): with
``weighting="count"`` each shared event adds 1 to a pair; with ``weighting="newman"``
(Newman's collaboration weighting, 2001) an event attended by k organisations adds 1/(k-1) to
each pair of them, so that an organisation's ties from one event weigh 1 in all. In matrix
terms, B is the organisations × events incidence matrix, S = diag(1/(k_e-1)) (or the identity)
and the weights are the off-diagonal entries of B·S·Bᵀ; the result equals networkx's
``weighted_projected_graph`` and ``collaboration_weighted_projected_graph``. The weight a pair
gets from one event is typed ``visited`` when exactly one of the two hosted it, ``co_attended``
otherwise. Every mentoring relationship, agreement and membership adds 1 of its type.

An edge of the tie graph carries ``weight`` (the sum over types), ``types`` (type -> weight),
``count`` (distinct supporting events, agreements, mentoring and membership relationships),
``events`` (the events behind it: shared events, the events agreements were signed at and
mentoring pairs met at), ``sources`` and ``evidence`` (of every relationship it rests on) and
``first`` (the earliest start of those events or date of those agreements; None when undated).

Size (``max_pairs``)
--------------------
The evidence of a tie is kept per shared event, so the work and memory of the attendance ties
grow with the *pair incidences*: the sum over events of k(k-1)/2 for an event of k attending
organisations. Above ``max_pairs`` (default `MAX_PAIRS`, 5,000,000) `tie_graph` and `projection`
refuse with a one-line MedgraphError that gives the count, rather than run out of memory (the
M benchmark's 1.9 million took 4.7 GiB, so the cap stays under some 12 GiB);
`pair_incidences` counts them beforehand. A larger network needs a graph library outside
NetworkX (benchmarks/README.md).

Time (``as_of``)
----------------
Planned events never make ties. An event counts when it is held and, with ``as_of``, its end
date (its start when it has no end) is on or before ``as_of``; an undated event counts only
without ``as_of``. An agreement signed at a held event counts when that event does, any other
when dated on or before ``as_of``. A mentoring relationship whose ``met_at`` is a held event
counts when that event does. Undated links — memberships, other mentoring relationships,
undated agreements — are always present, except when ``as_of`` falls before the first held
event: then there are no ties at all (only the nodes).

Nodes
-----
Every Organisation of K is a node with its attributes, isolated ones included, except that

- ``merge_possible=True``: organisations joined (transitively) by POSSIBLY_SAME_AS become one
  node, the one with most ATTENDED relationships in K (then the smallest id), whatever
  ``as_of``, so one node stands for them at every date; it lists the others in ``merged``;
- ``members_for_cluster=True``: an organisation that is MEMBER_OF a Cluster, and is not itself
  a Cluster, counts for that cluster (for each, if several): its attendances, agreements,
  mentoring and memberships become the cluster's, with the MEMBER_OF line added to the
  evidence; it leaves the graph and the cluster lists it in ``members``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import scipy.sparse as sp

from medgraph.errors import MedgraphError

TIE_TYPES = ("agreement", "co_attended", "membership", "mentoring", "visited")
MAX_PAIRS = 5_000_000
WEIGHTINGS = ("newman", "count")


# --- records between the steps ------------------------------------------------------------------

@dataclass(frozen=True)
class Prov:
    """The documents and lines something rests on."""

    sources: frozenset[str] = frozenset()
    evidence: frozenset[str] = frozenset()

    def __or__(self, other: Prov) -> Prov:
        return Prov(self.sources | other.sources, self.evidence | other.evidence)


@dataclass(frozen=True)
class Window:
    """What counts: the held events in scope and the date; undated links count when `undated`."""

    events: frozenset[str]
    as_of: dt.date | None = None

    @property
    def undated(self) -> bool:
        return self.as_of is None or bool(self.events)


@dataclass(frozen=True)
class Attribution:
    """Which node of the tie graph each Organisation of K counts for.

    `canon` maps a merged organisation to the one kept; `moved` maps a (kept) member to the
    clusters it counts for, each with the evidence of its MEMBER_OF relationship.
    """

    canon: dict[str, str] = field(default_factory=dict)
    moved: dict[str, tuple[tuple[str, Prov], ...]] = field(default_factory=dict)

    def targets(self, org: str) -> tuple[tuple[str, Prov], ...]:
        kept = self.canon.get(org, org)
        return self.moved.get(kept) or ((kept, Prov()),)


@dataclass(frozen=True)
class Attendance:
    """An organisation at a held event: `host` when it hosted it."""

    org: str
    event: str
    host: bool
    roles: frozenset[str]
    prov: Prov


@dataclass(frozen=True)
class Link:
    """One contribution to the tie between organisations a and b."""

    a: str
    b: str
    type: str
    weight: float
    items: tuple  # what it rests on, each counted once: ("event", id), ("agreement", id), …
    events: tuple[str, ...]
    prov: Prov
    date: dt.date | None


# --- the public functions -----------------------------------------------------------------------

def tie_graph(K: nx.MultiDiGraph, *, members_for_cluster: bool = False, merge_possible: bool = False,
              as_of: dt.date | None = None, weighting: str = "newman", max_pairs: int = MAX_PAIRS) -> nx.Graph:
    """The undirected tie network of the organisations of K (rules in the module docs).

    Parameters
    ----------
    K : the knowledge graph (`medgraph.graph.build.knowledge_graph`)
    members_for_cluster : count a Cluster member's links for its cluster
    merge_possible : contract POSSIBLY_SAME_AS pairs into one node
    as_of : only what had happened by this date
    weighting : "newman" or "count", for co_attended and visited ties
    max_pairs : refuse above this many pair incidences (see the module docs)

    Returns
    -------
    nx.Graph of every Organisation node, with their attributes, and one edge per tied pair
    (``weight``, ``types``, ``count``, ``events``, ``sources``, ``evidence``, ``first``).

    Examples
    --------
    >>> from medgraph.graph.build import example_graph
    >>> T = tie_graph(example_graph())
    >>> T.number_of_nodes(), T.number_of_edges()
    (7, 8)
    >>> tie = T.edges["agro", "textile"]
    >>> tie["types"], tie["weight"], tie["count"], tie["events"]
    ({'co_attended': 0.5, 'mentoring': 1.0}, 1.5, 2, ['forum-2019'])
    >>> tie_graph(example_graph(), as_of=dt.date(2019, 1, 1)).number_of_edges()
    4
    """
    check_weighting(weighting)
    return ties_in(K, window(K, as_of), attribution(K, members_for_cluster=members_for_cluster,
                                                    merge_possible=merge_possible), weighting, max_pairs)


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
    >>> from medgraph.graph.build import example_graph
    >>> B = two_mode(example_graph())
    >>> sorted(B["visit-2018"]), B.edges["solar", "visit-2018"]["role"]
    (['olive', 'solar', 'textile'], 'host')
    """
    att = attribution(K, members_for_cluster=members_for_cluster, merge_possible=merge_possible)
    W = window(K, as_of)
    B = nx.Graph()
    B.add_nodes_from((n, {**d, "bipartite": 0}) for n, d in sorted(organisation_nodes(K, att).items()))
    B.add_nodes_from((e, {**K.nodes[e], "bipartite": 1}) for e in sorted(W.events))
    B.add_edges_from((a.org, a.event, {"role": "host" if a.host else "delegate", "roles": sorted(a.roles),
                                       "sources": sorted(a.prov.sources), "evidence": sorted(a.prov.evidence)})
                     for a in attendances(K, W, att))
    return B


def projection(B: nx.Graph, nodes: Iterable, *, weighting: str = "newman", max_pairs: int = MAX_PAIRS) -> nx.Graph:
    """The one-mode projection of a bipartite graph onto `nodes`, with sparse matrices.

    With B the nodes × other-side incidence matrix and S = diag(1/(k-1)) for an other-side
    node of degree k (``weighting="newman"``) or the identity (``"count"``), the weight of a
    pair is its entry of B·S·Bᵀ. Equal to networkx's ``collaboration_weighted_projected_graph``
    and ``weighted_projected_graph``. Refuses above `max_pairs` pair incidences.

    Examples
    --------
    >>> B = nx.Graph([("a", "e1"), ("b", "e1"), ("c", "e1"), ("a", "e2"), ("b", "e2")])
    >>> P = projection(B, ["a", "b", "c"])
    >>> sorted(P.edges(data="weight"))
    [('a', 'b', 1.5), ('a', 'c', 0.5), ('b', 'c', 0.5)]
    >>> projection(B, ["a", "b", "c"], weighting="count")["a"]["b"]["weight"]
    2.0
    """
    P, rows = projected_weights(B, nodes, weighting=weighting, max_pairs=max_pairs)
    G = nx.Graph()
    G.add_nodes_from((n, B.nodes[n]) for n in rows)
    add_weighted_pairs(G, rows, P)
    return G


def projected_weights(B: nx.Graph, nodes: Iterable, *, weighting: str = "newman",
                      max_pairs: float = MAX_PAIRS) -> tuple[sp.coo_matrix, list]:
    """The weights of `projection` as the upper triangle of B·S·Bᵀ, and the sorted nodes that
    index its rows and columns (no NetworkX graph: for networks past what NetworkX holds)."""
    check_weighting(weighting)
    rows = sorted(nodes)
    pairs = [(n, m) for n in rows for m in B[n]]
    M = incidence(pairs, rows, sorted({m for _, m in pairs}))
    check_pairs(M, max_pairs)
    return sp.triu(co_occurrence(M, M, event_scale(M, weighting)), k=1).tocoo(), rows


def add_weighted_pairs(G: nx.Graph, names: list, P: sp.coo_matrix) -> None:
    """Add an edge (names[i], names[j], weight=w) for each nonzero entry of P to G's nodes.

    Written into the adjacency as `nx.Graph.add_edge` does (one attribute dict shared by both
    directions), without its per-edge checks: building the graph is nearly all of a projection's
    time, and this is twice as fast as `add_weighted_edges_from` (the M benchmark's 1.8 million
    edges: 1.9 s, against 20 s for networkx's weighted_projected_graph).
    """
    neighbours = [G._adj[n] for n in names]
    for i, j, w in zip(P.row.tolist(), P.col.tolist(), P.data.tolist()):
        if w:
            neighbours[i][names[j]] = neighbours[j][names[i]] = {"weight": w}


def window(K: nx.MultiDiGraph, as_of: dt.date | None = None) -> Window:
    """The held events that count as of a date (all held events without one).

    >>> from medgraph.graph.build import example_graph
    >>> sorted(window(example_graph()).events)
    ['forum-2019', 'visit-2018']
    >>> window(example_graph(), dt.date(2018, 11, 22)).undated
    False
    """
    as_of = check_date(as_of)
    return Window(frozenset(e for e in held_events(K) if as_of is None or before(event_date(K, e), as_of)), as_of)


def attribution(K: nx.MultiDiGraph, *, members_for_cluster: bool = False,
                merge_possible: bool = False) -> Attribution:
    """Which tie-graph node each organisation of K counts for (see the module docs).

    >>> from medgraph.graph.build import example_graph
    >>> attribution(example_graph(), members_for_cluster=True).targets("esith")[0][0]
    'textile'
    """
    canon = merged_into(K) if merge_possible else {}
    return Attribution(canon, member_clusters(K, canon) if members_for_cluster else {})


def ties_in(K: nx.MultiDiGraph, W: Window, att: Attribution, weighting: str = "newman",
            max_pairs: int = MAX_PAIRS) -> nx.Graph:
    """The tie graph of what falls in window W, organisations attributed by `att`."""
    ties: dict[tuple[str, str], Tie] = defaultdict(Tie)
    attended = attendances(K, W, att)
    check_pairs(Counter(a.event for a in attended).values(), max_pairs)
    add_attendance_ties(ties, K, attended, weighting)
    for link in itertools.chain(agreement_links(K, W, att), mentoring_links(K, W, att), membership_links(K, W, att)):
        ties[link.a, link.b].add_link(link)
    return assemble(organisation_nodes(K, att), ties)


# --- checks and small readers ---------------------------------------------------------------------

def check_weighting(weighting: str) -> None:
    if weighting not in WEIGHTINGS:
        raise MedgraphError(f"unknown tie weighting {weighting!r}: one of {', '.join(WEIGHTINGS)}")


def pair_incidences(sizes) -> int:
    """Pairs of attendees summed over events, from the events' sizes or an incidence matrix.

    >>> pair_incidences([3, 2, 1])
    4
    """
    if sp.issparse(sizes):
        sizes = np.asarray(sizes.sum(axis=0)).ravel().astype(np.int64)
    return int(sum(int(k) * (int(k) - 1) // 2 for k in sizes))


def check_pairs(sizes, max_pairs: int) -> None:
    """A one-line MedgraphError when the projection would exceed `max_pairs` pair incidences."""
    count = pair_incidences(sizes)
    if count > max_pairs:
        raise MedgraphError(f"tie network: {count:,} pair incidences (two organisations at one event) exceed the "
                            f"cap of {max_pairs:,} this machine's NetworkX tie graph is sized for; raise max_pairs "
                            f"(--max-pairs) with the memory for it, or narrow the data (--as-of)")


def check_date(as_of) -> dt.date | None:
    """as_of as a date: a datetime becomes its date; anything else is an error."""
    if as_of is None or type(as_of) is dt.date:
        return as_of
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    raise MedgraphError(f"as_of: expected a date, found {as_of!r}")


def before(date: dt.date | None, as_of: dt.date) -> bool:
    return date is not None and date <= as_of


def label(K, node) -> str | None:
    return K.nodes[node].get("label") if node in K else None


def organisations(K) -> list[str]:
    return sorted(n for n, d in K.nodes(data=True) if d.get("label") == "Organisation")


def held_events(K) -> list[str]:
    """Events not planned (the loader marks every event held or planned; None counts as held)."""
    return sorted(n for n, d in K.nodes(data=True) if d.get("label") == "Event" and d.get("status") != "planned")


def is_held(K, event) -> bool:
    return label(K, event) == "Event" and K.nodes[event].get("status") != "planned"


def event_date(K, event) -> dt.date | None:
    """The date an event is over by: its end, else its start."""
    d = K.nodes[event]
    return d.get("end") or d.get("start")


def event_start(K, event) -> dt.date | None:
    d = K.nodes[event]
    return d.get("start") or d.get("end")


def prov(d: dict) -> Prov:
    return Prov(frozenset(d.get("sources") or ()), frozenset(d.get("evidence") or ()))


def relations(K, kind: str) -> list[tuple[str, str, dict]]:
    """The (start, end, props) of every relationship of one type, in id order."""
    return sorted(((u, v, d) for u, v, k, d in K.edges(keys=True, data=True) if k == kind), key=lambda r: r[:2])


def employers(K, person) -> list[tuple[str, dict]]:
    return sorted((v, d) for _, v, k, d in K.out_edges(person, keys=True, data=True)
                  if k == "WORKS_FOR" and label(K, v) == "Organisation")


# --- attributing organisations ----------------------------------------------------------------------

def attendance_count(K, org) -> int:
    return sum(1 for _, _, k in K.out_edges(org, keys=True) if k == "ATTENDED")


def merged_into(K) -> dict[str, str]:
    """Each organisation of a POSSIBLY_SAME_AS group -> the one kept (most attendances, then id)."""
    S = nx.Graph((u, v) for u, v, _ in relations(K, "POSSIBLY_SAME_AS")
                 if label(K, u) == label(K, v) == "Organisation")
    canon = {}
    for group in nx.connected_components(S):
        kept = min(group, key=lambda o: (-attendance_count(K, o), o))
        canon.update({o: kept for o in group})
    return canon


def member_clusters(K, canon: dict[str, str]) -> dict[str, tuple[tuple[str, Prov], ...]]:
    """Each (kept) non-cluster member of a Cluster -> the clusters it counts for."""
    found: dict[str, dict[str, Prov]] = defaultdict(dict)
    for u, v, d in relations(K, "MEMBER_OF"):
        member, cluster = canon.get(u, u), canon.get(v, v)
        if (member != cluster and label(K, member) == label(K, cluster) == "Organisation"
                and K.nodes[cluster].get("kind") == "Cluster" and K.nodes[member].get("kind") != "Cluster"):
            found[member][cluster] = found[member].get(cluster, Prov()) | prov(d)
    return {m: tuple(sorted(clusters.items())) for m, clusters in found.items()}


def organisation_nodes(K, att: Attribution) -> dict[str, dict]:
    """The tie-graph nodes and their attributes (plus ``merged`` and ``members`` lists)."""
    nodes = {t: dict(K.nodes[t]) for o in organisations(K) for t, _ in att.targets(o)}
    for other, kept in sorted(att.canon.items()):
        if other != kept and kept in nodes:
            nodes[kept].setdefault("merged", []).append(other)
    for member, clusters in sorted(att.moved.items()):
        for cluster, _ in clusters:
            nodes[cluster].setdefault("members", []).append(member)
    return nodes


# --- links of each type ----------------------------------------------------------------------

def attendances(K, W: Window, att: Attribution) -> list[Attendance]:
    """Every (organisation, event) attendance in W, after attribution, one per pair."""
    found: dict[tuple[str, str], Attendance] = {}
    for who, event, d in relations(K, "ATTENDED"):
        if event not in W.events:
            continue
        for org, p in attendees(K, who, d):
            for target, q in att.targets(org):
                role = d.get("role") or "delegate"
                new = Attendance(target, event, role == "host", frozenset({role}), p | q)
                old = found.get((target, event))
                found[target, event] = new if old is None else Attendance(
                    target, event, old.host or new.host, old.roles | new.roles, old.prov | new.prov)
    return [found[key] for key in sorted(found)]


def attendees(K, who, d: dict) -> list[tuple[str, Prov]]:
    """The organisations an ATTENDED relationship counts for: its organisation or the person's employers."""
    if label(K, who) == "Organisation":
        return [(who, prov(d))]
    if label(K, who) == "Person":
        return [(org, prov(d) | prov(w)) for org, w in employers(K, who)]
    return []


def incidence(pairs: list[tuple], rows: list, cols: list) -> sp.csr_matrix:
    """The 0/1 rows × cols matrix with a 1 for each (row, col) pair."""
    r, c = {n: i for i, n in enumerate(rows)}, {n: j for j, n in enumerate(cols)}
    data = np.ones(len(pairs))
    return sp.csr_matrix((data, ([r[a] for a, _ in pairs], [c[b] for _, b in pairs])), shape=(len(rows), len(cols)))


def event_scale(B: sp.csr_matrix, weighting: str) -> np.ndarray:
    """What one shared event adds to a pair: 1, or 1/(k-1) for an event with k attendees."""
    k = np.asarray(B.sum(axis=0)).ravel()
    if weighting == "count":
        return np.ones_like(k, dtype=float)
    return np.where(k > 1, 1.0 / np.maximum(k - 1, 1), 0.0)


def co_occurrence(X: sp.csr_matrix, Y: sp.csr_matrix, scale: np.ndarray) -> sp.csr_matrix:
    """X·diag(scale)·Yᵀ: for each (row of X, row of Y) pair, the scaled sum of shared columns."""
    return (X @ sp.diags(scale) @ Y.T).tocsr()


def typed_weights(attended: list[Attendance], orgs: list[str], events: list[str],
                  weighting: str) -> dict[str, sp.coo_matrix]:
    """co_attended and visited weights of each pair i < j: the projection, split by roles.

    With D and H the delegates' and hosts' incidence matrices (B = D + H) and S the event
    scale, co_attended = D·S·Dᵀ + H·S·Hᵀ and visited = D·S·Hᵀ + H·S·Dᵀ: together B·S·Bᵀ.
    """
    delegates = incidence([(a.org, a.event) for a in attended if not a.host], orgs, events)
    hosts = incidence([(a.org, a.event) for a in attended if a.host], orgs, events)
    scale = event_scale(delegates + hosts, weighting)
    typed = {"co_attended": co_occurrence(delegates, delegates, scale) + co_occurrence(hosts, hosts, scale),
             "visited": co_occurrence(delegates, hosts, scale) + co_occurrence(hosts, delegates, scale)}
    return {kind: sp.triu(P, k=1).tocoo() for kind, P in typed.items()}


def shared_events(attended: list[Attendance]) -> dict[tuple[str, str], list[tuple[Attendance, Attendance]]]:
    """Each pair of organisations (a < b) -> their attendances at each event they shared."""
    by_event: dict[str, list[Attendance]] = defaultdict(list)
    for a in attended:
        by_event[a.event].append(a)
    shared = defaultdict(list)
    for event in sorted(by_event):
        for x, y in itertools.combinations(sorted(by_event[event], key=lambda a: a.org), 2):
            shared[x.org, y.org].append((x, y))
    return shared


def add_attendance_ties(ties: dict[tuple[str, str], Tie], K, attended: list[Attendance], weighting: str) -> None:
    """Add the co_attended and visited ties: weights from the projection, evidence per shared event."""
    if not attended:
        return
    orgs, events = sorted({a.org for a in attended}), sorted({a.event for a in attended})
    for kind, P in typed_weights(attended, orgs, events, weighting).items():
        for i, j, w in zip(P.row.tolist(), P.col.tolist(), P.data.tolist()):
            ties[orgs[i], orgs[j]].types[kind] += w
    starts = {e: event_start(K, e) for e in events}
    for pair, meetings in shared_events(attended).items():
        tie = ties[pair]
        for x, y in meetings:
            tie.note(("event", x.event), (x.event,), starts[x.event])
            tie.cite(x.prov)
            tie.cite(y.prov)


def join(provs: Iterable[Prov]) -> Prov:
    total = Prov()
    for p in provs:
        total = total | p
    return total


def pair_links(pairs: Iterable[tuple[tuple[str, Prov], tuple[str, Prov]]], kind: str, item: tuple,
               events: tuple[str, ...], base: Prov, date: dt.date | None) -> Iterator[Link]:
    """One link of weight 1 per distinct pair of different organisations among `pairs`."""
    joined: dict[tuple[str, str], Prov] = {}
    for (a, p), (b, q) in pairs:
        if a != b:
            key = (a, b) if a < b else (b, a)
            joined[key] = joined.get(key, base) | p | q
    for (a, b), p in sorted(joined.items()):
        yield Link(a, b, kind, 1.0, (item,), events, p, date)


def counts_at(K, event, W: Window) -> bool:
    """Whether a link made at `event` (None: undated) falls in W."""
    return event in W.events if is_held(K, event) else W.undated


def agreement_counts(K, agreement: str, signed: list[str], W: Window) -> bool:
    held = [e for e in signed if is_held(K, e)]
    if held:
        return any(e in W.events for e in held)
    date = K.nodes[agreement].get("date")
    if date is None:
        return W.undated
    return W.as_of is None or date <= W.as_of


def agreement_links(K, W: Window, att: Attribution) -> Iterator[Link]:
    """One agreement link per pair of (attributed) parties of each agreement that counts."""
    for agreement in sorted(n for n, d in K.nodes(data=True) if d.get("label") == "Agreement"):
        signing = [(e, d) for _, e, k, d in K.out_edges(agreement, keys=True, data=True)
                   if k == "SIGNED_AT" and label(K, e) == "Event"]
        events = tuple(sorted(e for e, _ in signing))
        if not agreement_counts(K, agreement, list(events), W):
            continue
        parties = [(t, prov(d) | q) for u, _, k, d in K.in_edges(agreement, keys=True, data=True)
                   if k == "PARTY_TO" and label(K, u) == "Organisation" for t, q in att.targets(u)]
        date = K.nodes[agreement].get("date") or min(filter(None, (event_start(K, e) for e in events)), default=None)
        yield from pair_links(itertools.combinations(sorted(parties, key=lambda p: p[0]), 2), "agreement",
                              ("agreement", agreement), events, join(prov(d) for _, d in signing), date)


def mentoring_links(K, W: Window, att: Attribution) -> Iterator[Link]:
    """A link between the employers of mentor and mentee, for each mentoring relationship that counts."""
    for mentor, mentee, d in relations(K, "MENTORS"):
        met = d.get("met_at")
        if not counts_at(K, met, W):
            continue
        sides = [[(t, prov(w) | q) for org, w in employers(K, person) for t, q in att.targets(org)]
                 for person in (mentor, mentee)]
        events = (met,) if is_held(K, met) else ()
        yield from pair_links(itertools.product(*sides), "mentoring", ("mentoring", mentor, mentee), events,
                              prov(d), event_start(K, met) if events else None)


def membership_links(K, W: Window, att: Attribution) -> Iterator[Link]:
    """A link for each MEMBER_OF between organisations (undated: present when undated links are)."""
    if not W.undated:
        return
    for member, whole, d in relations(K, "MEMBER_OF"):
        if label(K, member) == label(K, whole) == "Organisation":
            yield from pair_links(itertools.product(att.targets(member), att.targets(whole)), "membership",
                                  ("membership", member, whole), (), prov(d), None)


# --- the graph --------------------------------------------------------------------------------

class Tie:
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


def assemble(nodes: dict[str, dict], ties: dict[tuple[str, str], Tie]) -> nx.Graph:
    """The tie graph: the nodes, and one edge per tied pair."""
    T = nx.Graph()
    T.add_nodes_from(sorted(nodes.items()))
    T.add_edges_from((a, b, tie.attrs()) for (a, b), tie in sorted(ties.items()))
    return T
