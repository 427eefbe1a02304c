"""Import IATI activity files (standard version 2.0x) into tidy tables.

The Dutch Ministry of Foreign Affairs publishes its projects in IATI XML. This module
reads such a file into one table per kind of element: activities, participating
organisations, recipient countries (with percentages), sectors, budgets and
transactions, each keyed by the activity's IATI identifier. Amounts keep their own
currency (the value's `currency`, else the activity's `default-currency`); nothing is
converted or added across currencies here.

A file that is not XML, is not an IATI activity file of version 2.0x, or lacks a
required element raises IatiError naming the file, the activity and the element;
nothing is returned half-loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import pandas as pd
import pycountry
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

from displacement_report.errors import DataFileError

#: IATI TransactionType codelist (version 2).
TRANSACTION_TYPES = {
    "1": "incoming_funds",
    "2": "outgoing_commitment",
    "3": "disbursement",
    "4": "expenditure",
    "5": "interest_payment",
    "6": "loan_repayment",
    "7": "reimbursement",
    "8": "purchase_of_equity",
    "9": "sale_of_equity",
    "10": "credit_guarantee",
    "11": "incoming_commitment",
    "12": "outgoing_pledge",
    "13": "incoming_pledge",
}
#: IATI OrganisationRole codelist.
ORG_ROLES = {"1": "funding", "2": "accountable", "3": "extending", "4": "implementing"}
#: IATI BudgetType and BudgetStatus codelists.
BUDGET_TYPES = {"1": "original", "2": "revised"}
BUDGET_STATUSES = {"1": "indicative", "2": "committed"}
#: Percentages of one activity's recipient countries must add up to 100, within this.
PERCENT_TOLERANCE = 0.5


class IatiError(DataFileError):
    """An IATI file that cannot be read as the standard describes."""


@dataclass(frozen=True)
class IatiTables:
    activities: pd.DataFrame
    participating_orgs: pd.DataFrame
    recipient_countries: pd.DataFrame
    sectors: pd.DataFrame
    budgets: pd.DataFrame
    transactions: pd.DataFrame

    def __iter__(self):
        return iter((f.name, getattr(self, f.name)) for f in fields(self))


def _text(element: Element | None) -> str | None:
    """An element's first narrative, or its own text."""
    if element is None:
        return None
    narrative = element.find("narrative")
    text = narrative.text if narrative is not None else element.text
    return text.strip() if text and text.strip() else None


def _attribute(element: Element | None, name: str) -> str | None:
    # an Element with no children is falsy, so test against None explicitly
    return None if element is None else element.get(name)


