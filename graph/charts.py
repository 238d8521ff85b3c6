"""The report's charts: small pure functions from an analysis table to an SVG string (matplotlib,
drawn offline; text stays text, so the page is searchable and two runs give the same bytes)."""

from __future__ import annotations

import io
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")  # no display: charts are only ever written as SVG

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

__all__ = ["CHARTS", "met_by_organisation", "met_by_country", "growth_steps", "brokers_bar", "coverage_bar",
           "draw"]

STYLE = {"svg.fonttype": "none", "svg.hashsalt": "medgraph", "font.size": 9, "axes.spines.top": False,
         "axes.spines.right": False}
BLUE, ORANGE, GREY = "#0072B2", "#E69F00", "#BBBBBB"  # Okabe–Ito: safe for colour-blind readers
MAX_ROWS = 30  # rows of a heatmap before it is cut to the best connected
MAX_TICKS = 60  # event labels under the growth chart; more events: every k-th labelled


def svg(figure) -> str:
    """The figure as an SVG element (no XML header, no date), and the figure closed."""
    buffer = io.StringIO()
    # no date (two runs, same bytes) and no RDF block (it names URLs of vocabularies)
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata=dict.fromkeys(("Date", "Creator", "Format", "Type")))
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def empty(message: str) -> str:
    """A small SVG that says there is nothing to draw.

    >>> empty("no ties yet").startswith("<svg")
    True
    """
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="360" height="40"><text x="4" y="24" '
            f'font-size="13">{message}</text></svg>')


def heatmap(counts: pd.DataFrame, xlabel: str, ylabel: str) -> str:
    with plt.rc_context(STYLE):
        figure, ax = plt.subplots(figsize=(1.6 + 0.22 * counts.shape[1], 1.0 + 0.22 * counts.shape[0]))
        image = ax.imshow(counts.to_numpy(), cmap="Blues", aspect="auto", interpolation="nearest", vmin=0)
        ax.set_xticks(range(counts.shape[1]), [short(c) for c in counts.columns], rotation=60, ha="right")
        ax.set_yticks(range(counts.shape[0]), [short(r) for r in counts.index])
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        figure.colorbar(image, ax=ax, shrink=0.6, label="ways of meeting" if "organisation" in xlabel else "pairs")
        return svg(figure)


def short(name, limit: int = 28) -> str:
    """A label cut to `limit` characters.

    >>> short("Cluster Electronique, Mécatronique et Mécanique du Maroc", 20)
    'Cluster Electroniqu…'
    """
    name = str(name)
    return name if len(name) <= limit else name[:limit - 1] + "…"


def met_by_organisation(matrix: pd.DataFrame) -> str:
    """South-Med clusters × the EU organisations they met; a cell counts the ways they met.

    >>> m = pd.DataFrame({"south_name": ["A", "B"], "eu_name": ["X", "X"], "how": ["visited", "co_attended, mentoring"]})
    >>> met_by_organisation(m).startswith("<svg") and "mentoring" not in met_by_organisation(m)
    True
    """
    if matrix.empty:
        return empty("No South-Med cluster has met an EU organisation yet.")
    hows, how_of = pd.factorize(matrix["how"], use_na_sentinel=False)  # a few distinct ways: counted once each
    count = np.array([len(str(h).split(",")) for h in how_of], dtype=np.int64)[hows]
    best = pd.Series(count).groupby(matrix["south_name"].to_numpy()).sum().sort_values(ascending=False).index[:MAX_ROWS]
    chosen = matrix["south_name"].isin(best).to_numpy()  # the best connected first: no clusters × EU table of all
    ways = matrix.loc[chosen, ["south_name", "eu_name"]].assign(ways=count[chosen])
    counts = ways.pivot_table(index="south_name", columns="eu_name", values="ways", aggfunc="sum", fill_value=0)
    counts = counts.loc[counts.sum(axis=1).sort_values(ascending=False).index[:MAX_ROWS]]
    counts = counts[counts.sum().sort_values(ascending=False).index[:MAX_ROWS * 2]]
    return heatmap(counts, "EU organisation", "South-Med cluster")


def met_by_country(matrix: pd.DataFrame) -> str:
    """South-Med × EU countries; a cell counts the pairs of organisations that met."""
    if matrix.empty:
        return empty("No South-Med cluster has met an EU organisation yet.")
    counts = pd.crosstab(matrix["south_country"].fillna("?"), matrix["eu_country"].fillna("?"))
    return heatmap(counts, "EU country", "South-Med country")


