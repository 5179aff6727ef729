"""Comment: admin pages."""

from django.contrib import admin

from blog.comments.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    """Comments in the admin: list."""

    list_display = ("id", "post", "owner", "created_at")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("post", "owner")
    list_select_related = ("post", "owner")
