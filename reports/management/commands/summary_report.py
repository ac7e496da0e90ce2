"""python manage.py summary_report --year Y [--half 1] --format json|html|pdf [--output FILE]
(DOMAIN.md §9): the report of a year or of its first half."""

import json
import sys

from django.core.management.base import CommandError
from django.template.loader import render_to_string

from reports.data import membership_summary
from reports.documents import report_document
from reports.periods import Period, period_error
from vusta_party import clock
from vusta_party.commands import VietnameseCommand, output_argument, year_argument
from vusta_party.pdf import html_to_pdf


class Command(VietnameseCommand):
    help = "Báo cáo số liệu đảng viên năm hoặc 6 tháng đầu năm (JSON, HTML hoặc PDF)."

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="Năm của báo cáo, ví dụ 2025.")
        parser.add_argument("--half", choices=["1"], help="1: sáu tháng đầu năm.")
        parser.add_argument(
            "--format", dest="output_format", choices=["json", "html", "pdf"], default="json"
        )
        parser.add_argument(
            "--output", help="Ghi ra tệp (mặc định: in ra màn hình; PDF cần --output)."
        )

    def handle(self, *args, year, half, output_format, output, **options):
        year = year_argument(year)
        if year > clock.today().year:
            raise CommandError(f"Năm {year} chưa đến: chưa có báo cáo.")
        if output_format == "pdf" and not output:
            raise CommandError("Báo cáo PDF cần --output TỆP.")
        path = output_argument(output) if output else None
        period = Period.first_half(year) if half else Period.year(year)
        if error := period_error(period, today=clock.today()):
            raise CommandError(error)
        if half and period.start > clock.today():
            raise CommandError(f"Sáu tháng đầu năm {year} chưa đến: chưa có báo cáo.")
        if output_format == "json":
            content = json.dumps(
                membership_summary(period).contract(), ensure_ascii=False, indent=2
            ).encode()
        else:
            report = report_document(period)
            html = render_to_string(
                "reports/documents/membership_report.html",
                {"report": report, "doc": report.doc, "narrative": []},
            )
            content = html.encode() if output_format == "html" else html_to_pdf(html)
        if path:
            try:
                path.write_bytes(content)
            except OSError as error:
                raise CommandError(f"Không ghi được tệp {output}: {error.strerror}.") from error
            self.stdout.write(f"Đã ghi báo cáo {period.label} vào {output}.")
        else:
            sys.stdout.write(content.decode() + "\n")
