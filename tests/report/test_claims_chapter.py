"""The claims chapter in the built report, both editions: the ledger is a numbered table
whose data is published (CSV, JSON, a sheet of the workbook); C37 is judged on one
measure with the region of origin as a labelled second line; C16 holds on the draft
budget with the later stage listed as a later decision; the claims that cannot be
checked are counted and listed alike. Expected figures come from the shared CSVs."""

from __future__ import annotations

import csv
import json
import re

import openpyxl
import pytest
from bs4 import BeautifulSoup

from displacement_report import paths

pytestmark = pytest.mark.notebook


def _shared(figure_id: str) -> float:
    folder = paths.reference_dir()
    for name in ("published_headlines.csv", "sourced_figures.csv"):
        with (folder / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["figure_id"] == figure_id:
                    return float(row["value"])
    raise KeyError(figure_id)


WORDS = {
    "en": {
        "table": "Table",
        "caption": "The letter's claims, then and now",
        "holds": "holds",
        "second": "Second measure, not a revision",
        "draft": "EUR 128 million (2021, draft budget)",
        "decision": "later decision, not a revision: 2nd supplementary budget: EUR 135.5",
        "cannot": "cannot be checked (no figure found)",
        "verdict": "Verdict on the letter",
        "statements": "38 quantitative statements",
    },
    "nl": {
        "table": "Tabel",
        "caption": "De beweringen van de brief, toen en nu",
        "holds": "klopt",
        "second": "Tweede maat, geen herziening",
        "draft": "€ 128 miljoen (2021, ontwerpbegroting)",
        "decision": "later besluit, geen herziening: 2e suppletoire begroting: € 135,5 miljoen",
        "cannot": "zijn niet te controleren (geen cijfer gevonden)",
        "verdict": "Oordeel over de brief",
        "statements": "38 kwantitatieve beweringen",
    },
}


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True))


def _claim(ledger, claim_id: str):
    """One claim's rows in the ledger table."""
    for body in ledger.find_all("tbody"):
        head = body.find("tr", class_="claim-head")
        if head is not None and _text(head).startswith(claim_id + " "):
            return body
    raise AssertionError(f"{claim_id} is not in the ledger")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_claims_chapter_judges_each_claim_on_one_measure_and_stage(default_report, language):
    words = WORDS[language]
    html, _pdf = default_report.edition(language)
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    exhibit = soup.find(id="tab-claims_ledger")
    assert exhibit is not None
    caption = _text(exhibit.find("caption"))
    assert re.fullmatch(rf"{words['table']} 8\.1 {re.escape(words['caption'])}", caption)
    ledger = exhibit.find("table")
    # C37: 73% as published (Global Trends 2019), 74.0% on today's data: one measure
    rows = _claim(ledger, "C37")
    values = _text(rows.find("tr", class_=False))  # the row of the three columns
    published = int(_shared("P036"))
    assert f"{published}% (2019)" in values and ("74.0%" in values or "74,0%" in values)
    # the region of origin, on its own labelled line, never in the columns
    second = _text(rows.find("tr", class_="claim-second"))
    assert second.startswith(words["second"])
    assert ("64.2%" in second or "64,2%" in second) and "64" not in values
    # C16 holds on the draft budget (Rijksfinancien F171); the later stage is a decision
    c16 = _text(_claim(ledger, "C16"))
    assert _shared("F171") == 128e6 and words["draft"] in c16
    assert words["decision"] in c16 and f" {words['holds']} " in f" {c16} "
    # the chapter's count of claims that cannot be checked is its table's length
    unchecked = soup.find(id="tab-unchecked_claims")
    rows = len(unchecked.find("tbody").find_all("tr"))
    assert 0 < rows <= 10
    # the chapter's summary counts them as its table lists them
    summary = min(
        (_text(p) for p in soup.find_all("p") if words["statements"] in _text(p)), key=len
    )
    assert f"{rows} {words['cannot']}" in summary


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_ledger_is_published_as_data_like_every_exhibit(default_report, language):
    folder = default_report.run_dir / language
    data = folder / "figures" / "claims_ledger.csv"
    with data.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    first = next(iter(rows[0]))  # the claim, in the edition's words
    assert {r[first] for r in rows} >= {"C01", "C16", "C37"}
    record = json.loads((folder / "figures" / "claims_ledger.json").read_text())
    assert record["kind"] == "table" and record["data_file"] == "claims_ledger.csv"
    listing = json.loads((folder / "figures.json").read_text())
    numbered = {e["name"]: e["number"] for e in listing["exhibits"]}
    assert numbered["claims_ledger"].endswith("8.1")
    book = openpyxl.load_workbook(folder / "tables.xlsx")
    sheet = book[numbered["claims_ledger"]]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert WORDS[language]["verdict"] in header
    assert sheet.max_row == len(rows) + 1
