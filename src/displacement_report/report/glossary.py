"""The glossary at the end of the report: every abbreviation and term of
`data/glossary/terms.csv` that the report uses, and only those."""

from __future__ import annotations

import html
import re
from pathlib import Path

from displacement_report import paths
from displacement_report.data.readers import read_csv_text

TERMS_FILE = paths.PROJECT_DATA_DIR / "glossary" / "terms.csv"


def used_terms(text: str, path: Path = TERMS_FILE) -> list[tuple[str, str]]:
    """(term, meaning) for each glossary term found in `text` as a whole word."""
    terms = read_csv_text(path, ("term", "meaning"))
    found = []
    for term, meaning in terms.itertuples(index=False):
        if re.search(rf"(?<![\w-]){re.escape(term)}s?(?![\w-])", text, re.IGNORECASE):
            found.append((term, meaning))
    return sorted(found, key=lambda pair: pair[0].lower())


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
    return (
        '<section class="unnumbered glossary"><h1 id="glossary">Glossary</h1>'
        f"<dl>{items}</dl></section>"
    )
