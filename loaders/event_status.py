"""An event's status and dates as its documents state them over time (pure).

The document that defines an event states its status and dates as of its own date; a later
document may state them again with a `mention` fact (`status: held`, with the actual `start`,
`end` and `date_precision` if it gives them). The event then follows the latest statement:

- the latest by document date wins; an undated document counts as older than every dated one
  (it cannot say when it was written);
- on the same date, a `held` statement wins over a `planned` one (a report after the fact),
  then the larger document id, then the later line: the order of the files never matters;
- the status follows the latest statement that gives one, the dates the latest that gives dates.

Every statement stays as evidence: on its document's MENTIONS of the event (`status`, `start`,
`end`, `date_precision`) and, in order from oldest to latest, in the event's `status_evidence`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Statement", "latest_first", "settled"]

DATES = ("start", "end", "date_precision")


@dataclass(frozen=True)
class Statement:
    """What one document line states about an event's status and dates."""

    date: dt.date | None  # the document's date
    document: str
    line: int
    values: dict  # status, start, end, date_precision: those it gives

    @property
    def evidence(self) -> str:
        return f"{self.document}:{self.line}"


def order(statement: Statement) -> tuple:
    return (statement.date is not None, statement.date or dt.date.min, statement.values.get("status") == "held",
            statement.document, statement.line)


def latest_first(statements: list[Statement]) -> list[Statement]:
    return sorted(statements, key=order, reverse=True)


def settled(statements: list[Statement]) -> dict:
    """The event's status, dates and `status_evidence` after all its statements.

    >>> may, june = dt.date(2019, 5, 20), dt.date(2019, 6, 2)
    >>> a = Statement(dt.date(2019, 1, 10), "announce", 4, {"status": "planned", "start": dt.date(2019, 5, 1)})
    >>> b = Statement(june, "report", 7, {"status": "held", "start": may, "end": may, "date_precision": "day"})
    >>> settled([b, a])["status"], settled([b, a])["start"], settled([a, b])["status_evidence"]
    ('held', datetime.date(2019, 5, 20), ['announce:4', 'report:7'])
    """
    ordered = latest_first(statements)
    props = {"status_evidence": [s.evidence for s in reversed(ordered)]}
    with_status = [s for s in ordered if s.values.get("status")]
    if with_status:
        props["status"] = with_status[0].values["status"]
    with_dates = [s for s in ordered if s.values.get("start") or s.values.get("end")]
    if with_dates:
        props.update({k: with_dates[0].values.get(k) for k in DATES})
    return props
