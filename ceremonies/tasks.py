"""The award rounds' background tasks (django-tasks, run by `manage.py db_worker`)."""

from django_tasks import task

from ceremonies.exports import roster_pdf_of
from vusta_party.background import document_make


@task()
def make_roster_pdf(document_id: str) -> None:
    """The ceremony roster PDF of a kept document (vusta_party/background.py)."""
    document_make(document_id, roster_pdf_of)
