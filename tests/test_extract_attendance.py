"""Who took part in which event, on invented releases (issue 18, seventh pass): the event a page's
attendances point at, hosts met, representatives, places that only locate a name, names that are
no organisations, and a byline's date."""

import datetime as dt
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from medgraph.loaders.extract.proposal import to_data
from medgraph.loaders.extract.run import extract_source, read_known
from medgraph.loaders.extract.source import parse_source

DATA = Path(__file__).parent / "fixtures" / "data"
#: A known TechDays of an invented series, beside the fixture data's own events.
ATLAS_DAYS = {"id": "atlas-days-1", "kind": "techdays", "name": "Atlas Days, 1st edition", "start": dt.date(2019, 4, 9),
              "end": dt.date(2019, 4, 11), "city": "Casablanca", "country": "MA"}


@pytest.fixture(scope="module")
def known():
    read = read_known(DATA / "registry.yaml", DATA / "documents")
    return replace(read, events=read.events + [ATLAS_DAYS])


def facts_of(known, text: str) -> list[dict]:
    source = parse_source(textwrap.dedent(text).lstrip().encode(), "news.txt")
    return to_data(extract_source(source, known), 0.0, known.events)["facts"]


def attendances(facts: list[dict]) -> set[tuple]:
    return {(f["event"], f["name"], f["role"]) for f in facts if f["fact"] == "attendance"}


def events(facts: list[dict]) -> set[tuple]:
    return {(f["kind"], f.get("country"), f.get("start")) for f in facts if f["fact"] == "event"}


def test_a_countrys_cluster_does_not_place_the_event_so_it_links_to_the_known_one(known):
    facts = facts_of(known, """
        April 15, 2019

        Cluster managers met during the Atlas TechDays.

        Dunes Cluster, Lebanon's food cluster, participated in the Atlas TechDays. The event was held on
        April 9 to 11 in Casablanca, Morocco by the European Cluster Platform.
        """)
    assert {f["event"] for f in facts if f["fact"] == "mention"} == {"atlas-days-1"}
    assert ("atlas-days-1", "Dunes Cluster", "delegate") in attendances(facts)


def test_the_owner_of_the_event_is_no_host_and_a_long_name_after_a_known_one_no_second_host(known):
    facts = facts_of(known, """
        April 15, 2019

        Visits to local organisations (ESITH – Higher School of Textile Industries) were part of
        France Clusters's TechDays in Casablanca on April 9 to 11.
        """)
    assert attendances(facts) == {("atlas-days-1", "esith", "host")}


def test_names_that_met_during_an_event_attend_it_known_or_new(known):
    facts = facts_of(known, """
        News from the clusters

        Solartys and the Orion Cluster of Bulgaria met during the Atlas TechDays in Casablanca.
        """)
    assert attendances(facts) == {("atlas-days-1", "solartys", "delegate"), ("atlas-days-1", "Orion Cluster of Bulgaria", "delegate")}
    assert ("techdays", "BG", None) not in events(facts)  # "of Bulgaria" names the cluster, not the place


def test_a_mission_abroad_and_the_bodies_its_meetings_were_held_with(known):
    facts = facts_of(known, """
        News from the clusters

        The Sun Coast Cluster participated in a mission in Tunisia from 1 to 3 April. Meetings were held
        with the Sfax Technical Office, the Gabes Research Centre (Delta Institute local centre) and the
        Dates & Palm Cluster.
        """)
    mission = next(f["id"] for f in facts if f["fact"] == "event")
    assert events(facts) == {("international market mission", "TN", None)}
    assert attendances(facts) == {(mission, "sun-coast", "delegate"), (mission, "Sfax Technical Office", "host"),
                                  (mission, "Gabes Research Centre", "host"), (mission, "dates-tn", "host")}


def test_a_meeting_with_a_plan_is_no_host_cue(known):
    facts = facts_of(known, """
        The Sun Coast Cluster held its forum in Tunis on 3 May 2022. The members left the réunion avec une
        stratégie commune.
        """)
    assert {role for _, _, role in attendances(facts)} <= {"delegate"}


