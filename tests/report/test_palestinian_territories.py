"""The factsheet of the Palestinian territories as its readers get it, both editions
of the shared profiles build (tests/conftest.py): named as the Dutch government and
issue 28 name it, with its article in sentences; Palestine refugees in their own
territory not called 'hosted'; the overlap with the displaced drawn side by side;
UNRWA's refugees outside the territories among its people abroad (figures read from
unrwa.csv with pandas alone); no empty section."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.conftest import Profiles, pdf_text

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def pse(profiles: Profiles) -> Path:
    """The factsheet's folder in the shared profiles build (tests/conftest.py)."""
    return profiles.folder("PSE")


def _text(pse: Path, language: str) -> str:
    return " ".join(pdf_text(pse / f"report.{language}.pdf").split())


def _html_text(pse: Path, language: str) -> str:
    """The page's words without the PDF's page breaks (a sentence may run over two)."""
    page = BeautifulSoup(
        (pse / f"report.{language}.html").read_text(encoding="utf-8"), "html.parser"
    )
    return " ".join(page.get_text(" ").split())


def test_the_english_page_names_the_territories_and_hosts_nobody_there(pse, real_dir):
    text = _text(pse, "en")
    assert text.startswith("Country profile: Palestinian territories")
    assert "Palestine refugees and people displaced inside the Palestinian territories, end of" in (
        text
    )
    assert "in the Palestinian territories" in text and "in Palestinian territories" not in text
    assert "hosted in or displaced inside" not in text.lower()
    assert "State of Palestine" not in text and "stacked to show" not in text
    assert "side by side" in text
    assert "Neighbours and asylum decisions" not in text  # nothing to put in it
    assert "there is no table of their origins" not in text
    assert len(PdfReader(pse / "report.en.pdf").pages) <= 2
    raw = pd.read_csv(real_dir / "unrwa.csv", keep_default_na=False, na_values=[""])
    year = int(raw["year"].max())
    outside = raw[(raw["year"] == year) & (raw["coo_iso"] == "PSE") & (raw["coa_iso"] != "PSE")]
    by_host = outside.groupby("coa_iso")["total"].sum()
    words = _html_text(pse, "en")
    known = by_host.drop("UNK", errors="ignore")  # no host given: not counted as outside
    assert f"UNRWA counted {int(known.sum()):,} outside the Palestinian territories" in words
    for host, name in (("JOR", "Jordan"), ("LBN", "Lebanon"), ("SYR", "Syria")):
        assert f"{int(by_host[host]):,} in {name}" in words


def test_the_dutch_page_names_the_same_territories(pse):
    text = _text(pse, "nl")
    assert text.startswith("Landenprofiel: Palestijnse gebieden")
    assert "in de Palestijnse gebieden" in text
    assert "Palestina " not in text and "Palestina." not in text
    assert "opgevangen in of ontheemd binnen" not in text.lower()
    assert "naast elkaar" in text
