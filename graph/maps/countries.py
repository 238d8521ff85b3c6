"""The countries view: countries and the ties between their organisations (the tie network
summed by country)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from medgraph.graph.maps.basis import Basis, restrict
from medgraph.graph.maps.style import COUNTRY_TIE_STYLES, HIGHLIGHT
from medgraph.graph.maps.texts import country_name, listing, node_sources, tie_types
from medgraph.graph.maps.view import Scene, View, numbered, register

__all__ = ["CountriesView", "country_graph"]


@register
class CountriesView(View):
    """A node per country, sized by its betweenness or weighted degree in the country network;
    a line per pair of countries whose organisations have ties, as wide as their weight."""

    name = "countries"
    help = "ties between their organisations"
    what = "countries and the ties between their organisations"
    counted = "countries"
    line_styles = COUNTRY_TIE_STYLES
    lines_title = "Line: ties (width: weight)"
    size_text = "Countries: {measure} in the country network"
    shapes = False

    def graph(self, basis: Basis, events: set[str], countries: set[str]) -> nx.Graph:
        return country_graph(basis.K, restrict(basis.T, basis.K, basis.attended, events, countries))

    def scores(self, V: nx.Graph, basis: Basis, size_by: str, seed: int, max_nodes: int) -> dict[str, float]:
        if not len(V):
            return {}
        if size_by == "weighted_degree":
            return {n: float(w) for n, w in V.degree(weight="weight")}
        return nx.betweenness_centrality(V)

    def items(self, s: Scene, shown: list[str]) -> tuple[list[dict], list[dict]]:
        wmax = max((d["weight"] for _, _, d in s.V.edges(data=True)), default=1.0) or 1.0
        return ([country_node(s, n) for n in shown],
                numbered([country_edge(s, u, v, d, wmax) for u, v, d in s.edges_within(shown)]))


def country_graph(K, T: nx.Graph) -> nx.Graph:
    """Countries as nodes; an edge sums the ties between their organisations (weights, types,
    events, sources), its `first` the earliest; ties within one country count on the node."""
    C = nx.Graph()
    for n, d in T.nodes(data=True):
        code = d.get("country") or "unknown"
        if code not in C:
            C.add_node(code, name=country_name(K, code), country=code, region=d.get("region"),
                       organisations=[], internal=0)
        C.nodes[code]["organisations"].append(n)
    for u, v, d in T.edges(data=True):
        a, b = (T.nodes[x].get("country") or "unknown" for x in (u, v))
        if a == b:
            C.nodes[a]["internal"] += 1
            continue
        if not C.has_edge(a, b):
            C.add_edge(a, b, weight=0.0, count=0, types=defaultdict(float), events=set(), sources=set(), first=None)
        e = C.edges[a, b]
        e["weight"] += d.get("weight", 1.0)
        e["count"] += 1
        for kind, w in (d.get("types") or {}).items():
            e["types"][kind] += w
        e["events"] |= set(d.get("events") or ())
        e["sources"] |= set(d.get("sources") or ())
        e["first"] = min(filter(None, (e["first"], d.get("first"))), default=None)
    return C


def country_node(s: Scene, code: str) -> dict:
    d = s.V.nodes[code]
    orgs = sorted(d["organisations"], key=lambda o: str(s.K.nodes[o].get("name", o)))
    partners = sorted(s.V[code].items(), key=lambda item: (-item[1]["weight"], item[0]))
    return {"id": code, "label": d["name"], "names": [d["name"], code], "country": code, "region": d.get("region"),
            "members": len(orgs),
            "kind": None, "shape": "dot", "size": s.size(code), "first": None,
            "tip": [f"{d['name']} ({code})", d.get("region") or "no region",
                    f"Organisations ({len(orgs)}): " + listing([s.K.nodes[o].get("name", o) for o in orgs], 5),
                    f"Ties within the country: {d['internal']}",
                    "Top partner countries: " + (listing([f"{s.V.nodes[m]['name']} ({e['count']} ties)"
                                                          for m, e in partners], 3) or "none"),
                    f"{s.measure.capitalize()}: {s.score.get(code, 0):.3g}",
                    "Evidence: " + (listing(sorted({x for o in orgs for x in node_sources(s.K, o)}), 8) or "none")]}


def country_edge(s: Scene, a: str, b: str, d: dict, wmax: float) -> dict:
    name = s.V.nodes
    return {"from": a, "to": b, "width": round(1 + 7 * d["weight"] / wmax, 2),
            "color": {"color": COUNTRY_TIE_STYLES["ties"][1], "highlight": HIGHLIGHT}, "dashes": False,
            "style": "ties", "first": d["first"],
            "tip": [f"{name[a]['name']} — {name[b]['name']}",
                    f"{d['count']} ties between their organisations (weight {d['weight']:.3g})",
                    "By type: " + (tie_types(d) or "none"), f"Events: {len(d['events'])}",
                    f"Since: {d['first'] or 'undated'}", "Evidence: " + (listing(sorted(d["sources"]), 8) or "none")]}
