"""Faults during a load: after a killed loader, a killed server or two loads at once, the graph
is the old one or the new one, never a mix.

A load is one transaction, so a loader or server that dies before the commit leaves the graph
as it was. These tests load a generated data set of 5,000 organisations (benchmarks/synthetic.py,
size M) so the write lasts long enough to be interrupted, and kill the process only once the
server shows the load's write transaction running.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from medgraph import connection
from medgraph.cypher import read_cypher
from medgraph.loaders.load import load
from medgraph.server import local
from medgraph.stats import graph_checksum

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "fixtures" / "data"
# The write statements of loaders/cypher/ (the marker travels as a parameter, so that this
# query, whose text would contain it, does not count itself).
LOAD_TRANSACTIONS = "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*)"


@pytest.fixture(scope="module")
def big_data(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic-M")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), "M", str(out)], check=True)
    return out


def start_load(data: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "medgraph", "load", str(data)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def loads_running(driver, database: str) -> int:
    records, _, _ = driver.execute_query(LOAD_TRANSACTIONS, marker="UNWIND $rows", database_=database)
    return records[0][0]


def wait_for(condition, what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def test_a_loader_killed_mid_write_leaves_the_old_graph(db, neo4j_settings, medgraph_env, big_data):
    load(db, neo4j_settings.database, [DATA])
    before = graph_checksum(db, neo4j_settings.database)
    loader = start_load(big_data, medgraph_env)
    wait_for(lambda: loads_running(db, neo4j_settings.database) > 0, "the load's write transaction")
    loader.send_signal(signal.SIGKILL)
    assert loader.wait() == -signal.SIGKILL
    wait_for(lambda: loads_running(db, neo4j_settings.database) == 0, "the server to roll the load back")
    assert graph_checksum(db, neo4j_settings.database) == before


@pytest.mark.neo4j
def test_a_server_killed_mid_write_restarts_with_the_old_graph(tmp_path, big_data):
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "MEDGRAPH_NEO4J_PORT")}
    env["MEDGRAPH_DATA_DIR"] = str(tmp_path / "neo4j")
    paths = local.default_paths(env)
    status, _ = local.start(paths, env=env)
    config = connection.Settings(status.uri, "neo4j", local.ensure_password(paths), "neo4j", local=True)
    try:
        with connection.connect(config) as driver:
            load(driver, "neo4j", [DATA])
            before = graph_checksum(driver, "neo4j")
            loader = start_load(big_data, {**env, "NEO4J_URI": config.uri, "NEO4J_PASSWORD": config.password})
            wait_for(lambda: loads_running(driver, "neo4j") > 0, "the load's write transaction")
            os.kill(status.pid, signal.SIGKILL)
            _, err = loader.communicate(timeout=120)
        assert loader.returncode == 3 and len(err.splitlines()) == 1 and err.startswith("Error: ")
        status, started = local.start(paths, env=env)
        assert started
        with connection.connect(connection.Settings(status.uri, "neo4j", config.password, "neo4j", True)) as driver:
            assert graph_checksum(driver, "neo4j") == before
    finally:
        local.stop(paths)


def test_two_loads_at_once_end_in_the_graph_of_one(db, neo4j_settings, medgraph_env, big_data):
    load(db, neo4j_settings.database, [big_data])
    one_load = graph_checksum(db, neo4j_settings.database)
    db.execute_query(read_cypher("medgraph", "wipe"), database_=neo4j_settings.database)
    loaders = [start_load(big_data, medgraph_env) for _ in range(2)]
    results = [(loader.wait(timeout=600), loader.stderr.read()) for loader in loaders]
    assert results == [(0, ""), (0, "")]
    assert graph_checksum(db, neo4j_settings.database) == one_load
