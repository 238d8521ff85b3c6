"""Events, links to the events the data holds, attendances and dates on invented releases (issue 18)."""

import datetime as dt
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from medgraph.loaders.extract.dates import find_dates
from medgraph.loaders.extract.proposal import to_data
from medgraph.loaders.extract.run import extract_source, read_known
from medgraph.loaders.extract.source import parse_source

DATA = Path(__file__).parent / "fixtures" / "data"
#: Known events of an invented series, beside the fixture data's own (a visit to Barcelona, 19-23
#: November 2018; a forum in Lyon, 13 September 2019).
SERIES = [
    {"id": "atlas-days-1", "kind": "techdays", "name": "Atlas Days, 1st edition", "start": dt.date(2019, 4, 9),
     "end": dt.date(2019, 4, 11), "city": "Casablanca", "country": "MA"},
    {"id": "tour-2019-be", "kind": "study tour", "name": "Study tour in Belgium", "start": dt.date(2019, 10, 28),
     "end": dt.date(2019, 11, 1), "city": None, "country": "BE"},
    {"id": "tour-2020-it", "kind": "benchmarking visit", "name": "Benchmarking visit, Italy",
     "start": dt.date(2020, 3, 2), "end": dt.date(2020, 3, 6), "city": None, "country": "IT"},
]


@pytest.fixture(scope="module")
def known():
    read = read_known(DATA / "registry.yaml", DATA / "documents")
    return replace(read, events=read.events + SERIES)


def facts_of(known, text: str) -> list[dict]:
    source = parse_source(textwrap.dedent(text).lstrip().encode(), "news.txt")
    return to_data(extract_source(source, known), 0.0, known.events)["facts"]


def only(facts: list[dict], kind: str, *fields: str) -> set[tuple]:
    return {tuple(f.get(k) for k in fields) for f in facts if f["fact"] == kind}


# --- event precision ----------------------------------------------------------------------------


def test_a_workshop_and_b2b_meetings_on_days_of_the_forum_are_part_of_it(known):
    facts = facts_of(known, """
        The Atlas forum of clusters in Sfax

        Tunis, 2 June 2022

        The forum took place from 9 to 12 May 2022 in Sfax, Tunisia. On 10 May 2022 a workshop on
        cluster governance was held. On 11 May 2022, B2B meetings gathered forty clusters.
        """)
    assert only(facts, "event", "kind", "start", "end") == {("forum", dt.date(2022, 5, 9), dt.date(2022, 5, 12))}


def test_a_session_with_organisers_of_its_own_stays_an_event(known):
    facts = facts_of(known, """
        The Atlas forum of clusters in Sfax

        Tunis, 2 June 2022

        The forum took place on 1 June 2022 in Sfax, Tunisia.
        France Clusters organised a workshop on the day.
        """)
    assert only(facts, "event", "kind") == {("forum",), ("workshop",)}


def test_a_training_and_a_study_tour_of_the_same_year_are_two_events(known):
    facts = facts_of(known, "A note on our cooperation offer abroad\n\n"
                            "We provided a training and organised a study tour in France (2015).\n")
    assert only(facts, "event", "kind") == {("training",), ("study tour",)}


@pytest.mark.parametrize("sentence", ["The network held its General Assembly on 11 June 2021 in Sfax, Tunisia.",
                                      "Le réseau a tenu son assemblée générale le 11 juin 2021 à Sfax."])
def test_a_general_assembly_is_a_meeting(known, sentence):
    facts = facts_of(known, sentence)
    assert only(facts, "event", "kind", "start", "country") == {("meeting", dt.date(2021, 6, 11), "TN")}


@pytest.mark.parametrize("sentence", [
    "Each workshop is organised by France Clusters in Tunisia.",
    "Such a forum takes place in Tunis.",
    "Our programme offers trainings, webinars and matchmaking with European clusters.",
    "Chaque atelier est organisé par France Clusters à Tunis.",
])
def test_a_kind_spoken_of_in_general_states_no_event(known, sentence):
    assert only(facts_of(known, f"What the cluster programme offers its members\n\n{sentence}\n"), "event", "kind") \
        == set()


# --- linking to known events --------------------------------------------------------------------


def test_the_first_edition_of_the_pages_kind_is_the_known_first_edition(known):
    facts = facts_of(known, """
        Call for clusters: the 2nd Atlas TechDays in Tunis

        Tunis, 13 November 2019

        Following the success of the 1st edition, the 2nd TechDays will take place in Tunis on 29 January 2020.
        """)
    assert ("atlas-days-1",) in only(facts, "mention", "event")
    assert only(facts, "event", "kind", "city") == {("techdays", "Tunis")}


