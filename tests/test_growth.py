"""Growth of the tie network after each held event of the programme's period."""

import ast
import datetime as dt
import importlib
import random
from pathlib import Path

import pytest

from medgraph.errors import MedgraphError
from medgraph.graph import growth as growth_module
from medgraph.graph.growth import COLUMNS, UNDATED, dated_events, growth, programme_period
from medgraph.graph.knowledge import example_graph, knowledge_graph, said
from medgraph.graph.metmatrix import coverage_by_country
from medgraph.graph.report import analyse
from medgraph.graph.ties import TieOptions, Window, attribution, ties_in


def test_one_row_per_held_event_in_date_order_and_the_undated_links_last():
    table = growth(example_graph())

    assert list(table.columns) == COLUMNS
    assert table[["date", "event", "name", "tied_organisations", "ties", "eu_share"]].values.tolist() == [
        [dt.date(2018, 11, 23), "visit-2018", "Benchmarking visit, Barcelona", 3, 3, 2 / 3],
        [dt.date(2019, 9, 13), "forum-2019", "Forum de Lyon", 5, 7, 2 / 3],
        [None, None, UNDATED, 6, 8, 2 / 3],
    ]
    # the undated membership is not credited to the first event
    assert table["new_ties"][0] == ["Olive Oil Cluster—Solar Energy Cluster",
                                    "Olive Oil Cluster—Technical Textile Cluster",
                                    "Solar Energy Cluster—Technical Textile Cluster"]
    assert table["new_ties"][2] == ["ESITH—Technical Textile Cluster"]


def test_without_undated_links_there_is_no_undated_row():
    K = example_graph()
    K.remove_edge("esith", "textile", "MEMBER_OF")

    assert growth(K)["event"].tolist() == ["visit-2018", "forum-2019"]


def programme_of(start, end, inner=None):
    """The example programme with dates (or, with `inner`, dated through the programme it is part of)."""
    K = example_graph()
    K.nodes["booster"].update(start=start, end=end)
    if inner:
        K.add_node("inner", label="Programme", name="Inner track")
        K.add_edge("inner", "booster", "PART_OF")
        for event in ("visit-2018", "forum-2019", "mission-2020"):
            K.remove_edge(event, "booster", "PART_OF")
            K.add_edge(event, "inner", "PART_OF")
    return K


def test_the_programme_period_comes_from_its_node_or_the_programme_it_is_part_of():
    assert programme_period(programme_of(2019, 2020)) == (dt.date(2019, 1, 1), dt.date(2020, 12, 31))
    assert programme_period(programme_of("2018-06-01", None, inner=True)) == (dt.date(2018, 6, 1), None)
    assert programme_period(programme_of(2019, 2020), "booster") == (dt.date(2019, 1, 1), dt.date(2020, 12, 31))
    assert programme_period(knowledge_graph([("x", "Organisation")], [])) is None


def test_growth_opens_with_the_programmes_first_event():
    K = programme_of(2019, 2020)

    table = growth(K)

    # the 2018 visit is before the programme: no row, and none of its ties
    assert table[["event", "ties", "new_ties"]].values.tolist()[0] == [
        "forum-2019", 4, ["Agri Sud Cluster—France Clusters", "Agri Sud Cluster—Technical Textile Cluster",
                          "France Clusters—Olive Oil Cluster", "France Clusters—Technical Textile Cluster"]]
    assert table["event"].tolist() == ["forum-2019", None]
    # the period is configurable: None for every date
    assert growth(K, period=None)["event"].tolist() == ["visit-2018", "forum-2019", None]
    assert growth(K, period=(None, dt.date(2018, 12, 31)))["event"].tolist() == ["visit-2018", None]


def test_an_agreement_dated_before_the_period_and_signed_at_no_event_of_it_is_left_out():
    K = programme_of(2019, 2020)
    K.remove_edge("agr-2019", "forum-2019", "SIGNED_AT")
    K.nodes["agr-2019"]["date"] = dt.date(2018, 5, 1)

    assert "France Clusters—Olive Oil Cluster" not in [t for ties in growth(K)["new_ties"] for t in ties]


def test_events_on_the_same_day_each_show_their_own_new_ties():
    day = dt.date(2019, 5, 1)
    K = knowledge_graph(
        [("a", "Organisation", {"name": "A"}), ("b", "Organisation", {"name": "B"}),
         ("c", "Organisation", {"name": "C"}),
         ("e1", "Event", {"start": day, "end": day}), ("e2", "Event", {"start": day, "end": day})],
        [("a", "ATTENDED", "e1"), ("b", "ATTENDED", "e1"), ("b", "ATTENDED", "e2"), ("c", "ATTENDED", "e2")])

    table = growth(K)

    assert table[["event", "ties", "new_ties"]].values.tolist() == [["e1", 1, ["A—B"]], ["e2", 2, ["B—C"]]]
    assert table["eu_share"].tolist() == [None, None]


def test_options_reach_the_tie_network_and_as_of_stops_the_rows():
    assert growth(example_graph(), TieOptions(members_for_cluster=True))["ties"].tolist() == [3, 7]
    assert growth(example_graph(), TieOptions(as_of=dt.date(2019, 1, 1)))["event"].tolist() == ["visit-2018", None]


