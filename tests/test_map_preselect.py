"""The map of a large network: preselected from one quick pass over K's attendances, the same
as the slow way (the two-mode graph, K without the other organisations, every attendance for
the levels of "met"), on invented graphs with the size threshold lowered."""

from __future__ import annotations

import datetime as dt
import random

import networkx as nx
import pytest

from medgraph.graph import met, ties
from medgraph.graph.knowledge import knowledge_graph, said
from medgraph.graph.maps import basis, map_data
from medgraph.graph.maps.basis import basis_of
from medgraph.graph.ties.links import attendances, attended_events
from medgraph.schema import is_south_med_cluster

COUNTRIES = [("TN", "South-Med"), ("MA", "South-Med"), ("EG", "South-Med"), ("FR", "EU"), ("ES", "EU"),
             ("IT", "EU"), ("TR", "Other")]
KINDS = ["Cluster", "Cluster", "Company", "Cluster", "Agency", "Network", "Cluster"]
SEEDS = [1, 2, 4]  # together they reach every level (the test below checks it)
OPTIONS = [{}, {"as_of": dt.date(2019, 6, 30)}, {"members_for_cluster": True}, {"merge_possible": True}]


def invented_graph(seed: int, n_orgs: int = 60, n_events: int = 24) -> nx.MultiDiGraph:
    """Organisations of seven countries at events in and outside the EU: hosts, people who attend
    for their employer, organisers, partial participant lists, missions within forums, a
    planned event, agreements, mentoring, memberships and possible duplicates."""
    rng = random.Random(seed)
    nodes = [(code, "Country", {"name": code, "region": region}) for code, region in COUNTRIES]
    orgs = [f"o{i:02d}" for i in range(n_orgs)]
    nodes += [(o, "Organisation", {"name": f"Org {o}", "kind": KINDS[i % len(KINDS)],
                                   "country": COUNTRIES[3 + i % 3 if i % 6 == 5 else rng.choice([0, 1, 2, 6])][0]})
              for i, o in enumerate(orgs)]  # one in six in the EU
    events = [f"e{j:02d}" for j in range(n_events)]
    nodes += [(e, "Event", {"name": f"Event {e}", "start": dt.date(2018, 1, 1) + dt.timedelta(days=30 * j),
                            "status": "planned" if j == n_events - 1 else "held", "country": rng.choice(COUNTRIES)[0],
                            "participants_partial": rng.random() < 0.3})
              for j, e in enumerate(events)]
    people = [f"p{i:02d}" for i in range(20)]
    nodes += [(p, "Person", {"name": f"Person {p}"}) for p in people]
    nodes += [("a1", "Agreement", {"name": "Agreement 1", "date": dt.date(2019, 3, 1)}), ("doc", "Document", {})]
    edges, line = [], iter(range(1, 10_000))
    weights = [1 / (i + 1) for i in range(n_orgs)]  # a few organisations attend far more
    for e in events:
        who = {rng.choices(orgs, weights)[0] for _ in range(rng.randint(2, 4))} | {rng.choice(people)}
        edges += [(w, "ATTENDED", e, said("doc", next(line), role=rng.choice(["delegate", "delegate", "host"])))
                  for w in sorted(who)]
        if rng.random() < 0.3:
            edges.append((rng.choice(orgs), "ORGANISED", e, said("doc", next(line), role="organiser")))
    edges += [(events[j], "PART_OF", events[j + 1], said("doc", next(line))) for j in (3, 8)]
    edges += [(p, "WORKS_FOR", rng.choice(orgs), said("doc", next(line))) for p in people]
    edges += [(o, "PARTY_TO", "a1", said("doc", next(line))) for o in rng.sample(orgs, 3)]
    edges += [("p00", "MENTORS", "p01", said("doc", next(line), met_at=events[5])),
              (orgs[50], "MEMBER_OF", orgs[1], said("doc", next(line))),
              (orgs[40], "POSSIBLY_SAME_AS", orgs[3], said("doc", next(line)))]
    return knowledge_graph(nodes, edges)


@pytest.fixture
def large(monkeypatch):
    """Every network counts as large: the map preselects."""
    monkeypatch.setattr(basis, "LARGE_PAIRS", 0)


