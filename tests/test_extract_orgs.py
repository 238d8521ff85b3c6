"""Organisations, people and acronyms in running text (invented sentences, the fixture registry)."""

import textwrap
from pathlib import Path

import pytest
import yaml

from medgraph.loaders.extract.proposal import to_data
from medgraph.loaders.extract.run import extract, extract_source, read_known
from medgraph.loaders.extract.source import parse_source

DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture(scope="module")
def known():
    return read_known(DATA / "registry.yaml", DATA / "documents")


def facts_of(known, text: str) -> list[dict]:
    source = parse_source(("Cluster news\n\n" + textwrap.dedent(text).strip()).encode(), "news.txt")
    return to_data(extract_source(source, known), 0.0, known.events)["facts"]


def new_organisations(facts: list[dict]) -> dict[str, tuple]:
    return {f["name"]: (f["kind"], f["country"]) for f in facts if f["fact"] == "organisation" and f.get("new")}


def known_names(facts: list[dict]) -> set[str]:
    return {f["name"] for f in facts if f["fact"] == "organisation" and not f.get("new")}


# --- new organisations in running text -----------------------------------------------------------


@pytest.mark.parametrize("sentence, name, kind, country", [
    ("On 3 May 2021 the delegation visited the Orion Technology Centre in Casablanca, Morocco.",
     "Orion Technology Centre", "ResearchCentre", "MA"),
    ("La délégation a visité le Technopark Dunes à Tunis le 4 mai 2021.", "Technopark Dunes", "Technopole", "TN"),
    ("The tour was hosted by Kestrel Robotics GmbH in Turin, Italy.", "Kestrel Robotics GmbH", "Company", "IT"),
    ("The meeting was held in partnership with the Atlas Business Incubator.", "Atlas Business Incubator",
     "Incubator", None),
    ("La rencontre a eu lieu en partenariat avec le Polo Verde.", "Polo Verde", "Cluster", None),
    ("The clusters met the Centre for Olive Research during the tour.", "Centre for Olive Research",
     "ResearchCentre", None),
    ("La delegazione ha visitato la Fondazione Ricerca e Innovazione a Torino il 4 maggio 2021.",
     "Fondazione Ricerca e Innovazione", "Foundation", "IT"),
    ("A delegação visitou a Agência para o Comércio Externo de Portugal.",
     "Agência para o Comércio Externo de Portugal", "Agency", "PT"),
    ("The delegation met the Orion Mechatronics cluster in Tunis.", "Orion Mechatronics", "Cluster", "TN"),
    ("La délégation a visité le pôle Agrinova à Sfax.", "Agrinova", "Cluster", "TN"),
    ("The clusters visited the Dunes Valley technopark.", "Dunes Valley", "Technopole", None),
])
def test_a_name_with_a_type_word_after_a_verb_of_meeting_is_a_new_organisation(known, sentence, name, kind, country):
    assert new_organisations(facts_of(known, sentence)).get(name) == (kind, country)


def test_a_name_its_capital_acronym_spells_is_a_new_organisation(known):
    facts = facts_of(known, "The Dunes Valley Mechatronics Alliance (DVMA) presented its services.")
    assert new_organisations(facts) == {"Dunes Valley Mechatronics Alliance": ("Company", None)}


def test_more_cues_make_a_surer_proposal(known):
    facts = facts_of(known, "The delegation visited the Orion Technology Centre in Rabat, Morocco. "
                            "The Federation of Orion Industries published a report.")
    sure = {f["name"]: f["confidence"] for f in facts if f.get("new")}
    assert sure["Orion Technology Centre"] > sure["Federation of Orion Industries"]


@pytest.mark.parametrize("sentence, names", [
    ("The Orion Mining Bank and the Banque du Sahel funded the programme.", {"Orion Mining Bank", "Banque du Sahel"}),
    ("Le projet concerne les prêts au ministère du Commerce et de l'Artisanat.",
     {"ministère du Commerce et de l'Artisanat"}),
    ("The report was written with the Ministry of Fisheries of Atlantis.", {"Ministry of Fisheries of Atlantis"}),
])
def test_banks_and_ministries_are_organisations(known, sentence, names):
    assert set(new_organisations(facts_of(known, sentence))) == names


def test_the_clusters_a_sentence_gives_as_examples_are_new_organisations(known):
    facts = facts_of(known, "The tour will include visits to clusters from Atlantis such as Agrova (food), "
                            "Cluster Ecobuild and its member company Hempa, and DIGIT (media).")
    assert set(new_organisations(facts)) == {"Agrova", "Cluster Ecobuild", "Hempa", "DIGIT"}


def test_a_minister_of_smes_works_for_no_organisation_called_smes(known):
    facts = facts_of(known, "Le ministre du Commerce et des PME, Jean Dupont, a ouvert la journée.")
    assert not any(f.get("works_for") == "PME" for f in facts) and "PME" not in new_organisations(facts)


