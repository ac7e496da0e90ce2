"""The pages of a document made in the background (vusta_party/background.py), for any app.

A large document (the register 7-HSĐV, a round's ceremony roster) is described once by a
`BackgroundPdf`: its kind, the task that makes it and the name of the URL of its page; the state
the page polls and the file are at "<name>_status" and "<name>_file", each taking the kept
document's id. The app's
views then only find the document and check who asks; the offer, the page, its state and the
file are answered here, the same for every document.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from vusta_party import background
from vusta_party.exports import send
from vusta_party.models import KeptDocument

TEMPLATE = "kept_document_page.html"


@dataclass(frozen=True)
class BackgroundPdf:
    kind: str
    enqueue: Callable[[str], object]  # a task's enqueue(document_id)
    page: str  # the URL name of its page; "<page>_status" and "<page>_file" the two others
    # The URL arguments before the document's id, from its parameters (the round's id).
    url_args: Callable[[dict], list] = lambda params: []

    @property
    def status(self) -> str:
        return f"{self.page}_status"

    @property
    def file(self) -> str:
        return f"{self.page}_file"

    def url(self, name: str, document: KeptDocument) -> str:
        return reverse(name, args=[*self.url_args(document.params), document.pk])

    def respond(self, request, *, params: dict, data_version: str, page: dict) -> HttpResponse:
        """The document's own URL when it is large. A POST (the offer's button) queues it once
        (a second POST finds the first) and goes to its page; a GET sends the one kept for the
        data as it is, goes to the one being made, or offers to make it. `page` is what the
        offer shows (`page_context`)."""
        wanted = {"kind": self.kind, "params": params, "data_version": data_version}
        if request.method == "POST":
            document = background.document_request(**wanted, enqueue=self.enqueue)
            return redirect(self.url(self.page, document))
        document = background.document_found(**wanted)
        if document is None:
            return render(
                request,
                TEMPLATE,
                {
                    **page,
                    "document": None,
                    "expected_seconds": background.expected_seconds(self.kind),
                },
            )
        if document.status == KeptDocument.Status.READY:
            return send(background.kept_export(document))
        return redirect(self.url(self.page, document))

    def document_or_404(self, pk, *, allowed: Callable[[dict], bool]) -> KeptDocument:
        """The kept document of this kind whose parameters `allowed` accepts for the user
        asking (the same scope as the asker's); else "not found", as if there were none."""
        document = KeptDocument.objects.filter(pk=pk, kind=self.kind).first()
        if document is None or not allowed(document.params):
            raise Http404("Không tìm thấy tài liệu.")
        return document

    def page_view(self, request, document: KeptDocument, page: dict) -> HttpResponse:
        """The page of a document being made: its progress, then its link."""
        return render(
            request,
            TEMPLATE,
            {
                **page,
                "document": document,
                "progress": background.progress(document, now=timezone.now()),
                "status_url": self.url(self.status, document),
                "file_url": self.url(self.file, document),
            },
        )

    def status_view(self, document: KeptDocument) -> JsonResponse:
        """The state of a document being made, for its page to poll (JSON)."""
        state = background.progress(document, now=timezone.now())
        if document.status == KeptDocument.Status.READY:
            state["url"] = self.url(self.file, document)
        return JsonResponse(state)

    def file_view(self, document: KeptDocument) -> HttpResponse:
        if document.status != KeptDocument.Status.READY:
            return redirect(self.url(self.page, document))
        return send(background.kept_export(document))


def page_context(
    *, title: str, heading: str, back_url: str, back_label: str, size: str, request_url: str
) -> dict:
    """What the page of a background document shows: the browser's title, the heading, the link
    back, how large the document is ("Sổ có 750 đảng viên") and where its offer posts."""
    return {
        "page_title": title,
        "heading": heading,
        "back_url": back_url,
        "back_label": back_label,
        "size": size,
        "request_url": request_url,
    }
