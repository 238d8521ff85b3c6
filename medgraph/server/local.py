"""medgraph's own Neo4j: assembled from Maven Central, run on loopback, stopped cleanly.

The jars live in a cache shared by every data directory (``~/.cache/medgraph/neo4j-<v>/``);
the store, the password file (0600), the pid file and the log live in a data directory
(``~/.local/share/medgraph/neo4j`` unless ``MEDGRAPH_DATA_DIR`` says otherwise), so the tests
can run their own server beside a user's.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs

from medgraph.errors import ServerError, SetupError

NEO4J_VERSION = "5.26.30"
DEFAULT_PORT = 7687
READY_LINE = b"medgraph-neo4j ready on bolt://"
JAVA_OPTIONS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
]


@dataclass(frozen=True)
class Paths:
    """Where one local server keeps its things."""

    cache: Path
    data: Path

    @property
    def lib(self) -> Path:
        return self.cache / "lib"

    @property
    def classes(self) -> Path:
        return self.cache / "classes"

    @property
    def home(self) -> Path:
        return self.data / "home"

    @property
    def password_file(self) -> Path:
        return self.data / "password"

    @property
    def state_file(self) -> Path:
        return self.data / "server.json"

    @property
    def log_file(self) -> Path:
        return self.data / "server.log"


@dataclass(frozen=True)
class Status:
    """What `medgraph db status` reports."""

    running: bool
    uri: str | None
    pid: int | None
    version: str | None  # None until `medgraph.connection.local_status` asks the server
    data_dir: Path


def default_paths(env=os.environ) -> Paths:
    cache = Path(env.get("MEDGRAPH_CACHE_DIR") or platformdirs.user_cache_dir("medgraph"))
    data = Path(env.get("MEDGRAPH_DATA_DIR") or platformdirs.user_data_dir("medgraph"))
    return Paths(cache=cache / f"neo4j-{NEO4J_VERSION}", data=data / "neo4j")


# --- what is needed before a start -------------------------------------------------------


def check_java() -> str:
    """Return the path of a Java 17+ runtime, or raise SetupError."""
    java = shutil.which("java")
    if java is None:
        raise SetupError("java not found on PATH: install a Java 17 runtime (Debian: openjdk-17-jre-headless)")
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    major = parse_java_major(out)
    if major is None or major < 17:
        raise SetupError(f"Neo4j 5.26 needs Java 17 or newer, found: {out.splitlines()[0] if out else 'no version'}")
    return java


def parse_java_major(version_output: str) -> int | None:
    """The major version in the output of `java -version`.

    >>> parse_java_major('openjdk version "17.0.15" 2025-04-15')
    17
    >>> parse_java_major('java version "1.8.0_292"')
    8
    """
    match = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def ensure_jars(paths: Paths) -> None:
    """Fetch the Neo4j jars with Maven once, into the cache."""
    marker = paths.lib / ".complete"
    if marker.exists():
        return
    mvn = shutil.which("mvn")
    if mvn is None:
        raise SetupError("mvn not found on PATH: Maven is needed once to fetch the Neo4j jars (Debian: maven)")
    paths.lib.mkdir(parents=True, exist_ok=True)
    with resources.as_file(resources.files("medgraph.server") / "pom.xml") as pom:
        done = subprocess.run(
            [mvn, "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
             f"-DoutputDirectory={paths.lib}", "-DincludeScope=runtime"],
            capture_output=True, text=True,
        )
    if done.returncode != 0:
        last = (done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"]
        raise SetupError(f"Maven could not fetch Neo4j {NEO4J_VERSION}: {last[0]}")
    marker.touch()


def ensure_launcher(paths: Paths, java: str) -> None:
    """Compile the launcher into the cache when it is missing or older than its source."""
    compiled = paths.classes / "medgraph" / "Launcher.class"
    with resources.as_file(resources.files("medgraph.server") / "Launcher.java") as source:
        if compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime:
            return
        javac = Path(java).resolve().parent / "javac"
        done = subprocess.run(
            [str(javac) if javac.exists() else "javac", "-cp", f"{paths.lib}/*", "-d", str(paths.classes), str(source)],
            capture_output=True, text=True,
        )
    if done.returncode != 0:
        raise SetupError(f"cannot compile the Neo4j launcher: {done.stderr.strip().splitlines()[-1:]}")


def ensure_password(paths: Paths) -> str:
    """The local server's password: generated on first use, kept in a 0600 file."""
    if paths.password_file.exists():
        return paths.password_file.read_text().strip()
    paths.data.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(24)
    fd = os.open(paths.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(password)
    return password


# --- the process -------------------------------------------------------------------------


def read_state(paths: Paths) -> dict | None:
    try:
        return json.loads(paths.state_file.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def is_our_process(pid: int, paths: Paths) -> bool:
    """True when pid is alive and is the launcher of this data directory."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"medgraph.Launcher" in cmdline and str(paths.home).encode() in cmdline


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def choose_port(paths: Paths, env=os.environ) -> int:
    """The configured port (MEDGRAPH_NEO4J_PORT) or 7687, else any free one."""
    configured = env.get("MEDGRAPH_NEO4J_PORT")
    if configured:
        port = int(configured)
        if not port_is_free(port):
            raise ServerError(f"port {port} (MEDGRAPH_NEO4J_PORT) is already in use by another process")
        return port
    return DEFAULT_PORT if port_is_free(DEFAULT_PORT) else free_port()


def running_uri(paths: Paths) -> str | None:
    """bolt:// address of this data directory's server when it is running."""
    state = read_state(paths)
    if state and is_our_process(state["pid"], paths):
        return f"bolt://127.0.0.1:{state['port']}"
    return None


def start(paths: Paths | None = None, *, timeout: float | None = None, env=os.environ) -> tuple[Status, bool]:
    """Start the local server unless it runs; return its status and whether it was started now."""
    paths = paths or default_paths(env)
    if running_uri(paths):
        return status(paths), False
    java = check_java()
    ensure_jars(paths)
    ensure_launcher(paths, java)
    ensure_password(paths)
    port = choose_port(paths, env)
    paths.home.mkdir(parents=True, exist_ok=True)
    heap = env.get("MEDGRAPH_NEO4J_HEAP", "2g")
    command = [java, *JAVA_OPTIONS, f"-Xmx{heap}", "-cp", f"{paths.classes}:{paths.lib}/*",
               "medgraph.Launcher", str(paths.home), str(port), str(paths.password_file),
               env.get("MEDGRAPH_NEO4J_PAGECACHE", "512m")]
    log_start = paths.log_file.stat().st_size if paths.log_file.exists() else 0
    with open(paths.log_file, "ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    paths.state_file.write_text(json.dumps({"pid": process.pid, "port": port}))
    if timeout is None:
        timeout = float(env.get("MEDGRAPH_NEO4J_START_TIMEOUT", 180))
    wait_until_ready(process, paths, log_start, timeout)
    return status(paths), True


def wait_until_ready(process, paths: Paths, log_start: int, timeout: float) -> None:
    """Wait for the launcher's ready line: it comes after the password is set, so a client
    never meets the embedded default password (and its lock-out after failed attempts)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            paths.state_file.unlink(missing_ok=True)
            raise ServerError(f"the local Neo4j exited during start-up: {log_tail(paths)}")
        with open(paths.log_file, "rb") as log:
            log.seek(log_start)
            if READY_LINE in log.read():
                return
        time.sleep(0.3)
    process.terminate()
    paths.state_file.unlink(missing_ok=True)
    raise ServerError(f"the local Neo4j did not come up within {timeout:.0f}s: {log_tail(paths)}")


def log_tail(paths: Paths, lines: int = 3) -> str:
    try:
        text = paths.log_file.read_text(errors="replace").strip().splitlines()
    except FileNotFoundError:
        return "no log"
    return " | ".join(line.strip() for line in text[-lines:]) or "empty log"


def stop(paths: Paths | None = None, *, timeout: float = 60) -> str:
    """Stop the server this data directory started; never any other process."""
    paths = paths or default_paths()
    state = read_state(paths)
    if state is None:
        return "not running"
    pid = state["pid"]
    if not is_our_process(pid, paths):
        paths.state_file.unlink(missing_ok=True)
        return f"not running (stale pid file for pid {pid} removed; that process was left alone)"
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while is_our_process(pid, paths) and time.monotonic() < deadline:
        time.sleep(0.2)
    if is_our_process(pid, paths):
        os.kill(pid, signal.SIGKILL)
    paths.state_file.unlink(missing_ok=True)
    return f"stopped (pid {pid})"


def status(paths: Paths | None = None) -> Status:
    """Whether this data directory's server runs, where and as which process.

    The version it answers with needs a connection: `medgraph.connection.local_status` adds it
    (this module starts and stops processes and never connects, so the dependency goes one way).
    """
    paths = paths or default_paths()
    uri = running_uri(paths)
    if uri is None:
        return Status(False, None, None, None, paths.data)
    return Status(True, uri, read_state(paths)["pid"], None, paths.data)
