"""The local Neo4j server: `start`, `stop`, `status` (see `medgraph.server.local`)."""

from medgraph.server.local import Status, default_paths, start, status, stop

__all__ = ["Status", "default_paths", "start", "status", "stop"]
