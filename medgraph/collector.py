"""Python's cycle collector paused while millions of objects are built (rows read from files, K
read out of Neo4j): it would scan them again and again, and they hold no cycles to collect."""

from __future__ import annotations

import gc
from contextlib import contextmanager

__all__ = ["collection_paused"]


@contextmanager
def collection_paused():
    """The cycle collector off for the block. The objects made meanwhile then join the oldest
    generation at once (freeze, unfreeze) rather than be scanned as young ones."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()
