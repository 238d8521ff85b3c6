"""The one-minute summary of an analysis: one record, computed from the tables written as CSV,
that the HTML report, report.md and the notebooks all show."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from medgraph import schema

__all__ = ["Summary", "MetCluster", "summarise", "findings", "met_lines", "short_list", "cell_text", "level_words", "options_line"]

TOP_BROKERS = 5
PEERS_NAMED = 3


@dataclass(frozen=True)
class MetCluster:
    """A South-Med cluster with the EU organisations it met, and how."""

    name: str
    country: str | None
    peers: list[str]
    ways: list[str]


@dataclass(frozen=True)
class Summary:
    """The figures an analyst reads first; each comes from a table of the analysis (its CSV)."""

    organisations: int
    ties: int
    south_med_clusters: int
    met_an_eu_peer: int
    options: str
    met: list[MetCluster]
    brokers: list[tuple[str, str | None, float]]  # name, country, betweenness
    not_met: list[tuple[str, str | None, bool]]  # name, country, uncertain
    met_levels: dict[str, int] | None = None  # level -> clusters, when the analysis has levels
    thin_countries: list[str] = field(default_factory=list)
    thin_events: int = 0
    thin_organisations: int = 0
    shares: dict[str, float] = field(default_factory=dict)


def summarise(analysis) -> Summary:
    """The Summary of an analysis (`report.Analysis`): figures taken from its tables."""
    t, s = analysis.tables, analysis.summary
    return Summary(
        organisations=len(t["centrality"]), ties=s["ties"],
        south_med_clusters=int(t["coverage_by_country"]["clusters"].sum()),
        met_an_eu_peer=t["met_matrix"]["south_id"].nunique(),
        options=options_line(analysis.options, s), met=met_clusters(t["met_matrix"]),
        brokers=top_brokers(t["centrality"]), not_met=not_met(t["not_met_eu"], t.get("met_levels")),
        met_levels=levels(t["met_levels"]) if "met_levels" in t else None,
        thin_countries=t["thin_countries"]["country"].tolist() if "thin_countries" in t else [],
        thin_events=len(t.get("thin_events", ())), thin_organisations=len(t.get("thin_organisations", ())),
        shares={k: s[k] for k in ("south_south", "south_north", "other") if k in s})


def options_line(options: dict, summary: dict) -> str:
    """The options of a run in words.

    >>> options_line({"as_of": None, "merge_possible": False, "members_for_cluster": False}, {})
    'as of all dates; possibly-same pairs kept apart; member companies counted as themselves.'
    >>> options_line({}, {"methods": {"betweenness": "sampled, 500 pivots, NetworKit"}}).split(". ")[-1]
    'Methods: betweenness: sampled, 500 pivots, NetworKit.'
    """
    k = summary.get("betweenness_k")
    methods = "; ".join(f"{measure}: {how}" for measure, how in (summary.get("methods") or {}).items())
    return (f"as of {options.get('as_of') or 'all dates'}; possibly-same pairs "
            f"{'merged' if options.get('merge_possible') else 'kept apart'}; member companies "
            f"{'counted for their cluster' if options.get('members_for_cluster') else 'counted as themselves'}"
            + (f"; betweenness estimated from {k} sampled organisations." if k else ".")
            + (f" Methods: {methods}." if methods else ""))


def met_clusters(matrix: pd.DataFrame) -> list[MetCluster]:
    """Per South-Med cluster, the EU organisations it met and the ways (most peers first)."""
    names, name_of = pd.factorize(matrix["south_name"], use_na_sentinel=False)
    countries, country_of = pd.factorize(matrix["south_country"])  # NaN and None: -1, no country
    stride = len(country_of) + 1
    group, keys = pd.factorize(names.astype(np.int64) * stride + countries + 1)  # one per (name, country)
    peer_codes, peer_of = pd.factorize(matrix["eu_name"], use_na_sentinel=False)
    peer_names = np.array([str(p) for p in peer_of], dtype=object)
    rank = np.empty(len(peer_names), dtype=np.int64)
    rank[sorted(range(len(peer_names)), key=peer_names.__getitem__)] = np.arange(len(peer_names))
    order = np.lexsort((rank[peer_codes], group))  # each cluster's peers by name
    peers = peer_names[peer_codes[order]].tolist()
    bounds = np.searchsorted(group[order], np.arange(len(keys) + 1)).tolist()
    hows, how_of = pd.factorize(matrix["how"])  # NaN and None: -1, no way; each distinct "how" split once
    ways: list[set] = [set() for _ in keys]
    for pair in np.unique(group[hows >= 0] * len(how_of) + hows[hows >= 0]).tolist():
        ways[pair // len(how_of)].update(w.strip() for w in str(how_of[pair % len(how_of)]).split(","))
    clusters = [(name_of[key // stride], none_if_nan(country_of[key % stride - 1]) if key % stride else None, g)
                for g, key in enumerate(keys.tolist())]
    clusters.sort(key=lambda c: (c[0], c[1] is None, c[1] or ""))
    out = [MetCluster(name, country, peers[bounds[g]:bounds[g + 1]], sorted(ways[g])) for name, country, g in clusters]
    return sorted(out, key=lambda c: (-len(c.peers), c.name))


def top_brokers(centrality: pd.DataFrame, n: int = TOP_BROKERS) -> list[tuple[str, str | None, float]]:
    top = centrality.sort_values(["betweenness", "name"], ascending=[False, True]).head(n)
    return [(r.name, none_if_nan(r.country), float(r.betweenness)) for r in top.itertuples()]


def not_met(table: pd.DataFrame, met_levels: pd.DataFrame | None) -> list[tuple[str, str | None, bool]]:
    """The clusters with no EU contact at any level (the plain not-met list), uncertain ones flagged."""
    if met_levels is not None:
        table = met_levels[met_levels["level"].isna()].rename(columns={"south_name": "name", "south_country": "country"})
    uncertain = table["uncertain"] if "uncertain" in table else [False] * len(table)
    return [(r.name, none_if_nan(r.country), bool(u) and not is_nan(u))
            for r, u in zip(table.itertuples(), uncertain)]


def levels(table: pd.DataFrame) -> dict[str, int]:
    """Clusters per level of "met", in the schema's order of the levels (strongest first)."""
    counts = table["level"].value_counts()
    order = [lv for lv in getattr(schema, "MET_LEVELS", ()) if lv in counts] or sorted(counts.index)
    return {str(level): int(counts[level]) for level in order}


