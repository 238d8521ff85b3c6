"""Resolution rules, one example each: what a document writes -> which registry entry."""

import pytest

from medgraph.loaders.resolve import Entry, Resolver, Unresolved, normalise

REGISTRY = Resolver([
    Entry("olive-nw", "North West Olive Oil Cluster", "TN", ("Cluster Huile d'olive Nord-Ouest",)),
    Entry("dates-tn", "Dates & Palm Cluster", "TN"),
    Entry("dates-ps", "Date and Palm Cluster", "PS"),
    Entry("c2tm", "Moroccan Technical Textile Cluster", "MA", ("C2TM",)),
    Entry("solar-ma", "Moroccan Solar Cluster", "MA"),
    Entry("borg", "Borg Al Arab Innovation Cluster", "EG"),
    Entry("bizerte", "Bizerte Competitiveness Pole", "TN"),
    Entry("apii", "Agence de Promotion de l'Industrie et de l'Innovation", "TN"),
    Entry("stone", "Palestinian Stone Cluster", "PS"),
    Entry("valley", "Valley for Stone and Marble", "PS"),
])


@pytest.mark.parametrize("written, country, expected, rule", [
    ("North-west olive oil cluster", "TN", "olive-nw", "exact"),          # case, hyphen, "cluster"
    ("Northwest Olive Oil Cluster", None, "olive-nw", "exact"),           # glued compound
    ("Cluster Huile d'olive Nord-Ouest", "TN", "olive-nw", "exact"),      # the French alias
    ("Cluster dattes & palmier Tunisie", "TN", "dates-tn", "fuzzy"),      # French, "Tunisie" extra
    ("Date and Palm Cluster", "PS", "dates-ps", "exact"),                 # same words, other country
    ("Moroccan Technical Textile Cluster (C2TM)", "MA", "c2tm", "parts"),  # name and acronym agree
    ("Le Cluster des Textiles Techniques Marocains - C2TM", "MA", "c2tm", "parts"),
    ("Morrocan Solar Cluster", "MA", "solar-ma", "fuzzy"),                # a typo
    ("Borg AI Arab Innovation Cluster", "EG", "borg", "fuzzy"),           # OCR: AI for Al
    ("Pôle de compétitivité de Bizerte", "TN", "bizerte", "exact"),       # French word order
    ("Agence de Promotion de lIndustrie et de I'Innovation", "TN", "apii", "exact"),  # OCR elisions
])
def test_a_written_name_resolves_to_its_entry(written, country, expected, rule):
    match = REGISTRY.resolve(written, country)
    assert (match.id, match.rule) == (expected, rule)


def test_the_country_blocks_a_near_identical_name_in_another_country():
    assert REGISTRY.resolve("Dates and Palm Cluster", "TN").id == "dates-tn"
    assert REGISTRY.resolve("Dates and Palm Cluster", "PS").id == "dates-ps"


def test_an_exact_name_wins_over_a_containing_one():
    assert REGISTRY.resolve("Valley for Stone and Marble", "PS").id == "valley"


def test_an_unknown_name_names_the_closest_entries():
    with pytest.raises(Unresolved, match=r"unknown name 'Borg Al Arab Innov\.' \(closest: 'Borg Al Arab"):
        REGISTRY.resolve("Borg Al Arab Innov.", "EG")


def test_a_name_close_to_two_entries_is_left_unresolved():
    close_pair = Resolver([Entry("a", "Marine Tech Cluster", "TN"), Entry("b", "Marina Tech Cluster", "TN")])
    with pytest.raises(Unresolved, match="unknown name 'Marin Tech Cluster'"):
        close_pair.resolve("Marin Tech Cluster", "TN")


def test_parts_naming_two_entries_are_ambiguous():
    with pytest.raises(Unresolved, match="its parts name c2tm, olive-nw"):
        REGISTRY.resolve("North West Olive Oil Cluster - C2TM")


def test_normalise_sorts_words_and_drops_the_generic_ones():
    assert normalise("The Leather & Shoe Cluster") == normalise("Leather and Shoe") == "leather shoe"


def test_a_registry_id_written_as_the_name_is_that_entry():
    assert REGISTRY.resolve("c2tm", "MA") == REGISTRY.resolve("C2TM", "MA").__class__("c2tm", "id", 100.0)
