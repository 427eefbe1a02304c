"""The 'At a glance' page: the year's news in a few sentences, then four questions
answered with key-figure tiles (how many are displaced, where they live, what the
Netherlands sees, what it pays) and the letter's scorecard. One A4 page, for any
parameter set: each block has a fixed number of tiles and the scorecard names at most
`MAX_NAMED_CLAIMS` claims.

Every figure is one of the findings (`analysis.findings`), computed as the chapter that
shows it computes it, and links that chart or table."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd
from babel.numbers import format_decimal

from displacement_report import letter
from displacement_report.analysis import findings as key
from displacement_report.analysis.claims.wording import DOES_NOT_HOLD, verdict_text
from displacement_report.analysis.findings import Finding
from displacement_report.analysis.year_news import Returns, YearChange
from displacement_report.i18n import N_, _, locale_code
from displacement_report.present.format import (
    count,
    in_millions,
    millions,
    money_digits,
    one_decimal,
    percent,
    signed_percent,
)
from displacement_report.present.narrative import year_news
from displacement_report.present.narrative.global_picture import GROUP_PHRASES
from displacement_report.present.tables import at_a_glance as blocks
from displacement_report.present.tables.at_a_glance import Tile, figure
from displacement_report.present.tables.claims import claim_statement, claim_value, stated_phrase
from displacement_report.present.tables.reception_costs import cost_label
from displacement_report.present.vocabulary import kind_label

PAGE_ID = "at-a-glance"
TITLE = N_("At a glance")
#: The scorecard names at most this many claims; the rest are counted and linked.
MAX_NAMED_CLAIMS = 6
#: A claim's words in the scorecard are cut (at a word, with '…') beyond this length;
#: the claims chapter quotes them whole.
MAX_CLAIM_CHARACTERS = 62
CLAIMS_CHAPTER = "@chapter:claims"


def _by_key(found: Sequence[Finding]) -> dict[str, Finding]:
    return {f.key: f for f in found}


def _figure(finding: Finding, text: str) -> str:
    return figure(text, finding.value, finding.reference)


def _euros(value: float) -> str:
    """An amount per person in whole euros ('EUR 22', 'EUR 27,100'; '€ 22' in Dutch)."""
    return _("EUR {amount}").format(amount=count(round(value)))


def _euro_millions(value: float) -> str:
    """A budget in millions, decimals only where needed ('EUR 135.5 million', 'EUR 128
    million'), written as the page's amounts per person are."""
    return _("EUR {amount} million").format(amount=in_millions(value, money_digits(value)))


# --- the year's news --------------------------------------------------------------------


def lead_html(
    found: Mapping[str, Finding],
    change: YearChange | None,
    returns: Returns | None,
    baseline: int,
    year: int,
) -> str:
    """The year's news first (as Global Trends leads): the change on the year before and
    the group that moved most, the refugees who went home, then the change since the
    baseline and the share of the world's population."""
    sentences = []
    if change is not None:
        sentences += [
            year_news.year_change_sentence(change, key.TREND, mark=figure),
            year_news.largest_part_sentence(change, _(GROUP_PHRASES[change.largest_part])),
        ]
    else:
        total = found["forcibly_displaced"]
        sentences.append(
            _("At the end of {year}, {total} people were forcibly displaced{see}.").format(
                year=year,
                total=_figure(total, millions(total.value)),
                see=year_news.see(total.reference),
            )
        )
    if returns is not None and "refugee_returns" in found:
        sentences.append(
            year_news.returns_sentence(returns, found["refugee_returns"].reference, mark=figure)
        )
    if "forcibly_displaced_change" in found:
        base = found["forcibly_displaced_baseline"]
        sentences.append(
            year_news.baseline_sentence(
                found["forcibly_displaced_change"].value or 0.0,
                base.value or 0.0,
                baseline,
                base.reference,
                mark=figure,
            )
        )
    if "one_in" in found:
        sentences.append(year_news.one_in_sentence(int(found["one_in"].value or 0)))
    return f'<p class="glance-lead">{" ".join(s for s in sentences if s)}</p>'


# --- 1. how many ------------------------------------------------------------------------


def _total_tile(found: Mapping[str, Finding]) -> Tile:
    total = found["forcibly_displaced"]
    before = found.get("forcibly_displaced_year_before")
    note, direction = "", ""
    if before is not None and before.value is not None and total.value is not None:
        difference = total.value - before.value
        direction = "up" if difference > 0 else "down" if difference < 0 else "same"
        fields = {
            "change": millions(abs(difference)),
            "before": _figure(before, millions(before.value)),
            "year": before.year,
        }
        if difference > 0:
            note = _("{change} more than at the end of {year} ({before})").format(**fields)
        elif difference < 0:
            note = _("{change} fewer than at the end of {year} ({before})").format(**fields)
        else:
            note = _("as many as at the end of {year} ({before})").format(**fields)
    return Tile(
        "total",
        _("Forcibly displaced, end of {year}").format(year=total.year),
        _figure(total, millions(total.value)),
        note,
        total.reference,
        direction,
    )


def _baseline_tile(found: Mapping[str, Finding], baseline: int) -> Tile | None:
    change, base = found.get("forcibly_displaced_change"), found.get("forcibly_displaced_baseline")
    if change is None or base is None or change.value is None or change.value != change.value:
        return None
    return Tile(
        "since_baseline",
        _("Change since the end of {baseline}").format(baseline=baseline),
        _figure(change, signed_percent(change.value, 0)),
        _("from {before}").format(before=_figure(base, millions(base.value))),
        change.reference,
        "up" if change.value > 0 else "down" if change.value < 0 else "same",
    )


def _returns_tile(found: Mapping[str, Finding], returns: Returns | None) -> Tile | None:
    returned = found.get("refugee_returns")
    if returned is None or returns is None:
        return None
    before = found.get("refugee_returns_year_before")
    note = ""
    if before is not None:
        fields = {
            "before": _figure(before, millions(before.value, 2)),
            "year": before.year,
            "since": returns.most_since,
        }
        if returns.most_since is not None:
            note = _("{before} in {year}; the most since {since}").format(**fields)
        elif returns.on_record:
            note = _("{before} in {year}; the most on record").format(**fields)
        else:
            note = _("{before} in {year}").format(**fields)
    return Tile(
        "returns",
        _("Refugees who returned home in {year}").format(year=returned.year),
        _figure(returned, millions(returned.value, 2)),
        note,
        returned.reference,
    )


def _one_in_tile(found: Mapping[str, Finding]) -> Tile | None:
    one_in = found.get("one_in")
    if one_in is None or one_in.value is None:
        return None
    return Tile(
        "one_in",
        _("Share of the world's population"),
        # the figure is the total's (its exhibit) set against the World Bank's population
        figure(_("1 in {n}").format(n=count(int(one_in.value))), one_in.value),
        _("people worldwide (population: World Bank, {year})").format(year=one_in.year),
        one_in.reference,
    )


def how_many(found: Mapping[str, Finding], returns: Returns | None, baseline: int) -> str:
    tiles = [
        _total_tile(found),
        _baseline_tile(found, baseline),
        _returns_tile(found, returns),
        _one_in_tile(found),
    ]
    return blocks.question_html(
        _("How many people are forcibly displaced?"), [t for t in tiles if t is not None]
    )


# --- 2. where ---------------------------------------------------------------------------


def where(found: Mapping[str, Finding]) -> str:
    tiles = []
    lmic = found.get("lmic_share")
    if lmic is not None and lmic.value == lmic.value:  # not NaN: some income group known
        tiles.append(
            Tile(
                "lmic",
                _("Hosted in low- and middle-income countries"),
                _figure(lmic, percent(lmic.value)),  # as chapter 2 and C08 write it
                reference=lmic.reference,
            )
        )
    near = found.get("neighbouring_share")
    if near is not None:
        tiles.append(
            Tile(
                "neighbouring",
                _("Living in a country bordering their own"),
                _figure(near, percent(near.value, 0)),
                reference=near.reference,
            )
        )
    hosts = [f for k, f in found.items() if k.startswith("top_host_")]
    if hosts:
        # one unit for the list: millions where the largest host has a million or more
        in_millions_too = max(h.value or 0.0 for h in hosts) >= 1e6
        lines = "".join(
            f'<span class="tile-line">{html.escape(h.detail)} '
            f"{_figure(h, _host_figure(h.value or 0.0, in_millions_too))}</span>"
            for h in hosts
        )
        tiles.append(
            Tile(
                "hosts",
                _("Largest hosts, end of {year}").format(year=hosts[0].year),
                lines,
                reference=hosts[0].reference,
                wide=True,
            )
        )
    note = (
        _(
            "Shares and hosts by refugees and other people in need of international "
            "protection together, as Global Trends counts and ranks them."
        )
        if lmic is not None or near is not None
        else ""
    )
    return blocks.question_html(_("Where do they live?"), tiles, note)


def _host_figure(value: float, as_millions: bool) -> str:
    """'2.7 million', or '0.9 million' beside hosts of millions; a count otherwise."""
    return (
        _("{number} million").format(number=in_millions(value, 1)) if as_millions else count(value)
    )


# --- 3. what the Netherlands sees -------------------------------------------------------


def netherlands_sees(found: Mapping[str, Finding], year: int) -> str:
    tiles = []
    claims = found.get("nl_new_claims")
    if claims is not None:
        per_1000, eu = found.get("nl_claims_per_1000"), found.get("eu_claims_per_1000")
        note = ""
        if per_1000 is not None and eu is not None:
            note = _("{rate} per 1,000 inhabitants (EU-27: {eu})").format(
                rate=_figure(per_1000, _two_decimals(per_1000.value)),
                eu=_figure(eu, _two_decimals(eu.value)),
            )
        tiles.append(
            Tile(
                "nl_claims",
                _("New asylum claims in the Netherlands, {year}").format(year=claims.year),
                _figure(claims, count(claims.value)),
                note,
                claims.reference,
            )
        )
    rate = found.get("nl_total_protection_rate")
    if rate is not None:
        eu_rate = found.get("eu_total_protection_rate")
        note = _("of substantive decisions")
        if eu_rate is not None:
            note = _("of substantive decisions (EU-27: {eu})").format(
                eu=_figure(eu_rate, percent(eu_rate.value, 0))
            )
        tiles.append(
            Tile(
                "nl_rate",
                _("Total protection rate in the Netherlands, {year}").format(year=rate.year),
                _figure(rate, percent(rate.value, 0)),
                note,
                rate.reference,
            )
        )
    arrivals = found.get("arrivals_per_dutch_claim")
    if arrivals is not None:
        tiles.append(
            Tile(
                "arrivals",
                _("New arrivals in the focus countries per new Dutch claim, {year}").format(
                    year=arrivals.year
                ),
                _figure(arrivals, one_decimal(arrivals.value)),
                reference=arrivals.reference,
            )
        )
    note = (
        ""
        if tiles
        else _("UNHCR's table of asylum decisions has no figures for {year}.").format(year=year)
    )
    return blocks.question_html(_("What does the Netherlands see?"), tiles, note)


def _two_decimals(value: float | None) -> str:
    """New claims per 1,000 inhabitants as chapter 5's table gives them ('1.32')."""
    return format_decimal(value or 0.0, format="#,##0.00", locale=locale_code())


# --- 4. what the Netherlands pays -------------------------------------------------------


def _stage(code: str) -> str:
    """A budget figure's stage by name; no stage: the yearly amount the letter states."""
    return kind_label(code) if code else _("the yearly amount the letter states")


def _budget_tiles(found: Mapping[str, Finding]) -> list[Tile]:
    budget = found.get("oir_budget")
    if budget is None or budget.value is None:
        return []
    tiles = [
        Tile(
            "budget",
            _("Reception-in-the-region budget line, {year}").format(year=budget.year),
            _figure(budget, _euro_millions(budget.value)),
            html.escape(_stage(budget.detail)),
            budget.reference,
        )
    ]
    growth, stated = found.get("oir_budget_growth"), found.get("oir_budget_letter")
    if growth is not None and stated is not None and growth.value is not None:
        letter_amount = _figure(stated, _euro_millions(stated.value or 0.0))
        same_year = stated.year == budget.year
        tiles.append(
            Tile(
                "budget_growth",
                # the same year at a later stage is a later decision, not a change since
                _("{year}: a later stage").format(year=budget.year)
                if same_year
                else _("Change since the letter"),
                figure(signed_percent(growth.value, 0), growth.value),
                _("on the letter's {amount} (draft budget): a later decision").format(
                    amount=letter_amount
                )
                if same_year
                else _("from the letter's {amount} a year").format(amount=letter_amount),
                growth.reference,
                "up" if growth.value > 0 else "down" if growth.value < 0 else "same",
            )
        )
    per_refugee = found.get("eur_per_refugee")
    if per_refugee is not None and per_refugee.value is not None:
        tiles.append(
            Tile(
                "per_refugee",
                _("Budget per refugee hosted in the focus countries, {year}").format(
                    year=per_refugee.year
                ),
                _figure(per_refugee, _euros(per_refugee.value)),
                reference=per_refugee.reference,
            )
        )
    return tiles


def _cost_tile(found: Mapping[str, Finding]) -> Tile | None:
    cost = found.get("nl_cost_per_person")
    if cost is None or cost.value is None:
        return None
    return Tile(
        "nl_cost",
        _("A year of asylum reception in the Netherlands, per person"),
        _figure(cost, _euros(cost.value)),
        html.escape(cost_label(cost.cost) if cost.cost is not None else ""),
        cost.reference,
    )


def netherlands_pays(found: Mapping[str, Finding], year: int, cost_reference: str) -> str:
    tiles = _budget_tiles(found)
    cost = _cost_tile(found)
    notes = []
    first = found.get("oir_budget_first")
    if not tiles and first is not None:
        notes.append(
            _(
                "No figure of the reception-in-the-region budget line was found for {year} or "
                "an earlier year; the first found is for {first}: {amount}, {stage} ({see})."
            ).format(
                year=year,
                first=first.year,
                amount=_figure(first, _euro_millions(first.value or 0.0)),
                stage=html.escape(_stage(first.detail)),
                see=first.reference,
            )
        )
    if cost is not None:
        tiles.append(cost)
        if tiles[0] is not cost:
            notes.append(
                _(
                    "Not the same kind of cost: the Dutch contribution per refugee there, "
                    "all of a person's reception here ({see})."
                ).format(see=cost_reference)
            )
    else:
        notes.append(
            _(
                "No cost per person of asylum reception in the Netherlands was found up to {year}."
            ).format(year=year)
        )
    return blocks.question_html(_("What does the Netherlands pay?"), tiles, " ".join(notes))


# --- the letter's scorecard -------------------------------------------------------------

_GROUP_LABELS = {
    "held": N_("Hold or roughly hold"),
    "failing": N_("Do not hold, or no longer"),
    "failing_yet": N_("Do not hold, or not yet"),
    "past": N_("About a past year (verdict kept)"),
    "unchecked": N_("Cannot be checked, or no figure"),
}


def shortened(text: str, limit: int = MAX_CLAIM_CHARACTERS) -> str:
    """`text` cut at the last word that fits in `limit` characters, with '…' (inside
    the closing quotation mark of a quote); short texts as they are."""
    if len(text) <= limit:
        return text
    quoted = text.endswith("’")
    cut = text[: limit - 2].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…" + ("’" if quoted else "")


def _named_row(row) -> list[str]:
    if row.then_verdict == DOES_NOT_HOLD:
        verdict = _("does not hold, on the figures published then")
        value = claim_value(row.published_value, row.unit)
    else:
        verdict = verdict_text(row.now_verdict)
        value = claim_value(row.now_value, row.unit)
    stated = stated_phrase(row.stated, row.stated_high, row.unit, row.wording)
    return [shortened(claim_statement(row)), stated, value, verdict]


def scorecard_html(assessed: pd.DataFrame, year: int) -> str:
    """The letter's scorecard: the claims by verdict, then and for `year`, and the
    claims that do not or no longer hold, named (at most MAX_NAMED_CLAIMS; the others
    counted, with the chapter that lists them)."""
    then = key.verdict_groups(assessed["then_verdict"])
    now = key.verdict_groups(assessed["now_verdict"])
    # a year before the letter's: its claims did not hold yet, rather than no longer
    early = year < letter.DATA_YEAR
    labels = {**_GROUP_LABELS, "failing": _GROUP_LABELS["failing_yet" if early else "failing"]}
    groups = [g for g in key.VERDICT_GROUPS if then[g] or now[g]]
    tally = blocks.tally_table(
        [_(labels[g]) for g in groups],
        [
            (_("Then"), [then[g] if g != "past" else None for g in groups]),
            (_("Now ({year})").format(year=year), [now[g] for g in groups]),
        ],
        _("{n} claims").format(n=len(assessed)),
    )
    failing = key.claims_not_holding(assessed)
    named = [_named_row(r) for r in failing.head(MAX_NAMED_CLAIMS).itertuples()]
    more = len(failing) - len(named)
    if early:
        caption = (
            _("The claims that do not hold yet in {year} ({see})")
            if not more
            else _("The claims that do not hold yet in {year}; {n} more in {see}")
        )
    else:
        caption = (
            _("The claims that do not or no longer hold ({see})")
            if not more
            else _("The claims that do not or no longer hold; {n} more in {see}")
        )
    caption = caption.format(year=year, n=more, see=CLAIMS_CHAPTER)
    listing = (
        blocks.claims_table(
            named,
            [_("Claim"), _("The letter"), str(year), _("Verdict")],
            caption,
        )
        if named
        else '<p class="glance-note">'
        + _("Every claim that can be checked holds for {year} ({see}).").format(
            year=year, see=CLAIMS_CHAPTER
        )
        + "</p>"
    )
    question = _("Does the letter still hold?")
    return (
        f'<section class="glance-question glance-scorecard">'
        f"<h2>{html.escape(question)}</h2>"
        f'<div class="glance-answer glance-scorecard-tables">{tally}{listing}</div></section>'
    )


def page_html(
    found: Sequence[Finding],
    assessed: pd.DataFrame,
    *,
    baseline: int,
    year: int,
    change: YearChange | None,
    returns: Returns | None,
    cost_reference: str = "@chapter:reception_costs",
) -> str:
    """The page as HTML: an unnumbered chapter listed in the contents.

    `found`: the findings; `assessed`: the letter's claims (`claims.assess`) for `year`;
    `change` and `returns`: the year's news (`analysis.year_news`); `cost_reference`:
    where chapter 7 compares the two costs per person."""
    by_key = _by_key(found)
    sources = _("Each figure links the chart or table it comes from, where its sources are named.")
    parts = [
        lead_html(by_key, change, returns, baseline, year),
        how_many(by_key, returns, baseline),
        where(by_key),
        netherlands_sees(by_key, year),
        netherlands_pays(by_key, year, cost_reference),
        scorecard_html(assessed, year),
    ]
    return (
        f'<section class="unnumbered at-a-glance"><div class="glance-head">'
        f'<h1 id="{PAGE_ID}">{_(TITLE)}</h1>'
        f'<p class="glance-sources">{html.escape(sources)}</p></div>'
        f"{''.join(parts)}</section>"
    )
