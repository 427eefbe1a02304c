"""The letter this report answers, in one place: what it is, where its text lies, the
countries and the year its figures describe.

The figures the letter quotes are data, not constants: one row per claim in
`data/claims/ledger.csv` (see `displacement_report.data.claims`).
"""

from __future__ import annotations

import datetime as dt

from displacement_report import paths

#: Parliamentary document number and date.
KAMERSTUK = "Kamerstuk 35 570 XVII, nr. 52"
DATE = dt.date(2021, 1, 25)
#: How the report cites the letter (English; `citation()` gives it in the edition's language).
CITATION = f"{KAMERSTUK} ({DATE.day} {DATE:%B} {DATE.year})"


def citation() -> str:
    """'Kamerstuk 35 570 XVII, nr. 52 (25 januari 2021)' in the active language."""
    from babel.dates import format_date

    from displacement_report.i18n import locale_code

    return f"{KAMERSTUK} ({format_date(DATE, format='long', locale=locale_code())})"


#: The letter's full text (Dutch), beside the project in the shared folder.
TEXT_PATH = paths.SHARED_DATA_DIR.parent / "sources" / "kamerbrief-35570-XVII-52.txt"

#: The eight focus countries of Dutch reception in the region named in the letter.
FOCUS_COUNTRIES: tuple[str, ...] = ("EGY", "ETH", "IRQ", "JOR", "KEN", "LBN", "UGA", "SDN")
#: End-2019 statistics: the year of the displacement figures the letter cites.
DATA_YEAR = 2019
#: The ledger row of the letter's headline figure ("bijna 80 miljoen ontheemden").
HEADLINE_CLAIM = "C01"
