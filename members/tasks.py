"""The register's background tasks (django-tasks, run by `manage.py db_worker`)."""

from django_tasks import task

from members.exports import register_pdf_of
from vusta_party.background import document_make


@task()
def make_register_pdf(document_id: str) -> None:
    """The register 7-HSĐV PDF of a kept document (vusta_party/background.py)."""
    document_make(document_id, register_pdf_of)
