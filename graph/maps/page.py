"""The map's page, built by pyvis: a `Network` rendered by the project's Jinja2 template
(`templates/map.html`), which inlines vis-network through pyvis's ``cdn_resources="in_line"``
and writes the data with ``|tojson``.

The template is ours, not pyvis's own: pyvis 0.3.2's page links bootstrap from a CDN even in
line, renders ``heading`` twice, and its select and filter menus can blank the graph. A
project replaces it as pyvis lets it: ``net.set_template_dir(folder, "page.html")``; pyvis's
own files (``lib/...``) stay reachable from any template. Every text of the data reaches the
page as JSON (``<``, ``>``, ``&`` and ``'`` escaped) and is put in place as text, never as HTML.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from jinja2 import ChoiceLoader
from pyvis.network import Network

from medgraph.graph.maps.mapdata import MapData

__all__ = ["TEMPLATES", "TEMPLATE", "VIS_NETWORK", "MapNetwork", "write_page"]

TEMPLATES = Path(__file__).with_name("templates")
TEMPLATE = "map.html"
#: vis-network as pyvis ships it, the file its own template includes in line
VIS_NETWORK = "lib/vis-9.1.2/vis-network.min.js"
# what pyvis's template variables (nodes, edges, options, heading) already carry
PYVIS_CARRIES = {"nodes", "edges", "options", "title"}


class MapNetwork(Network):
    """One map as a pyvis Network: its nodes, edges and options, and the page's other
    variables (`page`), rendered by `templates/map.html`.

    ``net.write_html("map.html")`` writes the self-contained page, ``net.show("map.html")``
    shows it in Jupyter, ``net.generate_html()`` returns it.
    """

    def __init__(self, data: MapData, *, notebook: bool = False):
        super().__init__(height="800px", width="100%", heading=data.title, notebook=notebook,
                         cdn_resources="in_line")
        self.set_template_dir(str(TEMPLATES), TEMPLATE)
        self.page = {f.name: getattr(data, f.name) for f in fields(data) if f.name not in PYVIS_CARRIES}
        for node in data.nodes:
            self.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
        # Appended directly: pyvis's add_edge scans every edge for a duplicate (quadratic), and
        # each pair occurs once here.
        self.edges.extend(data.edges)
        self.options = data.options

    def set_template_dir(self, template_directory, template_file="template.html"):
        """As pyvis's; pyvis's own files (``lib/...``) stay reachable from the template."""
        pyvis_files = self.templateEnv.loader
        super().set_template_dir(template_directory, template_file)
        self.templateEnv.loader = ChoiceLoader([self.templateEnv.loader, pyvis_files])

    def generate_html(self, name="index.html", local=True, notebook=False) -> str:
        """The page: pyvis's template variables and the map's own (`name`, `local` and
        `notebook` are pyvis's, unused: the template is the same everywhere)."""
        template = self.templateEnv.get_template(self.path)
        self.html = template.render(heading=self.heading, nodes=self.nodes, edges=self.edges, options=self.options,
                                    cdn_resources=self.cdn_resources, **self.page)
        return self.html


def write_page(data: MapData, path: Path) -> Path:
    """Write the page of one map (UTF-8); return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MapNetwork(data).generate_html(), encoding="utf-8")
    return path
