"""Task: admin pages."""

from django.contrib import admin

from tracker.tasks.models import Task


class TaskInline(admin.TabularInline[Task, Task]):
    """Subtasks of a task, edited on its page."""

    model = Task
    fk_name = "parent"
    extra = 0
    show_change_link = True
    raw_id_fields = ("project", "owner")


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin[Task]):
    """Tasks in the admin: list with search and filters; subtasks edited inline."""

    list_display = (
        "id",
        "title",
        "done",
        "priority",
        "due",
        "project",
        "parent",
        "owner",
        "created_at",
    )
    list_filter = ("done",)
    search_fields = ("title",)
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("project", "parent", "owner")
    list_select_related = ("project", "parent", "owner")
    filter_horizontal = ("labels",)
    inlines = (TaskInline,)
