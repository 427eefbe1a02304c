"""Asylum claims, decisions and new arrivals: the Netherlands beside the EU and the
focus countries.

Pure functions over the frames `data.unhcr` loads (asylum_applications,
asylum_decisions, flows) and the World Bank population; nothing here reads a file.

Definitions, as UNHCR uses them:

- Claims by application type: *new* (`N`, and `NA` in 2006-2013), *repeat* (`R`,
  `RA`, and any first-instance claim at decision level `RA`: repeat or reopened),
  *not split* into new and repeat (`V`: every country before 2006; `NR`: some
  countries since), and *appeal or other* stages (`A`, `J`, ...).
  *New claims* are new + not split: the count UNHCR's table of new arrivals uses
  (flows.csv `asylum_seekers`), so a country that does not split its claims is not
  shown with none.
- *Substantive decisions* are Convention recognitions (`dec_recognized`), grants of
  complementary protection (`dec_other`) and rejections (`dec_rejected`). Cases
  otherwise closed (withdrawn, abandoned, sent to another state) are not decisions on
  the claim and are left out of both rates. `dec_total` is not used: in some rows it
  is not the sum of its parts.
- *Refugee recognition rate* = recognised / substantive decisions; *total protection
  rate* = (recognised + complementary protection) / substantive decisions. Decisions
  at every level and in every procedure (government, joint, UNHCR) are added up.
- A rate resting on fewer than `MIN_SUBSTANTIVE_DECISIONS` substantive decisions is
  not shown (NaN): one decision more or less would move it by a point or more.
- *New arrivals* (flows.csv): refugees (group recognition and temporary protection),
  people in refugee-like situations, new asylum applications and other people in need
  of international protection arriving in the year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from displacement_report.analysis.source_years import population_in
from displacement_report.i18n import N_

#: Fewer substantive decisions than this and no rate is shown.
MIN_SUBSTANTIVE_DECISIONS = 100
#: Application types, as the data distinguishes them (anything else: appeal or other).
APPLICATION_KINDS = {
    "N": "new",
    "NA": "new",
    "R": "repeat",
    "RA": "repeat",
    "V": "not_split",
    "NR": "not_split",
}
KIND_COLUMNS = ("new", "repeat", "not_split", "appeal_or_other")
#: Kinds counted as new claims (UNHCR's count of new asylum applications).
NEW_CLAIM_KINDS = ("new", "not_split")
SUBSTANTIVE = ("dec_recognized", "dec_other", "dec_rejected")
DECISION_COLUMNS = (*SUBSTANTIVE, "dec_closed")
ARRIVAL_COLUMNS = ("refugees", "refugee_like", "asylum_seekers", "oip")
#: The kinds of new arrivals as readers see them (messages: translate where shown).
ARRIVAL_LABELS = {
    "refugees": N_("Refugees (group recognition, temporary protection)"),
    "refugee_like": N_("In refugee-like situations"),
    "asylum_seekers": N_("New asylum applications"),
    "oip": N_("Other people in need of international protection"),
}
#: Member states of the European Union since 1 February 2020 (EU-27), the comparison
#: group for the Netherlands in every year shown.
EU27 = (
    "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
    "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
    "SWE",
)  # fmt: skip
NETHERLANDS = "NLD"


# --- decisions --------------------------------------------------------------------------


def protection_rates(
    decisions: pd.DataFrame,
    by: Sequence[str] = ("year",),
    min_decisions: int = MIN_SUBSTANTIVE_DECISIONS,
) -> pd.DataFrame:
    """Decisions added up per group of `by` columns, with the refugee recognition rate
    and the total protection rate (percent of substantive decisions; NaN where there
    are fewer than `min_decisions` of them)."""
    columns = list(DECISION_COLUMNS)
    sums = decisions.groupby(list(by))[columns].sum().astype("int64")
    sums["substantive"] = sums[list(SUBSTANTIVE)].sum(axis=1)
    enough = sums["substantive"].where(sums["substantive"] >= max(min_decisions, 1))
    sums["recognition_rate"] = 100 * sums["dec_recognized"] / enough
    sums["total_protection_rate"] = 100 * (sums["dec_recognized"] + sums["dec_other"]) / enough
    return sums


def rates_for_hosts(
    decisions: pd.DataFrame,
    year: int,
    hosts: Sequence[str],
    min_decisions: int = MIN_SUBSTANTIVE_DECISIONS,
) -> pd.DataFrame:
    """One row per host (in the order given) for `year`; hosts with no decision get
    zeros and no rate."""
    rows = decisions[(decisions["year"] == year) & decisions["coa_iso"].isin(list(hosts))]
    table = protection_rates(rows, ("coa_iso",), min_decisions).reindex(list(hosts))
    counts = [*DECISION_COLUMNS, "substantive"]
    table[counts] = table[counts].fillna(0).astype("int64")
    return table.rename_axis("iso3")


#: Who decided a claim, as UNHCR's `procedure_type` records it.
PROCEDURE_TYPES = ("G", "J", "U")  # government, jointly, UNHCR under its mandate


def substantive_by_procedure(decisions: pd.DataFrame, year: int, host: str) -> pd.Series:
    """One host's substantive decisions in `year` per procedure type (G the government,
    J the government and UNHCR jointly, U UNHCR under its mandate), only the types with
    a decision: who decided, so that a rate is never read as a state's where UNHCR
    decided (every decision in Jordan and Lebanon in 2025)."""
    rows = decisions[(decisions["year"] == year) & (decisions["coa_iso"] == host)]
    per_type = rows.groupby("procedure_type")[list(SUBSTANTIVE)].sum().sum(axis=1)
    per_type = per_type.reindex([t for t in PROCEDURE_TYPES if t in per_type.index])
    return per_type[per_type > 0].astype("int64")


def rates_for_group(
    decisions: pd.DataFrame,
    year: int,
    hosts: Iterable[str],
    min_decisions: int = MIN_SUBSTANTIVE_DECISIONS,
) -> pd.Series:
    """The decisions of several hosts in `year` added up, with the two rates."""
    rows = decisions[(decisions["year"] == year) & decisions["coa_iso"].isin(list(hosts))]
    rows = rows.assign(group="all")
    table = protection_rates(rows, ("group",), min_decisions)
    if table.empty:
        counts = dict.fromkeys([*DECISION_COLUMNS, "substantive"], 0)
        rates = dict.fromkeys(("recognition_rate", "total_protection_rate"), float("nan"))
        return pd.Series(counts | rates, dtype=float)
    row = table.loc["all"]
    assert isinstance(row, pd.Series)  # one group, so one row
    return row


def rates_by_year(
    decisions: pd.DataFrame,
    host: str,
    years: Iterable[int],
    min_decisions: int = MIN_SUBSTANTIVE_DECISIONS,
) -> pd.DataFrame:
    """One host's decisions and rates per year (only years with a decision)."""
    wanted = list(years)
    rows = decisions[(decisions["coa_iso"] == host) & decisions["year"].isin(wanted)]
    return protection_rates(rows, ("year",), min_decisions)


