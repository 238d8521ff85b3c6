"""Timing and peak memory of one benchmark step, and the table's rows.

Peak RSS per step: Linux keeps a process's high-water mark (VmHWM in /proc/PID/status) and
resets it when "5" is written to /proc/PID/clear_refs, so each step resets the mark of this
Python process and of the Neo4j JVM, runs, and reads both marks. Where that reset is refused
the mark is the process's peak so far (the note says so).

A step that may run for hours (exact betweenness on a dense network) runs in a forked child
with a time limit: the child reports its time, its result and its own peak; past the limit it
is stopped and the row says so. A forked child's resident set starts with every page of the
benchmark process it touches or shares (K, the tie arrays: gigabytes at L), so its peak is
given as its high-water mark *above its resident set at the start*: what the step itself adds.
`measure_repeated` runs such a step several times (min / median / max).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import statistics
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

COLUMNS = ("size", "step", "what", "items", "unit", "seconds", "per_s", "ratio", "py_peak_mib", "jvm_peak_mib", "note",
           "runs", "seconds_min", "seconds_max")


@dataclass
class Row:
    """One line of the benchmark table."""

    size: str
    step: str
    what: str
    items: int | None = None
    unit: str = ""
    seconds: float | None = None
    per_s: float | None = None
    ratio: str = ""
    py_peak_mib: float | None = None
    jvm_peak_mib: float | None = None
    note: str = ""
    runs: int | None = None  # timed runs when more than one: seconds is their median
    seconds_min: float | None = None
    seconds_max: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


assert tuple(f.name for f in fields(Row)) == COLUMNS


def reset_peak(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_mib(pid: int | None, field: str = "VmHWM") -> float | None:
    """The process's peak resident memory (VmHWM; or another field of /proc/PID/status, such as
    VmRSS) in MiB, None when unknown."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


@dataclass
class Measured:
    seconds: float
    value: object
    py_peak_mib: float | None
    jvm_peak_mib: float | None
    cpu_seconds: float | None = None  # of the Python process (this one, or the forked child)
    load: float | None = None  # the machine's load average over the last minute, at the end

    def cpu_note(self) -> str:
        """"CPU 12.3 s (Python), load 4.1": the wall time's context on a shared machine."""
        return f"CPU {self.cpu_seconds:,.1f} s (Python), load {self.load:.1f}" if self.cpu_seconds is not None else ""


def measure(fn, *args, jvm_pid: int | None = None, **kwargs) -> Measured:
    """Run fn once; its wall time, its value and the peaks of this process and the JVM."""
    reset_peak(os.getpid())
    reset_peak(jvm_pid)
    start, cpu = time.perf_counter(), time.process_time()
    value = fn(*args, **kwargs)
    seconds = time.perf_counter() - start
    return Measured(seconds, value, peak_mib(os.getpid()), peak_mib(jvm_pid), time.process_time() - cpu,
                    os.getloadavg()[0])


def _child(conn, fn, args):
    reset_peak(os.getpid())
    resident = peak_mib(os.getpid(), "VmRSS") or 0.0  # the parent's pages this child already maps
    start, cpu = time.perf_counter(), time.process_time()
    try:
        value, error = fn(*args), None
    except Exception as exc:  # reported as the row's note
        value, error = None, f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    peak = peak_mib(os.getpid())
    own = round(max(peak - resident, 0.1), 1) if peak is not None else None
    conn.send((time.perf_counter() - start, value, error, own, time.process_time() - cpu))
    conn.close()


def measure_forked(fn, *args, limit: float) -> tuple[Measured | None, str | None]:
    """fn(*args) in a forked child stopped after `limit` seconds: (Measured, None), (None,
    "not finished within …") or (None, the error). fn's value must pickle; the peak is the
    child's own, above its resident set at the start."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child, fn, args))
    gc.freeze()  # the child's collector then leaves the parent's objects (and their pages) alone
    process.start()
    gc.unfreeze()
    child.close()
    if not parent.poll(limit):
        process.kill()
        process.join()
        return None, f"not finished within {limit:.0f} s (stopped)"
    seconds, value, error, peak, cpu = parent.recv()
    process.join(5)
    if process.is_alive():  # it sent its result but hangs on exit (a fork of a threaded parent)
        process.kill()
        process.join()
    if error:
        return None, error
    return Measured(seconds, value, peak, None, cpu, os.getloadavg()[0]), None


@dataclass
class Repeated:
    """Several timed runs of one step: their seconds, and the last run's value."""

    runs: list[Measured]

    @property
    def seconds(self) -> float:
        return statistics.median(m.seconds for m in self.runs)

    @property
    def value(self):
        return self.runs[-1].value

    @property
    def py_peak_mib(self) -> float | None:
        return max((m.py_peak_mib for m in self.runs if m.py_peak_mib is not None), default=None)

    def cpu_note(self) -> str:
        return self.runs[-1].cpu_note()

    def spread(self) -> dict:
        """The Row fields of the spread (none for a single run)."""
        if len(self.runs) < 2:
            return {}
        seconds = [m.seconds for m in self.runs]
        return {"runs": len(seconds), "seconds_min": min(seconds), "seconds_max": max(seconds)}

    def spread_note(self) -> str:
        """"3 runs: 1.20 / 1.31 / 1.60 s (min / median / max)", or nothing for a single run."""
        if len(self.runs) < 2:
            return ""
        seconds = sorted(m.seconds for m in self.runs)
        return f"{len(seconds)} runs: {seconds[0]:,.2f} / {self.seconds:,.2f} / {seconds[-1]:,.2f} s (min / median / max)"


def measure_repeated(fn, *args, limit: float, runs: int = 1) -> tuple[Repeated | None, str | None]:
    """`measure_forked` `runs` times: (Repeated, None), or (None, the first run's failure) — a
    step stopped at its limit once is not run again."""
    done = []
    for _ in range(max(runs, 1)):
        m, failure = measure_forked(fn, *args, limit=limit)
        if m is None:
            return None, failure
        done.append(m)
    return Repeated(done), None
