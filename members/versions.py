"""The register's version token: one row whose token changes in the same transaction as any write
an import check depends on, so a check kept with an uploaded file (members/imports/batches.py) is
known to be stale when the register has changed since:

- saving or deleting an instance of a watched model (signals; the register's models, watched in
  members' AppConfig.ready, and the badge rules, in ceremonies');
- the bulk writes that send no signals, which call `bump()` themselves: the import, the demo
  register, a cell's merger.

Whole-register answers (the badge questions, the home page) are not remembered against it: they
read a range of stored, indexed dates (Member.candidate_from) on every request.
"""

from uuid import uuid4

from django.db.models.signals import post_delete, post_save

from members.models import RegisterVersion


def bump() -> None:
    """Give the register a new version token (inside the caller's transaction)."""
    token = uuid4().hex
    if not RegisterVersion.objects.filter(pk=1).update(token=token):
        RegisterVersion.objects.update_or_create(pk=1, defaults={"token": token})


def current() -> str | None:
    return RegisterVersion.objects.filter(pk=1).values_list("token", flat=True).first()


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata (restore): the loaded rows carry their own token
        return
    bump()


def watch(*models) -> None:
    """Bump the version whenever an instance of one of these models is saved or deleted."""
    for model in models:
        uid = f"register-version-{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
