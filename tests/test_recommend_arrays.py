"""Next meetings on the tie network as arrays: Adamic–Adar estimated from each cluster's
strongest partners, its shortlist scored exactly (invented programmes)."""

import datetime as dt
import random

import pytest

from medgraph.graph import recommend
from medgraph.graph.knowledge import example_graph
from medgraph.graph.recommend import ranked_arrays, ranked_candidates
from medgraph.graph.ties import tie_arrays, tie_graph
from medgraph.schema import is_eu


def a_programme_of_many_forums(seed: int = 0):
    """The example programme, 10 more South-Med clusters, 25 EU organisations and 15 forums,
    each attended by 8 of them drawn at random."""
    K, rng = example_graph(), random.Random(seed)
    for i in range(10):
        K.add_node(f"south-{i}", label="Organisation", name=f"South {i}", kind="Cluster", country="TN",
                   region="South-Med", aliases=[], sector=rng.choice(["agri-food", "textile", None]))
    for i in range(25):
        K.add_node(f"eu-{i}", label="Organisation", name=f"EU {i:02}", kind=rng.choice(["Cluster", "Company"]),
                   country="FR", region="EU", aliases=[], sector=rng.choice(["agri-food", "energy", None]))
    orgs = sorted(n for n, d in K.nodes(data=True) if d["label"] == "Organisation")
    for f in range(15):
        K.add_node(f"forum-{f}", label="Event", name=f"Forum {f}", status="held", start=dt.date(2019, 1, 1 + f),
                   end=dt.date(2019, 1, 1 + f), region="EU", country="FR")
        for org in rng.sample(orgs, 8):
            K.add_edge(org, f"forum-{f}", "ATTENDED", role="delegate", sources=[f"doc-{f}"], evidence=[f"doc-{f}:{org}"])
    return K


def exact(T, keep):
    return {s: found[:keep] for s in recommend.south_clusters(T) if (found := ranked_candidates(T, s))}


def test_on_the_arrays_every_partner_counted_gives_networkx_ranking():
    K = a_programme_of_many_forums()
    A, T = tie_arrays(K), tie_graph(K)

    arrays, reference = ranked_arrays(A, keep=5), exact(T, 5)

    assert [(s, [r["eu_id"] for r in found]) for s, found in sorted(arrays.items())] == \
        [(s, [r["eu_id"] for r in found]) for s, found in sorted(reference.items())]
    for s, found in arrays.items():
        assert [r["score"] for r in found] == pytest.approx([r["score"] for r in reference[s]])


def test_with_every_candidate_shortlisted_one_partner_counted_changes_nothing():
    A = tie_arrays(a_programme_of_many_forums(seed=1))
    everyone = int(A.mask(is_eu).sum())

    assert max(A.degrees) > 1
    assert ranked_arrays(A, keep=5, partners=1, shortlist=everyone) == ranked_arrays(A, keep=5)


def test_a_shortlisted_candidate_is_scored_exactly_even_when_the_estimate_counts_one_partner():
    K = a_programme_of_many_forums(seed=2)
    A, T = tie_arrays(K), tie_graph(K)
    scores = {(s, r["eu_id"]): r["score"] for s, found in exact(T, None).items() for r in found}

    estimated = ranked_arrays(A, keep=3, partners=1, shortlist=3)

    assert estimated
    for s, found in estimated.items():
        assert [r["score"] for r in found] == sorted((r["score"] for r in found), reverse=True)
        for r in found:
            assert r["score"] == pytest.approx(scores[s, r["eu_id"]])


def test_next_meetings_count_every_partner_of_a_cluster_with_no_more_than_the_partners_counted(monkeypatch):
    K = a_programme_of_many_forums(seed=3)
    A, T = tie_arrays(K), tie_graph(K)
    monkeypatch.setattr(recommend, "COMMON_PARTNERS", int(max(A.degrees)))
    monkeypatch.setattr(recommend, "SHORTLIST", 1)

    assert recommend.next_meetings(A).equals(recommend.next_meetings(T))
