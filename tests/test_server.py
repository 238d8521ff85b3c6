"""The local Neo4j: lifecycle, loopback only, auth on, and one clear line per failure."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from medgraph import connection
from medgraph.errors import ServerError
from medgraph.server import local


def medgraph(*args, env):
    """Run the real `medgraph` command; return (exit code, stdout, stderr)."""
    done = subprocess.run([sys.executable, "-m", "medgraph", *args], capture_output=True,
                          text=True, env=env, timeout=300)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def scratch_env(tmp_path):
    """An environment whose local server lives in its own data directory."""
    env = {**os.environ, "MEDGRAPH_DATA_DIR": str(tmp_path / "data")}
    for name in ("NEO4J_URI", "MEDGRAPH_NEO4J_PORT"):
        env.pop(name, None)
    return env


def listening_addresses(port: int) -> set[str]:
    """Local addresses of the sockets listening on port, read from /proc/net."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                found.add(address)
    return found


LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F"}  # 127.0.0.1, ::ffff:127.0.0.1


def test_a_write_and_a_read_through_the_official_driver(db, neo4j_settings):
    db.execute_query("CREATE (:Probe {name: $name})", name="hello", database_=neo4j_settings.database)
    records, _, _ = db.execute_query("MATCH (p:Probe) RETURN p.name AS name", database_=neo4j_settings.database)
    assert [r["name"] for r in records] == ["hello"]


def test_bolt_listens_on_loopback_only(neo4j_settings):
    if not neo4j_settings.local:
        pytest.skip("NEO4J_URI points at a server medgraph did not start")
    port = int(neo4j_settings.uri.rsplit(":", 1)[1])
    assert listening_addresses(port) and listening_addresses(port) <= LOOPBACK


def test_a_wrong_password_is_refused(neo4j_settings):
    wrong = connection.Settings(neo4j_settings.uri, "neo4j", "not-the-password", "neo4j", local=False)
    with pytest.raises(ServerError, match="refused the password of user 'neo4j'"):
        connection.connect(wrong)


def test_a_database_that_does_not_exist_is_named(neo4j_settings):
    missing = connection.Settings(neo4j_settings.uri, neo4j_settings.user, neo4j_settings.password,
                                  "nosuchdb", local=False)
    with pytest.raises(ServerError, match="no database 'nosuchdb'"):
        connection.connect(missing)


@pytest.fixture
def silent_server():
    """A port that accepts connections and never answers: a hung server."""
    listener = socket.create_server(("127.0.0.1", 0))
    yield f"bolt://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


TROUBLE = {  # case -> (NEO4J_* settings over the test server's, what the one line says)
    "server down": ({"NEO4J_URI": "bolt://127.0.0.1:1"}, "cannot reach Neo4j at bolt://127.0.0.1:1 (is it running? "
                                                         "check NEO4J_URI): [Errno 111] Connection refused"),
    "not a Neo4j URI": ({"NEO4J_URI": "http://127.0.0.1:7474"}, "invalid NEO4J_URI 'http://127.0.0.1:7474': "
                                                                "URI scheme 'http' is not supported"),
    "unknown host": ({"NEO4J_URI": "bolt://no-such-host.invalid:7687"}, "cannot reach Neo4j at "
                                                                        "bolt://no-such-host.invalid:7687"),
    "wrong password": ({"NEO4J_PASSWORD": "not-the-password"}, "refused the password of user 'neo4j' "
                                                               "(check NEO4J_PASSWORD)"),
    "no such database": ({"NEO4J_DATABASE": "nosuchdb"}, "has no database 'nosuchdb' (check NEO4J_DATABASE)"),
    "TLS against a plain server": ({"NEO4J_URI": "bolt+s://{host}"}, "(the URI asks for TLS: a server without "
                                                                      "encryption takes bolt:// or neo4j://)"),
    "silent server": ({"NEO4J_URI": "{silent}"}, "timed out"),
}


@pytest.mark.parametrize("case", TROUBLE)
def test_server_trouble_is_one_line_and_exit_3_without_hanging(case, neo4j_settings, silent_server):
    overrides, message = TROUBLE[case]
    host = neo4j_settings.uri.split("://", 1)[1]
    env = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "NEO4J_USERNAME": neo4j_settings.user,
           "NEO4J_PASSWORD": neo4j_settings.password, "NEO4J_DATABASE": neo4j_settings.database,
           **{k: v.format(host=host, silent=silent_server) for k, v in overrides.items()}}
    code, out, err = medgraph("stats", env=env)  # medgraph() fails the test after its timeout: no hang
    assert code == 3 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("Error: ") and message in err


