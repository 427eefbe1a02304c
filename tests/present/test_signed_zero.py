"""No signed zero anywhere ('+0.0', '−0.0' in the 2001 report for groups that did not
exist yet, issue 25 §7): a change that rounds to nothing is written without a sign, and a
change from or to a missing value is not computed at all."""

from __future__ import annotations

import pytest

from displacement_report import i18n
from displacement_report.analysis.key_figures import KeyFigure
from displacement_report.present import format as fmt
from displacement_report.present.narrative import country_profile as words
from displacement_report.present.tables import claims


@pytest.mark.parametrize("language", ["en", "nl"])
def test_changes_that_round_to_zero_have_no_sign(language):
    with i18n.using(language):
        zero = "0.0" if language == "en" else "0,0"
        assert fmt.signed_percent(-0.04) == f"{zero}%"
        assert fmt.signed_percent(0.04) == f"{zero}%"
        assert fmt.signed_in_millions(-30_000) == zero
        assert fmt.signed_in_millions(40_000) == zero
        assert claims._signed_millions(-30_000).replace(",", ".") == "0.0"
        assert claims._signed_millions(2.9e6) == "+2.9"
        assert claims._signed_millions(-4e5) == "−0.4"
        assert claims._signed(0.0, "people") == "0"


def test_a_tile_without_a_figure_before_computes_no_change():
    new = KeyFigure("oip", 2018, 1_200, None, None, "oip_not_counted")
    assert new.change is None and new.change_pct is None
    assert words.tile_change(new) == "Change: – (UNHCR counts this group from 2018)"
    same = KeyFigure("refugees", 2025, 5, 5)
    assert words.tile_change(same) == "No change since the end of 2024"
