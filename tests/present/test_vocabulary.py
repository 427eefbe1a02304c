"""One vocabulary for the kinds of amount, the budget stages and the reception settings:
every code the data files allow has its words, the forms of one word agree with each
other in both editions, and no other module names these codes for readers."""

from __future__ import annotations

import ast
import re

from displacement_report import i18n, paths
from displacement_report.analysis import costs
from displacement_report.data import costs as cost_data
from displacement_report.data import kinds
from displacement_report.present import vocabulary

DUTCH = i18n.translations("nl")


def test_every_code_the_data_files_allow_has_its_words():
    assert set(vocabulary.KIND_LABELS) == set(kinds.DOCUMENT_KINDS) | set(kinds.COST_KINDS)
    assert set(vocabulary.STAGE_NAMES) == set(kinds.BUDGET_STAGES)
    assert set(vocabulary.STAGE_PHRASES) == set(kinds.BUDGET_STAGES) & set(kinds.DOCUMENT_KINDS)
    assert set(vocabulary.STAGE_HEADERS) == set(costs.COA_STAGES)
    assert (
        set(vocabulary.SETTING_LABELS) == set(vocabulary.SETTING_NAMES) == set(cost_data.SETTINGS)
    )
    assert set(vocabulary.BASIS_LABELS) == set(cost_data.BASES)


def test_a_commitment_is_committed_everywhere():
    """The costs and the spending chapters named it differently ('committed (pledged)',
    'committed'); the document figures of this kind are pledges and EU commitments."""
    assert vocabulary.kind_label("commitment") == "committed"
    with i18n.using("nl"):
        assert vocabulary.kind_label("commitment") == "toegezegd"
    assert vocabulary.kind_label("not_a_kind") == "not_a_kind"


def _without_note(name: str) -> str:
    """'Draft budget (ontwerpbegroting)' -> 'Draft budget'."""
    return re.sub(r" \([^)]*\)$", "", name)


def test_the_forms_of_a_stage_agree_in_both_editions():
    for stage in kinds.BUDGET_STAGES:
        name = DUTCH.gettext(vocabulary.STAGE_NAMES[stage])
        if stage != "realisation":  # 'gerealiseerd' in a list, 'Realisatie' as a name
            assert DUTCH.gettext(vocabulary.KIND_LABELS[stage]) == name[0].lower() + name[1:]
        if stage in vocabulary.STAGE_HEADERS:
            header = vocabulary.STAGE_HEADERS[stage]
            assert DUTCH.gettext(header) == f"{name}, miljoen euro"
            assert header == f"{_without_note(vocabulary.STAGE_NAMES[stage])}, EUR million"
    with i18n.using("nl"):
        assert vocabulary.stage_names(["budget_draft", "realisation"]) == {
            "budget_draft": "Ontwerpbegroting",
            "realisation": "Realisatie",
        }


def test_the_forms_of_a_setting_agree_in_both_editions():
    for setting, label in vocabulary.SETTING_LABELS.items():
        name = vocabulary.SETTING_NAMES[setting]
        assert _without_note(label) == name[0].lower() + name[1:]
        assert DUTCH.gettext(label) == DUTCH.gettext(name).lower()
    for setting, legend in vocabulary.SETTING_LEGENDS.items():
        assert legend.lower() == vocabulary.SETTING_LABELS[setting]
        assert DUTCH.gettext(legend).lower() == DUTCH.gettext(vocabulary.SETTING_LABELS[setting])


#: Codes no other module may give words of its own.
CODES = {*kinds.BUDGET_STAGES, *kinds.SPENDING_STAGES, "requirement", "emergency"}
_WORDS = ("_", "N_")


def _names_a_code(node: ast.Dict) -> bool:
    for key, value in zip(node.keys, node.values, strict=True):
        words = (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in _WORDS
        )
        if isinstance(key, ast.Constant) and key.value in CODES and words:
            return True
    return False


def test_no_other_module_names_these_codes_for_readers():
    package = paths.PROJECT_ROOT / "src" / "displacement_report"
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            f"{path.relative_to(package)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Dict) and _names_a_code(node)
        ]
    assert not found, f"use present/vocabulary.py instead: {found}"
