"""The one error family of medgraph: every failure a user can fix is a MedgraphError.

The CLI prints ``Error: <message>`` and exits with the error's ``exit_code``; never a traceback.
"""


class MedgraphError(Exception):
    """A problem the user can act on, described in one line."""

    exit_code = 1


class DataError(MedgraphError):
    """Bad input data: the message names file, line and field."""

    exit_code = 2


class ServerError(MedgraphError):
    """The Neo4j server cannot be started, reached or authenticated against."""

    exit_code = 3


class SetupError(MedgraphError):
    """A missing tool (java, maven) or a failed download."""

    exit_code = 4


class QueryError(MedgraphError):
    """A query that cannot run as asked: unknown name, missing parameter, refused Cypher."""

    exit_code = 1
