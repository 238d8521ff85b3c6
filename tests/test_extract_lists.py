"""The list reader reads a page's lists as structure, whatever the page's shape (invented pages)."""

from medgraph.loaders.extract.cluster_lists import find_clusters
from medgraph.loaders.extract.source import Span, paragraphs, parse_source


def listed(text: str) -> list[tuple[str, str | None, str | None]]:
    source = parse_source(text.encode(), "page.txt")
    return [(c.name, c.city, c.country) for block in paragraphs(source) for c in find_clusters(block)]


def test_bullet_lines_with_a_description_and_a_city_are_organisations():
    page = ("Our region's innovation poles:\n"
            "• Polo Alimenta – food technologies (Cuneo)\n"
            "• NAUTIX – Marine Engineering Cluster (Torino)\n"
            "• Fondazione Sole, managed by Sole Consortium from Novara\n")
    assert listed(page) == [("Polo Alimenta", "Cuneo", "IT"), ("NAUTIX", "Torino", "IT"),
                            ("Fondazione Sole", "Novara", "IT"), ("Sole Consortium", "Novara", "IT")]


def test_an_enumeration_after_the_word_for_poles_names_each_pole_and_drops_the_rest_of_the_sentence():
    assert [n for n, _, _ in listed("Les pôles Aquaterra, Solaris, Medinnov et Vitalis repartent pour quatre ans.")] \
        == ["Aquaterra", "Solaris", "Medinnov", "Vitalis"]


def test_people_places_topics_and_sectors_listed_are_not_organisations():
    assert listed("Speakers included Marco Rossi, Paul DURAND and Lina Haddad.") == []
    assert listed("Clusters came from Algeria, Egypt, Jordan and Tunisia.") == []
    assert listed("Key topics: Cluster governance; Members engagement; Digital Marketing.") == []
    assert listed("The clusters work on Health, Energy and Logistics.") == []


def test_a_sector_with_its_cluster_in_brackets_names_the_cluster():
    names = listed("The four areas were: Health (Medwin), Space (Orbitia), Agri-Food (Grainlink) and Water (Aquanet).")
    assert [n for n, _, _ in names] == ["Medwin", "Orbitia", "Grainlink", "Aquanet"]


def test_a_participant_list_with_countries_is_left_to_the_participant_reader():
    assert listed("Present were the Sun Cluster (Morocco), Agro Pole (Tunisia) and Delta Hub (Egypt).") == []


def test_a_span_without_a_list_gives_nothing():
    assert find_clusters(Span("The forum took place in Tunis and gathered many clusters.", ((0, 1),))) == []
