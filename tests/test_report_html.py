"""report.html on the project's data: one offline page, opened in real headless Chromium with the
network blocked; its charts, its summary against the CSVs, and report.md's size.

Set MEDGRAPH_SCREENSHOTS=1 to copy the screenshots of the report's first screen and of the map's
first view into docs/img/ (the README shows them); without it they go to a temporary folder only.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from medgraph.graph.maps import write_map
from medgraph.graph.readout import read_graph
from medgraph.graph.report import analyse, write_report
from medgraph.loaders.load import load

ROOT = Path(__file__).parent.parent

@pytest.fixture(scope="module")
def seed_run(neo4j_driver, neo4j_settings, tmp_path_factory):
    """The main job's outputs on the project's data/: the analysis, report.html and map.html."""
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.database)
    load(neo4j_driver, neo4j_settings.database, None)
    K = read_graph(neo4j_driver, neo4j_settings.database)
    analysis = analyse(K)
    out = tmp_path_factory.mktemp("seed-out")
    return analysis, write_report(analysis, out / "analysis"), write_map(analysis, out / "map.html")


@pytest.fixture(scope="module")
def chromium(offline_chromium):
    return offline_chromium


def opened(driver, page: Path) -> dict:
    """Open a page from file://; the URLs it requested and the errors it logged."""
    driver.get_log("browser"), driver.get_log("performance")
    driver.get(page.as_uri())
    events = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    return {"urls": {m["params"]["request"]["url"] for m in events if m["method"] == "Network.requestWillBeSent"},
            "resources": driver.execute_script(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"),
            "errors": [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]}


def screenshot(driver, name: str, tmp_path: Path) -> Path:
    shot = tmp_path / name
    driver.save_screenshot(str(shot))
    if os.environ.get("MEDGRAPH_SCREENSHOTS"):
        (ROOT / "docs" / "img").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, ROOT / "docs" / "img" / name)
    return shot


def test_the_report_loads_offline_with_its_charts_and_no_request_or_error(seed_run, chromium, tmp_path):
    from selenium.webdriver.common.by import By

    _, report, _ = seed_run
    page = opened(chromium, report)

    assert page["errors"] == []
    assert {u for u in page["urls"] if not u.startswith("data:")} == {report.as_uri()}   # the page, inline images
    assert all(u.startswith("data:") for u in page["resources"])
    charts = chromium.find_elements(By.CSS_SELECTOR, "figure.chart svg")
    assert len(charts) >= 4 and all(c.size["width"] > 100 and c.size["height"] > 30 for c in charts)
    assert chromium.find_element(By.CSS_SELECTOR, "h1").text == "medgraph report"
    assert screenshot(chromium, "report-first-screen.png", tmp_path).read_bytes()[:4] == b"\x89PNG"


def test_the_map_first_view_is_screenshot(seed_run, chromium, tmp_path):
    from selenium.webdriver.support.ui import WebDriverWait

    _, _, page = seed_run
    assert {u for u in opened(chromium, page)["urls"] if not u.startswith("data:")} == {page.as_uri()}
    WebDriverWait(chromium, 180, poll_frequency=0.2).until(
        lambda d: d.execute_script("return !!(window.medgraph && window.medgraph.ready)"))
    assert screenshot(chromium, "map-first-view.png", tmp_path).stat().st_size > 10_000


def test_the_report_links_only_to_the_csvs_beside_it(seed_run):
    _, report, _ = seed_run
    page = report.read_text(encoding="utf-8")
    links = set(re.findall(r'(?:href|src)="(?!data:)([^"#]*)"', page))      # data: the heatmaps' pixels
    assert links and all((report.parent / link).is_file() and link.endswith(".csv") for link in links)
    assert not re.search(r"https?://(?!www\.w3\.org/)", page)       # only the SVG namespace names a URL


def test_report_md_is_summary_sized_with_short_cells(seed_run):
    _, report, _ = seed_run
    markdown = (report.parent / "report.md").read_text(encoding="utf-8")
    cells = [cell for line in markdown.splitlines() if line.startswith("|") for cell in line.split("|")]
    print(f"\nreport.md: {len(markdown.encode()):,} bytes, longest cell {max(map(len, cells))} characters; "
          f"report.html: {report.stat().st_size:,} bytes")
    assert len(markdown.encode()) < 60_000
    assert max(len(cell.strip()) for cell in cells) <= 300


def test_the_summary_figures_are_the_csvs(seed_run):
    analysis, report, _ = seed_run
    csv = {name: pd.read_csv(report.parent / f"{name}.csv")
           for name in ("centrality", "met_matrix", "not_met_eu", "coverage_by_country")}
    organisations, met = len(csv["centrality"]), csv["met_matrix"]["south_id"].nunique()
    clusters = csv["coverage_by_country"]["clusters"].sum()
    top = csv["centrality"].sort_values(["betweenness", "name"], ascending=[False, True])["name"].iloc[0]
    for text in (html.unescape(report.read_text(encoding="utf-8")), (report.parent / "report.md").read_text()):
        assert f"{organisations} organisations" in text
        assert f"{met} of {clusters} South-Med clusters have met" in text
        assert top in text
        assert all(name in text for name in csv["not_met_eu"]["name"])
    assert (organisations, met, clusters) == (analysis.summary["organisations"], analysis.summary["met_an_eu_peer"],
                                              analysis.summary["south_med_clusters"])