def test_a_french_ordinal_edition_links_likewise(known):
    facts = facts_of(known, "Les TechDays reviennent à Tunis en 2020\n\n"
                            "Après le succès de la première édition, les TechDays reviennent à Tunis.\n")
    assert ("atlas-days-1",) in only(facts, "mention", "event")


def test_a_series_announced_by_country_names_each_known_event_held_there(known):
    facts = facts_of(known, """
        Benchmarking visits of the cluster programme

        Four one-week tours will be held in Europe between 2018 and 2020.
        Each tour will be hosted in Catalonia (Spain), Wallonia (Belgium) and Piedmont (Italy).
        """)
    assert only(facts, "mention", "event") >= {("visit-2018-barcelona",), ("tour-2019-be",), ("tour-2020-it",)}


def test_a_series_outside_the_known_years_names_nothing(known):
    facts = facts_of(known, """
        Benchmarking visits of the cluster programme

        Four one-week tours will be held in Europe between 2023 and 2024.
        Each tour will be hosted in Catalonia (Spain), Wallonia (Belgium) and Piedmont (Italy).
        """)
    assert only(facts, "mention", "event") == set()


def test_an_undated_page_links_an_undated_event_by_its_city(known):
    facts = facts_of(known, "An interview with a cluster manager about clusters\n\n"
                            "We took part in the benchmarking visit in Barcelona. C2TM a pris part à la visite.\n")
    assert only(facts, "mention", "event") == {("visit-2018-barcelona",)}
    assert only(facts, "attendance", "event", "name") == {("visit-2018-barcelona", "c2tm")}


# --- status from the tense the page speaks of an event in ----------------------------------------


def test_an_event_announced_in_the_future_is_planned_and_one_recalled_in_the_past_held(known):
    facts = facts_of(known, """
        Register now for the Atlas forum 2023, 3 - 4 May

        The Atlas forum will be held in Sfax, Tunisia, on 3-4 May 2023.
        The first Atlas forum was held on 10 June 2019 in Tunis. During that forum, 150 B2B meetings took place.
        """)
    assert only(facts, "event", "start", "status") == {(dt.date(2023, 5, 3), "planned"), (dt.date(2019, 6, 10), "held")}


@pytest.mark.parametrize("verb, status", [("took place", "held"), ("will take place", "planned")])
def test_an_undated_event_takes_the_tense_of_its_sentence(known, verb, status):
    facts = facts_of(known, f"Tunis, 2 June 2022\n\nAtlas news\n\nThe Atlas forum {verb} in Sfax, Tunisia.\n")
    assert only(facts, "event", "status") == {(status,)}


@pytest.mark.parametrize("sentence", [
    "Following the success of the first edition organised with France Clusters, with the support of ESITH, "
    "the network is recruiting clusters for the 2nd forum.",
    "Après le succès de la première édition, organisée par France Clusters avec le soutien d'ESITH, le réseau "
    "recrute des clusters pour le 2e forum.",
])
def test_the_organisers_of_an_earlier_edition_do_not_organise_the_pages_event(known, sentence):
    facts = facts_of(known, f"The 2nd Atlas forum\n\nTunis, 2 June 2022\n\nThe forum will take place on 1 July 2022 "
                            f"in Sfax.\n{sentence}\n")
    organisers = [o["name"] for f in facts if f["fact"] == "event" for o in f.get("organisers", [])]
    assert organisers == []


# --- events named without a kind word ------------------------------------------------------------


@pytest.mark.parametrize("sentence, name, year, country", [
    ("C2TM exhibited at Tessilo 2018 in Lyon, France.", "Tessilo", 2018, "FR"),
    ("Le cluster C2TM a participé à Tessilo Maroc 2018.", "Tessilo Maroc", 2018, "MA"),
    ("ESITH visited NEXPO Africa 2019 in Marrakech.", "NEXPO Africa", 2019, "MA"),
])
def test_a_name_with_an_edition_year_after_at_or_taking_part_is_a_trade_fair(known, sentence, name, year, country):
    facts = facts_of(known, f"Tunis, 2 June 2019\n\nCluster news\n\n{sentence}\n")
    [event] = [f for f in facts if f["fact"] == "event"]
    assert (event["name"], event["kind"], event["start"], event["end"], event["country"]) == (
        name, "trade fair", dt.date(year, 1, 1), dt.date(year, 12, 31), country)
    assert only(facts, "attendance", "event") == {(event["id"],)}


