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
event): the pairs of each event's attendees as numpy arrays, each pair's first row the least of
its events' rows (one sort); the tests check it against the tie network rebuilt after each event.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

import networkx as nx
import numpy as np
import pandas as pd

from medgraph.graph.period import PROGRAMME, Period, in_period, programme_period, the_period
from medgraph.graph.ties.accessors import event_date, held_events
from medgraph.graph.ties.links import (
    Link,
    agreement_links,
    attended_events,
    membership_links,
    mentoring_links,
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
                start: dt.date | None, index: dict,
                attended: Iterable[tuple[str, str]] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each tied pair (rows a < b of `index`) and the first row (index into `order`) whose tie
    network has it; len(order) for a pair that only undated links tie (the last row). The pairs
    of every event's attendees are made with numpy, events chunk by chunk into one array of
    keys (`_pair_keys`), and each pair's first row is the least of its events' rows: one sort,
    no tie network per event."""
    row = {e: i for i, (_, e) in enumerate(order)}
    dates, undated, n = [d for d, _ in order], len(order), len(index)
    W = Window(frozenset(row), dates[-1])
    if attended is None:
        attended = ((org, e) for org, events in attended_events(K, W, att).items() for e in events)
    seen = [x for org, e in attended if e in row for x in (row[e], index[org])]
    linked: list[int] = []
    for link in agreement_links(K, W, att):
        i = _agreement_row(K, link, row, dates, start)
        if i is not None:
            linked += (index[link.a] * n + index[link.b], undated if i < 0 else i)
    for link in mentoring_links(K, W, att):
        linked += (index[link.a] * n + index[link.b], row[link.events[0]] if link.events else undated)
    for link in membership_links(K, W, att):
        linked += (index[link.a] * n + index[link.b], undated)
    R = undated + 1  # each pair and row as one number, pair * R + row: one in-place sort
    explicit = np.array(linked, dtype=np.int64).reshape(-1, 2)
    keys = _pair_keys(np.array(seen, dtype=np.int64).reshape(-1, 2), n, R, explicit[:, 0] * R + explicit[:, 1])
    del seen, linked
    keys.sort()
    code, first = _least_rows(keys, R)
    del keys
    return (code // n).astype(np.int32), (code % n).astype(np.int32), first.astype(np.int32)


#: Pairs made at once by `_pair_keys` (events taken together up to this many pairs).
PAIRS_CHUNK = 1 << 22


def _pair_keys(seen: np.ndarray, n: int, R: int, extra: np.ndarray, chunk: int = PAIRS_CHUNK) -> np.ndarray:
    """(a * n + b) * R + event for every pair of organisations a < b at the same event, from
    (event, organisation) rows (repeats ignored), then `extra`: one array, filled events chunk by
    chunk (about `chunk` pairs at a time: no other array of its size).

    >>> _pair_keys(np.array([[0, 5], [1, 2], [0, 3], [0, 4], [0, 3], [1, 2], [1, 4]]), 10, 2, np.array([7]), chunk=1).tolist()
    [68, 70, 90, 49, 7]
    """
    key = np.unique(seen[:, 0] * n + seen[:, 1])  # by event, then organisation
    event, org = key // n, key % n
    start = np.flatnonzero(np.r_[True, event[1:] != event[:-1]]) if len(key) else np.zeros(0, np.int64)
    size = np.diff(np.r_[start, len(key)])
    ends = np.cumsum(size * (size - 1) // 2)
    total = int(ends[-1]) if len(ends) else 0
    out = np.empty(total + len(extra), dtype=np.int64)
    at, i = 0, 0
    while i < len(start):  # events i … j-1: at least one, up to `chunk` pairs
        j = max(i + 1, int(np.searchsorted(ends, at + chunk, side="right")))
        lo, hi = start[i], start[j] if j < len(start) else len(key)
        e, a, b = _pairs(event[lo:hi], org[lo:hi])
        out[at:at + len(e)] = (a * n + b) * R + e
        at, i = at + len(e), j
    out[total:] = extra
    return out


def _pairs(event: np.ndarray, org: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair of organisations a < b at the same event, from (event, organisation) rows
    sorted and distinct, as arrays event, a, b.

    >>> [x.tolist() for x in _pairs(np.array([0, 0, 0, 1]), np.array([3, 4, 5, 2]))]
    [[0, 0, 0], [3, 3, 4], [4, 5, 5]]
    """
    start = np.flatnonzero(np.r_[True, event[1:] != event[:-1]])
    size = np.diff(np.r_[start, len(event)])
    place = np.arange(len(event)) - np.repeat(start, size)  # each one's place at its event
    after = np.repeat(size, size) - place - 1  # how many come after it there
    left = np.repeat(np.arange(len(event)), after)
    right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(after) - after, after)
    return event[left], org[left], org[right]


def _least_rows(keys: np.ndarray, R: int, chunk: int = 1 << 24) -> tuple[np.ndarray, np.ndarray]:
    """From sorted keys pair * R + row, each pair once with its least row (chunk by chunk: no
    second array of the keys' size).

    >>> [x.tolist() for x in _least_rows(np.array([12, 15, 21, 22, 23]), 10, chunk=2)]
    [[1, 2], [2, 1]]
    """
    pairs, rows, last = [], [], -1
    for start in range(0, len(keys), chunk):
        part = keys[start:start + chunk]
        pair = part // R
        keep = np.r_[pair[0] != last, pair[1:] != pair[:-1]]
        pairs.append(pair[keep])
        rows.append(part[keep] % R)
        last = pair[-1]
    empty = [np.zeros(0, dtype=np.int64)]
    return np.concatenate(empty + pairs), np.concatenate(empty + rows)


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


