"""The command line's shared choices and options, and how a mistake in one reads (one line)."""

from __future__ import annotations

import datetime as dt
import enum
import re
from pathlib import Path
from typing import Annotated

import typer

from medgraph import queries
from medgraph.errors import MedgraphError
from medgraph.graph import export, maps
from medgraph.graph.period import PROGRAMME, parse_period

try:  # typer ships its own copy of click from 0.2x on
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
except ImportError:  # pragma: no cover - an older typer on click
    from click.exceptions import ClickException, NoArgsIsHelpError

__all__ = ["AsOf", "PROGRAMME", "Period",
           "ClickException", "ExportFormat", "NoArgsIsHelpError", "QueryFormat", "Replace", "Seeds", "SizeBy",
           "View", "country_codes", "day", "usage_message"]

#: The map's views (its registry: a new view shows here by itself), node sizes, and the export
#: and query formats, as typer choices.
View = enum.StrEnum("View", list(maps.VIEWS))
SizeBy = enum.StrEnum("SizeBy", maps.SIZE_BY)
ExportFormat = enum.StrEnum("ExportFormat", export.FORMATS)
QueryFormat = enum.StrEnum("QueryFormat", queries.FORMATS)

DATE_FORMAT = "%Y-%m-%d"
REPLACE_HELP = "replace what the database holds by the data loaded (one transaction) instead of adding to it"


def day(value: dt.datetime | None) -> dt.date | None:
    """typer parses a date option as a datetime at midnight; the commands take the day."""
    return value.date() if value else None


AsOf = Annotated[dt.datetime | None, typer.Option(
    "--as-of", formats=[DATE_FORMAT], callback=day, help="only what had happened by this date (YYYY-MM-DD)")]
Period = Annotated[str, typer.Option(
    "--period", callback=parse_period, metavar="programme|all|START..END",
    help="the events growth and the map's time steps cover: the programme's own dates (default), all dates, "
         "or START..END (YYYY-MM-DD, either end may be left empty)")]
Seeds = Annotated[Path | None, typer.Option(
    "--seeds", envvar="MEDGRAPH_SEEDS", help="folder of the source documents: check hashes and cited lines")]
Replace = Annotated[bool, typer.Option("--replace", help=REPLACE_HELP)]


def country_codes(values: list[str] | None) -> list[str]:
    """Countries given to an option (repeated or comma-separated), as ISO codes: an ISO code or
    the name in English or French, as data files write them; an unknown one is one line.

    >>> country_codes(["Tunisie", "ma,Lebanon"])
    ['TN', 'MA', 'LB']
    """
    from medgraph.loaders.countries import country_code

    codes = []
    for value in values or ():
        for written in filter(None, (part.strip() for part in value.split(","))):
            code = country_code(written.upper() if len(written) == 2 else written)
            if code is None:
                raise MedgraphError(f"--country: unknown country {written!r} (an ISO code such as TN, or a name "
                                    "in English or French such as Tunisia or Tunisie)")
            codes.append(code)
    return codes


def usage_message(error: ClickException) -> str:
    """A command-line mistake worded as medgraph's own errors.

    >>> class Bad(Exception): message, param = "Value error, 'June' does not match the formats '%Y-%m-%d'.", ""
    >>> usage_message(Bad())
    "expected a date YYYY-MM-DD, found 'June'"
    """
    param = getattr(error, "param", None)
    message = re.sub(r"^Value error, ", "", error.message if param is not None else error.format_message())
    option = f"{max(param.opts, key=len)}: " if param is not None and getattr(param, "opts", None) else ""
    value = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    if found := re.match(value + r" is not one of (.+?)\.?$", message):
        return f"{option}expected one of {found.group(2).replace(chr(39), '')}, found {found.group(1)}"
    if found := re.match(value + r" does not match the formats? ", message):
        return f"{option}expected a date YYYY-MM-DD, found {found.group(1)}"
    return option + message