# --- applications -----------------------------------------------------------------------


def _kind(rows: pd.DataFrame) -> pd.Series:
    """Each claim's kind. A first-instance claim whose decision level is `RA`
    (repeat or reopened application) is a repeat claim whatever its type says: the
    Netherlands reported its 2013 repeat claims, Germany and France theirs of
    2000-2005, that way."""
    kind = rows["app_type"].map(APPLICATION_KINDS).fillna("appeal_or_other")
    reopened = (rows["dec_level"] == "RA") & kind.isin(["new", "not_split"])
    return kind.mask(reopened, "repeat")


def applications_by_type(
    applications: pd.DataFrame, host: str, years: Iterable[int]
) -> pd.DataFrame:
    """Claims lodged in one host per year: new, repeat, not split, appeal or other,
    `new_claims` (new + not split) and `total`. Only years with a claim are listed."""
    wanted = list(years)
    rows = applications[(applications["coa_iso"] == host) & applications["year"].isin(wanted)]
    table = (
        rows.assign(kind=_kind(rows))
        .pivot_table(index="year", columns="kind", values="applied", aggfunc="sum", fill_value=0)
        .reindex(columns=list(KIND_COLUMNS), fill_value=0)
        .astype("int64")
    )
    table["total"] = table.sum(axis=1)
    table["new_claims"] = table[list(NEW_CLAIM_KINDS)].sum(axis=1)
    table.columns.name = None
    return table


def new_applications(applications: pd.DataFrame, year: int) -> pd.DataFrame:
    """New claims (new + not split) per host in `year`, with `in_cases` True where a
    host counts some of them as cases (one case may hold several people), not persons."""
    kinds = _kind(applications)
    rows = applications[(applications["year"] == year) & kinds.isin(NEW_CLAIM_KINDS)]
    return rows.groupby("coa_iso").agg(
        new=("applied", "sum"), in_cases=("app_pc", lambda pc: bool((pc == "C").any()))
    )


