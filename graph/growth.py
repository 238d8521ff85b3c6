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


def _links(K: nx.MultiDiGraph, order: list[tuple[dt.date, str]], att: Attribution, start: dt.date | None,
           index: dict, attended: Iterable[tuple[str, str]] | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The (event row, organisation row) of each attendance at the events of `order`, distinct and
    sorted, as arrays event, org; and (a, b, row) of each agreement, mentoring pair and membership
    (row len(order): undated)."""
    row = {e: i for i, (_, e) in enumerate(order)}
    dates, undated, n = [d for d, _ in order], len(order), len(index)
    W = Window(frozenset(row), dates[-1])
    if attended is None:
        attended = ((org, e) for org, events in attended_events(K, W, att).items() for e in events)
    seen = np.unique(np.array([row[e] * n + index[org] for org, e in attended if e in row], dtype=np.int64))
    linked: list[int] = []
    for link in agreement_links(K, W, att):
        i = _agreement_row(K, link, row, dates, start)
        if i is not None:
            linked += (index[link.a], index[link.b], undated if i < 0 else i)
    for link in mentoring_links(K, W, att):
        linked += (index[link.a], index[link.b], row[link.events[0]] if link.events else undated)
    for link in membership_links(K, W, att):
        linked += (index[link.a], index[link.b], undated)
    return seen // n, seen % n, np.array(linked, dtype=np.int64).reshape(-1, 3)


def _first_rows(event: np.ndarray, org: np.ndarray, explicit: np.ndarray, labels: _Labels,
                R: int) -> tuple[np.ndarray, np.ndarray]:
    """Each tied pair (its `_Labels.code`, ascending: the pairs in the order of their labels) and
    the first row whose tie network has it (below R). The pairs of every event's attendees are
    made with numpy, events chunk by chunk into one array of keys (`_pair_keys`), and each pair's
    first row is the least of its events' and links' rows: one sort, no tie network per event."""
    a, b, rows = explicit.T
    keys = _pair_keys(event, org, R, labels.code, labels.code(a, b) * R + rows)
    keys.sort()
    return _least_rows(keys, R)


#: Pairs made at once by `_pair_keys` (events taken together up to this many pairs).
PAIRS_CHUNK = 1 << 22


def _pair_keys(event: np.ndarray, org: np.ndarray, R: int, code, extra: np.ndarray,
               chunk: int = PAIRS_CHUNK) -> np.ndarray:
    """code(a, b) * R + event for every pair of organisations a < b at the same event, from
    (event, organisation) rows sorted and distinct, then `extra`: one array, filled events chunk
    by chunk (about `chunk` pairs at a time: no other array of its size).

    >>> _pair_keys(np.array([0, 0, 0, 1, 1]), np.array([3, 4, 5, 2, 4]), 2, lambda a, b: a * 10 + b,
    ...            np.array([7]), chunk=1).tolist()
    [68, 70, 90, 49, 7]
    """
    start = np.flatnonzero(np.r_[True, event[1:] != event[:-1]]) if len(event) else np.zeros(0, np.int64)
    size = np.diff(np.r_[start, len(event)])
    ends = np.cumsum(size * (size - 1) // 2)
    total = int(ends[-1]) if len(ends) else 0
    out = np.empty(total + len(extra), dtype=np.int64)
    at, i = 0, 0
    while i < len(start):  # events i … j-1: at least one, up to `chunk` pairs
        j = max(i + 1, int(np.searchsorted(ends, at + chunk, side="right")))
        lo, hi = start[i], start[j] if j < len(start) else len(event)
        e, a, b = _pairs(event[lo:hi], org[lo:hi])
        out[at:at + len(e)] = code(a, b) * R + e
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
    attrs = [nodes[n] for n in ids]
    labels = _Labels([d.get("name") or str(n) for n, d in zip(ids, attrs)])
    event, org, explicit = _links(K, order, att, period[0] if period else None, {n: i for i, n in enumerate(ids)},
                                  attended)
    code, first = _first_rows(event, org, explicit, labels, len(order) + 1)
    if (first == len(order)).any():
        order = [*order, (None, None)]
    rows = _table_rows(K, order, attrs, labels, (event, org, explicit), code, first, listed)
    table = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
    return table.astype({"tied_organisations": int, "ties": int})  # object: None stays None


def _table_rows(K, order, attrs: list[dict], labels: _Labels, links: tuple, code: np.ndarray, first: np.ndarray,
                listed: int | None) -> list[dict]:
    """The table's rows from each tie's `_Labels.code` (ascending) and first row, and the links
    (`_links`) each organisation's first tie is read from."""
    R = len(order)
    south = np.array([is_south_med_cluster(d) for d in attrs], dtype=bool)
    eu = np.array([is_eu(d) for d in attrs], dtype=bool)
    node_row, met_row = _tied_rows(*links, south, eu, R)
    tied, met = (np.cumsum(np.bincount(r[r < R], minlength=R)).tolist() for r in (node_row, met_row))
    bounds = np.r_[0, np.cumsum(np.bincount(first, minlength=R))].tolist()
    by_row = np.argsort(first.astype(np.uint16) if R < 1 << 16 else first, kind="stable")  # label order kept
    total = int(south.sum())
    return [{"date": date, "event": event, "name": K.nodes[event].get("name") if event else UNDATED,
             "tied_organisations": tied[i], "ties": bounds[i + 1], "eu_share": met[i] / total if total else None,
             "new_ties": labels.of(code[by_row[bounds[i]:bounds[i + 1]]], listed)}
            for i, (date, event) in enumerate(order)]


def _tied_rows(event: np.ndarray, org: np.ndarray, explicit: np.ndarray, south: np.ndarray, eu: np.ndarray,
               R: int) -> tuple[np.ndarray, np.ndarray]:
    """Each organisation's first row with a tie, and with a tie to an EU organisation (R: none),
    from the attendances (at an event with another organisation, or with an EU one, a South-Med
    cluster has such a tie) and the links (a, b, row): no pass over the ties.

    >>> [x.tolist() for x in _tied_rows(np.array([0, 0, 1, 1]), np.array([0, 1, 1, 2]), np.array([[0, 3, 2]]),
    ...                                  np.array([True, False, False, False]), np.array([False, False, True, True]), 3)]
    [[0, 0, 1, 2], [2, 3, 3, 3]]
    """
    node_row, met_row = np.full(len(south), R), np.full(len(south), R)
    size, eus = np.bincount(event, minlength=R), np.bincount(event, weights=eu[org], minlength=R)
    with_other = size[event] > 1
    np.minimum.at(node_row, org[with_other], event[with_other])
    hit = south[org] & (eus[event] - eu[org] > 0)
    np.minimum.at(met_row, org[hit], event[hit])
    a, b, rows = explicit.T
    for x, y in ((a, b), (b, a)):
        np.minimum.at(node_row, x, rows)
        hit = south[x] & eu[y]
        np.minimum.at(met_row, x[hit], rows[hit])
    return node_row, met_row


class _Labels:
    """New ties in words, "A—B" by names, sorted; with `listed`, the first ones by name only.
    A tie's `code` orders ties as their labels sort (so the pairs, sorted by code, are in label order)."""

    def __init__(self, names: list[str]):
        self.names = names
        self.by_name = _ranks(names)
        self.by_label = _ranks([f"{x}—" for x in names])
        self.of_name, self.of_label = np.argsort(self.by_name), np.argsort(self.by_label)

    def code(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """(label rank of the one first by name) * n + name rank of the other, for each pair of rows."""
        swap = self.by_name[a] > self.by_name[b]
        lo, hi = np.where(swap, b, a), np.where(swap, a, b)
        return self.by_label[lo] * len(self.names) + self.by_name[hi]

    def of(self, codes: np.ndarray, listed: int | None) -> list[str]:
        """The labels of the ties of `codes` (ascending), sorted; with `listed`, of the first `listed`."""
        more = len(codes) - listed if listed is not None and len(codes) > listed else 0
        kept = codes[:len(codes) - more]
        lo, hi = self.of_label[kept // len(self.names)], self.of_name[kept % len(self.names)]
        found = sorted(f"{self.names[x]}—{self.names[y]}" for x, y in zip(lo.tolist(), hi.tolist()))
        return found + [f"… and {more:,} more"] * bool(more)


def _ranks(values: list[str]) -> np.ndarray:
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[sorted(range(len(values)), key=values.__getitem__)] = np.arange(len(values))
    return ranks
