"""Country names in the sentences of the built factsheets (the shared `profiles` build:
JOR, MLT, KNA, both editions): a name that takes an article has it in every sentence
('the United States', 'de Verenigde Staten'), a sentence never opens with a lower-case
article, and the origins note has no colon before its groups."""

from __future__ import annotations

import csv
import re

import pycountry
import pytest
from babel import Locale
from bs4 import BeautifulSoup

from displacement_report import i18n

pytestmark = pytest.mark.notebook

CODES = ("JOR", "MLT", "KNA")


def _sentences(profiles, code: str, language: str) -> list[str]:
    """The running text of a factsheet: its paragraphs (headings, captions and table
    cells, where a name stands bare, are other elements)."""
    page = profiles.edition(code, language)[0].read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    for cell in soup.select("table, figure, figcaption, caption, .colophon, .source-line"):
        cell.decompose()
    return [" ".join(p.get_text(" ").split()) for p in soup.find_all("p")]


def _names_with_articles(language: str) -> dict[str, str]:
    """Each name the edition writes that takes an article, with it."""
    with i18n.COUNTRY_ARTICLES_FILE.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r[language]]
    territories = dict(Locale.parse(i18n.LOCALES[language]).territories)
    found = {}
    with i18n.using(language):
        for row in rows:
            country = pycountry.countries.get(alpha_3=row["iso3"])
            name = i18n.country_name(row["iso3"], territories.get(country.alpha_2, ""))
            if name:
                found[name] = f"{row[language]} {name}"
    return found


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_name_in_a_sentence_has_its_article(profiles, language):
    names = _names_with_articles(language)
    bare = []
    seen = 0
    for code in CODES:
        for text in _sentences(profiles, code, language):
            for name, with_article in names.items():
                for hit in re.finditer(re.escape(name), text):
                    seen += 1
                    before = text[: hit.start()].rstrip().lower()
                    if not before.endswith(with_article.split(" ")[0].lower()):
                        bare.append(f"{code}: …{text[max(0, hit.start() - 40) : hit.end()]}")
    assert seen  # Jordan's and Malta's people abroad are in the United States
    assert not bare


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_sentence_opens_with_a_lower_case_article(profiles, language):
    opening = re.compile(r"(^|[.!?] )(the|de|het) [A-Z]")
    wrong = [
        f"{code}: {text[:80]}"
        for code in CODES
        for text in _sentences(profiles, code, language)
        if opening.search(text)
    ]
    assert not wrong


def test_the_origins_note_says_none_without_a_colon(profiles):
    for code in ("JOR", "MLT"):
        english = profiles.edition(code, "en")[0].read_text(encoding="utf-8")
        dutch = profiles.edition(code, "nl")[0].read_text(encoding="utf-8")
        assert "recorded as:" not in english and "geregistreerd als:" not in dutch
        assert "No one of these origins" not in english
