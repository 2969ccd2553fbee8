"""The PDF report of a request and its answer, drawn by Qt (QTextDocument on a QPdfWriter).

What the report says comes from ``mssclient.teleexpertise.report`` (Qt-free, the same text
as the mail); this module only lays it out and writes the file atomically.
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from mssclient.teleexpertise.report import ReportContent


def report_html(content: ReportContent) -> str:
    e = html.escape
    out = [f"<h1>{e(content.title)}</h1>"]
    for heading, lines in content.sections:
        out.append(f"<h2>{e(heading)}</h2>")
        if lines and all(label for label, _ in lines):
            out.append('<table cellspacing="0" cellpadding="3">')
            out += [
                f"<tr><td><b>{e(k)}</b></td><td>{e(v).replace(chr(10), '<br>')}</td></tr>"
                for k, v in lines
            ]
            out.append("</table>")
        else:
            out += [
                "<p>" + (f"<b>{e(k)} :</b> " if k else "") + e(v).replace("\n", "<br>") + "</p>"
                for k, v in lines
            ]
    return "\n".join(out)


def write_report_pdf(content: ReportContent, path: Path) -> Path:
    """Write the report to ``path`` (A4); a temporary file replaces it only once complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=path.parent)
    os.close(handle)
    os.chmod(temporary, 0o600)
    try:
        writer = QPdfWriter(temporary)
        writer.setTitle(content.title)
        writer.setCreator("MSSClient")
        writer.setResolution(150)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(18, 18, 18, 18),
                QPageLayout.Unit.Millimeter,
            )
        )
        document = QTextDocument()
        document.setDefaultStyleSheet(
            "h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 10px; } "
            "body, p, td { font-size: 10pt; }"
        )
        document.setHtml(report_html(content))
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        document.print_(writer)
        del writer  # finishes the file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
