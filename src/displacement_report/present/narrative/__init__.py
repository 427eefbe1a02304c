"""Sentences and chart titles that state figures, one module per chapter; written from computed
values, never typed in.
"""
