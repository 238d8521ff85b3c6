"""The French pipeline's named entities as candidates for the rules (issue 18, eighth pass), on
invented French releases: organisations the rules do not see, at a lower confidence, the
attendance cues applied to them, and the names that stay no organisations."""

import textwrap
from pathlib import Path

import pytest

from medgraph.loaders.extract import run
from medgraph.loaders.extract.model import Entity, candidate, entities
from medgraph.loaders.extract.proposal import to_data
from medgraph.loaders.extract.run import extract_source, read_known
from medgraph.loaders.extract.source import parse_source

DATA = Path(__file__).parent / "fixtures" / "data"

RELEASE = """
    Tunis, le 15 avril 2019

    Le forum des clusters s'est tenu à Tunis du 9 au 11 avril 2019. Le groupe Kairos Systèmes et la
    société Oued Data ont participé au forum. La délégation a visité la Fédération Atlas des
    Industries Mécaniques.

    Selon Leila Ben Salah, le forum a réuni 40 exposants.
    """


@pytest.fixture(scope="module")
def known():
    return read_known(DATA / "registry.yaml", DATA / "documents")


def facts_of(known, text: str) -> list[dict]:
    source = parse_source(textwrap.dedent(text).lstrip().encode(), "communique.txt")
    return to_data(extract_source(source, known), 0.0, known.events)["facts"]


def new_organisations(facts: list[dict]) -> dict[str, float]:
    return {f["name"]: f["confidence"] for f in facts if f["fact"] == "organisation" and f.get("new")}


def attendances(facts: list[dict]) -> dict[tuple, float]:
    return {(f["name"], f["role"]): f["confidence"] for f in facts if f["fact"] == "attendance"}


def test_companies_only_the_model_tags_attend_less_surely_than_a_name_the_rules_find(known):
    facts = facts_of(known, RELEASE)
    assert attendances(facts) == {("Kairos Systèmes", "delegate"): 0.5, ("Oued Data", "delegate"): 0.5,
                                  ("Fédération Atlas des Industries Mécaniques", "host"): 0.6}
    organisations = new_organisations(facts)
    assert organisations["Kairos Systèmes"] == organisations["Oued Data"] == 0.5
    assert organisations["Fédération Atlas des Industries Mécaniques"] > 0.5  # a rule's type word found it too


def test_a_person_only_the_model_tags_is_proposed_without_role_and_less_surely(known):
    people = {f["name"]: f for f in facts_of(known, RELEASE) if f["fact"] == "person"}
    assert people["Leila Ben Salah"]["confidence"] == 0.5
    assert "role" not in people["Leila Ben Salah"]


def test_a_bloc_a_programme_its_acronym_a_heading_and_a_theme_are_no_organisations(known):
    facts = facts_of(known, """
        COMMUNIQUE DE PRESSE

        Le forum, financé par l'Union européenne dans le cadre du projet Atlas Forward (AF), s'est
        tenu à Tunis le 9 avril 2019 autour du thème «Building Atlas digital resilience». Atlas
        Forward réunit douze clusters.
        """)
    assert new_organisations(facts) == {}


def test_entities_are_only_candidates_the_resolver_and_the_filters_decide(known, monkeypatch):
    """A fake model's output (no pipeline loaded): a known name tagged LOC resolves to its id, a
    country tagged ORG is a place, a MISC without an organisation's word is not one."""
    text = "Tunis, le 15 avril 2019\n\nLe forum s'est tenu à Tunis le 9 avril 2019. Le réseau Accio, la Tunisie et " \
           "Medina Days ont participé au forum."

    def tagged(texts):
        return [[Entity(label, t.find(name), t.find(name) + len(name))
                 for label, name in (("LOC", "Accio"), ("ORG", "Tunisie"), ("MISC", "Medina Days")) if name in t]
                for t in texts]

    monkeypatch.setattr(run, "entities", tagged)
    facts = facts_of(known, text)
    assert attendances(facts) == {("accio", "delegate"): 0.8}  # a known name only the model found: 0.8
    assert new_organisations(facts) == {}


def test_an_english_page_never_asks_the_french_pipeline(known, monkeypatch):
    def refuse(texts):
        raise AssertionError("the French pipeline was asked about an English page")

    monkeypatch.setattr(run, "entities", refuse)
    facts = facts_of(known, """
        April 15, 2019

        The cluster forum was held in Tunis on April 9 to 11, 2019. Oued Data took part in the forum.
        """)
    assert any(f["fact"] == "event" for f in facts)


def test_the_pipeline_tags_organisations_people_and_places_in_french():
    [found] = entities(["La délégation a visité la Chambre de Commerce de Tunis puis a rencontré Leila Ben Salah."])
    text = "La délégation a visité la Chambre de Commerce de Tunis puis a rencontré Leila Ben Salah."
    labels = {text[e.begin:e.end]: e.label for e in found}
    assert labels["Leila Ben Salah"] == "PER"
    chamber = next(e for e in found if text[e.begin:e.end].startswith("Chambre"))
    assert text[slice(*candidate(text, chamber))] == "Chambre de Commerce de Tunis"
