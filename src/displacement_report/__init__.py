"""Reproducible report on forced displacement and Dutch reception-in-the-region spending."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("displacement-report")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"
