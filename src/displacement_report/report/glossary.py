"""The glossary at the end of the report: every abbreviation and term of
`data/glossary/terms.csv` that the report uses, and only those."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

from displacement_report import paths
from displacement_report.data.readers import read_csv_text
from displacement_report.errors import DataFileError
from displacement_report.i18n import SOURCE_LANGUAGE, _, column_name, language

TERMS_FILE = paths.PROJECT_DATA_DIR / "glossary" / "terms.csv"
COLUMNS = ("term", "meaning", "term_nl", "meaning_nl")


def load_terms(path: Path = TERMS_FILE) -> pd.DataFrame:
    """The glossary, every term and meaning present in every language."""
    terms = read_csv_text(path, COLUMNS)
    missing = [c for c in COLUMNS if c not in terms.columns]
    if missing:
        raise DataFileError(f"{path}: missing column(s) {', '.join(missing)}")
    for column in COLUMNS:
        empty = terms.index[terms[column].isna() | (terms[column].astype(str).str.strip() == "")]
        if len(empty):
            raise DataFileError(f"{path}, line {int(empty[0]) + 2}: {column} is empty")
    return terms


#: How a term may end in running text: English adds a plural 's'; Dutch adds 's', 'n',
#: 'en' or "'s" ('asielzoekers', 'binnenlands ontheemden', "MOL's") and joins an
#: abbreviation to a noun with a hyphen ('OiR-programmering', 'EUTF-projecten').
_ENDINGS = {"en": r"s?(?![\w-])", "nl": r"(?:s|n|en|'s)?(?!\w)"}


def used_terms(text: str, path: Path = TERMS_FILE) -> list[tuple[str, str]]:
    """(term, meaning) in the active language for each glossary term found in `text`
    as a whole word."""
    edition = language()
    terms = load_terms(path)[[column_name("term"), column_name("meaning")]]
    ending = _ENDINGS.get(edition, _ENDINGS[SOURCE_LANGUAGE])
    found = []
    for term, meaning in terms.itertuples(index=False):
        if re.search(rf"(?<![\w-]){re.escape(term)}{ending}", text, re.IGNORECASE):
            found.append((term, meaning))
    return sorted(found, key=lambda pair: pair[0].casefold())


def notebooks_text(executed: list[Path]) -> str:
    """What a reader of these executed notebooks sees, as plain text: markdown cells
    and the HTML and markdown the code cells displayed."""
    import nbformat
    from bs4 import BeautifulSoup

    parts = []
    for path in executed:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                parts.append(cell.source)
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                parts.append(data.get("text/markdown", ""))
                if "text/html" in data:
                    parts.append(BeautifulSoup(data["text/html"], "html.parser").get_text(" "))
    return "\n".join(parts)


def glossary_html(text: str) -> str:
    """An unnumbered section listing the terms `text` uses; empty if it uses none."""
    found = used_terms(text)
    if not found:
        return ""
    items = "".join(
        f"<dt>{html.escape(term)}</dt><dd>{html.escape(meaning)}</dd>" for term, meaning in found
    )
    title = _("Glossary")
    return (
        f'<section class="unnumbered glossary"><h1 id="glossary">{title}</h1>'
        f"<dl>{items}</dl></section>"
    )
