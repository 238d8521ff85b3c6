"""report.md: the summary, each table trimmed with a link to its whole CSV, and the glossary."""

from __future__ import annotations

from medgraph.graph.glossary import GLOSSARY
from medgraph.graph.report_tables import Part, parts
from medgraph.graph.summary import Summary, findings, met_lines, summarise

__all__ = ["render_markdown", "summary_markdown", "markdown_part"]


def render_markdown(analysis, summary: Summary | None = None) -> str:
    """The Markdown report of an analysis (`report.Analysis`); `summary` defaults to its Summary."""
    s = summary or summarise(analysis)
    head = ["# medgraph report", f"Options: {s.options} The charts are in report.html, beside this file.",
            summary_markdown(s)]
    body = [markdown_part(p) for p in parts(analysis.tables)]
    glossary = "## Glossary\n\n" + "\n".join(f"- **{term}**: {text} ({ref})" for term, text, ref in GLOSSARY)
    return "\n\n".join([*head, *body, glossary]) + "\n"


def summary_markdown(s: Summary) -> str:
    """The summary section: the findings, then who met whom and how."""
    return "\n\n".join(["## Summary", "\n".join(f"- **{title}.** {text}" for title, text in findings(s)),
                         "**Which South-Med clusters met which EU organisations, and how:**",
                         "\n".join(f"- {line}" for line in met_lines(s))])


def markdown_part(part: Part) -> str:
    """One section: title, note, the trimmed table and the link to the whole CSV.

    >>> import pandas as pd
    >>> print(markdown_part(Part("centrality", "Brokers", "centrality.csv", pd.DataFrame({"name": ["A"]}), 3)))
    ## Brokers
    <BLANKLINE>
    | name   |
    |:-------|
    | A      |
    <BLANKLINE>
    1 of 3 rows; the whole table: [centrality.csv](centrality.csv)
    """
    table = part.table.to_markdown(index=False) if len(part.table) else "_none_"
    shown = f"{len(part.table)} of {part.rows} rows" if len(part.table) < part.rows else f"{part.rows} rows"
    note = f"{part.note}\n\n" if part.note else ""
    return f"## {part.title}\n\n{note}{table}\n\n{shown}; the whole table: [{part.csv}]({part.csv})"