def test_a_fair_named_with_its_dates_in_brackets_in_the_context_of_which_an_event_is_held(known):
    facts = facts_of(known, "Atlas news\n\nThe forum will be held in the context of NEXPO Africa (31 May - 2 June "
                            "2023) in Marrakech, Morocco.\n")
    assert ("trade fair", "NEXPO Africa", dt.date(2023, 5, 31), dt.date(2023, 6, 2), "planned") in only(
        facts, "event", "kind", "name", "start", "end", "status")


@pytest.mark.parametrize("sentence", [
    "The cluster took part in Horizon 2020 projects.",  # a programme
    "The delegation arrived at Tunis 2019 in March 2019.",  # a place
    "It was founded in March 2019 and reached 40 members in 2020.",
])
def test_no_fair_from_programmes_places_or_months(known, sentence):
    assert not only(facts_of(known, f"Tunis, 2 June 2019\n\nCluster news\n\n{sentence}\n"), "event", "kind")


def test_a_fair_named_without_its_kind_links_to_the_known_event_of_that_name(known):
    fair = {"id": "fairx-2019", "kind": "forum", "name": "FAIRX Forum", "start": dt.date(2019, 9, 12),
            "end": dt.date(2019, 9, 13), "city": "Lyon", "country": "FR"}
    with_fair = replace(known, events=known.events + [fair])
    facts = facts_of(with_fair, "Tunis, 2 October 2019\n\nCluster news\n\nESITH exhibited at FAIRX 2019.\n")
    assert only(facts, "mention", "event") == {("fairx-2019",)}
    assert only(facts, "attendance", "event", "name") == {("fairx-2019", "esith")}


# --- attendances ---------------------------------------------------------------------------------

FORUM = "The Atlas forum of clusters in Sfax\n\nTunis, 2 June 2022\n\nThe forum took place on 1 June 2022 in Sfax, Tunisia.\n"


@pytest.mark.parametrize("sentence, expected", [
    ("France Clusters visited ESITH.", {("france-clusters", "delegate"), ("esith", "host")}),
    ("C2TM was represented by its director.", {("c2tm", "delegate")}),
    ("C2TM était représenté par sa directrice.", {("c2tm", "delegate")}),
    ("The following clusters took part: C2TM, ESITH and the Atlas Logistics Cluster.",
     {("c2tm", "delegate"), ("esith", "delegate"), ("Atlas Logistics Cluster", "delegate")}),
    ("Ont participé au forum : C2TM et le Cluster Atlas Logistique.",
     {("c2tm", "delegate"), ("Cluster Atlas Logistique", "delegate")}),
    ("C2TM, ESITH and the Atlas Logistics Cluster participated in the forum.",
     {("c2tm", "delegate"), ("esith", "delegate"), ("Atlas Logistics Cluster", "delegate")}),
])
def test_attendances_stated_in_a_sentence(known, sentence, expected):
    facts = facts_of(known, FORUM + sentence + "\n")
    assert only(facts, "attendance", "name", "role") == expected
    assert all(0 < f["confidence"] <= 1 for f in facts if f["fact"] == "attendance")


@pytest.mark.parametrize("sentence, expected", [
    ("Among the participants: C2TM, ESITH and Solartys.",
     {("c2tm", "delegate", 0.95), ("esith", "delegate", 0.95), ("solartys", "delegate", 0.95)}),
    ("Among the participants were C2TM and ESITH.", {("c2tm", "delegate", 0.95), ("esith", "delegate", 0.95)}),
    ("Parmi les participants, C2TM et ESITH.", {("c2tm", "delegate", 0.95), ("esith", "delegate", 0.95)}),
    ("Solartys a reçu une délégation de C2TM.", {("solartys", "host", 0.95), ("c2tm", "delegate", 0.95)}),
    ("Solartys a accueilli une délégation de C2TM et ESITH.",
     {("solartys", "host", 0.95), ("c2tm", "delegate", 0.95), ("esith", "delegate", 0.95)}),
    ("Solartys received a delegation from C2TM.", {("solartys", "host", 0.95), ("c2tm", "delegate", 0.95)}),
    ("A delegation of 2 clusters from Morocco (C2TM and ESITH) visited Solartys.",
     {("c2tm", "delegate", 0.95), ("esith", "delegate", 0.95), ("solartys", "host", 0.95)}),
    ("C2TM and ESITH met the Solartys cluster during the forum.",
     {("c2tm", "delegate", 0.75), ("esith", "delegate", 0.75), ("solartys", "delegate", 0.75)}),
    ("Amal Haddad, Director of C2TM, took part in the forum.", {("c2tm", "delegate", 0.85)}),
    ("Amal Haddad, Board Member of ESITH, a participé au forum.", {("esith", "delegate", 0.85)}),
    ("Amal Haddad (C2TM) attended the forum.", {("c2tm", "delegate", 0.95)}),
    ("The forum included the participation of clusters such as Agrova (food) and DIGIT (media).",
     {("Agrova", "delegate", 0.6), ("DIGIT", "delegate", 0.6)}),
    ("The forum included visits to companies such as Hempa and Agrova.",
     {("Hempa", "host", 0.6), ("Agrova", "host", 0.6)}),
])
def test_attendance_shapes_and_the_confidence_of_their_cue(known, sentence, expected):
    facts = facts_of(known, FORUM + sentence + "\n")
    assert only(facts, "attendance", "name", "role", "confidence") == expected


