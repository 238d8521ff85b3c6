"""The organisation tie network: who met whom, derived from the knowledge graph K.

Modules: `accessors` (what is read from K), `options` (`TieOptions`: time and attribution),
`links` (agreement, mentoring, membership, attendance), `projection` (the sparse one-mode
projection and its size cap), `evidence` (a tie's evidence listed on demand) and `assembly`
(`tie_graph`, `two_mode`) and `arrays` (`tie_arrays`: the same network as sparse matrices,
for networks above `medgraph.graph.engine.COMPILED_ABOVE` ties, its attendances held as arrays
by `attended`). This package exports
the public names of all of them that callers outside it need.

Ties
----
Two organisations are tied when

- ``co_attended``: both attended the same held event as delegates (a speaker, or an attendance
  with no role, counts as a delegate), or both hosted it;
- ``visited``: one attended an event as a delegate and the other hosted it;
- ``mentoring``: a person working for one MENTORS a person working for the other (a person
  with no WORKS_FOR makes no tie);
- ``agreement``: both are PARTY_TO the same agreement;
- ``membership``: one is MEMBER_OF the other.

An organisation attends an event through its own ATTENDED relationship or that of a person who
WORKS_FOR it (a person's attendance counts for each employer, and its evidence includes the
WORKS_FOR line). When one organisation attends an event more than once this way, hosting wins.

Projection and weights
----------------------
`two_mode` is the bipartite organisation–event graph of these attendances. Its one-mode
projection onto the organisations gives the co_attended and visited ties (`projection`): with
``weighting="count"`` each shared event adds 1 to a pair; with ``weighting="newman"``
(Newman's collaboration weighting, 2001) an event attended by k organisations adds 1/(k-1) to
each pair of them, so that an organisation's ties from one event weigh 1 in all. In matrix
terms, B is the organisations × events incidence matrix, S = diag(1/(k_e-1)) (or the identity)
and the weights are the off-diagonal entries of B·S·Bᵀ; the result equals networkx's
``weighted_projected_graph`` and ``collaboration_weighted_projected_graph``. The weight a pair
gets from one event is typed ``visited`` when exactly one of the two hosted it, ``co_attended``
otherwise. Every mentoring relationship, agreement and membership adds 1 of its type.

An edge of the tie graph carries ``weight`` (the sum over types), ``types`` (type -> weight),
``count`` (distinct supporting events, agreements, mentoring and membership relationships),
``events`` (the events behind it: shared events, the events agreements were signed at and
mentoring pairs met at), ``sources`` and ``evidence`` (of every relationship it rests on) and
``first`` (the earliest start of those events or date of those agreements; None when undated);
above ``explicit_max`` the last four come from `tie_evidence` (below).

Size (``explicit_max``, ``max_pairs``)
--------------------------------------
Listing the evidence of every tie per shared event makes the work and memory of the attendance
ties grow with the *pair incidences*: the sum over events of k(k-1)/2 for an event of k attending
organisations (the M benchmark's 1.9 million took 4.7 GiB that way). Above ``explicit_max``
(default `EXPLICIT_MAX`, 500,000) that evidence stays implicit (`medgraph.graph.ties.evidence`):
an attendance tie carries ``weight``, ``types`` and ``count`` from the sparse products, and
`tie_evidence(T, a, b)` lists its ``events``, ``sources``, ``evidence`` and ``first`` when asked;
``T.graph["evidence"]`` says "explicit" or "implicit". Above ``max_pairs`` (default `MAX_PAIRS`,
5,000,000) `tie_graph` and `projection` refuse with a one-line MedgraphError that gives the
count, rather than build a NetworkX graph of tens of millions of edges; `pair_incidences` counts
them beforehand. The analyses of a larger network run on arrays (`medgraph.graph.engine`).

Time (``as_of``)
----------------
Planned events never make ties. An event counts when it is held and, with ``as_of``, its end
date (its start when it has no end) is on or before ``as_of``; an undated event counts only
without ``as_of``. An agreement signed at a held event counts when that event does, any other
when dated on or before ``as_of``. A mentoring relationship whose ``met_at`` is a held event
counts when that event does. Undated links — memberships, other mentoring relationships,
undated agreements — are always present, except when ``as_of`` falls before the first held
event: then there are no ties at all (only the nodes).

Nodes
-----
Every Organisation of K is a node with its attributes, isolated ones included, except that

- ``merge_possible=True``: organisations joined (transitively) by POSSIBLY_SAME_AS become one
  node, the one with most ATTENDED relationships in K (then the smallest id), whatever
  ``as_of``, so one node stands for them at every date; it lists the others in ``merged``;
- ``members_for_cluster=True``: an organisation that is MEMBER_OF a Cluster, and is not itself
  a Cluster, counts for that cluster (for each, if several): its attendances, agreements,
  mentoring and memberships become the cluster's, with the MEMBER_OF line added to the
  evidence; it leaves the graph and the cluster lists it in ``members``.
"""

from __future__ import annotations

from medgraph.graph.ties.arrays import TieArrays, is_arrays, tie_arrays
from medgraph.graph.ties.assembly import tie_graph, ties_in, two_mode
from medgraph.graph.ties.evidence import EVIDENCE_KEYS, EXPLICIT_MAX, tie_evidence
from medgraph.graph.ties.options import WEIGHTINGS, Attribution, TieOptions, Window, attribution, window
from medgraph.graph.ties.projection import MAX_PAIRS, pair_incidences, projected_weights, projection
from medgraph.schema import TIE_TYPES

__all__ = ["tie_graph", "two_mode", "ties_in", "TieOptions", "WEIGHTINGS", "Window", "window", "Attribution",
           "attribution", "projection", "projected_weights", "pair_incidences", "MAX_PAIRS", "TIE_TYPES", "tie_evidence",
           "EXPLICIT_MAX", "EVIDENCE_KEYS", "TieArrays", "tie_arrays", "is_arrays"]
