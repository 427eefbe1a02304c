"""nbconvert HTML exporter for the report: no code cells, no CDN scripts, report CSS.

Registered as the nbconvert exporter `report_html`, so
`jupyter nbconvert --to report_html notebook.ipynb` gives the same page.
"""

from __future__ import annotations

import threading

from nbconvert.exporters import HTMLExporter
from traitlets import default

from displacement_report import paths


class ReportHTMLExporter(HTMLExporter):
    export_from_notebook = "Report HTML"

    @default("template_name")
    def _template_name_default(self) -> str:
        return "report"

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [str(paths.TEMPLATES_DIR)]

    # Readers see narrative, tables and charts; the code stays in the notebook.
    @default("exclude_input")
    def _exclude_input_default(self) -> bool:
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self) -> bool:
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self) -> bool:
        return True


_per_thread = threading.local()


def shared_exporter() -> ReportHTMLExporter:
    """This thread's exporter, made once: a new exporter compiles its Jinja templates
    again, about 0.1 s of every export (the templates hold no per-document state)."""
    exporter = getattr(_per_thread, "exporter", None)
    if exporter is None:
        exporter = _per_thread.exporter = ReportHTMLExporter()
    return exporter