@pytest.mark.parametrize("sentence", [
    "Mentors and mentees of C2TM met for the first time.",  # people met, not the organisation
    "Amal Haddad, Director of C2TM, spoke about the new forum.",  # she speaks; C2TM does not attend for her
])
def test_no_attendance_without_an_organisation_that_attended(known, sentence):
    facts = facts_of(known, FORUM + sentence + "\n")
    assert only(facts, "attendance", "name") == set()


def test_the_body_an_organiser_depends_on_is_no_organiser(known):
    facts = facts_of(known, FORUM + "It was organised by ACCIO, the agency depending on the Ministry of Trade of "
                                    "Atlantis, together with France Clusters.\n")
    organisers = {o["name"] for f in facts if f["fact"] == "event" for o in f.get("organisers", [])}
    assert organisers == {"accio", "france-clusters"}


def test_an_organiser_of_the_event_is_not_its_delegate(known):
    facts = facts_of(known, FORUM + "Organised by France Clusters, it gathered France Clusters delegations at ESITH.\n")
    assert ("france-clusters", "delegate") not in only(facts, "attendance", "name", "role")


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, start, end", [
    ("April 30 - May 2, 2019", dt.date(2019, 4, 30), dt.date(2019, 5, 2)),
    ("December 30 - January 2, 2020", dt.date(2019, 12, 30), dt.date(2020, 1, 2)),
    ("du mardi 9 au vendredi 12 avril 2019", dt.date(2019, 4, 9), dt.date(2019, 4, 12)),
    ("from Tuesday 9 to Friday 12 April 2019", dt.date(2019, 4, 9), dt.date(2019, 4, 12)),
    ("from April 30 to May 2", dt.date(2019, 4, 30), dt.date(2019, 5, 2)),
])
def test_ranges_across_months_and_with_weekdays(text, start, end):
    [found] = find_dates(text, dt.date(2019, 6, 1))
    assert (found.start, found.end, found.precision) == (start, end, "day")


def test_a_day_without_a_year_takes_the_one_year_the_page_writes(known):
    facts = facts_of(known, "A forum of clusters in Sfax\n\nThe forum will be held on 9 and 10 May in Sfax, Tunisia.\n"
                            "It opens the programme of 2022.\n")
    assert only(facts, "event", "start", "end") == {(dt.date(2022, 5, 9), dt.date(2022, 5, 10))}


@pytest.mark.parametrize("aim", ["It serves the strategy à l'horizon 2030.", "It serves the plan for jobs by 2030.",
                                 "The network was set up in 2002.", "Le réseau a été créé en 2002."])
def test_the_year_a_plan_aims_at_or_a_founding_year_does_not_date_a_day_without_a_year(known, aim):
    facts = facts_of(known, f"A forum of clusters in Sfax\n\nThe forum was held on 9 and 10 May in Sfax, Tunisia.\n{aim}\n")
    assert only(facts, "event", "start") <= {(None,)}


def test_months_on_end_are_a_programme_not_an_events_dates(known):
    facts = facts_of(known, "A mentoring offer for clusters of the region\n\n"
                            "The training will run from October 2020 to July 2021 in Tunis, Tunisia.\n")
    assert only(facts, "event", "start") <= {(None,)}


def test_a_bare_year_elsewhere_does_not_date_the_pages_event(known):
    facts = facts_of(known, """
        The Atlas forum of clusters

        The forum brings clusters of the region together in Sfax, Tunisia.
        The cluster behind it was founded in 2008.
        """)
    assert only(facts, "event", "kind", "start") == {("forum", None)}
