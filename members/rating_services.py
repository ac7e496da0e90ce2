"""Writes and checks of the yearly ratings (DOMAIN.md §4)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from members.models import (
    ON_ROLLS,
    CellRating,
    Discipline,
    Member,
    MemberRating,
    Organisation,
    RatingLevel,
    RatingYear,
)
from members.ratings import NOT_COMPLETED, not_rated_reason, quota_checks, streak


def rating_year(year: int) -> RatingYear:
    found, _ = RatingYear.objects.get_or_create(
        year=year, defaults={"late_admission_from": date(year, 7, 1)}
    )
    return found


@dataclass(frozen=True)
class GridRow:
    member: Member
    rating: MemberRating | None
    not_rated: str | None  # why the member is not rated, if so


def grid(*, year: RatingYear, cell: Organisation) -> list[GridRow]:
    """The members of a cell to rate in a year, in name order, with their ratings (two queries)."""
    members = list(Member.objects.filter(cell=cell, status__in=ON_ROLLS).in_name_order())
    ratings = {r.member_id: r for r in MemberRating.objects.filter(year=year, member__in=members)}
    return [
        GridRow(
            member=m,
            rating=ratings.get(m.pk),
            not_rated=not_rated_reason(
                status=m.status,
                admission_date=m.admission_date,
                year=year.year,
                late_admission_from=year.late_admission_from,
            ),
        )
        for m in members
    ]


@transaction.atomic
def ratings_save(
    *,
    year: RatingYear,
    cell: Organisation,
    levels: dict[int, tuple[str, int | None]],
    cell_level: str = "",
    cell_score: int | None = None,
    user=None,
) -> int:
    """Save a cell's grid in one transaction: every member's level (and score) and the cell's."""
    year = RatingYear.objects.select_for_update().get(pk=year.pk)
    if year.locked:
        raise ValidationError(f"Xếp loại năm {year.year} đã khóa: không thể sửa.")
    rows = {row.member.pk: row for row in grid(year=year, cell=cell)}
    unknown = set(levels) - set(rows)
    if unknown:
        raise ValidationError("Có đảng viên không thuộc chi bộ này trong bảng xếp loại.")
    valid = set(RatingLevel.values)
    saved = 0
    for member_id, (level, score) in levels.items():
        row = rows[member_id]
        if not level:
            MemberRating.objects.filter(year=year, member_id=member_id).delete()
            continue
        if row.not_rated:
            raise ValidationError(f"{row.member}: {row.not_rated}")
        if level not in valid or (score is not None and not 0 <= score <= 100):
            raise ValidationError(f"{row.member}: mức xếp loại hoặc điểm không hợp lệ.")
        MemberRating.objects.update_or_create(
            year=year, member_id=member_id, defaults={"cell": cell, "level": level, "score": score}
        )
        saved += 1
    if cell_level:
        if cell_level not in valid:
            raise ValidationError("Mức xếp loại chi bộ không hợp lệ.")
        CellRating.objects.update_or_create(
            year=year, cell=cell, defaults={"level": cell_level, "score": cell_score}
        )
    return saved


@dataclass(frozen=True)
class YearChecks:
    missing: list[str]  # members not rated who should be
    quota: list[str]  # groups over the HTXSNV quota
    disciplined: list[str]  # disciplined in the year and rated above KHTNV

    @property
    def blocking(self) -> bool:
        return bool(self.missing)

    @property
    def warnings(self) -> bool:
        return bool(self.quota or self.disciplined)


def year_checks(year: RatingYear) -> YearChecks:
    """What the office sees before locking a year (fixed number of queries)."""
    members = list(
        Member.objects.filter(status__in=ON_ROLLS).select_related("cell").in_name_order()
    )
    ratings = {
        r.member_id: r for r in MemberRating.objects.filter(year=year).select_related("cell")
    }
    missing = [
        f"{m.full_name} ({m.cell.name})"
        for m in members
        if m.pk not in ratings
        and not not_rated_reason(
            status=m.status,
            admission_date=m.admission_date,
            year=year.year,
            late_admission_from=year.late_admission_from,
        )
    ]
    by_cell: dict[str, list[str]] = {}
    for rating in ratings.values():
        by_cell.setdefault(rating.cell.name, []).append(rating.level)
    quota = (
        [
            c.message
            for c in quota_checks(dict(sorted(by_cell.items())), percent=year.quota_percent)
            if c.exceeded
        ]
        if year.quota_enabled
        else []
    )
    disciplined_ids = set(
        Discipline.objects.filter(decision_date__year=year.year).values_list("member_id", flat=True)
    )
    disciplined = sorted(
        f"{r.member.full_name}: bị kỷ luật trong năm nhưng xếp loại {r.level}"
        for r in MemberRating.objects.filter(
            year=year, member_id__in=disciplined_ids
        ).select_related("member")
        if r.level != NOT_COMPLETED
    )
    return YearChecks(missing=missing, quota=quota, disciplined=disciplined)


@transaction.atomic
def year_lock(*, year: RatingYear, user, accept_warnings: bool = False) -> RatingYear:
    year = RatingYear.objects.select_for_update().get(pk=year.pk)
    if year.locked:
        raise ValidationError(f"Xếp loại năm {year.year} đã khóa.")
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


