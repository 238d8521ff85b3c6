"""Levels of "met": a named EU peer, an EU organiser or host, an EU event with unnamed others."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from medgraph import schema
from medgraph.graph.knowledge import knowledge_graph, said
from medgraph.graph.met import (
    COLUMNS,
    EVIDENCE_CHARS,
    headline,
    level_counts,
    levels_by_country,
    met_levels,
    unmet,
)
from medgraph.graph.readout import read_graph
from medgraph.graph.report import analyse, write_report
from medgraph.graph.ties import TieOptions
from medgraph.loaders.load import DEFAULT_DATA, load

SCHEMA_MD = Path(__file__).parent.parent / "graph" / "SCHEMA.md"
DAY = dt.date(2019, 6, 14)


def programme(*edges, partial=()):
    """An invented programme: clusters in Tunisia and Lebanon, EU organisations in Italy and
    France, a visit in Italy, a fair in France with a mission within it, a summit in Tunisia."""
    countries = [("TN", "Country", {"region": "South-Med"}), ("LB", "Country", {"region": "South-Med"}),
                 ("IT", "Country", {"region": "EU"}), ("FR", "Country", {"region": "EU"})]
    orgs = [(n, "Organisation", {"name": name, "kind": kind, "country": country}) for n, name, kind, country in (
        ("olive", "Olive Cluster", "Cluster", "TN"), ("dates", "Dates Cluster", "Cluster", "TN"),
        ("cedar", "Cedar Cluster", "Cluster", "LB"), ("agency", "Piedmont Agency", "Agency", "IT"),
        ("network", "French Network", "Network", "FR"), ("textile", "Textile Cluster", "Cluster", "IT"),
        ("maker", "A Lebanese Company", "Company", "LB"))]
    events = [(e, "Event", {"name": name, "start": DAY, "end": DAY, "country": country,
                            "participants_partial": e in partial}) for e, name, country in (
        ("visit", "Visit in Piedmont", "IT"), ("fair", "Fair in Paris", "FR"), ("mission", "Mission at the fair", "FR"),
        ("summit", "Summit in Tunis", "TN"))]
    return knowledge_graph(countries + orgs + events, [("mission", "PART_OF", "fair", said("d", 1)), *edges])


def attends(org, event, line=2, role="delegate"):
    return (org, "ATTENDED", event, said("d", line, role=role))


def organises(org, event, line=3, role="organiser"):
    return (org, "ORGANISED", event, said("d", line, role=role))


def levels_by_id(K, options=TieOptions()):
    return met_levels(K, options).set_index("south_id")


def test_a_named_eu_peer_is_the_best_level():
    K = programme(attends("olive", "visit"), attends("textile", "visit"), organises("agency", "visit"))

    row = levels_by_id(K).loc["olive"]

    assert (row["level"], row["peers"], row["organisers_hosts"], row["eu_events"]) == ("peer", 1, 1, 0)
    assert row["evidence"] == "peer: Textile Cluster (co_attended: d:2)"


def test_the_organiser_of_an_event_attended_is_met_as_organiser():
    K = programme(attends("olive", "visit"), attends("dates", "visit"), organises("agency", "visit"))

    table = met_levels(K)

    assert list(table.columns) == COLUMNS
    olive = table.set_index("south_id").loc["olive"]
    assert (olive["level"], olive["peers"], olive["organisers_hosts"], olive["eu_events"]) == (
        "organiser_or_host", 0, 1, 1)  # the visit in Italy names no EU participant
    assert olive["evidence"] == "organiser_or_host: Piedmont Agency (organised Visit in Piedmont: d:3)"
    assert list(unmet(table)["id"]) == ["cedar"]


def test_a_supporter_is_not_met_but_a_co_organiser_is():
    supported = programme(attends("olive", "summit"), organises("network", "summit", role="support"))
    co_organised = programme(attends("olive", "summit"), organises("network", "summit", role="co-organiser"))

    assert levels_by_id(supported).loc["olive", "level"] is None
    assert levels_by_id(co_organised).loc["olive", ["level", "evidence"]].tolist() == [
        "organiser_or_host", "organiser_or_host: French Network (co-organiser of Summit in Tunis: d:3)"]


def test_the_organiser_of_the_fair_a_mission_is_part_of_is_met():
    K = programme(attends("cedar", "mission"), organises("network", "fair"))

    assert levels_by_id(K).loc["cedar", ["level", "organisers_hosts"]].tolist() == ["organiser_or_host", 1]


def test_the_host_of_the_fair_is_met_by_the_missions_delegates():
    K = programme(attends("cedar", "mission"), attends("network", "fair", role="host"))

    assert levels_by_id(K).loc["cedar", ["level", "evidence"]].tolist() == [
        "organiser_or_host", "organiser_or_host: French Network (hosted Fair in Paris: d:2)"]


def test_an_eu_event_with_unnamed_participants_is_the_third_level():
    K = programme(attends("cedar", "mission"), attends("dates", "fair"), attends("textile", "fair"),
                  partial=("fair",))

    table = levels_by_id(K)

    assert table.loc["cedar", ["level", "eu_events", "evidence"]].tolist() == [
        "eu_event", 1, "eu_event: Mission at the fair"]
    # the fair names an EU participant, but its list is partial: it counts as an EU event too
    assert table.loc["dates", ["level", "peers", "eu_events"]].tolist() == ["peer", 1, 1]


def test_a_cluster_at_a_partial_event_outside_the_eu_is_uncertain_rather_than_unmet():
    K = programme(attends("olive", "summit"), attends("dates", "summit"), partial=("summit",))

    table = met_levels(K)

    assert unmet(table).values.tolist() == [["cedar", "Cedar Cluster", "LB", False],
                                           ["dates", "Dates Cluster", "TN", True],
                                           ["olive", "Olive Cluster", "TN", True]]
    assert table.set_index("south_id").loc["olive", "evidence"] == (
        "uncertain: participant list partial: Summit in Tunis")


def test_the_levels_follow_as_of_and_attribution():
    K = programme(attends("maker", "visit"), organises("agency", "visit"),
                  ("maker", "MEMBER_OF", "cedar", said("d", 4)))

    assert levels_by_id(K).loc["cedar", "level"] is None
    assert levels_by_id(K, TieOptions(members_for_cluster=True)).loc["cedar", "level"] == "organiser_or_host"
    before = TieOptions(members_for_cluster=True, as_of=DAY - dt.timedelta(days=1))
    assert levels_by_id(K, before).loc["cedar", "level"] is None


def test_the_evidence_is_cut_to_a_readable_length():
    peers = [(f"eu{i}", "Organisation", {"name": f"European Cluster Number {i}", "kind": "Cluster", "country": "IT"})
             for i in range(30)]
    K = programme()
    for node, label, props in peers:
        K.add_node(node, label=label, region="EU", **props)
        K.add_edge(node, "visit", "ATTENDED", role="host", evidence=["d:9"], sources=["d"])
    K.add_edge("olive", "visit", "ATTENDED", role="delegate", evidence=["d:2"], sources=["d"])

    evidence = levels_by_id(K).loc["olive", "evidence"]

    assert len(evidence) == EVIDENCE_CHARS and evidence.endswith("…")


def test_counts_unmet_and_the_headline_agree():
    K = programme(attends("olive", "visit"), attends("textile", "visit"), attends("dates", "summit"),
                  partial=("summit",))
    table = met_levels(K)
    counts = level_counts(table)

    assert counts == {"peer": 1, "organiser_or_host": 0, "eu_event": 0}
    assert levels_by_country(table).values.tolist() == [["LB", 1, 0, 0, 0, 1, 0], ["TN", 2, 1, 0, 0, 1, 1]]
    summary = {"organisations": 7, "ties": 1, "south_med_clusters": len(table), "met_levels": counts,
               "met_none": len(unmet(table)), "met_uncertain": int(unmet(table)["uncertain"].sum())}
    assert headline(summary) == ("7 organisations, 1 ties; 1 of 3 South-Med clusters have met a named EU peer, "
                                 "0 more an EU organiser or host, 0 more attended an EU event; 2 met none "
                                 "(1 uncertain)")


def test_schema_md_lists_the_levels_as_the_schema_module_does():
    text = SCHEMA_MD.read_text(encoding="utf-8")
    section = text.split("\n## Levels of met\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert [line.split("`")[1] for line in rows] == list(schema.MET_LEVELS)
    assert set(schema.MET_LEVEL_MEANINGS) == set(schema.MET_LEVELS)


# --- on the seed data (the project's own data/, read back from the real Neo4j) ----------------------

PIEDMONT_DELEGATES = {"agrinova", "c2tm", "maroc-numeric", "moroccan-denim", "borg-al-arab", "ereci", "qoot"}


def test_on_the_seed_data_the_piedmont_delegates_met_an_organiser_and_the_summary_equals_the_csvs(
        db, neo4j_settings, tmp_path):
    load(db, neo4j_settings.database, [DEFAULT_DATA])
    analysis = analyse(read_graph(db, neo4j_settings.database))
    levels = analysis.tables["met_levels"].set_index("south_id")

    assert PIEDMONT_DELEGATES <= set(levels.index)
    assert set(levels.loc[sorted(PIEDMONT_DELEGATES), "level"]) == {"organiser_or_host"}
    assert not PIEDMONT_DELEGATES & set(analysis.tables["not_met_eu"]["id"])
    assert all(len(e) <= EVIDENCE_CHARS for e in levels["evidence"].dropna())

    write_report(analysis, tmp_path)
    csv = pd.read_csv(tmp_path / "met_levels.csv")
    unmet_csv = pd.read_csv(tmp_path / "not_met_eu.csv")
    s = analysis.summary
    assert s["met_levels"] == {level: int((csv["level"] == level).sum()) for level in schema.MET_LEVELS}
    assert s["met_an_eu_peer"] == s["met_levels"]["peer"]
    assert s["met_none"] == len(unmet_csv) == int(csv["level"].isna().sum())
    assert s["met_uncertain"] == int(unmet_csv["uncertain"].sum())
    assert s["south_med_clusters"] == len(csv) == sum(s["met_levels"].values()) + s["met_none"]
    by_country = pd.read_csv(tmp_path / "met_levels_by_country.csv")
    assert by_country[[*schema.MET_LEVELS, "none", "uncertain"]].sum().tolist() == [
        *s["met_levels"].values(), s["met_none"], s["met_uncertain"]]
