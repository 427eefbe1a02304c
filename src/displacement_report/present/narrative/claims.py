"""Sentences and chart titles of the claims chapter."""

from __future__ import annotations

from typing import Any

import pandas as pd
from babel.lists import format_list

from displacement_report.i18n import _, locale_code, ngettext
from displacement_report.present.format import millions


def _listed(ids: list[str]) -> str:
    return f" ({', '.join(ids)})" if ids else ""


def _and(parts: list[str]) -> str:
    """'a, b and c' in the edition's language."""
    return format_list(parts, locale=locale_code()) if parts else ""


def _counts(assessed: pd.DataFrame, column: str, verdicts: tuple[str, ...]) -> list[str]:
    """'12 hold', '1 does not hold (C06)': each verdict with its number of claims,
    leaving out the verdicts no claim got; those that do not hold are named."""
    from displacement_report.analysis.claims import DOES_NOT_HOLD, verdict_count

    parts = []
    for verdict in verdicts:
        found = assessed[assessed[column] == verdict]
        if len(found):
            named = _listed(found["claim_id"].tolist()) if verdict == DOES_NOT_HOLD else ""
            parts.append(verdict_count(verdict, len(found)) + named)
    return parts


def _then_sentences(assessed: pd.DataFrame) -> str:
    from displacement_report.analysis.claims import (
        DOES_NOT_HOLD,
        HOLDS,
        NO_IATI_FILE,
        NOT_CHECKABLE,
        ROUGHLY,
    )

    then = assessed["then_verdict"]
    parts = _counts(assessed, "then_verdict", (HOLDS, ROUGHLY, DOES_NOT_HOLD, NOT_CHECKABLE))
    if parts and (then == HOLDS).any():
        parts[0] = f"**{parts[0]}**"
    text = _(
        "Judged on the figures published at the time, as the letter's author could know them, "
        "{verdicts}."
    ).format(verdicts=_and(parts))
    judged = then.isin([HOLDS, ROUGHLY, DOES_NOT_HOLD])
    on_today = assessed.loc[(assessed["then_basis"] == "today's data") & judged, "claim_id"]
    if len(on_today):
        text += " " + _(
            "For {n} of them nothing published at the time was found, so the verdict rests on "
            "today's data for the letter's year ({ids})."
        ).format(n=len(on_today), ids=", ".join(on_today))
    later = assessed.loc[(assessed["then_basis"] == "later document") & judged, "claim_id"]
    if len(later):
        text += " " + ngettext(
            "For {n} the only figure found is in a later document ({ids}).",
            "For {n} the only figures found are in later documents ({ids}).",
            len(later),
        ).format(n=len(later), ids=", ".join(later))
    basis = assessed["basis"] if "basis" in assessed else pd.Series("", index=assessed.index)
    rests = assessed.loc[basis.fillna("").astype(str).ne("") & judged, "claim_id"]
    if len(rests):
        text += " " + ngettext(
            "The verdict on {ids} rests on a figure of another year, on one secondary source "
            "or on part of what the letter says; the table says which, under the claim.",
            "The verdicts on {ids} rest on a figure of another year, on one secondary source "
            "or on part of what the letter says; the table says which, under each claim.",
            len(rests),
        ).format(ids=format_list(list(rests), locale=locale_code()))
    iati = assessed.loc[then == NO_IATI_FILE, "claim_id"].tolist()
    if iati:
        text += " " + ngettext(
            "The ministry's IATI activity data could check {n} more ({ids}); this edition was "
            "made without them.",
            "The ministry's IATI activity data could check {n} more ({ids}); this edition was "
            "made without them.",
            len(iati),
        ).format(n=len(iati), ids=", ".join(iati))
    return text


def _would(claim_id: str, verdict: str) -> str:
    from displacement_report.analysis.claims import DOES_NOT_HOLD, HOLDS, ROUGHLY, verdict_text

    if verdict == HOLDS:
        return _("{claim} would hold").format(claim=claim_id)
    if verdict == ROUGHLY:
        return _("{claim} would only roughly hold").format(claim=claim_id)
    if verdict == DOES_NOT_HOLD:
        return _("{claim} would not hold").format(claim=claim_id)
    return _("{claim}: {verdict}").format(claim=claim_id, verdict=verdict_text(verdict))


