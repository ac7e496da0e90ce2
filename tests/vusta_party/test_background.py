"""The rules of a document made in the background (vusta_party/background.py), without a
database: how far it is, and when two requests are the same document."""

from datetime import timedelta

import pytest

from vusta_party.background import estimated_percent, fingerprint, request_key


@pytest.mark.parametrize(
    ("elapsed", "expected", "percent"),
    [
        (timedelta(0), timedelta(seconds=14), 0),
        (timedelta(seconds=7), timedelta(seconds=14), 50),
        (timedelta(seconds=13, milliseconds=999), timedelta(seconds=14), 95),
        (timedelta(seconds=30), timedelta(seconds=14), 95),  # slower than last time: not 100
        (timedelta(seconds=3), None, None),  # none made yet: unknown
        (timedelta(seconds=3), timedelta(0), None),
    ],
)
def test_a_running_document_is_as_far_as_the_last_one_took(elapsed, expected, percent):
    assert estimated_percent(elapsed=elapsed, expected=expected) == percent


def test_a_request_is_the_kind_and_its_parameters_in_any_order():
    one = request_key("register-pdf", {"scope": ["all"], "cell": None, "title": ""})
    same = request_key("register-pdf", {"title": "", "cell": None, "scope": ["all"]})

    assert one == same
    assert len(one) == 64
    assert one != request_key("register-pdf", {"scope": ["cells", 3], "cell": None, "title": ""})
    assert one != request_key("roster-pdf", {"scope": ["all"], "cell": None, "title": ""})


def test_the_data_version_changes_with_any_part_it_is_made_of():
    version = fingerprint("a1b2", "Hà Nội, ngày 29 tháng 02 năm 2028")

    assert version == fingerprint("a1b2", "Hà Nội, ngày 29 tháng 02 năm 2028")
    assert version != fingerprint("c3d4", "Hà Nội, ngày 29 tháng 02 năm 2028")
    assert version != fingerprint("a1b2", "Hà Nội, ngày 01 tháng 3 năm 2028")
    assert version != fingerprint(None, "Hà Nội, ngày 29 tháng 02 năm 2028")
