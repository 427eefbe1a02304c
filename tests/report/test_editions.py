"""The Dutch and English editions of one run: published side by side, the same numbers
in each, every number in the Dutch edition written the Dutch way."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from tests.conftest import forcibly_displaced_from_csv, pdf_reader, pdf_text

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def built(default_report):
    """The default report (report year 2025, baseline 2019), both editions."""
    return default_report


@pytest.fixture(scope="module")
def dutch_text(built):
    return pdf_text(built.edition("nl")[1])


def test_both_editions_are_published_side_by_side(built):
    assert set(built.languages) == {"en", "nl"}
    for language in ("en", "nl"):
        html, pdf = built.edition(language)
        published = built.published / pdf.name
        assert published.read_bytes()[:5] == b"%PDF-"
        assert (built.published / html.name).is_file()
        root = pdf_reader(pdf).trailer["/Root"]
        assert root["/Lang"] == language
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assert page.html is not None and page.html["lang"] == language


def test_both_editions_state_the_same_numbers(built):
    listings = {
        language: json.loads((built.run_dir / language / "figures.json").read_text())
        for language in ("en", "nl")
    }
    english, dutch = (
        {n["key"]: n["value"] for n in listings[lang]["key_numbers"]} for lang in ("en", "nl")
    )
    assert english and english == dutch
    assert len(listings["en"]["exhibits"]) == len(listings["nl"]["exhibits"])
    for en_exhibit, nl_exhibit in zip(
        listings["en"]["exhibits"], listings["nl"]["exhibits"], strict=True
    ):
        en_data = pd.read_csv(built.run_dir / "en" / en_exhibit["data_file"])
        nl_data = pd.read_csv(built.run_dir / "nl" / nl_exhibit["data_file"])
        assert en_data.shape == nl_data.shape, en_exhibit["name"]
        numbers = en_data.select_dtypes("number").columns
        positions = [en_data.columns.get_loc(c) for c in numbers]
        # the headers are in each edition's language; the numbers under them are the same
        same = en_data.iloc[:, positions].set_axis(numbers, axis=1)
        assert same.equals(nl_data.iloc[:, positions].set_axis(numbers, axis=1)), en_exhibit["name"]


def test_the_dutch_edition_writes_numbers_the_dutch_way(built, dutch_text, real_dir):
    # end-2025, summed from the CSV files; Türkiye among the largest hosts
    total = forcibly_displaced_from_csv(real_dir, 2025)["forcibly_displaced"]
    assert f"{total / 1e6:.1f} miljoen".replace(".", ",") in dutch_text
    assert "Turkije" in dutch_text
    assert "25 januari 2021" in dutch_text
    body = _dutch_body_text(built.edition("nl")[0])  # cited titles keep their own numbers
    assert not re.search(r"\d\.\d million", body)
    assert not re.search(r"\b\d{1,3},\d{3},\d{3}\b", body), "English thousands separators"


#: Words that are English and never Dutch ('of' and 'is' are Dutch words too).
ENGLISH_WORDS = re.compile(
    r"\b(the|and|which|were|with|from|this|that|their|people|hosted|refugees|between)\b"
)


def _dutch_body_text(html_path) -> str:
    """The Dutch edition's text without what is quoted as published: source lines and
    cited titles (`cite`), the letter's quoted words (`q`), the colophon's file list,
    code."""
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    for element in soup.select(
        ".source-line, cite, q, .cited, .colophon, code, pre, style, script, head"
    ):
        element.decompose()
    text = re.sub(r"\s+", " ", soup.get_text(" "))
    # words between ‘ and ’ are quoted: the letter's own, or a cited title in a sentence
    return re.sub(r"‘[^’]*’", "‘…’", text)


def test_the_dutch_edition_has_no_english_body_text(built):
    html, _ = built.edition("nl")
    text = _dutch_body_text(html)
    found = [text[max(0, m.start() - 50) : m.end() + 30] for m in ENGLISH_WORDS.finditer(text)]
    assert not found, f"{len(found)} English words in the Dutch edition, e.g.:\n" + "\n".join(
        found[:15]
    )
