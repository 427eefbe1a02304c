"""Country names in running text: the article a name takes ('the United States', 'de
Verenigde Staten', 'het Verenigd Koninkrijk'), its capital at the start of a sentence,
and the verb that agrees with a plural name ('de Palestijnse gebieden kenden'), from
one table (locale/country_articles.csv) and one function (`i18n.in_sentence`)."""

from __future__ import annotations

import csv
import re

import pycountry
import pytest
from babel import Locale

from displacement_report import i18n


def _rows() -> list[dict[str, str]]:
    with i18n.COUNTRY_ARTICLES_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("language", "name", "expected"),
    [
        ("en", "United States", "the United States"),
        ("en", "United Kingdom", "the United Kingdom"),
        ("en", "Netherlands", "the Netherlands"),
        ("en", "Palestinian territories", "the Palestinian territories"),
        ("en", "Central African Republic", "the Central African Republic"),
        ("en", "Jordan", "Jordan"),
        ("en", "DR Congo", "DR Congo"),
        ("nl", "Verenigde Staten", "de Verenigde Staten"),
        ("nl", "Verenigd Koninkrijk", "het Verenigd Koninkrijk"),
        ("nl", "Palestijnse gebieden", "de Palestijnse gebieden"),
        ("nl", "Centraal-Afrikaanse Republiek", "de Centraal-Afrikaanse Republiek"),
        ("nl", "Nederland", "Nederland"),
        ("nl", "Jordanië", "Jordanië"),
    ],
)
def test_a_name_in_a_sentence_takes_its_article(language, name, expected):
    with i18n.using(language):
        assert i18n.in_sentence(name) == expected


def test_a_name_the_report_does_not_know_stands_as_written():
    # hand-made names: not a country, or already with its article, or another edition's
    for language, name in (
        ("en", "Atlantis"),
        ("en", "the United States"),
        ("en", "Verenigde Staten"),
        ("nl", "United States"),
        ("nl", ""),
    ):
        with i18n.using(language):
            assert i18n.in_sentence(name) == name
            assert i18n.plural_count(name) == 1


def test_the_article_is_capitalised_only_where_it_opens_a_sentence():
    text = "the United States hosted 5. the Netherlands too; in the end the United Kingdom."
    assert i18n.sentence_starts(text) == (
        "The United States hosted 5. The Netherlands too; in the end the United Kingdom."
    )
    assert i18n.sentence_starts("de Palestijnse gebieden kenden. het Verenigd Koninkrijk") == (
        "De Palestijnse gebieden kenden. Het Verenigd Koninkrijk"
    )
    assert i18n.sentence_starts("Jordan, the country") == "Jordan, the country"
    # a word that only begins with an article's letters is left alone
    assert i18n.sentence_starts("theory and deal") == "theory and deal"


def test_the_verb_agrees_with_a_plural_name_in_each_language():
    with i18n.using("en"):
        assert i18n.plural_count("Palestinian territories") == 2
        assert i18n.plural_count("United States") == 1  # 'the United States has'
    with i18n.using("nl"):
        assert i18n.plural_count("Palestijnse gebieden") == 2
        assert i18n.plural_count("Verenigde Staten") == 2  # 'de Verenigde Staten hebben'
        assert i18n.plural_count("Verenigd Koninkrijk") == 1


def test_every_article_row_names_a_known_country_and_says_why():
    rows = _rows()
    codes = [row["iso3"] for row in rows]
    assert len(codes) == len(set(codes))
    for row in rows:
        assert pycountry.countries.get(alpha_3=row["iso3"]) is not None, row
        assert row["why"], row
        assert row["en"] in ("", "the"), row
        assert row["nl"] in ("", "de", "het"), row
        assert row["plural_en"] in ("", "yes") and row["plural_nl"] in ("", "yes"), row
        assert row["en"] or row["nl"], row


#: Words of a name that make it take an article in running text.
TAKES_AN_ARTICLE = {
    "en": re.compile(r"\b(United|Republic|Kingdom|Islands|Emirates|territories|Netherlands)\b"),
    "nl": re.compile(r"(Verenigde|Verenigd|Republiek|eilanden\b|gebieden\b|Emiraten)"),
}
#: Names these words would catch that stand without one.
NO_ARTICLE = {
    "en": {"Heard Island & McDonald Islands", "South Georgia & South Sandwich Islands"},
    "nl": {
        "Franse Gebieden in de zuidelijke Indische Oceaan",
        "Heard en McDonaldeilanden",
        "Zuid-Georgia en Zuidelijke Sandwicheilanden",
    },
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_name_that_needs_an_article_is_left_without_one(language):
    """Every name the edition writes (CLDR's or the report's own) with 'United',
    'Republic', 'Islands' ... has its article in the table: a new name cannot slip
    into a sentence bare."""
    territories = dict(Locale.parse(i18n.LOCALES[language]).territories)
    missing = []
    with i18n.using(language):
        for country in pycountry.countries:
            name = i18n.country_name(country.alpha_3, territories.get(country.alpha_2, ""))
            if not name or name in NO_ARTICLE[language]:
                continue
            if TAKES_AN_ARTICLE[language].search(name) and i18n.in_sentence(name) == name:
                missing.append(f"{country.alpha_3} {name}")
    assert not missing
