"""The sentence a chapter opens with when some of its sources do not reach the report
year yet: which source, and which year of it the chapter uses instead."""

from __future__ import annotations

from collections.abc import Mapping

from displacement_report.i18n import N_, _

#: Each source that may end before the report year, as the note names it.
LATEST_YEAR = {
    "wb_population": N_("population: latest World Bank year {year}"),
    "world_population": N_("world population: latest World Bank year {year}"),
    "gdp": N_("GDP per capita: latest World Bank year {year}"),
    "solutions": N_("returns, resettlement and naturalisation: latest UNHCR year {year}"),
    "flows": N_("new arrivals: latest UNHCR year {year}"),
    "asylum_applications": N_("asylum claims: latest UNHCR year {year}"),
    "asylum_decisions": N_("asylum decisions: latest UNHCR year {year}"),
    "demographics": N_("age and sex: latest UNHCR year {year}"),
}
NO_YEAR = {
    "wb_population": N_("population: no World Bank figure up to {year}"),
    "world_population": N_("world population: no World Bank figure up to {year}"),
    "gdp": N_("GDP per capita: no World Bank figure up to {year}"),
    "solutions": N_("returns, resettlement and naturalisation: no UNHCR figure up to {year}"),
    "flows": N_("new arrivals: no UNHCR figure up to {year}"),
    "asylum_applications": N_("asylum claims: no UNHCR figure up to {year}"),
    "asylum_decisions": N_("asylum decisions: no UNHCR figure up to {year}"),
    "demographics": N_("age and sex: no UNHCR figure up to {year}"),
}


def latest_year_note(behind: Mapping[str, int | None], year: int) -> str:
    """'Not every source covers 2026 yet. This chapter uses the latest year each has
    (population: latest World Bank year 2025; ...).' Empty when every source does."""
    if not behind:
        return ""
    items = [
        _(NO_YEAR[source]).format(year=year)
        if last is None
        else _(LATEST_YEAR[source]).format(year=last)
        for source, last in behind.items()
    ]
    return _(
        "*Not every source covers {year} yet. Where a source ends earlier, this chapter "
        "uses its latest year and says so: {items}.*"
    ).format(year=year, items="; ".join(items))
