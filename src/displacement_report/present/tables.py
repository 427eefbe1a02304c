"""The report's tables: analysis frames turned into captioned, sourced HTML."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from displacement_report.analysis.headline import LABELS
from displacement_report.present.format import (
    count,
    in_millions,
    one_decimal,
    plain_percent,
    signed_in_millions,
    signed_percent,
    table_html,
)


def comparison_table(comparison: pd.DataFrame, baseline: int, year: int, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Group": [LABELS[c] for c in comparison.index],
            f"End {baseline}": comparison[baseline].to_numpy(),
            f"End {year}": comparison[year].to_numpy(),
            "Change": comparison["change"].to_numpy(),
            "Change, %": comparison["change_pct"].to_numpy(),
        }
    )
    formats = {
        f"End {baseline}": in_millions,
        f"End {year}": in_millions,
        "Change": signed_in_millions,
        "Change, %": signed_percent,
    }
    if baseline == year:
        frame = frame.drop(columns=[f"End {baseline}", "Change", "Change, %"])
        formats = {f"End {year}": in_millions}
    caption = f"Forcibly displaced people (millions), end of {baseline} and end of {year}"
    return table_html(frame, formats, caption, source)


def ranking_table(ranked: pd.DataFrame, role: str, year: int, source: str) -> str:
    """Top hosts (`role='host'`) or origins (`role='origin'`) with their refugee count."""
    heading = "Country of asylum" if role == "host" else "Country of origin"
    frame = pd.DataFrame(
        {
            "Rank": range(1, len(ranked) + 1),
            heading: ranked["country"].to_numpy(),
            "Refugees": ranked["total"].to_numpy(),
        }
    )
    noun = "hosting" if role == "host" else "of origin of"
    caption = (
        f"The {len(ranked)} countries {noun} most refugees under UNHCR's mandate, end of {year}"
    )
    return table_html(frame, {"Refugees": count}, caption, source)


def focus_table(focus: pd.DataFrame, names: Mapping[str, str], year: int, source: str) -> str:
    frame = focus.reset_index()
    frame.insert(1, "Country", [names.get(code, code) for code in frame["iso3"]])
    frame.loc[frame["iso3"] == "Total", ["iso3", "Country"]] = ["", "Total"]
    frame = frame.rename(columns={"iso3": "ISO3", **LABELS})
    formats = dict.fromkeys([LABELS[c] for c in focus.columns], count)
    caption = f"People hosted in or displaced inside the focus countries, end of {year}"
    return table_html(frame, formats, caption, source)


def origins_table(origins: pd.DataFrame, host: str, year: int, source: str) -> str:
    """The main origins of the people one country hosts."""
    frame = pd.DataFrame(
        {
            "Country of origin": origins["country"].to_numpy(),
            "Refugees": origins["refugees"].to_numpy(),
            "Asylum-seekers": origins["asylum_seekers"].to_numpy(),
            "Other in need of protection": origins["oip"].to_numpy(),
            "Total": origins["total"].to_numpy(),
        }
    )
    formats = dict.fromkeys(list(frame.columns)[1:], count)
    caption = f"Main countries of origin of the people {host} hosts, end of {year}"
    return table_html(frame, formats, caption, source)


def hosting_table(table: pd.DataFrame, year: int, caption: str, source: str) -> str:
    """Hosts with their refugees, per-capita burden with and without UNRWA, income group."""
    frame = pd.DataFrame(
        {
            "Country": table["country"].to_numpy(),
            "Refugees (UNHCR)": table["refugees"].to_numpy(),
            "Palestine refugees (UNRWA)": table["unrwa_refugees"].to_numpy(),
            "Per 1,000 inhabitants": table["refugees_per_1000"].to_numpy(),
            "Per 1,000 incl. UNRWA": table["refugees_incl_unrwa_per_1000"].to_numpy(),
            "Income group": table["income_group"].fillna("not classified").to_numpy(),
        }
    )
    formats = {
        "Refugees (UNHCR)": count,
        "Palestine refugees (UNRWA)": count,
        "Per 1,000 inhabitants": one_decimal,
        "Per 1,000 incl. UNRWA": one_decimal,
    }
    return table_html(frame, formats, caption, source)


def gdp_burden_table(table: pd.DataFrame, caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Country": table["country"].to_numpy(),
            "Refugees (UNHCR)": table["refugees"].to_numpy(),
            "GDP per capita, PPP $": table["gdp_pc_ppp"].to_numpy(),
            "GDP year": table["gdp_year"].astype("Int64").astype(str).to_numpy(),
            "Refugees per $1 of GDP per capita": table["refugees_per_usd_gdp_pc"].to_numpy(),
        }
    )
    formats = {
        "Refugees (UNHCR)": count,
        "GDP per capita, PPP $": count,
        "Refugees per $1 of GDP per capita": one_decimal,
    }
    return table_html(frame, formats, caption, source)


def origins_ranking(table: pd.DataFrame, caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Country of origin": table["country"].to_numpy(),
            "Refugees (UNHCR)": table["refugees"].to_numpy(),
            "Palestine refugees (UNRWA)": table["unrwa_refugees"].to_numpy(),
            "Per 100,000 of own population": table["per_100k"].to_numpy(),
        }
    )
    formats = {
        "Refugees (UNHCR)": count,
        "Palestine refugees (UNRWA)": count,
        "Per 100,000 of own population": count,
    }
    return table_html(frame, formats, caption, source)


def protracted_table(table: pd.DataFrame, caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Origin": table["coo_name"].to_numpy(),
            "Host": table["coa_name"].to_numpy(),
            "Refugees": table["refugees"].to_numpy(),
            "Since": table["since"].astype(str).to_numpy(),
            "Years": table["duration"].to_numpy(),
        }
    )
    return table_html(frame, {"Refugees": count, "Years": count}, caption, source)


def solutions_table(per_year: pd.DataFrame, caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Year": per_year.index.astype(str),
            "Returns": per_year["returned_refugees"].to_numpy(),
            "Resettlement": per_year["resettlement"].to_numpy(),
            "Naturalisation": per_year["naturalisation"].to_numpy(),
            "Refugees at end of year before": per_year["stock_year_before"].to_numpy(),
            "All solutions, % of them": per_year["all_solutions_pct"].to_numpy(),
        }
    )
    formats = dict.fromkeys(list(frame.columns)[1:5], count)
    formats["All solutions, % of them"] = plain_percent
    return table_html(frame, formats, caption, source)


def focus_profile_table(frame: pd.DataFrame, caption: str, source: str) -> str:
    formats = {
        c: (one_decimal if "per 1,000" in c else count)
        for c in frame.columns
        if c not in ("Country", "Income group", "LDC", "Main origins")
    }
    return table_html(frame, formats, caption, source)


def _origins_text(origins: list[tuple[str, int]]) -> str:
    return "; ".join(f"{name} {count(n)}" for name, n in origins) or "–"


def focus_overview_table(
    overview: pd.DataFrame, names: Mapping[str, str], caption: str, source: str
) -> str:
    frame = pd.DataFrame(
        {
            "Country": [names.get(c, c) for c in overview.index],
            "Refugees (UNHCR)": overview["refugees"].to_numpy(),
            "Palestine refugees (UNRWA)": overview["unrwa_refugees"].to_numpy(),
            "Asylum-seekers": overview["asylum_seekers"].to_numpy(),
            "IDPs (IDMC)": overview["idps"].to_numpy(),
            "Refugees per 1,000 incl. UNRWA": overview["per_1000_incl_unrwa"].to_numpy(),
            "Income group": overview["income_group"].fillna("not classified").to_numpy(),
            "LDC": ["yes" if v else "no" for v in overview["is_ldc"]],
            "Protracted situations": overview["situations"].to_numpy(),
        }
    )
    return focus_profile_table(frame, caption, source)


def focus_origins_table(
    overview: pd.DataFrame, names: Mapping[str, str], caption: str, source: str
) -> str:
    frame = pd.DataFrame(
        {
            "Country": [names.get(c, c) for c in overview.index],
            "Main countries of origin (refugees, asylum-seekers and others in need of "
            "protection)": [_origins_text(o) for o in overview["main_origins"]],
        }
    )
    return table_html(frame, {}, caption, source)


#: Reader-facing names of the kinds of amount in the document figures.
AMOUNT_KIND_LABELS = {
    "budget_draft": "draft budget",
    "budget_supplementary_1": "1st supplementary budget",
    "budget_supplementary_2": "2nd supplementary budget",
    "budget_other": "budget (stage not stated)",
    "realisation": "realised",
    "commitment": "committed",
    "contracted": "contracted",
    "disbursement": "paid out",
    "allocation": "allocated",
    "requirement": "required (appeal)",
    "funding_received": "funding received",
    "share": "share",
}


def _period(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def _amount_text(amount: float, unit: str, qualifier: str) -> str:
    prefix = {"about": "about ", "more_than": "more than ", "up_to": "up to "}.get(qualifier, "")
    if unit == "percent":
        return f"{prefix}{one_decimal(amount).removesuffix('.0')}%"
    return f"{prefix}{unit} {in_millions(amount)} million"


def document_figures_table(rows: pd.DataFrame, caption: str) -> str:
    """Figures read in documents, each with its amount, kind, period and quality; the
    source line lists every document the rows come from."""
    from displacement_report.data.documents import source_line

    frame = pd.DataFrame(
        {
            "Figure": rows["description"].to_numpy(),
            "Amount": [
                _amount_text(a, u, q)
                for a, u, q in zip(rows["amount"], rows["unit"], rows["qualifier"], strict=True)
            ],
            "Kind": [AMOUNT_KIND_LABELS[k] for k in rows["amount_kind"]],
            "Period": [
                _period(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)
            ],
            "Where": rows["geography"].to_numpy(),
            "Source quality": rows["quality"].to_numpy(),
            "Id": rows["amount_id"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, source_line(rows))


def results_table(rows: pd.DataFrame, caption: str) -> str:
    from displacement_report.data.documents import source_line

    frame = pd.DataFrame(
        {
            "Result": rows["description"].to_numpy(),
            "Number": rows["value"].to_numpy(),
            "Unit": rows["unit"].to_numpy(),
            "Target or achieved": ["target" if t else "achieved" for t in rows["is_target"]],
            "Period": [
                _period(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)
            ],
            "Where": rows["geography"].to_numpy(),
            "Id": rows["result_id"].to_numpy(),
        }
    )
    return table_html(frame, {"Number": count}, caption, source_line(rows))


def per_person_table(table: pd.DataFrame, caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Year": table.index.astype(str),
            "Budget, EUR million": table["eur"].to_numpy(),
            "EUR per refugee (UNHCR)": table["eur_per_refugees"].to_numpy(),
            "EUR per asylum-seeker": table["eur_per_asylum_seekers"].to_numpy(),
            "EUR per Palestine refugee (UNRWA)": table["eur_per_unrwa_refugees"].to_numpy(),
        }
    )
    formats = {"Budget, EUR million": in_millions} | dict.fromkeys(list(frame.columns)[2:], count)
    return table_html(frame, formats, caption, source)


def iati_table(split: pd.DataFrame, names: Mapping[str, str], caption: str, source: str) -> str:
    frame = pd.DataFrame(
        {
            "Country": [names.get(c, c) for c in split["iso3"]],
            "Year": split["year"].astype(str).to_numpy(),
            "Currency": split["currency"].to_numpy(),
            "Disbursed": split["amount"].to_numpy(),
        }
    )
    return table_html(frame, {"Disbursed": count}, caption, source)


def cost_per_result_table(table: pd.DataFrame, caption: str) -> str:
    frame = pd.DataFrame(
        {
            "Result": table["result_id"].to_numpy(),
            "Domain": table["domain"].to_numpy(),
            "Results reported": table["result"].to_numpy(),
            "Money": [
                f"{c} {in_millions(m)} million"
                for c, m in zip(table["currency"], table["money"], strict=True)
            ],
            "Kind of amount": [AMOUNT_KIND_LABELS[k] for k in table["money_kind"]],
            "Money per result": [
                f"{c} {count(v)}"
                for c, v in zip(table["currency"], table["per_result"], strict=True)
            ],
            "Amount": table["amount_id"].to_numpy(),
        }
    )
    return table_html(
        frame,
        {"Results reported": count},
        caption,
        "Sources: data/spending/amounts.csv and results.csv (ids as shown)",
    )


def iati_section(iati, focus: list[str] | tuple[str, ...], names: Mapping[str, str], path) -> str:
    """Disbursements from an IATI file by focus country and year, or how to add one."""
    import html as html_lib

    if iati is None:
        return (
            "<p>No IATI file was given (parameter <code>iati_file</code>). The README explains "
            "how to download the ministry's activity file and point the report at it; its "
            "disbursements then appear here by focus country, year and currency.</p>"
        )
    from displacement_report.data.iati import transactions_by_country

    split = transactions_by_country(iati)
    shown = split[split["iso3"].isin(list(focus))]
    source = f"Source: IATI activity file {html_lib.escape(str(path))}"
    caption = "Disbursements to the focus countries in the IATI file, by year and currency"
    return iati_table(shown, names, caption, source)


def claim_value(value: object, unit: str) -> str:
    """A recomputed or stated value in the claim's unit, for the ledger table."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    number = float(value)
    if unit in ("people", "children"):
        return f"{in_millions(number, 2)} million" if number >= 1e6 else count(number)
    if unit == "percent":
        return f"{one_decimal(number)}%"
    if unit == "percentage points":
        return f"{number:+.2f} points"
    if unit == "EUR":
        return f"EUR {in_millions(number)} million"
    if unit == "rank":
        return {1: "1st", 2: "2nd", 3: "3rd"}.get(int(number), f"{int(number)}th")
    if unit == "years":
        return f"{one_decimal(number)} years"
    return count(number)


