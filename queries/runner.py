"""The analysts' questions: find a query of queries/ (or a .cypher file), check it, run it, print it.

Imported as `medgraph.queries` (``from medgraph import queries; queries.run(driver, database,
"who_met_whom", {"a": "C2TM", "b": "ESITH"})``); the query files live beside this module.

A query file opens with comment lines: what it answers (the first line, which `medgraph query
--list` shows), its parameters with an example value each, and the columns it returns. Values
always travel as ``$parameters`` and are passed as the strings the user typed; a query that
needs a date or a number converts them itself (``date($since)``, ``toInteger($year)``).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import neo4j
import pandas as pd

from medgraph.cypher import read_cypher
from medgraph.errors import QueryError

FORMATS = ("table", "csv", "json")
# Comments, strings and backtick-quoted names are skipped whole, so a "$x" inside them is no
# parameter; group 1 catches the parameters left.
TOKENS = re.compile(r"""//[^\n]*|/\*.*?(?:\*/|\Z)|'(?:\\.|[^'\\])*'?|"(?:\\.|[^"\\])*"?|`[^`]*`?|\$(\w+)""", re.S)


@dataclass(frozen=True)
class Query:
    """One query file: its name (file name without .cypher), text and first comment line."""

    name: str
    text: str

    @property
    def description(self) -> str:
        return description_of(self.text)

    @property
    def parameters(self) -> list[str]:
        return parameters_of(self.text)


def description_of(text: str) -> str:
    """The first comment line of a query, without its ``//``; "" when it opens with none.

    >>> description_of("// Who met whom.\\n// Parameters: $a, $b.\\nMATCH (n) RETURN n")
    'Who met whom.'
    """
    first = text.lstrip().split("\n", 1)[0].strip()
    return first[2:].strip() if first.startswith("//") else ""


def parameters_of(text: str) -> list[str]:
    """The ``$parameters`` a Cypher text uses, in order of first use, outside comments and strings.

    >>> parameters_of("// $old\\nMATCH (o {id: $name}) WHERE o.note <> '$no' AND o.x = $limit RETURN $name")
    ['name', 'limit']
    """
    found = (match.group(1) for match in TOKENS.finditer(text))
    return list(dict.fromkeys(name for name in found if name))


def query_names() -> list[str]:
    """The names of the queries shipped in queries/, sorted."""
    folder = resources.files("medgraph.queries")
    return sorted(p.name.removesuffix(".cypher") for p in folder.iterdir() if p.name.endswith(".cypher"))


def list_queries() -> list[Query]:
    """Every query of queries/, sorted by name."""
    return [find_query(name) for name in query_names()]