def _iso3(alpha2: str, where: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    if country is None:
        raise IatiError(f"{where}: unknown recipient-country code {alpha2!r} (ISO 3166-1 alpha-2)")
    return country.alpha_3


def _number(raw: str | None, where: str) -> float:
    try:
        return float((raw or "").strip())
    except ValueError:
        raise IatiError(f"{where}: value {raw!r} is not a number") from None


def _percentage(element: Element, where: str) -> float | None:
    raw = element.get("percentage")
    return None if raw in (None, "") else _number(raw, f"{where} percentage")


def _required(parent: Element, tag: str, where: str) -> Element:
    found = parent.find(tag)
    if found is None:
        raise IatiError(f"{where}: required element <{tag}> is missing")
    return found


def _date(element: Element | None) -> pd.Timestamp | None:
    iso_date = None if element is None else element.get("iso-date")
    if not iso_date:
        return None
    return pd.Timestamp(iso_date)


def _value(parent: Element, default_currency: str | None, where: str) -> tuple[float, str, object]:
    value = _required(parent, "value", where)
    currency = value.get("currency") or default_currency
    if not currency:
        raise IatiError(f"{where}: no currency on <value> and no default-currency on the activity")
    return _number(value.text, f"{where} <value>"), currency.upper(), _date_attr(value)


def _date_attr(value: Element) -> pd.Timestamp | None:
    raw = value.get("value-date")
    return pd.Timestamp(raw) if raw else None


def _countries(parent: Element, identifier: str, where: str) -> list[dict]:
    rows = []
    for element in parent.findall("recipient-country"):
        code = element.get("code")
        if not code:
            raise IatiError(f"{where}: <recipient-country> without a code")
        rows.append(
            {
                "iati_identifier": identifier,
                "iso3": _iso3(code, where),
                "percentage": _percentage(element, where),
            }
        )
    return rows


def _check_percentages(rows: list[dict], where: str) -> None:
    if len(rows) < 2:
        return
    values = [r["percentage"] for r in rows]
    if any(v is None for v in values):
        raise IatiError(f"{where}: several recipient countries but not every one has a percentage")
    if abs(sum(values) - 100) > PERCENT_TOLERANCE:
        raise IatiError(
            f"{where}: recipient-country percentages add up to {sum(values):g}, not 100"
        )


def _activity(activity: Element, position: int, source: Path) -> dict[str, list[dict]]:
    identifier_element = activity.find("iati-identifier")
    identifier = _text(identifier_element)
    if not identifier:
        raise IatiError(f"{source}: activity {position} has no <iati-identifier>")
    where = f"{source}: activity {identifier}"
    currency = activity.get("default-currency")
    rows: dict[str, list[dict]] = {name: [] for name in _TABLE_COLUMNS}
    rows["activities"].append(
        {
            "iati_identifier": identifier,
            "title": _text(_required(activity, "title", where)),
            "reporting_org": _text(_required(activity, "reporting-org", where)),
            "reporting_org_ref": _required(activity, "reporting-org", where).get("ref"),
            "default_currency": currency,
            "status_code": _attribute(activity.find("activity-status"), "code"),
            "start_date": _first_date(activity, ("2", "1")),
            "end_date": _first_date(activity, ("4", "3")),
        }
    )
    for org in activity.findall("participating-org"):
        rows["participating_orgs"].append(
            {
                "iati_identifier": identifier,
                "role": ORG_ROLES.get(org.get("role", ""), org.get("role")),
                "ref": org.get("ref"),
                "name": _text(org),
            }
        )
    countries = _countries(activity, identifier, where)
    _check_percentages(countries, where)
    if len(countries) == 1 and countries[0]["percentage"] is None:
        countries[0]["percentage"] = 100.0
    rows["recipient_countries"] = countries
    for sector in activity.findall("sector"):
        rows["sectors"].append(
            {
                "iati_identifier": identifier,
                "vocabulary": sector.get("vocabulary", "1"),
                "code": sector.get("code"),
                "name": _text(sector),
                "percentage": _percentage(sector, where),
            }
        )
    for number, budget in enumerate(activity.findall("budget"), start=1):
        here = f"{where} budget {number}"
        amount, cur, value_date = _value(budget, currency, here)
        rows["budgets"].append(
            {
                "iati_identifier": identifier,
                "type": BUDGET_TYPES.get(budget.get("type", "1"), budget.get("type")),
                "status": BUDGET_STATUSES.get(budget.get("status", "1"), budget.get("status")),
                "period_start": _date(_required(budget, "period-start", here)),
                "period_end": _date(_required(budget, "period-end", here)),
                "value": amount,
                "currency": cur,
                "value_date": value_date,
            }
        )
    for number, transaction in enumerate(activity.findall("transaction"), start=1):
        here = f"{where} transaction {number}"
        code = _required(transaction, "transaction-type", here).get("code", "")
        if code not in TRANSACTION_TYPES:
            raise IatiError(f"{here}: unknown transaction-type code {code!r}")
        amount, cur, value_date = _value(transaction, currency, here)
        own_countries = _countries(transaction, identifier, here)
        rows["transactions"].append(
            {
                "iati_identifier": identifier,
                "transaction_number": number,
                "type": TRANSACTION_TYPES[code],
                "date": _date(_required(transaction, "transaction-date", here)),
                "value": amount,
                "currency": cur,
                "value_date": value_date,
                "provider": _text(transaction.find("provider-org")),
                "receiver": _text(transaction.find("receiver-org")),
                "recipient_country": own_countries[0]["iso3"] if own_countries else None,
            }
        )
    return rows


def _first_date(activity: Element, types: Iterable[str]) -> pd.Timestamp | None:
    """Actual date if given, else planned (IATI activity-date types 2/1 start, 4/3 end)."""
    for kind in types:
        for element in activity.findall("activity-date"):
            if element.get("type") == kind:
                return _date(element)
    return None


_TABLE_COLUMNS = {
    "activities": [
        "iati_identifier",
        "title",
        "reporting_org",
        "reporting_org_ref",
        "default_currency",
        "status_code",
        "start_date",
        "end_date",
    ],
    "participating_orgs": ["iati_identifier", "role", "ref", "name"],
    "recipient_countries": ["iati_identifier", "iso3", "percentage"],
    "sectors": ["iati_identifier", "vocabulary", "code", "name", "percentage"],
    "budgets": [
        "iati_identifier",
        "type",
        "status",
        "period_start",
        "period_end",
        "value",
        "currency",
        "value_date",
    ],
    "transactions": [
        "iati_identifier",
        "transaction_number",
        "type",
        "date",
        "value",
        "currency",
        "value_date",
        "provider",
        "receiver",
        "recipient_country",
    ],
}


def _checked_root(source: Path) -> Element:
    """The file's <iati-activities> element, from safe, well-formed IATI 2.0x XML."""
    try:
        root = parse(str(source)).getroot()
    except ParseError as exc:
        raise IatiError(f"{source}: not well-formed XML ({exc})") from None
    except DefusedXmlException as exc:
        raise IatiError(f"{source}: refused unsafe XML ({type(exc).__name__})") from None
    if root is None:
        raise IatiError(f"{source}: no root element")
    if root.tag != "iati-activities":
        raise IatiError(f"{source}: root element is <{root.tag}>, expected <iati-activities>")
    version = root.get("version", "")
    if not version.startswith("2.0"):
        raise IatiError(f"{source}: IATI version {version or 'missing'}; this reader needs 2.0x")
    return root


def read_iati(path: Path | str) -> IatiTables:
    """Read one IATI activity file; all tables or an IatiError, never part of them."""
    source = Path(path)
    if not source.is_file():
        raise IatiError(f"{source}: file not found")
    root = _checked_root(source)
    collected: dict[str, list[dict]] = {name: [] for name in _TABLE_COLUMNS}
    for position, activity in enumerate(root.findall("iati-activity"), start=1):
        for name, rows in _activity(activity, position, source).items():
            collected[name].extend(rows)
    if not collected["activities"]:
        raise IatiError(f"{source}: no <iati-activity> in the file")
    identifiers = [row["iati_identifier"] for row in collected["activities"]]
    duplicated = sorted({i for i in identifiers if identifiers.count(i) > 1})
    if duplicated:
        raise IatiError(f"{source}: activity identifiers appear more than once: {duplicated}")
    return IatiTables(
        **{
            name: pd.DataFrame(rows, columns=_TABLE_COLUMNS[name])
            for name, rows in collected.items()
        }
    )


def transactions_by_country(
    tables: IatiTables, types: Iterable[str] = ("disbursement",)
) -> pd.DataFrame:
    """Transactions of the given types split over recipient countries.

    A transaction that names its own recipient country goes wholly to it; otherwise it is
    split by the activity's recipient-country percentages. Activities without a country
    go to 'unspecified'. Currencies stay apart: one row per country, year and currency.
    """
    wanted = tables.transactions[tables.transactions["type"].isin(list(types))]
    own = wanted[wanted["recipient_country"].notna()].assign(
        share=1.0, iso3=lambda t: t["recipient_country"]
    )
    rest = wanted[wanted["recipient_country"].isna()].drop(columns="recipient_country")
    split = rest.merge(tables.recipient_countries, on="iati_identifier", how="left")
    split["iso3"] = split["iso3"].fillna("unspecified")
    split["share"] = split["percentage"].fillna(100.0) / 100
    combined = pd.concat([own, split], ignore_index=True)
    combined["amount"] = combined["value"] * combined["share"]
    combined["year"] = combined["date"].dt.year
    summed = combined.groupby(["iso3", "year", "currency"])["amount"].sum().reset_index()
    return summed.sort_values(["currency", "iso3", "year"]).reset_index(drop=True)
