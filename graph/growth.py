"""How the tie network grew, event after event, within the programme's period.

After each held event of the period, in date order (its end date, else its start; then id), the
tie network of everything up to and including it: the period's events so far, agreements and
mentoring pairs made at them, and agreements dated by then (not before the period). The period
is, by default, the programme's own (`programme_period`: the dates of the Programme node most
events are PART_OF, else of the programme that one is part of); events before or after it have
no row and make no tie. Undated links (memberships, mentoring pairs and agreements with no date
or held event) belong to no event: they are shown in a last row, "undated links", rather than
credited to the first event. Undated events have no place in the order and no row. Events
sharing a date are taken one at a time, so each row's new ties are those its own event made.

Ties are never lost as time goes on, so each pair's tie is dated once, by the first row it
belongs to, and the whole table comes from one pass over the links (not one tie network per
event); the tests check it against the tie network rebuilt after each event.
"""

from __future__ import annotations

import bisect
import datetime as dt

import networkx as nx
import pandas as pd

from medgraph.graph.period import PROGRAMME, Period, in_period, programme_period, the_period
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

__all__ = ["COLUMNS", "PROGRAMME", "UNDATED", "growth", "dated_events", "programme_period"]

COLUMNS = ["date", "event", "name", "tied_organisations", "ties", "eu_share", "new_ties"]
#: The name of the last row, the links that belong to no event.
UNDATED = "undated links"

def dated_events(K: nx.MultiDiGraph, as_of: dt.date | None = None,
                 period: Period | None = None) -> list[tuple[dt.date, str]]:
    """(date, id) of every dated held event (in the period, up to as_of), in order.

    >>> from medgraph.graph.knowledge import example_graph
    >>> dated_events(example_graph())
    [(datetime.date(2018, 11, 23), 'visit-2018'), (datetime.date(2019, 9, 13), 'forum-2019')]
    >>> dated_events(example_graph(), period=(dt.date(2019, 1, 1), None))
    [(datetime.date(2019, 9, 13), 'forum-2019')]
    """
    found = ((event_date(K, e), e) for e in held_events(K))
    return sorted((d, e) for d, e in found if d is not None and (as_of is None or d <= as_of) and in_period(d, period))


def _first_rows(K: nx.MultiDiGraph, order: list[tuple[dt.date, str]], att: Attribution,
                start: dt.date | None) -> dict[tuple, int]:
    """Each tied pair (a < b) -> the first row (index into `order`) whose tie network has it;
    len(order) for a pair that only undated links tie (the last row)."""
    row = {e: i for i, (_, e) in enumerate(order)}
    dates, undated = [d for d, _ in order], len(order)
    W = Window(frozenset(row), dates[-1])
    first: dict[tuple, int] = {}

    def seen(pair, i):
        first[pair] = min(first.get(pair, i), i)

    for pair, meetings in shared_events(attendances(K, W, att)).items():
        seen(pair, min(row[x.event] for x, _ in meetings))
    for link in agreement_links(K, W, att):
        i = _agreement_row(K, link, row, dates, start)
        if i is not None:
            seen((link.a, link.b), undated if i < 0 else i)
    for link in mentoring_links(K, W, att):
        seen((link.a, link.b), row[link.events[0]] if link.events else undated)
    for link in membership_links(K, W, att):
        seen((link.a, link.b), undated)
    return first


def _agreement_row(K, link: Link, row: dict[str, int], dates: list[dt.date], start: dt.date | None) -> int | None:
    """The row an agreement counts from: its signing event's, else the first on or after its
    date; -1 when undated; None when dated before the period."""
    signed = [row[e] for e in link.events if e in row]
    if signed:
        return min(signed)
    date = K.nodes[link.items[0][1]].get("date")
    if date is None:
        return -1
    return None if start is not None and date < start else bisect.bisect_left(dates, date)


def _pair_label(nodes: dict[str, dict], pair) -> str:
    a, b = sorted(nodes[n].get("name") or str(n) for n in pair)
    return f"{a}—{b}"


def growth(K: nx.MultiDiGraph, options: TieOptions = TieOptions(), *,
           period: Period | str | None = PROGRAMME) -> pd.DataFrame:
    """One row per held event of the period, in date order: the tie network right after it.

    Parameters
    ----------
    K : the knowledge graph
    options : the tie network's options (`medgraph.graph.ties.TieOptions`); ``as_of`` stops
        the rows at that date, ``weighting`` changes no row (weights do not change which ties exist)
    period : (start, end) dates (either None: open), `PROGRAMME` (default: `programme_period`
        of the main programme, all dates when there is none) or None (all dates)

    Returns
    -------
    DataFrame date, event, name, tied_organisations (organisations with at least one tie), ties,
    eu_share (share of South-Med clusters with an EU tie; None without clusters), new_ties
    (the ties that event added, "A—B" by names, sorted); and, when undated links tie pairs no
    event does, a last row with date and event None, name `UNDATED`, whose totals are the
    whole network's.

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> table = growth(example_graph())
    >>> table[["event", "name", "tied_organisations", "ties"]].values.tolist()
    [['visit-2018', 'Benchmarking visit, Barcelona', 3, 3], ['forum-2019', 'Forum de Lyon', 5, 7], [None, 'undated links', 6, 8]]
    >>> print(*table["new_ties"][1], sep="\\n")
    Agri Sud Cluster—France Clusters
    Agri Sud Cluster—Technical Textile Cluster
    France Clusters—Olive Oil Cluster
    France Clusters—Technical Textile Cluster
    >>> table["new_ties"][2]
    ['ESITH—Technical Textile Cluster']

    Within a period from 2019 on, the Barcelona visit is left out:

    >>> growth(example_graph(), period=(dt.date(2019, 1, 1), None))["ties"].tolist()
    [4, 5]
    """
    period = the_period(K, period)
    order = dated_events(K, options.as_of, period)
    if not order:
        return pd.DataFrame(columns=COLUMNS)
    att = attribution(K, options)
    first = _first_rows(K, order, att, period[0] if period else None)
    if any(i == len(order) for i in first.values()):
        order = [*order, (None, None)]
    table = pd.DataFrame(_table_rows(K, order, organisation_nodes(K, att), first), columns=COLUMNS, dtype=object)
    return table.astype({"tied_organisations": int, "ties": int})  # object: None stays None


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
    return [{"date": date, "event": event, "name": K.nodes[event].get("name") if event else UNDATED,
             "tied_organisations": tied[i],
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
