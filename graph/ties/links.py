"""The links between organisations, one type at a time: attendances (and the events two
organisations shared), agreements, mentoring and memberships, each within a `Window` and for
the nodes an `Attribution` names (rules in the module docs of `medgraph.graph.ties`)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Collection, Container, Iterable, Iterator
from dataclasses import dataclass

import networkx as nx

from medgraph import schema
from medgraph.graph.ties.accessors import (
    Prov,
    employers,
    event_start,
    is_held_event,
    label,
    provenance,
    relations,
)
from medgraph.graph.ties.options import Attribution, Window

__all__ = ["Attendance", "Link", "attendances", "attended_events", "shared_events", "agreement_links", "mentoring_links",
           "membership_links"]


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


def attendances(K: nx.MultiDiGraph, W: Window, att: Attribution, *, events: Iterable[str] | None = None,
                orgs: Collection[str] | None = None) -> list[Attendance]:
    """Every (organisation, event) attendance in W, after attribution, one per pair; only those
    at `events` and of the organisations `orgs` (tie-graph nodes) when given: each the same
    as in the whole list.

    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties.options import attribution, window
    >>> K = example_graph()
    >>> [(a.org, a.event, a.host) for a in attendances(K, window(K), attribution(K))][:3]
    [('agro', 'forum-2019', False), ('fc', 'forum-2019', False), ('olive', 'visit-2018', False)]
    >>> [(a.org, a.event) for a in attendances(K, window(K), attribution(K), events=["visit-2018"], orgs={"olive"})]
    [('olive', 'visit-2018')]
    """
    found: dict[tuple[str, str], Attendance] = {}
    counted: dict[str, list] = {}
    if events is not None:
        edges = _attended_at(K, W.events & set(events))
    else:
        edges = _attended(K, W.events) if orgs is None else _attended_for(K, att, orgs, W.events)
    for who, event, d in edges:
        role = d.get("role") or schema.DELEGATE
        own = None
        for target, works, q in _counts_for(K, att, who, counted):
            if orgs is not None and target not in orgs:
                continue
            own = own or provenance(d)
            new = Attendance(target, event, role == schema.HOST, frozenset({role}),
                             own | q if works is None else own | provenance(works) | q)
            old = found.get((target, event))
            found[target, event] = new if old is None else Attendance(
                target, event, old.host or new.host, old.roles | new.roles, old.prov | new.prov)
    return [found[key] for key in sorted(found)]


def attended_events(K: nx.MultiDiGraph, W: Window, att: Attribution) -> dict[str, set[str]]:
    """Organisation (tie-graph node) -> the events of W it attended: the pairs of
    `attendances`, without their roles and provenance (one quick pass, for ranking).

    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties.options import attribution, window
    >>> K = example_graph()
    >>> sorted(attended_events(K, window(K), attribution(K))["textile"])
    ['forum-2019', 'visit-2018']
    """
    found: dict[str, set[str]] = defaultdict(set)
    counted: dict[str, list] = {}
    for who, event, _ in _attended(K, W.events):
        for target, _, _ in _counts_for(K, att, who, counted):
            found[target].add(event)
    return dict(found)


def _attended(K: nx.MultiDiGraph, events: Container[str]) -> Iterator[tuple[str, str, dict]]:
    """The (who, event, props) of each ATTENDED relationship into `events` (K's adjacency read
    as it is: a million relationships in a second)."""
    return ((who, event, keyed["ATTENDED"]) for who, nbrs in K.adjacency() for event, keyed in nbrs.items()
            if "ATTENDED" in keyed and event in events)


def _attended_at(K: nx.MultiDiGraph, events: set[str]) -> Iterator[tuple[str, str, dict]]:
    """The (who, event, props) of each ATTENDED relationship into `events`, read from theirs."""
    return ((who, event, d) for who, event, k, d in K.in_edges(sorted(events), keys=True, data=True) if k == "ATTENDED")


def _attended_for(K: nx.MultiDiGraph, att: Attribution, orgs: Collection[str],
                  events: Container[str]) -> Iterator[tuple[str, str, dict]]:
    """The (who, event, props) of each ATTENDED relationship into `events` that may count for
    one of `orgs`: of the organisations that count for them and of their people."""
    kept = {t for t in orgs if t not in att.moved} | {m for m, to in att.moved.items() if any(c in orgs for c, _ in to)}
    sources = kept | {o for o, k in att.canon.items() if k in kept}  # `att.targets` read backwards
    people = {p for o in sources for p, _, k in K.in_edges(o, keys=True) if k == "WORKS_FOR" and label(K, p) == "Person"}
    return ((who, event, d) for who, event, k, d in K.out_edges(sources | people, keys=True, data=True)
            if k == "ATTENDED" and event in events)


def _counts_for(K, att: Attribution, who, counted: dict[str, list]) -> list[tuple[str, dict | None, Prov]]:
    """The tie-graph nodes an ATTENDED relationship of `who` counts for, each with the
    WORKS_FOR properties that make it count (None: its own) and the attribution's provenance:
    through its organisation or the person's employers; kept in `counted`."""
    if who not in counted:
        kind = label(K, who)
        orgs = [(who, None)] if kind == "Organisation" else employers(K, who) if kind == "Person" else []
        counted[who] = [(target, works, q) for org, works in orgs for target, q in att.targets(org)]
    return counted[who]


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


