"""The analysts' questions in Cypher, one ``.cypher`` file each, and the code that runs them.

>>> from medgraph import queries
>>> "who_met_whom" in queries.query_names()
True
"""

from medgraph.queries.runner import (
    FORMATS,
    Query,
    check_format,
    check_parameters,
    find_query,
    list_queries,
    organisation_parameters,
    parameters_of,
    parse_parameters,
    query_names,
    render,
    run,
    several_found,
)

__all__ = ["FORMATS", "Query", "check_format", "check_parameters", "find_query", "list_queries",
           "organisation_parameters", "parameters_of", "parse_parameters", "query_names", "render", "run", "several_found"]