def applications_per_1000(
    applications: pd.DataFrame, wb_population: pd.DataFrame, year: int, hosts: Sequence[str]
) -> pd.DataFrame:
    """New claims in `year` per 1,000 inhabitants for each host (in the order given).
    A host with no claim recorded gets 0; one without a population figure no rate. The
    population is of `year`, or of the World Bank's latest year before it."""
    new = new_applications(applications, year).reindex(list(hosts))
    people = population_in(wb_population, year)[0].set_index("iso3")["population"]
    table = pd.DataFrame(
        {
            "new": new["new"].fillna(0).astype("int64"),
            "in_cases": new["in_cases"].fillna(False).astype(bool),
            "population": people.reindex(list(hosts)).astype("Float64"),
        },
        index=pd.Index(list(hosts), name="iso3"),
    )
    table["per_1000"] = (1000 * table["new"] / table["population"]).astype(float)
    return table


def top_origins_of_applicants(
    applications: pd.DataFrame, host: str, year: int, n: int = 10
) -> pd.DataFrame:
    """The `n` origins with most new claims (new + not split) in one host in `year`,
    with their repeat claims too."""
    rows = applications[(applications["coa_iso"] == host) & (applications["year"] == year)]
    rows = rows.assign(kind=_kind(rows))
    table = rows.pivot_table(
        index="coo_iso", columns="kind", values="applied", aggfunc="sum", fill_value=0
    ).reindex(columns=list(KIND_COLUMNS), fill_value=0)
    table["new"] = table[list(NEW_CLAIM_KINDS)].sum(axis=1)
    table["country"] = rows.drop_duplicates("coo_iso").set_index("coo_iso")["coo_name"]
    table = table.rename_axis("iso3").reset_index()
    table = table.sort_values(["new", "iso3"], ascending=[False, True]).head(n)
    return table[["iso3", "country", "new", "repeat"]].reset_index(drop=True)


def origin_rates(
    decisions: pd.DataFrame,
    host: str,
    year: int,
    origins: Sequence[str],
    min_decisions: int = MIN_SUBSTANTIVE_DECISIONS,
) -> pd.DataFrame:
    """Decisions on claims by each origin (in the order given) in one host in `year`."""
    rows = decisions[(decisions["coa_iso"] == host) & (decisions["year"] == year)]
    table = protection_rates(rows, ("coo_iso",), min_decisions).reindex(list(origins))
    counts = [*DECISION_COLUMNS, "substantive"]
    table[counts] = table[counts].fillna(0).astype("int64")
    return table.rename_axis("iso3")


# --- new arrivals -----------------------------------------------------------------------


def new_arrivals(
    flows: pd.DataFrame, years: Iterable[int], hosts: Iterable[str] | None = None
) -> pd.DataFrame:
    """New arrivals per year by kind and in total, in `hosts` together (everywhere if
    None). Every year asked for gets a row, with zeros where nothing was recorded."""
    wanted = list(years)
    rows = flows[flows["year"].isin(wanted)]
    if hosts is not None:
        rows = rows[rows["coa_iso"].isin(list(hosts))]
    table = (
        rows.groupby("year")[list(ARRIVAL_COLUMNS)]
        .sum(min_count=1)
        .reindex(wanted)
        .fillna(0)
        .astype("int64")
    )
    table["total"] = table.sum(axis=1)
    return table.rename_axis("year")


def arrivals_per_dutch_application(
    flows: pd.DataFrame,
    applications: pd.DataFrame,
    focus: Sequence[str],
    years: Iterable[int],
) -> pd.DataFrame:
    """Per year: new arrivals in the focus countries together, in the Netherlands and
    in the world; new asylum claims in the Netherlands; and the focus countries'
    arrivals per new Dutch claim (NaN where the Netherlands recorded no new claim, as
    in years before the claims table starts)."""
    wanted = list(years)
    focus_total = new_arrivals(flows, wanted, focus)["total"]
    dutch = new_arrivals(flows, wanted, (NETHERLANDS,))["total"]
    world = new_arrivals(flows, wanted)["total"]
    claims = applications_by_type(applications, NETHERLANDS, wanted)["new_claims"]
    claims = claims.reindex(wanted)
    table = pd.DataFrame(
        {
            "focus_arrivals": focus_total,
            "dutch_arrivals": dutch,
            "world_arrivals": world,
            "dutch_new_claims": claims.astype("Float64"),
        }
    )
    table["per_dutch_claim"] = (
        table["focus_arrivals"] / table["dutch_new_claims"].where(table["dutch_new_claims"] > 0)
    ).astype(float)
    return table.rename_axis("year")


def first_year(frame: pd.DataFrame) -> int | None:
    """The first year a table has rows for, or None if it is empty."""
    return None if frame.empty else int(frame["year"].min())


def has_year(frame: pd.DataFrame, year: int) -> bool:
    """Whether a table has any row for `year`."""
    return bool((frame["year"] == year).any())


# --- national figures beside UNHCR's ------------------------------------------------------

