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

from medgraph.errors import MedgraphError
from medgraph.graph import ties
from medgraph.graph.metmatrix import is_eu, is_south_cluster

OPTIONS = ("members_for_cluster", "merge_possible", "weighting", "as_of")
COLUMNS = ["date", "event", "name", "tied_organisations", "ties", "eu_share", "new_ties"]


def dated_events(K: nx.MultiDiGraph, as_of: dt.date | None = None) -> list[tuple[dt.date, str]]:
    """(date, id) of every dated held event (up to as_of), in order.

    >>> from medgraph.graph.build import example_graph
    >>> dated_events(example_graph())
    [(datetime.date(2018, 11, 23), 'visit-2018'), (datetime.date(2019, 9, 13), 'forum-2019')]
    """
    found = ((ties.event_date(K, e), e) for e in ties.held_events(K))
    return sorted((d, e) for d, e in found if d is not None and (as_of is None or d <= as_of))


def first_rows(K: nx.MultiDiGraph, order: list[tuple[dt.date, str]], att: ties.Attribution) -> dict[tuple, int]:
    """Each tied pair (a < b) -> the first row (index into `order`) whose tie network has it."""
    row = {e: i for i, (_, e) in enumerate(order)}
    dates = [d for d, _ in order]
    W = ties.Window(frozenset(row), dates[-1])
    first: dict[tuple, int] = {}

    def seen(pair, i):
        first[pair] = min(first.get(pair, i), i)

    for pair, meetings in ties.shared_events(ties.attendances(K, W, att)).items():
        seen(pair, min(row[x.event] for x, _ in meetings))
    for link in ties.agreement_links(K, W, att):
        seen((link.a, link.b), agreement_row(K, link, row, dates))
    for link in ties.mentoring_links(K, W, att):
        seen((link.a, link.b), row[link.events[0]] if link.events else 0)
    for link in ties.membership_links(K, W, att):
        seen((link.a, link.b), 0)
    return first


def agreement_row(K, link: ties.Link, row: dict[str, int], dates: list[dt.date]) -> int:
    """The row an agreement counts from: its signing event's, else the first on or after its date."""
    signed = [row[e] for e in link.events if e in row]
    if signed:
        return min(signed)
    date = K.nodes[link.items[0][1]].get("date")
    return 0 if date is None else bisect.bisect_left(dates, date)


def pair_label(nodes: dict[str, dict], pair) -> str:
    a, b = sorted(nodes[n].get("name") or str(n) for n in pair)
    return f"{a}—{b}"


def growth(K: nx.MultiDiGraph, **tie_options) -> pd.DataFrame:
    """One row per held event, in date order: the tie network right after it.

    Parameters
    ----------
    K : the knowledge graph
    tie_options : ``members_for_cluster``, ``merge_possible``, ``weighting`` as for
        `medgraph.graph.ties.tie_graph`; ``as_of`` stops the rows at that date

    Returns
    -------
    DataFrame date, event, name, tied_organisations (organisations with at least one tie), ties,
    eu_share (share of South-Med clusters with an EU tie; None without clusters), new_ties
    (the ties that event added, "A—B" by names, sorted).

    Examples
    --------
    >>> from medgraph.graph.build import example_graph
    >>> table = growth(example_graph())
    >>> table[["event", "tied_organisations", "ties"]].values.tolist()
    [['visit-2018', 4, 4], ['forum-2019', 6, 8]]
    >>> print(*table["new_ties"][1], sep="\\n")
    Agri Sud Cluster—France Clusters
    Agri Sud Cluster—Technical Textile Cluster
    France Clusters—Olive Oil Cluster
    France Clusters—Technical Textile Cluster
    """
    unknown = sorted(set(tie_options) - set(OPTIONS))
    if unknown:
        raise MedgraphError(f"growth: unknown option {unknown[0]!r}: one of {', '.join(OPTIONS)}")
    as_of = ties.check_date(tie_options.pop("as_of", None))
    ties.check_weighting(tie_options.pop("weighting", "newman"))  # weights do not change which ties exist
    order = dated_events(K, as_of)
    if not order:
        return pd.DataFrame(columns=COLUMNS)
    att = ties.attribution(K, **tie_options)
    return pd.DataFrame(table_rows(K, order, ties.organisation_nodes(K, att), first_rows(K, order, att)),
                        columns=COLUMNS)


def table_rows(K, order, nodes: dict[str, dict], first: dict[tuple, int]) -> list[dict]:
    """The table's rows from the first row of each tie."""
    new = [[] for _ in order]
    node_row, met_row = {}, {}
    for pair, i in first.items():
        new[i].append(pair)
        for n, m in (pair, pair[::-1]):
            node_row[n] = min(node_row.get(n, i), i)
            if is_south_cluster(nodes[n]) and is_eu(nodes[m]):
                met_row[n] = min(met_row.get(n, i), i)
    south = sum(1 for d in nodes.values() if is_south_cluster(d))
    tied = count_by_row(node_row.values(), len(order))
    met = count_by_row(met_row.values(), len(order))
    done = count_by_row(first.values(), len(order))
    return [{"date": date, "event": event, "name": K.nodes[event].get("name"), "tied_organisations": tied[i],
             "ties": done[i], "eu_share": met[i] / south if south else None,
             "new_ties": sorted(pair_label(nodes, pair) for pair in new[i])}
            for i, (date, event) in enumerate(order)]


def count_by_row(rows: list[int], n: int) -> list[int]:
    """How many of the items have appeared by each row (cumulative counts).

    >>> count_by_row([0, 2, 2], 3)
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
