"""The bonus tables take the coefficient with its Vietnamese decimal comma, within a sane range."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ceremonies.models import BaseSalary, BonusCoefficient

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_a_coefficient_typed_with_a_comma_is_two_and_a_half(office_client):
    response = office_client.post(
        reverse("ceremonies:bonus_tables"),
        {"milestone": 45, "coefficient": "2,5", "valid_from": "01/01/2026", "legal_basis": "QĐ"},
        follow=True,
    )

    row = BonusCoefficient.objects.get(milestone=45)
    assert row.coefficient == Decimal("2.50")
    assert messages_of(response) == ["Đã ghi Huy hiệu 45 năm: hệ số 2,50 từ 01/01/2026."]


def test_a_coefficient_out_of_range_is_refused_and_nothing_is_written(office_client):
    before = BonusCoefficient.objects.count()

    response = office_client.post(
        reverse("ceremonies:bonus_tables"),
        {"milestone": 45, "coefficient": "25", "valid_from": "01/01/2026", "legal_basis": "QĐ"},
    )

    assert response.context["coefficient_form"].errors == {
        "coefficient": ["Hệ số phải từ 0,5 đến 20."]
    }
    assert 'value="25"' in response.content.decode()
    assert BonusCoefficient.objects.count() == before


def test_the_correction_page_shows_the_coefficient_with_its_comma(office_client):
    row = BonusCoefficient.objects.filter(milestone=30).first()

    page = office_client.get(reverse("ceremonies:row_edit", args=["he-so", row.pk]))
    office_client.post(
        reverse("ceremonies:row_edit", args=["he-so", row.pk]),
        {"milestone": 30, "coefficient": "1,75", "valid_from": row.valid_from.strftime("%d/%m/%Y")},
    )

    assert 'value="1,50"' in page.content.decode()
    row.refresh_from_db()
    assert row.coefficient == Decimal("1.75")


def test_a_base_salary_is_typed_with_its_thousands_groups(office_client):
    office_client.post(
        reverse("ceremonies:bonus_tables"),
        {"amount": "2.630.000", "valid_from": "01/07/2027", "legal_basis": "NĐ"},
    )

    assert BaseSalary.objects.get(valid_from=date(2027, 7, 1)).amount == 2_630_000