def test_the_analysis_passes_its_as_of_and_period_to_growth():
    K = programme_of(2019, 2020)

    assert analyse(K, as_of=dt.date(2019, 1, 1)).tables["growth"].empty  # the programme's first event is later
    assert analyse(K, as_of=dt.date(2019, 1, 1), period=None).tables["growth"]["event"].tolist() == [
        "visit-2018", None]


def test_the_options_are_checked_when_made():
    with pytest.raises(MedgraphError, match="^as_of: expected a date, found '2019-01-01'$"):
        TieOptions(as_of="2019-01-01")
    with pytest.raises(TypeError, match="as_off"):
        TieOptions(as_off=dt.date(2019, 1, 1))


def test_growth_uses_only_the_public_names_of_the_tie_network():
    tree = ast.parse(Path(growth_module.__file__).read_text(encoding="utf-8"))
    imports = [(node.module, alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               and node.module.startswith("medgraph.graph.ties") for alias in node.names]

    assert imports and all(name in importlib.import_module(module).__all__ for module, name in imports)


def test_an_empty_programme_has_no_rows():
    assert list(growth(knowledge_graph([("x", "Organisation")], [])).columns) == COLUMNS


# --- the one-pass table equals the tie network rebuilt after each event --------------------------

def eu_share(T):
    """The share of South-Med clusters with an EU tie (None without clusters)."""
    coverage = coverage_by_country(T)
    return coverage["met_eu"].sum() / coverage["clusters"].sum() if len(coverage) else None


def rebuilt(K, options):
    """The definition: the tie network of everything up to each event, rebuilt each time, its
    undated ties (`first` None: no event or date behind them) left to a last row of their own."""
    att, done, before, out = attribution(K, options), [], set(), []
    rows = [(date, event, event) for date, event in dated_events(K)]
    for date, event, name in [*rows, (None, None, UNDATED)] if rows else []:
        done += [event] if event else []
        T = ties_in(K, Window(frozenset(done), rows[-1][0] if event is None else date), att)
        if event is not None:
            T.remove_edges_from([(u, v) for u, v, first in T.edges(data="first") if first is None])
        now = {tuple(sorted(edge)) for edge in T.edges}
        if event is None and now == before:
            break
        names = sorted("—".join(sorted(T.nodes[n]["name"] for n in pair)) for pair in now - before)
        out.append([date, event, name, sum(1 for n in T if T.degree(n)), len(now), eu_share(T), names])
        before = now
    return out


def random_programme(seed):
    """Organisations, events (some on one day, undated or planned), and every kind of link."""
    rng = random.Random(seed)
    regions = {"TN": "South-Med", "LB": "South-Med", "FR": "EU", "IT": "EU"}
    nodes = [(c, "Country", {"region": r}) for c, r in regions.items()]
    orgs = [f"o{i}" for i in range(12)]
    nodes += [(o, "Organisation", {"name": o.upper(), "country": rng.choice(list(regions)),
                                   "kind": rng.choice(["Cluster", "Cluster", "Company"])}) for o in orgs]
    days = [dt.date(2019, 1, d) for d in (5, 5, 9, 12, 20)] + [None]
    events = [f"e{i}" for i in range(8)]
    nodes += [(e, "Event", {"name": e, "start": day, "end": day, "status": rng.choice(["held"] * 4 + ["planned"])})
              for e, day in zip(events, [rng.choice(days) for _ in events])]
    nodes += [("p", "Person"), ("q", "Person"), ("a1", "Agreement", {"date": dt.date(2019, 1, 10)}),
              ("a2", "Agreement", {"date": None}), ("a3", "Agreement", {"date": dt.date(2019, 1, 1)})]
    edges = {(o, "ATTENDED", e): said("d", 1, role=rng.choice(["delegate", "delegate", "host"]))
             for o, e in ((rng.choice(orgs), rng.choice(events)) for _ in range(30))}
    edges.update({(o, "PARTY_TO", a): said("d", 2) for a in ("a1", "a2", "a3") for o in rng.sample(orgs, 2)})
    edges.update({("a3", "SIGNED_AT", rng.choice(events)): said("d", 3),
                  ("p", "WORKS_FOR", rng.choice(orgs)): said("d", 4),
                  ("q", "WORKS_FOR", rng.choice(orgs)): said("d", 4),
                  ("p", "MENTORS", "q"): said("d", 5, met_at=rng.choice(events + [None])),
                  (rng.choice(orgs), "MEMBER_OF", rng.choice(orgs)): said("d", 6),
                  (rng.choice(orgs), "POSSIBLY_SAME_AS", rng.choice(orgs)): said("d", 7)})
    return knowledge_graph(nodes, [(u, k, v, d) for (u, k, v), d in edges.items() if u != v])


@pytest.mark.parametrize("seed", range(20))
def test_the_table_equals_the_network_rebuilt_after_each_event(seed):
    K = random_programme(seed)
    for options in (TieOptions(), TieOptions(merge_possible=True, members_for_cluster=True)):
        assert growth(K, options).values.tolist() == rebuilt(K, options)
