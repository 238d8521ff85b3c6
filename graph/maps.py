"""Interactive maps: the tie network, the organisation–event network or the country network
as one self-contained HTML page that works offline.

`map_data` (pure) turns the knowledge graph K into what a map shows; `network` hands it to
pyvis for notebooks; `write_map` writes the page. The page is ours (`map_template.html`),
not pyvis's: pyvis 0.3.2 links bootstrap from a CDN even with ``cdn_resources="in_line"``,
loads vis from a CDN with ``"local"`` (a blank map offline), renders ``heading`` twice, and its
select and filter menus can blank the graph. vis-network itself is read from pyvis's package
files and inlined; the data goes in as JSON with ``<``, ``>`` and ``&`` escaped, and the page
puts every text in place as text, never as HTML.

Above ``MAX_NODES`` nodes a map keeps the most central ones and says how many it left out:
vis-network's physics on a few thousand nodes holds a browser tab for minutes. On a network of
more than ``LARGE_PAIRS`` pair incidences (two organisations at one event; see `ties`) the
ties and countries views first keep the ``PRESELECT`` × max_nodes organisations that attended
most events, and rank only those: the tie network of them all would take minutes to derive and
rank in NetworkX (benchmarks/README.md), the page shows the top of the network all the same.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import html
import json
import math
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.network import Network

from medgraph.errors import MedgraphError
from medgraph.graph import centrality, metmatrix, ties

MAX_NODES = 400
VIEWS = ("ties", "events", "countries")
SIZE_BY = ("betweenness", "weighted_degree")
TEMPLATE = Path(__file__).with_name("map_template.html")
VIS_JS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
LARGE_PAIRS = 200_000
PRESELECT = 1
# On more edges than this, betweenness is sampled from DENSE_SAMPLE sources (seeded).
DENSE_EDGES, DENSE_SAMPLE = 20_000, 50

# A country keeps its colour on every map. Okabe & Ito's colour-blind-safe palette for the
# programme's seven South-Med countries, Paul Tol's muted palette for the EU countries it works
# with most; any other country gets one of Tol's light colours chosen by its code.
COUNTRY_COLOURS = {
    "MA": "#E69F00", "DZ": "#56B4E9", "TN": "#009E73", "EG": "#F0E442", "LB": "#0072B2",
    "PS": "#D55E00", "JO": "#CC79A7",
    "FR": "#332288", "ES": "#88CCEE", "IT": "#117733", "GR": "#44AA99", "PT": "#999933",
    "DE": "#AA4499", "BE": "#882255", "NL": "#DDCC77",
}
OTHER_COLOURS = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00")
NO_COUNTRY_COLOUR = "#BBBBBB"
EVENT_COLOUR = "#E8E8E8"
HIGHLIGHT = "#D55E00"  # the edges of a selected node

KIND_SHAPES = {
    "Cluster": "dot", "Network": "star", "Company": "square", "Agency": "triangle", "Ministry": "triangle",
    "School": "hexagon", "Institution": "hexagon", "ResearchCentre": "hexagon",
    "Platform": "diamond", "Technopole": "diamond", "Incubator": "diamond", "Accelerator": "diamond",
    "Association": "triangleDown", "Foundation": "triangleDown",
}
SHAPE_GLYPHS = {"dot": "●", "star": "★", "square": "■", "triangle": "▲", "hexagon": "⬢",
                "diamond": "◆", "triangleDown": "▼", "box": "▭"}

# Tie types (ties view) and attendance roles (events view): (legend text, colour, vis dashes, CSS).
TIE_STYLES = {
    "co_attended": ("attended the same event", "#9A9A9A", False, "solid"),
    "visited": ("visited / hosted a visit", "#3A3A3A", False, "solid"),
    "agreement": ("signed an agreement", "#0072B2", [10, 5], "dashed"),
    "mentoring": ("mentoring pair", "#CC79A7", [2, 4], "dotted"),
    "membership": ("member of", "#009E73", [6, 3, 2, 3], "dashed"),
}
ROLE_STYLES = {
    "delegate": ("delegate", "#9A9A9A", False, "solid"),
    "speaker": ("speaker", "#6A6A6A", False, "solid"),
    "host": ("host (visited)", "#0072B2", [10, 5], "dashed"),
}
COUNTRY_TIE_STYLES = {"ties": ("ties between their organisations", "#7A7A7A", False, "solid")}
UNMET_MARK = "South-Med cluster with no tie to an EU organisation"


@dataclass(frozen=True)
class MapData:
    """What one map shows: vis-network nodes, edges and options, and the page's texts.

    Nodes and edges are vis dicts plus what the page's controls read: ``names`` (search),
    ``country``, ``region``, ``kind`` (filters), ``step`` (first time step showing them) and
    ``tip`` (tooltip lines).
    """

    view: str
    title: str
    subtitle: str
    notice: str | None
    nodes: list[dict]
    edges: list[dict]
    options: dict
    steps: list[dict]
    legend: dict
    filters: dict
    as_of: str
    total_nodes: int
    left_out: int


def map_data(K: nx.MultiDiGraph, *, view: str = "ties", events=None, countries=None,
             as_of: dt.date | None = None, size_by: str = "betweenness", max_nodes: int = MAX_NODES,
             seed: int = 0, dataset: str | None = None, merge_possible: bool = False,
             members_for_cluster: bool = False) -> MapData:
    """What the map of K shows, for one view and its filters (pure).

    Parameters: `view` one of ties, events, countries; `events` and `countries` keep only the
    ties made at those events and the organisations of those countries (with their partners);
    `as_of` leaves out what happened later; `size_by` betweenness or weighted_degree (the
    events view sizes by degree); above `max_nodes` nodes only the most central are kept;
    `seed` fixes the layout and sampled betweenness; `dataset` names the data in the title
    (default: the programmes of K); `merge_possible`, `members_for_cluster` as for `tie_graph`.

    Returns a MapData: the vis nodes and edges, time steps, legend and texts of the page.

    >>> from medgraph.graph.build import example_graph
    >>> data = map_data(example_graph())
    >>> len(data.nodes), len(data.edges), data.left_out, [step["id"] for step in data.steps]
    (7, 8, 0, ['visit-2018', 'forum-2019'])
    >>> data = map_data(example_graph(), size_by="weighted_degree", max_nodes=3)
    >>> sorted(node["id"] for node in data.nodes), data.notice.split(";")[0]
    (['fc', 'olive', 'textile'], 'Showing the 3 most central of 7 organisations (by weighted degree)')
    """
    events, countries = check_filters(K, view, events, countries, size_by)
    tie_options = {"as_of": as_of, "merge_possible": merge_possible, "members_for_cluster": members_for_cluster}
    B = ties.two_mode(K, **tie_options)
    attended, unmet = attendance(K, B), set()
    organisations = sum(1 for _, d in B.nodes(data=True) if d["bipartite"] == 0)
    preselected = view != "events" and pairs_in(B) > LARGE_PAIRS and organisations > PRESELECT * max_nodes
    if view == "events":
        V = restrict(B, K, attended, events, countries)
    else:
        T = ties.tie_graph(most_present(K, B, PRESELECT * max_nodes) if preselected else K, **tie_options)
        unmet = set(metmatrix.not_met_eu(T)["id"]) if len(T) else set()
        V = restrict(T, K, attended, events, countries)
        if view == "countries":
            V = country_graph(K, V)
    measure = "degree" if view == "events" else size_by.replace("_", " ")
    scene = Scene(K, V, scores(V, view, size_by, seed, max_nodes), measure, attended, unmet)
    shown = most_central(V, scene.score, max_nodes)
    steps = time_steps(K, V.subgraph(shown), attended, view, events)
    nodes, edges = BUILDERS[view](scene, shown)
    add_steps(K, nodes, edges, steps)
    total = organisations if preselected and view == "ties" else V.number_of_nodes()
    left_out = total - len(shown)
    note = notice(view, total, left_out, measure)
    if preselected:
        note = (f"{note} " if note else "") + (
            f"Ranked among the {PRESELECT * max_nodes:,} organisations that attended most events, of "
            f"{organisations:,} (a network this large is not ranked whole).")
    return MapData(
        view=view, title=title(K, view, dataset), subtitle=subtitle(K, events, countries, as_of, measure, nodes, edges),
        notice=note, nodes=nodes, edges=edges,
        options=vis_options(len(nodes), len(edges), seed), steps=[{"id": e, "label": event_label(K, e)} for e in steps],
        legend=legend(K, view, nodes, edges, measure), filters=filter_choices(K, nodes),
        as_of=as_of.isoformat() if as_of else "all dates", total_nodes=total, left_out=left_out)


def pairs_in(B: nx.Graph) -> int:
    """The pair incidences of the two-mode graph B (its events' pairs of attendees)."""
    return ties.pair_incidences(degree for n, degree in B.degree() if B.nodes[n]["bipartite"] == 1)


def most_present(K: nx.MultiDiGraph, B: nx.Graph, n: int) -> nx.MultiDiGraph:
    """K with only the n organisations that attended most events of B (then by id)."""
    orgs = sorted((o for o, d in B.nodes(data=True) if d["bipartite"] == 0), key=lambda o: (-B.degree(o), str(o)))
    dropped = set(orgs[n:]) | {o for o, d in K.nodes(data=True) if d.get("label") == "Organisation" and o not in B}
    return K.subgraph(x for x in K if x not in dropped).copy()


def network(K: nx.MultiDiGraph, *, notebook: bool = False, **options) -> Network:
    """The map as a pyvis Network, for notebooks (options as for `map_data`).

    With ``notebook=True``, ``net.show("map.html")`` displays it in Jupyter; pyvis's page
    still loads bootstrap from a CDN and has none of the map's controls. The self-contained
    page with them: ``write_map(K, "map.html")`` then ``IPython.display.IFrame("map.html", "100%", 800)``.
    """
    return to_pyvis(map_data(K, **options), notebook=notebook)


def to_pyvis(data: MapData, notebook: bool = False) -> Network:
    """The nodes, edges and options of `data` in a pyvis Network."""
    net = Network(height="800px", width="100%", notebook=notebook, cdn_resources="in_line")
    for node in data.nodes:
        net.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"}, title="\n".join(node["tip"]))
    # Appended directly: pyvis's add_edge scans every edge for a duplicate (quadratic), and
    # each pair occurs once here.
    net.edges.extend({**edge, "title": "\n".join(edge["tip"])} for edge in data.edges)
    net.options = data.options
    return net


def write_map(K: nx.MultiDiGraph, path: Path, **options) -> Path:
    """Write the self-contained HTML map of K to path (options as for `map_data`); return path."""
    return write_page(map_data(K, **options), path)


def write_page(data: MapData, path: Path) -> Path:
    """Write the page of one map; return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page(data, to_pyvis(data)), encoding="utf-8")
    return path


def page(data: MapData, net: Network) -> str:
    """The HTML page: our template, vis-network inlined, pyvis's nodes, edges and options as JSON."""
    # The page builds each tooltip from `tip` as text; pyvis's string `title` is dropped.
    nodes = [{k: v for k, v in n.items() if k != "title"} for n in net.nodes]
    edges = [{k: v for k, v in e.items() if k != "title"} for e in net.edges]
    payload = {"title": data.title, "subtitle": data.subtitle, "notice": data.notice, "view": data.view,
               "nodes": nodes, "edges": edges, "options": net.options, "steps": data.steps,
               "legend": data.legend, "filters": data.filters, "as_of": data.as_of,
               "total_nodes": data.total_nodes, "left_out": data.left_out}
    parts = {"TITLE": html.escape(data.title), "VIS_JS": VIS_JS.read_text(encoding="utf-8"),
             "DATA": script_json(payload)}
    # One pass, so a placeholder-like text inside the data is never substituted.
    return re.sub(r"%%(TITLE|VIS_JS|DATA)%%", lambda m: parts[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))


def script_json(value) -> str:
    """JSON safe inside a <script> element: no <, > or & left to end it or open a comment.

    >>> script_json({"name": "</script><b>A & B</b>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003eA \\\\u0026 B\\\\u003c/b\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, default=str)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


# --- choosing what to show --------------------------------------------------------------------

def check_filters(K, view, events, countries, size_by) -> tuple[set[str], set[str]]:
    """The filters as sets, or a MedgraphError naming an unknown view, event or country."""
    if view not in VIEWS:
        raise MedgraphError(f"unknown map view {view!r}: one of {', '.join(VIEWS)}")
    if size_by not in SIZE_BY:
        raise MedgraphError(f"unknown node size {size_by!r}: one of {', '.join(SIZE_BY)}")
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


def attendance(K: nx.MultiDiGraph, B: nx.Graph) -> dict[str, list[str]]:
    """Organisation id -> the events it attended by date, from the two-mode graph B (so as the
    ties count them: held events, in the as_of window, through its people too)."""
    return {n: sorted(B[n], key=lambda e: event_order(K, e)) for n, d in B.nodes(data=True) if d.get("bipartite") == 0}


def event_order(K, event: str) -> tuple:
    start = K.nodes[event].get("start")
    return (start is None, start or dt.date.min, event)


def restrict(G: nx.Graph, K, attended, events: set[str], countries: set[str]) -> nx.Graph:
    """G with only the ties made at `events` and touching organisations of `countries`.

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


def scores(V: nx.Graph, view: str, size_by: str, seed: int, max_nodes: int) -> dict[str, float]:
    """The number each node is sized and ranked by."""
    if not len(V):
        return {}
    if view == "events":
        return dict(V.degree())
    if size_by == "weighted_degree":  # as centrality_table's column, without its slower measures
        return {n: float(w) for n, w in V.degree(weight="weight")}
    if view == "countries":
        return nx.betweenness_centrality(V)
    # above max_nodes betweenness is estimated from centrality.BETWEENNESS_SAMPLE sampled sources (seeded)
    sample = centrality.BETWEENNESS_SAMPLE
    k = sample if V.number_of_nodes() > max(max_nodes, sample) else None
    if V.number_of_edges() > DENSE_EDGES:  # each sampled source is one Dijkstra over every edge
        k = min(k or V.number_of_nodes(), DENSE_SAMPLE)
    # the centrality table's betweenness column, without its other (slower) measures
    return {n: float(x) for n, x in centrality.betweenness(centrality.with_distance(V), k=k, seed=seed).items()}


def most_central(V: nx.Graph, score: dict, max_nodes: int) -> list[str]:
    """The max_nodes nodes of highest score (ties broken by degree, then id), in id order."""
    if V.number_of_nodes() <= max_nodes:
        return sorted(V)
    ranked = sorted(V, key=lambda n: (-score.get(n, 0.0), -V.degree(n), str(n)))
    return sorted(ranked[:max_nodes])


# --- time steps -------------------------------------------------------------------------------

def time_steps(K, V: nx.Graph, attended, view: str, events: set[str]) -> list[str]:
    """The dated events of the map, in order: the network can be shown after each of them."""
    found = set()
    for n in V:
        if K.nodes.get(n, {}).get("label") == "Event":
            found.add(n)
        found |= set(attended.get(n, ()) if view == "ties" else ())
    for _, _, d in V.edges(data=True):
        found |= set(d.get("events") or ())
    found = found & events if events else found
    return sorted((e for e in found if e in K and K.nodes[e].get("start")), key=lambda e: event_order(K, e))


def add_steps(K, nodes: list[dict], edges: list[dict], steps: list[str]) -> None:
    """Give each node and edge `step`: the index of the first time step it is part of.

    An edge appears at the first event on or after its first date (undated: from the start);
    a node with its first edge or its own `first` date (an event's, an organisation's first event).
    """
    dates = [K.nodes[e]["start"] for e in steps]

    def step(date):
        return bisect.bisect_left(dates, date) if date else 0

    first_by_node = defaultdict(list)
    for edge in edges:
        edge["step"] = step(edge.pop("first"))
        first_by_node[edge["from"]].append(edge["step"])
        first_by_node[edge["to"]].append(edge["step"])
    for node in nodes:
        own = [step(d) for d in [node.pop("first")] if d]
        node["step"] = min(first_by_node[node["id"]] + own, default=0)


# --- nodes and edges of each view -------------------------------------------------------------

@dataclass(frozen=True)
class Scene:
    """What the node and edge builders of a view read: K, the view's graph V (filtered, before
    the threshold), each node's score and what it measures, attendances, unmet clusters."""

    K: nx.MultiDiGraph
    V: nx.Graph
    score: dict
    measure: str
    attended: dict[str, list[str]]
    unmet: set[str]

    @cached_property
    def top(self) -> float:
        return max(self.score.values(), default=0.0) or 1.0

    def size(self, n) -> float:
        """A node's radius: 10 to 40 pixels, its area in proportion to its score."""
        return round(10 + 30 * math.sqrt(max(self.score.get(n, 0.0), 0.0) / self.top), 2)

    def edges_within(self, shown: list[str]) -> list[tuple]:
        keep = set(shown)
        return [(u, v, d) for u, v, d in sorted(self.V.edges(data=True), key=edge_key) if u in keep and v in keep]


def ties_items(s: Scene, shown: list[str]) -> tuple[list[dict], list[dict]]:
    wmax = max((d.get("weight", 1.0) for _, _, d in s.V.edges(data=True)), default=1.0) or 1.0
    return ([org_node(s, n, with_ties=True) for n in shown],
            numbered([tie_edge(s, u, v, d, wmax) for u, v, d in s.edges_within(shown)]))


def events_items(s: Scene, shown: list[str]) -> tuple[list[dict], list[dict]]:
    return ([event_node(s, n) if s.V.nodes[n].get("bipartite") == 1 else org_node(s, n, with_ties=False)
             for n in shown],
            numbered([attendance_edge(s, u, v, d) for u, v, d in s.edges_within(shown)]))


def countries_items(s: Scene, shown: list[str]) -> tuple[list[dict], list[dict]]:
    wmax = max((d["weight"] for _, _, d in s.V.edges(data=True)), default=1.0) or 1.0
    return ([country_node(s, n) for n in shown],
            numbered([country_edge(s, u, v, d, wmax) for u, v, d in s.edges_within(shown)]))


BUILDERS = {"ties": ties_items, "events": events_items, "countries": countries_items}


def edge_key(edge) -> tuple:
    return tuple(sorted((str(edge[0]), str(edge[1]))))


def numbered(edges: list[dict]) -> list[dict]:
    for i, edge in enumerate(edges):
        edge["id"] = f"e{i}"
    return edges


def colours(background: str, border: str = "#4D4D4D") -> dict:
    return {"background": background, "border": border, "highlight": {"background": background, "border": "#000000"}}


def org_node(s: Scene, n, with_ties: bool) -> dict:
    d = {**s.K.nodes.get(n, {}), **s.V.nodes[n]}
    name, aliases, marked = d.get("name") or n, sorted(d.get("aliases") or []), n in s.unmet
    node = {"id": n, "label": name, "names": [name, *aliases, n], "country": d.get("country"),
            "region": d.get("region"), "kind": d.get("kind"), "shape": KIND_SHAPES.get(d.get("kind"), "dot"),
            "size": s.size(n), "color": colours(country_colour(d.get("country"))), "borderWidth": 1,
            "marked": marked, "first": first_date(s.K, s.attended.get(n, ())),
            "tip": org_tip(s, n, d, aliases, with_ties)}
    if marked:
        node.update(borderWidth=4, shapeProperties={"borderDashes": [5, 3]},
                    color=colours(country_colour(d.get("country")), border="#000000"))
    return node


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
    if n in s.unmet:
        lines.append(UNMET_MARK)
    lines.append(f"{s.measure.capitalize()}: {s.score.get(n, 0):.3g}")
    lines.append("Evidence: " + (listing(node_sources(K, n), 8) or "none"))
    return lines


def first_date(K, events) -> dt.date | None:
    return next(filter(None, (K.nodes[e].get("start") for e in events)), None)


def event_node(s: Scene, n) -> dict:
    d = s.K.nodes[n]
    name = d.get("name") or n
    where = ", ".join(filter(None, (d.get("city"), d.get("country") and country_name(s.K, d["country"]))))
    return {"id": n, "label": name if len(name) <= 32 else name[:31] + "…", "names": [name, n],
            "country": None, "region": None, "kind": None, "event": True, "shape": "box",
            "color": colours(EVENT_COLOUR, border="#666666"), "font": {"size": 11}, "first": d.get("start"),
            "tip": [event_label(s.K, n), f"{d.get('kind') or 'event'} · {where or 'place unknown'}",
                    f"Organisations: {s.V.degree(n)}", "Evidence: " + (listing(node_sources(s.K, n), 8) or "none")]}


def country_node(s: Scene, code: str) -> dict:
    d = s.V.nodes[code]
    orgs = sorted(d["organisations"], key=lambda o: str(s.K.nodes[o].get("name", o)))
    partners = sorted(s.V[code].items(), key=lambda item: (-item[1]["weight"], item[0]))
    return {"id": code, "label": d["name"], "names": [d["name"], code], "country": code, "region": d.get("region"),
            "kind": None, "shape": "dot", "size": s.size(code), "first": None,
            "color": colours(country_colour(code if code != "unknown" else None)),
            "tip": [f"{d['name']} ({code})", d.get("region") or "no region",
                    f"Organisations ({len(orgs)}): " + listing([s.K.nodes[o].get("name", o) for o in orgs], 5),
                    f"Ties within the country: {d['internal']}",
                    "Top partner countries: " + (listing([f"{s.V.nodes[m]['name']} ({e['count']} ties)"
                                                          for m, e in partners], 3) or "none"),
                    f"{s.measure.capitalize()}: {s.score.get(code, 0):.3g}",
                    "Evidence: " + (listing(sorted({x for o in orgs for x in node_sources(s.K, o)}), 8) or "none")]}


def tie_edge(s: Scene, u, v, d: dict, wmax: float) -> dict:
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


def attendance_edge(s: Scene, u, v, d: dict) -> dict:
    org, event = (u, v) if s.V.nodes[v].get("bipartite") == 1 else (v, u)
    roles = d.get("roles") or [d.get("role") or "delegate"]
    role = "host" if d.get("role") == "host" else "speaker" if "speaker" in roles else "delegate"
    _, colour, dashes, _ = ROLE_STYLES[role]
    return {"from": org, "to": event, "width": 1.5, "color": {"color": colour, "highlight": HIGHLIGHT},
            "dashes": dashes, "style": role, "first": s.K.nodes[event].get("start"),
            "tip": [f"{s.V.nodes[org].get('name', org)} — {s.V.nodes[event].get('name', event)}",
                    f"Role: {', '.join(roles)}", "Evidence: " + (listing(d.get("evidence") or [], 8) or "none")]}


def country_edge(s: Scene, a: str, b: str, d: dict, wmax: float) -> dict:
    name = s.V.nodes
    return {"from": a, "to": b, "width": round(1 + 7 * d["weight"] / wmax, 2),
            "color": {"color": COUNTRY_TIE_STYLES["ties"][1], "highlight": HIGHLIGHT}, "dashes": False,
            "style": "ties", "first": d["first"],
            "tip": [f"{name[a]['name']} — {name[b]['name']}",
                    f"{d['count']} ties between their organisations (weight {d['weight']:.3g})",
                    "By type: " + (tie_types(d) or "none"), f"Events: {len(d['events'])}",
                    f"Since: {d['first'] or 'undated'}", "Evidence: " + (listing(sorted(d["sources"]), 8) or "none")]}


# --- texts --------------------------------------------------------------------------------------

def listing(items: list[str], limit: int) -> str:
    """Items joined by "; ", the first `limit` of them and how many more.

    >>> listing(["a", "b", "c"], 2), listing([], 2)
    ('a; b; and 1 more', '')
    """
    items = list(items)
    more = f"; and {len(items) - limit} more" if len(items) > limit else ""
    return "; ".join(str(i) for i in items[:limit]) + more


def tie_types(d: dict) -> str:
    types = d.get("types") or {}
    ranked = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{kind.replace('_', '-')} {w:.3g}" for kind, w in ranked)


def node_sources(K, n) -> list[str]:
    """The documents stating anything about node n (the sources of its relationships)."""
    if n not in K:
        return []
    found = set()
    for _, _, d in list(K.in_edges(n, data=True)) + list(K.out_edges(n, data=True)):
        found |= set(d.get("sources") or ())
    return sorted(found)


def event_label(K, event: str) -> str:
    d = K.nodes[event]
    return f"{d.get('name') or event} ({d['start']})" if d.get("start") else d.get("name") or event


def country_name(K, code: str | None) -> str:
    if not code or code == "unknown":
        return "no country"
    return (K.nodes[code].get("name") if code in K else None) or code


def country_colour(code: str | None) -> str:
    """The colour of a country on every map.

    >>> country_colour("TN"), country_colour(None), country_colour("US") == country_colour("US")
    ('#009E73', '#BBBBBB', True)
    """
    if not code:
        return NO_COUNTRY_COLOUR
    return COUNTRY_COLOURS.get(code) or OTHER_COLOURS[zlib.crc32(code.encode()) % len(OTHER_COLOURS)]


def title(K, view: str, dataset: str | None) -> str:
    """The page title: the data set, by default the programmes whose events the graph holds."""
    what = {"ties": "organisations and their ties", "events": "organisations and the events they attended",
            "countries": "countries and the ties between their organisations"}[view]
    return f"{dataset or ', '.join(event_programmes(K)) or 'medgraph'}: {what}"


def event_programmes(K) -> list[str]:
    """Names of the top-level programmes that have events, e.g. an initiative above its track."""
    def top(p):
        parents = [q for _, q, k in K.out_edges(p, keys=True) if k == "PART_OF" and K.nodes[q].get("label") == "Programme"]
        return top(parents[0]) if parents else p

    programmes = {top(p) for e, p, k in K.edges(keys=True)
                  if k == "PART_OF" and K.nodes[e].get("label") == "Event" and K.nodes[p].get("label") == "Programme"}
    return sorted(K.nodes[p].get("name") or p for p in programmes)


def subtitle(K, events, countries, as_of, measure: str, nodes, edges) -> str:
    docs = [d.get("date") for _, d in K.nodes(data=True) if d.get("label") == "Document"]
    latest = max((str(x) for x in docs if x), default=None)
    filters = "; ".join(filter(None, (events and "events " + ", ".join(sorted(events)),
                                      countries and "countries " + ", ".join(sorted(countries))))) or "none"
    return (f"Filters: {filters} · as of {as_of or 'all dates'} · {len(nodes)} nodes, {len(edges)} edges · "
            f"sources: {len(docs)} documents{f', latest {latest}' if latest else ''} · "
            f"node size: {measure}")


def notice(view: str, total: int, left_out: int, measure: str) -> str | None:
    """What the threshold left out, or None."""
    if not left_out:
        return None
    what = {"ties": "organisations", "events": "organisations and events", "countries": "countries"}[view]
    return (f"Showing the {total - left_out:,} most central of {total:,} {what} (by {measure}); "
            f"{left_out:,} left out. Filter by country or event to see them.")


def legend(K, view: str, nodes: list[dict], edges: list[dict], measure: str) -> dict:
    """The legend's entries: country colours, kind shapes, line styles and marks in use."""
    codes = sorted({n["country"] or "" for n in nodes if not n.get("event")})
    kinds = sorted({n["kind"] for n in nodes if n.get("kind")})
    by_shape = defaultdict(list)
    for kind in kinds:
        by_shape[KIND_SHAPES.get(kind, "dot")].append(kind)
    shapes = [[", ".join(ks), SHAPE_GLYPHS[s]] for s, ks in sorted(by_shape.items(), key=lambda kv: kv[1][0])]
    if view == "events":
        shapes.append(["event", SHAPE_GLYPHS["box"]])
    styles = {"ties": TIE_STYLES, "events": ROLE_STYLES, "countries": COUNTRY_TIE_STYLES}[view]
    used = {e["style"] for e in edges}
    return {"colours": [[f"{country_name(K, c or None)}{f' ({c})' if c and c != 'unknown' else ''}",
                         country_colour(c if c != "unknown" else None)] for c in codes],
            "shapes": shapes if view != "countries" else [],
            "lines_title": {"ties": "Line: tie type (width: weight)", "events": "Line: role at the event",
                            "countries": "Line: ties (width: weight)"}[view],
            "lines": [[label, colour, css] for key, (label, colour, _, css) in styles.items() if key in used],
            "marks": [[UNMET_MARK]] if any(n.get("marked") for n in nodes) else [],
            "size": {"ties": f"Organisations: {measure}", "events": "Organisations and events: number of links",
                     "countries": f"Countries: {measure} in the country network"}[view]}


def filter_choices(K, nodes: list[dict]) -> dict:
    codes = sorted({n["country"] for n in nodes if n.get("country")})
    return {"country": [[c, f"{country_name(K, c)} ({c})"] for c in codes],
            "region": [[r, r] for r in sorted({n["region"] for n in nodes if n.get("region")})],
            "kind": [[k, k] for k in sorted({n["kind"] for n in nodes if n.get("kind")})]}


def vis_options(n_nodes: int, n_edges: int, seed: int) -> dict:
    """vis-network options: a seeded layout, physics only until stabilised (the page then
    turns it off), no smoothing of edges (cheap to draw)."""
    return {
        "layout": {"randomSeed": seed, "improvedLayout": n_nodes <= 100},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.01,
                                         "springLength": 110, "springConstant": 0.08, "avoidOverlap": 0.3},
                    "stabilization": {"enabled": True, "iterations": 500 if n_nodes <= 100 else 200,
                                      "updateInterval": 50, "fit": True},
                    "minVelocity": 1.0},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_edges > 1500},
        "nodes": {"font": {"size": 12, "face": "sans-serif"}},
        "edges": {"smooth": False, "selectionWidth": 2},
    }
