import datetime

import factory
from django.contrib.auth import get_user_model

from ceremonies.eligibility import RuleSet
from vusta_party import clock

PASSWORD = "mat-khau-thu-nghiem"  # every test user's password
# The milestones of the default rule version (DOMAIN.md §2), for recording badges held.
MILESTONES = frozenset(RuleSet().milestones)
# The day the app takes for today in tests that pin it (the `pinned_today` fixture).
TODAY = datetime.date(2026, 8, 14)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Nguyễn Văn"
    last_name = "An"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CommitteeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "vusta_party.CommitteeProfile"

    valid_from = datetime.date(2025, 2, 10)
    higher_committee_name = "ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG ƯƠNG"
    committee_name = "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM"
    place_name = "Hà Nội"
    document_symbol = "ĐU"
    term_name = "2025–2030"
    term_start = datetime.date(2025, 7, 22)
    signer_authority = "T/M ĐẢNG ỦY"
    signer_title = "BÍ THƯ"
    signer_name = "Trần Văn Bình"


class CellFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.Organisation"

    kind = "cell"
    name = factory.Sequence(lambda n: f"Chi bộ số {n}")
    parent = factory.LazyFunction(lambda: _root())


def _root():
    from members.models import Organisation  # noqa: PLC0415 -- app registry is ready at call time

    # Transactional tests flush the database, the migration's root row with it.
    root, _ = Organisation.objects.get_or_create(
        parent__isnull=True, kind="committee", defaults={"name": "Đảng bộ thử nghiệm"}
    )
    return root


def make_member(*, cell=None, entry="admitted", entry_date=None, user=None, today=None, **values):
    """A member put on the rolls through the service, with boring defaults."""
    from members.services import member_create  # noqa: PLC0415 -- app registry is ready at call time

    defaults = {
        "full_name": "Nguyễn Văn An",
        "sex": "M",
        "admission_date": datetime.date(1990, 5, 19),
        "official_date": datetime.date(1991, 5, 19),
    }
    values = {**defaults, **values}
    if "date_of_birth" not in values:  # old enough for the admission date, whatever it is
        admitted = values["admission_date"]
        values["date_of_birth"] = admitted.replace(
            year=admitted.year - 25, day=min(admitted.day, 28)
        )
    return member_create(
        values=values,
        cell=cell or CellFactory(),
        entry=entry,
        entry_date=entry_date,
        user=user,
        today=today or clock.today(),
    )
