"""Levels of "met": how far each South-Med cluster has met the European Union, best level first.

The levels are `medgraph.schema.MET_LEVELS` (their meanings `MET_LEVEL_MEANINGS`):

- ``peer``: the cluster is tied to a named EU organisation in the tie network (co-attended,
  visited or hosted, mentoring, agreement, membership: "met" as graph/SCHEMA.md defines it);
- ``organiser_or_host``: a named EU organisation ORGANISED (as organiser or co-organiser,
  `MEETING_ORGANISER_ROLES`: a supporter need not be there) or hosted a held event the cluster
  attended, or an event that event is PART_OF (a mission within a forum is attended within the
  forum);
- ``eu_event``: the cluster attended a held event in the EU whose participant list is flagged
  ``participants_partial`` or names no EU organisation: it met Europeans the sources do not name.

A cluster with no level is unmet; it is *uncertain* rather than unmet when it attended an event
(or an event within one) whose participant list is flagged partial: the people it met there are
not all named. Attendance, organisers and hosts follow the tie network's options (`TieOptions`:
``as_of``, ``merge_possible``, ``members_for_cluster``), so the levels always match the ties.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from medgraph.graph.metmatrix import eu_partners, name, south_clusters
from medgraph.graph.ties import TieOptions, attribution, is_arrays, tie_evidence, tie_graph, window
from medgraph.graph.ties.accessors import is_held_event, label, relations
from medgraph.graph.ties.links import attendances
from medgraph.schema import (
    EU,
    EU_EVENT,
    MEETING_ORGANISER_ROLES,
    MET_LEVELS,
    ORGANISER,
    ORGANISER_OR_HOST,
    PEER,
    is_eu,
)

__all__ = ["COLUMNS", "EVIDENCE_CHARS", "met_levels", "events_within", "tie_types", "unmet", "level_counts", "levels_by_country",
           "headline"]

COLUMNS = ["south_id", "south_name", "south_country", "level", "peers", "organisers_hosts", "eu_events",
           "uncertain", "evidence"]
#: The evidence cell is cut to this many characters (ending in "…").
EVIDENCE_CHARS = 300


@dataclass
class _Reach:
    """What one cluster reached: EU peers, EU organisers or hosts (by id -> how), EU events."""

    peers: list = field(default_factory=list)
    organisers: dict = field(default_factory=dict)
    eu_events: dict = field(default_factory=dict)
    partial: dict = field(default_factory=dict)

    def __post_init__(self):
        self.met = set(self.peers)  # for `in`: a cluster may have thousands of peers

    @property
    def level(self) -> str | None:
        reached = (self.peers, self.organisers, self.eu_events)
        return next((level for level, found in zip(MET_LEVELS, reached) if found), None)


def met_levels(K: nx.MultiDiGraph, options: TieOptions = TieOptions(), T: nx.Graph | None = None,
               attended: list | None = None) -> pd.DataFrame:
    """One row per South-Med cluster: the best level of "met" it reached, and the counts of each.

    Parameters
    ----------
    K : the knowledge graph
    options : the tie network's options (`TieOptions`)
    T : its tie network, when already built with the same options
    attended : its attendances (`medgraph.graph.ties.links.attendances`), when already read;
        a cluster's row needs those at its events and at the events they are PART_OF

    Returns
    -------
    DataFrame south_id, south_name, south_country, level (the best of `MET_LEVELS`, None when
    none), peers (EU organisations tied to it), organisers_hosts (EU organisers or hosts of its
    events that are not among its peers), eu_events (held events in the EU with unnamed others
    that it attended), uncertain (no level, but it attended an event whose participant list is
    partial) and evidence (the best level's first items, at most `EVIDENCE_CHARS` characters);
    by country, then name.

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> K = example_graph()
    >>> met_levels(K)[["south_id", "level", "peers", "organisers_hosts", "eu_events", "uncertain"]].values.tolist()
    [['qoot', None, 0, 0, 0, False], ['textile', 'peer', 3, 0, 0, False], ['olive', 'peer', 2, 0, 0, False]]
    >>> met_levels(K)["evidence"].iloc[2]
    'peer: France Clusters (agreement: doc-forum:6); Solar Energy Cluster (visited: doc-visit:4, doc-visit:6)'

    Had QOOT's mission been held, it would have attended an EU event where no EU organisation is
    named; and had France Clusters organised it, QOOT would have met an EU organiser:

    >>> K.nodes["mission-2020"]["status"] = "held"
    >>> met_levels(K).loc[0, ["level", "evidence"]].tolist()
    ['eu_event', 'eu_event: Market mission, Madrid']
    >>> K.add_edge("fc", "mission-2020", "ORGANISED", role="organiser", evidence=["doc-forum:9"])
    'ORGANISED'
    >>> met_levels(K).loc[0, ["level", "evidence"]].tolist()
    ['organiser_or_host', 'organiser_or_host: France Clusters (organised Market mission, Madrid: doc-forum:9)']
    """
    T = tie_graph(K, as_of=options.as_of, merge_possible=options.merge_possible,
                  members_for_cluster=options.members_for_cluster) if T is None else T
    reach = _reach(K, T, options, attended)
    rows = [_row(T, s, reach.get(s, _Reach())) for s in south_clusters(T)]
    rows.sort(key=lambda r: (str(r["south_country"]), r["south_name"], str(r["south_id"])))
    counts = {"peers": int, "organisers_hosts": int, "eu_events": int, "uncertain": bool}
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object).astype(counts)  # object: None stays None


def _reach(K: nx.MultiDiGraph, T: nx.Graph, options: TieOptions, attended: list | None = None) -> dict[str, _Reach]:
    """What each South-Med cluster of T reached, from its attendances in K (`attended` when given)."""
    att = attribution(K, options)
    attended = attendances(K, window(K, options.as_of), att) if attended is None else attended
    clusters = set(south_clusters(T))
    named_eu = {a.event for a in attended if is_eu(T.nodes.get(a.org, {}))}
    hosts = {}
    for a in attended:
        if a.host:
            hosts.setdefault(a.event, []).append((a.org, "hosted", sorted(a.prov.evidence)))
    organisers = _organisers(K, att)
    reach: dict[str, _Reach] = {}
    within: dict[str, list[str]] = {}
    for a in attended:
        if a.org not in clusters:
            continue
        r = reach.get(a.org) or reach.setdefault(a.org, _Reach(peers=eu_partners(T, a.org)))
        if a.event not in within:
            within[a.event] = events_within(K, a.event)
        for event in within[a.event]:
            for org, how, evidence in organisers.get(event, []) + hosts.get(event, []):
                if org != a.org and org not in r.met and is_eu(T.nodes.get(org, {})):
                    r.organisers.setdefault(org, f"{how} {_event_name(K, event)}: {', '.join(evidence)}")
            if K.nodes[event].get("participants_partial"):
                r.partial[event] = _event_name(K, event)
        if K.nodes[a.event].get("region") == EU and (
                K.nodes[a.event].get("participants_partial") or a.event not in named_eu):
            r.eu_events[a.event] = _event_name(K, a.event)
    return reach


def _organisers(K: nx.MultiDiGraph, att) -> dict[str, list[tuple[str, str, list[str]]]]:
    """Each event -> (organisation, "organised" or "co-organiser of", evidence) of those who ran it."""
    found: dict[str, list] = {}
    for org, event, d in relations(K, "ORGANISED"):
        role = d.get("role") or ORGANISER
        if label(K, org) == "Organisation" and role in MEETING_ORGANISER_ROLES:
            for target, prov in att.targets(org):
                how = "organised" if role == ORGANISER else f"{role} of"
                found.setdefault(event, []).append((target, how, sorted(set(d.get("evidence") or ()) | prov.evidence)))
    return found


def events_within(K: nx.MultiDiGraph, event: str) -> list[str]:
    """The event and the held events it is PART_OF, transitively (a mission within a forum)."""
    found, todo = [], [event]
    while todo:
        e = todo.pop()
        if e not in found:
            found.append(e)
            todo += [v for _, v, k in K.out_edges(e, keys=True) if k == "PART_OF" and is_held_event(K, v)]
    return found


def _event_name(K: nx.MultiDiGraph, event: str) -> str:
    return K.nodes[event].get("name") or str(event)


def _row(T: nx.Graph, s, r: _Reach) -> dict:
    level = r.level
    return {"south_id": s, "south_name": name(T, s), "south_country": T.nodes[s].get("country"), "level": level,
            "peers": len(r.peers), "organisers_hosts": len(r.organisers), "eu_events": len(r.eu_events),
            "uncertain": level is None and bool(r.partial), "evidence": _evidence(T, s, r, level)}


def _evidence(T: nx.Graph, s, r: _Reach, level: str | None) -> str | None:
    """The items behind the best level (or behind the uncertainty), cut to `EVIDENCE_CHARS`."""
    if level == PEER:
        items = _peer_items(T, s, r.peers)
    elif level == ORGANISER_OR_HOST:
        items = [f"{name(T, o)} ({how})" for o, how in sorted(r.organisers.items())]
    elif level == EU_EVENT or r.partial:
        items = sorted((r.eu_events or r.partial).values())
        level = level or "uncertain: participant list partial"
    else:
        return None
    return _cut(f"{level}: {'; '.join(items)}")


def _peer_items(T: nx.Graph, s, peers: list) -> list[str]:
    """The peers in words with the tie's types and evidence, only as many as the cut text shows
    (a cluster may have thousands of peers, each one's evidence listed on demand)."""
    items, length = [], 0
    for e in peers:
        evidence = ", ".join(tie_evidence(T, s, e)["evidence"])
        items.append(f"{name(T, e)} ({', '.join(tie_types(T, s, e))}: {evidence})")
        length += len(items[-1]) + 2
        if length > EVIDENCE_CHARS:
            break
    return items


def tie_types(T: nx.Graph, a, b) -> list[str]:
    """The types of the tie a–b, by name (on the arrays from its type bits: no weights computed)."""
    return T.kinds_of(a, b) if is_arrays(T) else sorted(T.edges[a, b].get("types") or {})


def _cut(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """text, cut to `limit` characters with an ellipsis.

    >>> _cut("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= limit else text[:limit - 1] + "…"


def unmet(levels: pd.DataFrame) -> pd.DataFrame:
    """The clusters of a `met_levels` table that reached no level: id, name, country, uncertain.

    >>> from medgraph.graph.knowledge import example_graph
    >>> unmet(met_levels(example_graph())).values.tolist()
    [['qoot', 'QOOT Agri-Food Cluster', 'LB', False]]
    """
    rows = levels[levels["level"].isna()]
    return pd.DataFrame({"id": rows["south_id"], "name": rows["south_name"], "country": rows["south_country"],
                         "uncertain": rows["uncertain"]}).reset_index(drop=True)


def level_counts(levels: pd.DataFrame) -> dict[str, int]:
    """How many clusters of a `met_levels` table reached each level as their best.

    >>> from medgraph.graph.knowledge import example_graph
    >>> level_counts(met_levels(example_graph()))
    {'peer': 2, 'organiser_or_host': 0, 'eu_event': 0}
    """
    return {level: int((levels["level"] == level).sum()) for level in MET_LEVELS}


def levels_by_country(levels: pd.DataFrame) -> pd.DataFrame:
    """Per South-Med country of a `met_levels` table: its clusters, how many reached each level as
    their best, how many none, and how many of those are uncertain; by country.

    >>> from medgraph.graph.knowledge import example_graph
    >>> levels_by_country(met_levels(example_graph())).values.tolist()
    [['LB', 1, 0, 0, 0, 1, 0], ['MA', 1, 1, 0, 0, 0, 0], ['TN', 1, 1, 0, 0, 0, 0]]
    """
    rows = []
    for country, group in levels.groupby(levels["south_country"].fillna("unknown"), sort=True):
        rows.append({"country": country, "clusters": len(group), **level_counts(group),
                     "none": int(group["level"].isna().sum()), "uncertain": int(group["uncertain"].sum())})
    return pd.DataFrame(rows, columns=["country", "clusters", *MET_LEVELS, "none", "uncertain"])


def headline(summary: dict) -> str:
    """The one line the CLI prints after an analysis, from `report.analyse`'s summary.

    >>> print(headline({"organisations": 9, "ties": 14, "south_med_clusters": 6, "met_none": 2,
    ...                 "met_uncertain": 1, "met_levels": {"peer": 2, "organiser_or_host": 1, "eu_event": 1}}))
    ... # doctest: +NORMALIZE_WHITESPACE
    9 organisations, 14 ties; 2 of 6 South-Med clusters have met a named EU peer, 1 more an EU
    organiser or host, 1 more attended an EU event; 2 met none (1 uncertain)
    """
    n = summary["met_levels"]
    return (f"{summary['organisations']} organisations, {summary['ties']} ties; {n[PEER]} of "
            f"{summary['south_med_clusters']} South-Med clusters have met a named EU peer, {n[ORGANISER_OR_HOST]} "
            f"more an EU organiser or host, {n[EU_EVENT]} more attended an EU event; {summary['met_none']} met "
            f"none ({summary['met_uncertain']} uncertain)")
