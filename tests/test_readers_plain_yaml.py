"""The registry's usual shape is read without PyYAML's node tree (`plain_yaml`), to the same
values; any other shape is left to PyYAML."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from medgraph.errors import DataError
from medgraph.loaders.readers.plain_yaml import read_plain
from medgraph.loaders.readers.yaml_reader import parse_yaml

DATA = Path(__file__).parent / "fixtures" / "data"


def by_pyyaml(text: str):
    try:
        return parse_yaml(text, "registry.yaml")
    except DataError:
        return "refused"


def in_order(data) -> list:
    """The keys of every mapping in order (LINE last in each, as PyYAML puts it)."""
    return [list(data)] + [list(item) for items in data.values() if isinstance(items, list) for item in items]


READ_ALIKE = [
    "organisations:\n  - {id: qoot, name: QOOT, kind: Cluster, country: TN, aliases: [Qoot, 'Q.O.O.T'], sector: agri-food}\n",
    "organisations:\n- id: qoot\n  name: QOOT  Cluster\n  note: It writes \"QOOT\"; a plain value may quote.\n",
    "# a comment\n\norganisations:\n  # a section's comment\n  - {id: a, n: ~, y: yes, f: 1.5, i: 12, d: 2019-04-10}\n",
    "organisations: []\npeople:\n  - {id: 'it''s', name: \"Amal, Haddad\"}\n",
    "programmes:\n  - {id: p, items: [a, [b, c], {m: 1}], flags: [p, q, ]}\n",
    "organisations:\n  - {id: x}\n  - id: y\n    aliases: [a, 'b, c']\n",
]
LEFT_TO_PYYAML = [
    "organisations:\n  - id: x\n    note: a value # with a comment\n",
    "organisations:\n  - id: x\n   name: misaligned\n",
    "on:\n  - {id: x}\n",  # a key PyYAML reads as True
    "organisations:\n  - {id: x, time: 12:30}\n",
    "organisations:\n  - {id: x, id: y}\n",
    "organisations:\n  - {id: x, name: *anchor}\n",
    "organisations:\n  - {id: x, note: \"an \\\"escaped\\\" quote\"}\n",
    "organisations:\n  - id: x\n    start: 2019-02-30\n",  # PyYAML says what is wrong with it
    "organisations:\n  - id: x\n    note: a value\n      on two lines\n",
    "---\norganisations:\n  - {id: x}\n",
    "organisations:\n  - {id: x, n: a} x\n",
]


@pytest.mark.parametrize("text", READ_ALIKE)
def test_the_usual_shape_reads_as_pyyaml_reads_it(text):
    found = read_plain(text)
    assert found is not None
    assert found == by_pyyaml(text) and in_order(found) == in_order(by_pyyaml(text))


@pytest.mark.parametrize("text", LEFT_TO_PYYAML)
def test_any_other_shape_is_left_to_pyyaml(text):
    assert read_plain(text) is None


def test_a_large_generated_registry_reads_alike_and_the_fixture_too():
    rng = random.Random(7)
    lines = ["organisations:"]
    for i in range(2000):
        name = " ".join(rng.choice(["Cluster", "Pôle", "Agri", "Tech", "d'Olive", "&", "Sud", "2019"]) for _ in range(4))
        if i % 2:
            lines.append(f"  - {{id: org-{i}, name: \"{name}\", kind: Cluster, country: TN, aliases: [A{i}, 'B {i}']}}")
        else:
            lines += [f"  - id: org-{i}", f"    name: {name.replace('&', 'and')}", "    kind: Company", "    since: 2019-04-10"]
    text = "\n".join(lines) + "\n"

    assert read_plain(text) == by_pyyaml(text)
    fixture = (DATA / "registry.yaml").read_text()
    assert read_plain(fixture) == by_pyyaml(fixture)