@pytest.mark.parametrize("sentence", [
    "The Orion Technology Centre is a landmark of the old town.",  # no verb of meeting: a centre may be a building
    "The delegation visited the European Cluster and the South Med Textile Cluster.",  # peoples, places, sectors
    "The clusters visited the technology centres of the region.",  # no capitals
    "The visits are part of the Cluster Booster track of the programme.",  # a programme
    "The delegation met the Atlas Matchmaking Event organisers.",  # an event
    "The delegation visited the Catalan cluster and the Textile cluster.",  # a people and a sector
    "The delegation visited the Sfax technopark.",  # a place
    "The Orion Mechatronics cluster is a landmark of the region.",  # no verb of meeting
    "The Small and Medium Enterprises (SMES) of the region met in Sfax.",  # a topic defined as an acronym
])
def test_places_programmes_events_and_kinds_of_organisation_are_not_new_organisations(known, sentence):
    assert new_organisations(facts_of(known, sentence)) == {}


def test_a_role_phrase_is_no_part_of_an_organisations_or_a_persons_name(known):
    facts = facts_of(known, "Board Member France Clusters Pierre Martin visited the Dunes Incubator.")
    assert "france-clusters" in known_names(facts)
    assert set(new_organisations(facts)) == {"Dunes Incubator"}
    assert not any(f["fact"] == "person" and "Board" in f["name"] for f in facts)


# --- people ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, person, role, works_for", [
    ("Marco Bianchi – Cluster Manager, Polo Verde", "Marco Bianchi", "Cluster Manager", "Polo Verde"),
    ("Jane Doe – Board Member, France Clusters", "Jane Doe", "Board Member", "france-clusters"),
    ("Lina Haddad, directrice de l'Agence Solaris, a présenté le programme.", "Lina Haddad", "directrice",
     "Agence Solaris"),
    ("Jane Doe, Board Member of Atlas Cluster, said the visit helped.", "Jane Doe", "Board Member", "Atlas Cluster"),
    ("Jane Doe, Member of France Clusters, said the visit helped.", "Jane Doe", "Member", "france-clusters"),
    ("France Clusters's manager Jane Doe opened the day.", "Jane Doe", "manager", "france-clusters"),
    ("The Dunes Incubator’s project manager Jane Doe opened the day.", "Jane Doe", "project manager", "Dunes Incubator"),
])
def test_people_with_their_role_and_organisation(known, sentence, person, role, works_for):
    facts = facts_of(known, sentence)
    assert [(f["name"], f["role"], f["works_for"]) for f in facts if f["fact"] == "person"] == [(person, role, works_for)]


@pytest.mark.parametrize("sentence", [
    "Jane Doe, Board Member of Atlas Cluster, said the visit helped.",
    "Jane Doe, Member of Atlas Cluster, said the visit helped.",
])
def test_a_persons_title_before_member_of_is_no_member_organisation(known, sentence):
    facts = facts_of(known, sentence)
    assert set(new_organisations(facts)).isdisjoint({"Board", "Jane Doe"})
    assert not [f for f in facts if f["fact"] == "membership"]


# --- acronyms and short forms ---------------------------------------------------------------------


def test_an_acronym_the_page_defines_stands_for_its_name(known):
    facts = facts_of(known, """
        The Atlas Denim and Fashion Cluster (ADFC) was founded in 2010.

        On 3 May 2021 ADFC hosted a delegation in Fes, Morocco.
        """)
    assert "Atlas Denim and Fashion Cluster" in new_organisations(facts)
    assert "ADFC" not in new_organisations(facts)


def test_an_acronym_defined_for_a_known_name_resolves_to_it(known):
    facts = facts_of(known, """
        The Agency for Business Competitiveness (ABC) opened an office.

        ABC, a member of France Clusters, signed the charter.
        """)
    assert "ABC" not in new_organisations(facts)
    assert ("accio", "france-clusters") in {(f["member"], f["of"]) for f in facts if f["fact"] == "membership"}


def test_a_short_form_without_the_countrys_word_resolves(known):
    facts = facts_of(known, "On 3 May 2021 the Technical Textile Cluster visited Lyon, France.")
    assert "c2tm" in known_names(facts)  # registry: "Moroccan Technical Textile Cluster" (MA)


def test_an_acronym_that_loosely_fits_one_entry_is_proposed_as_its_alias(known, tmp_path):
    page = tmp_path / "news.txt"
    page.write_text("Cluster news\n\nThe forum took place in Lyon on 4 May 2021. MTTXC and Sun Coast Cluster participated.\n",
                    encoding="utf-8")
    [result] = extract([page], DATA / "registry.yaml", tmp_path / "out", documents=DATA / "documents")
    assert "MTTXC" not in new_organisations(result.data["facts"])
    written = yaml.safe_load(result.registry_written.read_text(encoding="utf-8"))["organisations"]
    assert [(e["id"], e["aliases"]) for e in written] == [("c2tm", ["MTTXC"])]
