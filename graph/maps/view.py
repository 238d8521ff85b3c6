"""What a map view is (`View`), the registry of views (`VIEWS`), and what every view shares:
the scene its builders read, ranking by score, time steps, organisation nodes.

A new view is one module in this package: a `View` subclass decorated with `@register`,
imported in `__init__.py`. `map_data` and `medgraph map --view` offer every registered view.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import networkx as nx

from medgraph.graph import centrality
from medgraph.graph.maps.basis import Basis
from medgraph.graph.maps.style import KIND_SHAPES, LEVEL_WORDS, MARKS
from medgraph.graph.maps.texts import (
    country_name,
    event_label,
    event_order,
    first_date,
    listing,
    node_sources,
    tie_types,
)
from medgraph.graph.period import Period, in_period
from medgraph.graph.ties.accessors import event_date

__all__ = ["VIEWS", "View", "register", "view_help", "Scene", "organisation_scores", "most_central", "time_steps",
           "add_steps", "org_node", "numbered", "DENSE_EDGES", "DENSE_SAMPLE"]

# On more edges than this, betweenness is sampled from DENSE_SAMPLE sources (seeded).
DENSE_EDGES, DENSE_SAMPLE = 20_000, 50

#: Every map view by name, in the order they are offered.
VIEWS: dict[str, type[View]] = {}


def register(view: type[View]) -> type[View]:
    """Class decorator: offer `view` under its `name`."""
    VIEWS[view.name] = view
    return view


def view_help() -> str:
    """The views for a help text, e.g. "ties (organisations), events (...) or countries (...)"."""
    items = [f"{name} ({view.help})" for name, view in VIEWS.items()]
    return " or ".join(filter(None, (", ".join(items[:-1]), items[-1]))) if items else ""


@dataclass(frozen=True)
class Scene:
    """What the node and edge builders of a view read: K, the view's graph V (filtered, before
    the threshold), each node's score and what it measures, attendances, the marks of South-Med
    clusters that have not met the EU (node -> a key of `MARKS`) and their levels of "met"
    (node -> level or None, when the analysis has them)."""

    K: nx.MultiDiGraph
    V: nx.Graph
    score: dict
    measure: str
    attended: dict[str, list[str]]
    marks: dict
    levels: dict

    @cached_property
    def top(self) -> float:
        return max(self.score.values(), default=0.0) or 1.0

    def size(self, n) -> float:
        """A node's radius: 10 to 40 pixels, its area in proportion to its score."""
        return round(10 + 30 * math.sqrt(max(self.score.get(n, 0.0), 0.0) / self.top), 2)

    def edges_within(self, shown: list[str]) -> list[tuple]:
        keep = set(shown)
        return [(u, v, d) for u, v, d in sorted(self.V.edges(data=True), key=edge_key) if u in keep and v in keep]


class View:
    """One kind of map: the graph it draws from a `Basis`, how it scores, and its nodes and
    edges as vis dicts; its texts are class attributes."""

    name: ClassVar[str]
    help: ClassVar[str]                # what its nodes are, for `medgraph map --help`
    what: ClassVar[str]                # the title, after the data set's name
    counted: ClassVar[str]             # the notice: "Showing the 400 most central of 2,000 {counted}"
    line_styles: ClassVar[dict]        # edge style -> (legend text, colour, vis dashes, CSS style)
    lines_title: ClassVar[str]
    size_text: ClassVar[str]           # the legend's size entry; {measure} is what sizes the nodes
    shapes: ClassVar[bool] = True      # whether the legend shows organisation kinds' shapes
    extra_shapes: ClassVar[list] = []  # legend shapes besides the kinds'
    on_ties: ClassVar[bool] = True     # drawn from the tie network (else from the organisation–event graph)
    steps_from_attendance: ClassVar[bool] = False  # the events its nodes attended are time steps too

    def measure(self, size_by: str) -> str:
        """What sizes and ranks the nodes, in words."""
        return size_by.replace("_", " ")

    def graph(self, basis: Basis, events: set[str], countries: set[str]) -> nx.Graph:
        raise NotImplementedError

    def scores(self, V: nx.Graph, basis: Basis, size_by: str, seed: int, max_nodes: int) -> dict[str, float]:
        raise NotImplementedError

    def items(self, scene: Scene, shown: list[str]) -> tuple[list[dict], list[dict]]:
        raise NotImplementedError

    def total(self, V: nx.Graph, basis: Basis) -> int:
        """How many nodes the view would show without the threshold."""
        return V.number_of_nodes()


def organisation_scores(V: nx.Graph, size_by: str, seed: int, max_nodes: int) -> dict[str, float]:
    """The betweenness or weighted degree of a tie network's organisations (as the centrality
    table's columns; above max_nodes nodes betweenness is estimated from
    centrality.BETWEENNESS_SAMPLE sampled sources, seeded)."""
    if not len(V):
        return {}
    if size_by == "weighted_degree":
        return {n: float(w) for n, w in V.degree(weight="weight")}
    sample = centrality.BETWEENNESS_SAMPLE
    k = sample if V.number_of_nodes() > max(max_nodes, sample) else None
    if V.number_of_edges() > DENSE_EDGES:  # each sampled source is one Dijkstra over every edge
        k = min(k or V.number_of_nodes(), DENSE_SAMPLE)
    return {n: float(x) for n, x in centrality.betweenness(centrality.with_distance(V), k=k, seed=seed).items()}


