"""Bad data files: one line per problem naming file, line and field; exit code 2; the graph unchanged.

The hostile corpus is in tests/fixtures/hostile/: each file is dropped into a copy of the
fixture data (a `registry_*` file replaces its registry) and loaded with the real command.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from medgraph.errors import DataError
from medgraph.loaders.load import SHOWN_PROBLEMS, load
from medgraph.loaders.readers import Document, Registry
from medgraph.loaders.readers.yaml_reader import parse_yaml
from medgraph.loaders.to_rows import to_rows
from medgraph.stats import graph_checksum

FIXTURES = Path(__file__).parent / "fixtures"
DATA = FIXTURES / "data"
HOSTILE = FIXTURES / "hostile"
HEADER = ('document: {id: hostile, file: hostile.txt, title: Hostile input, date: 2019-05-02, language: en, '
          'sha256: "' + "0" * 64 + '"}\nfacts:\n')
META = {"id": "random", "title": "Random", "date": dt.date(2019, 5, 2), "language": "en", "sha256": "0" * 64}
ONE_LINE = re.compile(r"^Error: \S+:\d+: \S")

# hostile file -> what its first error line says (after "Error: <tmp>/")
CASES = {
    "empty.yaml": "data/documents/empty.yaml:1: empty file",
    "latin1.yaml": "data/documents/latin1.yaml:1: not UTF-8 text (byte 242)",
    "truncated.yaml": "data/documents/truncated.yaml:5: invalid YAML: did not find expected ',' or '}'",
    "truncated.csv": "truncated.csv:1: fact: unknown column (not a column of any layout)",
    "duplicate_event.yaml": "data/documents/visit.yaml:3: facts[0].id: event 'visit-2018-barcelona' is defined twice "
                            "(first at ",
    "registry_duplicate_id.yaml": "data/registry.yaml:11: organisations.id: duplicate id 'c2tm'",
    "unknown_entity.yaml": "data/documents/unknown_entity.yaml:3: facts[0].name: unknown name 'Atlantis Deep Sea Cluster'",
    "missing_field.yaml": "data/documents/missing_field.yaml:3: facts[0].kind: missing (one of advisory mission,",
    "impossible_date.yaml": "data/documents/impossible_date.yaml:7: start: impossible date '2019-02-30' "
                            "(day is out of range for month)",
    "end_before_start.yaml": "data/documents/end_before_start.yaml:3: facts[0].end: 2019-05-01 is before the start 2019-05-03",
    "unknown_country.yaml": "data/documents/unknown_country.yaml:3: facts[0].country: unknown country 'Atlantis'",
    "registry_unknown_country_code.yaml": "data/registry.yaml:7: organisations.country: 'XX' is not an ISO 3166-1 alpha-2 code",
    "unknown_key.yaml": "data/documents/unknown_key.yaml:3: facts[0].rol: unknown key (did you mean role?)",
    "unknown_nested_key.yaml": "data/documents/unknown_nested_key.yaml:3: facts[0].parties[1].contry: unknown key "
                               "(did you mean country?)",
    "unknown_header_key.yaml": "data/documents/unknown_header_key.yaml:1: document.titel: unknown key "
                               "(did you mean title?)",
    "misspelt_section.yaml": "data/documents/misspelt_section.yaml:1: fact: unknown key (did you mean facts?)",
    "registry_unknown_key.yaml": "data/registry.yaml:13: people.alias: unknown key (did you mean aliases?)",
}


def corpus(tmp_path: Path, hostile: str) -> list[str]:
    """A copy of the fixture data with one hostile file in it: the arguments of `medgraph load`."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    source = HOSTILE / hostile
    if hostile.startswith("registry_"):
        shutil.copy(source, data / "registry.yaml")
    elif source.suffix == ".yaml":
        shutil.copy(source, data / "documents" / hostile)
    else:
        shutil.copy(source, tmp_path / hostile)
        return [str(data), str(tmp_path / hostile)]
    return [str(data)]


def attendances(names: list[str]) -> str:
    return HEADER + "".join(f"  - {{fact: attendance, event: visit-2018-barcelona, name: {name}, role: delegate, "
                            f"line: {i + 1}}}\n" for i, name in enumerate(names))


@pytest.fixture
def loaded(db, neo4j_settings):
    """The fixture data loaded; returns the graph's checksum."""
    load(db, neo4j_settings.database, [DATA])
    return graph_checksum(db, neo4j_settings.database)


@pytest.mark.parametrize("hostile", CASES)
def test_a_hostile_file_gets_one_line_exit_2_and_changes_nothing(hostile, loaded, db, neo4j_settings, tmp_path,
                                                                  medgraph_cli):
    code, out, err = medgraph_cli("load", *corpus(tmp_path, hostile))
    assert (code, out) == (2, "")
    assert err.splitlines()[0].startswith(f"Error: {tmp_path}/{CASES[hostile]}")
    assert all(ONE_LINE.match(line) for line in err.splitlines())
    assert graph_checksum(db, neo4j_settings.database) == loaded


def test_an_unknown_key_is_refused_in_one_line_naming_the_closest_key(loaded, db, neo4j_settings, tmp_path,
                                                                       medgraph_cli):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    visit = data / "documents" / "visit.yaml"
    visit.write_text(visit.read_text().replace("name: Solartys, role: host", "name: Solartys, rol: host"))

    code, out, err = medgraph_cli("load", str(data))

    assert (code, out) == (2, "")
    assert err == f"Error: {visit}:22: facts[5].rol: unknown key (did you mean role?)\n"
    assert graph_checksum(db, neo4j_settings.database) == loaded


