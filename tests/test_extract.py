"""Reading press releases: lists, dates, names, events and relations, the command, the benchmark.

Pure: no Neo4j. The texts are invented; the registry is the fixture one (tests/fixtures/data).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from medgraph.loaders.extract.dates import document_date, find_dates
from medgraph.loaders.extract.lists import find_list
from medgraph.loaders.extract.proposal import to_data
from medgraph.loaders.extract.run import extract, extract_source, read_known, review_table
from medgraph.loaders.extract.source import ExtractError, parse_source, read_source
from medgraph.loaders.load import read_rows

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = Path(__file__).parent / "fixtures" / "data" / "registry.yaml"


@pytest.fixture(scope="module")
def known():
    return read_known(REGISTRY)


def proposed(known, text: str, name: str = "release.txt") -> list[dict]:
    """The facts proposed for an invented text."""
    source = parse_source(textwrap.dedent(text).lstrip().encode(), name)
    return to_data(extract_source(source, known))["facts"]


def only(facts: list[dict], kind: str, *fields: str) -> set[tuple]:
    return {tuple(f.get(k) for k in fields) for f in facts if f["fact"] == kind}


# --- participant lists -------------------------------------------------------------------------


def test_a_participant_list_gives_names_countries_and_members():
    found = find_list("Agro Pole (Tunisia), Nova SARL (member of Agro Pole) (Tunisia); Sun Cluster (Maroc) "
                      "and Delta Hub (Egypt).")
    assert [(i.name, i.country, i.member_of) for i in found.items] == [
        ("Agro Pole", "TN", None), ("Nova SARL", "TN", "Agro Pole"), ("Sun Cluster", "MA", None),
        ("Delta Hub", "EG", None)]


def test_the_lead_sentence_is_not_part_of_the_first_name():
    found = find_list("The clusters attending the sessions were the Agro Pole (Tunisia), Sun Cluster (Morocco).")
    assert found.lead == "The clusters attending the sessions were the"
    assert [i.name for i in found.items] == ["Agro Pole", "Sun Cluster"]


def test_a_list_of_places_is_not_a_list_of_participants():
    found = find_list("Sessions will be held in Wallonia (Belgium), Provence (France) and Piedmont (Italy).")
    assert not found.of_participants


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, start, end", [
    ("from 19 to 23 November 2018", "2018-11-19", "2018-11-23"),
    ("du 9 au 11 avril 2019", "2019-04-09", "2019-04-11"),
    ("(28 October–1 November 2019)", "2019-10-28", "2019-11-01"),
    ("du 28 septembre au 2 octobre 2020", "2020-09-28", "2020-10-02"),
    ("On September 13th, 2019, in Paris", "2019-09-13", "2019-09-13"),
    ("le 5 février 2020 à Alger", "2020-02-05", "2020-02-05"),
])
def test_date_ranges_in_english_and_french(text, start, end):
    [found] = find_dates(text)
    assert (str(found.start), str(found.end), found.precision) == (start, end, "day")


@pytest.mark.parametrize("text, start, end, precision", [
    ("last week", "2019-06-10", "2019-06-14", "week"),
    ("la semaine dernière", "2019-06-10", "2019-06-14", "week"),
    ("last 13 September", "2018-09-13", "2018-09-13", "day"),
    ("on 3 July", "2019-07-03", "2019-07-03", "day"),
    ("le mois dernier", "2019-05-01", "2019-05-31", "month"),
    ("Spring 2020", "2020-03-01", "2020-05-31", "season"),
])
def test_relative_dates_count_from_the_document_date(text, start, end, precision):
    [found] = find_dates(text, reference=dt.date(2019, 6, 17))
    assert (str(found.start), str(found.end), found.precision) == (start, end, precision)


def test_the_document_date_is_its_dateline():
    assert document_date(["COMMUNIQUE DE PRESSE", "", "Tunis, 30 septembre 2019", "", "Du 14 au 16 octobre…"]) \
        == (dt.date(2019, 9, 30), 3)
    assert document_date(["A title", "Posted by the team on 2 December 2019"]) == (dt.date(2019, 12, 2), 2)


# --- names -------------------------------------------------------------------------------------


def test_the_country_beside_a_name_decides_between_near_duplicates(known):
    facts = proposed(known, """
        Lyon, 2 December 2019

        The forum was held on 28 November 2019 in Lyon, France.
        Participants were Dates and Palm Cluster (Palestine), Cluster dattes & palmier Tunisie (Tunisie),
        Date and Palm Cluster (Morocco) and the Northwest olive oil cluster (Tunisia).
        """)
    assert only(facts, "attendance", "name", "role") == {("dates-ps", "delegate"), ("dates-tn", "delegate"),
                                                         ("olive-nw", "delegate"),
                                                         ("Date and Palm Cluster", "delegate")}
    assert only(facts, "organisation", "name", "country", "new") == {("Date and Palm Cluster", "MA", True)}


def test_a_known_organisation_is_named_by_its_id_and_keeps_its_words(known):
    facts = proposed(known, """
        Marseille, 5 May 2020

        The training was organised on 4 May 2020 in Marseille by ACCIO together with France Clusters.
        """)
    [event] = [f for f in facts if f["fact"] == "event"]
    assert event["organisers"] == [
        {"name": "accio", "role": "organiser", "line": 3, "written": "ACCIO"},
        {"name": "france-clusters", "role": "co-organiser", "line": 3, "written": "France Clusters"}]


def test_a_common_word_that_spells_an_acronym_names_nobody(known):
    facts = proposed(known, "Clusters spent a week exchanging on esith, solar energy and dates.\n")
    assert facts == []


# --- events and relations ----------------------------------------------------------------------


def test_an_announced_event_is_planned_and_a_reported_one_held(known):
    facts = proposed(known, """
        Casablanca, 10 March 2020

        Last week, the Sun Coast Cluster hosted a workshop in Casablanca, Morocco.
        A study tour to Barcelona, Spain, will follow from 4 to 8 May 2020.
        """)
    assert only(facts, "event", "kind", "start", "end", "date_precision", "city", "status") == {
        ("workshop", dt.date(2020, 3, 2), dt.date(2020, 3, 6), "week", "Casablanca", "held"),
        ("study tour", dt.date(2020, 5, 4), dt.date(2020, 5, 8), "day", "Barcelona", "planned")}


def test_members_attend_for_their_cluster_and_their_membership_is_proposed(known):
    facts = proposed(known, """
        Rabat, 12 June 2019

        Deux clusters ont participé au forum de Rabat, au Maroc, le 10 juin 2019 :
        C2TM (Maroc), ESITH (membre du C2TM) (Maroc), Atlas Tissage SARL (membre de C2TM) (Maroc).
        """)
    assert only(facts, "attendance", "name") == {("c2tm",), ("esith",), ("Atlas Tissage SARL",)}
    assert only(facts, "membership", "member", "of") == {("esith", "c2tm"), ("Atlas Tissage SARL", "c2tm")}
    assert only(facts, "organisation", "name", "kind", "country") == {("Atlas Tissage SARL", "Company", "MA")}


def test_mentoring_pairs_and_agreements(known):
    facts = proposed(known, """
        Paris, 20 September 2019

        At the forum held on 13 September 2019 in Paris, France Clusters and the Oasis Cluster Network signed
        a partnership agreement. Mentors and mentees met for the first time, as Jean Morel (Sun Coast
        Cluster, France) and Amal Haddad (C2TM, Morocco).
        """)
    assert only(facts, "mentoring", "mentor", "mentee") == {("Jean Morel", "Amal Haddad")}
    [agreement] = [f for f in facts if f["fact"] == "agreement"]
    assert (agreement["kind"], agreement["date"]) == ("partnership agreement", dt.date(2019, 9, 13))
    assert [p["name"] for p in agreement["parties"]] == ["france-clusters", "Oasis Cluster Network"]


def test_html_is_read_without_its_markup_and_keeps_its_line_numbers(known):
    html = """<html><body>
        <p>Tunis, 3 March 2021</p>
        <p>On 1 March 2021 the following clusters took part in a workshop in Tunis, Tunisia:</p>
        <ul>
        <li>C2TM (Morocco)</li>
        <li>Solartys (Spain)</li>
        </ul>
        </body></html>"""
    facts = proposed(known, html, "release.html")
    assert only(facts, "attendance", "name", "line") == {("c2tm", 5), ("solartys", 6)}


# --- unreadable input and the command ------------------------------------------------------------


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
    ("Communiqué de presse\nRéunion à Tunis".encode("latin-1"), "not UTF-8 text"),
])
def test_an_unreadable_file_is_one_line_that_names_it(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ExtractError, match=message) as error:
        read_source(path)
    assert str(error.value).startswith(f"{path}:") and "\n" not in str(error.value)


def test_the_other_files_are_read_when_one_is_not(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Tunis, 3 March 2021\n\nC2TM (Morocco) and ESITH (Morocco) attended a forum on 1 March 2021.\n")
    bad.write_bytes(b"")
    results = extract([bad, good], REGISTRY, tmp_path / "out")
    assert [r.error for r in results] == [f"{bad}:1: empty file", None]
    assert results[1].written == tmp_path / "out" / "good.yaml"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "medgraph", *args], capture_output=True, text=True)


def test_the_command_writes_facts_that_medgraph_load_accepts(tmp_path):
    release = tmp_path / "release.txt"
    release.write_text(textwrap.dedent("""\
        Press note, 30 November 2019

        Three clusters took part in a benchmarking visit in Barcelona, Spain, from 18 to 22 November 2019,
        organised by ACCIO with France Clusters.
        Delegates: Northwest Olive Oil cluster (Tunisia), ESITH (member of C2TM) (Morocco) and
        Date and Palm Cluster (Palestine). They visited Solartys.
        """))
    empty = tmp_path / "empty.md"
    empty.write_text("")
    done = run_cli("extract", str(release), str(empty), "--out", str(tmp_path / "out"), "--registry", str(REGISTRY))
    assert done.returncode == 2
    assert done.stderr == f"Error: {empty}:1: empty file\n"
    assert "fact" in done.stdout and "confidence" in done.stdout
    written = tmp_path / "out" / "release.yaml"
    data = yaml.safe_load(written.read_text())
    assert {f["review"] for f in data["facts"]} == {"proposed"}
    assert only(data["facts"], "attendance", "name", "role") == {
        ("olive-nw", "delegate"), ("esith", "delegate"), ("dates-ps", "delegate"), ("solartys", "host")}
    rows = read_rows([REGISTRY, written])
    attended = {(r["start"], r["props"]["role"]) for r in rows.relationship_rows() if r["type"] == "ATTENDED"}
    assert attended == {("olive-nw", "delegate"), ("esith", "delegate"), ("dates-ps", "delegate"),
                        ("solartys", "host")}


def test_min_confidence_leaves_out_the_less_certain_facts(known, tmp_path):
    release = tmp_path / "release.txt"
    release.write_text("Tunis, 3 March 2021\n\nOn 1 March 2021 C2TM (Morocco) and Atlas Weaving Cluster (Morocco) "
                       "took part in a workshop in Tunis.\n")
    [result] = extract([release], REGISTRY, None, min_confidence=0.7)
    assert min(f["confidence"] for f in result.data["facts"]) >= 0.7
    assert only(result.data["facts"], "attendance", "name") == {("c2tm",)}  # the new cluster is 0.6


def test_the_loader_refuses_a_review_mark_it_does_not_know(tmp_path):
    from medgraph.errors import DataError

    data = tmp_path / "doc.yaml"
    data.write_text(textwrap.dedent("""\
        document: {id: d, title: t, date: 2020-01-01, language: en, sha256: x}
        facts:
          - {fact: organisation, name: c2tm, line: 1, review: maybe, confidence: 2}
        """))
    with pytest.raises(DataError, match=r"facts\[0\]\.review: 'maybe' is not one of accepted, proposed"):
        read_rows([REGISTRY, data])


# --- the benchmark -----------------------------------------------------------------------------


def test_the_benchmark_scores_every_fact_type_on_the_evaluation_set():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "extraction.py"), "--no-seeds"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("== evaluation set: 14 documents")
    assert lines[1].split() == ["fact", "type", "tp", "fp", "fn", "precision", "recall"]
    rows = {" ".join(line.split()[:-5]): line.split()[-5:] for line in lines[2:13]}
    assert list(rows) == ["mentions", "new organisations", "events", "dates", "attendances", "memberships",
                          "mentoring", "agreements", "event places", "event status", "organisers"]
    assert all(value == "-" or 0 <= float(value) <= 1 for row in rows.values() for value in row[3:])
    assert any(line.startswith("== held-out set") for line in lines)


def test_an_event_the_data_already_defines_is_named_by_its_id(tmp_path):
    release = tmp_path / "partner-news.txt"
    release.write_text("Tunis, 28 November 2018\n\nFrom 19 to 23 November 2018 a benchmarking visit took clusters "
                       "to Barcelona, Spain.\nThe delegates were C2TM (Morocco) and ESITH (Morocco).\n")
    [result] = extract([release], REGISTRY, tmp_path, documents=REGISTRY.parent / "documents")
    assert only(result.data["facts"], "mention", "event") == {("visit-2018-barcelona",)}
    assert only(result.data["facts"], "attendance", "event", "name") == {
        ("visit-2018-barcelona", "c2tm"), ("visit-2018-barcelona", "esith")}
    rows = read_rows([REGISTRY.parent, result.written])
    assert ("ATTENDED", "esith", "visit-2018-barcelona") in rows.relationships


# --- real press-release shapes (issue 18) ------------------------------------------------------

KNOWN_EVENTS = REGISTRY.parent / "documents"


@pytest.fixture(scope="module")
def known_with_events():
    return read_known(REGISTRY, KNOWN_EVENTS)


def proposed_with_events(known, text: str, name: str = "news.txt") -> list[dict]:
    """The facts proposed for an invented text, events the fixture data defines linked by id."""
    source = parse_source(textwrap.dedent(text).lstrip().encode(), name)
    return to_data(extract_source(source, known), 0.0, known.events)["facts"]


@pytest.mark.parametrize("line, day", [
    ("Jul 13 2021", dt.date(2021, 7, 13)),
    ("October, 3, 2018", dt.date(2018, 10, 3)),
    ("November 27, 2018", dt.date(2018, 11, 27)),
    ("13 juillet 2021", dt.date(2021, 7, 13)),
])
def test_a_date_alone_under_the_title_is_the_dateline(line, day):
    assert document_date(["Clusters meet in Tunis", "", line, "", "The clusters met."]) == (day, 3)


def test_a_date_inside_a_sentence_is_not_a_dateline():
    assert document_date(["Clusters meet in Tunis", "In 2019 we met on 3 May 2019 in Tunis."]) is None


def test_a_deadline_and_a_time_zone_are_no_event(known):
    facts = proposed(known, """
        Call for clusters

        May 2, 2023

        Apply to the matchmaking: deadline 26 April 2023, 18:00 Brussels time.
        """)
    assert only(facts, "event", "start", "city", "country") <= {(None, None, None)}  # neither dated nor in Brussels


def test_a_range_with_its_place_dates_and_places_the_event(known):
    facts = proposed(known, """
        A cluster forum

        Tunis, 20 March 2023

        The workshop was organized on April 9 to 12 in Casablanca, Morocco.
        """)
    assert only(facts, "event", "kind", "start", "end", "city", "country") == {
        ("workshop", dt.date(2023, 4, 9), dt.date(2023, 4, 12), "Casablanca", "MA")}


@pytest.mark.parametrize("words, kind", [
    ("a panel discussion", "conference"), ("a roadshow", "international market mission"),
    ("a webinar", "conference"), ("B2B meetings", "matchmaking"), ("a graduation ceremony", "meeting"),
])
def test_event_kinds_of_real_releases(known, words, kind):
    facts = proposed(known, f"Tunis, 2 June 2022\n\nOn 1 June 2022 the clusters held {words} in Sfax, Tunisia.\n")
    assert only(facts, "event", "kind") == {(kind,)}


def test_a_mention_of_a_held_event_links_to_it_and_its_attendances_follow(known_with_events):
    # the fixture data holds a benchmarking visit to Barcelona, 19-23 November 2018; a study tour of
    # 19-22 November in Barcelona is the same event written in the same kind family, a day apart
    facts = proposed_with_events(known_with_events, """
        Partner news

        Tunis, 30 November 2018

        From 19 to 22 November 2018 a study tour took clusters to Barcelona, Spain.
        C2TM participated with two other experts.
        """)
    assert only(facts, "mention", "event") == {("visit-2018-barcelona",)}
    assert only(facts, "attendance", "event", "name") == {("visit-2018-barcelona", "c2tm")}
    assert [f for f in facts if f["fact"] == "event"] == []


def test_a_french_mention_names_the_held_event_by_its_own_name(known_with_events):
    facts = proposed_with_events(known_with_events, """
        Les clusters au Forum de Lyon

        Lyon, 20 septembre 2019

        Une table ronde s'est tenue lors du forum de Lyon, en présence des clusters du Maroc.
        """)
    assert ("forum-2019-lyon",) in only(facts, "mention", "event")


def test_an_undated_event_reported_days_later_is_the_held_one(known_with_events):
    facts = proposed_with_events(known_with_events, """
        A great start with the 1st Benchmarking Visit in Barcelona

        November 27, 2018

        Eleven clusters travelled to Barcelona to learn from Catalan clusters.
        """)
    assert only(facts, "mention", "event") == {("visit-2018-barcelona",)}


@pytest.mark.parametrize("sentence, name, role", [
    ("The delegation was welcomed by Solartys.", "solartys", "host"),
    ("Solartys welcomed the delegation.", "solartys", "host"),
    ("Morocco was represented by C2TM.", "c2tm", "delegate"),
    ("C2TM participated with two other experts.", "c2tm", "delegate"),
    ("Le Maroc était représenté par C2TM.", "c2tm", "delegate"),
    ("Les délégations à Solartys ont visité les ateliers.", "solartys", "host"),
])
def test_attendance_in_a_sentence(known, sentence, name, role):
    facts = proposed(known, f"Tunis, 2 June 2022\n\nThe forum took place on 1 June 2022 in Sfax, Tunisia.\n{sentence}\n")
    assert (name, role) in only(facts, "attendance", "name", "role")


def test_topics_formats_and_programmes_are_never_organisations(known):
    facts = proposed(known, """
        Tunis, 2 June 2022

        The forum took place on 1 June 2022 in Sfax, Tunisia, organised by France Clusters for the Sunrise
        Programme (funded by the European Union).
        Key topics: Cluster governance; Members engagement; Service portfolio.
        Sessions: C2C and C2B pitches, then B2B meetings over two days.
        """)
    names = {f["name"] for f in facts if f["fact"] in ("organisation", "attendance")}
    assert names.isdisjoint({"Cluster governance", "Members engagement", "Service portfolio", "C2C", "C2B", "B2B",
                             "Sunrise Programme"})
    [forum] = [f for f in facts if f["fact"] == "event" and f["kind"] == "forum"]
    assert [o["name"] for o in forum["organisers"]] == ["france-clusters"]


def test_a_new_organiser_is_proposed_with_its_acronym_kept_as_its_own(known):
    facts = proposed(known, """
        Tunis, 2 June 2022

        The forum took place on 1 June 2022 in Sfax, Tunisia. The event was organised by France Clusters
        in partnership with the Federation of Atlas Industries (FAI).
        """)
    [event] = [f for f in facts if f["fact"] == "event"]
    assert [(o["name"], o["role"]) for o in event["organisers"]] == [
        ("france-clusters", "organiser"), ("Federation of Atlas Industries", "co-organiser")]
    assert ("Federation of Atlas Industries", True) in only(facts, "organisation", "name", "new")
    assert "FAI" not in {f["name"] for f in facts}


@pytest.mark.parametrize("text, person, role, works_for", [
    ("Jane Doe, Project Manager at Sun Coast Cluster, said the forum went well.",
     "Jane Doe", "Project Manager", "sun-coast"),
    ("Jane Doe – Director, Sun Coast Cluster", "Jane Doe", "Director", "sun-coast"),
    ("According to the director of France Clusters, Jean Dupont, it went well.",
     "Jean Dupont", "director", "france-clusters"),
    ("Submitted by Jane Doe on 2 June 2022", "Jane Doe", "author of the news item", None),
])
def test_people_with_role_and_organisation(known, text, person, role, works_for):
    facts = proposed(known, f"A forum in Tunis\n\n{text}\n")
    assert (person, role, works_for) in only(facts, "person", "name", "role", "works_for")


def test_a_role_and_an_organisation_are_not_a_person(known):
    facts = proposed(known, "A forum in Tunis\n\nBoard Member France Clusters, Project Manager, spoke.\n")
    assert only(facts, "person", "name") == set()


@pytest.mark.parametrize("written, entry", [
    ("SUNCOAST", None),  # no entry is abbreviated so
    ("Solartys", "solartys"),  # an alias
    ("ABC", "accio"),  # the initials of Agency for Business Competitiveness
    ("Agency Nova", None),  # a word the registry name does not start with
])
def test_short_forms_resolve_through_the_registry(known, written, entry):
    facts = proposed(known, f"Tunis, 2 June 2022\n\n{written} took part in a forum in Sfax on 1 June 2022.\n")
    ids = {f["name"] for f in facts if f["fact"] in ("organisation", "attendance")}
    assert (entry in ids) if entry else not (ids & {"solartys", "accio", "sun-coast"})


def test_a_list_page_proposes_its_clusters_for_the_registry(known, tmp_path):
    page = tmp_path / "list-clusters.txt"
    page.write_text(textwrap.dedent("""\
        The innovation clusters of the region

        The targeted areas were: Health (Vitalis), Aerospace (Skyline), Agri-Food (Grainor) and Water (Aquanet).

        ALTO – Robotics Cluster (Torino), BETTA – Food technologies (Cuneo), GAMMA – Textile Cluster (Biella)

          • “Innovation Pole of Green Chemistry” managed by Delta Consortium from Novara
          • “Innovation Pole of Smart Textiles” managed by Epsilon Consortium from Biella
        """))
    [result] = extract([page], REGISTRY, tmp_path / "out")
    entries = {e["name"]: e for e in result.registry}
    assert {"Vitalis", "Skyline", "Grainor", "Aquanet", "ALTO", "BETTA", "GAMMA",
            "Innovation Pole of Green Chemistry", "Delta Consortium"} <= set(entries)
    assert (entries["Vitalis"]["kind"], entries["Vitalis"]["sector"]) == ("Cluster", "health")
    assert (entries["ALTO"]["country"], entries["ALTO"]["city"]) == ("IT", "Torino")
    assert entries["Delta Consortium"]["kind"] == "Association"
    written = yaml.safe_load(result.registry_written.read_text())
    assert [e["name"] for e in written["organisations"]] == [e["name"] for e in result.registry]
    assert result.registry_written.parent == tmp_path / "out" / "registry"


def test_a_french_enumeration_of_poles_lists_them(known):
    facts = proposed(known, """
        Les pôles de la région

        Les pôles Alphatec, Sun Coast Cluster, Medinnov et du pôle Mer Bleue repartent pour quatre ans.
        """)
    assert {("Alphatec", True), ("Medinnov", True), ("pôle Mer Bleue", True)} <= only(facts, "organisation", "name", "new")
    assert ("sun-coast", None) in only(facts, "organisation", "name", "new")


def test_the_review_table_puts_the_surest_facts_first(known, tmp_path):
    release = tmp_path / "release.txt"
    release.write_text("Tunis, 3 March 2021\n\nOn 1 March 2021 C2TM (Morocco) and Atlas Weaving Cluster (Morocco) "
                       "took part in a workshop in Tunis.\n")
    [result] = extract([release], REGISTRY, None)
    table = review_table([result]).splitlines()
    confidences = [float(line.split()[-2]) for line in table if re.fullmatch(r".*\s\d\.\d\d\s+\d+", line)]
    assert confidences == sorted(confidences, reverse=True) and len(set(confidences)) > 1


def test_a_sentence_that_names_the_clusters_lists_them(known):
    facts = proposed(known, """
        Clusters win funds

        The four clusters that won these funds are the Digital Cluster, the Toy Cluster, the Cluster d'Art de Girona
        (CAG) and Sportec, the cluster of the sports industry.
        """)
    assert {"Digital Cluster", "Toy Cluster", "Cluster d'Art de Girona", "Sportec"} <= {
        name for name, new in only(facts, "organisation", "name", "new") if new}


def test_a_range_across_two_months_without_a_year_takes_the_title_year(known):
    facts = proposed(known, "Cluster matchmaking event 2023\n\nThe matchmaking will be held from 31 May to 2 June in "
                            "Rabat, Morocco.\n")
    assert only(facts, "event", "kind", "start", "end") == {("matchmaking", dt.date(2023, 5, 31), dt.date(2023, 6, 2))}


def test_an_institution_named_in_running_text_is_proposed_at_low_confidence(known):
    facts = proposed(known, """
        A forum in Tunis

        The delegations met researchers of the Carthage Technology University.
        Many South Med clusters took part.
        France Clusters – the French Network of Clusters, hosted the meeting.
        """)
    new = {(f["name"], f["confidence"]) for f in facts if f["fact"] == "organisation" and f.get("new")}
    # 0.5, + 0.1 for the verb of meeting, + 0.1 for the institution's word; not "South Med clusters",
    # not France Clusters' long name
    assert new == {("Carthage Technology University", 0.7)}


def test_a_kind_word_alone_is_no_event_but_a_named_placed_or_dated_one_is(known):
    programme = proposed(known, """
        Our services

        The programme offers training and coaching to cluster managers all year round.
        """)
    assert only(programme, "event", "kind") == set()
    forum = proposed(known, """
        Our services

        The programme offers a training in Sfax, Tunisia, to cluster managers.
        """)
    assert only(forum, "event", "kind", "country") == {("training", "TN")}