def level_words(level) -> str:
    """A level of "met" as words.

    >>> level_words("organiser_or_host"), level_words(None)
    ('organiser or host', 'none')
    """
    return "none" if level is None or is_nan(level) else str(level).replace("_", " ")


def short_list(items, limit: int = 120) -> str:
    """Items joined by commas, cut before `limit` characters with how many are left out.

    >>> short_list(["Agrinova", "C2TM", "QOOT"], limit=15)
    'Agrinova … (2 more)'
    >>> short_list([])
    ''
    """
    items = [str(i) for i in items]
    shown: list[str] = []
    for i, item in enumerate(items):
        rest = len(items) - i - 1
        tail = f" … ({rest} more)" if rest else ""
        if shown and len(", ".join([*shown, item]) + tail) > limit:
            break
        shown.append(item)
    text = ", ".join(shown)
    left = len(items) - len(shown)
    return text + (f" … ({left} more)" if left else "")


def cell_text(value, limit: int = 160) -> str:
    """A table cell as short text: lists joined and cut, floats to 3 significant digits.

    >>> cell_text(["a—b", "c—d"]), cell_text(0.123456), cell_text(None), cell_text("x" * 9, limit=5)
    ('a—b, c—d', '0.123', '', 'xxxx…')
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        return short_list(sorted(value) if isinstance(value, (set, frozenset)) else value, limit)
    if value is None or is_nan(value):
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def is_nan(value) -> bool:
    return isinstance(value, float) and math.isnan(value) or value is pd.NA or value is pd.NaT


def none_if_nan(value):
    return None if value is None or is_nan(value) else value


MET_SHOWN = 12


def findings(s: Summary) -> list[tuple[str, str]]:
    """The summary in sentences, (heading, text), as the report prints them (plain text)."""
    out = [("The programme", f"{s.organisations} organisations, {s.ties} ties. {s.met_an_eu_peer} of "
                             f"{s.south_med_clusters} South-Med clusters have met a named EU organisation (a peer "
                             "at an event, or through mentoring, an agreement or a membership)"
                             + (f"; {s.shares['south_north']:.0%} of the ties join a South-Med and an EU "
                                "organisation." if "south_north" in s.shares else "."))]
    if s.met_levels is not None:
        levels_text = "; ".join(f"{level_words(k)}: {n}" for k, n in s.met_levels.items())
        out.append(("Levels of met", f"South-Med clusters by the strongest EU contact they have: {levels_text}; "
                                     f"none: {len(s.not_met)}."))
    out.append(("Top brokers", short_list([f"{n} ({c or '?'}, betweenness {b:.3f})" for n, c, b in s.brokers], 400)))
    uncertain = sum(u for _, _, u in s.not_met)
    out.append(("No EU contact yet", (short_list([f"{n} ({c or '?'}){' — uncertain' * u}" for n, c, u in s.not_met],
                                                 600) or "none")
                + (f". {uncertain} of them uncertain: they attended an event whose participant list is partial."
                   if uncertain else "")))
    out.append(("Thin spots", f"countries whose organisations have few ties: {short_list(s.thin_countries) or 'none'}; "
                              f"{s.thin_events} events with few named participants or a partial list; "
                              f"{s.thin_organisations} organisations only one document speaks of."))
    return out


def met_lines(s: Summary, shown: int = MET_SHOWN) -> list[str]:
    """Which South-Med clusters met which EU organisations and how, one line each (best connected first)."""
    lines = [f"{c.name} ({c.country or '?'}): {len(c.peers)} EU organisation{'s' * (len(c.peers) != 1)}, "
             f"{', '.join(w.replace('_', ' ') for w in c.ways)}: {short_list(c.peers, 90)}" for c in s.met[:shown]]
    if len(s.met) > shown:
        lines.append(f"… and {len(s.met) - shown} more clusters (met_matrix.csv)")
    return lines