#: The UNHCR count set beside each national measure (None: UNHCR does not count it as
#: an asylum application).
UNHCR_COUNTERPART: dict[str, tuple[str, ...] | None] = {
    "first_applications": ("new_claims",),
    "repeat_applications": ("repeat",),
    "family_reunification_applications": None,
    "family_reunification_arrivals": None,
    "total": ("new", "not_split", "repeat"),
}


def national_beside_unhcr(
    national: pd.DataFrame, applications: pd.DataFrame, years: Iterable[int]
) -> pd.DataFrame:
    """Each national figure of `years` with UNHCR's count of the same thing for the
    Netherlands (new claims, repeat claims, or both for a total that also
    holds family reunification), and the difference national - UNHCR (absolute and percent of
    UNHCR's). Family reunification has no UNHCR counterpart (NaN)."""
    wanted = list(years)
    rows = national[national["year"].isin(wanted)].copy()
    by_type = applications_by_type(applications, NETHERLANDS, wanted)
    unhcr = []
    for year, measure in zip(rows["year"], rows["measure"], strict=True):
        parts = UNHCR_COUNTERPART[measure]
        if parts is None or year not in by_type.index:
            unhcr.append(float("nan"))
        else:
            unhcr.append(float(by_type.loc[year, list(parts)].sum()))
    rows["unhcr"] = unhcr
    rows["difference"] = rows["value"].astype(float) - rows["unhcr"]
    rows["difference_pct"] = 100 * rows["difference"] / rows["unhcr"]
    order = list(UNHCR_COUNTERPART)
    rows["order"] = rows["measure"].map(order.index)
    rows = rows.sort_values(["year", "order", "counted_by"]).drop(columns="order")
    return rows.reset_index(drop=True)


# --- the Netherlands beside the EU and the focus countries ---------------------------------

EU_ROW = "EU-27"


def comparison(
    applications: pd.DataFrame,
    decisions: pd.DataFrame,
    wb_population: pd.DataFrame,
    year: int,
    focus: Sequence[str],
    min_decisions: int = MIN_SUBSTANTIVE_DECISIONS,
) -> pd.DataFrame:
    """One row for the Netherlands, one for the EU-27 together and one per focus country
    (in the order given; the Netherlands not twice): new claims, per 1,000
    inhabitants, substantive decisions and the two rates in `year`."""
    hosts = [NETHERLANDS, *[c for c in focus if c != NETHERLANDS]]
    claims = applications_per_1000(applications, wb_population, year, hosts)
    rates = rates_for_hosts(decisions, year, hosts, min_decisions)
    table = claims.join(rates[["substantive", "recognition_rate", "total_protection_rate"]])
    eu_claims = applications_per_1000(applications, wb_population, year, EU27)
    eu_rates = rates_for_group(decisions, year, EU27, min_decisions)
    with_population = eu_claims["population"].notna()
    eu = {
        "new": int(eu_claims["new"].sum()),
        "in_cases": bool(eu_claims["in_cases"].any()),
        "population": float(eu_claims["population"].sum()),
        "per_1000": (
            1000
            * eu_claims.loc[with_population, "new"].sum()
            / eu_claims.loc[with_population, "population"].sum()
            if with_population.any()
            else float("nan")
        ),
        "substantive": int(eu_rates["substantive"]),
        "recognition_rate": float(eu_rates["recognition_rate"]),
        "total_protection_rate": float(eu_rates["total_protection_rate"]),
    }
    table = pd.concat([table.iloc[:1], pd.DataFrame([eu], index=[EU_ROW]), table.iloc[1:]])
    return table.rename_axis("iso3")


def per_1000_eu_and_focus(
    applications: pd.DataFrame, wb_population: pd.DataFrame, year: int, focus: Sequence[str]
) -> pd.Series:
    """New claims per 1,000 inhabitants in `year` for the EU-27 and the focus countries
    (each once), leaving out those without a population figure or without a claim."""
    hosts = list(dict.fromkeys([*EU27, *focus]))
    table = applications_per_1000(applications, wb_population, year, hosts)
    return table.loc[table["new"] > 0, "per_1000"].dropna()


def rank_in_eu(
    applications: pd.DataFrame, wb_population: pd.DataFrame, year: int, host: str = NETHERLANDS
) -> tuple[int, int] | None:
    """(place, out of how many) of `host` among the EU-27 by new claims per 1,000
    inhabitants in `year` (1 = most); None when it has no rate."""
    table = applications_per_1000(applications, wb_population, year, EU27).dropna(
        subset=["per_1000"]
    )
    table = table[table["new"] > 0]
    if host not in table.index:
        return None
    ranked = table.sort_values(["per_1000"], ascending=False).index.tolist()
    return ranked.index(host) + 1, len(ranked)
