"""Progress bars for the long steps (read-out, analyses): on a terminal only, quiet otherwise.

`bar(description, total)` is a context giving `advance(n=1)`; on a terminal (stderr is a TTY)
it draws a rich bar with the count and the rate, and leaves no trace when done; in CI, pipes
and tests it does nothing. ``MEDGRAPH_PROGRESS=0`` turns it off on a terminal too.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator

__all__ = ["bar", "enabled"]


def enabled(stream=None) -> bool:
    """Whether bars are drawn: stderr (or `stream`) is a terminal and MEDGRAPH_PROGRESS is not 0.

    >>> import io
    >>> enabled(io.StringIO())
    False
    """
    stream = stream if stream is not None else sys.stderr
    return os.environ.get("MEDGRAPH_PROGRESS", "1") != "0" and bool(getattr(stream, "isatty", lambda: False)())


@contextlib.contextmanager
def bar(description: str, total: int | None = None, unit: str = "rows", stream=None) -> Iterator[Callable]:
    """A progress bar for one step; yields advance(n=1). Nothing is drawn off a terminal.

    >>> with bar("reading", total=3) as advance:
    ...     advance(2)
    """
    if not enabled(stream):
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=stream or sys.stderr), transient=True) as progress:
        task = progress.add_task(description, total=total, rate="")

        def advance(n: int = 1) -> None:
            progress.advance(task, n)
            speed = progress.tasks[0].speed
            progress.update(task, rate=f"{speed:,.0f} {unit}/s" if speed else "")

        yield advance
