"""The one place that builds a Neo4j driver.

With ``NEO4J_URI`` set, medgraph uses that server (``NEO4J_USERNAME``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``, Neo4j's own conventions) and starts nothing. Unset, it uses the local
server of ``medgraph db start``, whose address and password it reads from its data directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from urllib.parse import urlparse

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from medgraph.cypher import read_cypher
from medgraph.errors import MedgraphError, ServerError
from medgraph.server import local

CONNECT_TIMEOUT = 10.0


@dataclass(frozen=True)
class Settings:
    uri: str
    user: str
    password: str
    database: str
    local: bool

    def __repr__(self) -> str:  # never print the password
        return f"Settings(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"


def settings_from_env(env=os.environ) -> Settings | None:
    """Settings of the server NEO4J_URI names, or None when it is unset."""
    if not env.get("NEO4J_URI"):
        return None
    return Settings(env["NEO4J_URI"], env.get("NEO4J_USERNAME", "neo4j"),
                    env.get("NEO4J_PASSWORD", ""), env.get("NEO4J_DATABASE", "neo4j"), local=False)


def settings(env=os.environ) -> Settings:
    """Connection settings from the environment, else those of the running local server."""
    if from_env := settings_from_env(env):
        return from_env
    config = local_settings(local.default_paths(env), env.get("NEO4J_DATABASE", "neo4j"))
    if config is None:
        raise ServerError("the local Neo4j is not running: start it with `medgraph db start` (or set NEO4J_URI)")
    return config


def local_settings(paths: local.Paths, database: str = "neo4j") -> Settings | None:
    """Settings of the local server of these paths when it runs, else None."""
    uri = local.running_uri(paths)
    if uri is None:
        return None
    return Settings(uri, "neo4j", local.ensure_password(paths), database, local=True)


def local_status(paths: local.Paths | None = None) -> local.Status:
    """The local server's status, with the version it answers with when it runs."""
    paths = paths or local.default_paths()
    status = local.status(paths)
    config = local_settings(paths)
    return replace(status, version=server_version(config)) if status.running and config else status


def connect(config: Settings) -> neo4j.Driver:
    """A driver whose server answered and accepted the credentials, or a ServerError."""
    try:
        driver = GraphDatabase.driver(config.uri, auth=(config.user, config.password),
                                      connection_timeout=CONNECT_TIMEOUT, max_transaction_retry_time=5,
                                      connection_acquisition_timeout=CONNECT_TIMEOUT)  # a silent server: no hang
    except (ValueError, DriverError) as error:
        raise ServerError(f"invalid NEO4J_URI {config.uri!r}: {error}") from None
    try:
        driver.verify_connectivity()
        driver.execute_query(read_cypher("medgraph", "ping"), database_=config.database)
    except BaseException as error:
        driver.close()
        raise explain(error, config) from None
    return driver


def explain(error: BaseException, config: Settings) -> BaseException:
    """Turn a driver failure into a one-line ServerError saying what to check."""
    where = f"Neo4j at {config.uri}"
    if isinstance(error, AuthError):
        return ServerError(f"{where} refused the password of user {config.user!r} (check NEO4J_PASSWORD)")
    if isinstance(error, Neo4jError) and "DatabaseNotFound" in (error.code or ""):
        return ServerError(f"{where} has no database {config.database!r} (check NEO4J_DATABASE)")
    if isinstance(error, (ServiceUnavailable, SessionExpired, DriverError, OSError, ValueError)):
        tls = " (the URI asks for TLS: a server without encryption takes bolt:// or neo4j://)" \
            if urlparse(config.uri).scheme.endswith(("+s", "+ssc")) else ""
        return ServerError(f"cannot reach {where} (is it running? check NEO4J_URI): {reason(error)}{tls}")
    if isinstance(error, Neo4jError):
        return ServerError(f"{where}: {reason(error)}")
    return error


def reason(error: BaseException) -> str:
    """The most specific cause of a failure: the first line of the innermost exception.

    >>> try:
    ...     try:
    ...         raise ConnectionRefusedError(111, "Connection refused")
    ...     except OSError as cause:
    ...         raise RuntimeError("Couldn't connect") from cause
    ... except RuntimeError as error:
    ...     reason(error)
    '[Errno 111] Connection refused'
    """
    while (cause := error.__cause__ or error.__context__) is not None:
        error = cause
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def server_version(config: Settings) -> str:
    """The version and edition the server at config.uri answers with."""
    with connect(config) as driver:
        records, _, _ = driver.execute_query(read_cypher("medgraph", "server_version"), database_="system")
    return f"{records[0]['version']} {records[0]['edition']}"


def refuse_unfinished_load(session: neo4j.Session) -> None:
    """One line, when an interrupted first load (one committed batch by batch, loaders/write.py)
    left part of its graph: loading again with --replace writes it whole."""
    started = session.execute_read(lambda tx: tx.run(read_cypher("medgraph", "unfinished_load")).single()["started"])
    if started is not None:
        raise MedgraphError(f"the database holds part of a first load begun at {started.iso_format()[:19]} "
                            "that did not finish: load again with --replace")
