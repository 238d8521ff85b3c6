"""The period a time view covers: by default the programme's own, from its Programme node.

Growth (`growth.growth`) and the map's time steps (`maps.map_data`) show the events of a period:
`PROGRAMME` (the default) stands for the dates of the programme most held events are part of
(`programme_period`), None for all dates, and (start, end) for given dates (either end open).
`medgraph analyze|run|map --period` sets it (`parse_period`).
"""

from __future__ import annotations

import datetime as dt

import networkx as nx

from medgraph.errors import MedgraphError
from medgraph.graph.ties.accessors import held_events

__all__ = ["PROGRAMME", "ALL", "Period", "programme_period", "the_period", "in_period", "parse_period", "period_words"]

#: The default period: the programme's own (`programme_period`).
PROGRAMME = "programme"
#: How `--period` says "all dates".
ALL = "all"

Period = tuple[dt.date | None, dt.date | None]


def programme_period(K: nx.MultiDiGraph, programme: str | None = None) -> Period | None:
    """(start, end) of a programme: its own dates, else those of the programme it is PART_OF.

    Without `programme`, the Programme node the most held events are PART_OF (then the smallest
    id). A year stands for its first day as a start and its last day as an end. None when there
    is no such programme.

    >>> from medgraph.graph.knowledge import example_graph
    >>> K = example_graph()
    >>> programme_period(K)
    (None, None)
    >>> K.nodes["booster"].update(start=2018, end="2019-06-30")
    >>> programme_period(K)
    (datetime.date(2018, 1, 1), datetime.date(2019, 6, 30))
    """
    programme = programme or _main_programme(K)
    if programme is None:
        return None
    start = end = None
    for p in _programme_chain(K, programme):
        start = start or _as_date(K.nodes[p].get("start"), first=True)
        end = end or _as_date(K.nodes[p].get("end"), first=False)
    return start, end


def _main_programme(K: nx.MultiDiGraph) -> str | None:
    counts = {}
    for e in held_events(K):
        for _, p, k in K.out_edges(e, keys=True):
            if k == "PART_OF" and K.nodes[p].get("label") == "Programme":
                counts[p] = counts.get(p, 0) + 1
    return min(counts, key=lambda p: (-counts[p], str(p))) if counts else None


def _programme_chain(K: nx.MultiDiGraph, programme: str) -> list[str]:
    """The programme and those it is PART_OF, innermost first."""
    chain = [programme]
    while parent := next((v for _, v, k in K.out_edges(chain[-1], keys=True) if k == "PART_OF"
                          and K.nodes[v].get("label") == "Programme" and v not in chain), None):
        chain.append(parent)
    return chain


def _as_date(value, first: bool) -> dt.date | None:
    """A year, an ISO date (or year) string or a date as a date; a year is its first or last day.

    >>> _as_date(2017, first=False), _as_date("2019-04-09", first=True)
    (datetime.date(2017, 12, 31), datetime.date(2019, 4, 9))
    """
    if isinstance(value, dt.date) or value is None:
        return value
    text = str(value)
    if text.isdigit():
        return dt.date(int(text), 1, 1) if first else dt.date(int(text), 12, 31)
    return dt.date.fromisoformat(text)


def the_period(K: nx.MultiDiGraph, period: Period | str | None = PROGRAMME) -> Period | None:
    """The (start, end) dates a period stands for in K (None: all dates).

    >>> from medgraph.graph.knowledge import example_graph
    >>> K = example_graph()
    >>> K.nodes["booster"].update(start=2018, end=2019)
    >>> the_period(K), the_period(K, None), the_period(K, (None, dt.date(2018, 12, 31)))
    ((datetime.date(2018, 1, 1), datetime.date(2019, 12, 31)), None, (None, datetime.date(2018, 12, 31)))
    """
    return programme_period(K) if period == PROGRAMME else period


def in_period(date: dt.date, period: Period | None) -> bool:
    """Whether a date falls within a period (both ends included; None: always).

    >>> in_period(dt.date(2019, 5, 1), (dt.date(2019, 1, 1), None)), in_period(dt.date(2016, 5, 1), (dt.date(2017, 1, 1), None))
    (True, False)
    """
    start, end = period or (None, None)
    return (start is None or date >= start) and (end is None or date <= end)


def parse_period(text: str) -> Period | str | None:
    """A period as the command line writes it: ``programme``, ``all``, or ``START..END`` in
    YYYY-MM-DD, either end left empty for an open one; anything else is one line.

    >>> parse_period("programme"), parse_period("all"), parse_period("2018-01-01..")
    ('programme', None, (datetime.date(2018, 1, 1), None))
    >>> parse_period("2019")
    Traceback (most recent call last):
    ...
    medgraph.errors.MedgraphError: --period: expected programme, all or START..END (YYYY-MM-DD), found '2019'
    """
    text = text.strip()
    if text in (PROGRAMME, ALL):
        return PROGRAMME if text == PROGRAMME else None
    start, dots, end = text.partition("..")
    try:
        period = tuple(dt.date.fromisoformat(part) if part else None for part in (start, end))
    except ValueError:
        dots = ""
    if not dots or period == (None, None) or (None not in period and period[0] > period[1]):
        raise MedgraphError(f"--period: expected {PROGRAMME}, {ALL} or START..END (YYYY-MM-DD), found {text!r}")
    return period


def period_words(period: Period | None) -> str:
    """A period in words, for a page.

    >>> period_words((dt.date(2017, 1, 1), dt.date(2020, 12, 31))), period_words(None)
    ('2017-01-01 to 2020-12-31', 'all dates')
    """
    if period is None or period == (None, None):
        return "all dates"
    start, end = period
    return f"{start or 'the start'} to {end or 'now'}"