def test_a_50_mb_file_is_refused_before_it_is_parsed(loaded, db, neo4j_settings, tmp_path, medgraph_cli):
    shutil.copytree(DATA, tmp_path / "data")
    big = tmp_path / "data" / "documents" / "big.yaml"
    row = "  - {fact: attendance, event: visit-2018-barcelona, name: C2TM, role: delegate, line: 1}\n"
    big.write_text(HEADER + row * (50_000_000 // len(row)))
    code, _, err = medgraph_cli("load", str(tmp_path / "data"))
    assert code == 2
    assert err == f"Error: {big}:1: 50.0 MB, above the 16 MB limit for one data file (split it into several " \
                  "documents, or raise MEDGRAPH_MAX_FILE_MB)\n"
    assert graph_checksum(db, neo4j_settings.database) == loaded


def test_ten_thousand_errors_show_the_first_hundred_and_the_count(loaded, db, neo4j_settings, tmp_path,
                                                                   medgraph_cli):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "documents" / "typos.yaml").write_text(attendances([f"Nowhere {i}" for i in range(10_000)]))
    code, _, err = medgraph_cli("load", str(tmp_path / "data"))
    lines = err.splitlines()
    assert code == 2 and len(lines) == SHOWN_PROBLEMS + 1
    assert all(ONE_LINE.match(line) and "facts[" in line for line in lines[:-1])
    assert lines[-1] == "Error: … and 9,900 more problems (10,000 in all): fix these first, then run again"
    assert graph_checksum(db, neo4j_settings.database) == loaded


# --- property-based: the validators raise DataError or nothing, whatever the rows --------------

FIELDS = ["fact", "line", "id", "name", "kind", "start", "end", "date_precision", "status", "country", "city",
          "event", "role", "member", "of", "mentor", "mentee", "met_at", "works_for", "parties", "programme",
          "organisers", "person", "date", "signed_at", "part_of", "alongside", "confidence", "review", "aliases",
          "rol", "written"]
SCALARS = (st.none() | st.booleans() | st.integers(-5, 10**12) | st.floats(allow_nan=True) | st.text(max_size=30)
           | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
           | st.sampled_from(["event", "attendance", "membership", "person", "mentoring", "agreement", "partnership",
                              "mention", "organisation", "C2TM", "ESITH", "visit-2018-barcelona", "booster",
                              "held", "day", "forum", "delegate", "Tunisia", "jean-morel"]))


def mappings(values, max_size: int):
    """Mappings as the YAML reader makes them: each knows the line it starts on."""
    return st.builds(lambda d, line: {**d, "__line__": line},
                     st.dictionaries(st.sampled_from(FIELDS), values, max_size=max_size), st.integers(1, 500))


VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | mappings(inner, 3), max_leaves=6)
ROWS = st.lists(mappings(VALUES, 8), max_size=6)
FACT_TYPES = ["event", "attendance", "membership", "person", "mentoring", "agreement", "partnership", "mention",
              "organisation"]
# Facts that pass the first checks (a known type, a line) so the handlers themselves are exercised.
FACTS = st.lists(st.builds(lambda d, kind, line: {**d, "fact": kind, "line": line}, mappings(VALUES, 8),
                           st.sampled_from(FACT_TYPES), st.integers(1, 50)), max_size=8)


def fixture_registry() -> Registry:
    return Registry(str(DATA / "registry.yaml"), *(parse_yaml((DATA / "registry.yaml").read_text(), "r")[key]
                                                  for key in ("organisations", "people", "programmes",
                                                              "possibly_same_as")))


@settings(max_examples=300, deadline=None)
@given(facts=FACTS | ROWS, meta=st.just(META) | st.dictionaries(st.sampled_from(list(META)), SCALARS, max_size=5))
@example(facts=[{"fact": [], "line": 3, "__line__": 2}], meta=META)  # a fact type that is a list, not a name
def test_random_facts_raise_only_data_errors(facts, meta):
    try:
        to_rows(fixture_registry(), [Document("random.yaml", meta, facts)])
    except DataError as error:
        assert all(line.startswith("random.yaml") for line in str(error).splitlines())


# Registry entries with plausible ids and kinds, so the checks past the first one run too.
ENTRIES = st.lists(st.builds(lambda d, id, kind, country, aliases: {**d, "id": id, "name": f"Name {id}",
                                                                    "kind": kind, "country": country,
                                                                    "aliases": aliases},
                             mappings(VALUES, 3), st.sampled_from(["a", "b", "c-2", "Not A Slug", 7]),
                             st.sampled_from(["Cluster", "Agency", "Spaceship", None]),
                             st.sampled_from(["MA", "FR", "XX", None, 5]), VALUES), max_size=5)
PAIRS = st.lists(st.builds(lambda d, a, b, confidence: {**d, "a": a, "b": b, "confidence": confidence,
                                                        "reason": "random"},
                           mappings(VALUES, 2), st.sampled_from(["a", "b", "zz", None]),
                           st.sampled_from(["a", "b", "c-2"]), SCALARS), max_size=3)


@settings(max_examples=200, deadline=None)
@given(organisations=ENTRIES | ROWS, people=ENTRIES | ROWS, possibly_same_as=PAIRS | ROWS)
def test_random_registries_raise_only_data_errors(organisations, people, possibly_same_as):
    try:
        to_rows(Registry("registry.yaml", organisations, people, [], possibly_same_as), [])
    except DataError as error:
        assert all(line.startswith("registry.yaml") for line in str(error).splitlines())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.sampled_from(["a: [", "{x: 2019-13-45}", "- 1\n- 2", "!!python/object:os.system"]))
def test_random_text_parses_to_a_mapping_or_a_data_error(text):
    try:
        assert isinstance(parse_yaml(text, "random.yaml"), dict)
    except DataError as error:
        assert str(error).startswith("random.yaml:")
