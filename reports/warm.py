"""Whole-register answers computed before a server starts serving (gunicorn.conf.py), so that the
first people to open the home page or "Sắp đến hạn" do not wait about a second for each worker
to compute them. Only the committee-wide scope (office, standing committee, viewers) is warmed;
a change to the register makes each worker compute again on demand (members/versions.py)."""

from django.contrib.auth import get_user_model

from ceremonies.queries import remembered_outlook
from reports.dashboard import dashboard_data
from vusta_party import clock


def warm_remembered_answers(today=None) -> None:
    today = today or clock.today()
    whole_register = get_user_model()(is_superuser=True, is_active=True)  # never saved
    remembered_outlook(whole_register, today)
    dashboard_data(whole_register, today)