def growth(K: nx.MultiDiGraph, options: TieOptions = TieOptions(), *,
           period: Period | str | None = PROGRAMME, listed: int | None = None,
           attended: Iterable[tuple[str, str]] | None = None) -> pd.DataFrame:
    """One row per held event of the period, in date order: the tie network right after it.

    Parameters
    ----------
    K : the knowledge graph
    options : the tie network's options (`medgraph.graph.ties.TieOptions`); ``as_of`` stops
        the rows at that date, ``weighting`` changes no row (weights do not change which ties exist)
    period : (start, end) dates (either None: open), `PROGRAMME` (default: `programme_period`
        of the main programme, all dates when there is none) or None (all dates)
    listed : list at most this many new ties per row (the first by name), then "… and N more"
        (None: all of them; `report.analyse` lists `NEW_TIES_LISTED` on a large network)
    attended : (organisation, event) of each attendance with the same options
        (`medgraph.graph.ties.links.attended_events`), when already read (the tie arrays hold
        them: ``T.graph["attendance"].pairs()``): only those at the period's events count

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
    nodes = organisation_nodes(K, att)
    ids = sorted(nodes)
    a, b, first = _first_rows(K, order, att, period[0] if period else None, {n: i for i, n in enumerate(ids)},
                              attended)
    if (first == len(order)).any():
        order = [*order, (None, None)]
    rows = _table_rows(K, order, ids, [nodes[n] for n in ids], a, b, first, listed)
    table = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
    return table.astype({"tied_organisations": int, "ties": int})  # object: None stays None


def _table_rows(K, order, ids: list, attrs: list[dict], a: np.ndarray, b: np.ndarray, first: np.ndarray,
                listed: int | None) -> list[dict]:
    """The table's rows from the first row of each tie (pairs of rows a, b of `ids`)."""
    R, n = len(order), len(attrs)
    node_row = np.full(n, R)
    np.minimum.at(node_row, a, first)
    np.minimum.at(node_row, b, first)
    south = np.array([is_south_med_cluster(d) for d in attrs], dtype=bool)
    eu = np.array([is_eu(d) for d in attrs], dtype=bool)
    met_row = np.full(n, R)
    for x, y in ((a, b), (b, a)):
        hit = south[x] & eu[y]
        np.minimum.at(met_row, x[hit], first[hit])
    tied, met, done = (np.cumsum(np.bincount(r[r < R], minlength=R)).tolist() for r in (node_row, met_row, first))
    labels = _Labels([d.get("name") or str(n) for n, d in zip(ids, attrs)])
    keys = labels.keys(a, b, first)  # each row's new ties by name, in one sorted array
    bounds = np.searchsorted(keys, np.arange(R + 1, dtype=np.int64) * labels.per_row).tolist()
    total = int(south.sum())
    return [{"date": date, "event": event, "name": K.nodes[event].get("name") if event else UNDATED,
             "tied_organisations": tied[i], "ties": done[i], "eu_share": met[i] / total if total else None,
             "new_ties": labels.of(keys[bounds[i]:bounds[i + 1]], listed)}
            for i, (date, event) in enumerate(order)]


class _Labels:
    """New ties in words, "A—B" by names, sorted; with `listed`, the first ones by name only.
    Each tie is one number, its row * n² + the rank of its label: one sort orders every row's."""

    def __init__(self, names: list[str]):
        self.names = names
        self.per_row = len(names) ** 2
        self.by_name = _ranks(names)
        self.by_label = _ranks([f"{x}—" for x in names])
        self.of_name, self.of_label = np.argsort(self.by_name), np.argsort(self.by_label)

    def keys(self, a: np.ndarray, b: np.ndarray, row: np.ndarray, chunk: int = 1 << 22) -> np.ndarray:
        """row * n² + (label rank of the one first by name) * n + name rank of the other, sorted
        (made chunk by chunk into one array)."""
        n, out = len(self.names), np.empty(len(a), dtype=np.int64)
        for s in range(0, len(a), chunk):
            x, y = a[s:s + chunk], b[s:s + chunk]
            swap = self.by_name[x] > self.by_name[y]
            lo, hi = np.where(swap, y, x), np.where(swap, x, y)
            out[s:s + chunk] = (row[s:s + chunk] * np.int64(n) + self.by_label[lo]) * n + self.by_name[hi]
        out.sort()
        return out

    def of(self, keys: np.ndarray, listed: int | None) -> list[str]:
        """The labels of the ties of sorted `keys` (one row's), sorted; with `listed`, of the first `listed`."""
        more = len(keys) - listed if listed is not None and len(keys) > listed else 0
        rest = keys[:len(keys) - more] % self.per_row
        lo, hi = self.of_label[rest // len(self.names)], self.of_name[rest % len(self.names)]
        found = sorted(f"{self.names[x]}—{self.names[y]}" for x, y in zip(lo.tolist(), hi.tolist()))
        return found + [f"… and {more:,} more"] * bool(more)


def _ranks(values: list[str]) -> np.ndarray:
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[sorted(range(len(values)), key=values.__getitem__)] = np.arange(len(values))
    return ranks
