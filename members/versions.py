"""Whole-register answers kept in memory until the register changes.

Some answers read the whole register and take about a second at 100,000 members (the
"Sắp đến hạn" page, the home page figures). They are remembered per process under the register's
version token, which changes in the same transaction as any write they depend on:

- saving or deleting an instance of a watched model (signals; each app watches its own models
  in its AppConfig.ready);
- the bulk writes that send no signals, which call `bump()` themselves: the import, the demo
  register, a round's filled list. (The `QuerySet.update` of a member's highest badge follows the
  badge's own save or delete, whose signal has bumped already.)

A remembered answer is never older than its label: the token is read before computing.
"""

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from uuid import uuid4

from django.db.models.signals import post_delete, post_save

from members.models import RegisterVersion

KEEP = 64  # answers per process: a few per register state and scope (each secretary has one)

_remembered: OrderedDict = OrderedDict()
_lock = Lock()


def bump() -> None:
    """Give the register a new version token (inside the caller's transaction)."""
    token = uuid4().hex
    if not RegisterVersion.objects.filter(pk=1).update(token=token):
        RegisterVersion.objects.update_or_create(pk=1, defaults={"token": token})


def current() -> str | None:
    return RegisterVersion.objects.filter(pk=1).values_list("token", flat=True).first()


def remembered(key: tuple, compute: Callable):
    """compute(), or the value it gave for `key` at the register's current version."""
    token = current()
    if token is None:
        return compute()
    full_key = (token, *key)
    with _lock:
        if full_key in _remembered:
            _remembered.move_to_end(full_key)
            return _remembered[full_key]
    value = compute()
    with _lock:
        _remembered[full_key] = value
        while len(_remembered) > KEEP:
            _remembered.popitem(last=False)
    return value


def forget_all() -> None:
    """Drop every remembered answer (tests start from a clean process state)."""
    with _lock:
        _remembered.clear()


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