def growth_steps(growth: pd.DataFrame, south_clusters: int) -> str:
    """New ties, and South-Med clusters newly tied to the EU, after each event, as steps.

    `south_clusters` turns the table's ``eu_share`` back into a count of clusters.
    """
    if growth.empty:
        return empty("No dated event to show growth over.")
    ties = growth["ties"].astype(float).fillna(0)
    new_ties = ties.diff().fillna(ties).clip(lower=0).astype(int).tolist()
    met = (growth["eu_share"].astype(float).fillna(0) * south_clusters).round().astype(int)
    newly = met.diff().fillna(met).clip(lower=0).astype(int).tolist()
    labels = [f"{str(d)[:10]} {short(n, 30)}" for d, n in zip(growth["date"], growth["name"])]
    with plt.rc_context(STYLE):
        figure, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(8, 5.5))
        steps(top, new_ties, BLUE, "new ties")
        steps(bottom, newly, ORANGE, "South-Med clusters\nnewly tied to the EU")
        shown = range(0, len(labels), -(-len(labels) // MAX_TICKS))  # every event up to MAX_TICKS, else every k-th
        bottom.set_xticks(list(shown), [labels[i] for i in shown], rotation=60, ha="right")
        return svg(figure)


def steps(ax, values: list[int], colour: str, label: str) -> None:
    positions = list(range(len(values)))
    ax.step(positions, values, where="mid", color=colour)
    ax.fill_between(positions, values, step="mid", color=colour, alpha=0.3)
    ax.set_ylabel(label)


def bars(labels: list[str], values: list[float], xlabel: str) -> str:
    with plt.rc_context(STYLE):
        figure, ax = plt.subplots(figsize=(7, 0.9 + 0.3 * len(labels)))
        ax.barh(range(len(labels)), values, color=BLUE)
        ax.set_yticks(range(len(labels)), [short(x, 40) for x in labels])
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        return svg(figure)


def brokers_bar(centrality: pd.DataFrame, top: int = 10) -> str:
    """The `top` organisations by betweenness, as horizontal bars."""
    ranked = centrality.sort_values(["betweenness", "name"], ascending=[False, True]).head(top)
    if ranked.empty:
        return empty("No organisation to rank.")
    labels = [f"{n} ({c})" if isinstance(c, str) else str(n) for n, c in zip(ranked["name"], ranked["country"])]
    return bars(labels, ranked["betweenness"].astype(float).tolist(), "betweenness")


def coverage_bar(coverage: pd.DataFrame) -> str:
    """Per South-Med country, its clusters that have met the EU and those that have not, stacked."""
    if coverage.empty:
        return empty("No South-Med cluster in the graph.")
    met, clusters = coverage["met_eu"].astype(int), coverage["clusters"].astype(int)
    with plt.rc_context(STYLE):
        figure, ax = plt.subplots(figsize=(7, 0.9 + 0.3 * len(coverage)))
        rows = range(len(coverage))
        ax.barh(rows, met, color=BLUE, label="met the EU")
        ax.barh(rows, clusters - met, left=met, color=GREY, label="not yet")
        ax.set_yticks(rows, coverage["country"].astype(str).tolist())
        ax.invert_yaxis()
        ax.set_xlabel("South-Med clusters")
        ax.legend(loc="lower right", frameon=False)
        return svg(figure)


#: name -> (caption, function of an analysis' tables and its summary figures)
CHARTS: dict[str, tuple[str, Callable[[dict, dict], str]]] = {
    "met_by_organisation": ("South-Med clusters × the EU organisations they met (darker: more ways of meeting)",
                            lambda t, s: met_by_organisation(t["met_matrix"])),
    "met_by_country": ("South-Med × EU countries: pairs of organisations that met",
                       lambda t, s: met_by_country(t["met_matrix"])),
    "growth": ("After each event: new ties, and South-Med clusters tied to the EU for the first time",
               lambda t, s: growth_steps(t["growth"], int(t["coverage_by_country"]["clusters"].sum()))),
    "brokers": ("Top brokers by betweenness", lambda t, s: brokers_bar(t["centrality"])),
    "coverage": ("South-Med clusters that have met the EU, by country", lambda t, s: coverage_bar(t["coverage_by_country"])),
}


def draw(name: str, analysis) -> tuple[str, str]:
    """The caption and SVG of chart `name` of `CHARTS` for an analysis (`report.Analysis`)."""
    caption, make = CHARTS[name]
    return caption, make(analysis.tables, analysis.summary)
