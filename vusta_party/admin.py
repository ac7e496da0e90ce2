from django.contrib import admin

from vusta_party.models import CommitteeProfile


@admin.register(CommitteeProfile)
class CommitteeProfileAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "committee_name", "term_name", "signer_name", "created_by"]
    readonly_fields = ["created_at", "created_by"]