def find_query(name_or_path: str) -> Query:
    """A query of queries/ by name, or a ``.cypher`` file of the user's by path."""
    if name_or_path in query_names():
        text = (resources.files("medgraph.queries") / f"{name_or_path}.cypher").read_text(encoding="utf-8")
        return Query(name_or_path, text)
    path = Path(name_or_path)
    if name_or_path.endswith(".cypher") or "/" in name_or_path:
        try:
            return Query(str(path), path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or error
            raise QueryError(f"{path}: cannot read the query file: {reason}") from None
    closest = difflib.get_close_matches(name_or_path, query_names(), n=3, cutoff=0.5)
    hint = f" (closest: {', '.join(closest)})" if closest else ""
    raise QueryError(f"unknown query {name_or_path!r}{hint}: `medgraph query --list` lists them")


def parse_parameters(pairs: list[str] | None) -> dict[str, str]:
    """``-p key=value`` options as a dict of strings (the value may hold "=" and quotes).

    >>> parse_parameters(["name=O'Brien = Co", "b=x"])
    {'name': "O'Brien = Co", 'b': 'x'}
    """
    parameters = {}
    for pair in pairs or ():
        key, equals, value = pair.partition("=")
        if not equals or not re.fullmatch(r"\w+", key.strip()):
            raise QueryError(f"-p: expected key=value, found {pair!r}")
        parameters[key.strip()] = value
    return parameters


def check_parameters(query: Query, parameters: dict[str, str]) -> None:
    """Raise a QueryError naming the first parameter the query needs and is not given, or the
    first given that it does not use (most likely a typo)."""
    wanted = query.parameters
    for name in wanted:
        if name not in parameters:
            raise QueryError(f"query {query.name} needs the parameter ${name}: give it with -p {name}=VALUE")
    for name in parameters:
        if name not in wanted:
            uses = ", ".join(f"${n}" for n in wanted) or "none"
            raise QueryError(f"query {query.name} has no parameter ${name} (it uses: {uses})")


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise QueryError(f"--format: expected one of {', '.join(FORMATS)}, found {fmt!r}")


def run(driver: neo4j.Driver, database: str, query: str | Query,
        parameters: dict[str, str] | None = None, *, write: bool = False) -> pd.DataFrame:
    """Run a query of queries/ by name, a .cypher file by path, or a found `Query`, with string
    parameters; its rows as a DataFrame. A missing or unused parameter, or a Cypher error, is a
    one-line QueryError.

    The query runs in a read transaction (access mode READ), so the server refuses any write:
    a QueryError, and the graph unchanged. ``write=True`` runs it in a write transaction.

    Example: ``run(driver, "neo4j", "who_met_whom", {"a": "C2TM", "b": "Sun Coast Cluster"})``.
    """
    query = query if isinstance(query, Query) else find_query(query)
    parameters = parameters or {}
    check_parameters(query, parameters)
    routing = neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ
    try:
        return driver.execute_query(query.text, parameters, database_=database, routing_=routing,
                                    result_transformer_=neo4j.Result.to_df)
    except neo4j.exceptions.Neo4jError as error:
        if error.code == "Neo.ClientError.Statement.AccessMode":
            raise QueryError(f"query {query.name} writes to the graph and queries only read: nothing was "
                             "changed (give --write to let it write)") from None
        message = (error.message or str(error)).strip().splitlines()[0]
        raise QueryError(f"query {query.name}: Neo4j refused it: {message}") from None


def organisation_parameters(query: Query) -> list[str]:
    """The parameters that name organisations: those of a Parameters section that says "organisation".

    >>> organisation_parameters(Query("q", '// Q.\\n// Parameters: $a, $b (organisations: names).\\nRETURN $a, $b'))
    ['a', 'b']
    """
    header = "\n".join(line for line in query.text.splitlines() if line.startswith("//"))
    section = header.partition("Parameters:")[2].partition("Returns:")[0]
    return [name for name in query.parameters if f"${name}" in section] if "organisation" in section else []


def several_found(driver: neo4j.Driver, database: str, query: Query, parameters: dict[str, str]) -> list[str]:
    """A note for each organisation parameter whose value finds more than one organisation."""
    notes = []
    for name in organisation_parameters(query):
        records, _, _ = driver.execute_query(read_cypher("medgraph", "organisations_named"), value=parameters[name],
                                             database_=database, routing_=neo4j.RoutingControl.READ)
        found = [r["name"] for r in records]
        if len(found) > 1:
            notes.append(f"{name}={parameters[name]!r} finds {len(found)} organisations, and the rows answer for "
                         f"each: {', '.join(found)}")
    return notes


def cell(value) -> str:
    """One value as printed in a table or CSV: lists joined by "; ", nulls empty.

    >>> [cell(v) for v in (["forum-2019:5", "visit-2018:4"], None, 3, "Lyon")]
    ['forum-2019:5; visit-2018:4', '', '3', 'Lyon']
    """
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def plain(value):
    """A DataFrame value as JSON can hold it: nulls as None, other non-JSON types as strings."""
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value if isinstance(value, (str, int, float, bool, dict)) else str(value)


def render(frame: pd.DataFrame, fmt: str = "table") -> str:
    """The rows as text: an aligned table ("(no rows)" when empty), CSV or a JSON list of objects."""
    check_format(fmt)
    # convert_dtypes keeps whole numbers whole when a null made pandas read them as floats
    frame = frame.convert_dtypes()
    if fmt == "json":
        rows = [{key: plain(value) for key, value in row.items()} for row in frame.astype(object).to_dict("records")]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    text = frame.astype(object).map(cell) if len(frame) else frame
    if fmt == "csv":
        return text.to_csv(index=False)
    if not len(frame):
        return "(no rows)\n"
    widths = {column: max(len(str(column)), *(len(v) for v in text[column])) for column in text.columns}
    table = text.to_string(index=False, justify="left",
                           formatters={column: (lambda v, w=w: v.ljust(w)) for column, w in widths.items()})
    return "\n".join(line.rstrip() for line in table.splitlines()) + "\n"
