"""The attendances of a tie network as arrays (`AttendanceMap`): organisation -> event -> `Attendance`.

A million `Attendance` objects (their role and provenance sets, a Prov each) take some 870 bytes
apiece; held as arrays — each attendance's organisation, event, host flag, role set and source set
(codes into the few distinct sets), and its evidence (one flat list of K's own strings) — they take
some 30, and an `Attendance` is made again only when asked (equal to the one read from K).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np

from medgraph.graph.ties.accessors import Prov
from medgraph.graph.ties.links import Attendance

__all__ = ["AttendanceMap"]


class AttendanceMap(Mapping):
    """organisation -> {event: `Attendance`} of the attendances given (listed by organisation,
    then event, as `links.attendances` lists them), held as arrays.

    >>> p = Prov(frozenset({"d1"}), frozenset({"d1:3"}))
    >>> A = AttendanceMap([Attendance("a", "e1", False, frozenset({"delegate"}), p),
    ...                    Attendance("b", "e1", True, frozenset({"host"}), Prov())])
    >>> sorted(A), A["a"]["e1"] == Attendance("a", "e1", False, frozenset({"delegate"}), p), list(A["b"])
    (['a', 'b'], True, ['e1'])
    >>> A.events_by_org() == {"a": ["e1"], "b": ["e1"]}, [x.org for x in A.attendances()], list(A.pairs())
    (True, ['a', 'b'], [('a', 'e1'), ('b', 'e1')])
    """

    def __init__(self, attended: list[Attendance]):
        self.events = sorted({a.event for a in attended})
        column = {e: c for c, e in enumerate(self.events)}
        roles: dict[frozenset, int] = {}
        sources: dict[frozenset, int] = {}
        m = len(attended)
        self.event = np.fromiter((column[a.event] for a in attended), np.int32, m)
        self.host = np.fromiter((a.host for a in attended), bool, m)
        self.role = np.fromiter((roles.setdefault(a.roles, len(roles)) for a in attended), np.int32, m)
        self.source = np.fromiter((sources.setdefault(a.prov.sources, len(sources)) for a in attended), np.int32, m)
        self.roles, self.sources = list(roles), list(sources)
        self.evidence = [x for a in attended for x in a.prov.evidence]  # K's own strings, end to end
        self.evidence_at = np.cumsum([0] + [len(a.prov.evidence) for a in attended], dtype=np.int64)
        orgs = [a.org for a in attended]
        first = [i for i in range(m) if i == 0 or orgs[i] != orgs[i - 1]]
        self.orgs = [orgs[i] for i in first]
        self.org_at = np.array(first + [m], dtype=np.int64)
        self.index = {o: i for i, o in enumerate(self.orgs)}

    def __len__(self) -> int:
        return len(self.orgs)

    def __iter__(self) -> Iterator:
        return iter(self.orgs)

    def __getitem__(self, org) -> dict[str, Attendance]:
        i = self.index[org]
        return {a.event: a for a in self._made(self.org_at[i], self.org_at[i + 1])}

    def _made(self, start: int, stop: int) -> Iterator[Attendance]:
        """The attendances of rows start … stop-1, made again (plain lists read: no numpy scalars)."""
        at = self.evidence_at[start:stop + 1].tolist()
        orgs = (np.searchsorted(self.org_at, np.arange(start, stop), side="right") - 1).tolist()
        for k, (i, e, host, role, source) in enumerate(zip(orgs, self.event[start:stop].tolist(),
                                                          self.host[start:stop].tolist(), self.role[start:stop].tolist(),
                                                          self.source[start:stop].tolist())):
            yield Attendance(self.orgs[i], self.events[e], host, self.roles[role],
                             Prov(self.sources[source], frozenset(self.evidence[at[k]:at[k + 1]])))

    def attendances(self) -> Iterator[Attendance]:
        """Every attendance, made one at a time, by organisation, then event."""
        return self._made(0, len(self.event))

    def events_by_org(self) -> dict[str, list[str]]:
        """organisation -> its events (no `Attendance` made)."""
        at, events = self.org_at.tolist(), [self.events[c] for c in self.event.tolist()]
        return {org: events[at[i]:at[i + 1]] for i, org in enumerate(self.orgs)}

    def pairs(self) -> Iterator[tuple[str, str]]:
        """(organisation, event) of every attendance, by organisation, then event (no `Attendance` made)."""
        counts = np.diff(self.org_at).tolist()
        return zip([o for o, c in zip(self.orgs, counts) for _ in range(c)], [self.events[c] for c in self.event.tolist()])
