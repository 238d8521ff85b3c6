"""The words of a map: names, dates, lists, the title, subtitle and notice, legend and filter
choices (pure). A view supplies its own phrases (`View.what`, `View.counted`, ...)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from medgraph.graph.maps.style import KIND_SHAPES, MARKS, SHAPE_GLYPHS
from medgraph.graph.period import period_words

__all__ = ["listing", "tie_types", "node_sources", "event_label", "event_order", "first_date", "country_name",
           "title", "event_programmes", "applied_filters", "about", "subtitle", "notice", "legend", "filter_choices"]


def listing(items: list[str], limit: int) -> str:
    """Items joined by "; ", the first `limit` of them and how many more.

    >>> listing(["a", "b", "c"], 2), listing([], 2)
    ('a; b; and 1 more', '')
    """
    items = list(items)
    more = f"; and {len(items) - limit} more" if len(items) > limit else ""
    return "; ".join(str(i) for i in items[:limit]) + more


def tie_types(d: dict) -> str:
    """A tie's (or country edge's) types by weight, e.g. "co-attended 1, agreement 0.5"."""
    types = d.get("types") or {}
    ranked = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{kind.replace('_', '-')} {w:.3g}" for kind, w in ranked)


def node_sources(K, n) -> list[str]:
    """The documents stating anything about node n (the sources of its relationships)."""
    if n not in K:
        return []
    found = set()
    for _, _, d in list(K.in_edges(n, data=True)) + list(K.out_edges(n, data=True)):
        found |= set(d.get("sources") or ())
    return sorted(found)


def event_label(K, event: str) -> str:
    d = K.nodes[event]
    return f"{d.get('name') or event} ({d['start']})" if d.get("start") else d.get("name") or event


def event_order(K, event: str) -> tuple:
    """Sort key of events: by start date, undated last, then by id."""
    start = K.nodes[event].get("start")
    return (start is None, start or dt.date.min, event)


def first_date(K, events) -> dt.date | None:
    return next(filter(None, (K.nodes[e].get("start") for e in events)), None)


def country_name(K, code: str | None) -> str:
    if not code or code == "unknown":
        return "no country"
    return (K.nodes[code].get("name") if code in K else None) or code


def title(K, view, dataset: str | None) -> str:
    """The page title: the data set, by default the programmes whose events the graph holds."""
    return f"{dataset or ', '.join(event_programmes(K)) or 'medgraph'}: {view.what}"


def event_programmes(K) -> list[str]:
    """Names of the top-level programmes that have events, e.g. an initiative above its track."""
    def top(p):
        parents = [q for _, q, k in K.out_edges(p, keys=True) if k == "PART_OF" and K.nodes[q].get("label") == "Programme"]
        return top(parents[0]) if parents else p

    programmes = {top(p) for e, p, k in K.edges(keys=True)
                  if k == "PART_OF" and K.nodes[e].get("label") == "Event" and K.nodes[p].get("label") == "Programme"}
    return sorted(K.nodes[p].get("name") or p for p in programmes)


def applied_filters(K, events, countries) -> list[str]:
    """The map's own filters in words (the page adds those chosen on it), events by full name."""
    return [text for text in (
        events and "events " + ", ".join(event_label(K, e) for e in sorted(events, key=lambda e: event_order(K, e))),
        countries and "countries " + ", ".join(sorted(countries)) + " with their partners") if text]


def about(K, as_of, measure: str, nodes, edges, period=None) -> str:
    """The subtitle after its filters: date, time steps' period, size, sources, what sizes the nodes."""
    docs = [d.get("date") for _, d in K.nodes(data=True) if d.get("label") == "Document"]
    latest = max((str(x) for x in docs if x), default=None)
    return (f"as of {as_of or 'all dates'} · time steps: {period_words(period)} · {len(nodes)} nodes, {len(edges)} edges · "
            f"sources: {len(docs)} documents{f', latest {latest}' if latest else ''} · node size: {measure}")


def subtitle(applied: list[str], about_text: str) -> str:
    """ "Filters: ... · " and the rest; the page rewrites it as its own filters change.

    >>> subtitle([], "as of all dates"), subtitle(["countries TN with their partners"], "as of 2019-12-31")
    ('Filters: none · as of all dates', 'Filters: countries TN with their partners · as of 2019-12-31')
    """
    return f"Filters: {'; '.join(applied) or 'none'} · {about_text}"


def notice(view, total: int, left_out: int, measure: str) -> str | None:
    """What the threshold left out, or None."""
    if not left_out:
        return None
    return (f"Showing the {total - left_out:,} most central of {total:,} {view.counted} (by {measure}); "
            f"{left_out:,} left out. Filter by country or event to see them.")


def legend(K, view, nodes: list[dict], edges: list[dict], measure: str, palette: dict) -> dict:
    """The legend's entries: country colours (name, fill, outline; from `style.country_palette`),
    kind shapes, line styles and marks in use."""
    codes = sorted({n["country"] or "" for n in nodes if not n.get("event")})
    kinds = sorted({n["kind"] for n in nodes if n.get("kind")})
    by_shape = defaultdict(list)
    for kind in kinds:
        by_shape[KIND_SHAPES.get(kind, "dot")].append(kind)
    shapes = [[", ".join(ks), SHAPE_GLYPHS[s]] for s, ks in sorted(by_shape.items(), key=lambda kv: kv[1][0])]
    used = {e["style"] for e in edges}
    marks = {n["marked"] for n in nodes if n.get("marked")}
    return {"colours": [[f"{country_name(K, c or None)}{f' ({c})' if c and c != 'unknown' else ''}",
                         *palette[c if c and c != "unknown" else None]] for c in codes],
            "shapes": shapes + view.extra_shapes if view.shapes else [],
            "lines_title": view.lines_title,
            "lines": [[label, colour, css] for key, (label, colour, _, css) in view.line_styles.items() if key in used],
            "marks": [[text, colour, css] for key, (text, colour, _, css) in MARKS.items() if key in marks],
            "size": view.size_text.format(measure=measure)}


def filter_choices(K, nodes: list[dict]) -> dict:
    codes = sorted({n["country"] for n in nodes if n.get("country")})
    return {"country": [[c, f"{country_name(K, c)} ({c})"] for c in codes],
            "region": [[r, r] for r in sorted({n["region"] for n in nodes if n.get("region")})],
            "kind": [[k, k] for k in sorted({n["kind"] for n in nodes if n.get("kind")})]}
