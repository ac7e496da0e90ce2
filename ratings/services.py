"""Writes of the yearly ratings (DOMAIN.md §4): one transaction each, ValidationError in
Vietnamese."""

from collections.abc import Collection
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from members.models import Member, Organisation
from ratings.enums import RatingLevel
from ratings.models import CellRating, MemberRating, RatingYear, default_late_admission_from
from ratings.queries import grid, year_checks
from ratings.rules import discipline_conflict, discipline_message, quota_checks
from vusta_party import clock
from vusta_party.spreadsheets import SpreadsheetError, read_table
from vusta_party.text import ascii_int, fold, name_key

FIRST_YEAR = 1990


def rating_year(year: int) -> RatingYear:
    """The rating year, created with its default parameters on the first write."""
    found, _ = RatingYear.objects.get_or_create(
        year=year, defaults={"late_admission_from": default_late_admission_from(year)}
    )
    return found


def _locked_year(year: RatingYear) -> RatingYear:
    year = RatingYear.objects.select_for_update().get(pk=rating_year(year.year).pk)
    if year.locked:
        raise ValidationError(f"Xếp loại năm {year.year} đã khóa: không thể sửa.")
    return year


@dataclass(frozen=True)
class GridSaved:
    """What saving a cell's grid did, and the warnings of the levels saved (§4)."""

    rated: int  # members with a level now
    removed: int  # members whose earlier rating was taken off (no level given)
    cell_rated: bool
    warnings: tuple[str, ...]

    @property
    def nothing(self) -> bool:
        return not (self.rated or self.removed or self.cell_rated)


def grid_warnings(*, year: RatingYear, cell: Organisation, rows, levels: dict[int, str]):
    """The quota of the cell and the disciplined members rated above KHTNV, for the levels of a
    grid (`levels`: member id -> level): the checks the grid page makes as staff type."""
    warnings = []
    if year.quota_enabled:
        warnings += [
            check.message
            for check in quota_checks(
                {cell.name: [level for level in levels.values() if level]},
                percent=year.quota_percent,
            )
            if check.exceeded
        ]
    warnings += [
        discipline_message(name=row.member.full_name, level=levels[row.member.pk])
        for row in rows
        if row.member.pk in levels
        and discipline_conflict(level=levels[row.member.pk], disciplined=bool(row.disciplined))
    ]
    return tuple(warnings)


@transaction.atomic
def ratings_save(
    *,
    year: RatingYear,
    cell: Organisation,
    levels: dict[int, tuple[str, int | None]],
    cell_level: str = "",
    cell_score: int | None = None,
    user=None,
) -> GridSaved:
    """Save a cell's grid in one transaction: every member's level (and score) and the cell's.
    A member given no level loses the rating they had. Any wrong value refuses the whole grid
    (ValidationError by member id, "cell" for the cell's own rating) and saves nothing."""
    year = _locked_year(year)
    rows = {row.member.pk: row for row in grid(year=year, cell=cell)}
    unknown = set(levels) - set(rows)
    if unknown:
        raise ValidationError("Có đảng viên không thuộc chi bộ này trong bảng xếp loại.")
    valid = set(RatingLevel.values)
    errors = {}
    for member_id, (level, score) in levels.items():
        row = rows[member_id]
        if level and row.not_rated:
            errors[str(member_id)] = f"{row.member}: {row.not_rated}"
        elif (level and level not in valid) or (score is not None and not 0 <= score <= 100):
            errors[str(member_id)] = f"{row.member}: mức xếp loại hoặc điểm không hợp lệ."
    if (cell_level and cell_level not in valid) or (
        cell_score is not None and not 0 <= cell_score <= 100
    ):
        errors["cell"] = "Mức xếp loại hoặc điểm của chi bộ không hợp lệ."
    if errors:
        raise ValidationError(errors)
    rated = removed = 0
    for member_id, (level, score) in levels.items():
        if not level:
            removed += MemberRating.objects.filter(year=year, member_id=member_id).delete()[0]
            continue
        MemberRating.objects.update_or_create(
            year=year, member_id=member_id, defaults={"cell": cell, "level": level, "score": score}
        )
        rated += 1
    if cell_level:
        # A cell rated below HTXSNV cannot stay tiêu biểu.
        kept = {} if cell_level == RatingLevel.EXCELLENT else {"exemplary": False}
        CellRating.objects.update_or_create(
            year=year, cell=cell, defaults={"level": cell_level, "score": cell_score, **kept}
        )
    warnings = grid_warnings(
        year=year,
        cell=cell,
        rows=rows.values(),
        levels={member_id: level for member_id, (level, _score) in levels.items()},
    )
    return GridSaved(rated, removed, bool(cell_level), warnings)


