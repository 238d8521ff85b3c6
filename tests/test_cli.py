"""Every command explains itself with an example; --help documents the exit codes."""

import subprocess
import sys

import pytest

from medgraph.cli import app, db_app


def help_of(*args):
    return subprocess.run([sys.executable, "-m", "medgraph", *args, "--help"], capture_output=True, text=True).stdout


@pytest.mark.parametrize("command", [c.name for c in app.registered_commands] + [f"db {c.name}" for c in db_app.registered_commands])
def test_every_command_has_help_with_an_example(command):
    assert "Example: medgraph " in help_of(*command.split())


def test_the_exit_codes_are_documented():
    text = " ".join(help_of().split())
    assert "2 bad input data" in text and "3 Neo4j server unreachable" in text
