"""Test harness: one real Neo4j for the whole run, a clean database for each test.

With NEO4J_URI set the tests use that server (and wipe its database: point it at a scratch
one). Otherwise they start medgraph's local server in a temporary data directory, so a
user's own graph is never touched, and stop it at the end. In CI (CI=true) a server that
cannot be had is a failure, never a skip.

Every test that uses one of the server's fixtures is marked `neo4j` here, so `pytest -m 'not
neo4j'` runs the pure tests alone; a test that starts a server of its own says so with
`@pytest.mark.neo4j`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from medgraph import connection
from medgraph.cypher import read_cypher
from medgraph.errors import MedgraphError
from medgraph.server import local

#: The fixtures that need the real Neo4j: a test using any of them is marked `neo4j`.
SERVER_FIXTURES = {"neo4j_settings", "neo4j_driver", "db", "medgraph_env", "medgraph_cli"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory):
    if os.environ.get("NEO4J_URI"):
        yield connection.settings()
        return
    env = {**os.environ, "MEDGRAPH_DATA_DIR": str(tmp_path_factory.mktemp("neo4j-data"))}
    env.pop("MEDGRAPH_NEO4J_PORT", None)
    paths = local.default_paths(env)
    try:
        status, _ = local.start(paths, env=env)
    except MedgraphError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs a real Neo4j: {error}")
        pytest.skip(f"no Neo4j for this run: {error}")
    yield connection.Settings(status.uri, "neo4j", local.ensure_password(paths), "neo4j", local=True)
    local.stop(paths)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings):
    driver = connection.connect(neo4j_settings)
    yield driver
    driver.close()


@pytest.fixture
def db(neo4j_driver, neo4j_settings):
    """A driver on an empty database (nodes and relationships removed before the test)."""
    neo4j_driver.execute_query(read_cypher("medgraph", "wipe"), database_=neo4j_settings.database)
    return neo4j_driver


@pytest.fixture
def medgraph_env(neo4j_settings):
    """The environment that points the `medgraph` command at the test server."""
    return {**os.environ, "NEO4J_URI": neo4j_settings.uri, "NEO4J_USERNAME": neo4j_settings.user,
            "NEO4J_PASSWORD": neo4j_settings.password, "NEO4J_DATABASE": neo4j_settings.database}


@pytest.fixture
def medgraph_cli(medgraph_env):
    """Runs the real `medgraph` command against the test server: (exit code, stdout, stderr)."""

    def run(*args):
        done = subprocess.run([sys.executable, "-m", "medgraph", *args], capture_output=True, text=True,
                              env=medgraph_env)
        return done.returncode, done.stdout, done.stderr

    return run


CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
OFFLINE_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,900", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND")


@pytest.fixture(scope="module")
def offline_chromium(tmp_path_factory):
    """Headless Debian Chromium, offline: no name resolves, every proxy connection is refused, and
    Selenium Manager never fetches a browser; its console and network logged. In CI a missing
    browser is a failure, never a skip."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs /usr/bin/chromium and /usr/bin/chromedriver (scripts/test installs them)")
        pytest.skip("no /usr/bin/chromium or /usr/bin/chromedriver (run scripts/test to install them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*OFFLINE_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SE_OFFLINE", "true")
        driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    yield driver
    driver.quit()