def _stated(row) -> str:
    text = claim_value(row.stated, row.unit)
    if row.wording == "range":
        text = f"{claim_value(row.stated, row.unit)} to {claim_value(row.stated_high, row.unit)}"
    prefix = {
        "almost": "almost ",
        "about": "about ",
        "more_than": "more than ",
        "majority": "most",
        "majority_by_far": "by far most",
        "increase": "an increase",
        "decrease": "a decrease",
        "top": "the most",
        "significant_share": "a significant share",
    }.get(row.wording, "")
    return (
        prefix
        if row.wording
        in ("majority", "majority_by_far", "increase", "decrease", "top", "significant_share")
        else prefix + text
    )


def claims_table(assessed: pd.DataFrame, caption: str, source: str) -> str:
    """The ledger for one section: claim, what the letter says, then and now."""
    frame = pd.DataFrame(
        {
            "Claim": [f"{r.claim_id} {r.paraphrase}" for r in assessed.itertuples()],
            "Letter": [_stated(r) for r in assessed.itertuples()],
            "Then": [
                f"{claim_value(r.then_value, r.unit)} ({r.then_basis})" if r.then_basis else "–"
                for r in assessed.itertuples()
            ],
            "Verdict then": assessed["then_verdict"].to_numpy(),
            "Now": [
                f"{claim_value(r.now_value, r.unit)} ({r.now_basis})" if r.now_basis else "–"
                for r in assessed.itertuples()
            ],
            "Verdict now": assessed["now_verdict"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, source)


def unchecked_claims_table(assessed: pd.DataFrame, caption: str) -> str:
    frame = pd.DataFrame(
        {
            "Claim": [f"{r.claim_id} {r.paraphrase}" for r in assessed.itertuples()],
            "Why it cannot be checked with public data": assessed["reason"].to_numpy(),
        }
    )
    return table_html(frame, {}, caption, "Source: data/claims/ledger.csv")


def claims_by_section(assessed: pd.DataFrame, source: str) -> str:
    """The checkable claims, one table per section of the letter, in the letter's order."""
    parts = []
    checked = assessed[(assessed["then_basis"] != "") | (assessed["now_basis"] != "")]
    for section in dict.fromkeys(checked["section"]):
        rows = checked[checked["section"] == section]
        parts.append(claims_table(rows, f"{section}: claims recomputed then and now", source))
    return "".join(parts)
