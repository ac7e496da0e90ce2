"""The office corrects or deletes a row of the dated tables (rules, coefficients, base salary)."""

from datetime import date

import pytest
from django.urls import reverse

from ceremonies.models import BadgeRules, BaseSalary, BonusCoefficient

pytestmark = pytest.mark.django_db


def salary(day):
    return BaseSalary.objects.get(valid_from=day)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_a_base_salary_typed_wrong_is_corrected_and_the_history_keeps_both(office_client):
    row = BaseSalary.objects.create(valid_from=date(2027, 7, 1), amount=2_630_000, legal_basis="NĐ")

    response = office_client.post(
        reverse("ceremonies:row_edit", args=["luong-co-so", row.pk]),
        {"amount": 2_730_000, "valid_from": "01/07/2027", "legal_basis": "NĐ", "verified": "on"},
        follow=True,
    )

    assert salary(date(2027, 7, 1)).amount == 2_730_000
    assert messages_of(response) == ["Đã sửa: 2.730.000 đồng từ 01/07/2027."]
    before, after = row.history.order_by("history_date")
    assert (before.amount, after.amount, after.history_user.username) == (
        2_630_000,
        2_730_000,
        "vanphong",
    )


def test_the_2026_base_salary_ships_unverified_until_the_office_confirms_it(office_client):
    row = salary(date(2026, 7, 1))
    page = office_client.get(reverse("ceremonies:bonus_tables")).content.decode()
    assert (row.amount, row.verified) == (2_530_000, False)
    assert 'class="badge text-bg-warning app-unverified">chưa đối chiếu văn bản gốc' in page
    assert '(lương cơ sở 2.530.000 đồng, <span class="text-danger">chưa đối chiếu' in page

    office_client.post(
        reverse("ceremonies:row_edit", args=["luong-co-so", row.pk]),
        {
            "amount": 2_530_000,
            "valid_from": "01/07/2026",
            "legal_basis": "Nghị định 161/2026/NĐ-CP ngày 15/5/2026",
            "verified": "on",
        },
    )

    assert salary(date(2026, 7, 1)).verified is True
    page = office_client.get(reverse("ceremonies:bonus_tables")).content.decode()
    assert "app-unverified" not in page
    assert "(lương cơ sở 2.530.000 đồng)" in page
    assert row.history.latest().legal_basis == "Nghị định 161/2026/NĐ-CP ngày 15/5/2026"


def test_a_rule_version_is_corrected_in_place_keeping_its_date(office_client):
    version = BadgeRules.objects.get()
    fields = {
        "valid_from": version.valid_from.strftime("%d/%m/%Y"),
        "milestones": "30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90",
        "early_months_low": 12,
        "early_split": 65,
        "early_months_high": 24,
        "posthumous_early_months": 12,
        "reprimand_delay_months": 6,
        "warning_delay_months": 9,
        "removal_delay_months": 12,
        "legal_basis": "Hướng dẫn 01-HD/TW ngày 28/9/2021, mục 18 (đã đối chiếu)",
    }

    response = office_client.post(
        reverse("ceremonies:row_edit", args=["quy-dinh", version.pk]), fields, follow=True
    )

    assert messages_of(response) == [f"Đã sửa: Quy định từ {version.valid_from:%d/%m/%Y}."]
    assert list(BadgeRules.objects.values_list("valid_from", "legal_basis")) == [
        (version.valid_from, "Hướng dẫn 01-HD/TW ngày 28/9/2021, mục 18 (đã đối chiếu)")
    ]
    assert version.history.latest().history_user.username == "vanphong"
    rules_page = office_client.get(reverse("ceremonies:rules")).content.decode()
    assert "Hướng dẫn 01-HD/TW ngày 28/9/2021, mục 18 (đã đối chiếu)" in rules_page


def test_a_correction_onto_another_rows_date_is_refused(office_client):
    row = salary(date(2024, 7, 1))

    response = office_client.post(
        reverse("ceremonies:row_edit", args=["luong-co-so", row.pk]),
        {"amount": 2_340_000, "valid_from": "01/07/2023", "legal_basis": "x"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert salary(date(2024, 7, 1)).amount == 2_340_000


def test_a_coefficient_is_deleted(office_client):
    row = BonusCoefficient.objects.get(milestone=80)

    response = office_client.post(
        reverse("ceremonies:row_delete", args=["he-so", row.pk]), follow=True
    )

    assert not BonusCoefficient.objects.filter(milestone=80).exists()
    assert messages_of(response) == [f"Đã xóa: {row}."]


def test_the_only_rule_version_is_not_deleted_but_one_of_two_is(office_client):
    (only,) = BadgeRules.objects.all()
    refused = office_client.post(
        reverse("ceremonies:row_delete", args=["quy-dinh", only.pk]), follow=True
    )
    extra = BadgeRules.objects.create(valid_from=date(2026, 1, 1), legal_basis="Thử")

    office_client.post(reverse("ceremonies:row_delete", args=["quy-dinh", extra.pk]))

    assert messages_of(refused) == ["Không xóa được quy định duy nhất: hãy sửa nó."]
    assert list(BadgeRules.objects.all()) == [only]


@pytest.mark.parametrize("role", ["standing", "viewer", "secretary"])
def test_only_the_office_corrects_or_deletes(client, make_user, role):
    client.force_login(make_user(role))
    row = salary(date(2024, 7, 1))

    edit = client.post(
        reverse("ceremonies:row_edit", args=["luong-co-so", row.pk]),
        {"amount": 1, "valid_from": "01/07/2024", "legal_basis": "x"},
    )
    delete = client.post(reverse("ceremonies:row_delete", args=["luong-co-so", row.pk]))

    assert (edit.status_code, delete.status_code) == (403, 403)
    assert salary(date(2024, 7, 1)).amount == 2_340_000


def test_an_unknown_table_is_not_found(office_client):
    assert (
        office_client.get(reverse("ceremonies:row_edit", args=["bang-khac", 1])).status_code == 404
    )