def without_others(K: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    """The slow way: K without the organisations outside the n that attended most events of the
    two-mode graph (then by id)."""
    B = ties.two_mode(K)
    orgs = sorted((o for o, d in B.nodes(data=True) if d["bipartite"] == 0), key=lambda o: (-B.degree(o), o))
    return K.subgraph(x for x in K if x not in set(orgs[n:])).copy()


def levels_of(table) -> dict:
    return {row["south_id"]: (row["level"], bool(row["uncertain"])) for row in table.to_dict("records")}


@pytest.mark.parametrize("seed", SEEDS)
def test_the_preselected_tie_network_is_the_one_of_k_without_the_other_organisations(large, seed):
    K = invented_graph(seed)
    chosen = basis_of(K, max_nodes=20)
    assert chosen.preselected and chosen.organisations == 60
    slow = ties.tie_graph(without_others(K, 20))
    assert dict(chosen.T.nodes(data=True)) == dict(slow.nodes(data=True))
    assert sorted(chosen.T.edges(data=True)) == sorted(slow.edges(data=True))


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("seed", SEEDS)
def test_the_levels_of_the_clusters_shown_are_those_of_the_whole_network(large, seed, options):
    K = invented_graph(seed)
    chosen = basis_of(K, max_nodes=20, **options)
    whole = levels_of(met.met_levels(K, ties.TieOptions(**options)))
    clusters = [n for n, d in chosen.T.nodes(data=True) if is_south_med_cluster(d)]
    assert clusters and chosen.cluster_levels == {c: whole[c] for c in clusters}


def test_the_invented_graphs_reach_every_level_and_clusters_meet_beyond_the_preselection(large):
    # What the test above compares: every level, and a cluster whose only EU peers lie outside
    # the preselection (the levels of the preselected network alone would be wrong).
    found, beyond = set(), 0
    for seed in SEEDS:
        K = invented_graph(seed)
        chosen = basis_of(K, max_nodes=20)
        found |= set(chosen.cluster_levels.values())
        T = ties.tie_graph(K)
        beyond += sum(1 for c, (level, _) in chosen.cluster_levels.items()
                      if level == "peer" and not set(met.eu_partners(T, c)) & set(chosen.T))
    assert {level for level, _ in found} == {"peer", "organiser_or_host", "eu_event", None}
    assert (None, True) in found and beyond > 0


@pytest.mark.parametrize("seed", SEEDS)
def test_the_map_shows_and_marks_what_the_slow_way_gives(large, seed):
    K = invented_graph(seed)
    data = map_data(K, max_nodes=20)
    slow = ties.tie_graph(without_others(K, 20))
    whole = levels_of(met.met_levels(K))
    shown = {n["id"] for n in data.nodes}
    assert shown == set(slow)
    assert {n["id"]: n["marked"] for n in data.nodes if n["marked"]} == {
        c: "uncertain" if uncertain else "no_contact" for c, (level, uncertain) in whole.items()
        if c in shown and level is None}
    assert data.notice.endswith("Ranked among the 20 organisations that attended most events, of 60 "
                                "(a network this large is not ranked whole).")
    B = ties.two_mode(K)
    attended = {n: sorted(B[n], key=lambda e: (K.nodes[e]["start"], e)) for n in shown}
    assert all(f"Events attended ({len(attended[n['id']])})" in " ".join(n["tip"]) for n in data.nodes)


@pytest.mark.parametrize("options", OPTIONS)
def test_the_quick_pass_and_the_narrowed_attendances_agree_with_the_whole_list(options):
    K = invented_graph(4)
    tie_options = ties.TieOptions(**options)
    W, att = ties.window(K, tie_options.as_of), ties.attribution(K, tie_options)
    whole = attendances(K, W, att)
    by_org = {}
    for a in whole:
        by_org.setdefault(a.org, set()).add(a.event)
    assert attended_events(K, W, att) == by_org
    some_events, some_orgs = set(sorted(W.events)[::3]), {a.org for a in whole[::4]}
    assert attendances(K, W, att, events=some_events) == [a for a in whole if a.event in some_events]
    assert attendances(K, W, att, orgs=some_orgs) == [a for a in whole if a.org in some_orgs]
    assert attendances(K, W, att, events=some_events, orgs=some_orgs) == [
        a for a in whole if a.event in some_events and a.org in some_orgs]
