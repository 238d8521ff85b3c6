"""How a map draws things: colours per country, shapes per organisation kind, line styles per
tie type and attendance role, and vis-network's options. The mappings keyed by vocabulary
values (`KIND_SHAPES`, `TIE_STYLES`, `ROLE_STYLES`) use the values of `medgraph.schema`; a test
checks that their keys are exactly the schema's."""

from __future__ import annotations

import zlib

from medgraph import schema

__all__ = ["COUNTRY_COLOURS", "OTHER_COLOURS", "NO_COUNTRY_COLOUR", "EVENT_COLOUR", "HIGHLIGHT", "KIND_SHAPES",
           "SHAPE_GLYPHS", "TIE_STYLES", "ROLE_STYLES", "COUNTRY_TIE_STYLES", "UNMET_MARK", "colours",
           "country_colour", "vis_options"]

# A country keeps its colour on every map. Okabe & Ito's colour-blind-safe palette for the
# programme's seven South-Med countries, Paul Tol's muted palette for the EU countries it works
# with most; any other country gets one of Tol's light colours chosen by its code.
COUNTRY_COLOURS = {
    "MA": "#E69F00", "DZ": "#56B4E9", "TN": "#009E73", "EG": "#F0E442", "LB": "#0072B2",
    "PS": "#D55E00", "JO": "#CC79A7",
    "FR": "#332288", "ES": "#88CCEE", "IT": "#117733", "GR": "#44AA99", "PT": "#999933",
    "DE": "#AA4499", "BE": "#882255", "NL": "#DDCC77",
}
OTHER_COLOURS = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00")
NO_COUNTRY_COLOUR = "#BBBBBB"
EVENT_COLOUR = "#E8E8E8"
HIGHLIGHT = "#D55E00"  # the edges of a selected node

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
UNMET_MARK = "South-Med cluster with no tie to an EU organisation"


def colours(background: str, border: str = "#4D4D4D") -> dict:
    """A vis-network node colour: its background, border and the same when selected."""
    return {"background": background, "border": border, "highlight": {"background": background, "border": "#000000"}}


def country_colour(code: str | None) -> str:
    """The colour of a country on every map.

    >>> country_colour("TN"), country_colour(None), country_colour("US") == country_colour("US")
    ('#009E73', '#BBBBBB', True)
    """
    if not code:
        return NO_COUNTRY_COLOUR
    return COUNTRY_COLOURS.get(code) or OTHER_COLOURS[zlib.crc32(code.encode()) % len(OTHER_COLOURS)]


def vis_options(n_nodes: int, n_edges: int, seed: int) -> dict:
    """vis-network options: a seeded layout, physics only until stabilised (the page then
    turns it off), no smoothing of edges (cheap to draw)."""
    return {
        "layout": {"randomSeed": seed, "improvedLayout": n_nodes <= 100},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.01,
                                         "springLength": 110, "springConstant": 0.08, "avoidOverlap": 0.3},
                    "stabilization": {"enabled": True, "iterations": 500 if n_nodes <= 100 else 200,
                                      "updateInterval": 50, "fit": True},
                    "minVelocity": 1.0},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_edges > 1500},
        "nodes": {"font": {"size": 12, "face": "sans-serif"}},
        "edges": {"smooth": False, "selectionWidth": 2},
    }
