"""The report's sections: each a table of the analysis trimmed to what a person reads, short text
in every cell, the chart that goes with it, and the CSV that holds the whole table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from medgraph.graph.summary import cell_text, level_words

__all__ = ["Part", "NARROW_ABOVE", "by", "parts", "parts_by_table", "readable"]


@dataclass(frozen=True)
class Part:
    """One section of the report."""

    name: str  # the section's name: its table's, or a second view of that table
    title: str
    csv: str  # the file name of the whole table, beside the report
    table: pd.DataFrame  # trimmed, every cell short text
    rows: int  # rows of the whole table
    note: str = ""
    charts: tuple[str, ...] = ()  # names of `charts.CHARTS` drawn from the whole table


@dataclass(frozen=True)
class Spec:
    key: str
    title: str
    columns: tuple[str, ...]
    top: int = 10
    order: Callable[[pd.DataFrame], pd.DataFrame] = lambda t: t
    note: str = ""
    charts: tuple[str, ...] = ()
    note_needs: str = ""  # the column the note explains: no column, no note
    name: str = ""  # when a second section shows the same table


#: Above this many rows a table is narrowed by its first sort column before its first rows are sorted.
NARROW_ABOVE = 100_000


class by:  # noqa: N801 (used like a function: order=by("name"))
    """Order a table by these columns (those present), `descending` ones largest first."""

    def __init__(self, *columns: str, descending: tuple[str, ...] = ()):
        self.columns, self.descending = columns, descending

    def __call__(self, t: pd.DataFrame) -> pd.DataFrame:
        present = [c for c in self.columns if c in t.columns]
        return t.sort_values(present, ascending=[c not in self.descending for c in present]) if present else t

    def head(self, t: pd.DataFrame, top: int) -> pd.DataFrame:
        """The first `top` rows in this order, as ``self(t).head(top)``: on a long table only the
        rows whose first column ranks among the first `top` values' are sorted (sorting by
        several columns is stable; missing values last either way).

        >>> t = pd.DataFrame({"a": ["y", "x", None, "x", "z"], "b": [1, 2, 3, 0, 5]})
        >>> by("a", "b").head(t, 2).index.tolist() == by("a", "b")(t).head(2).index.tolist() == [3, 1]
        True
        """
        present = [c for c in self.columns if c in t.columns]
        if len(t) > NARROW_ABOVE and len(present) > 1 and len(t) > top > 0:
            codes = pd.factorize(t[present[0]], sort=True)[0]
            rank = (codes.max() - codes if present[0] in self.descending else codes).astype(np.int64)
            rank[codes < 0] = np.iinfo(np.int64).max  # missing: last
            t = t[rank <= np.partition(rank, top - 1)[top - 1]]
        return self(t).head(top)


SPECS = (
    Spec("met_levels", "Levels of met: how far each South-Med cluster has met the EU",
         ("south_name", "south_country", "level", "peers", "organisers_hosts", "eu_events", "uncertain"), top=30,
         note="peer: met a named EU organisation; organiser or host: met the EU organiser or host of an event "
              "it attended; eu event: attended an event in the EU whose other participants are not named."),
    Spec("not_met_eu", "South-Med clusters with no EU contact yet", ("name", "country", "ties", "uncertain"), top=30,
         note="uncertain: an event it attended has a participant list its source says is partial.",
         note_needs="uncertain"),
    Spec("met_matrix", "South-Med × EU: who met whom, and how",
         ("south_name", "south_country", "eu_name", "eu_country", "how", "events"), top=15,
         order=by("south_name", "eu_name"), charts=("met_by_organisation", "met_by_country")),
    Spec("coverage_by_country", "Coverage by country: South-Med clusters that have met the EU",
         ("country", "clusters", "met_eu", "share"), top=20, charts=("coverage",)),
    Spec("centrality", "Top brokers (betweenness)",
         ("name", "country", "degree", "weighted_degree", "betweenness", "constraint", "effective_size"),
         order=by("betweenness", "name", descending=("betweenness",)), charts=("brokers",)),
    Spec("centrality", "Most present (events attended, each occasion once)",
         ("name", "country", "kind", "events", "degree", "betweenness"),
         order=by("events", "degree", "name", descending=("events", "degree")), name="presence"),
    Spec("brokerage", "Brokerage roles across regions (Gould–Fernandez)",
         ("name", "group", "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"),
         order=by("total", "name", descending=("total",))),
    Spec("growth", "Growth after each event", ("date", "name", "tied_organisations", "ties", "eu_share", "new_ties"),
         top=25, charts=("growth",)),
    Spec("next_meetings", "Next meetings to plan (the first suggestion for each cluster)",
         ("south_name", "eu_name", "eu_country", "score", "reasons"), top=15,
         order=lambda t: t[t["rank"] == t["rank"].min()] if "rank" in t and len(t) else t),
    Spec("communities", "Communities (Louvain)", ("community", "organisations", "members")),
    Spec("country_ties", "Country-to-country ties", (), top=20),
    Spec("thin_countries", "Thin spots: countries whose organisations have few ties", ("country", "organisations", "ties")),
    Spec("thin_events", "Thin spots: events with few named participants or a partial list",
         ("name", "start", "delegates", "why")),
    Spec("thin_organisations", "Thin spots: organisations only one document speaks of",
         ("name", "country", "documents", "sources")),
)

RESHAPE = {  # tables read better regrouped before they are trimmed
    "communities": lambda t: (t.groupby("community").agg(organisations=("id", "size"), members=("name", sorted))
                              .reset_index().sort_values(["organisations", "community"], ascending=[False, True])),
    "met_levels": lambda t: t.assign(level=[level_words(v) for v in t["level"]]),
}


def parts(tables: dict[str, pd.DataFrame]) -> list[Part]:
    """The report's sections for the tables an analysis holds (a missing table, no section)."""
    out = []
    for spec in SPECS:
        if spec.key not in tables:
            continue
        whole = RESHAPE.get(spec.key, lambda t: t)(tables[spec.key])
        columns = [c for c in spec.columns if c in whole.columns] or list(whole.columns)
        shown = (spec.order.head(whole, spec.top) if isinstance(spec.order, by) else spec.order(whole).head(spec.top))[columns]
        note = spec.note if not spec.note_needs or spec.note_needs in whole.columns else ""
        out.append(Part(spec.name or spec.key, spec.title, f"{spec.key}.csv", readable(shown), len(tables[spec.key]), note, spec.charts))
    return out


def parts_by_table(tables: dict[str, pd.DataFrame]) -> dict[str, Part]:
    """The sections by the name of their table (`centrality`, `growth`, …), as the notebooks show them."""
    return {part.name: part for part in parts(tables)}


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """Every cell as short text (`summary.cell_text`).

    >>> readable(pd.DataFrame({"a": [["x", "y"]], "b": [0.5]})).to_dict("records")
    [{'a': 'x, y', 'b': '0.5'}]
    """
    return table.apply(lambda col: col.map(cell_text)).reset_index(drop=True) if len(table) else table.astype(str)