def test_the_password_file_is_private(neo4j_settings):
    if not neo4j_settings.local:
        pytest.skip("NEO4J_URI points at a server medgraph did not start")
    files = list(Path("/").glob("tmp/pytest-of-*/pytest-*/neo4j-data*/neo4j/password"))
    assert files and all(f.stat().st_mode & 0o777 == 0o600 for f in files)


@pytest.mark.neo4j
def test_start_status_start_again_stop(scratch_env):
    code, out, _ = medgraph("db", "start", env=scratch_env)
    try:
        assert code == 0 and "Neo4j 5.26" in out and "running at bolt://127.0.0.1:" in out
        code, out, _ = medgraph("db", "start", env=scratch_env)
        assert code == 0 and out.startswith("already running")
        code, out, _ = medgraph("db", "status", env=scratch_env)
        assert "community running at bolt://127.0.0.1:" in out
    finally:
        code, out, _ = medgraph("db", "stop", env=scratch_env)
    assert code == 0 and out.startswith("stopped (pid")
    code, out, _ = medgraph("db", "status", env=scratch_env)
    assert out.startswith("Neo4j not running")


def test_stop_never_kills_a_process_it_did_not_start(scratch_env):
    stranger = subprocess.Popen(["sleep", "60"])
    paths = local.default_paths(scratch_env)
    paths.data.mkdir(parents=True)
    paths.state_file.write_text(f'{{"pid": {stranger.pid}, "port": 7687}}')
    code, out, _ = medgraph("db", "stop", env=scratch_env)
    assert code == 0 and "that process was left alone" in out
    assert stranger.poll() is None
    stranger.kill()


def test_missing_java_is_one_clear_line(scratch_env, tmp_path):
    scratch_env["PATH"] = str(tmp_path)  # nothing on PATH
    code, out, err = medgraph("db", "start", env=scratch_env)
    assert (code, err) == (4, "Error: java not found on PATH: install a Java 17 runtime "
                              "(Debian: openjdk-17-jre-headless)\n")


def fake_tool(folder: Path, name: str, script: str) -> None:
    tool = folder / name
    tool.write_text(f"#!/bin/sh\n{script}\n")
    tool.chmod(0o755)


def path_with_java_only(tmp_path: Path) -> str:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    java = Path(subprocess.run(["sh", "-c", "command -v java"], capture_output=True, text=True).stdout.strip())
    (bin_dir / "java").symlink_to(java.resolve())
    return str(bin_dir)


def test_missing_maven_is_one_clear_line(scratch_env, tmp_path):
    scratch_env["MEDGRAPH_CACHE_DIR"] = str(tmp_path / "empty-cache")
    scratch_env["PATH"] = path_with_java_only(tmp_path)
    code, _, err = medgraph("db", "start", env=scratch_env)
    assert code == 4 and err.startswith("Error: mvn not found on PATH") and err.count("\n") == 1


def test_a_failed_download_is_one_clear_line(scratch_env, tmp_path):
    scratch_env["MEDGRAPH_CACHE_DIR"] = str(tmp_path / "empty-cache")
    scratch_env["PATH"] = path_with_java_only(tmp_path)
    # Maven is outside the project: stand in for one whose repository cannot be reached.
    fake_tool(tmp_path / "bin", "mvn", 'echo "[ERROR] Could not transfer artifact org.neo4j:neo4j"; exit 1')
    code, _, err = medgraph("db", "start", env=scratch_env)
    assert (code, err) == (4, "Error: Maven could not fetch Neo4j 5.26.30: "
                              "[ERROR] Could not transfer artifact org.neo4j:neo4j\n")


def test_an_occupied_port_is_one_clear_line(scratch_env):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        scratch_env["MEDGRAPH_NEO4J_PORT"] = str(port)
        code, _, err = medgraph("db", "start", env=scratch_env)
    assert (code, err) == (3, f"Error: port {port} (MEDGRAPH_NEO4J_PORT) is already in use by another process\n")


@pytest.mark.neo4j
def test_a_server_that_does_not_come_up_in_time(scratch_env):
    scratch_env["MEDGRAPH_NEO4J_START_TIMEOUT"] = "0.5"
    code, _, err = medgraph("db", "start", env=scratch_env)
    assert code == 3 and err.startswith("Error: the local Neo4j did not come up within 0s: ")
    assert medgraph("db", "status", env=scratch_env)[1].startswith("Neo4j not running")


def test_an_unreachable_server_is_named(scratch_env):
    scratch_env.update(NEO4J_URI="bolt://127.0.0.1:1", NEO4J_PASSWORD="x")
    settings = connection.settings(scratch_env)
    with pytest.raises(ServerError, match=r"cannot reach Neo4j at bolt://127.0.0.1:1 \(is it running"):
        connection.connect(settings)


def test_java_versions_are_read():
    assert local.parse_java_major('openjdk version "21.0.2" 2024-01-16') == 21
    assert local.parse_java_major("no java here") is None