def _join(provs: Iterable[Prov]) -> Prov:
    total = Prov()
    for p in provs:
        total = total | p
    return total


def _pair_links(pairs: Iterable[tuple[tuple[str, Prov], tuple[str, Prov]]], kind: str, item: tuple,
                events: tuple[str, ...], base: Prov, date: dt.date | None) -> Iterator[Link]:
    """One link of weight 1 per distinct pair of different organisations among `pairs`."""
    joined: dict[tuple[str, str], Prov] = {}
    for (a, p), (b, q) in pairs:
        if a != b:
            key = (a, b) if a < b else (b, a)
            joined[key] = joined.get(key, base) | p | q
    for (a, b), p in sorted(joined.items()):
        yield Link(a, b, kind, 1.0, (item,), events, p, date)


def _counts_at(K, event, W: Window) -> bool:
    """Whether a link made at `event` (None: undated) falls in W."""
    return event in W.events if is_held_event(K, event) else W.undated


def _agreement_counts(K, agreement: str, signed: list[str], W: Window) -> bool:
    held = [e for e in signed if is_held_event(K, e)]
    if held:
        return any(e in W.events for e in held)
    date = K.nodes[agreement].get("date")
    if date is None:
        return W.undated
    return W.as_of is None or date <= W.as_of


def agreement_links(K: nx.MultiDiGraph, W: Window, att: Attribution) -> Iterator[Link]:
    """One agreement link per pair of (attributed) parties of each agreement that counts."""
    for agreement in sorted(n for n, d in K.nodes(data=True) if d.get("label") == "Agreement"):
        signing = [(e, d) for _, e, k, d in K.out_edges(agreement, keys=True, data=True)
                   if k == "SIGNED_AT" and label(K, e) == "Event"]
        events = tuple(sorted(e for e, _ in signing))
        if not _agreement_counts(K, agreement, list(events), W):
            continue
        parties = [(t, provenance(d) | q) for u, _, k, d in K.in_edges(agreement, keys=True, data=True)
                   if k == "PARTY_TO" and label(K, u) == "Organisation" for t, q in att.targets(u)]
        date = K.nodes[agreement].get("date") or min(filter(None, (event_start(K, e) for e in events)), default=None)
        yield from _pair_links(itertools.combinations(sorted(parties, key=lambda p: p[0]), 2), "agreement",
                               ("agreement", agreement), events, _join(provenance(d) for _, d in signing), date)


def mentoring_links(K: nx.MultiDiGraph, W: Window, att: Attribution) -> Iterator[Link]:
    """A link between the employers of mentor and mentee, for each mentoring relationship that counts."""
    for mentor, mentee, d in relations(K, "MENTORS"):
        met = d.get("met_at")
        if not _counts_at(K, met, W):
            continue
        sides = [[(t, provenance(w) | q) for org, w in employers(K, person) for t, q in att.targets(org)]
                 for person in (mentor, mentee)]
        events = (met,) if is_held_event(K, met) else ()
        yield from _pair_links(itertools.product(*sides), "mentoring", ("mentoring", mentor, mentee), events,
                               provenance(d), event_start(K, met) if events else None)


def membership_links(K: nx.MultiDiGraph, W: Window, att: Attribution) -> Iterator[Link]:
    """A link for each MEMBER_OF between organisations (undated: present when undated links are)."""
    if not W.undated:
        return
    for member, whole, d in relations(K, "MEMBER_OF"):
        if label(K, member) == label(K, whole) == "Organisation":
            yield from _pair_links(itertools.product(att.targets(member), att.targets(whole)), "membership",
                                   ("membership", member, whole), (), provenance(d), None)
