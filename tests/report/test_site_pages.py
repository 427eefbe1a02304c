"""Cutting an edition's combined HTML into the web edition's pages, on a small
hand-written page shaped as the export writes it (report/site_pages.py, site.py)."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from displacement_report.report import site, site_pages

COMBINED = """<!DOCTYPE html><html><head><style>body { color: #222; }</style></head>
<body class="jp-Notebook"><main>
<div class="jp-Cell" id="cell-id=report-cover"><div class="cover"><h1>The report</h1>
<p class="cover-meta">End of 2025</p></div></div>
<div class="jp-Cell" id="cell-id=chapter-global_picture"><h1 id="global">1. Global</h1>
<nav class="toc"><h1 class="toc-title" id="contents">Contents</h1><ul>
<li class="toc-level-1"><a href="#global">1. Global</a></li>
<li class="toc-level-2"><a href="#total">1.1 The total</a></li>
<li class="toc-level-1"><a href="#costs">2. Costs</a></li>
<li class="toc-level-1"><a href="annex-a-title">Annex A</a></li></ul></nav></div>
<div class="jp-Cell" id="cell-id=abc"><h2 id="total">1.1 The total</h2>
<p>See <a class="xref" href="#tab-costs">Table 2.1</a> and <a href="#total">above</a>.</p>
<figure class="exhibit chart" id="fig-total">
<img alt="Bar chart" src="data:image/svg+xml;base64,AA==">
<figcaption>Figure 1.1 <a class="data-link" href="en/figures/total.csv">Data (CSV)</a></figcaption>
</figure></div>
<div class="jp-Cell" id="cell-id=chapter-reception_costs"><h1 id="costs">2. Costs</h1>
<table class="report-table" id="tab-costs"><caption>Table 2.1 Costs</caption>
<tr><th>a</th></tr></table></div>
<div class="jp-Cell" id="cell-id=report-colophon"><div class="jp-RenderedHTML">
<section class="annex" id="annex-a"><h1 id="annex-a-title">Annex A</h1><p>Rows</p></section>
<section class="unnumbered glossary"><h1 id="glossary">Glossary</h1></section>
<section class="colophon"><h1 id="colophon">Colophon</h1></section>
</div></div>
</main></body></html>"""


def test_the_combined_page_is_cut_at_chapters_and_closing_parts():
    found = site_pages.split(COMBINED)
    assert [p.file for p in found.pages] == [
        "global-picture.html",
        "reception-costs.html",
        "annex-a.html",
        "glossary.html",
        "colophon.html",
    ]
    assert [p.title for p in found.pages] == [
        "1. Global",
        "2. Costs",
        "Annex A",
        "Glossary",
        "Colophon",
    ]
    assert found.cover is not None and found.cover.find("h1").get_text() == "The report"
    # the contents are read, then taken off the page (the site has its own menu)
    assert [(e.level, e.text) for e in found.contents][:2] == [
        (1, "1. Global"),
        (2, "1.1 The total"),
    ]
    assert "Contents" not in found.pages[0].content[0].get_text()
    assert found.anchors["tab-costs"] == "reception-costs.html"
    assert found.anchors["total"] == "global-picture.html"


def test_links_go_to_the_page_that_holds_their_target(tmp_path):
    found = site_pages.split(COMBINED)
    (tmp_path / "en" / "figures").mkdir(parents=True)
    for name in ("total.svg", "total.csv", "total.json"):
        (tmp_path / "en" / "figures" / name).write_text("x")
    first = found.pages[0]
    for element in first.content:
        site._charts_as_files(element, tmp_path, "en")
        site._add_downloads(element, tmp_path, "en")
        site._relink(element, first.file, found.anchors)
    page = BeautifulSoup("".join(str(e) for e in first.content), "html.parser")
    assert page.select_one("a.xref")["href"] == "reception-costs.html#tab-costs"
    assert page.find("a", string="above")["href"] == "#total"  # the same page
    image = page.select_one("figure img")
    assert image["src"] == "../../en/figures/total.svg" and image["alt"] == "Bar chart"
    # the JSON beside the CSV; no workbook link, as this run has none
    assert [a["href"] for a in page.select("a.data-link")] == [
        "../../en/figures/total.csv",
        "../../en/figures/total.json",
    ]


def test_a_table_scrolls_in_a_named_region_of_its_own():
    found = site_pages.split(COMBINED)
    costs = found.pages[1].content[0]
    site.wrap_tables(costs)
    region = costs.select_one("div.table-scroll")
    assert region is not None and region.find("table")["id"] == "tab-costs"
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert region["aria-label"] == "Table 2.1 Costs"
    site.wrap_tables(costs)  # once only
    assert len(costs.select("div.table-scroll")) == 1


def test_the_search_index_is_a_script_that_registers_its_records(tmp_path):
    target = tmp_path / "search-index.js"
    site.write_search_index(target, [{"u": "a.html", "t": "Jordanië", "x": "tekst"}])
    text = target.read_text(encoding="utf-8")
    assert text.startswith("(window.siteSearch = window.siteSearch || []).push(")
    records = json.loads(text.split("records: ", 1)[1].rsplit("});", 1)[0])
    assert records == [{"u": "a.html", "t": "Jordanië", "x": "tekst"}]


def test_each_language_is_named_in_its_own_words():
    assert site.language_name("nl") == "Nederlands"
    assert site.language_name("en") == "English"
