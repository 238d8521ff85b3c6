"""How a map draws things: colours per country shown, shapes per organisation kind, line styles per
tie type and attendance role, and vis-network's options. The mappings keyed by vocabulary
values (`KIND_SHAPES`, `TIE_STYLES`, `ROLE_STYLES`) use the values of `medgraph.schema`; a test
checks that their keys are exactly the schema's."""

from __future__ import annotations

from collections import Counter

from medgraph import schema

__all__ = ["PALETTE", "RING_SHIFTS", "NO_COUNTRY_COLOUR", "EVENT_COLOUR", "HIGHLIGHT", "KIND_SHAPES",
           "SHAPE_GLYPHS", "TIE_STYLES", "ROLE_STYLES", "COUNTRY_TIE_STYLES", "MARKS", "LEVEL_WORDS",
           "LABEL_THRESHOLD", "colours", "country_palette", "paint", "vis_options"]

# Countries get colours per map, the countries with most nodes first (then by code): the
# colour-blind-safe palette of Okabe & Ito (2008) without its black, then the three colours of
# Paul Tol's muted palette furthest from them. Past those ten, the fills come round again with a
# thick outline of another colour of the palette (RING_SHIFTS: how far along the palette, one
# per round), never black, which marks the clusters that have not met the EU (`MARKS`): every
# (fill, outline) pair stays distinct up to 30 countries.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#332288", "#882255", "#999933")
RING_SHIFTS = (4, 7)
NO_COUNTRY_COLOUR = "#BBBBBB"
EVENT_COLOUR = "#E8E8E8"
HIGHLIGHT = "#D55E00"  # the edges of a selected node
LABEL_THRESHOLD = 10

# One vis-network shape per organisation kind (schema.ORGANISATION_KINDS).
KIND_SHAPES = {
    "Cluster": "dot", "Network": "star", "Company": "square", "Agency": "triangle", "Ministry": "triangle",
    "School": "hexagon", "Institution": "hexagon", "ResearchCentre": "hexagon",
    "Platform": "diamond", "Technopole": "diamond", "Incubator": "diamond", "Accelerator": "diamond",
    "Association": "triangleDown", "Foundation": "triangleDown",
}
SHAPE_GLYPHS = {"dot": "●", "star": "★", "square": "■", "triangle": "▲", "hexagon": "⬢",
                "diamond": "◆", "triangleDown": "▼", "box": "▭"}

# Tie types (schema.TIE_TYPES, the ties view) and attendance roles (schema.ATTENDANCE_ROLES,
# the events view): (legend text, colour, vis dashes, CSS border style).
TIE_STYLES = {
    "co_attended": ("attended the same event", "#9A9A9A", False, "solid"),
    "visited": ("visited / hosted a visit", "#3A3A3A", False, "solid"),
    "agreement": ("signed an agreement", "#0072B2", [10, 5], "dashed"),
    "mentoring": ("mentoring pair", "#CC79A7", [2, 4], "dotted"),
    "membership": ("member of", "#009E73", [6, 3, 2, 3], "dashed"),
}
ROLE_STYLES = {
    schema.DELEGATE: ("delegate", "#9A9A9A", False, "solid"),
    "speaker": ("speaker", "#6A6A6A", False, "solid"),
    schema.HOST: ("host (visited)", "#0072B2", [10, 5], "dashed"),
}
COUNTRY_TIE_STYLES = {"ties": ("ties between their organisations", "#7A7A7A", False, "solid")}

# The marks of South-Med clusters that have not met the EU: (legend text, border, vis dashes,
# CSS border style): "no_contact" (no level of "met" at all) and "uncertain" (no level, but a
# participant list is partial).
MARKS = {
    "no_contact": ("South-Med cluster with no EU contact", "#000000", [5, 3], "dashed"),
    "uncertain": ("South-Med cluster with no named EU contact, uncertain (a participant list is partial)",
                  "#7A7A7A", [2, 3], "dotted"),
}
#: What each level of "met" (the analysis' met_levels table) means, for a tooltip.
LEVEL_WORDS = {"peer": "met a named EU organisation", "organiser_or_host": "met an EU organiser or host of "
               "an event it attended", "eu_event": "attended an event in the EU whose other participants are not named"}


def colours(background: str, border: str = "#4D4D4D") -> dict:
    """A vis-network node colour: its background, border and the same when selected."""
    return {"background": background, "border": border, "highlight": {"background": background, "border": "#000000"}}


def country_palette(nodes: list[dict]) -> dict:
    """Country code (None: no country) -> (fill, outline or None) for the nodes of one map:
    distinct for every country shown, the countries with most nodes (or organisations, for a
    node that stands for ``members`` of them) taking the plain fills.

    >>> palette = country_palette([{"country": "TN"}, {"country": "TN"}, {"country": "FR"}, {"country": None}])
    >>> palette["TN"], palette["FR"], palette[None]
    (('#E69F00', None), ('#56B4E9', None), ('#BBBBBB', None))
    >>> codes = [f"C{i:02d}" for i in range(30)]
    >>> palette = country_palette([{"country": c} for c in codes])
    >>> len({palette[c] for c in codes}), palette["C10"]
    (30, ('#E69F00', '#0072B2'))
    """
    counts = Counter()
    for n in nodes:
        if not n.get("event"):
            counts[None if n.get("country") in (None, "", "unknown") else n["country"]] += n.get("members", 1)
    ranked = sorted((c for c in counts if c), key=lambda c: (-counts[c], c))
    palette = {None: (NO_COUNTRY_COLOUR, None)}
    for i, code in enumerate(ranked):
        turn, j = divmod(i, len(PALETTE))
        ring = PALETTE[(j + RING_SHIFTS[(turn - 1) % len(RING_SHIFTS)]) % len(PALETTE)] if turn else None
        palette[code] = (PALETTE[j], ring)
    return palette


def paint(nodes: list[dict], palette: dict) -> None:
    """Colour each node (but events) by its country, outlined as the palette says or as its
    mark (`MARKS`, the node's ``marked``) says."""
    for node in nodes:
        if node.get("event"):
            continue
        code = node.get("country")
        fill, ring = palette[None if code == "unknown" else code or None]
        node.update(color=colours(fill, border=ring or "#4D4D4D"), borderWidth=4 if ring else 1)
        if node.get("marked"):
            _, border, dashes, _ = MARKS[node["marked"]]
            node.update(color=colours(fill, border=border), borderWidth=4, shapeProperties={"borderDashes": dashes})


def vis_options(n_nodes: int, n_edges: int, seed: int) -> dict:
    """vis-network options: a seeded layout, physics only until stabilised (the page then
    turns it off), no smoothing of edges (cheap to draw)."""
    return {
        "layout": {"randomSeed": seed, "improvedLayout": n_nodes <= 100},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -150, "centralGravity": 0.01,
                                         "springLength": 150, "springConstant": 0.08, "avoidOverlap": 0.6},
                    "stabilization": {"enabled": True, "iterations": 500 if n_nodes <= 100 else 200,
                                      "updateInterval": 50, "fit": True},
                    "minVelocity": 1.0},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_edges > 1500},
        # Labels under LABEL_THRESHOLD px on screen are not drawn: they show on zooming in.
        "nodes": {"font": {"size": 12, "face": "sans-serif"}, "scaling": {"label": {"drawThreshold": LABEL_THRESHOLD}}},
        "edges": {"smooth": False, "selectionWidth": 2},
    }
