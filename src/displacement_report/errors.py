"""The project's own exceptions: each one means 'stop, and tell the user this'."""


class ReportError(Exception):
    """Base class: a problem the user can fix, with a message that says what it is."""


class ParameterError(ReportError, ValueError):
    """A report parameter is of the wrong type, unknown, or impossible for the data."""


class DataFileError(ReportError):
    """A data file is missing, unreadable, or fails validation."""


class DownloadError(ReportError):
    """A refresh from the UNHCR API failed; nothing was written."""


class OutputError(ReportError):
    """The output folder cannot be written."""


class ContentError(ReportError):
    """The report's text refers to a figure or table that does not exist."""


class NotebookError(ReportError):
    """A notebook failed while executing; its executed copy is kept for inspection."""
