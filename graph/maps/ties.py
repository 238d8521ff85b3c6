"""The ties view: organisations and their ties (the tie network, `medgraph.graph.ties`)."""

from __future__ import annotations

import networkx as nx

from medgraph.graph.maps.basis import Basis, restrict
from medgraph.graph.maps.style import HIGHLIGHT, TIE_STYLES
from medgraph.graph.maps.texts import event_label, event_order, first_date, listing, tie_types
from medgraph.graph.maps.view import Scene, View, numbered, org_node, organisation_scores, register

__all__ = ["TiesView"]


@register
class TiesView(View):
    """Organisations sized by betweenness or weighted degree, a line per tie, styled by its
    main type; the analysis' own figures when it draws the whole tie network."""

    name = "ties"
    help = "organisations"
    what = "organisations and their ties"
    counted = "organisations"
    line_styles = TIE_STYLES
    lines_title = "Line: tie type (width: weight)"
    size_text = "Organisations: {measure}"
    steps_from_attendance = True

    def graph(self, basis: Basis, events: set[str], countries: set[str]) -> nx.Graph:
        return restrict(basis.T, basis.K, basis.attended, events, countries)

    def scores(self, V: nx.Graph, basis: Basis, size_by: str, seed: int, max_nodes: int) -> dict[str, float]:
        known = basis.known(V, size_by)
        return known if known is not None else organisation_scores(V, size_by, seed, max_nodes)

    def total(self, V: nx.Graph, basis: Basis) -> int:
        # a preselected tie network ranks only the most present of all the organisations
        return basis.organisations if basis.preselected else V.number_of_nodes()

    def items(self, s: Scene, shown: list[str]) -> tuple[list[dict], list[dict]]:
        wmax = max((d.get("weight", 1.0) for _, _, d in s.V.edges(data=True)), default=1.0) or 1.0
        return ([org_node(s, n, with_ties=True) for n in shown],
                numbered([tie_edge(s, u, v, d, wmax) for u, v, d in s.edges_within(shown)]))


def tie_edge(s: Scene, u, v, d: dict, wmax: float) -> dict:
    """A tie's vis edge: width by weight, style by its main type, its events in the tooltip."""
    K, types = s.K, d.get("types") or {}
    main = max(types.items(), key=lambda kv: (kv[1], kv[0]))[0] if types else "co_attended"
    _, colour, dashes, _ = TIE_STYLES.get(main, TIE_STYLES["co_attended"])
    events = sorted((e for e in d.get("events") or () if e in K), key=lambda e: event_order(K, e))
    first = d.get("first") or first_date(K, events)
    return {"from": u, "to": v, "width": round(1 + 5 * d.get("weight", 1.0) / wmax, 2),
            "color": {"color": colour, "highlight": HIGHLIGHT}, "dashes": dashes, "style": main, "first": first,
            "tip": [f"{s.V.nodes[u].get('name', u)} — {s.V.nodes[v].get('name', v)}",
                    f"{tie_types(d)} (weight {d.get('weight', 1.0):.3g})",
                    "Events: " + (listing([event_label(K, e) for e in events], 4) or "none"),
                    f"Since: {first or 'undated'}",
                    "Evidence: " + (listing(d.get("evidence") or d.get("sources") or [], 8) or "none")]}
