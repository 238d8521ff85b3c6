"""The events view: organisations and the events they attended (the two-mode graph,
`medgraph.graph.ties.two_mode`)."""

from __future__ import annotations

import textwrap

import networkx as nx

from medgraph import schema
from medgraph.graph.maps.basis import Basis, restrict
from medgraph.graph.maps.style import EVENT_COLOUR, HIGHLIGHT, ROLE_STYLES, SHAPE_GLYPHS, colours
from medgraph.graph.maps.texts import country_name, event_label, listing, node_sources
from medgraph.graph.maps.view import Scene, View, numbered, org_node, register

__all__ = ["EventsView"]


@register
class EventsView(View):
    """Organisations and events, sized by their number of links; a line per attendance,
    styled by the organisation's role there."""

    name = "events"
    help = "organisations and events"
    what = "organisations and the events they attended"
    counted = "organisations and events"
    line_styles = ROLE_STYLES
    lines_title = "Line: role at the event"
    size_text = "Organisations and events: number of links"
    extra_shapes = [["event", SHAPE_GLYPHS["box"]]]
    on_ties = False

    def measure(self, size_by: str) -> str:
        return "degree"

    def graph(self, basis: Basis, events: set[str], countries: set[str]) -> nx.Graph:
        return restrict(basis.B, basis.K, basis.attended, events, countries)

    def scores(self, V: nx.Graph, basis: Basis, size_by: str, seed: int, max_nodes: int) -> dict[str, float]:
        return dict(V.degree())

    def items(self, s: Scene, shown: list[str]) -> tuple[list[dict], list[dict]]:
        return ([event_node(s, n) if s.V.nodes[n].get("bipartite") == 1 else org_node(s, n, with_ties=False)
                 for n in shown],
                numbered([attendance_edge(s, u, v, d) for u, v, d in s.edges_within(shown)]))


def event_node(s: Scene, n) -> dict:
    """An event's vis node: a box with its name, its place and attendance in the tooltip."""
    d = s.K.nodes[n]
    name = d.get("name") or n
    where = ", ".join(filter(None, (d.get("city"), d.get("country") and country_name(s.K, d["country"]))))
    return {"id": n, "label": wrapped(name), "names": [name, n],
            "country": None, "region": None, "kind": None, "event": True, "shape": "box",
            "color": colours(EVENT_COLOUR, border="#666666"), "font": {"size": 11}, "first": d.get("start"),
            "tip": [event_label(s.K, n), f"{d.get('kind') or 'event'} · {where or 'place unknown'}",
                    f"Organisations: {s.V.degree(n)}", "Evidence: " + (listing(node_sources(s.K, n), 8) or "none")]}


def wrapped(name: str, width: int = 28) -> str:
    r"""A long name on several lines, whole (vis-network draws each line of a label).

    >>> wrapped("Benchmarking Visit and Training on Innovation, Barcelona")
    'Benchmarking Visit and\nTraining on Innovation,\nBarcelona'
    """
    return "\n".join(textwrap.wrap(name, width)) or name


def attendance_edge(s: Scene, u, v, d: dict) -> dict:
    """An attendance's vis edge, styled by role: host, else speaker, else delegate."""
    org, event = (u, v) if s.V.nodes[v].get("bipartite") == 1 else (v, u)
    roles = d.get("roles") or [d.get("role") or schema.DELEGATE]
    role = schema.HOST if d.get("role") == schema.HOST else "speaker" if "speaker" in roles else schema.DELEGATE
    _, colour, dashes, _ = ROLE_STYLES[role]
    return {"from": org, "to": event, "width": 1.5, "color": {"color": colour, "highlight": HIGHLIGHT},
            "dashes": dashes, "style": role, "first": s.K.nodes[event].get("start"),
            "tip": [f"{s.V.nodes[org].get('name', org)} — {s.V.nodes[event].get('name', event)}",
                    f"Role: {', '.join(roles)}", "Evidence: " + (listing(d.get("evidence") or [], 8) or "none")]}
