"""How the tie network grew, event after event.

After each held event, in date order (its end date, else its start; then id), the tie network
of everything up to and including it: the events so far, agreements and mentoring pairs made
at them, agreements dated by then, and the undated links (present from the first event on,
so the first row also counts them; see `medgraph.graph.ties`). Undated events have no place in
the order and no row. Events sharing a date are taken one at a time, so each row's new ties are
those its own event made.

Ties are never lost as time goes on, so each pair's tie is dated once, by the first row it
belongs to, and the whole table comes from one pass over the links (not one tie network per
event); the tests check it against the tie network rebuilt after each event.
"""

from __future__ import annotations

import bisect
import datetime as dt

import networkx as nx
import pandas as pd

from medgraph.graph.ties.accessors import event_date, held_events
from medgraph.graph.ties.links import (
    Link,
    agreement_links,
    attendances,
    membership_links,
    mentoring_links,
    shared_events,
)
from medgraph.graph.ties.options import Attribution, TieOptions, Window, attribution, organisation_nodes
from medgraph.schema import is_eu, is_south_med_cluster

__all__ = ["COLUMNS", "growth", "dated_events"]

COLUMNS = ["date", "event", "name", "tied_organisations", "ties", "eu_share", "new_ties"]


def dated_events(K: nx.MultiDiGraph, as_of: dt.date | None = None) -> list[tuple[dt.date, str]]:
    """(date, id) of every dated held event (up to as_of), in order.

    >>> from medgraph.graph.knowledge import example_graph
    >>> dated_events(example_graph())
    [(datetime.date(2018, 11, 23), 'visit-2018'), (datetime.date(2019, 9, 13), 'forum-2019')]
    """
    found = ((event_date(K, e), e) for e in held_events(K))
    return sorted((d, e) for d, e in found if d is not None and (as_of is None or d <= as_of))


def _first_rows(K: nx.MultiDiGraph, order: list[tuple[dt.date, str]], att: Attribution) -> dict[tuple, int]:
    """Each tied pair (a < b) -> the first row (index into `order`) whose tie network has it."""
    row = {e: i for i, (_, e) in enumerate(order)}
    dates = [d for d, _ in order]
    W = Window(frozenset(row), dates[-1])
    first: dict[tuple, int] = {}

    def seen(pair, i):
        first[pair] = min(first.get(pair, i), i)

    for pair, meetings in shared_events(attendances(K, W, att)).items():
        seen(pair, min(row[x.event] for x, _ in meetings))
    for link in agreement_links(K, W, att):
        seen((link.a, link.b), _agreement_row(K, link, row, dates))
    for link in mentoring_links(K, W, att):
        seen((link.a, link.b), row[link.events[0]] if link.events else 0)
    for link in membership_links(K, W, att):
        seen((link.a, link.b), 0)
    return first


def _agreement_row(K, link: Link, row: dict[str, int], dates: list[dt.date]) -> int:
    """The row an agreement counts from: its signing event's, else the first on or after its date."""
    signed = [row[e] for e in link.events if e in row]
    if signed:
        return min(signed)
    date = K.nodes[link.items[0][1]].get("date")
    return 0 if date is None else bisect.bisect_left(dates, date)


def _pair_label(nodes: dict[str, dict], pair) -> str:
    a, b = sorted(nodes[n].get("name") or str(n) for n in pair)
    return f"{a}—{b}"


def growth(K: nx.MultiDiGraph, options: TieOptions = TieOptions()) -> pd.DataFrame:
    """One row per held event, in date order: the tie network right after it.

    Parameters
    ----------
    K : the knowledge graph
    options : the tie network's options (`medgraph.graph.ties.TieOptions`); ``as_of`` stops
        the rows at that date, ``weighting`` changes no row (weights do not change which ties exist)

    Returns
    -------
    DataFrame date, event, name, tied_organisations (organisations with at least one tie), ties,
    eu_share (share of South-Med clusters with an EU tie; None without clusters), new_ties
    (the ties that event added, "A—B" by names, sorted).

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> table = growth(example_graph())
    >>> table[["event", "tied_organisations", "ties"]].values.tolist()
    [['visit-2018', 4, 4], ['forum-2019', 6, 8]]
    >>> print(*table["new_ties"][1], sep="\\n")
    Agri Sud Cluster—France Clusters
    Agri Sud Cluster—Technical Textile Cluster
    France Clusters—Olive Oil Cluster
    France Clusters—Technical Textile Cluster
    """
    order = dated_events(K, options.as_of)
    if not order:
        return pd.DataFrame(columns=COLUMNS)
    att = attribution(K, options)
    return pd.DataFrame(_table_rows(K, order, organisation_nodes(K, att), _first_rows(K, order, att)),
                        columns=COLUMNS)


def _table_rows(K, order, nodes: dict[str, dict], first: dict[tuple, int]) -> list[dict]:
    """The table's rows from the first row of each tie."""
    new = [[] for _ in order]
    node_row, met_row = {}, {}
    for pair, i in first.items():
        new[i].append(pair)
        for n, m in (pair, pair[::-1]):
            node_row[n] = min(node_row.get(n, i), i)
            if is_south_med_cluster(nodes[n]) and is_eu(nodes[m]):
                met_row[n] = min(met_row.get(n, i), i)
    south = sum(1 for d in nodes.values() if is_south_med_cluster(d))
    tied = _count_by_row(node_row.values(), len(order))
    met = _count_by_row(met_row.values(), len(order))
    done = _count_by_row(first.values(), len(order))
    return [{"date": date, "event": event, "name": K.nodes[event].get("name"), "tied_organisations": tied[i],
             "ties": done[i], "eu_share": met[i] / south if south else None,
             "new_ties": sorted(_pair_label(nodes, pair) for pair in new[i])}
            for i, (date, event) in enumerate(order)]


def _count_by_row(rows: list[int], n: int) -> list[int]:
    """How many of the items have appeared by each row (cumulative counts).

    >>> _count_by_row([0, 2, 2], 3)
    [1, 1, 3]
    """
    counts = [0] * n
    for i in rows:
        counts[i] += 1
    total, out = 0, []
    for c in counts:
        total += c
        out.append(total)
    return out
