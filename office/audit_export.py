"""The audit trail of a date range as one workbook, for an inspection (issue 8): changes to data
with before and after, downloads and account actions, sign-ins and failed sign-ins.

Rows are read in chunks: a fixed number of queries per chunk, whatever the range holds.
"""

from datetime import date, datetime, time, timedelta

from axes.models import AccessFailureLog, AccessLog
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment

from office.audit import SOURCES, audit_log_rows
from office.models import AuditEvent
from vusta_party.exports import Export
from vusta_party.spreadsheets import append_row, new_workbook, table_sheet, xlsx_export

CHUNK = 2000
DATETIME_FORMAT = "dd/mm/yyyy hh:mm:ss"


def _local(moment: datetime | None) -> datetime | None:
    """Local wall-clock time without a zone (spreadsheets hold no time zones)."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def _chunks(queryset):
    chunk = []
    for row in queryset.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _changes_sheet(workbook, lower, upper) -> None:
    sheet = table_sheet(
        workbook,
        "Thay đổi dữ liệu",
        [
            "Thời gian",
            "Người thực hiện",
            "Loại dữ liệu",
            "Thao tác",
            "Đối tượng",
            "Nội dung (trước → sau)",
        ],
        [20, 18, 22, 10, 40, 80],
    )
    for key, (label, model) in SOURCES.items():
        records = (
            model.history.filter(history_date__gte=lower, history_date__lt=upper)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        for chunk in _chunks(records):
            for row in audit_log_rows(key, chunk):
                record = row.record
                append_row(
                    sheet,
                    [
                        _local(record.history_date),
                        record.history_user.get_username() if record.history_user else "(hệ thống)",
                        label,
                        row.action,
                        row.subject,
                        change_text(row),
                    ],
                )


def change_text(row) -> str:
    """What a row of the log changed (before → after), or what it created or deleted, one field
    a line, as the page shows it."""
    if row.changes:
        return "\n".join(f"{c.label}: {c.before} → {c.after}" for c in row.changes)
    return "\n".join(f"{c.label}: {c.after}" for c in row.values)


def _events_sheet(workbook, lower, upper) -> None:
    sheet = table_sheet(
        workbook,
        "Tải xuống, tài khoản",
        ["Thời gian", "Tài khoản", "Địa chỉ IP", "Loại", "Nội dung", "Địa chỉ trang"],
        [20, 18, 16, 20, 50, 60],
    )
    events = AuditEvent.objects.filter(at__gte=lower, at__lt=upper).order_by("at", "id")
    for event in events.iterator(chunk_size=CHUNK):
        append_row(
            sheet,
            [
                _local(event.at),
                event.username,
                event.ip_address,
                event.get_action_display(),
                event.subject,
                event.path,
            ],
        )


def _sign_in_sheets(workbook, lower, upper) -> None:
    sheet = table_sheet(
        workbook,
        "Đăng nhập",
        ["Đăng nhập lúc", "Đăng xuất lúc", "Tài khoản", "Địa chỉ IP", "Trình duyệt"],
        [20, 20, 18, 16, 60],
    )
    logs = AccessLog.objects.filter(attempt_time__gte=lower, attempt_time__lt=upper)
    for log in logs.order_by("attempt_time", "id").iterator(chunk_size=CHUNK):
        append_row(
            sheet,
            [
                _local(log.attempt_time),
                _local(log.logout_time),
                log.username,
                log.ip_address,
                log.user_agent,
            ],
        )
    sheet = table_sheet(
        workbook,
        "Đăng nhập sai",
        ["Thời gian", "Tài khoản", "Địa chỉ IP", "Trình duyệt", "Bị khóa"],
        [20, 18, 16, 60, 10],
    )
    failures = AccessFailureLog.objects.filter(attempt_time__gte=lower, attempt_time__lt=upper)
    for failure in failures.order_by("attempt_time", "id").iterator(chunk_size=CHUNK):
        append_row(
            sheet,
            [
                _local(failure.attempt_time),
                failure.username,
                failure.ip_address,
                failure.user_agent,
                "Có" if failure.locked_out else "",
            ],
        )


def audit_workbook(start: date, end: date) -> Workbook:
    """The audit trail from `start` to `end` (whole days, local time)."""
    lower, upper = _bounds(start, end)
    workbook = new_workbook()
    _changes_sheet(workbook, lower, upper)
    _events_sheet(workbook, lower, upper)
    _sign_in_sheets(workbook, lower, upper)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, datetime):
                    cell.number_format = DATETIME_FORMAT
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    return workbook


def audit_export(start: date, end: date) -> Export:
    return xlsx_export(audit_workbook(start, end), f"nhat-ky-{start:%Y%m%d}-{end:%Y%m%d}.xlsx")
