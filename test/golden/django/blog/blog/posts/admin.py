"""Post: admin pages."""

from django.contrib import admin

from blog.comments.models import Comment
from blog.posts.models import Post


class CommentInline(admin.TabularInline[Comment, Post]):
    """Comments of a post, edited on its page."""

    model = Comment
    fk_name = "post"
    extra = 0
    show_change_link = True
    raw_id_fields = ("owner",)


@admin.register(Post)
class PostAdmin(admin.ModelAdmin[Post]):
    """Posts in the admin: list with search and filters; comments edited inline."""

    list_display = ("id", "title", "slug", "status", "published_at", "owner", "created_at")
    list_filter = ("status",)
    search_fields = ("title", "slug")
    readonly_fields = ("created_at", "updated_at")
    raw_id_fields = ("owner",)
    list_select_related = ("owner",)
    filter_horizontal = ("tags",)
    inlines = (CommentInline,)
