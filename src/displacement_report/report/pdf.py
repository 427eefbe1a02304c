"""nbconvert exporter that renders the report HTML to an A4 PDF with WeasyPrint.

WeasyPrint installs from PyPI and needs no browser or TeX. Registered as the
nbconvert exporter `weasypdf`: `jupyter nbconvert --to weasypdf notebook.ipynb`.
"""

from __future__ import annotations

from typing import Any

from traitlets import default

from displacement_report.report.html import ReportHTMLExporter

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    import weasyprint  # imported late: loading Pango costs time HTML-only users need not pay

    # PDF/UA: tagged, with language and title, so that a screen reader can read it
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf(
        pdf_variant=PDF_VARIANT, finisher=scope_table_headers
    )


def scope_table_headers(_document: Any, pdf: Any) -> None:
    """Give every table header cell of the PDF's structure a /Scope: a column's header
    (in the table's head) heads its column, any other a row. WeasyPrint links each data
    cell to its headers but leaves the scope out, which PDF/UA checkers require."""
    objects = {obj.reference: obj for obj in pdf.objects if isinstance(obj, dict)}  # type: ignore[attr-defined]
    for element in objects.values():
        if element.get("S") != "/TH":
            continue
        row = objects.get(element.get("P"))
        group = objects.get(row.get("P")) if row is not None else None
        in_head = group is not None and group.get("S") == "/THead"
        if "A" in element:  # WeasyPrint gives every table cell its attributes
            element["A"]["Scope"] = "/Column" if in_head else "/Row"


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
