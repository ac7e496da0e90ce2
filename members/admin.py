from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from members.models import Member, Organisation, UserAccess


class UserAccessInline(admin.StackedInline):
    model = UserAccess
    can_delete = False
    filter_horizontal = ["cells"]
    verbose_name_plural = "Vai trò và chi bộ phụ trách"


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class UserWithAccessAdmin(UserAdmin):
    inlines = [UserAccessInline]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent", "founded_on", "ended_on"]
    list_filter = ["kind"]
    # A merger moves members and a dissolution needs an empty cell: both go through the services.
    readonly_fields = ["ended_on", "merged_into"]


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "cell", "status", "admission_date", "official_date"]
    list_filter = ["status", "cell"]
    search_fields = ["search_text"]

    # Read-only: every write to a member goes through members/services.py and its rules.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
