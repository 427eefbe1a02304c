"""nbconvert exporter that renders the report HTML to an A4 PDF with WeasyPrint.

WeasyPrint installs from PyPI and needs no browser or TeX. Registered as the
nbconvert exporter `weasypdf`: `jupyter nbconvert --to weasypdf notebook.ipynb`.
"""

from __future__ import annotations

from traitlets import default

from displacement_report.report.html import ReportHTMLExporter

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    import weasyprint  # imported late: loading Pango costs time HTML-only users need not pay

    # PDF/UA: tagged, with language and title, so that a screen reader can read it
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant=PDF_VARIANT)


class WeasyPDFExporter(ReportHTMLExporter):
    export_from_notebook = "PDF via WeasyPrint"
    output_mimetype = "application/pdf"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self) -> str:
        return ".html.j2"  # the PDF is drawn from the report's HTML page

    def from_notebook_node(self, nb, resources=None, **kw):
        html, resources = super().from_notebook_node(nb, resources=resources, **kw)
        resources["output_extension"] = ".pdf"
        return html_to_pdf(html), resources