def most_central(V: nx.Graph, score: dict, max_nodes: int) -> list[str]:
    """The max_nodes nodes of highest score (ties broken by degree, then id), in id order."""
    if V.number_of_nodes() <= max_nodes:
        return sorted(V)
    ranked = sorted(V, key=lambda n: (-score.get(n, 0.0), -V.degree(n), str(n)))
    return sorted(ranked[:max_nodes])


def time_steps(K, V: nx.Graph, attended, view: View, events: set[str], period: Period | None = None) -> list[str]:
    """The dated events of the map within the period, in order: the network can be shown after
    each of them (what came earlier, and undated links, from the first)."""
    found = set()
    for n in V:
        if K.nodes.get(n, {}).get("label") == "Event":
            found.add(n)
        found |= set(attended.get(n, ()) if view.steps_from_attendance else ())
    for _, _, d in V.edges(data=True):
        found |= set(d.get("events") or ())
    found = found & events if events else found
    dated = (e for e in found if e in K and K.nodes[e].get("start") and in_period(event_date(K, e), period))
    return sorted(dated, key=lambda e: event_order(K, e))


def add_steps(K, nodes: list[dict], edges: list[dict], steps: list[str]) -> None:
    """Give each node and edge `step`: the index of the first time step it is part of.

    An edge appears at the first event on or after its first date (undated: from the start);
    a node with its first edge or its own `first` date (an event's, an organisation's first event).
    """
    dates = [K.nodes[e]["start"] for e in steps]

    def step(date: dt.date | None) -> int:
        return bisect.bisect_left(dates, date) if date else 0

    first_by_node = defaultdict(list)
    for edge in edges:
        edge["step"] = step(edge.pop("first"))
        first_by_node[edge["from"]].append(edge["step"])
        first_by_node[edge["to"]].append(edge["step"])
    for node in nodes:
        own = [step(d) for d in [node.pop("first")] if d]
        node["step"] = min(first_by_node[node["id"]] + own, default=0)


def edge_key(edge) -> tuple:
    return tuple(sorted((str(edge[0]), str(edge[1]))))


def numbered(edges: list[dict]) -> list[dict]:
    """The edges with ids e0, e1, ... (the page hides and shows them by id)."""
    for i, edge in enumerate(edges):
        edge["id"] = f"e{i}"
    return edges


def org_node(s: Scene, n, with_ties: bool) -> dict:
    """An organisation's vis node: shaped by kind, marked (``marked``: a key of `MARKS`) when a
    South-Med cluster has not met the EU (`style.paint` colours it by country); its tooltip
    lists its ties when `with_ties`."""
    d = {**s.K.nodes.get(n, {}), **s.V.nodes[n]}
    name, aliases = d.get("name") or n, sorted(d.get("aliases") or [])
    return {"id": n, "label": name, "names": [name, *aliases, n], "country": d.get("country"),
            "region": d.get("region"), "kind": d.get("kind"), "shape": KIND_SHAPES.get(d.get("kind"), "dot"),
            "size": s.size(n), "marked": s.marks.get(n), "first": first_date(s.K, s.attended.get(n, ())),
            "tip": org_tip(s, n, d, aliases, with_ties)}


def org_tip(s: Scene, n, d: dict, aliases: list[str], with_ties: bool) -> list[str]:
    K, V = s.K, s.V
    lines = [d.get("name") or n, f"{country_name(K, d.get('country'))} · {d.get('region') or 'no region'} · "
                                 f"{d.get('kind') or 'organisation'}"]
    if aliases:
        lines.append("Also: " + "; ".join(aliases))
    for key, text in (("merged", "Counted with"), ("members", "Counts for its members")):
        if d.get(key):
            lines.append(f"{text}: " + listing([K.nodes[m].get("name", m) if m in K else m for m in d[key]], 5))
    events = s.attended.get(n, [])
    lines.append(f"Events attended ({len(events)}): " + (listing([event_label(K, e) for e in events], 4) or "none"))
    if with_ties:
        partners = sorted(V[n].items(), key=lambda item: (-item[1].get("weight", 1.0), str(item[0])))
        lines.append("Top ties: " + (listing([f"{V.nodes[m].get('name', m)} ({tie_types(e)})"
                                              for m, e in partners], 3) or "none"))
    if n in s.levels:
        level = s.levels[n]
        lines.append(f"EU contact: {LEVEL_WORDS.get(level, level)}" if level else MARKS[s.marks[n]][0])
    elif n in s.marks:
        lines.append(MARKS[s.marks[n]][0])
    lines.append(f"{s.measure.capitalize()}: {s.score.get(n, 0):.3g}")
    lines.append("Evidence: " + (listing(node_sources(K, n), 8) or "none"))
    return lines
