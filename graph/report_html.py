"""report.html: the same summary and sections as report.md, with charts, in one offline page
(inline CSS and inline SVG; its only links are the CSVs beside it)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from medgraph.graph import charts
from medgraph.graph.glossary import GLOSSARY
from medgraph.graph.report_tables import parts
from medgraph.graph.summary import Summary, findings, met_lines, summarise

__all__ = ["render_html"]

TEMPLATES = Path(__file__).parent / "templates"


def render_html(analysis, summary: Summary | None = None) -> str:
    """The HTML report of an analysis (`report.Analysis`); `summary` defaults to its Summary."""
    s = summary or summarise(analysis)
    sections = parts(analysis.tables)
    drawn = {p.name: [charts.draw(name, analysis) for name in p.charts] for p in sections}
    tables = {p.name: p.table.to_html(index=False, border=0) if len(p.table) else "<p><em>none</em></p>"
              for p in sections}
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     keep_trailing_newline=True)
    return environment.get_template("report.html").render(
        summary=s, findings=findings(s), met_lines=met_lines(s), parts=sections, charts=drawn, tables=tables,
        glossary=GLOSSARY)
