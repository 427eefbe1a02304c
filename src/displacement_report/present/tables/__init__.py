"""The report's tables, one module per chapter: analysis frames turned into captioned, sourced
HTML.
"""