@transaction.atomic
def exemplary_cells_save(
    *, year: RatingYear, cell_ids: Collection[int], cap: int | None, user=None
) -> int:
    """Mark as tiêu biểu the cells of `cell_ids`, and no other, in a year not yet locked, with the
    committee's cap (None: no cap). Only a cell rated HTXSNV that year may be marked (DOMAIN.md
    §4). Returns how many are marked."""
    year = _locked_year(year)
    ratings = {r.cell_id: r for r in CellRating.objects.filter(year=year).select_related("cell")}
    refused = sorted(
        (ratings[pk].cell.name if pk in ratings else str(pk))
        for pk in cell_ids
        if pk not in ratings or ratings[pk].level != RatingLevel.EXCELLENT
    )
    if refused:
        raise ValidationError(
            "Chỉ chi bộ xếp loại hoàn thành xuất sắc nhiệm vụ mới được công nhận tiêu biểu: "
            + ", ".join(refused)
            + "."
        )
    if cap is not None and len(cell_ids) > cap:
        raise ValidationError(
            f"Đã chọn {len(cell_ids)} chi bộ tiêu biểu, nhiều hơn số tối đa Đảng ủy định ({cap})."
        )
    year.exemplary_cap = cap
    year.save(update_fields=["exemplary_cap"])
    for rating in ratings.values():
        marked = rating.cell_id in cell_ids
        if rating.exemplary != marked:
            rating.exemplary = marked
            rating._history_user = user
            rating.save(update_fields=["exemplary"])
    return len(cell_ids)


@transaction.atomic
def year_lock(*, year: RatingYear, user, accept_warnings: bool = False) -> RatingYear:
    year = _locked_year(year)
    checks = year_checks(year)
    if checks.blocking:
        raise ValidationError(f"Còn {len(checks.missing)} đảng viên chưa được xếp loại.")
    if checks.warnings and not accept_warnings:
        raise ValidationError(
            "Có cảnh báo (tỉ lệ HTXSNV, kỷ luật): hãy xem và xác nhận trước khi khóa."
        )
    year.locked, year.locked_at, year.locked_by = True, timezone.now(), user
    year.save()
    return year


RATING_HEADERS = {
    "Năm": "year",
    "Số thẻ đảng viên": "card",
    "Số CCCD": "citizen_id",
    "Họ và tên": "full_name",
    "Chi bộ": "cell",
    "Xếp loại": "level",
    "Điểm": "score",
    "Tiêu biểu": "exemplary",
}


# What the "Tiêu biểu" column of a cell's row may say (folded): marked, or not.
EXEMPLARY_MARKS = {
    "x": True,
    "co": True,
    "tieu bieu": True,
    "1": True,
    "": False,
    "khong": False,
    "0": False,
}


@dataclass(frozen=True)
class RatingImportError:
    row: int
    column: str
    message: str


