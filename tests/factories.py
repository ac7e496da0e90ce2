import datetime

import factory
from django.contrib.auth import get_user_model


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Nguyễn Văn"
    last_name = "An"
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu-nghiem")

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