@dataclass(frozen=True)
class Commendation:
    name: str
    cell: str
    years: int


def commendations(*, up_to: int, threshold: int) -> tuple[list[Commendation], list[Commendation]]:
    """Members and cells rated HTXSNV in at least `threshold` consecutive locked years ending with
    `up_to` (§4): the commendation proposals. Two queries of ratings, one of locked years."""
    locked = set(RatingYear.objects.filter(locked=True).values_list("year", flat=True))
    first = up_to - 60
    member_levels: dict[int, dict[int, str]] = {}
    names = {}
    for (
        member_id,
        full_name,
        name_sort,
        cell,
        cell_sort,
        year_value,
        level,
    ) in MemberRating.objects.filter(year__year__gt=first, year__year__lte=up_to).values_list(
        "member_id",
        "member__full_name",
        "member__name_sort",
        "member__cell__name",
        "member__cell__name_sort",
        "year__year",
        "level",
    ):
        member_levels.setdefault(member_id, {})[year_value] = level
        names[member_id] = (full_name, cell, (cell_sort, name_sort))
    cell_levels: dict[str, dict[int, str]] = {}
    for cell, year_value, level in CellRating.objects.filter(
        year__year__gt=first, year__year__lte=up_to
    ).values_list("cell__name", "year__year", "level"):
        cell_levels.setdefault(cell, {})[year_value] = level
    members = [
        (names[m][2], Commendation(names[m][0], names[m][1], years=n))
        for m, levels in member_levels.items()
        if (n := streak(levels, up_to=up_to, counted_years=locked)) >= threshold
    ]
    cells = [
        Commendation(cell, cell, years=n)
        for cell, levels in cell_levels.items()
        if (n := streak(levels, up_to=up_to, counted_years=locked)) >= threshold
    ]
    # By cell, then Vietnamese name order (§7).
    return [c for _key, c in sorted(members, key=lambda item: item[0])], sorted(
        cells, key=lambda c: c.name
    )


RATING_HEADERS = {
    "Năm": "year",
    "Số thẻ đảng viên": "card",
    "Số CCCD": "citizen_id",
    "Họ và tên": "full_name",
    "Chi bộ": "cell",
    "Xếp loại": "level",
    "Điểm": "score",
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
    from members.imports import ImportFileError, read_table  # noqa: PLC0415 -- shared reader
    from vusta_party.text import fold  # noqa: PLC0415

    try:
        table = [
            row for row in read_table(filename, content) if any(str(c or "").strip() for c in row)
        ]
    except ImportFileError as error:
        raise ValidationError(str(error)) from error
    if not table:
        raise ValidationError("Tệp không có dữ liệu.")
    known = {fold(header).replace(" ", ""): key for header, key in RATING_HEADERS.items()}
    columns = {i: known.get(fold(str(h or "")).replace(" ", "")) for i, h in enumerate(table[0])}
    if "year" not in columns.values() or "level" not in columns.values():
        raise ValidationError("Thiếu cột bắt buộc: Năm, Xếp loại.")
    members = {m.party_card_number: m for m in Member.objects.exclude(party_card_number=None)}
    by_cccd = {m.citizen_id: m for m in Member.objects.exclude(citizen_id=None)}
    cells = {c.name.casefold(): c for c in Organisation.objects.filter(kind=Organisation.Kind.CELL)}
    locked = set(RatingYear.objects.filter(locked=True).values_list("year", flat=True))
    errors, member_rows, cell_rows = [], [], []
    for number, raw in enumerate(table[1:], start=2):
        row = {
            key: str(raw[i]).strip() if i < len(raw) and raw[i] is not None else ""
            for i, key in columns.items()
            if key
        }
        row = {k: (v[:-2] if v.endswith(".0") else v) for k, v in row.items()}
        if (
            not row.get("year", "").isdigit()
            or not 1990 <= int(row["year"]) <= timezone.localdate().year
        ):
            errors.append(RatingImportError(number, "Năm", "Năm không hợp lệ."))
            continue
        year = int(row["year"])
        level = row.get("level", "").upper()
        if level not in RatingLevel.values:
            errors.append(
                RatingImportError(number, "Xếp loại", "Ghi một trong: HTXSNV, HTTNV, HTNV, KHTNV.")
            )
        score = row.get("score", "")
        if score and (not score.isdigit() or int(score) > 100):
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
                member_rows.append((year, member, level, int(score) if score else None))
        elif row.get("cell"):
            cell = cells.get(row["cell"].casefold())
            if cell is None:
                errors.append(
                    RatingImportError(number, "Chi bộ", f"Không có chi bộ “{row['cell']}”.")
                )
            else:
                cell_rows.append((year, cell, level, int(score) if score else None))
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
    for year, cell, level, score in cell_rows:
        year_obj = years.setdefault(year, rating_year(year))
        CellRating.objects.update_or_create(
            year=year_obj, cell=cell, defaults={"level": level, "score": score}
        )
    if lock_years:
        RatingYear.objects.filter(pk__in=[y.pk for y in years.values()]).update(
            locked=True, locked_at=timezone.now(), locked_by=user
        )
    return {"members": len(member_rows), "cells": len(cell_rows), "years": len(years)}
