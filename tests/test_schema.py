"""medgraph/schema.py is the one source of the graph's vocabulary: graph/SCHEMA.md documents
exactly its values, and no other module keeps a list of labels, kinds, roles or types of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from medgraph import schema

ROOT = Path(__file__).parent.parent
DOC = (ROOT / "graph" / "SCHEMA.md").read_text(encoding="utf-8")
SOURCES = ("medgraph", "graph", "loaders")


# --- graph/SCHEMA.md lists what medgraph/schema.py holds -----------------------------------------

def section(title: str) -> str:
    """The text of SCHEMA.md under a `## title` heading, up to the next one."""
    return DOC.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def row(key: str) -> str:
    """The one table row of SCHEMA.md that contains `key`."""
    rows = [line for line in DOC.splitlines() if line.startswith("|") and key in line]
    assert len(rows) == 1, f"{key}: {len(rows)} rows"
    return rows[0]


def listed(text: str, after: str, until: str) -> tuple[str, ...]:
    """The `quoted` values of text between `after` and the next `until` (or the end).

    >>> listed("| kinds: `a`, `b`; `note` |", "kinds: ", ";")
    ('a', 'b')
    """
    start = text.index(after) + len(after)
    end = text.find(until, start)
    return tuple(re.findall(r"`([^`]+)`", text[start:end if end >= 0 else None]))


def first_cells(text: str) -> set[str]:
    """The first `quoted` value of each table row of text (the header and rule left out)."""
    return {re.match(r"\| `([^`]+)`", line).group(1) for line in text.splitlines() if line.startswith("| `")}


ORDERED = {  # vocabulary: (the row that lists it, the words before its values, what ends them)
    "ORGANISATION_KINDS": ("`Organisation` + one kind label", "kinds: ", ";"),
    "EVENT_KINDS": ("| `Event`", "kinds: ", "|"),
    "DATE_PRECISIONS": ("| `Event`", "`date_precision` (", ")"),
    "EVENT_STATUSES": ("| `Event`", "`status` (", ","),
    "DOCUMENT_LANGUAGES": ("| `Document`", "`language` (", ")"),
    "REGIONS": ("| `Country`", "`region` (", ")"),
    "SUBREGIONS": ("| `Country`", "`subregion` (", ")"),
    "SOUTH_MED_COUNTRIES": ("| `Country`", "seven countries: ", "|"),
    "ATTENDANCE_ROLES": ("[:ATTENDED]", "`role`: ", "|"),
    "ORGANISER_ROLES": ("[:ORGANISED]", "`role`: ", "|"),
}


@pytest.mark.parametrize("name", sorted(ORDERED))
def test_schema_md_lists_each_vocabulary_as_the_schema_module_does(name):
    key, after, until = ORDERED[name]
    assert listed(row(key), after, until) == getattr(schema, name)


def test_schema_md_has_a_row_per_label_relationship_type_and_tie_type():
    assert first_cells(section("Nodes")) == set(schema.LABELS)
    assert f"`{schema.ENTITY}`" in section("Nodes")
    assert set(re.findall(r"\[:([A-Z_]+)\]", section("Relationships"))) == set(schema.RELATIONSHIP_TYPES)
    assert first_cells(section("Who met whom")) == set(schema.TIE_TYPES)


# --- no other module keeps a vocabulary list ------------------------------------------------------

#: The vocabularies a module must take from medgraph/schema.py rather than spell out. (Tie types
#: are left out: "membership", "mentoring" and "agreement" also name the facts of a data file.)
VOCABULARIES = {name: set(getattr(schema, name)) for name in (
    "LABELS", "ORGANISATION_KINDS", "EVENT_KINDS", "DATE_PRECISIONS", "EVENT_STATUSES", "RELATIONSHIP_TYPES",
    "ATTENDANCE_ROLES", "ORGANISER_ROLES", "REGIONS", "SUBREGIONS")}
SCHEMA_VALUES = set().union(*VOCABULARIES.values())


def strings(nodes) -> list[str]:
    return [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def offence(node: ast.AST) -> str | None:
    """Why a literal spells out a vocabulary, or None.

    A list, tuple or set with two or more strings of one vocabulary is an offence; a dict keyed
    by two or more values of one vocabulary is one unless all its string keys are schema values
    (a mapping per kind or per type is fine, a vocabulary of its own is not).

    >>> offence(ast.parse("x in ('held', 'planned')").body[0].value.comparators[0])
    'EVENT_STATUSES: held, planned'
    >>> offence(ast.parse("{'host': 2, 'delegate': 1}").body[0].value) is None
    True
    >>> offence(ast.parse("{'host': 2, 'delegate': 1, 'guest': 0}").body[0].value)
    'ATTENDANCE_ROLES keys beside others: delegate, host'
    """
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        words, keyed = strings(node.elts), False
    elif isinstance(node, ast.Dict):
        words, keyed = strings(k for k in node.keys if k is not None), True
    else:
        return None
    for name, vocabulary in VOCABULARIES.items():
        found = sorted(set(words) & vocabulary)
        if len(found) >= 2 and not (keyed and set(words) <= SCHEMA_VALUES):
            return f"{name}{' keys beside others' if keyed else ''}: {', '.join(found)}"
    return None


def another_vocabulary(path: Path, node: ast.AST) -> bool:
    """A literal whose words only coincide with the schema's, marked so on its line with
    `# not the schema's: <whose>` (e.g. dateparser's date parts "day", "month", "year")."""
    return "# not the schema's:" in path.read_text(encoding="utf-8").splitlines()[node.lineno - 1]


def python_files() -> list[Path]:
    return sorted(p for folder in SOURCES for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_but_the_schema_spells_out_a_vocabulary():
    offences = [f"{path.relative_to(ROOT)}:{node.lineno}: {why}"
                for path in python_files() if path != ROOT / "medgraph" / "schema.py"
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if (why := offence(node)) and not another_vocabulary(path, node)]
    assert offences == []