@transaction.atomic
def ratings_import(filename: str, content: bytes, *, lock_years: bool, user=None) -> dict[str, int]:
    """Past years' ratings from a spreadsheet (.xlsx or .csv): a row with a card number or a CCCD
    rates that member; a row with only a cell rates the cell. Every row is checked first; any bad
    row imports nothing (ValidationError listing them)."""
    try:
        table = [
            row for row in read_table(filename, content) if any(str(c or "").strip() for c in row)
        ]
    except SpreadsheetError as error:
        raise ValidationError(str(error)) from error
    if not table:
        raise ValidationError("Tệp không có dữ liệu.")
    known = {fold(header).replace(" ", ""): key for header, key in RATING_HEADERS.items()}
    columns = {i: known.get(fold(str(h or "")).replace(" ", "")) for i, h in enumerate(table[0])}
    if "year" not in columns.values() or "level" not in columns.values():
        raise ValidationError("Thiếu cột bắt buộc: Năm, Xếp loại.")
    members = {m.party_card_number: m for m in Member.objects.exclude(party_card_number=None)}
    by_cccd = {m.citizen_id: m for m in Member.objects.exclude(citizen_id=None)}
    # A cell is named as the members import names it (case, spacing and Unicode form aside):
    # the live cell of the name, else the one that ended last (past years' ratings).
    cells = {
        c.name_key: c
        for c in Organisation.objects.filter(kind=Organisation.Kind.CELL).order_by(
            F("ended_on").asc(nulls_last=True)
        )
    }
    locked = set(RatingYear.objects.filter(locked=True).values_list("year", flat=True))
    this_year = clock.today().year
    errors, member_rows, cell_rows = [], [], []
    for number, raw in enumerate(table[1:], start=2):
        row = {
            key: str(raw[i]).strip() if i < len(raw) and raw[i] is not None else ""
            for i, key in columns.items()
            if key
        }
        row = {k: (v[:-2] if v.endswith(".0") else v) for k, v in row.items()}
        year = ascii_int(row.get("year", ""))
        if year is None or not FIRST_YEAR <= year <= this_year:
            errors.append(RatingImportError(number, "Năm", "Năm không hợp lệ."))
            continue
        level = row.get("level", "").upper()
        if level not in RatingLevel.values:
            errors.append(
                RatingImportError(number, "Xếp loại", "Ghi một trong: HTXSNV, HTTNV, HTNV, KHTNV.")
            )
        score = ascii_int(row["score"]) if row.get("score") else None
        if row.get("score") and (score is None or score > 100):
            errors.append(RatingImportError(number, "Điểm", "Điểm là số từ 0 đến 100."))
        if year in locked:
            errors.append(RatingImportError(number, "Năm", f"Xếp loại năm {year} đã khóa."))
        member = members.get(row.get("card", "")) or by_cccd.get(row.get("citizen_id", ""))
        if row.get("card") or row.get("citizen_id"):
            if member is None:
                errors.append(
                    RatingImportError(number, "Số thẻ đảng viên", "Không tìm thấy đảng viên.")
                )
            else:
                member_rows.append((year, member, level, score))
        elif row.get("cell"):
            cell = cells.get(name_key(row["cell"]))
            exemplary = EXEMPLARY_MARKS.get(fold(row.get("exemplary", "")))
            if exemplary is None:
                errors.append(
                    RatingImportError(
                        number,
                        "Tiêu biểu",
                        "Ghi “x” nếu chi bộ được công nhận tiêu biểu, để trống nếu không.",
                    )
                )
            elif cell is None:
                errors.append(
                    RatingImportError(number, "Chi bộ", f"Không có chi bộ “{row['cell']}”.")
                )
            elif exemplary and level != RatingLevel.EXCELLENT:
                errors.append(
                    RatingImportError(
                        number, "Tiêu biểu", "Chỉ chi bộ xếp loại HTXSNV mới là tiêu biểu."
                    )
                )
            else:
                cell_rows.append((year, cell, level, score, exemplary))
        else:
            errors.append(
                RatingImportError(
                    number, "Số thẻ đảng viên", "Cần số thẻ, số CCCD hoặc tên chi bộ."
                )
            )
    if errors:
        raise ValidationError([f"Dòng {e.row}, cột {e.column}: {e.message}" for e in errors])
    years = {}
    for year, member, level, score in member_rows:
        year_obj = years.setdefault(year, rating_year(year))
        MemberRating.objects.update_or_create(
            year=year_obj,
            member=member,
            defaults={"cell": member.cell, "level": level, "score": score},
        )
    for year, cell, level, score, exemplary in cell_rows:
        year_obj = years.setdefault(year, rating_year(year))
        CellRating.objects.update_or_create(
            year=year_obj,
            cell=cell,
            defaults={"level": level, "score": score, "exemplary": exemplary},
        )
    if lock_years:
        RatingYear.objects.filter(pk__in=[y.pk for y in years.values()]).update(
            locked=True, locked_at=timezone.now(), locked_by=user
        )
    return {"members": len(member_rows), "cells": len(cell_rows), "years": len(years)}
