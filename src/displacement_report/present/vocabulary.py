"""What the report calls the kinds of amount, the budget stages, the reception settings,
the bases of a cost figure and the quality of a source, in each form a page needs: one
place, so that every chapter uses the same words (the codes are in `data/kinds.py` and
`data/costs.py`).

Messages are marked here and translated where shown (`kind_label`, `stage_name`, ...)."""

from __future__ import annotations

from collections.abc import Iterable

from displacement_report.i18n import N_, _

#: A kind of amount in a list, in a table's 'Kind' column or inside a sentence.
KIND_LABELS = {
    "budget_other": N_("budget (stage not stated)"),
    "budget_draft": N_("draft budget"),
    "budget_adopted": N_("adopted budget"),
    "budget_supplementary_1": N_("1st supplementary budget"),
    "budget_supplementary_2": N_("2nd supplementary budget"),
    "realisation": N_("realised"),
    "allocation": N_("allocated"),
    "commitment": N_("committed"),
    "contracted": N_("contracted"),
    "disbursement": N_("paid out"),
    "funding_received": N_("funding received"),
    "requirement": N_("required (appeal)"),
    "share": N_("share"),
    "plan": N_("plan"),
    "estimate": N_("estimate"),
    "rule": N_("rule"),
}
#: A budget stage as a chart's legend or a label names it.
STAGE_NAMES = {
    "budget_other": N_("Budget (stage not stated)"),
    "budget_draft": N_("Draft budget (ontwerpbegroting)"),
    "budget_adopted": N_("Adopted budget (vastgestelde begroting)"),
    "budget_supplementary_1": N_("1st supplementary budget"),
    "budget_supplementary_2": N_("2nd supplementary budget"),
    "realisation": N_("Realised"),
}
#: A budget stage of the document figures as a sentence names it ('in the draft budget').
STAGE_PHRASES = {
    "budget_other": N_("a budget of unstated stage"),
    "budget_draft": N_("the draft budget"),
    "budget_supplementary_1": N_("the first supplementary budget"),
    "budget_supplementary_2": N_("the second supplementary budget"),
    "realisation": N_("the annual report (realised)"),
}
#: A budget stage of the COA line as the column of a table in EUR million.
STAGE_HEADERS = {
    "budget_draft": N_("Draft budget, EUR million"),
    "budget_adopted": N_("Adopted budget, EUR million"),
    "budget_supplementary_1": N_("1st supplementary budget, EUR million"),
    "budget_supplementary_2": N_("2nd supplementary budget, EUR million"),
    "realisation": N_("Realised, EUR million"),
}
#: A reception setting of a cost figure inside a sentence or in a table's column.
SETTING_LABELS = {
    "regular": N_("regular reception"),
    "emergency": N_("emergency reception (noodopvang)"),
    "hotel": N_("emergency reception in a hotel"),
    "ship": N_("emergency reception on a ship"),
    "all": N_("all reception"),
}
#: A reception setting as the first words of a label ('Regular reception (COA, ...)').
SETTING_NAMES = {
    "regular": N_("Regular reception"),
    "emergency": N_("Emergency reception"),
    "hotel": N_("Emergency reception in a hotel"),
    "ship": N_("Emergency reception on a ship"),
    "all": N_("All reception"),
}
#: The two settings of COA's cost per resident as a chart's legend names them.
SETTING_LEGENDS = {
    "regular": N_("Regular reception"),
    "emergency": N_("Emergency reception (noodopvang)"),
}
#: How good a figure's source is, as the data files record it.
QUALITY_LABELS = {"primary": N_("primary"), "secondary": N_("secondary")}
#: What one cost figure is per. Figures of different bases are never added, divided or
#: compared without saying so.
BASIS_LABELS = {
    "total": N_("total for the period"),
    "per_year": N_("per year of the period"),
    "per_resident_year": N_("per registered resident per year"),
    "per_asylum_seeker_year": N_("per asylum seeker per year"),
    "per_place_year": N_("per place per year"),
    "per_person_day": N_("per person per day"),
    "per_person_month": N_("per person per month"),
    "per_person_stay": N_("per person per whole stay"),
    "share_of_oda": N_("share of ODA"),
    "rule": N_("rule"),
}


def kind_label(kind: str) -> str:
    """What a kind of amount is called ('draft budget', 'realised'), in the active
    language; an unknown kind as it is written."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def stage_name(stage: str) -> str:
    """A budget stage as a legend or label names it ('Draft budget (ontwerpbegroting)')."""
    return _(STAGE_NAMES[stage])


def stage_names(stages: Iterable[str]) -> dict[str, str]:
    """The legend of a chart by stage: each of `stages` by its name, in the active
    language."""
    return {stage: stage_name(stage) for stage in stages}


def stage_phrase(stage: str) -> str:
    """A budget stage as a sentence names it ('the draft budget')."""
    return _(STAGE_PHRASES[stage])


def stage_header(stage: str) -> str:
    return _(STAGE_HEADERS[stage])


def setting_label(setting: object) -> str:
    """The reception setting of a figure ('regular reception'); '' where none is given."""
    return _(SETTING_LABELS[setting]) if isinstance(setting, str) else ""


def setting_name(setting: str) -> str:
    """The setting as the first words of a label ('Regular reception')."""
    return _(SETTING_NAMES[setting])


def setting_legends() -> dict[str, str]:
    """The chart's names of the two reception settings, in the active language."""
    return {setting: _(name) for setting, name in SETTING_LEGENDS.items()}


def quality_label(quality: str) -> str:
    """'primary', 'secondary' in the active language; another value as it is written."""
    return _(QUALITY_LABELS[quality]) if quality in QUALITY_LABELS else quality


def basis_label(basis: str) -> str:
    """What a cost figure is per ('per registered resident per year')."""
    return _(BASIS_LABELS[basis])
