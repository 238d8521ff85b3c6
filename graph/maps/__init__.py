"""Interactive maps: the tie network, the organisation–event network or the country network
as one self-contained HTML page that works offline.

`map_data` (pure) turns an analysis (`medgraph.graph.report.analyse`) or a knowledge graph K
into what a map shows; `network` hands it to pyvis (for notebooks); `write_map` writes the
page, which pyvis renders from `templates/map.html` (see `page`).

Layout: `basis` (what the views draw from, reused from the analysis), `levels` (the levels
of "met" of the clusters a large map can show), `view` (the `View` class, the `VIEWS`
registry, what views share), one module per view (`ties`, `events`, `countries`), `texts`,
`style`, `mapdata`, `page`. A new view is one module: a `View` subclass with `@register`,
imported below.

Above ``MAX_NODES`` nodes a map keeps the most central ones and says how many it left out:
vis-network's physics on a few thousand nodes holds a browser tab for minutes.
"""

from __future__ import annotations

from pathlib import Path

from pyvis.network import Network

# Each module registers its view; the registry keeps this order (ties, the default, first).
from medgraph.graph.maps import ties, events, countries  # noqa: F401, I001
from medgraph.graph.maps.mapdata import MAX_NODES, SIZE_BY, MapData, map_data
from medgraph.graph.maps.page import VIS_NETWORK, MapNetwork, write_page
from medgraph.graph.maps.view import VIEWS, View, register, view_help

__all__ = ["MAX_NODES", "SIZE_BY", "VIEWS", "VIS_NETWORK", "MapData", "MapNetwork", "View", "map_data", "network",
           "register", "view_help", "write_map", "write_page"]


def network(source, *, notebook: bool = False, **options) -> Network:
    """The map as a pyvis Network (source and options as for `map_data`).

    In Jupyter, ``network(K, notebook=True).show("map.html")`` displays the page, with its
    controls; ``write_html("map.html")`` writes it.
    """
    return MapNetwork(map_data(source, **options), notebook=notebook)


def write_map(source, path: Path, **options) -> Path:
    """Write the self-contained HTML map of an analysis or K to path (options as for
    `map_data`); return path."""
    return write_page(map_data(source, **options), path)
