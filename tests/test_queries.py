"""The Cypher questions of queries/: every file run on the real Neo4j, and `medgraph query`."""

from __future__ import annotations

import math
import re
import shutil
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from medgraph import queries
from medgraph.errors import QueryError
from medgraph.graph.readout import read_graph
from medgraph.graph.report import analyse
from medgraph.graph.ties import tie_graph
from medgraph.loaders.load import DEFAULT_DATA, load
from medgraph.stats import graph_checksum

DATA = Path(__file__).parent / "fixtures" / "data"
SCHEMA = Path(__file__).parent.parent / "graph" / "SCHEMA.md"
EVIL = "x' OR 1=1 //`}"


def rows(frame: pd.DataFrame) -> set[tuple]:
    """A DataFrame's rows as a set of tuples of plain values (lists as tuples, nulls as None)."""
    def plain(value):
        if isinstance(value, list):
            return tuple(plain(v) for v in value)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return value.item() if hasattr(value, "item") else value

    return {tuple(plain(v) for v in row) for row in frame.itertuples(index=False, name=None)}


def with_more(tmp_path: Path) -> Path:
    """The fixture data plus a cluster that met no EU peer, a planned event, and an alias made of
    quotes, a comment, a backtick and a brace."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    registry = data / "registry.yaml"
    last = "  - {id: sun-coast, name: Sun Coast Cluster, kind: Cluster, country: FR}\n"
    assert last in registry.read_text()
    registry.write_text(registry.read_text().replace(last, last + textwrap.dedent("""\
          - {id: argan-ma, name: Argan Valley Cluster, kind: Cluster, country: MA, aliases: ["Pôle de l'Arganier"]}
          - {id: odd-lab, name: Odd Lab, kind: Company, country: FR, aliases: ["x' OR 1=1 //`}"]}
        """).replace("- {", "  - {")))
    (data / "documents" / "tunis.yaml").write_text(textwrap.dedent("""\
        document: {id: tunis-2020, file: tunis.txt, title: Tunis notes, date: 2020-06-30, language: en, sha256: "00"}
        facts:
          - {fact: event, id: workshop-2020-tunis, name: Atelier de Tunis, kind: workshop, start: 2020-02-10,
             end: 2020-02-11, date_precision: day, city: Tunis, country: Tunisia, status: held, line: 1}
          - {fact: attendance, event: workshop-2020-tunis, name: Argan Valley Cluster, role: delegate, line: 2}
          - {fact: attendance, event: workshop-2020-tunis, name: Dates & Palm Cluster, role: host, line: 2}
          - {fact: event, id: techdays-2020-marseille, name: TechDays Marseille, kind: techdays, start: 2020-11-01,
             date_precision: month, city: Marseille, country: France, status: planned, line: 3}
          - {fact: attendance, event: techdays-2020-marseille, name: Argan Valley Cluster, role: delegate, line: 3}
          - {fact: attendance, event: techdays-2020-marseille, name: Sun Coast Cluster, role: host, line: 3}
          - {fact: attendance, event: techdays-2020-marseille, name: Odd Lab, role: speaker, line: 4}
        """))
    return data


# --- pure: finding, checking and printing queries ---------------------------------------------

def test_parameters_inside_comments_strings_and_quoted_names_are_not_parameters():
    text = textwrap.dedent("""\
        // Parameters: $documented
        MATCH (o:Organisation {id: $id}) /* $block
           $comment */
        WHERE o.name <> 'it''s $single \\' $escaped' AND o.note <> "$double" AND o.`$odd` = $value
        RETURN o, $id AS again
        """)
    assert queries.parameters_of(text) == ["id", "value"]


def test_every_query_opens_with_what_it_answers_its_parameters_and_its_columns():
    for query in queries.list_queries():
        header = [line for line in query.text.splitlines() if line.startswith("//")]
        text = "\n".join(header)
        assert query.description.endswith("."), query.name
        assert header[1].startswith("// Parameters: ") and "// Returns: " in text, query.name
        documented = re.findall(r"\$(\w+)", text[text.index("Parameters:"):text.index("Returns:")])
        assert documented == query.parameters, query.name


def test_parameters_are_given_as_key_value_strings():
    assert queries.parse_parameters(["a=C2TM", "b=Sun = Coast"]) == {"a": "C2TM", "b": "Sun = Coast"}
    with pytest.raises(QueryError, match=r"^-p: expected key=value, found 'C2TM'$"):
        queries.parse_parameters(["C2TM"])


def test_a_missing_or_unused_parameter_is_named_before_anything_runs():
    query = queries.find_query("who_met_whom")
    with pytest.raises(QueryError, match=r"^query who_met_whom needs the parameter \$b: give it with -p b=VALUE$"):
        queries.check_parameters(query, {"a": "C2TM"})
    with pytest.raises(QueryError, match=r"^query who_met_whom has no parameter \$name \(it uses: \$a, \$b\)$"):
        queries.check_parameters(query, {"a": "C2TM", "b": "ESITH", "name": "x"})


def test_an_unknown_query_suggests_the_closest_names():
    with pytest.raises(QueryError, match=r"^unknown query 'who_met' \(closest: who_met_whom\): "):
        queries.find_query("who_met")


def test_rows_print_as_a_table_csv_or_json():
    frame = pd.DataFrame({"name": ["ESITH", "C2TM"], "hops": [3, None], "evidence": [["f:4", "v:5"], []]})
    assert queries.render(frame, "table") == ("name  hops evidence\n"
                                                  "ESITH 3    f:4; v:5\n"
                                                  "C2TM\n")
    assert queries.render(frame, "csv") == "name,hops,evidence\nESITH,3,f:4; v:5\nC2TM,,\n"
    assert queries.render(frame, "json") == textwrap.dedent("""\
        [
          {
            "name": "ESITH",
            "hops": 3,
            "evidence": [
              "f:4",
              "v:5"
            ]
          },
          {
            "name": "C2TM",
            "hops": null,
            "evidence": []
          }
        ]
        """)
    assert queries.render(frame.iloc[:0], "table") == "(no rows)\n"


# --- Neo4j: every query on the fixture graph ----------------------------------------------------

CASES = {
    "organisation_profile": (
        {"name": "CLUSTER huile d'Olivé nord-ouest"},  # the French alias, any case, a stray accent
        ["id", "fact", "item", "detail", "date", "evidence"],
        {("olive-nw", "name", "North West Olive Oil Cluster", None, None, ("forum-2019:6", "visit-2018:4")),
         ("olive-nw", "alias", "Cluster Huile d'olive Nord-Ouest", None, None, ()),
         ("olive-nw", "kind", "Cluster", None, None, ()),
         ("olive-nw", "country", "Tunisia", "South-Med", None, ("forum-2019:6", "registry:3", "visit-2018:4")),
         ("olive-nw", "attended", "Benchmarking visit, Barcelona", "delegate", "2018-11-19", ("visit-2018:4",)),
         ("olive-nw", "agreement", "partnership agreement", "France Clusters", "2019-09-13", ("forum-2019:6",))}),
    "event_participants": (
        {"event": "FORUM DE LYON"},
        ["event", "start", "country", "participant", "kind", "role", "evidence"],
        {("Forum de Lyon", "2019-09-13", "France", "Jean Morel (Sun Coast Cluster)", "Person", "delegate",
          ("forum-2019:5",)),
         ("Forum de Lyon", "2019-09-13", "Morocco", "ESITH", "School", "delegate", ("forum-2019:4",)),
         ("Forum de Lyon", "2019-09-13", "Morocco", "Moroccan Technical Textile Cluster", "Cluster", "delegate",
          ("forum-2019:3",))}),
    "who_met_whom": (  # Sun Coast Cluster attends the forum through Jean Morel, who works for it
        {"a": "c2tm", "b": "Sun Coast Cluster"},
        ["a", "b", "level", "how", "via", "detail", "date", "evidence"],
        {("Moroccan Technical Textile Cluster", "Sun Coast Cluster", "peer", "event", "Forum de Lyon",
          "delegate / delegate via Jean Morel", "2019-09-13", ("forum-2019:3", "forum-2019:5")),
         ("Moroccan Technical Textile Cluster", "Sun Coast Cluster", "peer", "mentoring",
          "Jean Morel mentors Amal Haddad", "met at Forum de Lyon", "2019-09-13", ("forum-2019:5",))}),
    "south_med_clusters_and_eu_peers": (  # ACCIO and France Clusters organised the visit
        {},
        ["cluster", "cluster_country", "eu_organisation", "eu_country", "level", "meetings", "ways", "evidence"],
        {("Date and Palm Cluster", "PS", "Solar Energy Cluster", "ES", "peer", 1,
          ("event: Benchmarking visit, Barcelona (2018-11-19)",), ("visit-2018:5", "visit-2018:6")),
         ("Dates & Palm Cluster", "TN", "Solar Energy Cluster", "ES", "peer", 1,
          ("event: Benchmarking visit, Barcelona (2018-11-19)",), ("visit-2018:4", "visit-2018:6")),
         ("Moroccan Technical Textile Cluster", "MA", "Solar Energy Cluster", "ES", "peer", 1,
          ("event: Benchmarking visit, Barcelona (2018-11-19)",), ("visit-2018:5", "visit-2018:6")),
         ("Moroccan Technical Textile Cluster", "MA", "Sun Coast Cluster", "FR", "peer", 2,
          ("event: Forum de Lyon (2019-09-13)", "mentoring: Jean Morel mentors Amal Haddad (met at Forum de Lyon)"),
          ("forum-2019:3", "forum-2019:5")),
         ("North West Olive Oil Cluster", "TN", "France Clusters", "FR", "peer", 2,
          ("organised: Benchmarking visit, Barcelona (2018-11-19)", "agreement: partnership agreement (2019-09-13)"),
          ("visit-2018:7", "forum-2019:6")),
         ("North West Olive Oil Cluster", "TN", "Solar Energy Cluster", "ES", "peer", 1,
          ("event: Benchmarking visit, Barcelona (2018-11-19)",), ("visit-2018:4", "visit-2018:6")),
         *((cluster, country, eu, eu_country, "organiser_or_host", 1,
            ("organised: Benchmarking visit, Barcelona (2018-11-19)",), ("visit-2018:7",))
           for cluster, country in (("Date and Palm Cluster", "PS"), ("Dates & Palm Cluster", "TN"),
                                    ("Moroccan Technical Textile Cluster", "MA"),
                                    ("North West Olive Oil Cluster", "TN"))
           for eu, eu_country in (("Agency for Business Competitiveness", "ES"), ("France Clusters", "FR"))
           if (cluster, eu) != ("North West Olive Oil Cluster", "France Clusters"))}),
    "south_med_clusters_without_eu_peers": (
        {},
        ["cluster", "country", "level", "organisers_hosts", "eu_events", "uncertain", "held_events", "met", "evidence"],
        set()),  # every fixture cluster has met one; see the test with one more cluster below
    "mentoring_pairs": (
        {},
        ["mentor", "mentor_organisations", "mentee", "mentee_organisations", "met_at", "met_on", "evidence"],
        {("Jean Morel", ("Sun Coast Cluster",), "Amal Haddad", ("Moroccan Technical Textile Cluster",),
          "Forum de Lyon", "2019-09-13", ("forum-2019:5",))}),
    "agreements": (
        {},
        ["id", "agreement", "kind", "date", "parties", "signed_at", "place", "evidence"],
        {("agr-2019-fc-olive", "partnership agreement", "partnership agreement", "2019-09-13",
          ("France Clusters", "North West Olive Oil Cluster"), "Forum de Lyon", "Lyon, France", ("forum-2019:6",))}),
    "shortest_chain": (
        {"a": "Date and Palm Cluster", "b": "france clusters"},
        ["a", "b", "hops", "chain", "relationships", "evidence"],
        {("Date and Palm Cluster", "France Clusters", 4,
          ("Date and Palm Cluster", "Benchmarking visit, Barcelona", "North West Olive Oil Cluster",
           "partnership agreement", "France Clusters"),
          ("ATTENDED", "ATTENDED", "PARTY_TO", "PARTY_TO"), ("visit-2018:5", "visit-2018:4", "forum-2019:6"))}),
    "events_per_year": (
        {},
        ["year", "kind", "events", "planned", "organisations", "people"],
        {(2018, "benchmarking visit", 1, 0, 5, 0), (2019, "forum", 1, 0, 2, 1)}),
    "possibly_same_as": (
        {},
        ["a", "a_name", "a_country", "b", "b_name", "b_country", "confidence", "reason", "evidence"],
        {("sun-coast", "Sun Coast Cluster", "FR", "solartys", "Solar Energy Cluster", "ES", 0.4,
          "invented: both solar, different countries", ("registry:19",))}),
    "document_statements": (
        {"document": "forum-2019"},
        ["line", "subject", "relationship", "object", "detail"],
        {(3, "Forum de Lyon", "HELD_IN", "France", ()),
         (3, "Forum de Lyon", "PART_OF", "Cluster Booster Track", ()),
         (3, "Moroccan Technical Textile Cluster", "ATTENDED", "Forum de Lyon", ("role=delegate",)),
         (4, "ESITH", "ATTENDED", "Forum de Lyon", ("role=delegate",)),
         (4, "ESITH", "MEMBER_OF", "Moroccan Technical Textile Cluster", ()),
         (5, "Amal Haddad", "WORKS_FOR", "Moroccan Technical Textile Cluster", ("role=mentee",)),
         (5, "Jean Morel", "ATTENDED", "Forum de Lyon", ("role=delegate",)),
         (5, "Jean Morel", "MENTORS", "Amal Haddad", ("met_at=forum-2019-lyon",)),
         (5, "Jean Morel", "WORKS_FOR", "Sun Coast Cluster", ("role=mentor",)),
         (6, "France Clusters", "PARTY_TO", "partnership agreement", ()),
         (6, "North West Olive Oil Cluster", "LOCATED_IN", "Tunisia", ()),
         (6, "North West Olive Oil Cluster", "PARTY_TO", "partnership agreement", ()),
         (6, "partnership agreement", "SIGNED_AT", "Forum de Lyon", ())}),
    "counts_by_label": (
        {},
        ["label", "nodes"],
        {("Agency", 1), ("Agreement", 1), ("Cluster", 6), ("Country", 5), ("Document", 2), ("Event", 2),
         ("Network", 1), ("Organisation", 9), ("Person", 2), ("Programme", 2), ("School", 1)}),
    "counts_by_type": (
        {},
        ["type", "relationships"],
        {("ATTENDED", 8), ("HELD_IN", 2), ("LOCATED_IN", 9), ("MEMBER_OF", 1), ("MENTIONS", 18), ("MENTORS", 1),
         ("ORGANISED", 2), ("PARTY_TO", 2), ("PART_OF", 3), ("POSSIBLY_SAME_AS", 1), ("SIGNED_AT", 1),
         ("WORKS_FOR", 2)}),
}


def test_every_query_has_a_case():
    assert sorted(CASES) == queries.query_names()


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_query_answers_on_the_fixture_graph(db, neo4j_settings, name):
    parameters, columns, expected = CASES[name]
    load(db, neo4j_settings.database, [DATA])
    frame = queries.run(db, neo4j_settings.database, name, parameters)
    assert list(frame.columns) == columns
    assert rows(frame) == expected


def test_two_organisations_meet_at_events_in_any_role_and_through_agreements(db, neo4j_settings):
    database = neo4j_settings.database
    load(db, database, [DATA])
    assert rows(queries.run(db, database, "who_met_whom", {"a": "Solartys", "b": "C2TM"})) == {
        ("Solar Energy Cluster", "Moroccan Technical Textile Cluster", "peer", "event", "Benchmarking visit, Barcelona",
         "host / delegate", "2018-11-19", ("visit-2018:6", "visit-2018:5"))}
    met = queries.run(db, database, "who_met_whom", {"a": "olive-nw", "b": "France Clusters"})
    assert rows(met[met.level == "peer"]) == {
        ("North West Olive Oil Cluster", "France Clusters", "peer", "agreement", "partnership agreement",
         "signed at Forum de Lyon", "2019-09-13", ("forum-2019:6",))}
    # organising an event is not attending it: a meeting of the level below a peer's
    assert rows(queries.run(db, database, "who_met_whom", {"a": "ACCIO", "b": "Solartys"})) == {
        ("Agency for Business Competitiveness", "Solar Energy Cluster", "organiser_or_host", "organised",
         "Benchmarking visit, Barcelona",
         "Agency for Business Competitiveness organiser / Solar Energy Cluster attended Benchmarking visit, Barcelona",
         "2018-11-19", ("visit-2018:7",))}


def test_a_chain_can_pass_through_a_membership(db, neo4j_settings):
    load(db, neo4j_settings.database, [DATA])
    frame = queries.run(db, neo4j_settings.database, "shortest_chain", {"a": "olive-nw", "b": "ESITH"})
    assert rows(frame) == {
        ("North West Olive Oil Cluster", "ESITH", 3,
         ("North West Olive Oil Cluster", "Benchmarking visit, Barcelona", "Moroccan Technical Textile Cluster",
          "ESITH"),
         ("ATTENDED", "ATTENDED", "MEMBER_OF"), ("visit-2018:4", "visit-2018:5", "forum-2019:4"))}


# --- "met": one rule for the queries and the analytics (graph/SCHEMA.md, Who met whom) ----------

def attends_pattern() -> str:
    """The Cypher of "an organisation attends an event" as graph/SCHEMA.md writes it."""
    block = SCHEMA.read_text(encoding="utf-8").split("## Who met whom", 1)[1].split("```cypher", 1)[1]
    match = re.search(r"\(o:Organisation\)(\S+\(e):Event\)", block)
    return match.group(1)


def test_every_query_that_answers_met_applies_the_rule_of_graph_schema():
    pattern = attends_pattern()
    assert pattern == "((:Organisation)<-[:WORKS_FOR]-(:Person)){0,1}()-[:ATTENDED]->(e"
    met = [q for q in queries.list_queries() if "as defined in graph/SCHEMA.md" in q.text]
    assert {q.name for q in met} == {"who_met_whom", "south_med_clusters_and_eu_peers",
                                     "south_med_clusters_without_eu_peers", "organisation_profile"}
    for query in met:
        assert pattern in query.text, query.name
        if query.name != "organisation_profile":  # a profile lists the planned attendances too
            assert "coalesce(e.status, 'held') <> 'planned'" in query.text, query.name


def test_an_organisation_attends_through_the_people_who_work_for_it_in_queries_and_analytics(db, neo4j_settings):
    database = neo4j_settings.database
    load(db, database, [DATA])
    # Sun Coast Cluster did not attend the Forum de Lyon itself: Jean Morel, who works for it, did
    own, _, _ = db.execute_query("MATCH (:Organisation {id: 'sun-coast'})-[r:ATTENDED]->() RETURN r",
                                 database_=database)
    assert own == []
    profile = queries.run(db, database, "organisation_profile", {"name": "Sun Coast Cluster"})
    assert rows(profile[profile.fact == "attended"]) == {
        ("sun-coast", "attended", "Forum de Lyon", "delegate via Jean Morel", "2019-09-13", ("forum-2019:5",))}
    met = queries.run(db, database, "who_met_whom", {"a": "C2TM", "b": "Sun Coast Cluster"})
    tie = tie_graph(read_graph(db, database)).edges["c2tm", "sun-coast"]
    assert set(met.how) == {"event", "mentoring"}
    assert set(tie["types"]) == {"co_attended", "mentoring"}


def test_a_membership_is_a_meeting_in_queries_and_analytics(db, neo4j_settings):
    database = neo4j_settings.database
    load(db, database, [DATA])
    met = queries.run(db, database, "who_met_whom", {"a": "C2TM", "b": "ESITH"})
    assert rows(met[met.how == "membership"]) == {
        ("Moroccan Technical Textile Cluster", "ESITH", "peer", "membership",
         "ESITH member of Moroccan Technical Textile Cluster", None, None, ("forum-2019:4",))}
    assert "membership" in tie_graph(read_graph(db, database)).edges["c2tm", "esith"]["types"]


WAYS = {"event": {"co_attended", "visited"}, "mentoring": {"mentoring"}, "agreement": {"agreement"},
        "membership": {"membership"}, "organised": set(), "hosted": set()}


def test_on_the_seed_data_the_queries_and_the_report_agree_on_who_met_whom(db, neo4j_settings):
    database = neo4j_settings.database
    load(db, database, [DEFAULT_DATA])
    analysis = analyse(read_graph(db, database))
    # the case of issue 16: the two met at the FILEX forum through their people
    met = queries.run(db, database, "who_met_whom", {"a": "Jerusalem Tourism Cluster", "b": "Capenergies"})
    assert list(met.how) == ["event"] and list(met.detail) == [
        "delegate via Naila Jwealis / delegate via Paul Lucchese"]
    matrix = analysis.tables["met_matrix"]
    assert ("Jerusalem Tourism Cluster", "Capenergies") in set(zip(matrix.south_name, matrix.eu_name))
    # every South-Med cluster × EU pair, and how they met
    peers = queries.run(db, database, "south_med_clusters_and_eu_peers")
    peers = peers[peers.level == "peer"]
    by_query = {(r.cluster, r.eu_organisation): set().union(*(WAYS[w.split(":")[0]] for w in r.ways))
                for r in peers.itertuples()}
    by_report = {(r.south_name, r.eu_name): set(r.how.split(", ")) for r in matrix.itertuples()}
    assert by_query.keys() == by_report.keys()
    for pair, types in by_report.items():
        assert types <= by_query[pair], pair
    # and the clusters that have met no EU peer, at the same levels
    gaps = queries.run(db, database, "south_med_clusters_without_eu_peers")
    assert len(gaps) == analysis.summary["south_med_clusters"] - analysis.summary["met_an_eu_peer"]
    levels = analysis.tables["met_levels"]
    assert {(r.cluster, None if pd.isna(r.level) else r.level, len(r.organisers_hosts), len(r.eu_events),
             r.uncertain) for r in gaps.itertuples()} == {
        (r.south_name, r.level, r.organisers_hosts, r.eu_events, r.uncertain)
        for r in levels[levels.level != "peer"].itertuples()}
    unmet = gaps[gaps.level.isna()]
    assert sorted(unmet.cluster) == sorted(analysis.tables["not_met_eu"].name)
    assert list(unmet.uncertain) == list(analysis.tables["not_met_eu"].uncertain)


def test_a_cluster_that_met_only_south_med_peers_is_a_gap(db, neo4j_settings, tmp_path):
    database = neo4j_settings.database
    load(db, database, [with_more(tmp_path)])
    assert rows(queries.run(db, database, "south_med_clusters_without_eu_peers")) == {
        ("Argan Valley Cluster", "MA", None, (), (), False, 1, ("Dates & Palm Cluster",), ("registry:12",))}
    assert "Argan Valley Cluster" not in set(queries.run(db, database, "south_med_clusters_and_eu_peers").cluster)


def test_a_planned_event_is_no_meeting_but_is_counted_as_planned(db, neo4j_settings, tmp_path):
    database = neo4j_settings.database
    load(db, database, [with_more(tmp_path)])
    assert rows(queries.run(db, database, "who_met_whom", {"a": "argan-ma", "b": "sun-coast"})) == set()
    assert rows(queries.run(db, database, "shortest_chain", {"a": "argan-ma", "b": "Odd Lab"})) == set()
    assert rows(queries.run(db, database, "who_met_whom", {"a": "pole de l'arganier", "b": "dates-tn"})) == {
        ("Argan Valley Cluster", "Dates & Palm Cluster", "peer", "event", "Atelier de Tunis", "delegate / host",
         "2020-02-10", ("tunis-2020:2",))}
    assert rows(queries.run(db, database, "events_per_year")) == {
        (2018, "benchmarking visit", 1, 0, 5, 0), (2019, "forum", 1, 0, 2, 1),
        (2020, "techdays", 1, 1, 3, 0), (2020, "workshop", 1, 0, 2, 0)}


def test_a_value_with_quotes_a_comment_backticks_and_a_brace_is_only_data(db, neo4j_settings, tmp_path):
    database = neo4j_settings.database
    load(db, database, [DATA])
    for query in queries.list_queries():
        if query.parameters:
            frame = queries.run(db, database, query.name, dict.fromkeys(query.parameters, EVIL))
            assert frame.empty, query.name
    load(db, database, [with_more(tmp_path)])
    profile = queries.run(db, database, "organisation_profile", {"name": EVIL})
    assert rows(profile[profile.fact.isin(["name", "alias"])]) == {
        ("odd-lab", "name", "Odd Lab", None, None, ("tunis-2020:4",)),
        ("odd-lab", "alias", EVIL, None, None, ())}


def test_a_cypher_error_in_a_file_of_ones_own_is_one_line(db, neo4j_settings, tmp_path):
    mine = tmp_path / "mine.cypher"
    mine.write_text("MATCH (n) RETRN n\n")
    with pytest.raises(QueryError, match=rf"^query {re.escape(str(mine))}: Neo4j refused it: Invalid input 'RETRN'"):
        queries.run(db, neo4j_settings.database, str(mine))


# --- the command --------------------------------------------------------------------------------

def test_query_list_shows_each_query_and_what_it_answers(neo4j_settings, medgraph_cli):
    code, out, err = medgraph_cli("query", "--list")
    assert (code, err) == (0, "")
    assert out == textwrap.dedent("""\
        agreements                           The agreements: who signed them, when, and where.
        counts_by_label                      How many nodes of each label the graph holds (Entity, the loader's common label, left out).
        counts_by_type                       How many relationships of each type the graph holds.
        document_statements                  Everything a document says (a provenance audit): each tie it states, line by line.
        event_participants                   Who took part in an event, by country: attendees and organisers, with their roles.
        events_per_year                      How many events of each kind took place each year, and how many attended them.
        mentoring_pairs                      The mentoring pairs: mentor and mentee, the organisations they work for, where they met.
        organisation_profile                 An organisation's profile: its names, kind, country, events, members, people and agreements.
        possibly_same_as                     The identity judgement calls: pairs kept apart but possibly the same organisation.
        shortest_chain                       The shortest chain of ties between two organisations, with the evidence for every link.
        south_med_clusters_and_eu_peers      Which EU organisations each South-Med cluster has met, and how: as peers or organisers/hosts.
        south_med_clusters_without_eu_peers  South-Med clusters that have met no named EU peer, and how near they came (the gaps to close).
        who_met_whom                         Who met whom: shared events, mentoring, agreements, memberships, organised or hosted events.
        """)


def test_query_prints_csv(db, neo4j_settings, medgraph_cli):
    load(db, neo4j_settings.database, [DATA])
    code, out, err = medgraph_cli("query", "organisation_profile", "-p",
                                  "name=cluster des textiles techniques marocains", "--format", "csv")
    assert (code, err) == (0, "")
    assert out == textwrap.dedent("""\
        id,fact,item,detail,date,evidence
        c2tm,name,Moroccan Technical Textile Cluster,,,forum-2019:3; forum-2019:4; forum-2019:5; visit-2018:5
        c2tm,alias,C2TM,,,
        c2tm,alias,Cluster des Textiles Techniques Marocains,,,
        c2tm,kind,Cluster,,,
        c2tm,country,Morocco,South-Med,,registry:6; visit-2018:5
        c2tm,attended,"Benchmarking visit, Barcelona",delegate,2018-11-19,visit-2018:5
        c2tm,attended,Forum de Lyon,delegate,2019-09-13,forum-2019:3
        c2tm,member,ESITH,,,forum-2019:4
        c2tm,person,Amal Haddad,mentee,,forum-2019:5
        """)


def test_query_runs_a_file_of_ones_own_as_a_table(db, neo4j_settings, tmp_path, medgraph_cli):
    load(db, neo4j_settings.database, [DATA])
    mine = tmp_path / "members.cypher"
    mine.write_text("// Members of a cluster ($name, not $this).\n"
                    "MATCH (m)-[:MEMBER_OF]->(c {id: $name}) RETURN m.name AS member, '$not' AS note\n")
    code, out, err = medgraph_cli("query", str(mine), "-p", "name=c2tm")
    assert (code, out, err) == (0, "member note\nESITH  $not\n", "")


def test_query_errors_are_one_line(neo4j_settings, medgraph_cli):
    assert medgraph_cli("query", "who_met") == (
        1, "", "Error: unknown query 'who_met' (closest: who_met_whom): `medgraph query --list` lists them\n")
    assert medgraph_cli("query", "who_met_whom", "-p", "a=C2TM") == (
        1, "", "Error: query who_met_whom needs the parameter $b: give it with -p b=VALUE\n")


# --- names as users type them -----------------------------------------------------------------

def test_a_part_of_a_name_finds_the_organisation_the_whole_name_first(db, neo4j_settings):
    database = neo4j_settings.database
    load(db, database, [DATA])
    met = queries.run(db, database, "who_met_whom", {"a": "technical TEXTILE", "b": "solar"})
    assert set(zip(met.a, met.b)) == {("Moroccan Technical Textile Cluster", "Solar Energy Cluster")}
    # "Sun Coast Cluster" is a whole name: the clusters it is only a part of are not taken
    assert queries.run(db, database, "organisation_profile", {"name": "sun coast cluster"}).id.unique().tolist() == [
        "sun-coast"]
    # a name's beginning comes before a part of another name: "dates" begins "Dates & Palm Cluster"
    assert queries.run(db, database, "organisation_profile", {"name": "dates"}).id.unique().tolist() == ["dates-tn"]


def test_the_seed_datas_maroc_numeric_cluster_is_found_by_part_of_its_name(db, neo4j_settings):
    load(db, neo4j_settings.database, [DEFAULT_DATA])
    met = queries.run(db, neo4j_settings.database, "who_met_whom", {"a": "Maroc Numeric", "b": "valley for stone"})
    assert set(met.a) == {"Maroc Numeric Cluster"} and len(met) > 0


def test_query_says_when_a_name_finds_several_organisations(db, neo4j_settings, medgraph_cli):
    load(db, neo4j_settings.database, [DATA])
    code, out, err = medgraph_cli("query", "who_met_whom", "-p", "a=palm", "-p", "b=Solartys", "--format", "csv")
    assert (code, err) == (0, "note: a='palm' finds 2 organisations, and the rows answer for each: "
                              "Date and Palm Cluster, Dates & Palm Cluster\n")
    assert [line.split(",")[0] for line in out.splitlines()[1:]] == ["Date and Palm Cluster", "Dates & Palm Cluster"]


# --- ad-hoc Cypher reads only -------------------------------------------------------------------

WRITES = {
    "set": "MATCH (o:Organisation {id: 'c2tm'}) SET o.name = 'Renamed' RETURN o.name AS name",
    "create": "CREATE (n:Entity:Organisation {id: 'new', name: 'New'}) RETURN n.name AS name",
    "delete": "MATCH (o:Organisation {id: 'esith'}) DETACH DELETE o RETURN 'gone' AS name",
}


@pytest.mark.parametrize("verb", sorted(WRITES))
def test_a_query_that_writes_is_refused_in_one_line_and_changes_nothing(db, neo4j_settings, medgraph_cli,
                                                                          tmp_path, verb):
    load(db, neo4j_settings.database, [DATA])
    before = graph_checksum(db, neo4j_settings.database)
    mine = tmp_path / f"{verb}.cypher"
    mine.write_text(WRITES[verb] + "\n")
    assert medgraph_cli("query", str(mine)) == (
        1, "", f"Error: query {mine} writes to the graph and queries only read: nothing was changed "
               "(give --write to let it write)\n")
    assert graph_checksum(db, neo4j_settings.database) == before


def test_with_write_a_query_may_write(db, neo4j_settings, medgraph_cli, tmp_path):
    load(db, neo4j_settings.database, [DATA])
    before = graph_checksum(db, neo4j_settings.database)
    mine = tmp_path / "set.cypher"
    mine.write_text(WRITES["set"] + "\n")
    assert medgraph_cli("query", str(mine), "--write") == (0, "name\nRenamed\n", "")
    assert graph_checksum(db, neo4j_settings.database) != before