def test_a_date_after_a_second_kind_dates_that_kind_only(known):
    facts = facts_of(known, """
        News from the clusters

        The board will meet on the sidelines of the conference Mare Nostrum Futures, in which France
        Clusters takes a very active part, with a view to the Mediterranean Summit announced for June 2030.
        """)
    kinds = {f["kind"]: f for f in facts if f["fact"] == "event"}
    assert kinds["summit"]["start"] == dt.date(2030, 6, 1)
    assert kinds["conference"].get("start") is None and kinds["conference"]["name"].endswith("Mare Nostrum Futures")
    assert attendances(facts) == {(kinds["conference"]["id"], "france-clusters", "delegate")}


def test_a_date_in_brackets_or_after_a_frame_dates_both_kinds(known):
    facts = facts_of(known, """
        News from the clusters

        Morocco: a training for aerospace clusters in Rabat, including a study tour in France (2016).
        """)
    assert {(kind, start) for kind, _, start in events(facts)} == {("training", dt.date(2016, 1, 1)),
                                                                    ("study tour", dt.date(2016, 1, 1))}


def test_the_representatives_at_a_ceremony_bring_their_organisations(known):
    facts = facts_of(known, """
        A cluster programme has been introduced in Amman, Jordan.
        The ceremony was attended by Minister of Industry Omar Said, Atlas Bank Representative in Jordan
        Lina Haddad and President of the Association of Jordanian Exporters Sami Nasser.
        """)
    ceremony = next(f["id"] for f in facts if f["fact"] == "event")
    assert events(facts) == {("conference", "JO", None)}
    assert attendances(facts) == {(ceremony, "Atlas Bank", "delegate"),
                                  (ceremony, "Association of Jordanian Exporters", "delegate")}


def test_a_graduation_or_opening_ceremony_stays_a_session(known):
    facts = facts_of(known, """
        The graduation ceremony will take place in Amman, Jordan, on 3 May 2022.
        """)
    assert {kind for kind, _, _ in events(facts)} == {"meeting"}


def test_a_city_and_a_clusters_type_word_name_the_registry_cluster_of_that_city(known):
    registry = replace(known, cities={**known.cities, "dates-tn": "Tozeur"})
    facts = facts_of(registry, """
        News from the clusters

        The Sun Coast Cluster took part in a mission in Tunisia. Meetings were held with the Tozeur cluster.
        """)
    assert {(name, role) for _, name, role in attendances(facts)} == {("sun-coast", "delegate"), ("dates-tn", "host")}


def new_organisations(facts: list[dict]) -> set[str]:
    return {f["name"] for f in facts if f["fact"] == "organisation" and f.get("new")}


def test_page_fields_parts_of_the_world_and_programmes_given_as_examples_are_no_organisations(known):
    facts = facts_of(known, """
        Atlas Network news

        Source: Atlas Investment Network
        Country: Other countries
        Activity: Other or not specified

        La plateforme relie l'Europe, le Moyen-Orient et l'Afrique. Through initiatives like ZENITH
        (skills), ORBIT (start-ups), MedYouth and AfriLink (diaspora), the network grows.
        """)
    assert new_organisations(facts) & {"Country", "Activity", "Moyen-Orient", "Afrique", "ZENITH", "ORBIT"} == set()


def test_an_article_alone_is_no_member_and_a_known_network_is_named_by_its_id(known):
    facts = facts_of(known, """
        News from the clusters

        Les membres du réseau Solartys ont fait le bilan des dernières années.
        """)
    assert "Les" not in new_organisations(facts) and "Solartys" not in new_organisations(facts)


def test_a_launch_on_its_day_is_an_event(known):
    facts = facts_of(known, """
        News from the clusters

        Le réseau Atlas Maroc vient d'être lancé le 12 mars 2021 à Rabat avec vingt entreprises.
        """)
    assert events(facts) == {("conference", "MA", dt.date(2021, 3, 12))}


def test_a_byline_written_by_its_author_on_a_weekday_dates_the_page(known):
    source = parse_source("Un titre\n\nRédigé par Jean Dupont, le Mardi 9 Mars 2021 - Lu 80 fois\n".encode(), "news.txt")
    assert extract_source(source, known).date == dt.date(2021, 3, 9)