def _revision_sentences(assessed: pd.DataFrame) -> str:
    """Revisions of the same year and measure that would judge differently; a figure of
    another year, a second measure or a later budget stage is never one."""
    comparable = (
        assessed["revised_comparable"]
        if "revised_comparable" in assessed
        else pd.Series(True, index=assessed.index)
    )
    revised = assessed[
        comparable.fillna(False).astype(bool)
        & (assessed["revised_verdict"] != "")
        & (assessed["then_basis"] == "published")
        & (assessed["revised_verdict"] != assessed["then_verdict"])
    ]
    if not len(revised):
        return ""
    changes = "; ".join(
        _would(claim_id, verdict)
        for claim_id, verdict in zip(revised["claim_id"], revised["revised_verdict"], strict=True)
    )
    intro = _(
        "The revised figures for the same year (today's databases) would judge some "
        "differently: {changes}."
    )
    return (
        " "
        + intro.format(changes=changes)
        + " "
        + _("The verdict on the letter stays with what was published.")
    )


def _decision_sentences(assessed: pd.DataFrame) -> str:
    """'C16 is judged on the draft budget (EUR 128 million), the stage the letter could
    know; the 2nd supplementary budget (EUR 135.5 million, 2021) is a later decision, not
    a revision, and changes no verdict.'"""
    from displacement_report.present.tables.claims import claim_value, decision_phrase, stage_name

    if "later_decisions" not in assessed:
        return ""
    text = ""
    row: Any  # itertuples rows: pandas-stubs cannot know the columns' types
    for row in assessed[assessed["later_decisions"].map(bool)].itertuples():
        decisions = [decision_phrase(d, str(row.unit)) for d in row.later_decisions]
        text += " " + ngettext(
            "{claim} is judged on the {stage} ({value}), the stage the letter could know; the "
            "{decisions} is a later decision, not a revision, and changes no verdict.",
            "{claim} is judged on the {stage} ({value}), the stage the letter could know; the "
            "{decisions} are later decisions, not revisions, and change no verdict.",
            len(decisions),
        ).format(
            claim=row.claim_id,
            stage=stage_name(row.published_stage),
            value=claim_value(row.published_value, str(row.unit)),
            decisions=_and(decisions),
        )
    return text


def _now_parts(assessed: pd.DataFrame, year: int) -> tuple[list[str], list[str]]:
    """What recomputing for `year` gives: the claims with a verdict by the rule, and the rest."""
    from displacement_report.analysis.claims import (
        DOES_NOT_HOLD,
        HISTORICAL,
        HOLDS,
        NOT_CHECKABLE,
        ROUGHLY,
        no_figure,
    )

    now = assessed["now_verdict"]

    def ids(mask: pd.Series) -> list[str]:
        return assessed.loc[mask, "claim_id"].tolist()

    judged = _counts(assessed, "now_verdict", (HOLDS, ROUGHLY, DOES_NOT_HOLD))
    outdated = ids(now.str.startswith("outdated"))
    if outdated:
        judged.append(
            ngettext(
                "{n} is outdated because the figure has moved since ({ids})",
                "{n} are outdated because the figure has moved since ({ids})",
                len(outdated),
            ).format(n=len(outdated), ids=", ".join(outdated))
        )
    not_yet = ids(now.str.startswith("not yet"))
    if not_yet:
        judged.append(
            ngettext(
                "{n} did not yet hold in {year} ({ids})",
                "{n} did not yet hold in {year} ({ids})",
                len(not_yet),
            ).format(n=len(not_yet), year=year, ids=", ".join(not_yet))
        )
    rest = []
    if n := int((now == no_figure(year)).sum()):
        rest.append(
            ngettext("{n} has no figure for {year}", "{n} have no figure for {year}", n).format(
                n=n, year=year
            )
        )
    if n := int((now == HISTORICAL).sum()):
        rest.append(
            ngettext(
                "{n} is about a named year and keeps its verdict",
                "{n} are about a named year and keep their verdict",
                n,
            ).format(n=n)
        )
    if n := int((now == NOT_CHECKABLE).sum()):
        rest.append(ngettext("{n} cannot be checked", "{n} cannot be checked", n).format(n=n))
    return judged, rest


