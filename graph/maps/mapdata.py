"""`map_data`: what one map shows, from an analysis or a knowledge graph (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from medgraph.errors import MedgraphError
from medgraph.graph.maps.basis import PRESELECT, basis_of, check_filters
from medgraph.graph.maps.style import country_palette, paint, vis_options
from medgraph.graph.maps.texts import (
    about,
    applied_filters,
    event_label,
    filter_choices,
    legend,
    notice,
    subtitle,
    title,
)
from medgraph.graph.maps.view import VIEWS, Scene, View, add_steps, most_central, time_steps
from medgraph.graph.period import PROGRAMME, Period, the_period

__all__ = ["MAX_NODES", "SIZE_BY", "TOP_LABELS", "MapData", "map_data", "mark_top", "choose_view"]

MAX_NODES = 400
#: The page keeps the labels of this many of the most central nodes readable (12 px or more).
TOP_LABELS = 20
SIZE_BY = ("betweenness", "weighted_degree")


@dataclass(frozen=True)
class MapData:
    """What one map shows: vis-network nodes, edges and options, and the page's texts.

    Nodes and edges are vis dicts plus what the page's controls read: ``names`` (search),
    ``country``, ``region``, ``kind`` (filters), ``step`` (first time step showing them),
    ``tip`` (tooltip lines) and, for organisations, ``marked`` (a key of `style.MARKS` or None)
    and ``top`` (among the `TOP_LABELS` most central: its label stays readable).
    """

    view: str
    title: str
    subtitle: str
    applied: list[str]  # the subtitle's filters (the page adds its own)
    about: str          # the subtitle after its filters
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


def map_data(source, *, view: str = "ties", events=None, countries=None, as_of: dt.date | None = None,
             size_by: str = "betweenness", max_nodes: int = MAX_NODES, seed: int = 0, dataset: str | None = None,
             merge_possible: bool | None = None, members_for_cluster: bool | None = None,
             period: Period | str | None = PROGRAMME) -> MapData:
    """What the map shows, for one view and its filters (pure).

    `source` is an `Analysis` (`medgraph.graph.report.analyse`), whose tie network,
    organisation–event graph, betweenness, weighted degree and not-met list the map reuses, or
    a knowledge graph K, of which it computes only what the view needs. Parameters: `view`
    one of `VIEWS` (ties, events, countries); `events` and `countries` keep only the ties
    made at those events and the organisations of those countries (with their partners);
    `as_of` leaves out what happened later; `size_by` betweenness or weighted_degree (the
    events view sizes by degree); above `max_nodes` nodes only the most central are kept;
    `seed` fixes the layout and sampled betweenness; `dataset` names the data in the title
    (default: the programmes of K); `merge_possible`, `members_for_cluster` as for
    `tie_graph`; `period` the events of the time slider (`medgraph.graph.period`: the
    programme's own by default; earlier ties show from its first step). `as_of`,
    `merge_possible` and `members_for_cluster` left None mean: as the
    analysis (for K: all dates, False); given otherwise, the map is computed afresh from the
    analysis' K.

    Returns a MapData: the vis nodes and edges, time steps, legend and texts of the page.

    >>> from medgraph.graph.knowledge import example_graph
    >>> data = map_data(example_graph())
    >>> len(data.nodes), len(data.edges), data.left_out, [step["id"] for step in data.steps]
    (7, 8, 0, ['visit-2018', 'forum-2019'])
    >>> data = map_data(example_graph(), size_by="weighted_degree", max_nodes=3)
    >>> sorted(node["id"] for node in data.nodes), data.notice.split(";")[0]
    (['fc', 'olive', 'textile'], 'Showing the 3 most central of 7 organisations (by weighted degree)')
    >>> from medgraph.graph.report import analyse
    >>> map_data(analyse(example_graph())).nodes == map_data(example_graph()).nodes
    True
    """
    shown_view = choose_view(view, size_by)
    basis = basis_of(source, max_nodes=max_nodes, as_of=as_of, merge_possible=merge_possible,
                     members_for_cluster=members_for_cluster)
    K = basis.K
    events, countries = check_filters(K, events, countries)
    V = shown_view.graph(basis, events, countries)
    measure = shown_view.measure(size_by)
    scene = Scene(K, V, shown_view.scores(V, basis, size_by, seed, max_nodes), measure, basis.attended,
                  *((basis.marks, basis.levels) if shown_view.on_ties else ({}, {})))
    shown = most_central(V, scene.score, max_nodes)
    period = the_period(K, period)
    steps = time_steps(K, V.subgraph(shown), basis.attended, shown_view, events, period)
    nodes, edges = shown_view.items(scene, shown)
    palette = country_palette(nodes)
    paint(nodes, palette)
    mark_top(nodes, edges, scene.score)
    add_steps(K, nodes, edges, steps)
    total = shown_view.total(V, basis)
    left_out = total - len(shown)
    note = notice(shown_view, total, left_out, measure)
    if shown_view.on_ties and basis.preselected:
        note = (f"{note} " if note else "") + (
            f"Ranked among the {PRESELECT * max_nodes:,} organisations that attended most events, of "
            f"{basis.organisations:,} (a network this large is not ranked whole).")
    as_of = basis.options["as_of"]
    applied, rest = applied_filters(K, events, countries), about(K, as_of, measure, nodes, edges, period)
    return MapData(
        view=view, title=title(K, shown_view, dataset), subtitle=subtitle(applied, rest), applied=applied,
        about=rest, notice=note, nodes=nodes,
        edges=edges, options=vis_options(len(nodes), len(edges), seed),
        steps=[{"id": e, "label": event_label(K, e)} for e in steps], legend=legend(K, shown_view, nodes, edges, measure, palette),
        filters=filter_choices(K, nodes), as_of=as_of.isoformat() if as_of else "all dates", total_nodes=total,
        left_out=left_out)


def mark_top(nodes: list[dict], edges: list[dict], score: dict) -> None:
    """Mark (``top``) the `TOP_LABELS` nodes with an edge of highest score (then by id): the
    page keeps their labels readable at any zoom."""
    linked = {e[end] for e in edges for end in ("from", "to")}
    top = set(sorted(linked, key=lambda n: (-score.get(n, 0.0), str(n)))[:TOP_LABELS])
    for node in nodes:
        node["top"] = node["id"] in top


def choose_view(view: str, size_by: str) -> View:
    """The registered view named `view`, or a MedgraphError naming the choices."""
    if view not in VIEWS:
        raise MedgraphError(f"unknown map view {view!r}: one of {', '.join(VIEWS)}")
    if size_by not in SIZE_BY:
        raise MedgraphError(f"unknown node size {size_by!r}: one of {', '.join(SIZE_BY)}")
    return VIEWS[view]()
