"""The kinds of amount the document figures (data/spending/amounts.csv) and the cost
figures (data/costs/figures.csv) record, as codes, and the budget stages in the order a
year's budget passes them. Codes only: the words a reader sees for each are in
`present/vocabulary.py` (a test checks that every code here has them)."""

from __future__ import annotations

#: The stages of a budget line, in the order a year's budget passes them; a figure
#: whose stage the source does not state first, the realised amount last.
BUDGET_STAGES = (
    "budget_other",
    "budget_draft",
    "budget_adopted",
    "budget_supplementary_1",
    "budget_supplementary_2",
    "realisation",
)
#: The stages of money after a budget, in order (the EU instruments report them).
SPENDING_STAGES = ("allocation", "commitment", "contracted", "disbursement", "funding_received")
#: Every kind of a document figure: budget stages (no adopted budget: the documents give
#: the draft and the supplementary ones), stages of spending, an appeal's requirement, a
#: share.
DOCUMENT_KINDS = (
    *(stage for stage in BUDGET_STAGES if stage != "budget_adopted"),
    *SPENDING_STAGES,
    "requirement",
    "share",
)
#: Every kind of a cost figure: budget stages, a plan, an estimate, a rule.
COST_KINDS = (*BUDGET_STAGES, "plan", "estimate", "rule")
