"""Long documents made in the background and kept until the data they show changes.

A document that takes more than a couple of seconds (the register 7-HSĐV of a whole committee)
is not made in the request. The view asks `document_request()` with the document's kind, its
parameters (who may read it, which cell) and a fingerprint of the data it shows (the register's
version, the committee profile in force, the date it prints). There is one `KeptDocument` per
request and fingerprint, made by a task of the database queue (django-tasks, `manage.py
db_worker`), so:

- a second click, or the same document asked by a colleague, finds the first one (the database
  refuses a second row) and starts nothing;
- the user may leave the page and come back: the row says where it is;
- asking again while the data has not changed is instant (the file is kept in the row);
- once the data changes the fingerprint differs: a new document is made and the old one,
  which no longer shows the data, is deleted.

The task of each document lives in its own app and calls `document_make()` with the function
that builds it.
"""

import hashlib
import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from vusta_party.exports import Export
from vusta_party.models import KeptDocument

logger = logging.getLogger(__name__)
Status = KeptDocument.Status
# A running document never shows 100 % before it is there.
MOST_BEFORE_READY = 95


def _hash(value) -> str:
    return hashlib.sha256(json.dumps(value, default=str).encode()).hexdigest()


def request_key(kind: str, params: dict) -> str:
    return _hash([kind, sorted(params.items())])


def fingerprint(*parts) -> str:
    """The version of the data a document shows, from anything that prints in it (a token, a
    date, a dataclass of the header...): equal parts, equal fingerprint."""
    return _hash([repr(part) for part in parts])


def document_request(
    *, kind: str, params: dict, data_version: str, enqueue: Callable[[str], object]
) -> KeptDocument:
    """The document of `kind` for `params` showing the data of `data_version`: the one made or
    being made already, or a new one queued with `enqueue(id)` once this transaction commits.
    A document that failed is queued again."""
    key = request_key(kind, params)
    with transaction.atomic():
        document, created = KeptDocument.objects.get_or_create(
            request_key=key, fingerprint=data_version, defaults={"kind": kind, "params": params}
        )
        if not created and document.status == Status.FAILED:
            document.status, document.error, document.step = Status.QUEUED, "", ""
            document.requested_at, document.started_at, document.finished_at = (
                timezone.now(),
                None,
                None,
            )
            document.save()
            created = True
        if created:
            # The same document of older data shows what is no longer so.
            KeptDocument.objects.filter(request_key=key).exclude(pk=document.pk).delete()
            document_id = str(document.pk)
            transaction.on_commit(lambda: enqueue(document_id))
    return document


def document_found(*, kind: str, params: dict, data_version: str) -> KeptDocument | None:
    """The document of `kind` for `params` showing the data of `data_version`, if it was asked
    for already (made, being made or failed); nothing is written."""
    return KeptDocument.objects.filter(
        request_key=request_key(kind, params), fingerprint=data_version
    ).first()


def document_make(document_id: str, build: Callable[[dict, Callable[[str], None]], Export]):
    """Make a queued document (in the worker): `build(params, step)` returns the file and may
    say what it is doing with `step("Đang dàn trang")`. A document deleted meanwhile (its data
    changed) or already made is left alone."""
    started = KeptDocument.objects.filter(pk=document_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now(), step="Đang đọc dữ liệu"
    )
    if not started:
        return
    params = KeptDocument.objects.values_list("params", flat=True).get(pk=document_id)
    rows = KeptDocument.objects.filter(pk=document_id)

    def step(text: str) -> None:
        rows.update(step=text)

    try:
        export = build(params, step)
    except Exception as error:
        logger.exception("Không tạo được tài liệu %s", document_id)
        rows.update(
            status=Status.FAILED, step="", error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    rows.update(
        status=Status.READY,
        step="",
        filename=export.filename,
        content_type=export.content_type,
        content=export.content,
        finished_at=timezone.now(),
    )


def kept_export(document: KeptDocument) -> Export:
    return Export(document.filename, document.content_type, bytes(document.content))


def estimated_percent(*, elapsed: timedelta, expected: timedelta | None) -> int | None:
    """How far a running document is, from how long the last one of its kind took; None when
    none was made yet. Never 100 before it is there."""
    if expected is None or expected <= timedelta(0):
        return None
    return min(MOST_BEFORE_READY, int(100 * elapsed / expected))


def last_duration(kind: str) -> timedelta | None:
    """How long the last document of this kind took to make (one query)."""
    last = (
        KeptDocument.objects.filter(kind=kind, status=Status.READY)
        .exclude(started_at=None)
        .order_by("-finished_at")
        .values_list("started_at", "finished_at")
        .first()
    )
    return last[1] - last[0] if last else None


def expected_seconds(kind: str) -> int | None:
    """About how many seconds a document of this kind takes, from the last one made."""
    duration = last_duration(kind)
    return max(1, round(duration.total_seconds())) if duration else None


def progress(document: KeptDocument, *, now: datetime) -> dict:
    """What the page shows of a document: its state, what it is doing, how far it is."""
    percent = {Status.QUEUED: 0, Status.READY: 100}.get(document.status)
    elapsed = None
    if document.status == Status.RUNNING and document.started_at:
        elapsed = now - document.started_at
        percent = estimated_percent(elapsed=elapsed, expected=last_duration(document.kind))
    return {
        "status": document.status,
        "label": document.get_status_display(),
        "step": document.step,
        "percent": percent,
        "elapsed_seconds": int(elapsed.total_seconds()) if elapsed else None,
        "error": "Có lỗi khi tạo tài liệu, hãy thử lại hoặc báo cho quản trị."
        if document.status == Status.FAILED
        else "",
    }
