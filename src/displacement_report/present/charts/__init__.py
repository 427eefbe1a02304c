"""The report's charts: shared axes and chart kinds, then one module per chapter
(named after its notebook, like `narrative` and `tables`)."""