def claims_summary(assessed: pd.DataFrame, year: int) -> str:
    """How many of the letter's claims hold, on the figures of the time and now."""
    text = ngettext(
        "The letter makes **{n} quantitative statement**.",
        "The letter makes **{n} quantitative statements**.",
        len(assessed),
    ).format(n=len(assessed))
    text += (
        " "
        + _then_sentences(assessed)
        + _revision_sentences(assessed)
        + _decision_sentences(assessed)
    )
    judged, rest = _now_parts(assessed, year)
    found = "; ".join(part for part in (_and(judged), _and(rest)) if part)
    if found:
        text += " " + _("Recomputed for **{year}**: {found}.").format(year=year, found=found)
    return text


def verdict_rules_markdown() -> str:
    from displacement_report.analysis.claims import RULES

    return "\n".join(f"- {_(text)}" for _rule, text in RULES.values())


def _total_at(series: pd.Series, year: int) -> str:
    return millions(series.loc[year]) if year in series.index else "–"


def claim_trend_title(series: pd.Series, published: pd.Series, letter_year: int, year: int) -> str:
    """Title for the headline figure over time; each figure it names is marked in the chart."""
    then = _total_at(published, letter_year)
    if year != letter_year and year in series.index:
        return _(
            "Forcibly displaced: {then} published for end-{letter_year}, {now} at the end of "
            "{year} on today's data"
        ).format(then=then, letter_year=letter_year, now=_total_at(series, year), year=year)
    return _("Forcibly displaced: {then} published for end-{letter_year}").format(
        then=then, letter_year=letter_year
    )


def _since_the_letter(series: pd.Series, then: float, letter_year: int, year: int) -> str:
    """'By the end of 2025 it had risen to 119.3 million, falling in the last year from
    124.7 million.': the direction since the letter's year, and a last year that went
    the other way."""
    now = series.loc[year]
    before = series.get(year - 1)
    turned = (
        before is not None
        and year - 1 > letter_year
        and pd.notna(before)
        and ((now - before < 0 < now - then) or (now - before > 0 > now - then))
    )
    fields = {"year": year, "now": millions(now), "before": millions(before)}
    if now > then:
        text = (
            _("By the end of {year} it had risen to {now}, falling in the last year from {before}.")
            if turned
            else _("By the end of {year} it had risen to {now}.")
        )
    elif now < then:
        text = (
            _("By the end of {year} it had fallen to {now}, rising in the last year from {before}.")
            if turned
            else _("By the end of {year} it had fallen to {now}.")
        )
    else:
        text = _("By the end of {year} it had stayed at {now}.")
    return text.format(**fields)


def headline_trend_sentence(
    series: pd.Series, published: pd.Series, letter_year: int, year: int
) -> str:
    """What the headline series did, in words that match it: the revision of the letter's
    year, then the direction up to the report year, and a last year that went the other way."""
    then = series.loc[letter_year]
    if letter_year in published.index:
        text = _(
            "Today's data put the end-{year} total at {total}, against {published} published "
            "at the time."
        ).format(
            year=letter_year, total=millions(then), published=millions(published.loc[letter_year])
        )
    else:
        text = _("Today's data put the end-{year} total at {total}.").format(
            year=letter_year, total=millions(then)
        )
    if year == letter_year or year not in series.index:
        return text
    if year > letter_year:
        return text + " " + _since_the_letter(series, then, letter_year, year)
    now = series.loc[year]
    fields = {
        "year": year,
        "now": millions(now),
        "difference": millions(abs(then - now)),
        "letter_year": letter_year,
    }
    backwards = (
        _(
            "At the end of {year} it stood at {now}, {difference} fewer than at the end of "
            "{letter_year}."
        )
        if now < then
        else _(
            "At the end of {year} it stood at {now}, {difference} more than at the end of "
            "{letter_year}."
        )
    )
    return text + " " + backwards.format(**fields)


def claim_trend_caption(series: pd.Series, stated: str) -> str:
    """The caption of the chart of the headline figure against the letter's."""
    return _(
        "Forcibly displaced people worldwide at the end of each year, on today's data and as "
        "UNHCR published them at the time, against the letter's {stated}, {first}–{last} "
        "(millions)"
    ).format(stated=stated, first=min(series.index), last=max(series.index))
