"""One Dutch name per thing: the forms chosen in locale/nl/terminology.csv are used, and
the variants it rejects ('subartikel 4.2', 'EUR 128 miljoen', 'OIP', three names for
the Madad fund) appear nowhere in the Dutch text: not in the catalogue, not in the Dutch
cells of the notebooks, not in the Dutch columns of the data files, not in the Dutch
source titles. The colophon is exempt: parameters and versions belong there."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from babel.messages.pofile import read_po

from displacement_report import i18n, paths
from displacement_report.present import sources

LOCALE = i18n.LOCALE_DIR / "nl"
TERMINOLOGY = LOCALE / "terminology.csv"
#: Where parameters, file names and versions belong (tests/report/test_no_developer_traces.py).
EXEMPT_SOURCES = ("src/displacement_report/report/colophon.py",)
#: Messages that write an amount as the letter does ('128 miljoen euro'), where the
#: report quotes it.
LETTERS_WORDS = "as the letter writes it"
DATA_FILES = (
    "data/spending/amounts.csv",
    "data/spending/results.csv",
    "data/costs/figures.csv",
    "data/claims/ledger.csv",
    "data/glossary/terms.csv",
    "data/asylum/nl_asylum_figures.csv",
)


def terminology() -> list[dict[str, str]]:
    with TERMINOLOGY.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rejected() -> list[tuple[str, re.Pattern[str]]]:
    return [(row["dutch"], re.compile(row["rejected"])) for row in terminology() if row["rejected"]]


def _catalogue_texts() -> list[tuple[str, str]]:
    with i18n.catalogue_path("nl").open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    texts = []
    for message in catalogue:
        exempt = all(path in EXEMPT_SOURCES for path, _ in message.locations)
        if not message.id or exempt or message.context == LETTERS_WORDS:
            continue
        strings = [message.string] if isinstance(message.string, str) else message.string
        texts += [(f"messages.po: {message.id!r}", s) for s in strings if s]
    return texts


def _notebook_texts() -> list[tuple[str, str]]:
    return [
        (notebook.name, cell.source)
        for notebook in sorted((paths.PROJECT_ROOT / "notebooks").rglob("*.ipynb"))
        for cell in nbformat.read(notebook, as_version=4).cells
        if "lang:nl" in cell.metadata.get("tags", [])
    ]


def _data_texts() -> list[tuple[str, str]]:
    texts = []
    for name in DATA_FILES:
        frame = pd.read_csv(paths.PROJECT_ROOT / name, dtype=str)
        for column in [c for c in frame.columns if c.endswith("_nl")]:
            texts += [(f"{name}: {column}", v) for v in frame[column].dropna()]
    titles = LOCALE / sources.SOURCE_TITLES_FILE
    with titles.open(encoding="utf-8", newline="") as handle:
        # only what we wrote: a title as published keeps its own words ('2,7 miljard euro')
        texts += [
            (titles.name, _ours(row["title"], row["title_nl"])) for row in csv.DictReader(handle)
        ]
    return texts


def _ours(title: str, dutch: str) -> str:
    """The part of a Dutch source title that differs from the title as published."""
    same = next((i for i, (a, b) in enumerate(zip(title, dutch, strict=False)) if a != b), 0)
    return dutch[same:]


def dutch_texts() -> list[tuple[str, str]]:
    """(where, text) for every Dutch text a reader of the Dutch edition may meet."""
    return _catalogue_texts() + _notebook_texts() + _data_texts()


def test_the_terminology_is_readable_and_its_rejected_forms_are_patterns():
    rows = terminology()
    assert rows and set(rows[0]) == {"english", "dutch", "note", "rejected"}
    assert all(row["english"] and row["dutch"] for row in rows)
    for dutch, pattern in rejected():
        # the chosen form is never one of the rejected ones
        assert not pattern.search(dutch), dutch


@pytest.mark.parametrize(("chosen", "pattern"), rejected(), ids=lambda v: str(v)[:30])
def test_the_dutch_text_uses_the_chosen_form_not_a_rejected_one(chosen, pattern):
    found = [
        f"{where}: …{m.group(0)}…"
        for where, text in dutch_texts()
        for m in [pattern.search(text)]
        if m
    ]
    assert not found, f"use '{chosen}': " + "; ".join(found[:5])


def test_the_scan_finds_a_rejected_form(tmp_path: Path):
    """The check above can fail: a rejected form in a Dutch text is found."""
    patterns = dict((chosen, p) for chosen, p in rejected())
    assert patterns["artikel 4.2"].search("het hele subartikel 4.2")
    assert patterns["EU-noodfonds voor de Syrië-regio (Madad)"].search("het Madad-fonds")
    assert patterns["andere beschermingsbehoevenden"].search("Vluchtelingen en OIP")
    assert patterns["€ 128 miljoen; € 135,5 miljoen; € 2,7 miljard"].search("EUR 128 miljoen")
    assert not patterns["andere beschermingsbehoevenden"].search("de OiR-programmering")
