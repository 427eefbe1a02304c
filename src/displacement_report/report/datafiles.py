"""The data behind the report for analysts: every table in one Excel workbook (one
sheet per table, and a sheet of sources), and `figures.json` listing every chart and
table with its number, and the key numbers the text states."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
from bs4 import BeautifulSoup

from displacement_report.i18n import _
from displacement_report.paths import KEY_NUMBERS_FILE

WORKBOOK = "tables.xlsx"
FIGURES_JSON = "figures.json"


def exhibit_records(figures_dir: Path) -> list[dict[str, Any]]:
    """The JSON records the notebooks wrote beside each chart and table, by name."""
    records = []
    for path in sorted(figures_dir.glob("*.json")):
        if path.name == KEY_NUMBERS_FILE:
            continue
        records.append(json.loads(path.read_text(encoding="utf-8")))
    return records


def exhibit_numbers(page: str) -> dict[str, str]:
    """Exhibit name -> its number in the report ('Table 2.1'), read from the page."""
    soup = BeautifulSoup(page, "html.parser")
    numbers = {}
    for element in soup.select(".exhibit[id]"):
        number = element.find(class_="exhibit-number")
        if number is not None:
            numbers[str(element["id"]).split("-", 1)[1]] = number.get_text()
    return numbers


def _sheet_name(label: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", label)[:31].strip() or "table"
    name, n = base, 2
    while name in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def workbook_bytes(figures_dir: Path, numbers: dict[str, str]) -> bytes:
    """One sheet per table in report order, then a 'Sources' sheet naming each."""
    tables = [r for r in exhibit_records(figures_dir) if r["kind"] == "table"]
    tables.sort(key=lambda r: _order(numbers.get(r["name"], "")))
    used: set[str] = set()
    index = []
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for record in tables:
            label = numbers.get(record["name"], record["name"])
            sheet = _sheet_name(label, used)
            data = pd.read_csv(figures_dir / record["data_file"])
            data.to_excel(writer, sheet_name=sheet, index=False)
            index.append(
                {
                    _("sheet"): sheet,
                    _("table"): label,
                    _("caption"): record["caption"],
                    _("source"): record["source"],
                    _("data version"): record["data_version"],
                    _("licence"): _(record["licence"]),
                }
            )
        sources = _sheet_name(_("Sources"), used)
        pd.DataFrame(index).to_excel(writer, sheet_name=sources, index=False)
    return buffer.getvalue()


#: A label's chapter number or annex letter, and its number: 'Table 6.2', 'Table A.1'.
_LABEL_PARTS = re.compile(r"\b([A-Z])\.|(\d+)")
#: Annex letters sort after every chapter number.
_ANNEX_RANK = 10_000


def _order(label: str) -> tuple[int, ...]:
    """Report order of exhibit labels: chapters in turn, then the annexes; unnumbered last."""
    parts = _LABEL_PARTS.findall(label)
    if not parts:
        return (10 * _ANNEX_RANK,)
    return tuple(_ANNEX_RANK + ord(letter) if letter else int(n) for letter, n in parts)


def figures_json(figures_dir: Path, numbers: dict[str, str]) -> bytes:
    """Every chart and table with its number, caption and files; the key numbers."""
    key_numbers_path = figures_dir / KEY_NUMBERS_FILE
    key_numbers = (
        json.loads(key_numbers_path.read_text(encoding="utf-8"))
        if key_numbers_path.is_file()
        else []
    )
    exhibits = [
        {
            "number": numbers.get(r["name"], ""),
            "name": r["name"],
            "kind": r["kind"],
            "title": r.get("title", ""),
            "caption": r["caption"],
            "source": r["source"],
            "data_file": f"figures/{r['data_file']}",
        }
        for r in exhibit_records(figures_dir)
    ]
    exhibits.sort(key=lambda e: (_order(e["number"]), e["name"]))
    record = {"key_numbers": key_numbers, "exhibits": exhibits}
    return (json.dumps(record, indent=2, ensure_ascii=False, default=str) + "\n").encode()
